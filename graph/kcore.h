// k-core decomposition of a citenet::Graph, as a plain vector indexed by vertex id.
#pragma once

#include <vector>

#include "graph/network.h"

namespace citenet {

// Core number, Batagelj & Zaversnik 2003 ("An O(m) algorithm for cores decomposition of
// networks", arXiv cs/0310049): the largest k such that v belongs to the k-core, the maximal
// subgraph in which every vertex has at least k neighbours. Unweighted; self loops are
// ignored (networkx raises on them); isolated vertices have core 0. Equals networkx
// core_number(G). Whole numbers, held as double like degree(). O(n + m) via bin sort.
std::vector<double> core_number(const Graph& g);

}  // namespace citenet
