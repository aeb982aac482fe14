#include "graph/brandes.h"

#include <algorithm>

#include "graph/parallel.h"

namespace citenet {
namespace {

constexpr std::size_t kLanes = 8;
constexpr std::size_t kSourcesPerDeal = 32;  // sources go to lanes in runs of this many

struct Workspace {
  explicit Workspace(std::size_t n) : distance(n, -1), sigma(n, 0.0), delta(n, 0.0) {
    visited.reserve(n);
  }
  std::vector<std::int32_t> distance;  // -1: not reached
  std::vector<double> sigma;           // shortest s-v paths
  std::vector<double> delta;           // dependency of s on v
  std::vector<std::uint32_t> visited;  // breadth-first order, also the queue
};

// One source: breadth-first search counting shortest paths, then dependencies
// delta(v) = sum over successors w of sigma(v) / sigma(w) (1 + delta(w)), farthest first.
// Only the vertices reached are reset afterwards, so a source in a small component costs
// that component, not n.
void accumulate(const Graph& g, std::uint32_t s, Workspace& w, std::vector<double>& sum) {
  w.distance[s] = 0;
  w.sigma[s] = 1.0;
  w.visited.clear();
  w.visited.push_back(s);
  for (std::size_t head = 0; head < w.visited.size(); ++head) {
    const std::uint32_t v = w.visited[head];
    const std::int32_t next = w.distance[v] + 1;
    for (const std::uint32_t u : g.neighbours(v)) {
      if (w.distance[u] < 0) {
        w.distance[u] = next;
        w.visited.push_back(u);
      }
      if (w.distance[u] == next) w.sigma[u] += w.sigma[v];
    }
  }
  for (std::size_t i = w.visited.size(); i-- > 1;) {
    const std::uint32_t v = w.visited[i];
    const std::int32_t previous = w.distance[v] - 1;
    const double share = (1.0 + w.delta[v]) / w.sigma[v];
    for (const std::uint32_t u : g.neighbours(v))
      if (w.distance[u] == previous) w.delta[u] += w.sigma[u] * share;
    sum[v] += w.delta[v];
  }
  for (const std::uint32_t v : w.visited) {
    w.distance[v] = -1;
    w.sigma[v] = 0.0;
    w.delta[v] = 0.0;
  }
}

}  // namespace

std::vector<double> dependency_sums(const Graph& g, std::span<const std::uint32_t> sources,
                                    unsigned threads) {
  const std::size_t n = g.vertex_count();
  const std::size_t lanes =
      std::min(kLanes, (sources.size() + kSourcesPerDeal - 1) / kSourcesPerDeal);
  std::vector<std::vector<double>> lane_sum(lanes);
  parallel_tasks(lanes, threads, [&](std::size_t lane) {
    lane_sum[lane].assign(n, 0.0);
    Workspace w(n);
    for (std::size_t first = lane * kSourcesPerDeal; first < sources.size();
         first += lanes * kSourcesPerDeal) {
      const std::size_t last = std::min(sources.size(), first + kSourcesPerDeal);
      for (std::size_t i = first; i < last; ++i) accumulate(g, sources[i], w, lane_sum[lane]);
    }
  });
  std::vector<double> total(n, 0.0);
  for (const std::vector<double>& part : lane_sum)
    for (std::size_t v = 0; v < n; ++v) total[v] += part[v];
  return total;
}

}  // namespace citenet
