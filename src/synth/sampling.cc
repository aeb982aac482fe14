#include "synth/sampling.h"

#include <cmath>
#include <utility>

namespace citenet::synth {

AliasTable::AliasTable(std::span<const double> weights) : AliasTable(weights, {0}) {}

AliasTable::AliasTable(std::span<const double> weights, std::vector<std::uint32_t> starts)
    : starts_(std::move(starts)), threshold_(weights.size()), alias_(weights.size()) {
  if (starts_.empty()) starts_.push_back(0);
  for (std::size_t b = 0; b < starts_.size(); ++b) {
    build_block(weights, starts_[b], block_end(b));
  }
}

// Vose's algorithm: columns below the mean are topped up from columns above it, in a
// fixed order, so the table depends on the weights alone.
void AliasTable::build_block(std::span<const double> weights, std::uint32_t start,
                             std::uint32_t end) {
  const std::uint32_t n = end - start;
  double sum = 0;
  for (std::uint32_t i = start; i < end; ++i) sum += weights[i];
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small;
  std::vector<std::uint32_t> large;
  for (std::uint32_t i = 0; i < n; ++i) {
    scaled[i] = sum > 0 ? weights[start + i] * n / sum : 1.0;
    (scaled[i] < 1.0 ? small : large).push_back(i);
  }
  const auto to_threshold = [](double p) -> std::uint32_t {
    return p >= 1.0 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(p * 4294967296.0);
  };
  while (!small.empty() && !large.empty()) {
    const std::uint32_t s = small.back();
    small.pop_back();
    const std::uint32_t l = large.back();
    threshold_[start + s] = to_threshold(scaled[s]);
    alias_[start + s] = l;
    scaled[l] = (scaled[l] + scaled[s]) - 1.0;
    if (scaled[l] < 1.0) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // What is left is full up to rounding.
  for (std::uint32_t i : large) {
    threshold_[start + i] = 0xFFFFFFFFu;
    alias_[start + i] = i;
  }
  for (std::uint32_t i : small) {
    threshold_[start + i] = 0xFFFFFFFFu;
    alias_[start + i] = i;
  }
}

std::vector<double> power_law_weights(std::size_t n, double exponent) {
  std::vector<double> w(n);
  for (std::size_t k = 1; k <= n; ++k) w[k - 1] = std::pow(static_cast<double>(k), -exponent);
  return w;
}

std::vector<double> discrete_log_normal(std::size_t n, double median, double sigma) {
  const double mu = std::log(median);
  const auto cdf = [&](double x) {
    return 0.5 * std::erfc(-(std::log(x) - mu) / (sigma * std::sqrt(2.0)));
  };
  std::vector<double> p(n);
  double previous = 0;
  for (std::size_t k = 1; k <= n; ++k) {
    const double c = cdf(static_cast<double>(k) + 0.5);
    p[k - 1] = c - previous;
    previous = c;
  }
  return p;
}

}  // namespace citenet::synth
