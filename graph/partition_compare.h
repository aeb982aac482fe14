// Agreement between partitions, and how stable a seeded community algorithm is across seeds.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "graph/network.h"

namespace citenet {

// Adjusted Rand index, Hubert & Arabie 1985 ("Comparing partitions", J. Classif. 2(1)):
//   ARI = (sum_ij C(n_ij, 2) - t) / ((a + b) / 2 - t),  t = a b / C(n, 2),
// with n_ij the contingency table, a = sum_i C(a_i, 2), b = sum_j C(b_j, 2) over the row and
// column sums. 1 for identical partitions, about 0 for independent ones, can be negative.
// When the denominator is 0 (both partitions all singletons, or both one community, or
// n < 2) the partitions are identical and the result is 1, as in scikit-learn's
// adjusted_rand_score; igraph's compare_communities(method="adjusted_rand") returns NaN there.
// Labels are any uint32 values; NaN when the sizes differ. O(n log n).
double adjusted_rand_index(const std::vector<std::uint32_t>& a,
                           const std::vector<std::uint32_t>& b);

// Normalised mutual information with the arithmetic-mean normalisation (Danon, Diaz-Guilera,
// Duch & Arenas 2005): NMI = 2 I(A;B) / (H(A) + H(B)), natural logarithms; equals igraph
// compare_communities(method="nmi") and scikit-learn normalized_mutual_info_score's default.
// 1 when both partitions are one community (H(A) + H(B) = 0), as both libraries do; NaN when
// the sizes differ. O(n log n).
double normalized_mutual_information(const std::vector<std::uint32_t>& a,
                                     const std::vector<std::uint32_t>& b);

// A seeded community algorithm: vertex -> community id for one seed.
using CommunityAlgorithm =
    std::function<std::vector<std::uint32_t>(const Graph& g, std::uint64_t seed)>;

struct Stability {
  // The run of seeds[0], relabelled by size descending (ties by smallest member); the
  // per-community values below are indexed by these ids.
  std::vector<std::uint32_t> chosen;
  std::uint32_t count = 0;          // communities of the chosen run
  std::uint32_t compared_runs = 0;  // seeds.size() - 1: the runs compared with the chosen one
  double mean_ari = 0;              // over the compared runs, against the chosen run
  double mean_nmi = 0;
  // Per community C of the chosen run: the share of compared runs that keep C's core
  // together. The core of C is the set of its member pairs; a run keeps it when at least 90%
  // of those pairs are in one community of that run (pairs co-assigned / C(|C|, 2) >= 0.9).
  // A single-member community has no pairs and counts as kept in every run.
  std::vector<double> core_kept;
};

// Runs `algorithm` once per seed and compares every run after the first with the first (the
// chosen run). With fewer than two seeds nothing is compared: mean_ari, mean_nmi and every
// core_kept are NaN (and all empty without seeds). O(seeds x (algorithm + n log n)).
Stability stability(const Graph& g, const CommunityAlgorithm& algorithm,
                    const std::vector<std::uint64_t>& seeds);

}  // namespace citenet
