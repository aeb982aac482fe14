#include "graph/metrics.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/connected_components.hpp>
#include <cassert>
#include <numeric>

namespace citenet {

std::vector<double> degree(const Graph& g) {
  std::vector<double> result(boost::num_vertices(g), 0.0);
  for (std::size_t v = 0; v < result.size(); ++v) {
    result[v] = static_cast<double>(boost::degree(v, g));
  }
  return result;
}

std::vector<double> weighted_degree(const Graph& g) {
  std::vector<double> result(boost::num_vertices(g), 0.0);
  const auto weight = boost::get(boost::edge_weight, g);
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const double w = boost::get(weight, e);
    result[boost::source(e, g)] += w;
    result[boost::target(e, g)] += w;
  }
  return result;
}

std::vector<double> betweenness(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> result(n, 0.0);
  if (n <= 2) return result;
  // No weight_map: Boost runs the breadth-first (hop distance) variant. For undirected
  // graphs Boost 1.74 already halves the sums, so `result` counts each pair {s,t} once.
  boost::brandes_betweenness_centrality(g,
                                        boost::centrality_map(boost::make_iterator_property_map(
                                            result.begin(), boost::get(boost::vertex_index, g))));
  const double scale = 2.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
  for (double& b : result) b *= scale;
  return result;
}

Components components(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  Components result;
  if (n == 0) return result;
  std::vector<std::uint32_t> raw(n);
  const std::uint32_t count = static_cast<std::uint32_t>(boost::connected_components(
      g, boost::make_iterator_property_map(raw.begin(), boost::get(boost::vertex_index, g))));

  std::vector<std::uint32_t> size(count, 0);
  std::vector<std::uint32_t> smallest(count, static_cast<std::uint32_t>(n));
  for (std::uint32_t v = 0; v < n; ++v) {
    ++size[raw[v]];
    smallest[raw[v]] = std::min(smallest[raw[v]], v);
  }
  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (size[a] != size[b]) return size[a] > size[b];
    return smallest[a] < smallest[b];
  });
  std::vector<std::uint32_t> rank(count);
  for (std::uint32_t i = 0; i < count; ++i) rank[order[i]] = i;

  result.id.resize(n);
  for (std::size_t v = 0; v < n; ++v) result.id[v] = rank[raw[v]];
  result.count = count;
  return result;
}

double modularity(const Graph& g, const std::vector<std::uint32_t>& community, double resolution) {
  const std::size_t n = boost::num_vertices(g);
  assert(community.size() == n);
  std::uint32_t count = 0;
  for (std::uint32_t c : community) count = std::max(count, c + 1);
  std::vector<double> inside(count, 0.0);    // W_c
  std::vector<double> strength(count, 0.0);  // S_c
  double total = 0.0;                        // m
  const auto weight = boost::get(boost::edge_weight, g);
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const double w = boost::get(weight, e);
    const std::uint32_t cu = community[boost::source(e, g)];
    const std::uint32_t cv = community[boost::target(e, g)];
    total += w;
    strength[cu] += w;
    strength[cv] += w;
    if (cu == cv) inside[cu] += w;
  }
  if (total == 0.0) return 0.0;
  double q = 0.0;
  for (std::uint32_t c = 0; c < count; ++c) {
    const double share = strength[c] / (2.0 * total);
    q += inside[c] / total - resolution * share * share;
  }
  return q;
}

}  // namespace citenet
