// Pieces the community algorithms (Louvain, Leiden) share; internal to graph/.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace citenet::community_util {

// Uniform in [0, bound) without modulo bias; std::uniform_int_distribution is
// implementation-defined, which would make partitions differ between standard libraries.
// `Rng` yields uniform 64-bit words (std::mt19937_64, SplitMix64).
template <typename Rng>
std::uint64_t draw_below(Rng& rng, std::uint64_t bound) {
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  std::uint64_t x;
  do x = rng();
  while (x >= limit);
  return x % bound;
}

// SplitMix64 (Steele, Lea & Flood 2014): a 64-bit generator with one word of state, cheap
// to seed, for many independent streams.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t operator()() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

// Renumbers `community` by size descending, ties by smallest member; returns the count.
std::uint32_t order_by_size(std::vector<std::uint32_t>& community);

}  // namespace citenet::community_util
