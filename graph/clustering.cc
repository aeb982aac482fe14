#include "graph/clustering.h"

#include <cstdint>

namespace citenet {

std::vector<double> local_clustering(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> result(n, 0.0);
  // marked[u] == v + 1 while u is a neighbour of the current vertex v.
  std::vector<std::size_t> marked(n, 0);
  for (std::size_t v = 0; v < n; ++v) {
    std::uint64_t k = 0;
    for (const auto u : boost::make_iterator_range(boost::adjacent_vertices(v, g))) {
      if (u == v) continue;
      marked[u] = v + 1;
      ++k;
    }
    if (k < 2) continue;
    std::uint64_t closed = 0;  // ordered pairs (u, w) of adjacent neighbours: 2 T(v)
    for (const auto u : boost::make_iterator_range(boost::adjacent_vertices(v, g))) {
      if (u == v) continue;
      for (const auto w : boost::make_iterator_range(boost::adjacent_vertices(u, g))) {
        if (w != u && w != v && marked[w] == v + 1) ++closed;
      }
    }
    result[v] = static_cast<double>(closed) / static_cast<double>(k * (k - 1));
  }
  return result;
}

}  // namespace citenet
