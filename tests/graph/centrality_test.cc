// Tests of the vertex centralities: graph/harmonic, eigenvector, pagerank, clustering, kcore,
// sampled_betweenness and directed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "graph/clustering.h"
#include "graph/directed.h"
#include "graph/eigenvector.h"
#include "graph/harmonic.h"
#include "graph/kcore.h"
#include "graph/metrics.h"
#include "graph/pagerank.h"
#include "graph/sampled_betweenness.h"
#include "tests/graph/fixtures.h"

namespace citenet {
namespace {

using testing::graph_of;
using testing::two_triangles;

constexpr double kTolerance = 1e-9;

void expect_near_all(const std::vector<double>& actual, const std::vector<double>& expected,
                     const std::string& what, double tolerance = kTolerance) {
  ASSERT_EQ(actual.size(), expected.size()) << what;
  for (std::size_t v = 0; v < expected.size(); ++v) {
    EXPECT_NEAR(actual[v], expected[v], tolerance) << what << " of vertex " << v;
  }
}

double sum(const std::vector<double>& values) {
  double total = 0.0;
  for (const double x : values) total += x;
  return total;
}

double euclidean_norm(const std::vector<double>& values) {
  double squares = 0.0;
  for (const double x : values) squares += x * x;
  return std::sqrt(squares);
}

// Columns of a CSV fixture by header name (all numeric).
std::map<std::string, std::vector<double>> read_columns(const std::string& name) {
  std::ifstream in(testing::fixture_path(name));
  EXPECT_TRUE(in) << "cannot open " << testing::fixture_path(name);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = testing::split_csv_line(line);
  std::map<std::string, std::vector<double>> columns;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::vector<std::string> fields = testing::split_csv_line(line);
    EXPECT_EQ(fields.size(), header.size()) << line;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) {
      columns[header[i]].push_back(std::stod(fields[i]));
    }
  }
  return columns;
}

// ---------------------------------------------------------------------------------------
// Karate club (unweighted and Zachary's weights) and Les Miserables against networkx 2.8.8
// and python-igraph 0.10.2 (tests/data/graphs/NAME.centrality.csv).

class ReferenceCentralityTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    g_ = testing::load_graph(GetParam());
    expected_ = read_columns(GetParam() + ".centrality.csv");
    ASSERT_EQ(expected_.at("id").size(), g_.vertex_count());
  }
  Graph g_;
  std::map<std::string, std::vector<double>> expected_;
};

TEST_P(ReferenceCentralityTest, HarmonicClosenessMatchesNetworkxAndIgraph) {
  expect_near_all(harmonic_closeness(g_), expected_.at("harmonic"), "harmonic");
  expect_near_all(normalised_harmonic_closeness(g_), expected_.at("harmonic_normalised"),
                  "normalised harmonic");
}

// Same iteration and stopping rule as networkx with its defaults (tol 1e-6, max_iter 100), so
// the iterates agree to rounding even though they are only within ~1e-5 of the eigenvector.
TEST_P(ReferenceCentralityTest, EigenvectorWithNetworkxDefaultsMatchesNetworkx) {
  bool converged = false;
  const std::vector<double> x = eigenvector_centrality(g_, {}, &converged);
  EXPECT_TRUE(converged);
  expect_near_all(x, expected_.at("eigenvector"), "eigenvector");
  EXPECT_NEAR(euclidean_norm(x), 1.0, 1e-12);
}

// Run to tol 1e-14 on both sides, where networkx is within 1e-12 of its numpy eigensolver.
TEST_P(ReferenceCentralityTest, EigenvectorTightMatchesNetworkx) {
  bool converged = false;
  const std::vector<double> x =
      eigenvector_centrality(g_, {.tolerance = 1e-14, .max_iterations = 10000}, &converged);
  EXPECT_TRUE(converged);
  expect_near_all(x, expected_.at("eigenvector_tight"), "eigenvector (tol 1e-14)", 1e-12);
}

TEST_P(ReferenceCentralityTest, PageRankMatchesNetworkx) {
  bool converged = false;
  const std::vector<double> p085 = pagerank(g_, {}, &converged);
  EXPECT_TRUE(converged);
  expect_near_all(p085, expected_.at("pagerank_085"), "pagerank alpha 0.85");
  EXPECT_NEAR(sum(p085), 1.0, 1e-12);
  expect_near_all(pagerank(g_, {.damping = 0.5}), expected_.at("pagerank_050"),
                  "pagerank alpha 0.5");
}

