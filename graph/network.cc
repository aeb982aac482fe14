#include "graph/network.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace citenet {

Graph::Graph(std::size_t vertex_count) : csr_(static_cast<std::uint32_t>(vertex_count)) {}

// The rows are written straight into the CSR arrays: Boost's sorted-edges constructor would
// need all 2m arcs materialised as (source, target) pairs first, a third more memory at the
// peak for the networks of a million records.
Graph::Graph(std::size_t vertex_count, std::span<const WeightedEdge> edges)
    : csr_(static_cast<std::uint32_t>(vertex_count)), edge_count_(edges.size()) {
  if (vertex_count > 0xFFFFFFFEu) throw std::length_error("graph: over 2^32 - 2 vertices");
  auto& rows = csr_.m_forward.m_rowstart;
  for (const WeightedEdge& e : edges) {
    ++rows[e.source + 1];
    if (e.target != e.source) ++rows[e.target + 1];
  }
  std::partial_sum(rows.begin(), rows.end(), rows.begin());
  auto& column = csr_.m_forward.m_column;
  auto& weight = csr_.m_forward.m_edge_properties;
  column.resize(rows.back());
  weight.resize(rows.back());
  std::vector<std::uint64_t> next(rows.begin(), rows.end() - 1);
  for (const WeightedEdge& e : edges) {
    std::uint64_t at = next[e.source]++;
    column[at] = e.target;
    weight[at] = e.weight;
    if (e.target == e.source) continue;
    at = next[e.target]++;
    column[at] = e.source;
    weight[at] = e.weight;
  }
  // Edges sorted by (source, target) with source < target, as networks keep them, give
  // sorted rows already (a row's lower neighbours arrive before its higher ones); anything
  // else is sorted here.
  std::vector<std::pair<std::uint32_t, double>> row;
  for (std::size_t v = 0; v < vertex_count; ++v) {
    const auto first = column.begin() + static_cast<std::ptrdiff_t>(rows[v]);
    const auto last = column.begin() + static_cast<std::ptrdiff_t>(rows[v + 1]);
    if (std::is_sorted(first, last)) continue;
    row.clear();
    for (std::uint64_t i = rows[v]; i < rows[v + 1]; ++i) row.emplace_back(column[i], weight[i]);
    std::stable_sort(row.begin(), row.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::uint64_t i = rows[v]; i < rows[v + 1]; ++i) {
      column[i] = row[i - rows[v]].first;
      weight[i] = row[i - rows[v]].second;
    }
  }
}

}  // namespace citenet
