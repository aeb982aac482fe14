// Community detection by modularity maximisation: the Louvain method.
#pragma once

#include <cstdint>

#include "graph/analysis.h"
#include "graph/network.h"

namespace citenet {

// Louvain method, Blondel, Guillaume, Lambiotte & Lefebvre 2008 ("Fast unfolding of
// communities in large networks", J. Stat. Mech. P10008): local moving of single vertices in
// a random order, then aggregation of communities into vertices, repeated while a level
// merges anything. Weighted (weights are strengths, self loops of aggregated vertices keep
// internal weight) with the resolution gamma of Reichardt & Bornholdt 2006, so it maximises
// the modularity() of graph/metrics.h. Deterministic for a seed: the vertex order of each
// level is a Fisher-Yates shuffle drawn from a private std::mt19937_64(seed). A move must
// gain more than 1e-12 in modularity. Community ids are dense and ordered by size descending,
// ties by smallest member; isolated vertices are communities of their own; a graph without
// edge weight gives singletons with modularity 0. Roughly O(m) per pass.
Partition louvain(const Graph& g, double resolution = 1.0, std::uint64_t seed = 42);

}  // namespace citenet
