#include "graph/community_level.h"

#include <algorithm>
#include <numeric>
#include <type_traits>

namespace citenet {

static_assert(std::is_same_v<std::size_t, std::uint64_t>, "Level views Graph's 64-bit offsets");

Level::Level(const Graph& g) {
  const std::uint32_t n = g.vertex_count();
  loop.assign(n, 0.0);
  bool loops = false;
  for (std::uint32_t v = 0; v < n && !loops; ++v)
    for (const std::uint32_t u : g.neighbours(v)) loops |= u == v;
  if (!loops) {
    const auto& rows = g.csr().m_forward;
    offset = {rows.m_rowstart.data(), rows.m_rowstart.size()};
    neighbour = {rows.m_column.data(), rows.m_column.size()};
    weight = {rows.m_edge_properties.data(), rows.m_edge_properties.size()};
    return;
  }
  own_offset_.assign(n + 1, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    const auto neighbours = g.neighbours(v);
    const auto weights = g.weights(v);
    for (std::size_t i = 0; i < neighbours.size(); ++i) {
      if (neighbours[i] == v) {
        loop[v] += weights[i];
        continue;
      }
      own_neighbour_.push_back(neighbours[i]);
      own_weight_.push_back(weights[i]);
    }
    own_offset_[v + 1] = own_neighbour_.size();
  }
  view_own();
}

void Level::view_own() {
  offset = own_offset_;
  neighbour = own_neighbour_;
  weight = own_weight_;
}

double Level::strength(std::uint32_t v) const {
  double k = 2.0 * loop[v];
  for (std::size_t i = offset[v]; i < offset[v + 1]; ++i) k += weight[i];
  return k;
}

double Level::total_weight() const {
  double m = 0.0;
  for (const double l : loop) m += l;
  for (const double w : weight) m += 0.5 * w;
  return m;
}

Level Level::aggregate(const std::vector<std::uint32_t>& community, std::uint32_t count) const {
  const std::uint32_t n = size();
  std::vector<std::size_t> first(count + 1, 0);  // members grouped by community
  for (const std::uint32_t c : community) ++first[c + 1];
  std::partial_sum(first.begin(), first.end(), first.begin());
  std::vector<std::uint32_t> members(n);
  {
    std::vector<std::size_t> next(first.begin(), first.end() - 1);
    for (std::uint32_t v = 0; v < n; ++v) members[next[community[v]]++] = v;
  }

  Level result;
  result.own_offset_.assign(count + 1, 0);
  result.loop.assign(count, 0.0);
  if (!node_weight.empty()) result.node_weight.assign(count, 0.0);
  std::vector<double> link(count, 0.0);
  std::vector<char> seen(count, 0);
  std::vector<std::uint32_t> touched;
  for (std::uint32_t c = 0; c < count; ++c) {
    touched.clear();
    double inside = 0.0, weight_sum = 0.0;
    for (std::size_t m = first[c]; m < first[c + 1]; ++m) {
      const std::uint32_t v = members[m];
      inside += loop[v];
      if (!node_weight.empty()) weight_sum += node_weight[v];
      for (std::size_t i = offset[v]; i < offset[v + 1]; ++i) {
        const std::uint32_t d = community[neighbour[i]];
        if (d == c) {
          inside += 0.5 * weight[i];  // seen once from each end
          continue;
        }
        if (!seen[d]) {
          seen[d] = 1;
          touched.push_back(d);
        }
        link[d] += weight[i];
      }
    }
    result.loop[c] = inside;
    if (!node_weight.empty()) result.node_weight[c] = weight_sum;
    std::sort(touched.begin(), touched.end());
    for (const std::uint32_t d : touched) {
      result.own_neighbour_.push_back(d);
      result.own_weight_.push_back(link[d]);
      link[d] = 0.0;
      seen[d] = 0;
    }
    result.own_offset_[c + 1] = result.own_neighbour_.size();
  }
  result.view_own();
  return result;
}

}  // namespace citenet
