#include "graph/harmonic.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "graph/parallel.h"

namespace citenet {

std::vector<double> harmonic_closeness(const Graph& g, unsigned threads) {
  const std::uint32_t n = g.vertex_count();
  std::vector<double> result(n, 0.0);
  constexpr std::uint32_t kUnseen = std::numeric_limits<std::uint32_t>::max();
  constexpr std::size_t kSourcesPerBlock = 64;
  // Each source's sum is its own result, so blocks of sources need no merging.
  parallel_blocks(n, kSourcesPerBlock, threads, [&](std::size_t first, std::size_t last) {
    std::vector<std::uint32_t> distance(n, kUnseen);
    std::vector<std::uint32_t> queue;
    queue.reserve(n);
    for (std::size_t source = first; source < last; ++source) {
      for (const std::uint32_t v : queue) distance[v] = kUnseen;
      queue.assign(1, static_cast<std::uint32_t>(source));
      distance[source] = 0;
      double sum = 0.0;
      for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::uint32_t u = queue[head];
        for (const std::uint32_t v : g.neighbours(u)) {
          if (distance[v] != kUnseen) continue;
          distance[v] = distance[u] + 1;
          sum += 1.0 / static_cast<double>(distance[v]);
          queue.push_back(v);
        }
      }
      result[source] = sum;  // undirected: the sum over targets equals the sum over sources
    }
  });
  return result;
}

std::vector<double> normalised_harmonic_closeness(const Graph& g, unsigned threads) {
  std::vector<double> result = harmonic_closeness(g, threads);
  if (result.size() <= 1) return std::vector<double>(result.size(), 0.0);
  const double scale = 1.0 / static_cast<double>(result.size() - 1);
  for (double& h : result) h *= scale;
  return result;
}

}  // namespace citenet
