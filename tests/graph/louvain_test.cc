#include "graph/louvain.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "graph/metrics.h"
#include "tests/graph/fixtures.h"

namespace citenet {
namespace {

using testing::graph_of;
using testing::two_triangles;

constexpr double kTolerance = 1e-9;

// Ids dense in 0..count-1, sizes non-increasing, equal sizes ordered by smallest member.
void expect_canonical(const Partition& p) {
  std::vector<std::uint32_t> size(p.count, 0);
  std::vector<std::uint32_t> smallest(p.count, static_cast<std::uint32_t>(p.community.size()));
  for (std::uint32_t v = 0; v < p.community.size(); ++v) {
    ASSERT_LT(p.community[v], p.count);
    ++size[p.community[v]];
    smallest[p.community[v]] = std::min(smallest[p.community[v]], v);
  }
  for (std::uint32_t c = 0; c < p.count; ++c) {
    EXPECT_GT(size[c], 0u) << "community " << c << " is empty";
    if (c == 0) continue;
    EXPECT_GE(size[c - 1], size[c]);
    if (size[c - 1] == size[c]) {
      EXPECT_LT(smallest[c - 1], smallest[c]);
    }
  }
}

struct ReferenceCase {
  std::string graph;
  const char* gamma;
};

class ReferenceLouvainTest : public ::testing::TestWithParam<ReferenceCase> {};

// The best modularity networkx louvain_communities and igraph community_multilevel reached,
// over their seed-42 runs and their best runs among seeds 0..19.
double best_reference(const std::map<std::string, double>& reference, const std::string& gamma) {
  double best = -1.0;
  for (const char* method : {"nx_louvain_seed42", "igraph_multilevel_seed42",
                             "nx_louvain_best_of_20", "igraph_multilevel_best_of_20"}) {
    best = std::max(best, reference.at(std::string(method) + "_gamma" + gamma));
  }
  return best;
}

// Louvain is a heuristic whose result depends on the vertex order, so single runs are
// compared like with like: our best and mean over seeds 0..19 against the references' best
// and better mean over their seeds 0..19.
TEST_P(ReferenceLouvainTest, ReachesReferenceModularityOverSeeds) {
  const auto& [graph, gamma_text] = GetParam();
  const Graph g = testing::load_graph(graph);
  const auto reference = testing::read_reference(graph);
  const std::string gamma_key(gamma_text);
  const double gamma = std::stod(gamma_key);
  double best = -1.0, sum = 0.0;
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const Partition p = louvain(g, gamma, seed);
    ASSERT_EQ(p.community.size(), g.vertex_count());
    EXPECT_DOUBLE_EQ(modularity(g, p.community, gamma), p.modularity) << "seed " << seed;
    expect_canonical(p);
    best = std::max(best, p.modularity);
    sum += p.modularity;
  }
  const double mean = sum / 20.0;
  const double reference_best = best_reference(reference, gamma_key);
  const double reference_mean =
      std::max(reference.at("nx_louvain_mean_of_20_gamma" + gamma_key),
               reference.at("igraph_multilevel_mean_of_20_gamma" + gamma_key));
  std::cout << "[ louvain  ] " << graph << " gamma " << gamma_key << ": best " << best << " mean "
            << mean << " over seeds 0..19; references best " << reference_best << " mean "
            << reference_mean << "\n";
  EXPECT_GE(best, 0.99 * reference_best);
  EXPECT_GE(mean, 0.99 * reference_mean);
}

TEST_P(ReferenceLouvainTest, SameSeedSamePartition) {
  const auto& [graph, gamma_text] = GetParam();
  const Graph g = testing::load_graph(graph);
  const double gamma = std::stod(gamma_text);
  for (std::uint64_t seed : {0ull, 7ull, 42ull}) {
    const Partition a = louvain(g, gamma, seed);
    const Partition b = louvain(g, gamma, seed);
    EXPECT_EQ(a.community, b.community) << "seed " << seed;
    EXPECT_EQ(a.count, b.count);
    EXPECT_EQ(a.modularity, b.modularity);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Graphs, ReferenceLouvainTest,
    ::testing::Values(ReferenceCase{"karate", "1.0"}, ReferenceCase{"karate_weighted", "1.0"},
                      ReferenceCase{"lesmis", "1.0"}, ReferenceCase{"karate", "0.5"},
                      ReferenceCase{"karate_weighted", "0.5"}, ReferenceCase{"lesmis", "0.5"},
                      ReferenceCase{"karate", "2.0"}, ReferenceCase{"karate_weighted", "2.0"},
                      ReferenceCase{"lesmis", "2.0"}),
    [](const ::testing::TestParamInfo<ReferenceCase>& info) {
      std::string gamma = info.param.gamma;
      std::replace(gamma.begin(), gamma.end(), '.', '_');
      return info.param.graph + "_gamma" + gamma;
    });

// The default seed (AnalysisOptions::seed = 42) at resolution 1 on the two graphs of the brief.
// This is seed-dependent: on karate_weighted seed 42 reaches 0.42662 (0.959 of the best
// 0.44490), exactly what networkx's own seed-42 run reaches, so that graph is covered by the
// over-seeds test above instead.
TEST(LouvainTest, DefaultSeedReachesBestReference) {
  for (const std::string graph : {"karate", "lesmis"}) {
    const Graph g = testing::load_graph(graph);
    const double best = best_reference(testing::read_reference(graph), "1.0");
    const Partition p = louvain(g, 1.0, AnalysisOptions{}.seed);
    std::cout << "[ louvain  ] " << graph << " seed 42: " << p.modularity << " with " << p.count
              << " communities; best reference " << best << "\n";
    EXPECT_GE(p.modularity, 0.99 * best) << graph;
    EXPECT_DOUBLE_EQ(modularity(g, p.community, 1.0), p.modularity);
  }
}

// Two triangles joined by the bridge 2-3 (drawn in tests/graph/fixtures.h):
//
//   0           4
//   | \       / |
//   |  2 --- 3  |
//   | /       \ |
//   1           5
//
// Every seed splits at the bridge; Q = 6/7 - 1/2 = 5/14.
TEST(LouvainTest, TwoTrianglesSplitAtTheBridge) {
  const Graph g = two_triangles();
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const Partition p = louvain(g, 1.0, seed);
    EXPECT_EQ(p.count, 2u);
    EXPECT_EQ(p.community, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1})) << "seed " << seed;
    EXPECT_NEAR(p.modularity, 5.0 / 14.0, kTolerance);
  }
}

