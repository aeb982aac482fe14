// Brandes' dependency accumulation shared by exact and sampled betweenness (internal).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/network.h"

namespace citenet {

// Sum over the given sources s of Brandes' dependencies delta_s(v) (Brandes 2001, "A faster
// algorithm for betweenness centrality", J. Math. Sociol. 25(2)), hop distances, on up to
// `threads` threads. Sources are dealt to a fixed number of lanes, each summed on its own and
// the lanes added in order, so the bits do not depend on the thread count. O(|sources| (n +
// m)) time; O(lanes n) memory for the sums plus O(n) per running thread.
std::vector<double> dependency_sums(const Graph& g, std::span<const std::uint32_t> sources,
                                    unsigned threads);

}  // namespace citenet
