#include "graph/metrics.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/graph/fixtures.h"

namespace citenet {
namespace {

using testing::graph_of;
using testing::two_triangles;

constexpr double kTolerance = 1e-9;

void expect_near_all(const std::vector<double>& actual, const std::vector<double>& expected,
                     const std::string& what) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (std::size_t v = 0; v < expected.size(); ++v) {
    EXPECT_NEAR(actual[v], expected[v], kTolerance) << what << " of vertex " << v;
  }
}

// Karate club (unweighted and Zachary's weights) and Les Miserables against networkx.
class ReferenceMetricsTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ReferenceMetricsTest, MatchesNetworkx) {
  const Graph g = testing::load_graph(GetParam());
  const testing::MetricsFixture expected = testing::load_metrics(GetParam());
  ASSERT_EQ(g.vertex_count(), expected.degree.size());
  expect_near_all(degree(g), expected.degree, "degree");
  expect_near_all(weighted_degree(g), expected.weighted_degree, "weighted degree");
  expect_near_all(betweenness(g), expected.betweenness, "betweenness");
}

TEST_P(ReferenceMetricsTest, ComponentCountMatchesNetworkx) {
  const Graph g = testing::load_graph(GetParam());
  const auto reference = testing::read_reference(GetParam());
  const Components parts = components(g);
  EXPECT_EQ(parts.count, static_cast<std::uint32_t>(reference.at("components")));
  EXPECT_EQ(parts.id.size(), g.vertex_count());
}

TEST_P(ReferenceMetricsTest, ModularityOfFixedPartitionMatchesNetworkx) {
  const Graph g = testing::load_graph(GetParam());
  const auto reference = testing::read_reference(GetParam());
  const std::vector<std::uint32_t> partition = testing::load_reference_partition(GetParam());
  ASSERT_EQ(partition.size(), g.vertex_count());
  for (const char* gamma : {"0.5", "1.0", "2.0"}) {
    const std::string key = std::string("modularity_of_nx_louvain_partition_gamma") + gamma;
    EXPECT_NEAR(modularity(g, partition, std::stod(gamma)), reference.at(key), kTolerance) << key;
  }
}

INSTANTIATE_TEST_SUITE_P(Graphs, ReferenceMetricsTest,
                         ::testing::Values("karate", "karate_weighted", "lesmis"));

TEST(MetricsTest, TwoTrianglesHandComputed) {
  const Graph g = two_triangles();
  EXPECT_EQ(degree(g), (std::vector<double>{2, 2, 3, 3, 2, 2}));
  EXPECT_EQ(weighted_degree(g), (std::vector<double>{2, 2, 3, 3, 2, 2}));
  expect_near_all(betweenness(g), {0., 0., 0.6, 0.6, 0., 0.}, "betweenness");
  const Components parts = components(g);
  EXPECT_EQ(parts.count, 1u);
  EXPECT_EQ(parts.id, (std::vector<std::uint32_t>(6, 0)));
}

// Weights are strengths, not distances: the heavy edges 0-1 and 1-2 do not reroute paths.
//
//   0 ==5== 1 ==5== 2
//    \_______1_____/
TEST(MetricsTest, WeightsCountForStrengthButNotForBetweenness) {
  const Graph g = make_graph(3, {{0, 1, 5.0}, {0, 2, 1.0}, {1, 2, 5.0}});
  EXPECT_EQ(degree(g), (std::vector<double>{2, 2, 2}));
  EXPECT_EQ(weighted_degree(g), (std::vector<double>{6, 10, 6}));
  expect_near_all(betweenness(g), {0., 0., 0.}, "betweenness");
}

// 0 - 1 - 2: the middle vertex is on the one path of the one other pair, 1 * 2/(2*1) = 1.
TEST(MetricsTest, PathMiddleHasBetweennessOne) {
  expect_near_all(betweenness(graph_of(3, {{0, 1}, {1, 2}})), {0., 1., 0.}, "betweenness");
}

// Star with centre 0 and 4 leaves: 0 lies on all C(4,2) = 6 leaf pairs, 6 * 2/(4*3) = 1.
// Two parallel 2-paths 0-1-3 and 0-2-3 in a square split the pair {0,3}: 1 and 2 get 1/2 each.
TEST(MetricsTest, BetweennessStarAndSquare) {
  expect_near_all(betweenness(graph_of(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}})), {1., 0., 0., 0., 0.},
                  "star");
  // square 0-1-3-2-0: every vertex is on half of the opposite pair's paths: 0.5 * 2/(3*2).
  const double b = 0.5 * 2.0 / 6.0;
  expect_near_all(betweenness(graph_of(4, {{0, 1}, {1, 3}, {3, 2}, {2, 0}})), {b, b, b, b},
                  "square");
}

