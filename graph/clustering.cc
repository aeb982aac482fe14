#include "graph/clustering.h"

#include <cstdint>

#include "graph/parallel.h"

namespace citenet {

std::vector<double> local_clustering(const Graph& g, unsigned threads) {
  const std::uint32_t n = g.vertex_count();
  std::vector<double> result(n, 0.0);
  constexpr std::size_t kBlock = 1024;
  parallel_blocks(n, kBlock, threads, [&](std::size_t first, std::size_t last) {
    // marked[u] == v + 1 while u is a neighbour of the current vertex v.
    std::vector<std::uint32_t> marked(n, 0);
    for (std::size_t v = first; v < last; ++v) {
      const auto mark = static_cast<std::uint32_t>(v + 1);
      std::uint64_t k = 0;
      for (const std::uint32_t u : g.neighbours(static_cast<std::uint32_t>(v))) {
        if (u == v) continue;
        marked[u] = mark;
        ++k;
      }
      if (k < 2) continue;
      std::uint64_t closed = 0;  // ordered pairs (u, w) of adjacent neighbours: 2 T(v)
      for (const std::uint32_t u : g.neighbours(static_cast<std::uint32_t>(v))) {
        if (u == v) continue;
        for (const std::uint32_t w : g.neighbours(u))
          if (w != u && w != v && marked[w] == mark) ++closed;
      }
      result[v] = static_cast<double>(closed) / static_cast<double>(k * (k - 1));
    }
  });
  return result;
}

}  // namespace citenet
