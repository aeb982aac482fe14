#include "graph/analysis.h"
#include "graph/directed.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/graph/fixtures.h"

namespace citenet {
namespace {

// Two triangles joined by the bridge 2-3, edge 0-1 of weight 2, plus the isolated vertex 6:
//
//   0           4
//  2| \       / |
//   |  2 --- 3  |     6
//   | /       \ |
//   1           5
Network two_triangles_and_a_loner() {
  Network network;
  network.kind = "coauthor";
  network.node_noun = "author";
  network.nodes.resize(7);
  set_links(network, {{0, 1, 2}, {0, 2, 1}, {1, 2, 1}, {2, 3, 1}, {3, 4, 1}, {3, 5, 1}, {4, 5, 1}});
  return network;
}

TEST(AnalyseTest, FillsEveryField) {
  AnalysisOptions options;
  options.resolution = 1.0;
  options.seed = 9;
  const Analysis a = analyse(two_triangles_and_a_loner(), options);
  EXPECT_EQ(a.degree, (std::vector<double>{2, 2, 3, 3, 2, 2, 0}));
  EXPECT_EQ(a.weighted_degree, (std::vector<double>{3, 3, 3, 3, 2, 2, 0}));
  // n = 7: 6 pairs through each bridge end, 6 * 2/(6*5) = 0.4.
  ASSERT_EQ(a.betweenness.size(), 7u);
  for (int v : {0, 1, 4, 5, 6}) EXPECT_NEAR(a.betweenness[v], 0.0, 1e-12);
  EXPECT_NEAR(a.betweenness[2], 0.4, 1e-12);
  EXPECT_NEAR(a.betweenness[3], 0.4, 1e-12);
  EXPECT_EQ(a.component, (std::vector<std::uint32_t>{0, 0, 0, 0, 0, 0, 1}));
  EXPECT_EQ(a.component_count, 2u);
  EXPECT_EQ(a.communities.community, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1, 2}));
  EXPECT_EQ(a.communities.count, 3u);
  // m = 8; left holds 4 with strength 9, right 3 with strength 7:
  // Q = 7/8 - (9^2 + 7^2)/16^2 = 47/128.
  EXPECT_NEAR(a.communities.modularity, 47.0 / 128.0, 1e-12);
  EXPECT_EQ(a.resolution, 1.0);
  EXPECT_EQ(a.seed, 9u);
}

TEST(AnalyseTest, CommunitiesCanBeSkipped) {
  AnalysisOptions options;
  options.community = CommunityMethod::none;
  options.resolution = 0.5;
  const Analysis a = analyse(two_triangles_and_a_loner(), options);
  EXPECT_TRUE(a.communities.community.empty());
  EXPECT_EQ(a.communities.count, 0u);
  EXPECT_EQ(a.resolution, 0.5);
  EXPECT_EQ(a.component_count, 2u);
}

TEST(AnalyseTest, EmptyNetwork) {
  const Analysis a = analyse(Network{}, AnalysisOptions{});
  EXPECT_TRUE(a.degree.empty());
  EXPECT_TRUE(a.weighted_degree.empty());
  EXPECT_TRUE(a.betweenness.empty());
  EXPECT_TRUE(a.component.empty());
  EXPECT_EQ(a.component_count, 0u);
  EXPECT_TRUE(a.communities.community.empty());
  EXPECT_EQ(a.communities.count, 0u);
}

}  // namespace
}  // namespace citenet

namespace citenet {
namespace {

TEST(AnalyseTest, MetricsListAndLeidenByDefault) {
  AnalysisOptions options;
  options.metrics = std::vector<Metric>{Metric::degree, Metric::pagerank};
  const Analysis a = analyse(two_triangles_and_a_loner(), options);
  EXPECT_EQ(a.degree.size(), 7u);
  EXPECT_EQ(a.pagerank.size(), 7u);
  EXPECT_TRUE(a.betweenness.empty());
  EXPECT_TRUE(a.closeness.empty());
  EXPECT_EQ(a.method, CommunityMethod::leiden);
  EXPECT_EQ(a.communities.count, 3u);  // two triangles and the loner
}

TEST(AnalyseTest, StabilityOfAClearSplitIsPerfect) {
  AnalysisOptions options;
  options.stability_runs = 5;
  const Analysis a = analyse(two_triangles_and_a_loner(), options);
  EXPECT_EQ(a.stability_runs, 5u);
  EXPECT_DOUBLE_EQ(a.stability_ari, 1.0);
  EXPECT_DOUBLE_EQ(a.stability_nmi, 1.0);
  for (double kept : a.community_kept) EXPECT_DOUBLE_EQ(kept, 1.0);
}

TEST(AnalyseTest, MetricNamesRoundTrip) {
  for (Metric m : all_metrics()) EXPECT_EQ(parse_metric(metric_name(m)), m);
  EXPECT_FALSE(parse_metric("closeness_centrality").has_value());
}

}  // namespace
}  // namespace citenet

namespace citenet {
namespace {

// A citation network: 0 cites 1 and 2, 1 cites 2.
//   0 ──> 1
//    \    │
//     ──> 2 <
TEST(AnalyseTest, CitationNetworksGetInAndOutDegreeAndDirectedPageRank) {
  Network network;
  network.kind = "citation";
  network.directed = true;
  network.nodes.resize(3);
  set_links(network, {{0, 1, 1}, {0, 2, 1}, {1, 2, 1}});
  const Analysis a = analyse(network, {});
  EXPECT_EQ(a.in_degree, (std::vector<double>{0, 1, 2}));
  EXPECT_EQ(a.out_degree, (std::vector<double>{2, 1, 0}));
  ASSERT_EQ(a.pagerank.size(), 3u);
  EXPECT_NEAR(a.pagerank[0] + a.pagerank[1] + a.pagerank[2], 1.0, 1e-12);
  EXPECT_GT(a.pagerank[2], a.pagerank[1]);
  EXPECT_GT(a.pagerank[1], a.pagerank[0]);
  // Undirected networks leave the directed columns out.
  EXPECT_TRUE(analyse(two_triangles_and_a_loner(), {}).in_degree.empty());
}

}  // namespace
}  // namespace citenet
