#include "graph/pagerank.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "graph/parallel.h"

namespace citenet {
namespace {

// Power iteration x <- alpha (x P + (x . dangling) / n) + (1 - alpha) / n, where P is the
// row-normalised weight matrix. `in_neighbours(v, f)` calls f(u, w) for every arc u -> v of
// weight w: each vertex pulls from its in-neighbours, so vertices are independent and run in
// parallel blocks, and each v's sum is added in a fixed order.
template <typename InNeighbours>
std::vector<double> power_iteration(std::size_t n, const std::vector<double>& strength,
                                    InNeighbours&& in_neighbours, const PageRankOptions& options,
                                    bool* converged) {
  assert(options.damping >= 0.0 && options.damping <= 1.0);
  if (converged != nullptr) *converged = true;
  if (n == 0) return {};
  std::vector<double> inverse(n, 0.0);  // 1 / s(u), 0 for dangling vertices
  for (std::size_t u = 0; u < n; ++u) {
    if (strength[u] != 0.0) inverse[u] = 1.0 / strength[u];
  }
  const double alpha = options.damping;
  const double uniform = 1.0 / static_cast<double>(n);
  std::vector<double> x(n, uniform);
  std::vector<double> share(n);  // last[u] / s(u): what u sends along each unit of weight
  for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
    const double dangling = blocked_sum(n, options.threads, [&](std::size_t u) {
      share[u] = x[u] * inverse[u];
      return strength[u] == 0.0 ? x[u] : 0.0;
    });
    const double base = alpha * dangling * uniform + (1.0 - alpha) * uniform;
    const double change = blocked_sum(n, options.threads, [&](std::size_t v) {
      double pulled = 0.0;
      in_neighbours(v, [&](std::size_t u, double w) { pulled += share[u] * w; });
      const double next = alpha * pulled + base;
      const double moved = std::abs(next - x[v]);
      x[v] = next;  // share[] holds what the other vertices need of the old x
      return moved;
    });
    if (change < static_cast<double>(n) * options.tolerance) return x;
  }
  if (converged != nullptr) *converged = false;
  return x;
}

}  // namespace

std::vector<double> pagerank(const Graph& g, const PageRankOptions& options, bool* converged) {
  const std::uint32_t n = g.vertex_count();
  std::vector<double> strength(n, 0.0);
  for (std::uint32_t v = 0; v < n; ++v)
    for (const double w : g.weights(v)) strength[v] += w;
  return power_iteration(
      n, strength,
      [&g](std::size_t v, auto&& arc) {
        const auto neighbours = g.neighbours(static_cast<std::uint32_t>(v));
        const auto weights = g.weights(static_cast<std::uint32_t>(v));
        for (std::size_t i = 0; i < neighbours.size(); ++i) arc(neighbours[i], weights[i]);
      },
      options, converged);
}

std::vector<double> pagerank(const DirectedGraph& g, const PageRankOptions& options,
                             bool* converged) {
  const std::size_t n = boost::num_vertices(g);
  const auto weight = boost::get(boost::edge_weight, g);
  std::vector<double> strength(n, 0.0);
  for (const auto e : boost::make_iterator_range(boost::edges(g)))
    strength[boost::source(e, g)] += boost::get(weight, e);
  return power_iteration(
      n, strength,
      [&](std::size_t v, auto&& arc) {
        for (const auto e : boost::make_iterator_range(boost::in_edges(v, g)))
          arc(boost::source(e, g), boost::get(weight, e));
      },
      options, converged);
}

}  // namespace citenet
