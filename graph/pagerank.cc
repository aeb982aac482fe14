#include "graph/pagerank.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace citenet {
namespace {

// Power iteration x <- alpha (x P + (x . dangling) / n) + (1 - alpha) / n, where P is the
// row-normalised weight matrix; undirected graphs contribute every edge in both directions.
template <typename G>
std::vector<double> power_iteration(const G& g, bool both_directions,
                                    const PageRankOptions& options, bool* converged) {
  assert(options.damping >= 0.0 && options.damping <= 1.0);
  const std::size_t n = boost::num_vertices(g);
  if (converged != nullptr) *converged = true;
  if (n == 0) return {};
  const auto weight = boost::get(boost::edge_weight, g);

  std::vector<double> strength(n, 0.0);
  for (const auto e : boost::make_iterator_range(boost::edges(g))) {
    const std::size_t u = boost::source(e, g);
    const std::size_t v = boost::target(e, g);
    strength[u] += boost::get(weight, e);
    if (both_directions && u != v) strength[v] += boost::get(weight, e);
  }
  std::vector<double> inverse(n, 0.0);  // 1 / s(u), 0 for dangling vertices
  for (std::size_t u = 0; u < n; ++u) {
    if (strength[u] != 0.0) inverse[u] = 1.0 / strength[u];
  }

  const double alpha = options.damping;
  const double uniform = 1.0 / static_cast<double>(n);
  std::vector<double> x(n, uniform);
  std::vector<double> last(n);
  for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
    last.swap(x);
    double dangling = 0.0;
    for (std::size_t u = 0; u < n; ++u) {
      if (strength[u] == 0.0) dangling += last[u];
    }
    std::fill(x.begin(), x.end(), 0.0);
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
      const std::size_t u = boost::source(e, g);
      const std::size_t v = boost::target(e, g);
      const double w = boost::get(weight, e);
      x[v] += last[u] * w * inverse[u];
      if (both_directions && u != v) x[u] += last[v] * w * inverse[v];
    }
    const double base = alpha * dangling * uniform + (1.0 - alpha) * uniform;
    double change = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      x[v] = alpha * x[v] + base;
      change += std::abs(x[v] - last[v]);
    }
    if (change < static_cast<double>(n) * options.tolerance) return x;
  }
  if (converged != nullptr) *converged = false;
  return x;
}

}  // namespace

std::vector<double> pagerank(const Graph& g, const PageRankOptions& options, bool* converged) {
  return power_iteration(g, /*both_directions=*/true, options, converged);
}

std::vector<double> pagerank(const DirectedGraph& g, const PageRankOptions& options,
                             bool* converged) {
  return power_iteration(g, /*both_directions=*/false, options, converged);
}

}  // namespace citenet
