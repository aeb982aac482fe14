#include "graph/filters.h"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <tuple>
#include <utility>

namespace citenet {

namespace {

std::uint32_t find_root(std::vector<std::uint32_t>& parent, std::uint32_t v) {
  while (parent[v] != v) {
    parent[v] = parent[parent[v]];
    v = parent[v];
  }
  return v;
}

}  // namespace

std::vector<std::uint32_t> renumber(const std::vector<bool>& keep) {
  std::vector<std::uint32_t> old_to_new(keep.size(), kDropped);
  std::uint32_t next = 0;
  for (std::size_t v = 0; v < keep.size(); ++v)
    if (keep[v]) old_to_new[v] = next++;
  return old_to_new;
}

std::pair<std::size_t, std::size_t> keep_nodes(Network& network, std::vector<WeightedEdge> edges,
                                               std::span<const std::uint32_t> old_to_new,
                                               double min_weight, unsigned threads) {
  const std::size_t nodes = network.nodes.size(), links = edges.size();
  std::size_t kept = 0;
  for (std::size_t v = 0; v < nodes; ++v)
    if (old_to_new[v] != kDropped) {
      if (kept != v) network.nodes[kept] = std::move(network.nodes[v]);
      ++kept;
    }
  network.nodes.resize(kept);
  // Renumbering keeps the order of kept ids, so (source, target) order is preserved.
  kept = 0;
  for (const WeightedEdge& e : edges) {
    const std::uint32_t s = old_to_new[e.source], t = old_to_new[e.target];
    if (s != kDropped && t != kDropped && e.weight >= min_weight) edges[kept++] = {s, t, e.weight};
  }
  edges.resize(kept);
  set_links(network, std::move(edges), threads);
  return {nodes - network.nodes.size(), links - kept};
}

std::pair<std::size_t, std::size_t> keep_nodes(Network& network,
                                               std::span<const std::uint32_t> old_to_new,
                                               double min_weight, unsigned threads) {
  return keep_nodes(network, network.links().list(), old_to_new, min_weight, threads);
}

FilterResult subnetwork(const Network& network, std::span<const std::uint32_t> old_to_new,
                        double min_weight, unsigned threads) {
  FilterResult result;
  Network& out = result.network;  // fields one by one: copying `graph` would be wasted
  out.kind = network.kind;
  out.node_noun = network.node_noun;
  out.directed = network.directed;
  out.nodes = network.nodes;
  std::tie(result.nodes_removed, result.edges_removed) =
      keep_nodes(out, network.links().list(), old_to_new, min_weight, threads);
  return result;
}

FilterResult filter_min_occurrences(const Network& network, std::uint32_t min_papers,
                                    unsigned threads) {
  std::vector<bool> keep(network.nodes.size());
  for (std::size_t v = 0; v < keep.size(); ++v) keep[v] = network.nodes[v].papers >= min_papers;
  return subnetwork(network, renumber(keep), -1.0, threads);
}

FilterResult filter_min_weight(const Network& network, double min_weight, unsigned threads) {
  return subnetwork(network, renumber(std::vector<bool>(network.nodes.size(), true)), min_weight,
                    threads);
}

FilterResult filter_top_nodes(const Network& network, std::span<const double> metric,
                              std::size_t count, unsigned threads) {
  std::vector<std::uint32_t> order(network.nodes.size());
  std::iota(order.begin(), order.end(), 0u);
  const std::size_t n = std::min(count, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [&](std::uint32_t a, std::uint32_t b) {
                      return metric[a] != metric[b] ? metric[a] > metric[b] : a < b;
                    });
  std::vector<bool> keep(network.nodes.size(), false);
  for (std::size_t i = 0; i < n; ++i) keep[order[i]] = true;
  return subnetwork(network, renumber(keep), -1.0, threads);
}

FilterResult filter_largest_component(const Network& network, unsigned threads) {
  const std::size_t n = network.nodes.size();
  std::vector<std::uint32_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0u);
  for (const WeightedEdge e : network.links()) {
    const std::uint32_t a = find_root(parent, e.source), b = find_root(parent, e.target);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);  // the root is the lowest id
  }
  std::vector<std::uint32_t> size(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) ++size[find_root(parent, v)];
  std::uint32_t best = 0;
  for (std::uint32_t v = 0; v < n; ++v)
    if (size[v] > size[best]) best = v;  // strictly greater: the lowest root wins a tie
  std::vector<bool> keep(n);
  for (std::uint32_t v = 0; v < n; ++v) keep[v] = find_root(parent, v) == best;
  return subnetwork(network, renumber(keep), -1.0, threads);
}

std::optional<YearRange> parse_year_range(std::string_view text, std::string* error) {
  const auto fail = [&](const std::string& why) -> std::optional<YearRange> {
    *error = "bad year range '" + std::string(text) + "': " + why;
    return std::nullopt;
  };
  const auto year = [](std::string_view s, int* out) {
    if (s.empty()) {
      *out = 0;
      return true;
    }
    if (s.size() != 4) return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && end == s.data() + s.size() && *out > 0;
  };
  if (text.empty()) return fail("expected FIRST-LAST, e.g. 2015-2024");
  YearRange range;
  const std::size_t dash = text.find('-');
  const std::string_view first = dash == std::string_view::npos ? text : text.substr(0, dash);
  const std::string_view last = dash == std::string_view::npos ? text : text.substr(dash + 1);
  if (!year(first, &range.first)) return fail("'" + std::string(first) + "' is not a 4-digit year");
  if (!year(last, &range.last)) return fail("'" + std::string(last) + "' is not a 4-digit year");
  if (!range.any()) return fail("expected FIRST-LAST, e.g. 2015-2024");
  if (range.first && range.last && range.first > range.last)
    return fail(std::to_string(range.first) + " is after " + std::to_string(range.last));
  return range;
}

}  // namespace citenet
