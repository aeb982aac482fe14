#include "graph/community_level.h"

#include <algorithm>
#include <numeric>
#include <type_traits>

#include "graph/parallel.h"

namespace citenet {

static_assert(std::is_same_v<std::size_t, std::uint64_t>, "Level views Graph's 64-bit offsets");

Level::Level(const Graph& g, unsigned threads) {
  const std::uint32_t n = g.vertex_count();
  loop.assign(n, 0.0);
  // Rows are sorted, so a row's scan for v stops at the first neighbour not below it: half
  // a pass over the columns on average, on threads, instead of a whole one on one thread.
  constexpr std::size_t kBlock = 4096;
  std::vector<char> block_loops((n + kBlock - 1) / kBlock, 0);
  parallel_blocks(n, kBlock, threads, [&](std::size_t begin, std::size_t end) {
    bool found = false;
    for (std::size_t v = begin; v < end && !found; ++v)
      for (const std::uint32_t u : g.neighbours(static_cast<std::uint32_t>(v))) {
        if (u >= v) {
          found = u == v;
          break;
        }
      }
    block_loops[begin / kBlock] = found;
  });
  const bool loops = std::find(block_loops.begin(), block_loops.end(), 1) != block_loops.end();
  if (!loops) {
    const auto& rows = g.csr().m_forward;
    offset = {rows.m_rowstart.data(), rows.m_rowstart.size()};
    neighbour = {rows.m_column.data(), rows.m_column.size()};
    weight = {rows.m_edge_properties.data(), rows.m_edge_properties.size()};
    return;
  }
  own_offset_.assign(n + 1, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    const auto neighbours = g.neighbours(v);
    const auto weights = g.weights(v);
    for (std::size_t i = 0; i < neighbours.size(); ++i) {
      if (neighbours[i] == v) {
        loop[v] += weights[i];
        continue;
      }
      own_neighbour_.push_back(neighbours[i]);
      own_weight_.push_back(weights[i]);
    }
    own_offset_[v + 1] = own_neighbour_.size();
  }
  view_own();
}

void Level::view_own() {
  offset = own_offset_;
  neighbour = own_neighbour_;
  weight = own_weight_;
}

double Level::strength(std::uint32_t v) const {
  double k = 2.0 * loop[v];
  for (std::size_t i = offset[v]; i < offset[v + 1]; ++i) k += weight[i];
  return k;
}

double Level::total_weight() const {
  double m = 0.0;
  for (const double l : loop) m += l;
  for (const double w : weight) m += 0.5 * w;
  return m;
}

Level Level::aggregate(const std::vector<std::uint32_t>& community, std::uint32_t count,
                       unsigned threads) const {
  const std::uint32_t n = size();
  std::vector<std::size_t> first(count + 1, 0);  // members grouped by community
  for (const std::uint32_t c : community) ++first[c + 1];
  std::partial_sum(first.begin(), first.end(), first.begin());
  std::vector<std::uint32_t> members(n);
  std::vector<std::size_t> arcs_before(count + 1, 0);  // arcs of communities 0..c-1
  {
    std::vector<std::size_t> next(first.begin(), first.end() - 1);
    for (std::uint32_t v = 0; v < n; ++v) {
      members[next[community[v]]++] = v;
      arcs_before[community[v] + 1] += offset[v + 1] - offset[v];
    }
  }
  std::partial_sum(arcs_before.begin(), arcs_before.end(), arcs_before.begin());

  // Chunks of consecutive communities with about equal arcs to read, cut the same way
  // whatever the thread count; each chunk's rows go to its own buffers, joined in order.
  constexpr std::size_t kChunks = 64;
  std::vector<std::uint32_t> chunk_first(kChunks + 1, count);
  chunk_first[0] = 0;
  for (std::size_t k = 1; k < kChunks; ++k) {
    const std::size_t target = arcs_before[count] / kChunks * k;
    chunk_first[k] = static_cast<std::uint32_t>(  // non-decreasing, as the targets are
        std::lower_bound(arcs_before.begin(), arcs_before.end() - 1, target) - arcs_before.begin());
  }

  Level result;
  result.own_offset_.assign(count + 1, 0);
  result.loop.assign(count, 0.0);
  if (!node_weight.empty()) result.node_weight.assign(count, 0.0);
  struct Rows {
    std::vector<std::uint32_t> neighbour;
    std::vector<double> weight;
  };
  std::vector<Rows> rows(kChunks);
  // Raw pointers: through spans and vectors the compiler reloads every base address after
  // each store into the scratch arrays.
  const std::size_t* const row = offset.data();
  const std::uint32_t* const to = neighbour.data();
  const double* const w = weight.data();
  const std::uint32_t* const of = community.data();
  const std::uint32_t* const member = members.data();
  const std::size_t* const member_first = first.data();
  // link[d]: weight from the community to community d, -1 = untouched; link[count] takes the
  // inner arcs' weight and is never read, so the arc loop needs no branch.
  struct Scratch {
    std::vector<double> link;
    std::vector<std::uint32_t> touched;
  };
  parallel_blocks_with(
      kChunks, 1, threads,
      [&] {
        Scratch scratch{std::vector<double>(count + 1, -1.0),
                        std::vector<std::uint32_t>(count + 1)};
        scratch.link[count] = 0.0;
        return scratch;
      },
      [&](std::size_t k, std::size_t, Scratch& scratch) {
        Rows& out = rows[k];
        double* const link = scratch.link.data();
        std::uint32_t* const touched = scratch.touched.data();
        for (std::uint32_t c = chunk_first[k]; c < chunk_first[k + 1]; ++c) {
          std::size_t touched_count = 0;
          double inside = 0.0, weight_sum = 0.0;
          for (std::size_t m = member_first[c]; m < member_first[c + 1]; ++m) {
            const std::uint32_t v = member[m];
            inside += loop[v];
            if (!node_weight.empty()) weight_sum += node_weight[v];
            const std::size_t row_end = row[v + 1];
            for (std::size_t i = row[v]; i < row_end; ++i) {
              // As in local moving: the row is read in order, of[] at random.
              if (i + 16 < row_end) __builtin_prefetch(of + to[i + 16]);
              const std::uint32_t d = of[to[i]];
              const bool inner = d == c;
              inside += inner ? 0.5 * w[i] : 0.0;  // seen once from each end; +0.0 is exact
              const std::uint32_t slot = inner ? count : d;
              const double sum = link[slot];
              touched[touched_count] = slot;
              touched_count += sum < 0.0;
              link[slot] = std::max(sum, 0.0) + w[i];
            }
          }
          result.loop[c] = inside;
          if (!node_weight.empty()) result.node_weight[c] = weight_sum;
          std::sort(touched, touched + touched_count);
          for (std::size_t t = 0; t < touched_count; ++t) {
            const std::uint32_t d = touched[t];
            out.neighbour.push_back(d);
            out.weight.push_back(link[d]);
            link[d] = -1.0;
          }
          result.own_offset_[c + 1] = touched_count;  // row length until joined
        }
      });
  std::partial_sum(result.own_offset_.begin(), result.own_offset_.end(),
                   result.own_offset_.begin());
  result.own_neighbour_.reserve(result.own_offset_[count]);
  result.own_weight_.reserve(result.own_offset_[count]);
  for (Rows& chunk : rows) {
    result.own_neighbour_.insert(result.own_neighbour_.end(), chunk.neighbour.begin(),
                                 chunk.neighbour.end());
    result.own_weight_.insert(result.own_weight_.end(), chunk.weight.begin(), chunk.weight.end());
    chunk = {};
  }
  result.view_own();
  return result;
}

}  // namespace citenet
