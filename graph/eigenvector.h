// Eigenvector centrality of a citenet::Graph, as a plain vector indexed by vertex id.
#pragma once

#include <cstddef>
#include <vector>

#include "graph/network.h"

namespace citenet {

struct EigenvectorOptions {
  double tolerance = 1e-6;           // networkx tol: stop when the L1 change < n * tolerance
  std::size_t max_iterations = 100;  // networkx max_iter
  unsigned threads = 0;              // 0: every core; the result is the same on any number
};

// Eigenvector centrality, Bonacich 1972 ("Factoring and weighting approaches to status scores
// and clique identification", J. Math. Sociol. 2(1)), weighted: the Perron vector of the
// weight matrix A (weights are strengths, must be >= 0). Computed exactly as networkx 2.8
// eigenvector_centrality(G, weight='weight', tol, max_iter): power iteration on A + I (the
// shift keeps bipartite graphs from oscillating) from the uniform vector 1/n, each iterate
// scaled to Euclidean norm 1 (a zero norm is taken as 1), stopped when the L1 change between
// iterates is below n * tolerance. With the networkx defaults the result is within ~1e-5 of
// the eigenvector; tolerance 1e-14 brings it within ~1e-12 (and needs more iterations).
// Conventions where networkx has none or raises:
//  - n = 0: empty vector (networkx raises NetworkXPointlessConcept).
//  - no edges: every vertex 1/sqrt(n), the uniform unit vector (also what networkx returns).
//  - disconnected: the limit of the same iteration, not a per-component answer: the
//    component(s) with the largest eigenvalue keep the mass, vertices elsewhere (isolated ones
//    included) decay towards 0 by (lambda + 1) / (lambda_max + 1) per iteration, so they are
//    small but not exactly 0; components tied for the largest eigenvalue share it in the
//    proportion the uniform start gives them. Never NaN.
//  - not converged within max_iterations: the last iterate (networkx raises
//    PowerIterationFailedConvergence); `*converged` (if given) says which.
// A self loop adds its weight once to the diagonal, as networkx. O(n + m) per
// iteration; the iterations grow as the spectral gap of A + I shrinks.
std::vector<double> eigenvector_centrality(const Graph& g, const EigenvectorOptions& options = {},
                                           bool* converged = nullptr);

}  // namespace citenet
