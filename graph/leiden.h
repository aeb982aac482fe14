// Community detection with guaranteed connected communities: the Leiden algorithm.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/analysis.h"
#include "graph/network.h"

namespace citenet {

// The quality function Leiden maximises. With W_c the weight of edges inside community c
// (each edge once, a self loop once), S_c its summed strength, n_c its number of vertices and
// m the total edge weight:
//   modularity  Q = sum_c  W_c / m - gamma (S_c / 2m)^2      Reichardt & Bornholdt 2006;
//                                                            gamma = 1 is Newman-Girvan
//   cpm         H = sum_c  W_c - gamma n_c (n_c - 1) / 2     Constant Potts Model, Traag,
//                                                            Van Dooren & Nesterov 2011
// CPM's gamma is a density threshold in weight units: a community is worth keeping when its
// inner weight per vertex pair exceeds gamma. leidenalg's CPMVertexPartition.quality() reports
// 2H on undirected graphs; igraph documents its CPM as (1/2m) sum_ij (A_ij - gamma) over
// pairs in one community including i = j, that is (2H - gamma n) / 2m: the same optimum.
enum class Quality { modularity, cpm };

struct LeidenOptions {
  Quality quality = Quality::modularity;
  double resolution = 1.0;  // gamma >= 0
  std::uint64_t seed = 42;
  int iterations = -1;  // full Leiden iterations; negative: until one changes nothing
  // > 0: also stop once an iteration raises the quality by no more than this fraction of it.
  // Large networks spend most iterations moving a handful of vertices for gains far below
  // any printed digit (300k records: 7 iterations after the first for +0.01%).
  double min_gain = 0;
  unsigned threads = 1;  // refinement and aggregation; 0: every core; same result on any number
};

struct LeidenResult {
  Partition partition;  // modularity field: Newman-Girvan modularity at gamma, for either quality
  double quality = 0;   // the maximised function above: Q for modularity, H for cpm
};

// Leiden algorithm, Traag, Waltman & van Eck 2019 ("From Louvain to Leiden: guaranteeing
// well-connected communities", Sci. Rep. 9, 5233), as in the pseudo-code of its supplementary
// information:
//  1. fast local moving: vertices in a queue, first in a random order; each goes to the
//     neighbouring (or an empty) community of largest gain if that gain is positive, and its
//     neighbours outside the new community rejoin the queue;
//  2. refinement: within each community S, starting from singletons, each well-connected
//     singleton v (E(v, S - v) >= gamma' a_v (a_S - a_v)) joins a well-connected refined
//     community C of S that neighbours it with probability proportional to exp(gain / theta)
//     over the candidates of gain >= 0 (staying alone has gain 0), theta = 0.01 as in the
//     paper; gains are in edge-weight units (w(v,C) - gamma' a_v a_C with a = strength and
//     gamma' = gamma / 2m for modularity, a = vertex count and gamma' = gamma for CPM), as in
//     leidenalg and igraph;
//  3. aggregation on the refined partition, the unrefined one as the aggregate's initial
//     partition. If refinement merged nothing, aggregation uses the connected parts of each
//     community (igraph uses the communities themselves, which could keep a disconnected
//     one); if those are single vertices too, each vertex becomes its own community, which
//     never lowers either quality. So every level shrinks the graph.
// Levels repeat until local moving leaves every aggregate vertex alone; that is one
// iteration. Every aggregate vertex is a connected set of input vertices, so after every
// iteration (not only a stable one) every community is connected. Iterations start from the
// previous partition and repeat `iterations` times, or, when negative, until an iteration
// moves no vertex (iterations = 0 gives singletons). A move must gain more than 1e-12 m.
// Deterministic for a seed: one std::mt19937_64(seed) drives the local moving's Fisher-Yates
// shuffles and gives each refinement a stream seed; community S of that refinement draws from
// its own SplitMix64 stream (Steele, Lea & Flood 2014) seeded by (stream seed, S), so
// communities are refined in parallel and the result does not depend on the thread count
// (53-bit uniforms, no std:: distributions, so results agree across standard libraries). Weighted;
// community ids are dense and ordered by size descending, ties by smallest member; isolated
// vertices are communities of their own; without edge weight the result is singletons with
// modularity 0 and quality 0. Roughly O(m) per level.
LeidenResult leiden(const Graph& g, const LeidenOptions& options = {});

// Whether every community induces a connected subgraph of `g` (edges of any weight count).
// `community` maps vertex -> any community id and must have num_vertices(g) entries. O(n + m).
bool communities_connected(const Graph& g, const std::vector<std::uint32_t>& community);

}  // namespace citenet
