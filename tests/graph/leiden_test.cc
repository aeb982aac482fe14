#include "graph/leiden.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <ostream>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "graph/community_util.h"
#include "graph/louvain.h"
#include "graph/metrics.h"
#include "tests/graph/fixtures.h"

namespace citenet {
namespace {

using testing::graph_of;
using testing::two_triangles;

constexpr double kTolerance = 1e-9;

LeidenOptions options_of(Quality quality, double resolution, std::uint64_t seed = 42,
                         int iterations = -1) {
  LeidenOptions options;
  options.quality = quality;
  options.resolution = resolution;
  options.seed = seed;
  options.iterations = iterations;
  return options;
}

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

// CPM quality H = sum_c W_c - gamma n_c (n_c - 1) / 2, recomputed from the edge list.
double cpm(const Graph& g, const std::vector<std::uint32_t>& community, double gamma) {
  double inside = 0.0;
  for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
    for (std::size_t i = 0; i < g.degree(v); ++i) {
      const std::uint32_t u = g.neighbours(v)[i];
      if (u > v && community[u] == community[v]) inside += g.weights(v)[i];
    }
  }
  std::map<std::uint32_t, double> size;
  for (const std::uint32_t c : community) size[c] += 1.0;
  for (const auto& [c, s] : size) inside -= gamma * s * (s - 1.0) / 2.0;
  return inside;
}

// Checks the invariants every result must satisfy.
void expect_valid(const Graph& g, const LeidenResult& r, const LeidenOptions& options) {
  ASSERT_EQ(r.partition.community.size(), g.vertex_count());
  expect_canonical(r.partition);
  EXPECT_TRUE(communities_connected(g, r.partition.community));
  EXPECT_DOUBLE_EQ(r.partition.modularity,
                   modularity(g, r.partition.community, options.resolution));
  if (options.quality == Quality::modularity) {
    EXPECT_EQ(r.quality, r.partition.modularity);
  } else {
    EXPECT_NEAR(r.quality, cpm(g, r.partition.community, options.resolution), 1e-9);
  }
}

// ---- Hand-drawn graphs -------------------------------------------------------------------

// Two triangles joined by the bridge 2-3 (drawn in tests/graph/fixtures.h):
//
//   0           4
//   | \       / |
//   |  2 --- 3  |
//   | /       \ |
//   1           5
//
// Modularity: every seed splits at the bridge; Q = 6/7 - 1/2 = 5/14.
TEST(LeidenTest, TwoTrianglesSplitAtTheBridge) {
  const Graph g = two_triangles();
  for (std::uint64_t seed = 0; seed < 20; ++seed) {
    const LeidenResult r = leiden(g, options_of(Quality::modularity, 1.0, seed));
    EXPECT_EQ(r.partition.count, 2u);
    EXPECT_EQ(r.partition.community, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1}))
        << "seed " << seed;
    EXPECT_NEAR(r.partition.modularity, 5.0 / 14.0, kTolerance);
    EXPECT_NEAR(r.quality, 5.0 / 14.0, kTolerance);
  }
}

// CPM on the same graph, H = sum W_c - gamma C(n_c, 2):
//   gamma 0.1: whole graph 7 - 0.1 * 15 = 5.5 beats the triangles 2 * (3 - 0.3) = 5.4;
//   gamma 0.5: triangles 2 * (3 - 1.5) = 3 beat the whole graph 7 - 7.5 = -0.5;
//   gamma 1.5: a triangle 3 - 4.5 and an edge 1 - 1.5 are both negative: singletons, H = 0.
TEST(LeidenTest, TwoTrianglesUnderCpm) {
  const Graph g = two_triangles();
  struct Case {
    double gamma;
    std::vector<std::uint32_t> community;
    double quality;
  };
  for (const Case& c : {Case{0.1, {0, 0, 0, 0, 0, 0}, 5.5}, Case{0.5, {0, 0, 0, 1, 1, 1}, 3.0},
                        Case{1.5, {0, 1, 2, 3, 4, 5}, 0.0}}) {
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
      const LeidenResult r = leiden(g, options_of(Quality::cpm, c.gamma, seed));
      EXPECT_EQ(r.partition.community, c.community) << "gamma " << c.gamma << " seed " << seed;
      EXPECT_NEAR(r.quality, c.quality, kTolerance) << "gamma " << c.gamma;
    }
  }
}

