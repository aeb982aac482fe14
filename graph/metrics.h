// Vertex metrics, connected components and modularity of a citenet::Graph, as plain vectors
// indexed by vertex id, so callers need no Boost.Graph property maps.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/network.h"

namespace citenet {

// Number of incident edges (= neighbours: networks hold each pair once). O(n).
std::vector<double> degree(const Graph& g);

// Strength: sum of the weights of incident edges (a self loop would count twice, as in
// networkx). O(n + m).
std::vector<double> weighted_degree(const Graph& g);

// Betweenness centrality, Brandes 2001 ("A faster algorithm for betweenness centrality",
// J. Math. Sociol. 25(2)): unweighted hop distances (edge weights are collaboration
// strengths, not distances), each unordered pair {s,t} counted once, scaled by
// 2/((n-1)(n-2)) so values lie in [0,1] and equal networkx betweenness_centrality(G,
// normalized=True); all zeros when n <= 2. Sources run on `threads` threads (0: every core)
// with the same result on any number. O(n m) time, O(n) space per thread.
std::vector<double> betweenness(const Graph& g, unsigned threads = 0);

struct Components {
  std::vector<std::uint32_t> id;  // vertex -> component, 0 = largest
  std::uint32_t count = 0;
};

// Connected components by breadth-first search, numbered by component size descending, ties
// broken by the smallest vertex id. An isolated vertex is
// a component of its own. O(n + m).
Components components(const Graph& g);

// Newman-Girvan modularity (Newman & Girvan 2004, Phys. Rev. E 69, 026113), weighted, with
// the resolution gamma of Reichardt & Bornholdt 2006:
//   Q = sum over communities c of  W_c / m  -  gamma * (S_c / 2m)^2
// where W_c is the weight of edges inside c, S_c the summed strength of c's members and m
// the total edge weight; equals networkx.algorithms.community.modularity(G, communities,
// weight='weight', resolution=gamma). Returns 0 when the graph has no edge weight (networkx
// raises there). `community` maps vertex -> any community id. O(n + m).
double modularity(const Graph& g, const std::vector<std::uint32_t>& community,
                  double resolution = 1.0);

}  // namespace citenet
