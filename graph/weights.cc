#include "graph/weights.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace citenet {

namespace {

constexpr std::array<std::pair<Counting, std::string_view>, 2> kCountings = {{
    {Counting::full, "full"},
    {Counting::fractional, "fractional"},
}};

constexpr std::array<std::pair<Normalization, std::string_view>, 5> kNormalizations = {{
    {Normalization::none, "none"},
    {Normalization::association, "association"},
    {Normalization::cosine, "cosine"},
    {Normalization::jaccard, "jaccard"},
    {Normalization::inclusion, "inclusion"},
}};

template <typename Table, typename Value>
std::string_view name_of(const Table& table, Value value) {
  for (const auto& [v, name] : table)
    if (v == value) return name;
  return "?";
}

template <typename Value, typename Table>
std::optional<Value> value_of(const Table& table, std::string_view name) {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}

}  // namespace

std::optional<Counting> parse_counting(std::string_view name) {
  return value_of<Counting>(kCountings, name);
}

std::optional<Normalization> parse_normalization(std::string_view name) {
  return value_of<Normalization>(kNormalizations, name);
}

std::string_view to_string(Counting counting) { return name_of(kCountings, counting); }

std::string_view to_string(Normalization normalization) {
  return name_of(kNormalizations, normalization);
}

double pair_weight(Counting counting, std::size_t unit_size) {
  if (counting == Counting::full || unit_size < 2) return 1.0;
  return 1.0 / static_cast<double>(unit_size - 1);
}

double normalized_weight(Normalization normalization, double c_ij, double s_i, double s_j,
                         double units) {
  double denominator = 1;
  switch (normalization) {
    case Normalization::none:
      return c_ij;
    case Normalization::association:
      denominator = s_i * s_j;
      return denominator > 0 ? units * c_ij / denominator : 0;
    case Normalization::cosine:
      denominator = std::sqrt(s_i * s_j);
      break;
    case Normalization::jaccard:
      denominator = s_i + s_j - c_ij;
      break;
    case Normalization::inclusion:
      denominator = std::min(s_i, s_j);
      break;
  }
  return denominator > 0 ? c_ij / denominator : 0;
}

void normalize_weights(std::vector<WeightedEdge>& edges, std::span<const double> occurrences,
                       double units, Normalization normalization) {
  if (normalization == Normalization::none) return;
  for (WeightedEdge& e : edges)
    e.weight = normalized_weight(normalization, e.weight, occurrences[e.source],
                                 occurrences[e.target], units);
}

}  // namespace citenet