// Weights count under CPM: 0 =3= 1 -0.5- 2 at gamma 1.
//   {0,1},{2}: 3 - 1 = 2;  {0,1,2}: 3.5 - 3 = 0.5;  singletons: 0.
TEST(LeidenTest, CpmIsWeighted) {
  const Graph g = make_graph(3, {{0, 1, 3.0}, {1, 2, 0.5}});
  const LeidenResult r = leiden(g, options_of(Quality::cpm, 1.0));
  EXPECT_EQ(r.partition.community, (std::vector<std::uint32_t>{0, 0, 1}));
  EXPECT_NEAR(r.quality, 2.0, kTolerance);
  // Modularity at gamma 1: m = 3.5, strengths 3, 3.5, 0.5. {0,1},{2} gives
  // 3/3.5 - (6.5/7)^2 - (0.5/7)^2 = 6/7 - 43/49 = -1/49; all together gives 0.
  const LeidenResult q = leiden(g, options_of(Quality::modularity, 1.0));
  EXPECT_EQ(q.partition.community, (std::vector<std::uint32_t>{0, 0, 0}));
  EXPECT_NEAR(q.quality, 0.0, kTolerance);
}

// Resolution 0 rewards only internal weight, so each connected component becomes one
// community under either quality; the isolated vertex 6 stays alone.
TEST(LeidenTest, ResolutionZeroMergesComponents) {
  const Graph g = graph_of(7, {{0, 1}, {1, 2}, {3, 4}, {4, 5}});
  for (const Quality quality : {Quality::modularity, Quality::cpm}) {
    const LeidenResult r = leiden(g, options_of(quality, 0.0, 1));
    EXPECT_EQ(r.partition.count, 3u);
    EXPECT_EQ(r.partition.community, (std::vector<std::uint32_t>{0, 0, 0, 1, 1, 1, 2}));
  }
}

TEST(LeidenTest, IsolatedVerticesAreTheirOwnCommunities) {
  // 0 and 7 isolated around the two triangles shifted to 1..6.
  const Graph g = graph_of(8, {{1, 2}, {1, 3}, {2, 3}, {3, 4}, {4, 5}, {4, 6}, {5, 6}});
  const LeidenResult r = leiden(g, options_of(Quality::modularity, 1.0, 3));
  EXPECT_EQ(r.partition.count, 4u);
  EXPECT_EQ(r.partition.community, (std::vector<std::uint32_t>{2, 0, 0, 0, 1, 1, 1, 3}));
  EXPECT_NEAR(r.partition.modularity, 5.0 / 14.0, kTolerance);
}

TEST(LeidenTest, ZeroIterationsGiveSingletons) {
  const LeidenResult r = leiden(two_triangles(), options_of(Quality::modularity, 1.0, 42, 0));
  EXPECT_EQ(r.partition.community, (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5}));
  // Singletons: -sum (k_v / 2m)^2 = -(4 * 4 + 2 * 9) / 196 = -34/196.
  EXPECT_NEAR(r.quality, -34.0 / 196.0, kTolerance);
}

// One iteration already reaches a valid partition; running until stable never loses quality
// against it for the same seed (later iterations only make improving moves).
TEST(LeidenTest, MoreIterationsNeverLoseQuality) {
  for (const std::string graph : {"karate", "karate_weighted", "lesmis"}) {
    const Graph g = testing::load_graph(graph);
    for (std::uint64_t seed = 0; seed < 10; ++seed) {
      const LeidenOptions once = options_of(Quality::modularity, 1.0, seed, 1);
      const LeidenResult one = leiden(g, once);
      expect_valid(g, one, once);
      const LeidenResult stable = leiden(g, options_of(Quality::modularity, 1.0, seed));
      EXPECT_GE(stable.quality, one.quality - 1e-12) << graph << " seed " << seed;
    }
  }
}

