#include "render/node_columns.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace citenet {
namespace {

std::optional<double> year(int value) {
  if (value == 0) return std::nullopt;
  return value;
}

// VOSviewer's own names for what its maps show (weight<Links>, weight<Total link strength>);
// any other metric becomes a score, named like "score<Weighted degree>".
std::string vosviewer_header(Metric metric) {
  if (metric == Metric::degree) return "weight<Links>";
  if (metric == Metric::weighted_degree) return "weight<Total link strength>";
  std::string name(metric_name(metric));
  std::replace(name.begin(), name.end(), '_', ' ');
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = name[0] - 'a' + 'A';
  return "score<" + name + ">";
}

}  // namespace

std::vector<NodeColumn> node_columns(const Network& network, const Analysis& analysis) {
  const std::vector<NodeAttributes>& nodes = network.nodes;
  std::vector<NodeColumn> columns = {
      {"papers", ColumnType::kInteger, "weight<Documents>",
       [&nodes](std::size_t i) -> std::optional<double> { return nodes[i].papers; }},
      {"citations", ColumnType::kInteger, "weight<Citations>",
       [&nodes](std::size_t i) -> std::optional<double> { return nodes[i].citations; }},
      {"first_year", ColumnType::kInteger, "score<First year>",
       [&nodes](std::size_t i) { return year(nodes[i].first_year); }},
      {"last_year", ColumnType::kInteger, "score<Last year>",
       [&nodes](std::size_t i) { return year(nodes[i].last_year); }},
  };
  // Bipartite networks say which kind each node is (0: authors; 1: papers or institutions),
  // for Gephi's partition colouring and bipartite projections in networkx/igraph.
  if (std::any_of(nodes.begin(), nodes.end(), [](const NodeAttributes& n) { return n.part; }))
    columns.push_back({"part", ColumnType::kInteger, "",
                       [&nodes](std::size_t i) -> std::optional<double> { return nodes[i].part; }});
  // Every metric Analysis knows (graph/analysis.h, all_metrics()), in its order: a metric added
  // there reaches every writer with no change here.
  for (const Metric metric : all_metrics()) {
    const std::vector<double>& values = analysis.values(metric);
    if (values.empty()) continue;
    columns.push_back({std::string(metric_name(metric)), ColumnType::kDouble,
                       vosviewer_header(metric),
                       [&values](std::size_t i) -> std::optional<double> { return values[i]; }});
  }
  const auto group = [&columns](const char* name, const char* vosviewer,
                                const std::vector<std::uint32_t>& values) {
    if (values.empty()) return;
    columns.push_back({name, ColumnType::kInteger, vosviewer,
                       [&values](std::size_t i) -> std::optional<double> { return values[i]; }});
  };
  group("component", "score<Component>", analysis.component);
  group("community", "", analysis.communities.community);
  return columns;
}

