#include "graph/sampled_betweenness.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <utility>

#include "graph/brandes.h"

namespace citenet {
namespace {

// Uniform in [0, bound) without modulo bias; std::uniform_int_distribution is
// implementation-defined, so results would differ between standard libraries.
std::uint64_t draw_below(std::mt19937_64& rng, std::uint64_t bound) {
  const std::uint64_t limit = std::mt19937_64::max() - std::mt19937_64::max() % bound;
  std::uint64_t x = 0;
  do x = rng();
  while (x >= limit);
  return x % bound;
}

}  // namespace

std::vector<double> sampled_betweenness(const Graph& g, std::size_t pivots, std::uint64_t seed,
                                        unsigned threads) {
  const std::size_t n = g.vertex_count();
  pivots = std::min(pivots, n);
  if (n <= 2 || pivots == 0) return std::vector<double>(n, 0.0);

  // The first `pivots` entries of a partial Fisher-Yates shuffle of 0..n-1.
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::mt19937_64 rng(seed);
  for (std::size_t i = 0; i < pivots; ++i) {
    std::swap(order[i], order[i + draw_below(rng, n - i)]);
  }
  order.resize(pivots);
  std::vector<double> result = dependency_sums(g, order, threads);
  // Summed over all n sources each unordered pair counts twice, hence 1/((n-1)(n-2)) rather
  // than betweenness()'s 2/((n-1)(n-2)); n / pivots extrapolates the sample.
  const double scale = static_cast<double>(n) / static_cast<double>(pivots) /
                       (static_cast<double>(n - 1) * static_cast<double>(n - 2));
  for (double& b : result) b *= scale;
  return result;
}

}  // namespace citenet