TEST_P(ReferenceCentralityTest, ClusteringAndCoreMatchNetworkx) {
  expect_near_all(local_clustering(g_), expected_.at("clustering"), "clustering");
  EXPECT_EQ(core_number(g_), expected_.at("core"));
}

// With every vertex a pivot the estimate is Brandes' exact betweenness.
TEST_P(ReferenceCentralityTest, SampledBetweennessWithAllPivotsIsExact) {
  const std::size_t n = g_.vertex_count();
  const testing::MetricsFixture metrics = testing::load_metrics(GetParam());
  expect_near_all(sampled_betweenness(g_, n, 7), metrics.betweenness, "k = n vs networkx");
  expect_near_all(sampled_betweenness(g_, n, 7), betweenness(g_), "k = n vs exact", 1e-12);
  expect_near_all(sampled_betweenness(g_, n + 5, 7), betweenness(g_), "k > n clamped", 1e-12);
}

INSTANTIATE_TEST_SUITE_P(Graphs, ReferenceCentralityTest,
                         ::testing::Values("karate", "karate_weighted", "lesmis"));

// Zachary's weights change eigenvector and PageRank but not the hop-based centralities.
TEST(CentralityTest, KarateWeightsMatterOnlyForSpectralCentralities) {
  const Graph plain = testing::load_graph("karate");
  const Graph weighted = testing::load_graph("karate_weighted");
  EXPECT_EQ(harmonic_closeness(plain), harmonic_closeness(weighted));
  EXPECT_EQ(local_clustering(plain), local_clustering(weighted));
  EXPECT_EQ(core_number(plain), core_number(weighted));
  EXPECT_GT(std::abs(pagerank(plain)[0] - pagerank(weighted)[0]), 1e-3);
  EXPECT_GT(std::abs(eigenvector_centrality(plain)[0] - eigenvector_centrality(weighted)[0]), 1e-3);
}

// ---------------------------------------------------------------------------------------
// Sampled betweenness: determinism and accuracy.

TEST(SampledBetweennessTest, DeterministicForASeed) {
  const Graph g = testing::load_graph("lesmis");
  EXPECT_EQ(sampled_betweenness(g, 10, 3), sampled_betweenness(g, 10, 3));
  EXPECT_NE(sampled_betweenness(g, 10, 3), sampled_betweenness(g, 10, 4));
}

// Half the vertices as pivots (38 of 77): every estimate within 0.1 of exact betweenness and
// the mean error below 0.01. Exact values reach 0.57 (Valjean); measured over seeds 0..199 the
// largest single error was 0.088 and the largest mean error 0.0047 (seeds 0..9: 0.021-0.069
// and 0.0022-0.0044).
TEST(SampledBetweennessTest, HalfThePivotsIsCloseOnLesMiserables) {
  const Graph g = testing::load_graph("lesmis");
  const std::vector<double> exact = betweenness(g);
  const std::size_t n = g.vertex_count();
  for (std::uint64_t seed = 0; seed < 10; ++seed) {
    const std::vector<double> estimate = sampled_betweenness(g, n / 2, seed);
    double total_error = 0.0;
    for (std::size_t v = 0; v < n; ++v) {
      EXPECT_NEAR(estimate[v], exact[v], 0.1) << "seed " << seed << " vertex " << v;
      total_error += std::abs(estimate[v] - exact[v]);
    }
    EXPECT_LT(total_error / static_cast<double>(n), 0.01) << "seed " << seed;
  }
}

// 0 - 1 - 2 with one pivot: from an end the middle carries the one other pair, extrapolated
// 1 * (n / k) / ((n-1)(n-2)) = 3 / 2; from the middle nothing. Exact value: 1, the mean.
TEST(SampledBetweennessTest, OnePivotOnAPath) {
  const Graph g = graph_of(3, {{0, 1}, {1, 2}});
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    const std::vector<double> b = sampled_betweenness(g, 1, seed);
    EXPECT_EQ(b[0], 0.0);
    EXPECT_EQ(b[2], 0.0);
    EXPECT_TRUE(b[1] == 0.0 || std::abs(b[1] - 1.5) < kTolerance) << b[1];
  }
}