bool check_network(const Network& network, const Analysis& analysis, std::string* err,
                   const std::vector<NodePosition>& positions) {
  const std::size_t n = network.nodes.size();
  std::vector<std::pair<std::string, std::size_t>> sizes;
  for (const Metric metric : all_metrics()) {
    sizes.emplace_back(metric_name(metric), analysis.values(metric).size());
  }
  sizes.emplace_back("component", analysis.component.size());
  sizes.emplace_back("community", analysis.communities.community.size());
  for (const auto& [name, size] : sizes) {
    if (size != 0 && size != n) {
      *err = "analysis does not match the network: " + name + " has " + std::to_string(size) +
             " values for " + std::to_string(n) + " nodes";
      return false;
    }
  }
  if (!positions.empty()) {
    if (positions.size() != n) {
      *err = "layout does not match the network: " + std::to_string(positions.size()) +
             " positions for " + std::to_string(n) + " nodes";
      return false;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (!std::isfinite(positions[i].x) || !std::isfinite(positions[i].y)) {
        *err = "layout position of node " + std::to_string(i) + " is not finite";
        return false;
      }
    }
  }
  // Pairs as (low, high) for undirected networks, (source, target) for arcs; networks keep
  // their edges sorted, so repeats are neighbours and the check costs one pass. Only an
  // unsorted list (hand-made networks) is copied and sorted.
  const auto key = [&](const WeightedEdge& e) {
    if (network.directed) return std::uint64_t{e.source} << 32 | e.target;
    return std::uint64_t{std::min(e.source, e.target)} << 32 | std::max(e.source, e.target);
  };
  // Names the edge as the caller wrote it: the first entry that repeats an earlier one.
  const auto repeated = [&](const WeightedEdge& e) {
    const std::string a = std::to_string(e.source), b = std::to_string(e.target);
    *err = network.directed
               ? "arc " + a + " -> " + b + " appears twice; each arc must be written once"
               : "edge " + a + " -- " + b +
                     " appears twice; each undirected pair must be written once";
    return false;
  };
  // A graph laid out from strictly sorted edges or by the builder cannot hold a pair twice,
  // and one of no more vertices than nodes cannot point past them: the walk over every link
  // (60 million at a million records) would find nothing.
  if (!network.directed && network.graph.distinct_pairs() && network.graph.vertex_count() <= n)
    return true;
  // Links read from the graph come sorted; arcs a caller set by hand may not.
  const Links links = network.links();
  bool sorted = true;
  std::uint64_t before = 0;
  for (auto it = links.begin(); it != links.end(); ++it) {
    const WeightedEdge edge = *it;
    if (edge.source >= n || edge.target >= n) {
      *err = "edge " + std::to_string(edge.source) + " -- " + std::to_string(edge.target) +
             " refers to a node beyond the " + std::to_string(n) + " nodes";
      return false;
    }
    const std::uint64_t now = key(edge);
    if (it.index() > 0 && sorted) {
      if (now == before) return repeated(edge);
      sorted = now > before;
    }
    before = now;
  }
  if (!sorted) {
    const std::vector<WeightedEdge> edges = links.list();
    std::vector<std::pair<std::uint64_t, std::size_t>> pairs;  // key, position
    pairs.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) pairs.emplace_back(key(edges[i]), i);
    std::sort(pairs.begin(), pairs.end());
    std::size_t first_repeat = edges.size();
    for (std::size_t i = 1; i < pairs.size(); ++i)
      if (pairs[i].first == pairs[i - 1].first && (i < 2 || pairs[i - 2].first != pairs[i].first))
        first_repeat = std::min(first_repeat, pairs[i].second);
    if (first_repeat < edges.size()) return repeated(edges[first_repeat]);
  }
  return true;
}

std::string shortest_double(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string format_column_value(ColumnType type, double value) {
  if (type == ColumnType::kInteger && std::isfinite(value)) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  return shortest_double(value);
}

void append_column_value(TextBuffer& out, ColumnType type, double value) {
  if (!std::isfinite(value))
    out += shortest_double(value);
  else if (type == ColumnType::kInteger)
    append_number(out, static_cast<std::int64_t>(value));
  else
    append_number(out, value);
}

}  // namespace citenet

namespace citenet {

std::string community_provenance(const Analysis& analysis) {
  if (analysis.communities.community.empty()) return "";
  std::string line;
  if (analysis.method != CommunityMethod::none)
    line += std::string(community_method_name(analysis.method)) + ", ";
  return line + (analysis.quality == CommunityQuality::cpm ? "CPM" : "modularity") +
         ", resolution " + shortest_double(analysis.resolution) + ", seed " +
         std::to_string(analysis.seed);
}

std::string provenance(const Network& network, const Analysis& analysis) {
  const std::string line =
      (network.kind.empty() ? std::string("network") : network.kind) + " network";
  if (analysis.communities.community.empty()) return line + "; no communities";
  return line + "; communities: " + community_provenance(analysis);
}

}  // namespace citenet
