#include "graph/louvain.h"

#include "graph/community_util.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "graph/metrics.h"

namespace citenet {
namespace {

using community_util::draw_below;
using community_util::order_by_size;

// The graph of one level in compressed rows: vertex v's neighbours (never v itself) are
// neighbour[offset[v] .. offset[v+1]), each undirected edge stored in both rows; `loop[v]`
// is the weight of edges folded inside v by earlier aggregations.
struct Level {
  std::vector<std::size_t> offset;
  std::vector<std::uint32_t> neighbour;
  std::vector<double> weight;
  std::vector<double> loop;

  std::uint32_t size() const { return static_cast<std::uint32_t>(loop.size()); }
};

Level level_from_graph(const Graph& g) {
  const std::uint32_t n = g.vertex_count();
  Level level;
  level.offset.assign(n + 1, 0);
  level.loop.assign(n, 0.0);
  // The graph's rows, without self loops (folded into loop[]).
  for (std::uint32_t v = 0; v < n; ++v) {
    std::size_t kept = 0;
    for (const std::uint32_t u : g.neighbours(v)) kept += u != v;
    level.offset[v + 1] = level.offset[v] + kept;
  }
  level.neighbour.reserve(level.offset[n]);
  level.weight.reserve(level.offset[n]);
  for (std::uint32_t v = 0; v < n; ++v) {
    const auto neighbours = g.neighbours(v);
    const auto weights = g.weights(v);
    for (std::size_t i = 0; i < neighbours.size(); ++i) {
      if (neighbours[i] == v) {
        level.loop[v] += weights[i];
        continue;
      }
      level.neighbour.push_back(neighbours[i]);
      level.weight.push_back(weights[i]);
    }
  }
  return level;
}

// Moves single vertices to the neighbouring community with the largest modularity gain until
// a full pass moves nothing. Returns whether any vertex moved; `community` ends dense.
bool move_vertices(const Level& level, double resolution, double total_weight, std::mt19937_64& rng,
                   std::vector<std::uint32_t>& community) {
  const std::uint32_t n = level.size();
  std::vector<double> strength(n);  // k_v, loops counted twice
  for (std::uint32_t v = 0; v < n; ++v) {
    double k = 2.0 * level.loop[v];
    for (std::size_t i = level.offset[v]; i < level.offset[v + 1]; ++i) k += level.weight[i];
    strength[v] = k;
  }
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

// One vertex per community; edges between communities summed, edges inside become loops.
Level aggregate(const Level& level, const std::vector<std::uint32_t>& community,
                std::uint32_t count) {
  const std::uint32_t n = level.size();
  std::vector<std::size_t> first(count + 1, 0);  // members grouped by community
  for (const std::uint32_t c : community) ++first[c + 1];
  std::partial_sum(first.begin(), first.end(), first.begin());
  std::vector<std::uint32_t> members(n);
  {
    std::vector<std::size_t> next(first.begin(), first.end() - 1);
    for (std::uint32_t v = 0; v < n; ++v) members[next[community[v]]++] = v;
  }

  Level result;
  result.offset.assign(count + 1, 0);
  result.loop.assign(count, 0.0);
  std::vector<double> link(count, 0.0);
  std::vector<char> seen(count, 0);
  std::vector<std::uint32_t> touched;
  for (std::uint32_t c = 0; c < count; ++c) {
    touched.clear();
    double loop = 0.0;
    for (std::size_t m = first[c]; m < first[c + 1]; ++m) {
      const std::uint32_t v = members[m];
      loop += level.loop[v];
      for (std::size_t i = level.offset[v]; i < level.offset[v + 1]; ++i) {
        const std::uint32_t d = community[level.neighbour[i]];
        if (d == c) {
          loop += 0.5 * level.weight[i];  // seen once from each end
          continue;
        }
        if (!seen[d]) {
          seen[d] = 1;
          touched.push_back(d);
        }
        link[d] += level.weight[i];
      }
    }
    result.loop[c] = loop;
    std::sort(touched.begin(), touched.end());
    for (const std::uint32_t d : touched) {
      result.neighbour.push_back(d);
      result.weight.push_back(link[d]);
      link[d] = 0.0;
      seen[d] = 0;
    }
    result.offset[c + 1] = result.neighbour.size();
  }
  return result;
}

}  // namespace

Partition louvain(const Graph& g, double resolution, std::uint64_t seed) {
  const std::uint32_t n = g.vertex_count();
  Partition result;
  result.community.resize(n);
  std::iota(result.community.begin(), result.community.end(), 0u);

  Level level = level_from_graph(g);
  double total_weight = 0.0;  // m, which aggregation preserves
  for (std::uint32_t v = 0; v < n; ++v) total_weight += level.loop[v];
  for (const double w : level.weight) total_weight += 0.5 * w;

  if (total_weight > 0.0) {
    std::mt19937_64 rng(seed);
    std::vector<std::uint32_t> community;
    while (move_vertices(level, resolution, total_weight, rng, community)) {
      for (std::uint32_t& c : result.community) c = community[c];
      const std::uint32_t count = *std::max_element(community.begin(), community.end()) + 1;
      if (count == level.size()) break;
      level = aggregate(level, community, count);
    }
  }

  result.count = order_by_size(result.community);
  result.modularity = modularity(g, result.community, resolution);
  return result;
}

}  // namespace citenet
