#include "graph/community_util.h"

#include <algorithm>
#include <numeric>

namespace citenet::community_util {

std::uint32_t order_by_size(std::vector<std::uint32_t>& community) {
  const std::uint32_t n = static_cast<std::uint32_t>(community.size());
  std::uint32_t count = 0;
  for (const std::uint32_t c : community) count = std::max(count, c + 1);
  std::vector<std::uint32_t> size(count, 0);
  std::vector<std::uint32_t> smallest(count, n);
  for (std::uint32_t v = 0; v < n; ++v) {
    ++size[community[v]];
    smallest[community[v]] = std::min(smallest[community[v]], v);
  }
  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (size[a] != size[b]) return size[a] > size[b];
    return smallest[a] < smallest[b];
  });
  std::vector<std::uint32_t> rank(count);
  for (std::uint32_t i = 0; i < count; ++i) rank[order[i]] = i;
  for (std::uint32_t& c : community) c = rank[c];
  return count;
}

}  // namespace citenet::community_util