// Components of sizes 1, 2 and 3, numbered against vertex order:
//
//   0     1 - 2     3 - 4 - 5
//
// Ids by size: {3,4,5} -> 0, {1,2} -> 1, {0} -> 2.
TEST(MetricsTest, ComponentsOrderedLargestFirst) {
  const Components parts = components(graph_of(6, {{1, 2}, {3, 4}, {4, 5}}));
  EXPECT_EQ(parts.count, 3u);
  EXPECT_EQ(parts.id, (std::vector<std::uint32_t>{2, 1, 1, 0, 0, 0}));
}

// Equal sizes: the component holding the smaller vertex id comes first.
//
//   0 - 3     1 - 2     4
TEST(MetricsTest, ComponentTiesBySmallestVertex) {
  const Components parts = components(graph_of(5, {{0, 3}, {2, 1}}));
  EXPECT_EQ(parts.count, 3u);
  EXPECT_EQ(parts.id, (std::vector<std::uint32_t>{0, 1, 1, 0, 2}));
}

TEST(MetricsTest, EmptyGraph) {
  const Graph g;
  EXPECT_TRUE(degree(g).empty());
  EXPECT_TRUE(weighted_degree(g).empty());
  EXPECT_TRUE(betweenness(g).empty());
  const Components parts = components(g);
  EXPECT_EQ(parts.count, 0u);
  EXPECT_TRUE(parts.id.empty());
  EXPECT_EQ(modularity(g, {}), 0.0);
}

TEST(MetricsTest, SingleVertex) {
  const Graph g(1);
  EXPECT_EQ(degree(g), (std::vector<double>{0}));
  EXPECT_EQ(weighted_degree(g), (std::vector<double>{0}));
  EXPECT_EQ(betweenness(g), (std::vector<double>{0}));
  const Components parts = components(g);
  EXPECT_EQ(parts.count, 1u);
  EXPECT_EQ(parts.id, (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(modularity(g, {0}), 0.0);
}

TEST(MetricsTest, TwoVerticesHaveZeroBetweenness) {
  EXPECT_EQ(betweenness(graph_of(2, {{0, 1}})), (std::vector<double>{0, 0}));
}

TEST(MetricsTest, NoEdges) {
  const Graph g(4);
  EXPECT_EQ(degree(g), (std::vector<double>(4, 0.0)));
  EXPECT_EQ(weighted_degree(g), (std::vector<double>(4, 0.0)));
  EXPECT_EQ(betweenness(g), (std::vector<double>(4, 0.0)));
  const Components parts = components(g);
  EXPECT_EQ(parts.count, 4u);
  EXPECT_EQ(parts.id, (std::vector<std::uint32_t>{0, 1, 2, 3}));
  EXPECT_EQ(modularity(g, {0, 1, 2, 3}), 0.0);
}

TEST(ModularityTest, TwoTrianglesHandComputed) {
  const Graph g = two_triangles();
  EXPECT_NEAR(modularity(g, {0, 0, 0, 1, 1, 1}), 5.0 / 14.0, kTolerance);
  // gamma = 0.5: 6/7 - 0.5 * 1/2.
  EXPECT_NEAR(modularity(g, {0, 0, 0, 1, 1, 1}, 0.5), 6.0 / 7.0 - 0.25, kTolerance);
  // One community: 7/7 - 1 = 0. Singletons: 0 - 6 * (k/14)^2 = -(4*4 + 2*9)/196.
  EXPECT_NEAR(modularity(g, {0, 0, 0, 0, 0, 0}), 0.0, kTolerance);
  EXPECT_NEAR(modularity(g, {0, 1, 2, 3, 4, 5}), -34.0 / 196.0, kTolerance);
}

TEST(ModularityTest, ScalesWithWeights) {
  // Uniform weights leave modularity unchanged.
  const Graph heavy = graph_of(6, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {3, 5}, {4, 5}}, 2.5);
  EXPECT_NEAR(modularity(heavy, {0, 0, 0, 1, 1, 1}), 5.0 / 14.0, kTolerance);
}

}  // namespace
}  // namespace citenet
