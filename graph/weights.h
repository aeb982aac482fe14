// Link weights of co-occurrence networks: how a paper's pairs are counted, and how raw
// co-occurrence counts are normalised for the size of the nodes they join. Formulas and a
// worked example: docs/networks.md.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "graph/network.h"

namespace citenet {

// Full counting: every pair of a linking unit (a paper's authors, a paper's references …)
// gains 1. Fractional counting (Perianes-Rodriguez, van Eck & Waltman 2016, J. Informetrics
// 10(4):1178–1195, "Constructing bibliometric networks: A comparison between full and
// fractional counting"): a unit with n members adds 1/(n-1) to each of its n(n-1)/2 pairs,
// so every member gains 1 in total link strength from the unit, however large the unit is.
enum class Counting { full, fractional };

// Normalisation of a co-occurrence count c_ij by the occurrences s_i, s_j of its nodes,
// with N linking units in all (see docs/networks.md):
//   association  N c_ij / (s_i s_j)      (van Eck & Waltman 2009, JASIST 60(8):1635–1651;
//                                          scaled by N so 1 means "as often as chance")
//   cosine       c_ij / sqrt(s_i s_j)    (Salton & McGill 1983)
//   jaccard      c_ij / (s_i + s_j - c_ij)  (Jaccard 1901)
//   inclusion    c_ij / min(s_i, s_j)    (co-word analysis, Callon et al. 1991;
//                                          as compared in van Eck & Waltman 2009)
enum class Normalization { none, association, cosine, jaccard, inclusion };

std::optional<Counting> parse_counting(std::string_view name);
std::optional<Normalization> parse_normalization(std::string_view name);
std::string_view to_string(Counting counting);
std::string_view to_string(Normalization normalization);

// What one pair of a unit with `unit_size` members adds: 1, or 1/(unit_size-1).
double pair_weight(Counting counting, std::size_t unit_size);

// The normalised value of one co-occurrence count. `units` is N (association only).
// 0 when a denominator is 0.
double normalized_weight(Normalization normalization, double c_ij, double s_i, double s_j,
                         double units);

// Replaces every edge weight by normalized_weight(); `occurrences[v]` is s_v. O(m).
void normalize_weights(std::vector<WeightedEdge>& edges, std::span<const double> occurrences,
                       double units, Normalization normalization);

}  // namespace citenet
