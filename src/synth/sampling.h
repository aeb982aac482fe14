// Deterministic random sampling for the synthetic corpus generator.
//
// The standard library's distributions (std::uniform_int_distribution, ...) may give
// different numbers on different standard libraries for the same engine state; the
// generator must produce byte-identical corpora for a seed everywhere, so it draws raw
// 64-bit words only (std::mt19937_64, whose output the standard fixes, or SplitMix64
// below) and turns them into samples here with integer arithmetic and IEEE basic
// operations only. Discrete distributions are Walker/Vose alias tables (Vose 1991, "A
// linear algorithm for generating random numbers with a given distribution"): O(n) to
// build, O(1) per sample, one 64-bit word per sample.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace citenet::synth {

// SplitMix64's finaliser (Steele, Lea & Flood 2014): a bijective 64-bit mixer.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// SplitMix64: a tiny counter-based generator, seeded per paper so that any paper's
// fields can be recomputed from its index alone (references need earlier papers' first
// authors, years and journals without storing them).
class SplitMix64 {
 public:
  explicit constexpr SplitMix64(std::uint64_t seed) : state_(seed) {}
  constexpr std::uint64_t operator()() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return mix64(state_);
  }

 private:
  std::uint64_t state_;
};

// High and low 64 bits of a 64x64-bit product.
inline void multiply_64(std::uint64_t a, std::uint64_t b, std::uint64_t* high, std::uint64_t* low) {
  __extension__ using u128 = unsigned __int128;
  const u128 product = static_cast<u128>(a) * b;
  *high = static_cast<std::uint64_t>(product >> 64);
  *low = static_cast<std::uint64_t>(product);
}

// Uniform in [0, n) by Lemire's multiply-shift (bias below n / 2^64, far under anything
// a test could see). n must be > 0.
template <class Rng>
std::uint64_t below(Rng& rng, std::uint64_t n) {
  std::uint64_t high = 0;
  std::uint64_t low = 0;
  multiply_64(rng(), n, &high, &low);
  return high;
}

// Uniform in [0, 1) with 53 random bits.
template <class Rng>
double unit(Rng& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

template <class Rng>
bool chance(Rng& rng, double p) {
  return unit(rng) < p;
}

// Alias tables for discrete distributions, one per contiguous block of outcomes: a single
// table over all outcomes (one block), or one per community, per name style, ...
// Outcomes are indices into the weight vector; sample_in(b) returns an index in block b.
class AliasTable {
 public:
  AliasTable() = default;
  // One block over all of `weights` (non-negative, not all zero).
  explicit AliasTable(std::span<const double> weights);
  // Block b spans [starts[b], starts[b+1]) (the last block runs to the end); each block
  // must hold a positive weight.
  AliasTable(std::span<const double> weights, std::vector<std::uint32_t> starts);

  std::size_t size() const { return threshold_.size(); }
  std::size_t blocks() const { return starts_.size(); }
  std::uint32_t block_start(std::size_t b) const { return starts_[b]; }
  std::uint32_t block_end(std::size_t b) const {
    return b + 1 < starts_.size() ? starts_[b + 1] : static_cast<std::uint32_t>(size());
  }

  // A draw in two steps, so that callers drawing many outcomes from a large table can
  // prefetch the columns first: draw() takes the random word, resolve() reads the table.
  struct Draw {
    std::uint32_t start;   // the block's first outcome
    std::uint32_t column;  // absolute index
    std::uint32_t coin;
  };
  template <class Rng>
  Draw draw_in(std::size_t block, Rng& rng) const {
    const std::uint32_t start = starts_[block];
    const std::uint64_t n = block_end(block) - start;
    // The high half of x*n picks the column, the low half (uniform given the column) its
    // coin, so one word serves both.
    std::uint64_t column = 0;
    std::uint64_t coin = 0;
    multiply_64(rng(), n, &column, &coin);
    return Draw{start, start + static_cast<std::uint32_t>(column),
                static_cast<std::uint32_t>(coin >> 32)};
  }
  void prefetch(const Draw& d) const {
    __builtin_prefetch(&threshold_[d.column]);
    __builtin_prefetch(&alias_[d.column]);
  }
  std::uint32_t resolve(const Draw& d) const {
    return d.coin < threshold_[d.column] ? d.column : d.start + alias_[d.column];
  }

  template <class Rng>
  std::uint32_t sample_in(std::size_t block, Rng& rng) const {
    return resolve(draw_in(block, rng));
  }
  template <class Rng>
  std::uint32_t sample(Rng& rng) const {
    return sample_in(0, rng);
  }

 private:
  void build_block(std::span<const double> weights, std::uint32_t start, std::uint32_t end);

  std::vector<std::uint32_t> starts_;
  // Column i keeps itself when the coin is below threshold_[i] (scaled to 2^32; 2^32 - 1
  // and above means always), else gives alias_[i] (relative to its block's start).
  std::vector<std::uint32_t> threshold_;
  std::vector<std::uint32_t> alias_;
};

// Weights k^-exponent for ranks k = 1..n (Zipf's law; Lotka's law with exponent 2).
std::vector<double> power_law_weights(std::size_t n, double exponent);

// Probabilities of k = 1..n under a log-normal with the given median and log-scale sigma,
// each k taking the mass of (k - 1/2, k + 1/2].
std::vector<double> discrete_log_normal(std::size_t n, double median, double sigma);

}  // namespace citenet::synth
