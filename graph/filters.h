// Thresholds on a built network (min occurrences, min edge weight, top N nodes, largest
// component) and the year range that selects papers before building. Every network filter
// returns a new Network whose `graph` (and `digraph`) are laid out anew, with node attributes kept
// aligned, plus how many nodes and edges it removed so the run can say so.
//
// Boost 1.74's adjacency_list has no move operations (and its swap() copies): bind a
// result's `network` by reference, or keep the FilterResult, rather than copying it out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/network.h"

namespace citenet {

struct FilterResult {
  Network network;
  std::size_t nodes_removed = 0;
  std::size_t edges_removed = 0;
};

// old_to_new[v] of a node that is dropped.
inline constexpr std::uint32_t kDropped = 0xFFFFFFFFu;

// Old -> new node ids for keeping the nodes with keep[v]: kept nodes are numbered in their
// old order, dropped ones map to kDropped. O(n).
std::vector<std::uint32_t> renumber(const std::vector<bool>& keep);

// Keeps, in place, the nodes with old_to_new[v] != kDropped and the links between them of
// weight >= `min_weight`, then lays out the graphs on up to `threads` threads (0: every
// core; the same graph on any); returns (nodes, links) removed. O(n + m).
std::pair<std::size_t, std::size_t> keep_nodes(Network& network,
                                               std::span<const std::uint32_t> old_to_new,
                                               double min_weight = -1.0, unsigned threads = 1);
// The same for a network whose links are still the list `edges` (sorted by (source, target)
// or not; any links it has are replaced): the network builder's case.
std::pair<std::size_t, std::size_t> keep_nodes(Network& network, std::vector<WeightedEdge> edges,
                                               std::span<const std::uint32_t> old_to_new,
                                               double min_weight = -1.0, unsigned threads = 1);

// The network on the kept nodes (old_to_new from renumber()) and the edges between them
// whose weight is at least `min_weight`; links stay sorted, `graph` and `digraph` laid out
// (on `threads` threads, as keep_nodes). O(n + m).
FilterResult subnetwork(const Network& network, std::span<const std::uint32_t> old_to_new,
                        double min_weight = -1.0, unsigned threads = 1);

// Nodes occurring in at least `min_papers` papers (NodeAttributes::papers >= k), and the
// edges among them.
FilterResult filter_min_occurrences(const Network& network, std::uint32_t min_papers,
                                    unsigned threads = 1);

// Edges of weight >= `min_weight`; nodes are all kept (some may become isolated).
FilterResult filter_min_weight(const Network& network, double min_weight, unsigned threads = 1);

// The `count` nodes with the highest `metric` (one value per node; ties go to the lower
// node id, so the result is deterministic), and the edges among them. O(n log n + m).
FilterResult filter_top_nodes(const Network& network, std::span<const double> metric,
                              std::size_t count, unsigned threads = 1);

// The connected component with the most nodes (weakly connected for a directed network;
// a tie goes to the component holding the lowest node id). O(n + m) with union-find.
// The filters' `threads` are keep_nodes'.
FilterResult filter_largest_component(const Network& network, unsigned threads = 1);

// A range of publication years, both ends included; 0 is an open end.
struct YearRange {
  int first = 0;
  int last = 0;
  bool any() const { return first || last; }
  // Papers without a year (0) are outside every range that is set.
  bool contains(int year) const {
    if (!any()) return true;
    return year != 0 && (!first || year >= first) && (!last || year <= last);
  }
};

// "2015-2024", "2015-" (from 2015), "-2024" (up to 2024), "2020" (that year only). On bad
// input returns nullopt with `*error` set, e.g. "bad year range '2024-2015': 2024 is after
// 2015".
std::optional<YearRange> parse_year_range(std::string_view text, std::string* error);

}  // namespace citenet
