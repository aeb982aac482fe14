#include "graph/harmonic.h"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace citenet {

std::vector<double> harmonic_closeness(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> result(n, 0.0);
  constexpr std::uint32_t kUnseen = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> distance(n, kUnseen);
  std::vector<std::size_t> queue(n);
  for (std::size_t source = 0; source < n; ++source) {
    std::fill(distance.begin(), distance.end(), kUnseen);
    distance[source] = 0;
    std::size_t head = 0;
    std::size_t tail = 0;
    queue[tail++] = source;
    double sum = 0.0;
    while (head < tail) {
      const std::size_t u = queue[head++];
      for (const auto v : boost::make_iterator_range(boost::adjacent_vertices(u, g))) {
        if (distance[v] != kUnseen) continue;
        distance[v] = distance[u] + 1;
        sum += 1.0 / static_cast<double>(distance[v]);
        queue[tail++] = v;
      }
    }
    result[source] = sum;  // undirected: the sum over targets equals the sum over sources
  }
  return result;
}

std::vector<double> normalised_harmonic_closeness(const Graph& g) {
  std::vector<double> result = harmonic_closeness(g);
  if (result.size() <= 1) return std::vector<double>(result.size(), 0.0);
  const double scale = 1.0 / static_cast<double>(result.size() - 1);
  for (double& h : result) h *= scale;
  return result;
}

}  // namespace citenet
