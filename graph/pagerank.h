// PageRank of undirected (collaboration) and directed (citation) graphs, as plain vectors
// indexed by vertex id.
#pragma once

#include <cstddef>
#include <vector>

#include "graph/directed.h"
#include "graph/network.h"

namespace citenet {

struct PageRankOptions {
  double damping = 0.85;              // alpha: probability of following an edge, in [0, 1]
  double tolerance = 1e-12;           // stop when the L1 change < n * tolerance (networkx tol)
  std::size_t max_iterations = 1000;  // networkx max_iter (its default 100 is too few for 1e-12)
  unsigned threads = 0;               // 0: every core; the result is the same on any number
};

// PageRank, Brin & Page 1998 ("The anatomy of a large-scale hypertextual Web search engine",
// Comput. Netw. ISDN Syst. 30(1-7)), weighted, computed as networkx 2.8 pagerank(G, alpha,
// weight='weight', tol, max_iter) (its scipy power iteration): a walker at u follows the edge
// to v with probability alpha * w(u,v) / s(u), s(u) the weighted out-degree (strength), and
// teleports uniformly with probability 1 - alpha; a dangling vertex (s = 0: isolated, or only
// zero-weight edges) teleports uniformly with probability 1. Start 1/n; no personalisation.
// The scores sum to 1. With the default tolerance the result is within ~1e-11 of the fixed
// point. Weights must be >= 0. An undirected edge is an arc each way; a self loop one arc.
// n = 0: empty. Not converged within max_iterations: the last iterate (networkx raises);
// `*converged` (if given) says which. O(n + m) per iteration. The undirected case starts from
// a conjugate-gradient solution of the equivalent linear system (about half the passes over the
// edges, and closer to the fixed point) and ends with power steps under the same stopping
// rule; damping above 0.99, and directed graphs, use the power iteration alone.
std::vector<double> pagerank(const Graph& g, const PageRankOptions& options = {},
                             bool* converged = nullptr);

// The same for a citation graph: the walker follows arcs u -> v (u cites v), so rank flows to
// cited papers; papers citing nothing are dangling. Equals networkx pagerank of a DiGraph.
std::vector<double> pagerank(const DirectedGraph& g, const PageRankOptions& options = {},
                             bool* converged = nullptr);

}  // namespace citenet
