#include "graph/kcore.h"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace citenet {

std::vector<double> core_number(const Graph& g) {
  const std::uint32_t n = g.vertex_count();
  std::vector<std::size_t> degree(n, 0);
  std::size_t max_degree = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    for (const std::uint32_t u : g.neighbours(v)) {
      if (u != v) ++degree[v];
    }
    max_degree = std::max(max_degree, degree[v]);
  }
  // Vertices sorted by current degree: vertices[start[d] .. start[d + 1]) have degree d;
  // position[v] is v's index in `vertices`.
  std::vector<std::size_t> start(max_degree + 2, 0);
  for (std::size_t v = 0; v < n; ++v) ++start[degree[v] + 1];
  for (std::size_t d = 1; d < start.size(); ++d) start[d] += start[d - 1];
  std::vector<std::size_t> vertices(n);
  std::vector<std::size_t> position(n);
  {
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (std::size_t v = 0; v < n; ++v) {
      position[v] = next[degree[v]]++;
      vertices[position[v]] = v;
    }
  }
  // Take vertices in order of current degree; each removal lowers the degree of its
  // neighbours of higher degree by one, moving them to the front of their bin, then into the
  // bin below. degree[v] is final (the core number) when v is taken.
  for (std::size_t i = 0; i < n; ++i) {
    const auto v = static_cast<std::uint32_t>(vertices[i]);
    for (const std::uint32_t u : g.neighbours(v)) {
      if (u == v || degree[u] <= degree[v]) continue;
      const std::size_t du = degree[u];
      const std::size_t first = start[du];
      const std::size_t w = vertices[first];
      if (u != w) {
        std::swap(vertices[position[u]], vertices[first]);
        std::swap(position[u], position[w]);
      }
      ++start[du];
      --degree[u];
    }
  }
  return std::vector<double>(degree.begin(), degree.end());
}

}  // namespace citenet
