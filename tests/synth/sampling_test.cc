#include "synth/sampling.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace citenet::synth {
namespace {

// SplitMix64 is fixed by its published reference outputs: from state 0 the first word is
// 0xe220a8397b1dcdaf. A change here changes every synthetic corpus.
TEST(SplitMix64, MatchesTheReferenceSequence) {
  SplitMix64 rng(0);
  EXPECT_EQ(rng(), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(rng(), 0x6e789e6aa1b965f4ULL);
  EXPECT_EQ(rng(), 0x06c45d188009454fULL);
}

TEST(Below, StaysInRangeAndCoversIt) {
  std::mt19937_64 rng(3);
  std::vector<int> seen(7, 0);
  for (int i = 0; i < 7000; ++i) {
    const std::uint64_t x = below(rng, 7);
    ASSERT_LT(x, 7u);
    ++seen[x];
  }
  for (int count : seen) EXPECT_NEAR(count, 1000, 150);
}

TEST(AliasTable, DrawsInProportionToTheWeights) {
  const std::vector<double> weights = {1, 2, 3, 4, 0};
  const AliasTable table(weights);
  SplitMix64 rng(11);
  std::vector<int> counts(weights.size(), 0);
  constexpr int kDraws = 100000;
  for (int i = 0; i < kDraws; ++i) ++counts[table.sample(rng)];
  for (std::size_t k = 0; k < weights.size(); ++k) {
    EXPECT_NEAR(counts[k], kDraws * weights[k] / 10.0, 700) << "outcome " << k;
  }
  EXPECT_EQ(counts[4], 0);
}

TEST(AliasTable, BlocksDrawOnlyTheirOwnOutcomes) {
  //  block 0: outcomes 0-1   block 1: outcome 2   block 2: outcomes 3-5
  const std::vector<double> weights = {1, 3, 5, 1, 1, 2};
  const AliasTable table(weights, {0, 2, 3});
  ASSERT_EQ(table.blocks(), 3u);
  EXPECT_EQ(table.block_end(2), 6u);
  SplitMix64 rng(5);
  std::vector<int> counts(weights.size(), 0);
  for (int i = 0; i < 40000; ++i) {
    const std::uint32_t a = table.sample_in(0, rng);
    ASSERT_LT(a, 2u);
    ++counts[a];
    EXPECT_EQ(table.sample_in(1, rng), 2u);
    const std::uint32_t c = table.sample_in(2, rng);
    ASSERT_GE(c, 3u);
    ASSERT_LT(c, 6u);
    ++counts[c];
  }
  EXPECT_NEAR(counts[1] / static_cast<double>(counts[0]), 3.0, 0.2);
  EXPECT_NEAR(counts[5] / static_cast<double>(counts[3]), 2.0, 0.15);
}

TEST(DiscreteLogNormal, HasTheRequestedMedian) {
  const std::vector<double> p = discrete_log_normal(99, 5.0, 0.65);
  double below_five = 0;
  double up_to_five = 0;
  for (std::size_t k = 1; k <= p.size(); ++k) {
    if (k < 5) below_five += p[k - 1];
    if (k <= 5) up_to_five += p[k - 1];
  }
  EXPECT_LT(below_five, 0.5);
  EXPECT_GT(up_to_five, 0.5);
}

TEST(PowerLawWeights, FallAsAPowerOfTheRank) {
  const std::vector<double> w = power_law_weights(4, 2.0);
  EXPECT_DOUBLE_EQ(w[0], 1.0);
  EXPECT_DOUBLE_EQ(w[1], 0.25);
  EXPECT_DOUBLE_EQ(w[3], 1.0 / 16);
}

}  // namespace
}  // namespace citenet::synth
