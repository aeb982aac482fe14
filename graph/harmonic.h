// Harmonic closeness centrality of a citenet::Graph, as plain vectors indexed by vertex id.
#pragma once

#include <vector>

#include "graph/network.h"

namespace citenet {

// Harmonic closeness, Marchiori & Latora 2000 ("Harmony in the small-world", Physica A
// 285(3-4)): H(v) = sum over u != v of 1 / d(u, v), with d the hop distance (edge weights are
// collaboration strengths, not distances) and 1/d = 0 when u is unreachable, so disconnected
// graphs and isolated vertices (H = 0) need no special case. Not normalised: equals networkx
// harmonic_centrality(G). One breadth-first search per vertex, on `threads` threads (0: every
// core): O(n (n + m)) time, O(n) space per thread.
std::vector<double> harmonic_closeness(const Graph& g, unsigned threads = 0);

// harmonic_closeness(g) / (n - 1), in [0, 1] (1 = adjacent to every other vertex). networkx
// 2.8 has no normalised variant (harmonic_centrality(G)[v] / (n - 1) by hand); python-igraph
// Graph.harmonic_centrality(normalized=True) and igraph_harmonic_centrality(..., normalized=
// true) return exactly this. All zeros when n <= 1 (igraph divides by zero there).
std::vector<double> normalised_harmonic_closeness(const Graph& g, unsigned threads = 0);

}  // namespace citenet
