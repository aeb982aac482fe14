#include "graph/eigenvector.h"

#include <cmath>

namespace citenet {

std::vector<double> eigenvector_centrality(const Graph& g, const EigenvectorOptions& options,
                                           bool* converged) {
  const std::size_t n = boost::num_vertices(g);
  if (converged != nullptr) *converged = true;
  if (n == 0) return {};
  const auto weight = boost::get(boost::edge_weight, g);
  std::vector<double> x(n, 1.0 / static_cast<double>(n));
  std::vector<double> last(n);
  for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
    last.swap(x);
    x = last;  // (A + I) x: start from x itself
    for (const auto e : boost::make_iterator_range(boost::edges(g))) {
      const std::size_t u = boost::source(e, g);
      const std::size_t v = boost::target(e, g);
      const double w = boost::get(weight, e);
      x[v] += last[u] * w;
      if (u != v) x[u] += last[v] * w;
    }
    double squares = 0.0;
    for (const double value : x) squares += value * value;
    double norm = std::sqrt(squares);
    if (norm == 0.0) norm = 1.0;
    double change = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      x[v] /= norm;
      change += std::abs(x[v] - last[v]);
    }
    if (change < static_cast<double>(n) * options.tolerance) return x;
  }
  if (converged != nullptr) *converged = false;
  return x;
}

}  // namespace citenet
