#include "graph/eigenvector.h"

#include <cmath>

#include "graph/parallel.h"

namespace citenet {

std::vector<double> eigenvector_centrality(const Graph& g, const EigenvectorOptions& options,
                                           bool* converged) {
  const std::uint32_t n = g.vertex_count();
  if (converged != nullptr) *converged = true;
  if (n == 0) return {};
  std::vector<double> x(n, 1.0 / static_cast<double>(n));
  std::vector<double> last(n);
  for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
    last.swap(x);
    // (A + I) x, each vertex pulling from its neighbours.
    const double squares = blocked_sum(n, options.threads, [&](std::size_t v) {
      double value = last[v];
      const auto neighbours = g.neighbours(static_cast<std::uint32_t>(v));
      const auto weights = g.weights(static_cast<std::uint32_t>(v));
      for (std::size_t i = 0; i < neighbours.size(); ++i) value += last[neighbours[i]] * weights[i];
      x[v] = value;
      return value * value;
    });
    const double norm = squares == 0.0 ? 1.0 : std::sqrt(squares);
    const double change = blocked_sum(n, options.threads, [&](std::size_t v) {
      x[v] /= norm;
      return std::abs(x[v] - last[v]);
    });
    if (change < static_cast<double>(n) * options.tolerance) return x;
  }
  if (converged != nullptr) *converged = false;
  return x;
}

}  // namespace citenet