TEST(SampledBetweennessTest, TwoTrianglesAllPivots) {
  expect_near_all(sampled_betweenness(two_triangles(), 6), {0., 0., 0.6, 0.6, 0., 0.},
                  "betweenness");
}

// ---------------------------------------------------------------------------------------
// Hand-drawn graphs, hand-computed values.

// two_triangles (fixtures.h):
//
//   0           4
//   | \       / |
//   |  2 --- 3  |
//   | /       \ |
//   1           5
//
// Harmonic of 0: 1 (to 1) + 1 (to 2) + 1/2 (to 3) + 2 * 1/3 (to 4, 5) = 19/6; of 2: three
// neighbours + 2 * 1/2 = 4. Clustering: corners 1, bridge ends 1 triangle of 3 pairs = 1/3.
// Every vertex has 2 neighbours in the whole graph, which is its own 2-core.
TEST(CentralityTest, TwoTrianglesHandComputed) {
  const Graph g = two_triangles();
  const double corner = 19.0 / 6.0;
  expect_near_all(harmonic_closeness(g), {corner, corner, 4, 4, corner, corner}, "harmonic");
  expect_near_all(normalised_harmonic_closeness(g),
                  {corner / 5, corner / 5, 0.8, 0.8, corner / 5, corner / 5}, "normalised");
  expect_near_all(local_clustering(g), {1, 1, 1.0 / 3, 1.0 / 3, 1, 1}, "clustering");
  EXPECT_EQ(core_number(g), (std::vector<double>(6, 2.0)));
  // Symmetric under 0<->5, 1<->4, 2<->3 and 0<->1: the spectral scores follow it.
  const std::vector<double> p = pagerank(g);
  EXPECT_NEAR(p[0], p[5], kTolerance);
  EXPECT_NEAR(p[0], p[1], kTolerance);
  EXPECT_NEAR(p[2], p[3], kTolerance);
  EXPECT_GT(p[2], p[0]);
}

// A triangle with a tail, and an isolated vertex:
//
//   0 - 1
//    \ /
//     2 - 3 - 4      5
//
// Cores: the triangle is the 2-core, the tail only in the 1-core, 5 in none. Harmonic of 4:
// 1 (3) + 1/2 (2) + 2 * 1/3 (0, 1) = 13/6; of 5: 0. Clustering of 2: 1 triangle of 3 pairs.
TEST(CentralityTest, TriangleWithTailHandComputed) {
  const Graph g = graph_of(6, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}});
  EXPECT_EQ(core_number(g), (std::vector<double>{2, 2, 2, 1, 1, 0}));
  // 0: 1 + 1 + 1/2 + 1/3; 2: 1 + 1 + 1 + 1/2; 3: 1 + 1 + 1/2 + 1/2.
  expect_near_all(harmonic_closeness(g), {17.0 / 6, 17.0 / 6, 3.5, 3, 13.0 / 6, 0}, "harmonic");
  expect_near_all(local_clustering(g), {1, 1, 1.0 / 3, 0, 0, 0}, "clustering");
}

// K4: the 3-core, clustering 1.
TEST(CentralityTest, CompleteGraph) {
  const Graph g = graph_of(4, {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}});
  EXPECT_EQ(core_number(g), (std::vector<double>(4, 3.0)));
  expect_near_all(local_clustering(g), std::vector<double>(4, 1.0), "clustering");
  expect_near_all(harmonic_closeness(g), std::vector<double>(4, 3.0), "harmonic");
  expect_near_all(normalised_harmonic_closeness(g), std::vector<double>(4, 1.0), "normalised");
  expect_near_all(eigenvector_centrality(g), std::vector<double>(4, 0.5), "eigenvector");
  expect_near_all(pagerank(g), std::vector<double>(4, 0.25), "pagerank");
}

