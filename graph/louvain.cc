#include "graph/louvain.h"

#include "graph/community_util.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "graph/community_level.h"
#include "graph/metrics.h"

namespace citenet {
namespace {

using community_util::draw_below;
using community_util::order_by_size;

bool move_vertices(const Level& level, double resolution, double total_weight, std::mt19937_64& rng,
                   std::vector<std::uint32_t>& community) {
  const std::uint32_t n = level.size();
  std::vector<double> strength(n);  // k_v, loops counted twice
  for (std::uint32_t v = 0; v < n; ++v) strength[v] = level.strength(v);
  community.resize(n);
  std::iota(community.begin(), community.end(), 0u);
  std::vector<double> total(strength);  // summed strength per community

  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  for (std::uint32_t i = n; i > 1; --i) std::swap(order[i - 1], order[draw_below(rng, i)]);

  // Scratch for the weight from v into each neighbouring community; -1 = not touched yet.
  std::vector<double> link(n, -1.0);
  std::vector<std::uint32_t> touched;
  // Gains below are in weight units: dQ = gain / m, so a move needs gain > 1e-12 m.
  const double epsilon = 1e-12 * total_weight;
  const double factor = resolution / (2.0 * total_weight);

  bool moved_any = false;
  for (bool moved = true; moved;) {
    moved = false;
    for (const std::uint32_t v : order) {
      const std::uint32_t home = community[v];
      touched.clear();
      link[home] = 0.0;
      touched.push_back(home);
      for (std::size_t i = level.offset[v]; i < level.offset[v + 1]; ++i) {
        const std::uint32_t c = community[level.neighbour[i]];
        if (link[c] < 0.0) {
          link[c] = 0.0;
          touched.push_back(c);
        }
        link[c] += level.weight[i];
      }
      const double k = strength[v];
      total[home] -= k;
      std::uint32_t best = home;
      double best_gain = link[home] - factor * total[home] * k;
      for (const std::uint32_t c : touched) {
        const double gain = link[c] - factor * total[c] * k;
        if (gain > best_gain + epsilon) {
          best = c;
          best_gain = gain;
        }
      }
      total[best] += k;
      if (best != home) {
        community[v] = best;
        moved = true;
        moved_any = true;
      }
      for (const std::uint32_t c : touched) link[c] = -1.0;
    }
  }

  // Dense ids in order of first appearance by vertex id.
  std::vector<std::uint32_t> dense(n, n);
  std::uint32_t next = 0;
  for (std::uint32_t& c : community) {
    if (dense[c] == n) dense[c] = next++;
    c = dense[c];
  }
  return moved_any;
}

}  // namespace

Partition louvain(const Graph& g, double resolution, std::uint64_t seed) {
  const std::uint32_t n = g.vertex_count();
  Partition result;
  result.community.resize(n);
  std::iota(result.community.begin(), result.community.end(), 0u);

  Level level(g);
  const double total_weight = level.total_weight();  // m, which aggregation preserves

  if (total_weight > 0.0) {
    std::mt19937_64 rng(seed);
    std::vector<std::uint32_t> community;
    while (move_vertices(level, resolution, total_weight, rng, community)) {
      for (std::uint32_t& c : result.community) c = community[c];
      const std::uint32_t count = *std::max_element(community.begin(), community.end()) + 1;
      if (count == level.size()) break;
      level = level.aggregate(community, count);
    }
  }

  result.count = order_by_size(result.community);
  result.modularity = modularity(g, result.community, resolution);
  return result;
}

}  // namespace citenet
