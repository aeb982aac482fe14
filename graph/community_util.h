// Pieces the community algorithms (Louvain, Leiden) share; internal to graph/.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace citenet::community_util {

// Uniform in [0, bound) without modulo bias; std::uniform_int_distribution is
// implementation-defined, which would make partitions differ between standard libraries.
std::uint64_t draw_below(std::mt19937_64& rng, std::uint64_t bound);

// Renumbers `community` by size descending, ties by smallest member; returns the count.
std::uint32_t order_by_size(std::vector<std::uint32_t>& community);

}  // namespace citenet::community_util
