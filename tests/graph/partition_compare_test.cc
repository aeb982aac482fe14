#include "graph/partition_compare.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "graph/leiden.h"
#include "tests/graph/fixtures.h"

namespace citenet {
namespace {

using Labels = std::vector<std::uint32_t>;

constexpr double kTolerance = 1e-12;

// ---- Hand-computed cases -----------------------------------------------------------------

TEST(AdjustedRandIndexTest, IdenticalAndRelabelledGiveOne) {
  EXPECT_DOUBLE_EQ(adjusted_rand_index({0, 0, 1, 1, 2}, {0, 0, 1, 1, 2}), 1.0);
  EXPECT_DOUBLE_EQ(adjusted_rand_index({0, 0, 1, 1, 2}, {7, 7, 3, 3, 9}), 1.0);
}

// A = {0,1},{2,3}; B = {0,1,2},{3}. Cells 2,1,1: sum C(n_ij,2) = 1; a = 1 + 1 = 2;
// b = 3 + 0 = 3; C(4,2) = 6, expected 2 * 3 / 6 = 1; max (2 + 3) / 2 = 2.5; ARI = 0.
TEST(AdjustedRandIndexTest, HandComputed) {
  EXPECT_NEAR(adjusted_rand_index({0, 0, 1, 1}, {0, 0, 0, 1}), 0.0, kTolerance);
  // A = {0,1},{2,3}; B = {0,2},{1,3}: no pair agrees; expected 2 * 2 / 6 = 2/3, max 2:
  // (0 - 2/3) / (2 - 2/3) = -1/2.
  EXPECT_NEAR(adjusted_rand_index({0, 0, 1, 1}, {0, 1, 0, 1}), -0.5, kTolerance);
  // Symmetric.
  EXPECT_EQ(adjusted_rand_index({0, 0, 1, 1, 1, 2}, {0, 1, 1, 1, 2, 2}),
            adjusted_rand_index({0, 1, 1, 1, 2, 2}, {0, 0, 1, 1, 1, 2}));
}

// A zero denominator means identical trivial partitions: 1, as scikit-learn (igraph: NaN).
TEST(AdjustedRandIndexTest, TrivialPartitions) {
  EXPECT_DOUBLE_EQ(adjusted_rand_index({0, 0, 0}, {5, 5, 5}), 1.0);
  EXPECT_DOUBLE_EQ(adjusted_rand_index({0, 1, 2}, {2, 0, 1}), 1.0);
  // One community against singletons: index 0, expected 0 (b = 0), max 3/2: ARI 0.
  EXPECT_NEAR(adjusted_rand_index({0, 0, 0}, {0, 1, 2}), 0.0, kTolerance);
  EXPECT_DOUBLE_EQ(adjusted_rand_index({4}, {1}), 1.0);
  EXPECT_DOUBLE_EQ(adjusted_rand_index({}, {}), 1.0);
  EXPECT_TRUE(std::isnan(adjusted_rand_index({0, 0}, {0})));
}

TEST(NormalizedMutualInformationTest, IdenticalAndRelabelledGiveOne) {
  EXPECT_NEAR(normalized_mutual_information({0, 0, 1, 1, 2}, {0, 0, 1, 1, 2}), 1.0, kTolerance);
  EXPECT_NEAR(normalized_mutual_information({0, 0, 1, 1, 2}, {7, 7, 3, 3, 9}), 1.0, kTolerance);
  EXPECT_NEAR(normalized_mutual_information({0, 1, 2, 3}, {3, 2, 1, 0}), 1.0, kTolerance);
}

// A = {0,1},{2,3}; B = {0,1,2},{3}: H(A) = ln 2, H(B) = -(3/4 ln 3/4 + 1/4 ln 1/4),
// H(A,B) = -(1/2 ln 1/2 + 2 * 1/4 ln 1/4) = 3/2 ln 2; I = H(A) + H(B) - H(A,B);
// NMI = 2 I / (H(A) + H(B)) = 0.34371101848545...
TEST(NormalizedMutualInformationTest, HandComputed) {
  const double ha = std::log(2.0);
  const double hb = -(0.75 * std::log(0.75) + 0.25 * std::log(0.25));
  const double hab = 1.5 * std::log(2.0);
  const double expected = 2.0 * (ha + hb - hab) / (ha + hb);
  EXPECT_NEAR(normalized_mutual_information({0, 0, 1, 1}, {0, 0, 0, 1}), expected, kTolerance);
  EXPECT_NEAR(expected, 0.3437110184854509, kTolerance);  // igraph compare_communities
  // Independent halves: I = 0.
  EXPECT_NEAR(normalized_mutual_information({0, 0, 1, 1}, {0, 1, 0, 1}), 0.0, kTolerance);
}

TEST(NormalizedMutualInformationTest, TrivialPartitions) {
  EXPECT_DOUBLE_EQ(normalized_mutual_information({0, 0, 0}, {1, 1, 1}), 1.0);  // as igraph
  EXPECT_NEAR(normalized_mutual_information({0, 0, 0}, {0, 1, 2}), 0.0, kTolerance);
  EXPECT_DOUBLE_EQ(normalized_mutual_information({}, {}), 1.0);
  EXPECT_TRUE(std::isnan(normalized_mutual_information({0}, {0, 1})));
}

// ---- igraph compare_communities on fixed partitions (tests/data/graphs/partition_compare.txt)

struct CompareFixture {
  std::map<std::string, Labels> partitions;
  struct Row {
    std::string measure, a, b;
    double value;
  };
  std::vector<Row> rows;
};

CompareFixture load_compare_fixture() {
  CompareFixture fixture;
  std::ifstream in(testing::fixture_path("partition_compare.txt"));
  EXPECT_TRUE(in) << "cannot open " << testing::fixture_path("partition_compare.txt");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream fields(line);
    std::string kind, name;
    fields >> kind >> name;
    if (kind == "partition") {
      Labels& labels = fixture.partitions[name];
      for (std::uint32_t label; fields >> label;) labels.push_back(label);
    } else {
      CompareFixture::Row row{kind, name, "", 0.0};
      fields >> row.b >> row.value;
      fixture.rows.push_back(row);
    }
  }
  return fixture;
}

TEST(PartitionCompareTest, MatchesIgraphCompareCommunities) {
  const CompareFixture fixture = load_compare_fixture();
  ASSERT_EQ(fixture.partitions.size(), 10u);
  ASSERT_EQ(fixture.rows.size(), 2u * (15 + 6));  // C(6,2) karate pairs, C(4,2) lesmis pairs
  for (const auto& row : fixture.rows) {
    const Labels& a = fixture.partitions.at(row.a);
    const Labels& b = fixture.partitions.at(row.b);
    if (row.measure == "ari") {
      EXPECT_NEAR(adjusted_rand_index(a, b), row.value, kTolerance) << row.a << " " << row.b;
      EXPECT_NEAR(adjusted_rand_index(b, a), row.value, kTolerance) << row.b << " " << row.a;
    } else {
      ASSERT_EQ(row.measure, "nmi");
      EXPECT_NEAR(normalized_mutual_information(a, b), row.value, kTolerance)
          << row.a << " " << row.b;
    }
  }
}

// ---- stability ---------------------------------------------------------------------------

// Even seeds give A = {0,1,2},{3,4,5}; odd seeds give B = {0,1,2,3},{4,5}.
// ARI(A,B): cells 3,1,2 -> sum C = 3 + 0 + 1 = 4; a = 3 + 3 = 6; b = 6 + 1 = 7; C(6,2) = 15;
// expected 42/15 = 2.8; max 6.5; ARI = 1.2 / 3.7 = 12/37.
std::vector<std::uint32_t> alternating(const Graph&, std::uint64_t seed) {
  return seed % 2 == 0 ? Labels{0, 0, 0, 1, 1, 1} : Labels{0, 0, 0, 0, 1, 1};
}

TEST(StabilityTest, HandComputedAlternatingRuns) {
  const Stability s = stability(testing::two_triangles(), alternating, {0, 1, 2, 3});
  EXPECT_EQ(s.chosen, (Labels{0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(s.count, 2u);
  EXPECT_EQ(s.compared_runs, 3u);
  // Runs B, A, B against A.
  EXPECT_NEAR(s.mean_ari, (12.0 / 37.0 + 1.0 + 12.0 / 37.0) / 3.0, kTolerance);
  const double nmi_ab = normalized_mutual_information({0, 0, 0, 1, 1, 1}, {0, 0, 0, 0, 1, 1});
  EXPECT_NEAR(s.mean_nmi, (2.0 * nmi_ab + 1.0) / 3.0, kTolerance);
  // {0,1,2} stays whole in B; {3,4,5} keeps 1 of its 3 pairs in B (< 90%), all in A.
  ASSERT_EQ(s.core_kept.size(), 2u);
  EXPECT_DOUBLE_EQ(s.core_kept[0], 1.0);
  EXPECT_DOUBLE_EQ(s.core_kept[1], 1.0 / 3.0);
}

// 90% of the member pairs is the threshold: a community of 5 (10 pairs) that loses one
// member keeps 6 pairs (60%): not kept; a community of 20 (190 pairs) that loses one member
// keeps 171 = 90%: kept.
TEST(StabilityTest, CoreThresholdIsNinetyPercentOfPairs) {
  const auto split_last = [](std::uint32_t size) {
    return [size](const Graph&, std::uint64_t seed) {
      Labels labels(size, 0);
      if (seed == 1) labels.back() = 1;
      return labels;
    };
  };
  EXPECT_DOUBLE_EQ(stability(Graph(5), split_last(5), {0, 1}).core_kept.at(0), 0.0);
  EXPECT_DOUBLE_EQ(stability(Graph(20), split_last(20), {0, 1}).core_kept.at(0), 1.0);
  EXPECT_DOUBLE_EQ(stability(Graph(19), split_last(19), {0, 1}).core_kept.at(0), 0.0);  // 153/171
}

TEST(StabilityTest, ChosenRunIsRelabelledBySize) {
  const auto fixed = [](const Graph&, std::uint64_t) { return Labels{5, 5, 9, 9, 9, 4}; };
  const Stability s = stability(Graph(6), fixed, {3, 4, 5});
  EXPECT_EQ(s.chosen, (Labels{1, 1, 0, 0, 0, 2}));
  EXPECT_EQ(s.count, 3u);
  EXPECT_DOUBLE_EQ(s.mean_ari, 1.0);
  EXPECT_DOUBLE_EQ(s.mean_nmi, 1.0);
  EXPECT_EQ(s.core_kept, (std::vector<double>{1.0, 1.0, 1.0}));  // singleton {5} counts as kept
}

TEST(StabilityTest, FewerThanTwoSeedsCompareNothing) {
  const Stability one = stability(testing::two_triangles(), alternating, {0});
  EXPECT_EQ(one.chosen, (Labels{0, 0, 0, 1, 1, 1}));
  EXPECT_EQ(one.compared_runs, 0u);
  EXPECT_TRUE(std::isnan(one.mean_ari));
  EXPECT_TRUE(std::isnan(one.mean_nmi));
  ASSERT_EQ(one.core_kept.size(), 2u);
  EXPECT_TRUE(std::isnan(one.core_kept[0]));
  const Stability none = stability(testing::two_triangles(), alternating, {});
  EXPECT_TRUE(none.chosen.empty());
  EXPECT_TRUE(none.core_kept.empty());
  EXPECT_TRUE(std::isnan(none.mean_ari));
}

TEST(StabilityTest, LeidenOnFixtureGraphs) {
  for (const std::string graph : {"karate", "lesmis"}) {
    const Graph g = testing::load_graph(graph);
    const auto run = [](const Graph& h, std::uint64_t seed) {
      LeidenOptions options;
      options.seed = seed;
      return leiden(h, options).partition.community;
    };
    std::vector<std::uint64_t> seeds;
    for (std::uint64_t seed = 42; seed < 52; ++seed) seeds.push_back(seed);
    const Stability s = stability(g, run, seeds);
    EXPECT_EQ(s.chosen, run(g, 42)) << graph;  // already canonical
    EXPECT_EQ(s.compared_runs, 9u);
    EXPECT_GT(s.mean_ari, 0.5) << graph;
    EXPECT_LE(s.mean_ari, 1.0);
    EXPECT_GT(s.mean_nmi, 0.5) << graph;
    EXPECT_LE(s.mean_nmi, 1.0);
    ASSERT_EQ(s.core_kept.size(), s.count);
    std::cout << "[ stability] " << graph << " Leiden seeds 42..51: mean ARI " << s.mean_ari
              << " mean NMI " << s.mean_nmi << ", cores kept";
    for (const double kept : s.core_kept) {
      EXPECT_GE(kept, 0.0);
      EXPECT_LE(kept, 1.0);
      std::cout << " " << kept;
    }
    std::cout << "\n";
  }
}

}  // namespace
}  // namespace citenet
