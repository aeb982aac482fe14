#include "graph/pagerank.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "graph/parallel.h"

namespace citenet {
namespace {

// Power iteration x <- alpha (x P + (x . dangling) / n) + (1 - alpha) / n, where P is the
// row-normalised weight matrix, from `x` (scores summing to 1). `in_neighbours(v, f)` calls
// f(u, w) for every arc u -> v of weight w: each vertex pulls from its in-neighbours, so
// vertices are independent and run in parallel blocks, and each v's sum is added in a fixed
// order.
template <typename InNeighbours>
std::vector<double> power_iteration(std::vector<double> x, const std::vector<double>& strength,
                                    InNeighbours&& in_neighbours, const PageRankOptions& options,
                                    bool* converged) {
  assert(options.damping >= 0.0 && options.damping <= 1.0);
  if (converged != nullptr) *converged = true;
  const std::size_t n = x.size();
  if (n == 0) return x;
  std::vector<double> inverse(n, 0.0);  // 1 / s(u), 0 for dangling vertices
  for (std::size_t u = 0; u < n; ++u) {
    if (strength[u] != 0.0) inverse[u] = 1.0 / strength[u];
  }
  const double alpha = options.damping;
  const double uniform = 1.0 / static_cast<double>(n);
  std::vector<double> share(n);  // last[u] / s(u): what u sends along each unit of weight
  for (std::size_t iteration = 0; iteration < options.max_iterations; ++iteration) {
    const double dangling = blocked_sum(n, options.threads, [&](std::size_t u) {
      share[u] = x[u] * inverse[u];
      return strength[u] == 0.0 ? x[u] : 0.0;
    });
    const double base = alpha * dangling * uniform + (1.0 - alpha) * uniform;
    const double change = blocked_sum(n, options.threads, [&](std::size_t v) {
      const double next = alpha * in_neighbours(v, share) + base;
      const double moved = std::abs(next - x[v]);
      x[v] = next;  // share[] holds what the other vertices need of the old x
      return moved;
    });
    if (change < static_cast<double>(n) * options.tolerance) return x;
  }
  if (converged != nullptr) *converged = false;
  return x;
}

// Sum of value[u] * w(u, v) over v's edges. Four running sums, so that the additions do not
// wait on one another (a single chain of dependent adds bounded the loop); their order is
// fixed, so the bits do not depend on the thread count.
double pull(const Graph& g, std::size_t vertex, const std::vector<double>& value) {
  const auto v = static_cast<std::uint32_t>(vertex);
  const std::uint32_t* u = g.neighbours(v).data();
  const double* w = g.weights(v).data();
  const std::size_t d = g.degree(v);
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  std::size_t i = 0;
  for (; i + 4 <= d; i += 4) {
    s0 += value[u[i]] * w[i];
    s1 += value[u[i + 1]] * w[i + 1];
    s2 += value[u[i + 2]] * w[i + 2];
    s3 += value[u[i + 3]] * w[i + 3];
  }
  for (; i < d; ++i) s0 += value[u[i]] * w[i];
  return (s0 + s1) + (s2 + s3);
}

// Undirected PageRank as a linear system (Gleich, Zhukov & Berkhin 2004, "Fast parallel
// PageRank: a linear system approach"): x solves (I - alpha W D^-1) x = 1, scaled to sum 1;
// dangling vertices teleport uniformly, which is what makes the scaled solution exact (Del
// Corso, Gulli & Romani 2005). With z = D^-1/2 x the matrix becomes I - alpha D^-1/2 W D^-1/2,
// symmetric with eigenvalues in [1 - alpha, 1 + alpha], so conjugate gradients (Hestenes &
// Stiefel 1952) converge by about 0.56 an iteration at alpha 0.85 where the power iteration
// gains 0.85: half the passes over the arcs. Returns the scores summing to 1, not yet checked
// against the stopping rule, which the caller's power steps apply.
std::vector<double> conjugate_gradients(const Graph& g, const std::vector<double>& strength,
                                        const PageRankOptions& options) {
  const std::size_t n = g.vertex_count();
  const unsigned threads = options.threads;
  const double alpha = options.damping;
  std::vector<double> root(n), inverse_root(n, 0.0);  // sqrt(s(v)), 1 / sqrt(s(v))
  for (std::size_t v = 0; v < n; ++v) {
    root[v] = std::sqrt(strength[v]);
    if (strength[v] != 0.0) inverse_root[v] = 1.0 / root[v];
  }
  // A dangling vertex has no edge of positive weight, so its equation is x = 1 on its own.
  const double dangling =
      blocked_sum(n, threads, [&](std::size_t v) { return strength[v] == 0.0 ? 1.0 : 0.0; });
  std::vector<double> z(n, 0.0), r = inverse_root, p = r, sent(n), product(n);
  double rr = blocked_sum(n, threads, [&](std::size_t v) { return r[v] * r[v]; });
  // The power step's L1 change at the scaled x is about |D^1/2 r|_1 / sum(x); stop well below
  // the rule's bound and let the caller's power steps confirm it.
  const double target = 0.1 * static_cast<double>(n) * options.tolerance;
  for (std::size_t iteration = 0; iteration < options.max_iterations && rr > 0.0; ++iteration) {
    parallel_blocks(n, 4096, threads, [&](std::size_t first, std::size_t last) {
      for (std::size_t u = first; u < last; ++u) sent[u] = inverse_root[u] * p[u];
    });
    const double curvature = blocked_sum(n, threads, [&](std::size_t v) {
      product[v] = p[v] - alpha * inverse_root[v] * pull(g, v, sent);
      return p[v] * product[v];
    });
    if (!(curvature > 0.0)) break;  // rounding has won; the power steps finish the job
    const double step = rr / curvature;
    const double next_rr = blocked_sum(n, threads, [&](std::size_t v) {
      z[v] += step * p[v];
      r[v] -= step * product[v];
      return r[v] * r[v];
    });
    const double residual =
        blocked_sum(n, threads, [&](std::size_t v) { return root[v] * std::abs(r[v]); });
    const double total =
        dangling + blocked_sum(n, threads, [&](std::size_t v) { return root[v] * z[v]; });
    if (total > 0.0 && residual < target * total) break;
    const double beta = next_rr / rr;
    rr = next_rr;
    parallel_blocks(n, 4096, threads, [&](std::size_t first, std::size_t last) {
      for (std::size_t v = first; v < last; ++v) p[v] = r[v] + beta * p[v];
    });
  }
  std::vector<double> x(n);
  for (std::size_t v = 0; v < n; ++v) x[v] = strength[v] == 0.0 ? 1.0 : root[v] * z[v];
  const double total = blocked_sum(n, threads, [&](std::size_t v) { return x[v]; });
  if (!(total > 0.0)) return std::vector<double>(n, 1.0 / static_cast<double>(n));
  for (double& value : x) value /= total;
  return x;
}

}  // namespace

std::vector<double> pagerank(const Graph& g, const PageRankOptions& options, bool* converged) {
  const std::uint32_t n = g.vertex_count();
  std::vector<double> strength(n, 0.0);  // one pass over every arc: on threads, same sums
  parallel_blocks(n, 4096, options.threads, [&](std::size_t first, std::size_t last) {
    for (std::size_t v = first; v < last; ++v)
      for (const double w : g.weights(static_cast<std::uint32_t>(v))) strength[v] += w;
  });
  // Near alpha = 1 the system is near singular; there the power iteration alone.
  std::vector<double> start = options.damping <= 0.99
                                  ? conjugate_gradients(g, strength, options)
                                  : std::vector<double>(n, 1.0 / static_cast<double>(n));
  return power_iteration(
      std::move(start), strength,
      [&g](std::size_t v, const std::vector<double>& share) { return pull(g, v, share); }, options,
      converged);
}

std::vector<double> pagerank(const DirectedGraph& g, const PageRankOptions& options,
                             bool* converged) {
  const std::size_t n = boost::num_vertices(g);
  const auto weight = boost::get(boost::edge_weight, g);
  std::vector<double> strength(n, 0.0);
  for (const auto e : boost::make_iterator_range(boost::edges(g)))
    strength[boost::source(e, g)] += boost::get(weight, e);
  return power_iteration(
      std::vector<double>(n, 1.0 / static_cast<double>(n)), strength,
      [&](std::size_t v, const std::vector<double>& share) {
        double pulled = 0.0;
        for (const auto e : boost::make_iterator_range(boost::in_edges(v, g)))
          pulled += share[boost::source(e, g)] * boost::get(weight, e);
        return pulled;
      },
      options, converged);
}

}  // namespace citenet
