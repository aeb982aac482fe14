// Networks from a corpus: which entities become nodes, what links them, how links are
// counted and normalised. Definitions, formulas and a worked example: docs/networks.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "graph/filters.h"
#include "graph/network.h"
#include "graph/weights.h"
#include "records/corpus.h"

namespace citenet {

// coauthor, institution, country, keyword: entities linked by the papers they share.
// paper: papers linked by shared authors, institutions or keywords (PaperLink).
// citation: papers, an arc u -> v when u cites v (directed; both in the corpus).
// cocitation: cited works, linked when one corpus paper cites both.
// coupling: papers linked by the references they share (bibliographic coupling).
// author-paper, author-institution: bipartite, part 0 = authors, part 1 = the other kind;
// an author is linked to the papers it signs, or to the institutions it is affiliated with
// on them (Corpus::author_institutions).
// The last four need a corpus built with CorpusOptions::references (needs_references()).
enum class NetworkKind {
  coauthor,
  institution,
  country,
  paper,
  keyword,
  citation,
  cocitation,
  coupling,
  author_paper,
  author_institution,
};
enum class PaperLink { authors, institutions, keywords };

struct NetworkSpec {
  NetworkKind kind = NetworkKind::coauthor;
  PaperLink link = PaperLink::authors;  // paper networks only
  Counting counting = Counting::full;
  // Co-occurrence kinds only (not citation, not bipartite).
  Normalization normalization = Normalization::none;
  // A paper naming more than this many entities of the linking kind (authors, keywords,
  // references …) still counts as an occurrence of each but adds no links (--max-authors).
  // 0: no limit. Not applied to citation and author-paper networks.
  std::uint32_t max_entities = 0;
  YearRange years = {};  // papers outside the range are left out before building
  unsigned threads = 0;  // co-occurrence rows: 0 = every core; the same network on any number
};

struct BuildReport {
  std::size_t papers = 0;                  // corpus papers inside the year range
  std::size_t papers_outside_years = 0;    // left out by NetworkSpec::years
  std::size_t papers_over_max = 0;         // more than max_entities: counted, not linked
  std::size_t papers_with_references = 0;  // citation kinds: in-range papers citing anything
  std::size_t citations_resolved = 0;      // citation: references that are corpus papers
  // author-institution: authors of linking papers that name institutions who are linked to
  // none of them (Corpus::unattributed_authors), one per author and paper.
  std::size_t authors_unattributed = 0;
};

struct BuiltNetwork {
  Network network;
  BuildReport report;
};

std::optional<NetworkKind> parse_network_kind(std::string_view name);
std::optional<PaperLink> parse_paper_link(std::string_view name);
std::string_view to_string(NetworkKind kind);
std::string_view to_string(PaperLink link);

// Citation, co-citation and coupling networks read Corpus::references.
bool needs_references(NetworkKind kind);
bool is_bipartite(NetworkKind kind);

// Nodes: the entities of `spec.kind` occurring in the selected papers, with their papers,
// citations and years. Edges: one per linked pair, weight = papers (or entities) shared
// under `spec.counting`, then normalised. Pairs are counted by sorting packed 64-bit ids:
// O(P log P) for P pairs, no allocation per pair or per paper.
BuiltNetwork build_network_with_report(const Corpus& corpus, const NetworkSpec& spec);

// build_network_with_report(corpus, spec).network.
Network build_network(const Corpus& corpus, const NetworkSpec& spec);

}  // namespace citenet
