#include "graph/metrics.h"

#include <algorithm>
#include <cassert>
#include <numeric>

#include "graph/brandes.h"

namespace citenet {

std::vector<double> degree(const Graph& g) {
  std::vector<double> result(g.vertex_count(), 0.0);
  for (std::uint32_t v = 0; v < result.size(); ++v) result[v] = g.degree(v);
  return result;
}

std::vector<double> weighted_degree(const Graph& g) {
  std::vector<double> result(g.vertex_count(), 0.0);
  for (std::uint32_t v = 0; v < result.size(); ++v)
    for (const double w : g.weights(v)) result[v] += w;
  return result;
}

std::vector<double> betweenness(const Graph& g, unsigned threads) {
  const std::size_t n = g.vertex_count();
  if (n <= 2) return std::vector<double>(n, 0.0);
  std::vector<std::uint32_t> sources(n);
  std::iota(sources.begin(), sources.end(), 0u);
  std::vector<double> result = dependency_sums(g, sources, threads);
  // Summed over every source each unordered pair {s,t} counts twice.
  const double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
  for (double& b : result) b *= scale;
  return result;
}

Components components(const Graph& g) {
  const std::uint32_t n = g.vertex_count();
  Components result;
  if (n == 0) return result;
  constexpr std::uint32_t kUnseen = 0xFFFFFFFFu;
  std::vector<std::uint32_t> raw(n, kUnseen);
  std::vector<std::uint32_t> size;
  std::vector<std::uint32_t> queue;
  queue.reserve(n);
  // Breadth-first from each unseen vertex in id order, so a component's raw id follows its
  // smallest vertex.
  for (std::uint32_t s = 0; s < n; ++s) {
    if (raw[s] != kUnseen) continue;
    const auto id = static_cast<std::uint32_t>(size.size());
    queue.assign(1, s);
    raw[s] = id;
    for (std::size_t head = 0; head < queue.size(); ++head)
      for (const std::uint32_t u : g.neighbours(queue[head]))
        if (raw[u] == kUnseen) {
          raw[u] = id;
          queue.push_back(u);
        }
    size.push_back(static_cast<std::uint32_t>(queue.size()));
  }
  const auto count = static_cast<std::uint32_t>(size.size());
  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return size[a] > size[b]; });
  std::vector<std::uint32_t> rank(count);
  for (std::uint32_t i = 0; i < count; ++i) rank[order[i]] = i;

  result.id.resize(n);
  for (std::uint32_t v = 0; v < n; ++v) result.id[v] = rank[raw[v]];
  result.count = count;
  return result;
}

double modularity(const Graph& g, const std::vector<std::uint32_t>& community, double resolution) {
  const std::uint32_t n = g.vertex_count();
  assert(community.size() == n);
  std::uint32_t count = 0;
  for (std::uint32_t c : community) count = std::max(count, c + 1);
  std::vector<double> inside(count, 0.0);    // W_c
  std::vector<double> strength(count, 0.0);  // S_c
  double total = 0.0;                        // m
  // Each edge is seen from both ends: every sum gets half of w from each.
  for (std::uint32_t u = 0; u < n; ++u) {
    const std::uint32_t cu = community[u];
    const auto neighbours = g.neighbours(u);
    const auto weights = g.weights(u);
    for (std::size_t i = 0; i < neighbours.size(); ++i) {
      const double w = weights[i];
      total += 0.5 * w;
      strength[cu] += w;
      if (community[neighbours[i]] == cu) inside[cu] += 0.5 * w;
    }
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
