#include "graph/build.h"

#include <algorithm>
#include <array>

namespace citenet {

namespace {

// A pair of node ids packed into one integer, so counting co-occurrences is a sort and a
// run-length pass over flat memory rather than a map of pairs.
std::uint64_t pack(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

void add_pairs(std::span<const std::uint32_t> ids, std::vector<std::uint64_t>& pairs) {
  for (std::size_t i = 0; i < ids.size(); ++i)
    for (std::size_t j = i + 1; j < ids.size(); ++j) pairs.push_back(pack(ids[i], ids[j]));
}

std::vector<WeightedEdge> count_pairs(std::vector<std::uint64_t>& pairs) {
  std::sort(pairs.begin(), pairs.end());
  std::vector<WeightedEdge> edges;
  for (std::size_t i = 0; i < pairs.size();) {
    std::size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    edges.push_back({static_cast<std::uint32_t>(pairs[i] >> 32),
                     static_cast<std::uint32_t>(pairs[i] & 0xffffffffu),
                     static_cast<double>(j - i)});
    i = j;
  }
  return edges;
}

// The same entity twice on one paper (a name printed twice) counts once.
void distinct_ids(std::span<const std::uint32_t> in, std::vector<std::uint32_t>& out) {
  out.assign(in.begin(), in.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// Entity nodes linked by the papers they share.
Network entity_network(const Corpus& corpus, const IdLists& per_paper,
                       const std::vector<std::string>& labels) {
  Network network;
  network.nodes.resize(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) network.nodes[i].label = labels[i];
  std::vector<std::uint64_t> pairs;
  std::vector<std::uint32_t> ids;
  for (std::size_t p = 0; p < per_paper.size(); ++p) {
    const PaperInfo& paper = corpus.papers[p];
    distinct_ids(per_paper[p], ids);
    for (std::uint32_t id : ids) {
      NodeAttributes& node = network.nodes[id];
      ++node.papers;
      node.citations += paper.citations;
      if (paper.year) {
        node.first_year = node.first_year ? std::min(node.first_year, paper.year) : paper.year;
        node.last_year = std::max(node.last_year, paper.year);
      }
    }
    add_pairs(ids, pairs);
  }
  network.edges = count_pairs(pairs);
  return network;
}

// Paper nodes linked by the entities they share: invert paper -> entities first, so each
// entity contributes the pairs of its papers.
Network paper_network(const Corpus& corpus, const IdLists& per_paper, std::size_t entity_count) {
  Network network;
  network.nodes.resize(corpus.papers.size());
  for (std::size_t p = 0; p < corpus.papers.size(); ++p) {
    const PaperInfo& paper = corpus.papers[p];
    network.nodes[p] = {paper.label, 1, paper.citations, paper.year, paper.year};
  }
  std::vector<std::uint32_t> offsets(entity_count + 1, 0);
  std::vector<std::uint32_t> ids;
  for (std::size_t p = 0; p < per_paper.size(); ++p) {
    distinct_ids(per_paper[p], ids);
    for (std::uint32_t id : ids) ++offsets[id + 1];
  }
  for (std::size_t e = 0; e < entity_count; ++e) offsets[e + 1] += offsets[e];
  std::vector<std::uint32_t> papers_of(offsets.back());
  std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
  for (std::size_t p = 0; p < per_paper.size(); ++p) {
    distinct_ids(per_paper[p], ids);
    for (std::uint32_t id : ids) papers_of[fill[id]++] = static_cast<std::uint32_t>(p);
  }
  std::vector<std::uint64_t> pairs;
  for (std::size_t e = 0; e < entity_count; ++e)
    add_pairs({papers_of.data() + offsets[e], offsets[e + 1] - offsets[e]}, pairs);
  network.edges = count_pairs(pairs);
  return network;
}

struct KindInfo {
  NetworkKind kind;
  std::string_view name;
  std::string_view noun;
};

constexpr std::array<KindInfo, 4> kKinds = {{
    {NetworkKind::coauthor, "coauthor", "author"},
    {NetworkKind::institution, "institution", "institution"},
    {NetworkKind::country, "country", "country"},
    {NetworkKind::paper, "paper", "paper"},
}};

}  // namespace

std::optional<NetworkKind> parse_network_kind(std::string_view name) {
  for (const KindInfo& k : kKinds)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

std::optional<PaperLink> parse_paper_link(std::string_view name) {
  if (name == "authors") return PaperLink::authors;
  if (name == "institutions") return PaperLink::institutions;
  return std::nullopt;
}

std::string_view to_string(NetworkKind kind) {
  for (const KindInfo& k : kKinds)
    if (k.kind == kind) return k.name;
  return "?";
}

Network build_network(const Corpus& corpus, const NetworkSpec& spec) {
  Network network;
  switch (spec.kind) {
    case NetworkKind::coauthor:
      network = entity_network(corpus, corpus.authors, corpus.author_labels);
      break;
    case NetworkKind::institution:
      network = entity_network(corpus, corpus.institutions, corpus.institution_labels);
      break;
    case NetworkKind::country:
      network = entity_network(corpus, corpus.countries, corpus.country_labels);
      break;
    case NetworkKind::paper:
      network = spec.link == PaperLink::authors
                    ? paper_network(corpus, corpus.authors, corpus.author_labels.size())
                    : paper_network(corpus, corpus.institutions, corpus.institution_labels.size());
      break;
  }
  for (const KindInfo& k : kKinds)
    if (k.kind == spec.kind) {
      network.kind = k.name;
      network.node_noun = k.noun;
    }
  network.graph = make_graph(network.nodes.size(), network.edges);
  return network;
}

}  // namespace citenet