// Resolution 0 rewards only internal weight, so each connected component becomes one
// community; the isolated vertex 6 stays alone.
TEST(LouvainTest, ResolutionZeroMergesComponents) {
  const Graph g = graph_of(7, {{0, 1}, {1, 2}, {3, 4}, {4, 5}});
  const Partition p = louvain(g, 0.0, 1);
  EXPECT_EQ(p.count, 3u);
  EXPECT_EQ(p.community, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1, 2}));
}

TEST(LouvainTest, IsolatedVerticesAreTheirOwnCommunities) {
  // 0 and 7 isolated around the two triangles shifted to 1..6.
  const Graph g = graph_of(8, {{1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}, {4, 6}, {5, 6}});
  const Partition p = louvain(g, 1.0, 3);
  EXPECT_EQ(p.count, 4u);
  EXPECT_EQ(p.community, (std::vector<std::uint32_t>{2, 0, 0, 0, 1, 1, 1, 3}));
  EXPECT_NEAR(p.modularity, 5.0 / 14.0, kTolerance);
}

TEST(LouvainTest, EmptyGraph) {
  const Partition p = louvain(Graph(), 1.0, 42);
  EXPECT_EQ(p.count, 0u);
  EXPECT_TRUE(p.community.empty());
  EXPECT_EQ(p.modularity, 0.0);
}

TEST(LouvainTest, SingleVertex) {
  const Partition p = louvain(Graph(1), 1.0, 42);
  EXPECT_EQ(p.count, 1u);
  EXPECT_EQ(p.community, (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(p.modularity, 0.0);
}

TEST(LouvainTest, NoEdges) {
  const Partition p = louvain(Graph(5), 1.0, 42);
  EXPECT_EQ(p.count, 5u);
  EXPECT_EQ(p.community, (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(p.modularity, 0.0);
}

// A single edge: joining gives Q = 1 - 1 = 0 against -1/2 for singletons.
TEST(LouvainTest, SingleEdge) {
  const Partition p = louvain(graph_of(2, {{0, 1}}), 1.0, 42);
  EXPECT_EQ(p.count, 1u);
  EXPECT_EQ(p.community, (std::vector<std::uint32_t>{0, 0}));
  EXPECT_NEAR(p.modularity, 0.0, kTolerance);
}

}  // namespace
}  // namespace citenet
