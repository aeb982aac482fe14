// Thresholds on a hand-drawn network, and the year range parser's exact errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "graph/directed.h"
#include "graph/filters.h"

namespace citenet {
namespace {

//   0 ─3─ 1 ─1─ 2     3 ─2─ 4     5
//   papers: 5, 1, 2, 4, 1, 7
Network drawn() {
  Network n;
  n.kind = "coauthor";
  const std::uint32_t papers[] = {5, 1, 2, 4, 1, 7};
  for (std::uint32_t v = 0; v < 6; ++v) {
    NodeAttributes a;
    a.label = "n" + std::to_string(v);
    a.papers = papers[v];
    n.nodes.push_back(a);
  }
  set_links(n, {{0, 1, 3.0}, {1, 2, 1.0}, {3, 4, 2.0}});
  return n;
}

std::vector<std::string> labels(const Network& n) {
  std::vector<std::string> out;
  for (const NodeAttributes& a : n.nodes) out.push_back(a.label);
  return out;
}

TEST(Filters, RenumberMapsOldToNewIds) {
  EXPECT_EQ(renumber({true, false, true, true}), (std::vector<std::uint32_t>{0, kDropped, 1, 2}));
}

TEST(Filters, MinOccurrences) {
  const FilterResult r = filter_min_occurrences(drawn(), 2);
  EXPECT_EQ(labels(r.network), (std::vector<std::string>{"n0", "n2", "n3", "n5"}));
  EXPECT_EQ(r.nodes_removed, 2u);
  EXPECT_EQ(r.edges_removed, 3u);
  EXPECT_EQ(r.network.graph.vertex_count(), 4u);
  EXPECT_EQ(r.network.graph.edge_count(), 0u);
  EXPECT_EQ(r.network.kind, "coauthor");
}

TEST(Filters, MinWeightKeepsEveryNode) {
  const FilterResult r = filter_min_weight(drawn(), 2.0);
  EXPECT_EQ(r.nodes_removed, 0u);
  EXPECT_EQ(r.edges_removed, 1u);
  ASSERT_EQ(r.network.links().size(), 2u);
  EXPECT_EQ(r.network.links()[1].source, 3u);
  EXPECT_EQ(r.network.links()[1].weight, 2.0);
}

TEST(Filters, TopNodesByAMetricTiesToTheLowerId) {
  const std::vector<double> metric = {0.5, 0.9, 0.1, 0.9, 0.2, 0.0};
  FilterResult r = filter_top_nodes(drawn(), metric, 3);
  EXPECT_EQ(labels(r.network), (std::vector<std::string>{"n0", "n1", "n3"}));
  ASSERT_EQ(r.network.links().size(), 1u);
  EXPECT_EQ(r.network.links()[0].source, 0u);
  EXPECT_EQ(r.network.links()[0].target, 1u);
  EXPECT_EQ(r.network.links()[0].weight, 3.0);
  EXPECT_EQ(r.nodes_removed, 3u);
  EXPECT_EQ(r.edges_removed, 2u);
  r = filter_top_nodes(drawn(), metric, 1);
  EXPECT_EQ(labels(r.network), (std::vector<std::string>{"n1"}));
  EXPECT_EQ(filter_top_nodes(drawn(), metric, 100).nodes_removed, 0u);
}

TEST(Filters, LargestComponent) {
  const FilterResult r = filter_largest_component(drawn());
  EXPECT_EQ(labels(r.network), (std::vector<std::string>{"n0", "n1", "n2"}));
  EXPECT_EQ(r.nodes_removed, 3u);
  EXPECT_EQ(r.edges_removed, 1u);
  EXPECT_EQ(r.network.graph.edge_count(), 2u);
  // Two components of two nodes: the one holding the lowest id wins.
  Network tie = drawn();
  set_links(tie, {{3, 4, 1.0}, {1, 2, 1.0}});
  EXPECT_EQ(labels(filter_largest_component(tie).network), (std::vector<std::string>{"n1", "n2"}));
}

// Citations 2 -> 0, 0 -> 1, 3 -> 1, and 1 -> 0 back: filters keep arcs and rebuild both graphs.
TEST(Filters, DirectedNetworksStayDirected) {
  Network n = drawn();
  n.directed = true;
  set_links(n, {{0, 1, 1.0}, {1, 0, 1.0}, {2, 0, 1.0}, {3, 1, 1.0}});
  EXPECT_EQ(boost::num_edges(n.digraph), 4u);
  EXPECT_EQ(n.graph.edge_count(), 3u);                  // 0–1 both ways is one undirected edge
  const FilterResult r = filter_min_occurrences(n, 2);  // drops 1 and 4
  EXPECT_TRUE(r.network.directed);
  ASSERT_EQ(r.network.links().size(), 1u);
  EXPECT_EQ(r.network.links()[0].source, 1u);  // old 2
  EXPECT_EQ(r.network.links()[0].target, 0u);  // old 0
  EXPECT_EQ(in_degree(r.network.digraph), (std::vector<double>{1, 0, 0, 0}));
  EXPECT_EQ(filter_largest_component(n).network.nodes.size(), 4u);  // weakly connected
}

// Filters lay the kept rows out on the threads they are given: the same graph as on one.
// 1,000 nodes and ~150,000 edges, enough for the layout to run in several lanes.
TEST(Filters, TheSameGraphsOnAnyThreadCount) {
  std::mt19937_64 rng(7);
  Network n;
  n.kind = "coauthor";
  for (std::uint32_t v = 0; v < 1000; ++v) {
    NodeAttributes a;
    a.label = "n" + std::to_string(v);
    a.papers = 1 + static_cast<std::uint32_t>(rng() % 5);
    n.nodes.push_back(a);
  }
  std::vector<WeightedEdge> edges;
  for (std::uint32_t a = 0; a < 1000; ++a)
    for (std::uint32_t b = a + 1; b < 1000; ++b)
      if (rng() % 10 < 3) edges.push_back({a, b, 1.0 + static_cast<double>(rng() % 4)});
  set_links(n, std::move(edges), 4);
  const auto same = [](const Graph& a, const Graph& b) {
    ASSERT_EQ(a.vertex_count(), b.vertex_count());
    ASSERT_EQ(a.edge_count(), b.edge_count());
    for (std::uint32_t v = 0; v < a.vertex_count(); ++v) {
      ASSERT_TRUE(std::ranges::equal(a.neighbours(v), b.neighbours(v))) << v;
      ASSERT_TRUE(std::ranges::equal(a.weights(v), b.weights(v))) << v;
    }
  };
  for (const unsigned threads : {2u, 3u, 8u}) {
    SCOPED_TRACE(threads);
    same(filter_min_occurrences(n, 2, threads).network.graph,
         filter_min_occurrences(n, 2).network.graph);
    same(filter_min_weight(n, 3.0, threads).network.graph, filter_min_weight(n, 3.0).network.graph);
    std::vector<double> metric(n.nodes.size());
    for (double& m : metric) m = static_cast<double>(rng() % 100);
    same(filter_top_nodes(n, metric, 600, threads).network.graph,
         filter_top_nodes(n, metric, 600).network.graph);
    same(filter_largest_component(n, threads).network.graph,
         filter_largest_component(n).network.graph);
    Network kept = n;
    std::vector<bool> keep(n.nodes.size());
    for (std::size_t v = 0; v < keep.size(); ++v) keep[v] = v % 7 != 2;
    keep_nodes(kept, renumber(keep), 2.0, threads);
    same(kept.graph, filter_min_weight(subnetwork(n, renumber(keep)).network, 2.0).network.graph);
  }
}

TEST(Filters, YearRangeParses) {
  std::string error;
  auto r = parse_year_range("2015-2024", &error);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, 2015);
  EXPECT_EQ(r->last, 2024);
  EXPECT_TRUE(r->contains(2015));
  EXPECT_FALSE(r->contains(2025));
  EXPECT_FALSE(r->contains(0));
  r = parse_year_range("2015-", &error);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->contains(3000));
  r = parse_year_range("-2024", &error);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, 0);
  EXPECT_TRUE(r->contains(1900));
  r = parse_year_range("2020", &error);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, 2020);
  EXPECT_EQ(r->last, 2020);
  EXPECT_TRUE(YearRange{}.contains(0));
}

TEST(Filters, YearRangeErrors) {
  std::string error;
  EXPECT_FALSE(parse_year_range("2024-2015", &error));
  EXPECT_EQ(error, "bad year range '2024-2015': 2024 is after 2015");
  EXPECT_FALSE(parse_year_range("20x5-2020", &error));
  EXPECT_EQ(error, "bad year range '20x5-2020': '20x5' is not a 4-digit year");
  EXPECT_FALSE(parse_year_range("15-20", &error));
  EXPECT_EQ(error, "bad year range '15-20': '15' is not a 4-digit year");
  EXPECT_FALSE(parse_year_range("-", &error));
  EXPECT_EQ(error, "bad year range '-': expected FIRST-LAST, e.g. 2015-2024");
  EXPECT_FALSE(parse_year_range("", &error));
  EXPECT_EQ(error, "bad year range '': expected FIRST-LAST, e.g. 2015-2024");
}

}  // namespace
}  // namespace citenet