// Star, centre 0 and 4 leaves:
//
//   1   2
//    \ /
//     0 -- 3
//     |
//     4
//
// Eigenvector: lambda = sqrt(4) = 2, leaves = centre / 2, norm 1: centre 1/sqrt(2), leaves
// 1/(2 sqrt(2)). PageRank (alpha 0.85): c = 0.03 + 0.85 * 4 l, l = 0.03 + 0.85 c / 4, so
// c = 88/185 and l = 97/740. No triangles; every vertex is in the 1-core.
TEST(CentralityTest, StarHandComputed) {
  const Graph g = graph_of(5, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
  const double leaf = 1.0 / (2.0 * std::sqrt(2.0));
  expect_near_all(eigenvector_centrality(g, {.tolerance = 1e-15, .max_iterations = 1000}),
                  {1.0 / std::sqrt(2.0), leaf, leaf, leaf, leaf}, "eigenvector");
  const double l = 97.0 / 740.0;
  expect_near_all(pagerank(g), {88.0 / 185.0, l, l, l, l}, "pagerank");
  expect_near_all(local_clustering(g), std::vector<double>(5, 0.0), "clustering");
  EXPECT_EQ(core_number(g), (std::vector<double>(5, 1.0)));
  expect_near_all(harmonic_closeness(g), {4, 2.5, 2.5, 2.5, 2.5}, "harmonic");
}

// Weighted star: centre 0, leaf weights 1, 2, 2, 4. A x = lambda x gives lambda^2 = sum of
// w^2 = 25, leaf i = w_i * centre / 5, and norm 1: centre 1/sqrt(2), leaf i w_i/(5 sqrt(2)).
TEST(CentralityTest, WeightedStarEigenvector) {
  const Graph g = make_graph(5, {{0, 1, 1.0}, {0, 2, 2.0}, {0, 3, 2.0}, {0, 4, 4.0}});
  const double r = 5.0 * std::sqrt(2.0);
  expect_near_all(eigenvector_centrality(g, {.tolerance = 1e-15, .max_iterations = 1000}),
                  {1.0 / std::sqrt(2.0), 1 / r, 2 / r, 2 / r, 4 / r}, "eigenvector");
}

// Bipartite path 0 - 1 - 2: lambda = sqrt(2), x = (1/2, 1/sqrt(2), 1/2). Plain power
// iteration would oscillate between two vectors here; the A + I shift converges.
TEST(CentralityTest, EigenvectorConvergesOnBipartitePath) {
  bool converged = false;
  expect_near_all(eigenvector_centrality(graph_of(3, {{0, 1}, {1, 2}}),
                                         {.tolerance = 1e-15, .max_iterations = 1000}, &converged),
                  {0.5, 1 / std::sqrt(2.0), 0.5}, "eigenvector");
  EXPECT_TRUE(converged);
}

// Weighted triangle, damping 1 (no teleport): PageRank is the random walk's stationary
// distribution, strength / total strength = (4, 3, 5) / 12.
//
//        0
//     1 / \ 3
//      1 - 2
//        2
TEST(CentralityTest, PageRankWithoutTeleportIsStrengthShare) {
  const Graph g = make_graph(3, {{0, 1, 1.0}, {1, 2, 2.0}, {0, 2, 3.0}});
  bool converged = false;
  expect_near_all(pagerank(g, {.damping = 1.0}, &converged), {4.0 / 12, 3.0 / 12, 5.0 / 12},
                  "pagerank");
  EXPECT_TRUE(converged);
}

// Damping 0: pure teleport, uniform whatever the edges.
TEST(CentralityTest, PageRankWithoutLinksIsUniform) {
  expect_near_all(pagerank(graph_of(4, {{0, 1}, {1, 2}}), {.damping = 0.0}),
                  std::vector<double>(4, 0.25), "pagerank");
}

// 0 - 1   2: the isolated 2 is dangling and teleports uniformly, so
// p2 = 0.15/3 + 0.85 p2/3, p2 = 0.15/2.15 = 3/43, and 0, 1 share the rest: 20/43 each.
TEST(CentralityTest, PageRankIsolatedVertexIsDangling) {
  expect_near_all(pagerank(graph_of(3, {{0, 1}})), {20.0 / 43, 20.0 / 43, 3.0 / 43}, "pagerank");
}

// A vertex whose only edge has weight 0 has strength 0: dangling, as in networkx, not NaN.
TEST(CentralityTest, ZeroWeightEdgesAreDanglingNotNaN) {
  const Graph g = make_graph(3, {{0, 1, 0.0}, {1, 2, 1.0}});
  // 0 dangling; 1 sends all to 2; 2 sends all to 1. p0 = 0.05 + 0.85 p0 / 3:
  const double p0 = 0.05 / (1 - 0.85 / 3);
  const double rest = (1 - p0) / 2;
  expect_near_all(pagerank(g), {p0, rest, rest}, "pagerank");
  const Graph zero = make_graph(2, {{0, 1, 0.0}});
  expect_near_all(pagerank(zero), {0.5, 0.5}, "pagerank, all weights 0");
  expect_near_all(eigenvector_centrality(zero), {std::sqrt(0.5), std::sqrt(0.5)},
                  "eigenvector, all weights 0");
}

// The undirected PageRank is solved by conjugate gradients before the power steps; checked
// here against the definition: the dense Google matrix (dangling columns uniform) iterated to
// its fixed point, on a random graph with isolated vertices, zero weights and fractions.
TEST(CentralityTest, PageRankMatchesDenseGoogleMatrixFixedPoint) {
  constexpr std::size_t n = 300;
  std::mt19937_64 rng(11);
  std::vector<WeightedEdge> edges;
  const double kWeights[] = {0.0, 0.25, 1.0, 1.0, 2.0, 7.5};
  for (int e = 0; e < 1500; ++e) {
    const auto u = static_cast<std::uint32_t>(rng() % (n - 20));  // 20 isolated vertices
    const auto v = static_cast<std::uint32_t>(rng() % (n - 20));
    if (u != v) edges.push_back({std::min(u, v), std::max(u, v), kWeights[rng() % 6]});
  }
  const auto pair = [](const WeightedEdge& e) { return std::pair(e.source, e.target); };
  std::ranges::sort(edges, {}, pair);
  edges.erase(std::ranges::unique(edges, {}, pair).begin(), edges.end());
  const Graph g = make_graph(n, edges);
  for (const double alpha : {0.85, 0.5, 0.95}) {
    // column u of the Google matrix: alpha w(u,v) / s(u) + (1 - alpha) / n, or 1 / n if s(u) = 0
    std::vector<double> strength(n, 0.0);
    for (const WeightedEdge& e : edges) {
      strength[e.source] += e.weight;
      strength[e.target] += e.weight;
    }
    std::vector<double> google(n * n, 0.0);
    for (std::size_t u = 0; u < n; ++u)
      for (std::size_t v = 0; v < n; ++v)
        google[v * n + u] = strength[u] == 0.0 ? 1.0 / n : (1.0 - alpha) / n;
    for (const auto& [u, v, w] : edges) {
      if (w == 0.0) continue;  // else s(u) >= w > 0 and s(v) >= w > 0
      google[v * n + u] += alpha * w / strength[u];
      google[u * n + v] += alpha * w / strength[v];
    }
    std::vector<double> x(n, 1.0 / n), next(n);
    for (int iteration = 0; iteration < 2000; ++iteration) {
      for (std::size_t v = 0; v < n; ++v) {
        next[v] = 0.0;
        for (std::size_t u = 0; u < n; ++u) next[v] += google[v * n + u] * x[u];
      }
      x.swap(next);
    }
    bool converged = false;
    const std::vector<double> p = pagerank(g, {.damping = alpha, .threads = 1}, &converged);
    EXPECT_TRUE(converged);
    expect_near_all(p, x, "pagerank vs dense fixed point", 1e-12);
    EXPECT_EQ(p, pagerank(g, {.damping = alpha, .threads = 3})) << "same bits on 3 threads";
  }
}

// Two disjoint triangles tie for the largest eigenvalue: the uniform start splits the mass
// evenly, 1/sqrt(6) each.
TEST(CentralityTest, EigenvectorOfTiedComponentsIsUniform) {
  const Graph g = graph_of(6, {{0, 1}, {0, 2}, {1, 2}, {3, 4}, {3, 5}, {4, 5}});
  expect_near_all(eigenvector_centrality(g), std::vector<double>(6, 1 / std::sqrt(6.0)),
                  "eigenvector");
}

// Triangle 0-1-2 and isolated 3: the isolated vertex shrinks by 1/3 per iteration relative to
// the triangle (A + I eigenvalues 1 and 3), so it ends small but positive, never NaN.
TEST(CentralityTest, EigenvectorOfIsolatedVertexDecays) {
  const Graph g = graph_of(4, {{0, 1}, {0, 2}, {1, 2}});
  bool converged = false;
  const std::vector<double> x = eigenvector_centrality(g, {}, &converged);
  EXPECT_TRUE(converged);
  ASSERT_EQ(x.size(), 4u);
  for (const double value : x) EXPECT_TRUE(std::isfinite(value));
  EXPECT_GT(x[3], 0.0);
  EXPECT_LT(x[3], 1e-5);
  EXPECT_NEAR(x[0], 1 / std::sqrt(3.0), 1e-9);
  EXPECT_NEAR(euclidean_norm(x), 1.0, 1e-12);
  const std::vector<double> tight =
      eigenvector_centrality(g, {.tolerance = 1e-15, .max_iterations = 1000});
  EXPECT_LT(tight[3], 1e-15);
}

TEST(CentralityTest, NotConvergedReturnsLastIterate) {
  const Graph g = testing::load_graph("karate");
  bool converged = true;
  const std::vector<double> x = eigenvector_centrality(g, {.max_iterations = 2}, &converged);
  EXPECT_FALSE(converged);
  EXPECT_NEAR(euclidean_norm(x), 1.0, 1e-12);
  converged = true;
  const std::vector<double> p = pagerank(g, {.max_iterations = 2}, &converged);
  EXPECT_FALSE(converged);
  EXPECT_NEAR(sum(p), 1.0, 1e-12);
}

// ---------------------------------------------------------------------------------------
// Degenerate graphs.

TEST(CentralityTest, EmptyGraph) {
  const Graph g;
  EXPECT_TRUE(harmonic_closeness(g).empty());
  EXPECT_TRUE(normalised_harmonic_closeness(g).empty());
  bool converged = false;
  EXPECT_TRUE(eigenvector_centrality(g, {}, &converged).empty());
  EXPECT_TRUE(converged);
  converged = false;
  EXPECT_TRUE(pagerank(g, {}, &converged).empty());
  EXPECT_TRUE(converged);
  EXPECT_TRUE(local_clustering(g).empty());
  EXPECT_TRUE(core_number(g).empty());
  EXPECT_TRUE(sampled_betweenness(g, 3).empty());
}

TEST(CentralityTest, SingleVertex) {
  const Graph g(1);
  EXPECT_EQ(harmonic_closeness(g), (std::vector<double>{0}));
  EXPECT_EQ(normalised_harmonic_closeness(g), (std::vector<double>{0}));
  expect_near_all(eigenvector_centrality(g), {1}, "eigenvector");
  expect_near_all(pagerank(g), {1}, "pagerank");
  EXPECT_EQ(local_clustering(g), (std::vector<double>{0}));
  EXPECT_EQ(core_number(g), (std::vector<double>{0}));
  EXPECT_EQ(sampled_betweenness(g, 1), (std::vector<double>{0}));
}

// No edges: every vertex isolated. Eigenvector: A = 0 leaves the uniform start, 1/sqrt(4).
TEST(CentralityTest, NoEdges) {
  const Graph g(4);
  EXPECT_EQ(harmonic_closeness(g), (std::vector<double>(4, 0.0)));
  EXPECT_EQ(normalised_harmonic_closeness(g), (std::vector<double>(4, 0.0)));
  bool converged = false;
  expect_near_all(eigenvector_centrality(g, {}, &converged), std::vector<double>(4, 0.5),
                  "eigenvector");
  EXPECT_TRUE(converged);
  expect_near_all(pagerank(g), std::vector<double>(4, 0.25), "pagerank");
  EXPECT_EQ(local_clustering(g), (std::vector<double>(4, 0.0)));
  EXPECT_EQ(core_number(g), (std::vector<double>(4, 0.0)));
  EXPECT_EQ(sampled_betweenness(g, 4), (std::vector<double>(4, 0.0)));
  EXPECT_EQ(sampled_betweenness(g, 0), (std::vector<double>(4, 0.0)));
}

// ---------------------------------------------------------------------------------------
// Directed graphs.

DirectedGraph load_directed(const std::string& name) {
  const auto reference = testing::read_reference(name);
  std::vector<WeightedEdge> arcs;
  for (const auto& row : testing::read_csv(name + ".edges.csv")) {
    arcs.push_back({static_cast<std::uint32_t>(std::stoul(row.at(0))),
                    static_cast<std::uint32_t>(std::stoul(row.at(1))), std::stod(row.at(2))});
  }
  return make_directed_graph(static_cast<std::size_t>(reference.at("nodes")), arcs);
}

// A seeded random digraph of 30 nodes with weights 1..5, dangling nodes and an isolated one,
// against networkx DiGraph in_degree, out_degree and pagerank.
TEST(DirectedTest, MatchesNetworkx) {
  const DirectedGraph g = load_directed("directed_small");
  const auto expected = read_columns("directed_small.centrality.csv");
  const auto reference = testing::read_reference("directed_small");
  EXPECT_EQ(static_cast<double>(boost::num_edges(g)), reference.at("arcs"));
  EXPECT_EQ(in_degree(g), expected.at("in_degree"));
  EXPECT_EQ(out_degree(g), expected.at("out_degree"));
  bool converged = false;
  expect_near_all(pagerank(g, {}, &converged), expected.at("pagerank_085"), "pagerank 0.85");
  EXPECT_TRUE(converged);
  expect_near_all(pagerank(g, {.damping = 0.5}), expected.at("pagerank_050"), "pagerank 0.5");

  DirectedGraph unweighted = g;
  for (const auto e : boost::make_iterator_range(boost::edges(unweighted))) {
    boost::put(boost::edge_weight, unweighted, e, 1.0);
  }
  expect_near_all(pagerank(unweighted), expected.at("pagerank_085_unweighted"),
                  "unweighted pagerank 0.85");
}

// 0 cites 1 (weight 3) and 2 (weight 1); 1 cites 2; 2 cites nothing (dangling):
//
//   0 --3--> 1
//    \       |
//     1      1
//      \     v
//       `--> 2
//
// Damping 1/2, b = (p2 / 2 + 1/2) / 3 reaches everyone: p0 = b, p1 = b + p0 * 3/8,
// p2 = b + (p0 / 4 + p1) / 2, sum 1: b = 16/67, p = (16, 22, 29) / 67. Unweighted (weights 1):
// p1 = b + b / 4, p2 = b + (b / 2 + p1) / 2, p = (8, 10, 15) / 33.
TEST(DirectedTest, HandComputedPageRank) {
  const DirectedGraph g = make_directed_graph(3, {{0, 1, 3.0}, {0, 2, 1.0}, {1, 2, 1.0}});
  EXPECT_EQ(in_degree(g), (std::vector<double>{0, 1, 2}));
  EXPECT_EQ(out_degree(g), (std::vector<double>{2, 1, 0}));
  expect_near_all(pagerank(g, {.damping = 0.5}), {16.0 / 67, 22.0 / 67, 29.0 / 67}, "weighted");
  const DirectedGraph plain = make_directed_graph(3, {{0, 1, 1.0}, {0, 2, 1.0}, {1, 2, 1.0}});
  expect_near_all(pagerank(plain, {.damping = 0.5}), {8.0 / 33, 10.0 / 33, 15.0 / 33},
                  "unweighted");
}

// Direction matters: 0 -> 1 sends rank to 1 only, unlike the undirected edge 0 - 1.
// p0 = 0.15/2 + 0.85 p1/2 (1 dangling), p1 = p0 + 0.85 p0: p0 = 1/2.85, p1 = 1.85/2.85.
TEST(DirectedTest, ArcDirectionMatters) {
  const DirectedGraph g = make_directed_graph(2, {{0, 1, 1.0}});
  expect_near_all(pagerank(g), {1 / 2.85, 1.85 / 2.85}, "pagerank");
  EXPECT_EQ(in_degree(g), (std::vector<double>{0, 1}));
  EXPECT_EQ(out_degree(g), (std::vector<double>{1, 0}));
}

TEST(DirectedTest, DegenerateGraphs) {
  const DirectedGraph empty;
  EXPECT_TRUE(in_degree(empty).empty());
  EXPECT_TRUE(out_degree(empty).empty());
  EXPECT_TRUE(pagerank(empty).empty());
  const DirectedGraph single(1);
  expect_near_all(pagerank(single), {1}, "pagerank");
  const DirectedGraph isolated(3);
  expect_near_all(pagerank(isolated), std::vector<double>(3, 1.0 / 3), "pagerank");
  EXPECT_EQ(in_degree(isolated), (std::vector<double>(3, 0.0)));
  EXPECT_EQ(out_degree(isolated), (std::vector<double>(3, 0.0)));
}

}  // namespace
}  // namespace citenet
