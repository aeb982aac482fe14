#include "graph/partition_compare.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace citenet {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Sizes of the blocks of a sorted label sequence.
std::vector<double> run_lengths(const std::vector<std::uint64_t>& sorted) {
  std::vector<double> lengths;
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    lengths.push_back(static_cast<double>(j - i));
    i = j;
  }
  return lengths;
}

// The contingency table of two labellings as its non-zero cells, and both margins.
struct Contingency {
  std::vector<double> cells, rows, columns;
};

Contingency contingency(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  std::vector<std::uint64_t> pairs(a.size()), left(a.begin(), a.end()), right(b.begin(), b.end());
  for (std::size_t v = 0; v < a.size(); ++v) pairs[v] = (std::uint64_t{a[v]} << 32) | b[v];
  std::sort(pairs.begin(), pairs.end());
  std::sort(left.begin(), left.end());
  std::sort(right.begin(), right.end());
  return {run_lengths(pairs), run_lengths(left), run_lengths(right)};
}

double pairs_within(const std::vector<double>& sizes) {
  double sum = 0.0;
  for (const double s : sizes) sum += 0.5 * s * (s - 1.0);
  return sum;
}

double entropy(const std::vector<double>& sizes, double n) {
  double h = 0.0;
  for (const double s : sizes) h -= s / n * std::log(s / n);
  return h;
}

// Relabels by size descending, ties by smallest member; returns the count.
std::uint32_t canonical(std::vector<std::uint32_t>& community) {
  const std::uint32_t n = static_cast<std::uint32_t>(community.size());
  std::vector<std::uint32_t> labels(community);
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  const std::uint32_t count = static_cast<std::uint32_t>(labels.size());
  std::vector<std::uint32_t> size(count, 0), smallest(count, n);
  for (std::uint32_t v = 0; v < n; ++v) {
    auto& c = community[v];
    c = static_cast<std::uint32_t>(std::lower_bound(labels.begin(), labels.end(), c) -
                                   labels.begin());
    ++size[c];
    smallest[c] = std::min(smallest[c], v);
  }
  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    if (size[x] != size[y]) return size[x] > size[y];
    return smallest[x] < smallest[y];
  });
  std::vector<std::uint32_t> rank(count);
  for (std::uint32_t i = 0; i < count; ++i) rank[order[i]] = i;
  for (std::uint32_t& c : community) c = rank[c];
  return count;
}

}  // namespace

double adjusted_rand_index(const std::vector<std::uint32_t>& a,
                           const std::vector<std::uint32_t>& b) {
  if (a.size() != b.size()) return kNaN;
  const double n = static_cast<double>(a.size());
  const Contingency table = contingency(a, b);
  const double index = pairs_within(table.cells);
  const double left = pairs_within(table.rows), right = pairs_within(table.columns);
  const double all_pairs = 0.5 * n * (n - 1.0);
  const double expected = all_pairs > 0.0 ? left * right / all_pairs : 0.0;
  const double denominator = 0.5 * (left + right) - expected;
  if (denominator == 0.0) return 1.0;
  return (index - expected) / denominator;
}

double normalized_mutual_information(const std::vector<std::uint32_t>& a,
                                     const std::vector<std::uint32_t>& b) {
  if (a.size() != b.size()) return kNaN;
  if (a.empty()) return 1.0;
  const double n = static_cast<double>(a.size());
  const Contingency table = contingency(a, b);
  const double h = entropy(table.rows, n) + entropy(table.columns, n);
  if (h <= 0.0) return 1.0;
  // I = H(A) + H(B) - H(A,B).
  const double mutual = h - entropy(table.cells, n);
  return std::clamp(2.0 * mutual / h, 0.0, 1.0);
}

Stability stability(const Graph& g, const CommunityAlgorithm& algorithm,
                    const std::vector<std::uint64_t>& seeds) {
  Stability result;
  if (seeds.empty()) {
    result.mean_ari = result.mean_nmi = kNaN;
    return result;
  }
  result.chosen = algorithm(g, seeds[0]);
  result.count = canonical(result.chosen);
  result.compared_runs = static_cast<std::uint32_t>(seeds.size() - 1);

  // Members grouped by community of the chosen run.
  std::vector<std::vector<std::uint32_t>> members(result.count);
  for (std::uint32_t v = 0; v < result.chosen.size(); ++v) members[result.chosen[v]].push_back(v);

  std::vector<double> kept(result.count, 0.0);
  double ari = 0.0, nmi = 0.0;
  std::vector<std::uint32_t> labels;
  for (std::size_t r = 1; r < seeds.size(); ++r) {
    const std::vector<std::uint32_t> run = algorithm(g, seeds[r]);
    ari += adjusted_rand_index(result.chosen, run);
    nmi += normalized_mutual_information(result.chosen, run);
    if (run.size() != result.chosen.size()) continue;  // NaN above; keeps nothing
    for (std::uint32_t c = 0; c < result.count; ++c) {
      const double size = static_cast<double>(members[c].size());
      const double pairs = 0.5 * size * (size - 1.0);
      if (pairs == 0.0) {
        kept[c] += 1.0;
        continue;
      }
      labels.clear();
      for (const std::uint32_t v : members[c]) labels.push_back(run[v]);
      std::sort(labels.begin(), labels.end());
      double together = 0.0;
      for (std::size_t i = 0; i < labels.size();) {
        std::size_t j = i;
        while (j < labels.size() && labels[j] == labels[i]) ++j;
        const double s = static_cast<double>(j - i);
        together += 0.5 * s * (s - 1.0);
        i = j;
      }
      if (10.0 * together >= 9.0 * pairs) kept[c] += 1.0;  // exact on integers
    }
  }
  const double runs = static_cast<double>(result.compared_runs);
  result.mean_ari = runs > 0 ? ari / runs : kNaN;
  result.mean_nmi = runs > 0 ? nmi / runs : kNaN;
  result.core_kept.resize(result.count);
  for (std::uint32_t c = 0; c < result.count; ++c) {
    result.core_kept[c] = runs > 0 ? kept[c] / runs : kNaN;
  }
  return result;
}

}  // namespace citenet