TEST(LeidenTest, EmptyGraph) {
  const LeidenResult r = leiden(Graph(), {});
  EXPECT_EQ(r.partition.count, 0u);
  EXPECT_TRUE(r.partition.community.empty());
  EXPECT_EQ(r.partition.modularity, 0.0);
  EXPECT_EQ(r.quality, 0.0);
}

TEST(LeidenTest, SingleVertexAndNoEdges) {
  const LeidenResult one = leiden(Graph(1), {});
  EXPECT_EQ(one.partition.community, (std::vector<std::uint32_t>{0}));
  for (const Quality quality : {Quality::modularity, Quality::cpm}) {
    const LeidenResult r = leiden(Graph(5), options_of(quality, 1.0));
    EXPECT_EQ(r.partition.count, 5u);
    EXPECT_EQ(r.partition.community, (std::vector<std::uint32_t>{0, 1, 2, 3, 4}));
    EXPECT_EQ(r.partition.modularity, 0.0);
    EXPECT_EQ(r.quality, 0.0);
  }
}

// A single edge: joining gives Q = 1 - 1 = 0 against -1/2 for singletons; CPM at gamma 0.5
// gives 1 - 0.5 = 0.5 against 0.
TEST(LeidenTest, SingleEdge) {
  const Graph g = graph_of(2, {{0, 1}});
  const LeidenResult q = leiden(g, options_of(Quality::modularity, 1.0));
  EXPECT_EQ(q.partition.community, (std::vector<std::uint32_t>{0, 0}));
  EXPECT_NEAR(q.quality, 0.0, kTolerance);
  const LeidenResult h = leiden(g, options_of(Quality::cpm, 0.5));
  EXPECT_EQ(h.partition.community, (std::vector<std::uint32_t>{0, 0}));
  EXPECT_NEAR(h.quality, 0.5, kTolerance);
  EXPECT_NEAR(h.partition.modularity, 0.5, kTolerance);  // at gamma 0.5: 1 - 0.5 (2/2)^2
}

TEST(LeidenTest, SameSeedSamePartition) {
  for (const std::string graph : {"karate_weighted", "lesmis"}) {
    const Graph g = testing::load_graph(graph);
    for (const Quality quality : {Quality::modularity, Quality::cpm}) {
      for (std::uint64_t seed : {0ull, 7ull, 42ull}) {
        const LeidenOptions options =
            options_of(quality, quality == Quality::cpm ? 0.5 : 1.0, seed);
        const LeidenResult a = leiden(g, options);
        const LeidenResult b = leiden(g, options);
        EXPECT_EQ(a.partition.community, b.partition.community) << graph << " seed " << seed;
        EXPECT_EQ(a.quality, b.quality);
      }
    }
  }
}

// ---- communities_connected ---------------------------------------------------------------

TEST(CommunitiesConnectedTest, HandCases) {
  const Graph g = two_triangles();
  EXPECT_TRUE(communities_connected(g, {0, 0, 0, 1, 1, 1}));
  EXPECT_TRUE(communities_connected(g, {0, 0, 0, 0, 0, 0}));
  EXPECT_TRUE(communities_connected(g, {0, 1, 2, 3, 4, 5}));
  EXPECT_TRUE(communities_connected(g, {7, 7, 3, 3, 9, 9}));   // 0-1, 2-3, 4-5: edges all
  EXPECT_FALSE(communities_connected(g, {0, 0, 1, 1, 0, 0}));  // {0,1,4,5}: two pieces
  EXPECT_FALSE(communities_connected(g, {0, 1, 0, 1, 0, 1}));  // {0,2,4}: 4 is cut off
  EXPECT_FALSE(communities_connected(Graph(2), {0, 0}));       // two isolated vertices
  EXPECT_TRUE(communities_connected(Graph(), {}));
}

