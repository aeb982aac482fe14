#include "graph/sampled_betweenness.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <utility>

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

std::vector<double> sampled_betweenness(const Graph& g, std::size_t pivots, std::uint64_t seed) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> result(n, 0.0);
  pivots = std::min(pivots, n);
  if (n <= 2 || pivots == 0) return result;

  // The first `pivots` entries of a partial Fisher-Yates shuffle of 0..n-1.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::mt19937_64 rng(seed);
  for (std::size_t i = 0; i < pivots; ++i) {
    std::swap(order[i], order[i + draw_below(rng, n - i)]);
  }

  // Brandes 2001, one breadth-first search per pivot s: sigma = number of shortest s-v paths,
  // then dependencies delta(v) = sum over successors w of sigma(v) / sigma(w) (1 + delta(w)),
  // accumulated in reverse BFS order.
  std::vector<std::size_t> distance(n);
  std::vector<double> sigma(n);
  std::vector<double> delta(n);
  std::vector<std::size_t> visited;  // BFS order, also the queue
  visited.reserve(n);
  constexpr std::size_t kUnseen = static_cast<std::size_t>(-1);
  for (std::size_t p = 0; p < pivots; ++p) {
    const std::size_t s = order[p];
    std::fill(distance.begin(), distance.end(), kUnseen);
    std::fill(sigma.begin(), sigma.end(), 0.0);
    std::fill(delta.begin(), delta.end(), 0.0);
    visited.clear();
    distance[s] = 0;
    sigma[s] = 1.0;
    visited.push_back(s);
    for (std::size_t head = 0; head < visited.size(); ++head) {
      const std::size_t v = visited[head];
      for (const auto w : boost::make_iterator_range(boost::adjacent_vertices(v, g))) {
        if (distance[w] == kUnseen) {
          distance[w] = distance[v] + 1;
          visited.push_back(w);
        }
        if (distance[w] == distance[v] + 1) sigma[w] += sigma[v];
      }
    }
    for (std::size_t i = visited.size(); i-- > 1;) {  // every vertex but s, farthest first
      const std::size_t w = visited[i];
      for (const auto v : boost::make_iterator_range(boost::adjacent_vertices(w, g))) {
        if (distance[v] + 1 == distance[w]) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
      }
      result[w] += delta[w];
    }
  }
  // Summed over all n sources each unordered pair counts twice, hence 1/((n-1)(n-2)) rather
  // than betweenness()'s 2/((n-1)(n-2)); n / pivots extrapolates the sample.
  const double scale = static_cast<double>(n) / static_cast<double>(pivots) /
                       (static_cast<double>(n - 1) * static_cast<double>(n - 2));
  for (double& b : result) b *= scale;
  return result;
}

}  // namespace citenet
