// The CSR graph itself, and that the threaded algorithms give the same bits on any number of
// threads.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <functional>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>

#include "fixtures.h"
#include "graph/clustering.h"
#include "graph/eigenvector.h"
#include "graph/harmonic.h"
#include "graph/leiden.h"
#include "graph/metrics.h"
#include "graph/network.h"
#include "graph/pagerank.h"
#include "graph/parallel.h"
#include "graph/sampled_betweenness.h"

namespace citenet {
namespace {

std::vector<std::uint32_t> to_vector(std::span<const std::uint32_t> s) {
  return {s.begin(), s.end()};
}
std::vector<double> to_vector(std::span<const double> s) { return {s.begin(), s.end()}; }

TEST(CsrGraphTest, RowsAreSortedWhateverTheEdgeOrder) {
  // Unsorted, both orientations: the rows still list neighbours in increasing order, each
  // with the weight of its edge.
  const Graph g(4, std::vector<WeightedEdge>{{3, 0, 4.0}, {1, 0, 2.0}, {2, 3, 5.0}, {0, 2, 3.0}});
  EXPECT_EQ(g.vertex_count(), 4u);
  EXPECT_EQ(g.edge_count(), 4u);
  EXPECT_EQ(to_vector(g.neighbours(0)), (std::vector<std::uint32_t>{1, 2, 3}));
  EXPECT_EQ(to_vector(g.weights(0)), (std::vector<double>{2.0, 3.0, 4.0}));
  EXPECT_EQ(to_vector(g.neighbours(1)), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(to_vector(g.neighbours(2)), (std::vector<std::uint32_t>{0, 3}));
  EXPECT_EQ(to_vector(g.weights(2)), (std::vector<double>{3.0, 5.0}));
  EXPECT_EQ(to_vector(g.neighbours(3)), (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(g.degree(1), 1u);
  EXPECT_EQ(boost::num_vertices(g.csr()), 4u);
  EXPECT_EQ(boost::num_edges(g.csr()), 8u);  // two arcs per edge
}

TEST(CsrGraphTest, IsolatedVerticesAndEmptyGraph) {
  const Graph empty;
  EXPECT_EQ(empty.vertex_count(), 0u);
  EXPECT_EQ(empty.edge_count(), 0u);
  const Graph isolated(3);
  EXPECT_EQ(isolated.vertex_count(), 3u);
  EXPECT_TRUE(isolated.neighbours(2).empty());
}

// Networks hand graphs around by value: a move must take the arrays, not copy them (Boost's
// adjacency_list copied on move, which cost seconds on large networks).
TEST(CsrGraphTest, MoveKeepsTheArrays) {
  Graph g = make_graph(3, {{0, 1, 1.0}, {1, 2, 1.0}});
  const std::uint32_t* column = g.neighbours(0).data();
  const Graph moved = std::move(g);
  EXPECT_EQ(moved.neighbours(0).data(), column);
}

// The same rows, weights and sizes.
void expect_same_graph(const Graph& a, const Graph& b) {
  ASSERT_EQ(a.vertex_count(), b.vertex_count());
  EXPECT_EQ(a.edge_count(), b.edge_count());
  EXPECT_EQ(boost::num_edges(a.csr()), boost::num_edges(b.csr()));
  for (std::uint32_t v = 0; v <= a.vertex_count(); ++v)
    ASSERT_EQ(a.link_start(v), b.link_start(v)) << "vertex " << v;
  for (std::uint32_t v = 0; v < a.vertex_count(); ++v) {
    ASSERT_EQ(to_vector(a.neighbours(v)), to_vector(b.neighbours(v))) << "row " << v;
    ASSERT_EQ(to_vector(a.weights(v)), to_vector(b.weights(v))) << "row " << v;
  }
}

// Each pair {a, b} (a < b, a and b not isolated) with probability `p`, in (source, target)
// order, as networks keep them; distinct weights, so a misplaced arc shows.
std::vector<WeightedEdge> sorted_random_edges(std::uint32_t n, double p, std::uint64_t seed,
                                              const std::function<bool(std::uint32_t)>& isolated) {
  std::mt19937_64 rng(seed);
  std::bernoulli_distribution take(p);
  std::vector<WeightedEdge> edges;
  for (std::uint32_t a = 0; a < n; ++a)
    for (std::uint32_t b = a + 1; b < n; ++b)
      if (!isolated(a) && !isolated(b) && take(rng))
        edges.push_back({a, b, static_cast<double>(edges.size()) + 0.5});
  return edges;
}

// The same edges the other way round (target, source): not as networks keep them, so the
// graph is laid out the old way, one edge after another on one thread, rows sorted after.
Graph built_the_old_way(std::size_t n, std::vector<WeightedEdge> edges) {
  for (WeightedEdge& e : edges) std::swap(e.source, e.target);
  return Graph(n, edges, 4);
}

// Sorted edges are laid out in lanes on threads (ScanTrans); the arrays must be those of the
// old scatter on any thread count. 1,600 vertices with p = 0.3 give ~300,000 edges, enough
// for four lanes; isolated vertices at the start, in between and at the end test the runs of
// vertices with no edges of their own across lane boundaries.
TEST(CsrGraphTest, SortedEdgesOnThreadsGiveTheOldLayout) {
  constexpr std::uint32_t kN = 1600;
  const auto isolated = [](std::uint32_t v) { return v < 3 || v % 97 == 5 || v >= kN - 4; };
  const std::vector<WeightedEdge> edges = sorted_random_edges(kN, 0.3, 3, isolated);
  ASSERT_GT(edges.size(), 4u << 16);
  const Graph old = built_the_old_way(kN, edges);
  EXPECT_TRUE(old.neighbours(kN - 1).empty());
  for (const unsigned threads : {1u, 2u, 3u, 8u, 0u}) {
    SCOPED_TRACE(threads);
    expect_same_graph(Graph(kN, edges, threads), old);
  }
}

TEST(CsrGraphTest, SmallSortedGraphsOnThreads) {
  for (const unsigned threads : {1u, 2u, 8u}) {
    SCOPED_TRACE(threads);
    expect_same_graph(Graph(0, std::vector<WeightedEdge>{}, threads), Graph(0));
    expect_same_graph(Graph(4, std::vector<WeightedEdge>{}, threads), Graph(4));
    // One edge, between the last two vertices: the rows before it are empty.
    const Graph one(5, std::vector<WeightedEdge>{{3, 4, 2.5}}, threads);
    EXPECT_EQ(one.edge_count(), 1u);
    EXPECT_TRUE(one.neighbours(0).empty());
    EXPECT_EQ(to_vector(one.neighbours(3)), (std::vector<std::uint32_t>{4}));
    EXPECT_EQ(to_vector(one.neighbours(4)), (std::vector<std::uint32_t>{3}));
    EXPECT_EQ(to_vector(one.weights(4)), (std::vector<double>{2.5}));
    const std::vector<WeightedEdge> star = {{0, 1, 1.0}, {0, 2, 2.0}, {0, 3, 3.0}, {2, 3, 4.0}};
    expect_same_graph(Graph(4, star, threads), built_the_old_way(4, star));
  }
}

// Anything else takes the old path whatever the thread count: a pair given twice is two
// parallel edges, as documented, and a self loop one arc.
TEST(CsrGraphTest, RepeatedPairsAndSelfLoopsOnThreads) {
  const Graph twice(3, std::vector<WeightedEdge>{{0, 1, 1.0}, {0, 1, 2.0}, {1, 2, 3.0}}, 8);
  EXPECT_EQ(to_vector(twice.neighbours(0)), (std::vector<std::uint32_t>{1, 1}));
  EXPECT_EQ(to_vector(twice.weights(0)), (std::vector<double>{1.0, 2.0}));
  EXPECT_EQ(to_vector(twice.neighbours(1)), (std::vector<std::uint32_t>{0, 0, 2}));
  const Graph loop(2, std::vector<WeightedEdge>{{0, 0, 1.0}, {0, 1, 2.0}}, 8);
  EXPECT_EQ(to_vector(loop.neighbours(0)), (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(boost::num_edges(loop.csr()), 3u);
}

std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> as_tuples(
    const std::vector<WeightedEdge>& edges) {
  std::vector<std::tuple<std::uint32_t, std::uint32_t, double>> out;
  for (const WeightedEdge& e : edges) out.emplace_back(e.source, e.target, e.weight);
  return out;
}

// A network's links are read from its graph's rows: the list it was built from, in order,
// with the runs of isolated vertices (start, middle, end) skipped, on any thread count, and
// any link found again by seeking.
TEST(LinksTest, ListTheEdgesTheGraphWasBuiltFrom) {
  constexpr std::uint32_t kN = 1000;
  const auto isolated = [](std::uint32_t v) { return v < 3 || v % 97 == 5 || v >= kN - 4; };
  const std::vector<WeightedEdge> edges = sorted_random_edges(kN, 0.3, 5, isolated);
  ASSERT_GT(edges.size(), 2u << 16);
  for (const unsigned threads : {1u, 3u}) {
    SCOPED_TRACE(threads);
    const Graph g(kN, edges, threads);
    const Links links(g);
    ASSERT_EQ(links.size(), edges.size());
    EXPECT_EQ(as_tuples(links.list()), as_tuples(edges));
    for (const std::size_t k : {std::size_t{0}, std::size_t{1}, edges.size() / 3,
                                edges.size() / 2 + 7, edges.size() - 1}) {
      SCOPED_TRACE(k);
      const WeightedEdge e = links[k];
      EXPECT_EQ(std::tuple(e.source, e.target, e.weight),
                std::tuple(edges[k].source, edges[k].target, edges[k].weight));
      auto it = links.from(k);
      EXPECT_EQ(it.index(), k);
      ++it;
      if (k + 1 < edges.size()) {
        EXPECT_EQ((*it).weight, edges[k + 1].weight);
      }
    }
    EXPECT_TRUE(links.from(edges.size()) == links.end());
  }
}

// Edges given in any orientation and order come out as (lower, higher) in order; a pair given
// twice is two links and a self loop one, as the rows hold them; rows laid out by a builder
// (with only an edge count) find the same offsets.
TEST(LinksTest, AnyEdgeOrderParallelEdgesAndSelfLoops) {
  const Graph g(4, std::vector<WeightedEdge>{{3, 0, 4.0}, {1, 0, 2.0}, {2, 3, 5.0}, {0, 2, 3.0}});
  EXPECT_EQ(as_tuples(Links(g).list()),
            as_tuples({{0, 1, 2.0}, {0, 2, 3.0}, {0, 3, 4.0}, {2, 3, 5.0}}));
  const Graph twice(3, std::vector<WeightedEdge>{{1, 0, 1.0}, {0, 1, 2.0}, {1, 2, 3.0}});
  EXPECT_EQ(as_tuples(Links(twice).list()), as_tuples({{0, 1, 1.0}, {0, 1, 2.0}, {1, 2, 3.0}}));
  const Graph loop(3, std::vector<WeightedEdge>{{0, 1, 2.0}, {2, 2, 1.0}});
  EXPECT_EQ(as_tuples(Links(loop).list()), as_tuples({{0, 1, 2.0}, {2, 2, 1.0}}));
  EXPECT_EQ(loop.link_start(3), 2u);
  const auto& csr = g.csr().m_forward;
  const Graph rows(csr.m_rowstart, csr.m_column, csr.m_edge_properties, g.edge_count());
  expect_same_graph(rows, g);
  EXPECT_THROW(Graph(csr.m_rowstart, csr.m_column, csr.m_edge_properties,
                     std::vector<std::uint64_t>{0, 1, 1, 2, 3}),
               std::length_error);  // four links counted, three edges' worth of offsets
  EXPECT_TRUE(Links(Graph(3)).empty());
  EXPECT_TRUE(Links(Graph()).begin() == Links(Graph()).end());
}

// Whether a pair can be in the graph twice is known from how it was laid out: never from
// strictly sorted edges or rows a builder vouches for; from edges in any other order, or rows
// given with only an edge count, it is not known (and check_network looks).
TEST(LinksTest, DistinctPairsKnownFromTheLayout) {
  const auto rows_distinct = [](const Graph& g) {
    for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
      const auto row = g.neighbours(v);
      if (std::adjacent_find(row.begin(), row.end(), std::greater_equal<>()) != row.end())
        return false;
    }
    return true;
  };
  EXPECT_TRUE(Graph(3).distinct_pairs());
  const Graph sorted(4, std::vector<WeightedEdge>{{0, 1, 1.0}, {0, 3, 2.0}, {1, 2, 1.0}});
  EXPECT_TRUE(sorted.distinct_pairs());
  EXPECT_TRUE(rows_distinct(sorted));
  const Graph twice(3, std::vector<WeightedEdge>{{1, 0, 1.0}, {0, 1, 2.0}, {1, 2, 3.0}});
  EXPECT_FALSE(twice.distinct_pairs());
  EXPECT_FALSE(rows_distinct(twice));
  EXPECT_FALSE(Graph(3, std::vector<WeightedEdge>{{1, 2, 1.0}, {0, 1, 2.0}}).distinct_pairs());
  const auto& csr = sorted.csr().m_forward;
  std::vector<std::uint64_t> link_start;
  for (std::uint32_t v = 0; v <= sorted.vertex_count(); ++v)
    link_start.push_back(sorted.link_start(v));
  EXPECT_FALSE(Graph(csr.m_rowstart, csr.m_column, csr.m_edge_properties, sorted.edge_count())
                   .distinct_pairs());
  EXPECT_FALSE(
      Graph(csr.m_rowstart, csr.m_column, csr.m_edge_properties, link_start).distinct_pairs());
  EXPECT_TRUE(Graph(csr.m_rowstart, csr.m_column, csr.m_edge_properties, link_start,
                    /*distinct_pairs=*/true)
                  .distinct_pairs());
}

// set_links: an undirected network's links are its graph's; a directed network keeps its
// arcs sorted, with the undirected view (a pair both ways is one edge, weights summed) and
// the digraph beside them; an edge past the nodes is refused, naming it.
TEST(LinksTest, SetLinksForBothKindsOfNetwork) {
  Network network;
  network.nodes.resize(3);
  set_links(network, {{2, 1, 1.0}, {0, 1, 2.0}});
  EXPECT_EQ(as_tuples(network.links().list()), as_tuples({{0, 1, 2.0}, {1, 2, 1.0}}));
  EXPECT_TRUE(network.arcs.empty());
  network.directed = true;
  set_links(network, {{2, 1, 1.0}, {0, 1, 2.0}, {1, 2, 0.5}});
  EXPECT_EQ(as_tuples(network.links().list()), as_tuples({{0, 1, 2.0}, {1, 2, 0.5}, {2, 1, 1.0}}));
  EXPECT_EQ(as_tuples(Links(network.graph).list()), as_tuples({{0, 1, 2.0}, {1, 2, 1.5}}));
  EXPECT_EQ(boost::num_edges(network.digraph), 3u);
  try {
    set_links(network, {{0, 1, 1.0}, {1, 3, 1.0}});
    ADD_FAILURE() << "no exception";
  } catch (const std::out_of_range& e) {
    EXPECT_STREQ(e.what(), "edge 1 -- 3 refers to a node beyond the 3 nodes");
  }
}

// The CSR arrays and the edge list are sized by resize_prefaulted: value-initialised like a
// plain resize, above the size where pages are mapped on threads first and below it.
TEST(CsrGraphTest, PrefaultedVectorsAreZeroed) {
  for (const unsigned threads : {1u, 3u}) {
    for (const std::size_t bytes : {std::size_t{1} << 20, std::size_t{129} << 20}) {
      std::vector<double> v;
      resize_prefaulted(v, bytes / sizeof(double) + 1, threads);
      ASSERT_EQ(v.size(), bytes / sizeof(double) + 1);
      EXPECT_TRUE(std::all_of(v.begin(), v.end(), [](double x) { return x == 0.0; }));
    }
  }
}

// Boost's own Brandes on the CSR (a directed graph with both arcs of each edge, so each pair
// counts twice) is an independent check of our threaded Brandes.
TEST(CsrGraphTest, BetweennessAgreesWithBoostBrandesOnTheCsr) {
  const Graph g = testing::load_graph("lesmis");
  const std::size_t n = g.vertex_count();
  std::vector<double> boost_values(n, 0.0);
  boost::brandes_betweenness_centrality(
      g.csr(), boost::centrality_map(boost::make_iterator_property_map(
                   boost_values.begin(), boost::get(boost::vertex_index, g.csr()))));
  const std::vector<double> ours = betweenness(g, 2);
  const double scale = 1.0 / (static_cast<double>(n - 1) * static_cast<double>(n - 2));
  for (std::size_t v = 0; v < n; ++v) EXPECT_NEAR(ours[v], boost_values[v] * scale, 1e-12) << v;
}

// A random graph large enough for several lanes and blocks.
Graph random_graph(std::uint32_t n, std::size_t m, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::set<std::pair<std::uint32_t, std::uint32_t>> pairs;
  while (pairs.size() < m) {
    const auto a = static_cast<std::uint32_t>(rng() % n), b = static_cast<std::uint32_t>(rng() % n);
    if (a != b) pairs.emplace(std::min(a, b), std::max(a, b));
  }
  std::vector<WeightedEdge> edges;
  for (const auto& [a, b] : pairs) edges.push_back({a, b, 1.0 + static_cast<double>(rng() % 5)});
  return make_graph(n, edges);
}

TEST(CsrGraphTest, ThreadedMetricsGiveTheSameBitsOnAnyThreadCount) {
  const Graph g = random_graph(3000, 10000, 7);
  const auto exact = betweenness(g, 1);
  const auto sampled = sampled_betweenness(g, 300, 3, 1);
  const auto closeness = harmonic_closeness(g, 1);
  const auto clustering = local_clustering(g, 1);
  const auto rank = pagerank(g, {.threads = 1});
  const auto eigen = eigenvector_centrality(g, {1e-10, 1000, 1});
  for (const unsigned threads : {2u, 3u, 8u}) {
    SCOPED_TRACE(threads);
    EXPECT_EQ(betweenness(g, threads), exact);
    EXPECT_EQ(sampled_betweenness(g, 300, 3, threads), sampled);
    EXPECT_EQ(harmonic_closeness(g, threads), closeness);
    EXPECT_EQ(local_clustering(g, threads), clustering);
    EXPECT_EQ(pagerank(g, {.threads = threads}), rank);
    EXPECT_EQ(eigenvector_centrality(g, {1e-10, 1000, threads}), eigen);
  }
}

// Leiden refines communities and aggregates levels on threads; each community draws from its
// own stream, so the partition must not depend on the thread count.
TEST(CsrGraphTest, LeidenGivesTheSamePartitionOnAnyThreadCount) {
  for (const std::string name : {"lesmis", "random"}) {
    const Graph g = name == "random" ? random_graph(3000, 10000, 7) : testing::load_graph(name);
    for (const Quality quality : {Quality::modularity, Quality::cpm}) {
      LeidenOptions options;
      options.quality = quality;
      options.resolution = quality == Quality::cpm ? 0.5 : 1.0;
      options.seed = 11;
      options.threads = 1;
      const LeidenResult one = leiden(g, options);
      EXPECT_GT(one.partition.count, 2u);
      for (const unsigned threads : {2u, 3u, 8u}) {
        SCOPED_TRACE(name + " threads " + std::to_string(threads));
        options.threads = threads;
        const LeidenResult many = leiden(g, options);
        EXPECT_EQ(many.partition.community, one.partition.community);
        EXPECT_EQ(many.quality, one.quality);
      }
    }
  }
}

}  // namespace
}  // namespace citenet
