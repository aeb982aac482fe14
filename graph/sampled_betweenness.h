// Betweenness estimated from a sample of source vertices, for networks too large for the
// exact betweenness() of graph/metrics.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "graph/network.h"

namespace citenet {

// Sampled betweenness, Brandes & Pich 2007 ("Centrality estimation in large networks", Int.
// J. Bifurc. Chaos 17(7)): Brandes' dependency accumulation from `pivots` distinct source
// vertices drawn uniformly without replacement, extrapolated by n / pivots, then normalised
// like betweenness(): unweighted hop distances, scaled to the networkx
// betweenness_centrality(G, k=pivots, seed=..., normalized=True) convention, so pivots = n
// gives exactly betweenness(g). The draw is a partial Fisher-Yates shuffle from a private
// std::mt19937_64(seed): deterministic for a seed on every platform, but not networkx's
// sample (its values differ from ours for the same k and seed). pivots > n is clamped to n;
// pivots = 0 or n <= 2 give all zeros. Runs on `threads` threads (0: every core), same bits
// on any number. O(pivots (n + m)) time, O(n) space per thread.
std::vector<double> sampled_betweenness(const Graph& g, std::size_t pivots, std::uint64_t seed = 42,
                                        unsigned threads = 0);

}  // namespace citenet