// ---- Connectedness guarantee on fixtures and random graphs --------------------------------

// Uniform in [0, 1) from the top 53 bits (std:: distributions differ across libraries).
double unit(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

// Graph `index` of 50: even indices Erdos-Renyi G(n, p) with mean degree 3..6, odd indices a
// planted partition of 3..8 groups with p_in / p_out = 10; every third graph has integer
// weights 1..5, the rest weight 1. Sizes 40..160 vertices.
Graph random_graph(std::uint64_t index) {
  std::mt19937_64 rng(1000 + index);
  const std::uint32_t n = 40 + static_cast<std::uint32_t>(rng() % 121);
  const bool weighted = index % 3 == 0;
  std::vector<std::uint32_t> group(n, 0);
  double p_in, p_out;
  if (index % 2 == 0) {
    p_in = p_out = (3.0 + 3.0 * unit(rng)) / (n - 1);
  } else {
    const std::uint32_t groups = 3 + static_cast<std::uint32_t>(rng() % 6);
    for (std::uint32_t v = 0; v < n; ++v) group[v] = static_cast<std::uint32_t>(rng() % groups);
    const double mean_degree = 4.0 + 4.0 * unit(rng);
    // Expected degree ~ p_in n / groups + p_out n (groups - 1) / groups with p_in = 10 p_out.
    p_out = mean_degree / (n * (10.0 + groups - 1.0) / groups);
    p_in = std::min(1.0, 10.0 * p_out);
  }
  std::vector<WeightedEdge> edges;
  for (std::uint32_t u = 0; u < n; ++u) {
    for (std::uint32_t v = u + 1; v < n; ++v) {
      if (unit(rng) < (group[u] == group[v] ? p_in : p_out)) {
        edges.push_back({u, v, weighted ? 1.0 + static_cast<double>(rng() % 5) : 1.0});
      }
    }
  }
  return make_graph(n, edges);
}

struct Setting {
  Quality quality;
  double resolution;
};

const Setting kSettings[] = {{Quality::modularity, 0.5}, {Quality::modularity, 1.0},
                             {Quality::modularity, 2.0}, {Quality::cpm, 0.05},
                             {Quality::cpm, 0.2},        {Quality::cpm, 0.5}};

TEST(LeidenConnectedTest, FixtureGraphs) {
  for (const std::string graph : {"karate", "karate_weighted", "lesmis"}) {
    const Graph g = testing::load_graph(graph);
    for (const Setting& s : kSettings) {
      for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const LeidenOptions options = options_of(s.quality, s.resolution, seed);
        const LeidenResult r = leiden(g, options);
        SCOPED_TRACE(graph + " gamma " + std::to_string(s.resolution) + " seed " +
                     std::to_string(seed));
        expect_valid(g, r, options);
        expect_valid(g, leiden(g, options_of(s.quality, s.resolution, seed, 1)), options);
      }
    }
  }
}

// Fifty seeded random graphs, both qualities at three resolutions each, until stable and after
// a single iteration. Louvain's disconnected communities on the same graphs are counted for
// the record only (it gives no guarantee).
TEST(LeidenConnectedTest, RandomGraphs) {
  int louvain_disconnected = 0, runs = 0;
  for (std::uint64_t index = 0; index < 50; ++index) {
    const Graph g = random_graph(index);
    for (const Setting& s : kSettings) {
      for (std::uint64_t seed = 0; seed < 3; ++seed) {
        const LeidenOptions options = options_of(s.quality, s.resolution, seed);
        SCOPED_TRACE("graph " + std::to_string(index) + " gamma " + std::to_string(s.resolution) +
                     " seed " + std::to_string(seed));
        expect_valid(g, leiden(g, options), options);
        expect_valid(g, leiden(g, options_of(s.quality, s.resolution, seed, 1)), options);
        if (s.quality == Quality::modularity) {
          ++runs;
          if (!communities_connected(g, louvain(g, s.resolution, seed).community)) {
            ++louvain_disconnected;
          }
        }
      }
    }
  }
  std::cout << "[ leiden   ] Louvain left a disconnected community in " << louvain_disconnected
            << " of " << runs << " runs on the same random graphs\n";
}

