// The graph one level of Louvain or Leiden works on; internal to graph/.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "graph/network.h"

namespace citenet {

// Compressed rows: vertex v's neighbours (never v itself) are neighbour[offset[v] ..
// offset[v+1]), each undirected edge in both rows; loop[v] is the weight folded inside v by
// earlier aggregations (or a self loop of the input); node_weight[v] is what the quality
// function weighs v by (Leiden: strength or 1; Louvain leaves it empty), summed by
// aggregation. The first level views the input graph's rows instead of copying them: at a
// million records that copy would be 1.5 GB. Move-only, since the views may point into the
// level's own storage.
class Level {
 public:
  Level() = default;
  // `g`'s rows must be sorted by neighbour, as Graph keeps them; looked at on `threads`.
  explicit Level(const Graph& g, unsigned threads = 1);
  Level(Level&&) = default;
  Level& operator=(Level&&) = default;
  Level(const Level&) = delete;
  Level& operator=(const Level&) = delete;

  std::uint32_t size() const { return static_cast<std::uint32_t>(loop.size()); }
  // Whether the rows are the input graph's own (a first level of a graph without loops).
  bool views_graph() const { return own_offset_.empty() && !loop.empty(); }
  double strength(std::uint32_t v) const;  // loops count twice
  double total_weight() const;             // m: loops plus each edge once

  // One vertex per community (dense ids 0..count-1): edges between communities summed,
  // edges inside become loops, node weights summed. Rows are built on up to `threads`
  // threads (0: every core) in fixed chunks, so the result is the same on any number.
  Level aggregate(const std::vector<std::uint32_t>& community, std::uint32_t count,
                  unsigned threads = 1) const;

  std::span<const std::size_t> offset;
  std::span<const std::uint32_t> neighbour;
  std::span<const double> weight;
  std::vector<double> loop;
  std::vector<double> node_weight;

 private:
  std::vector<std::size_t> own_offset_;
  std::vector<std::uint32_t> own_neighbour_;
  std::vector<double> own_weight_;
  void view_own();
};

}  // namespace citenet
