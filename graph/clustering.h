// Local clustering coefficient of a citenet::Graph, as a plain vector indexed by vertex id.
#pragma once

#include <vector>

#include "graph/network.h"

namespace citenet {

// Local clustering coefficient, Watts & Strogatz 1998 ("Collective dynamics of 'small-world'
// networks", Nature 393): C(v) = 2 T(v) / (k (k - 1)), T(v) the triangles through v and k its
// number of neighbours; 0 when k < 2. Unweighted (weights ignored) and self loops ignored:
// equals networkx clustering(G) (weight=None). Expects each pair once, as make_graph's
// callers give it. On `threads` threads (0: every core). O(sum of k^2) time, O(n) space per
// thread.
std::vector<double> local_clustering(const Graph& g, unsigned threads = 0);

}  // namespace citenet