// ---- References: leidenalg 0.9.1 and igraph 0.10.2 community_leiden -----------------------

struct ReferenceCase {
  std::string graph;
  Quality quality;
  const char* gamma;
};

std::string name_of(Quality quality) {
  return quality == Quality::modularity ? "modularity" : "cpm";
}

void PrintTo(const ReferenceCase& c, std::ostream* out) {
  *out << c.graph << " " << name_of(c.quality) << " gamma " << c.gamma;
}

class ReferenceLeidenTest : public ::testing::TestWithParam<ReferenceCase> {};

// Leiden is randomised, so runs are compared like with like: the references' best is the
// better of leidenalg's and igraph's best over their seeds 0..19, that is the best of 40 runs,
// so ours is the best of seeds 0..39; means likewise. All run until stable (n_iterations =
// -1). Within 1% (relative to the reference value). (A best of only 20 runs missed karate
// weighted CPM 0.5's optimum 113, reached by about 1 seed in 10 of ours and of the
// references', in 12% of seed streams.)
TEST_P(ReferenceLeidenTest, ReachesReferenceQualityOverSeeds) {
  const auto& [graph, quality, gamma_text] = GetParam();
  const Graph g = testing::load_graph(graph);
  const auto reference = testing::read_reference(graph + ".leiden");
  const std::string gamma_key(gamma_text);
  const double gamma = std::stod(gamma_key);
  double best = -1e300, sum = 0.0;
  std::uint32_t best_count = 0;
  constexpr int kRuns = 40;
  for (std::uint64_t seed = 0; seed < kRuns; ++seed) {
    const LeidenOptions options = options_of(quality, gamma, seed);
    const LeidenResult r = leiden(g, options);
    expect_valid(g, r, options);
    if (r.quality > best) {
      best = r.quality;
      best_count = r.partition.count;
    }
    sum += r.quality;
  }
  const double mean = sum / kRuns;
  const std::string key = name_of(quality);
  const auto value = [&](const std::string& method, const std::string& what) {
    return reference.at(method + "_" + key + "_" + what + "_gamma" + gamma_key);
  };
  const double reference_best =
      std::max(value("leidenalg", "best_of_20"), value("igraph", "best_of_20"));
  const double reference_mean =
      std::max(value("leidenalg", "mean_of_20"), value("igraph", "mean_of_20"));
  const double leidenalg_count = value("leidenalg", "communities_of_best");
  const double igraph_count = value("igraph", "communities_of_best");
  std::cout << "[ leiden   ] " << graph << " " << key << " gamma " << gamma_key << ": best " << best
            << " (" << best_count << " communities) mean " << mean
            << " over seeds 0..39; references best " << reference_best << " (" << leidenalg_count
            << " communities in leidenalg's, " << igraph_count << " in igraph's) mean "
            << reference_mean << "\n";
  EXPECT_GE(best, reference_best - 0.01 * std::abs(reference_best));
  EXPECT_GE(mean, reference_mean - 0.01 * std::abs(reference_mean));
  // Partitions of equal quality can differ in size (lesmis, CPM gamma 1: an edge of weight 1
  // joins two vertices at gain 0), so the count must match one of the references' best runs.
  EXPECT_TRUE(best_count == leidenalg_count || best_count == igraph_count)
      << best_count << " communities";
}

