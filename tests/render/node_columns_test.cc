#include "render/node_columns.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "render_test_support.h"

namespace citenet {
namespace {

using testing::add_link;
using testing::sample_analysis;
using testing::sample_network;

std::string describe(const std::vector<NodeColumn>& columns) {
  std::string text;
  for (const NodeColumn& column : columns) {
    text += column.name + (column.type == ColumnType::kInteger ? ":int:" : ":double:") +
            column.vosviewer + "\n";
  }
  return text;
}

TEST(NodeColumnsTest, TheSampleHasNetworkAttributesThenEveryComputedMetric) {
  const Network network = sample_network();
  const Analysis analysis = sample_analysis();
  EXPECT_EQ(describe(node_columns(network, analysis)),
            "papers:int:weight<Documents>\n"
            "citations:int:weight<Citations>\n"
            "first_year:int:score<First year>\n"
            "last_year:int:score<Last year>\n"
            "degree:double:weight<Links>\n"
            "weighted_degree:double:weight<Total link strength>\n"
            "betweenness:double:score<Betweenness>\n"
            "component:int:score<Component>\n"
            "community:int:\n");
}

TEST(NodeColumnsTest, EveryMetricOfTheAnalysisGetsAColumn) {
  const Network network = sample_network();
  Analysis analysis;
  analysis.pagerank = std::vector<double>(7, 1.0 / 7);
  analysis.core = {2, 2, 2, 2, 2, 1, 1};
  analysis.closeness = std::vector<double>(7, 0.5);
  EXPECT_EQ(describe(node_columns(network, analysis)),
            "papers:int:weight<Documents>\n"
            "citations:int:weight<Citations>\n"
            "first_year:int:score<First year>\n"
            "last_year:int:score<Last year>\n"
            "closeness:double:score<Closeness>\n"
            "pagerank:double:score<Pagerank>\n"
            "core:double:score<Core>\n");
  EXPECT_EQ(*node_columns(network, analysis)[6].value(5), 1);
}

TEST(NodeColumnsTest, ValuesAndUnknownYears) {
  Network network = sample_network();
  network.nodes[2].first_year = 0;
  const Analysis analysis = sample_analysis();
  const std::vector<NodeColumn> columns = node_columns(network, analysis);
  EXPECT_EQ(*columns[0].value(0), 7);             // papers
  EXPECT_FALSE(columns[2].value(2).has_value());  // first_year unknown
  EXPECT_EQ(*columns[2].value(3), 2013);
  EXPECT_EQ(*columns[5].value(2), 3.5);  // weighted_degree
  EXPECT_EQ(*columns[8].value(6), 2);    // community
}

TEST(NodeColumnsTest, FormatsValues) {
  EXPECT_EQ(format_column_value(ColumnType::kInteger, 2020), "2020");
  EXPECT_EQ(format_column_value(ColumnType::kDouble, 3), "3");
  EXPECT_EQ(format_column_value(ColumnType::kDouble, 0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_column_value(ColumnType::kDouble, 1e-7), "1e-07");
  EXPECT_EQ(shortest_double(std::nan("")), "NaN");
  EXPECT_EQ(shortest_double(-std::numeric_limits<double>::infinity()), "-Infinity");
}

TEST(NodeColumnsTest, CheckNetworkNamesWhatIsWrong) {
  std::string err;
  EXPECT_TRUE(check_network(sample_network(), sample_analysis(), &err)) << err;
  Analysis analysis = sample_analysis();
  analysis.pagerank = {1, 2};
  EXPECT_FALSE(check_network(sample_network(), analysis, &err));
  EXPECT_EQ(err, "analysis does not match the network: pagerank has 2 values for 7 nodes");
  Network network = sample_network();
  // A graph laid out by hand for more nodes than the network has.
  network.graph = make_graph(10, {{0, 1, 1}, {2, 9, 1}});
  EXPECT_FALSE(check_network(network, sample_analysis(), &err));
  EXPECT_EQ(err, "edge 2 -- 9 refers to a node beyond the 7 nodes");
  network = sample_network();
  add_link(network, {4, 3, 1});
  EXPECT_FALSE(check_network(network, sample_analysis(), &err));
  EXPECT_EQ(err, "edge 3 -- 4 appears twice; each undirected pair must be written once");
  network = sample_network();
  add_link(network, {4, 3, 1}, /*directed=*/true);  // 3 -> 4 and 4 -> 3 are two arcs
  EXPECT_TRUE(check_network(network, sample_analysis(), &err)) << err;
  network.arcs.push_back({4, 3, 2});  // arcs set by hand: unsorted, and 4 -> 3 again
  EXPECT_FALSE(check_network(network, sample_analysis(), &err));
  EXPECT_EQ(err, "arc 4 -> 3 appears twice; each arc must be written once");
  EXPECT_FALSE(check_network(sample_network(), sample_analysis(), &err, {{0, 0}}));
  EXPECT_EQ(err, "layout does not match the network: 1 positions for 7 nodes");
}

}  // namespace
}  // namespace citenet
