// Networks from a corpus: which entities become nodes and what links them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "graph/network.h"
#include "records/corpus.h"

namespace citenet {

enum class NetworkKind { coauthor, institution, country, paper };
enum class PaperLink { authors, institutions };

struct NetworkSpec {
  NetworkKind kind = NetworkKind::coauthor;
  PaperLink link = PaperLink::authors;  // paper networks only
};

std::optional<NetworkKind> parse_network_kind(std::string_view name);
std::optional<PaperLink> parse_paper_link(std::string_view name);
std::string_view to_string(NetworkKind kind);

// Nodes: the entities of `spec.kind` with their papers, citations and years. Edges: one per
// pair of nodes sharing at least one paper (or, for paper networks, one author/institution),
// weight = number of papers (or entities) shared.
Network build_network(const Corpus& corpus, const NetworkSpec& spec);

}  // namespace citenet