INSTANTIATE_TEST_SUITE_P(
    Graphs, ReferenceLeidenTest,
    ::testing::Values(ReferenceCase{"karate", Quality::modularity, "0.5"},
                      ReferenceCase{"karate", Quality::modularity, "1.0"},
                      ReferenceCase{"karate", Quality::modularity, "2.0"},
                      ReferenceCase{"karate_weighted", Quality::modularity, "0.5"},
                      ReferenceCase{"karate_weighted", Quality::modularity, "1.0"},
                      ReferenceCase{"karate_weighted", Quality::modularity, "2.0"},
                      ReferenceCase{"lesmis", Quality::modularity, "0.5"},
                      ReferenceCase{"lesmis", Quality::modularity, "1.0"},
                      ReferenceCase{"lesmis", Quality::modularity, "2.0"},
                      ReferenceCase{"karate", Quality::cpm, "0.05"},
                      ReferenceCase{"karate", Quality::cpm, "0.1"},
                      ReferenceCase{"karate_weighted", Quality::cpm, "0.1"},
                      ReferenceCase{"karate_weighted", Quality::cpm, "0.5"},
                      ReferenceCase{"lesmis", Quality::cpm, "0.5"},
                      ReferenceCase{"lesmis", Quality::cpm, "1.0"}),
    [](const ::testing::TestParamInfo<ReferenceCase>& info) {
      std::string gamma = info.param.gamma;
      std::replace(gamma.begin(), gamma.end(), '.', '_');
      return info.param.graph + "_" + name_of(info.param.quality) + "_gamma" + gamma;
    });

// ---- Batched local moving: a graph big enough for batches of many vertices ----------------

// The graph of tests/data/graphs/make_planted_fixture.py, drawn from the same SplitMix64
// stream: 20,000 vertices in 50 groups of 400, each making 4..36 draws of an edge inside its
// group (probability 0.3) or to any vertex, weights 1..3 summed over repeated pairs. Local
// moving takes it in batches of 78 vertices, about 3,000 arcs, so on threads.
Graph planted_graph() {
  constexpr std::uint64_t kN = 20000, kGroups = 50, kSize = kN / kGroups;
  community_util::SplitMix64 rng(2026);
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> weight;
  for (std::uint64_t v = 0; v < kN; ++v) {
    for (std::uint64_t draws = 4 + rng() % 33; draws > 0; --draws) {
      const std::uint64_t u = rng() % 10 < 3 ? (rng() % kSize) * kGroups + v % kGroups : rng() % kN;
      const double w = 1.0 + static_cast<double>(rng() % 3);
      if (u == v) continue;
      weight[{static_cast<std::uint32_t>(std::min(u, v)),
              static_cast<std::uint32_t>(std::max(u, v))}] += w;
    }
  }
  std::vector<WeightedEdge> edges;
  for (const auto& [pair, w] : weight) edges.push_back({pair.first, pair.second, w});
  return make_graph(kN, edges);
}

const Graph& planted() {
  static const Graph g = planted_graph();
  return g;
}

// The rule of every threaded step: the thread count changes no bit of the result.
TEST(LeidenBatchedTest, SamePartitionOnAnyThreadCount) {
  const Graph& g = planted();
  for (const int iterations : {2}) {
    LeidenOptions options = options_of(Quality::modularity, 1.0, 7, iterations);
    options.threads = 1;
    const LeidenResult one = leiden(g, options);
    for (const unsigned threads : {2u, 3u, 8u}) {
      options.threads = threads;
      const LeidenResult r = leiden(g, options);
      EXPECT_EQ(r.partition.community, one.partition.community)
          << threads << " threads, " << iterations << " iterations";
      EXPECT_EQ(r.quality, one.quality) << threads << " threads";
    }
    expect_valid(g, one, options);
    // Leiden scores its partition on threads, community by community; the bits must be
    // those of the one-pass modularity().
    EXPECT_EQ(one.partition.modularity, modularity(g, one.partition.community, 1.0));
  }
}

// m comes from the strengths' pass when the weights are whole (the planted graph's are) and
// from Level::total_weight's one pass otherwise; either way it must have that pass's bits,
// which modularity() shares, or the reported modularity would change in the last digits.
TEST(LeidenBatchedTest, TotalWeightHasTheOnePassBits) {
  const Graph& g = planted();
  const auto scaled = [&g](double factor, double shift) {
    std::vector<WeightedEdge> edges;
    for (std::uint32_t v = 0; v < g.vertex_count(); ++v)
      for (std::size_t i = 0; i < g.degree(v); ++i)
        if (g.neighbours(v)[i] > v)
          edges.push_back({v, g.neighbours(v)[i], g.weights(v)[i] * factor + shift});
    return make_graph(g.vertex_count(), edges);
  };
  // Whole; thirds, which round; whole but too large for every partial sum to be exact.
  for (const Graph& h : {scaled(1.0, 0.0), scaled(1.0 / 3.0, 0.0), scaled(1.0, 0x1.0p40)}) {
    LeidenOptions options = options_of(Quality::modularity, 1.0, 3, 1);
    options.threads = 2;
    const LeidenResult r = leiden(h, options);
    EXPECT_EQ(r.partition.modularity, modularity(h, r.partition.community, 1.0));
  }
}

// Batches see the partition as it was when they began, which changes the partition: its
// modularity must stay within 1% of leidenalg's and igraph's on the same graph, best and mean
// over seeds (0..19 there; 0..9 here with two iterations, as the CLI runs, and 0..3 until
// stable, which takes several times longer).
TEST(LeidenBatchedTest, ReachesReferenceModularity) {
  const Graph& g = planted();
  const auto reference = testing::read_reference("planted.leiden");
  ASSERT_EQ(g.edge_count(), static_cast<std::uint64_t>(reference.at("edges")));
  for (const int iterations : {2, -1}) {
    double best = -1.0, sum = 0.0;
    const int runs = iterations < 0 ? 4 : 10;
    for (std::uint64_t seed = 0; seed < static_cast<std::uint64_t>(runs); ++seed) {
      LeidenOptions options = options_of(Quality::modularity, 1.0, seed, iterations);
      options.threads = 2;
      const LeidenResult r = leiden(g, options);
      best = std::max(best, r.quality);
      sum += r.quality;
    }
    const double mean = sum / runs;
    const std::string igraph = iterations < 0 ? "igraph" : "igraph_2iterations";
    double reference_best = reference.at(igraph + "_modularity_best_of_20");
    double reference_mean = reference.at(igraph + "_modularity_mean_of_20");
    if (iterations < 0) {
      reference_best = std::max(reference_best, reference.at("leidenalg_modularity_best_of_20"));
      reference_mean = std::max(reference_mean, reference.at("leidenalg_modularity_mean_of_20"));
    }
    std::cout << "[ leiden   ] planted, " << iterations << " iterations: best " << best << " mean "
              << mean << " over seeds 0.." << runs - 1 << "; references best " << reference_best
              << " mean " << reference_mean << " over seeds 0..19\n";
    EXPECT_GE(best, 0.99 * reference_best) << iterations << " iterations";
    EXPECT_GE(mean, 0.99 * reference_mean) << iterations << " iterations";
  }
}

// The default options (modularity, gamma 1, seed 42) on the fixture graphs.
TEST(LeidenTest, DefaultOptionsReachBestReference) {
  for (const std::string graph : {"karate", "karate_weighted", "lesmis"}) {
    const Graph g = testing::load_graph(graph);
    const auto reference = testing::read_reference(graph + ".leiden");
    const double best = reference.at("leidenalg_modularity_best_of_20_gamma1.0");
    const LeidenResult r = leiden(g);
    std::cout << "[ leiden   ] " << graph << " default options: " << r.quality << " with "
              << r.partition.count << " communities; best reference " << best << "\n";
    EXPECT_GE(r.quality, 0.99 * best) << graph;
  }
}

}  // namespace
}  // namespace citenet
