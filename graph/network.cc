#include "graph/network.h"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

#include "graph/parallel.h"

namespace citenet {

namespace {

using Csr = Graph::Csr;

// Any edge list, on one thread: each edge is scattered to both of its rows, then rows are
// sorted where needed. link_start counts each edge in the row of its lower end.
void fill_rows(Csr& csr, std::vector<std::uint64_t>& link_start, std::size_t vertex_count,
               std::span<const WeightedEdge> edges) {
  auto& rows = csr.m_forward.m_rowstart;
  link_start.assign(vertex_count + 1, 0);
  for (const WeightedEdge& e : edges) {
    ++rows[e.source + 1];
    if (e.target != e.source) ++rows[e.target + 1];
    ++link_start[std::min(e.source, e.target) + 1];
  }
  std::partial_sum(rows.begin(), rows.end(), rows.begin());
  std::partial_sum(link_start.begin(), link_start.end(), link_start.begin());
  auto& column = csr.m_forward.m_column;
  auto& weight = csr.m_forward.m_edge_properties;
  column.resize(rows.back());
  weight.resize(rows.back());
  std::vector<std::uint64_t> next(rows.begin(), rows.end() - 1);
  for (const WeightedEdge& e : edges) {
    std::uint64_t at = next[e.source]++;
    column[at] = e.target;
    weight[at] = e.weight;
    if (e.target == e.source) continue;
    at = next[e.target]++;
    column[at] = e.source;
    weight[at] = e.weight;
  }
  // Edges sorted by (source, target) give sorted rows already (a row's lower neighbours
  // arrive before its higher ones); anything else is sorted here.
  std::vector<std::pair<std::uint32_t, double>> row;
  for (std::size_t v = 0; v < vertex_count; ++v) {
    const auto first = column.begin() + static_cast<std::ptrdiff_t>(rows[v]);
    const auto last = column.begin() + static_cast<std::ptrdiff_t>(rows[v + 1]);
    if (std::is_sorted(first, last)) continue;
    row.clear();
    for (std::uint64_t i = rows[v]; i < rows[v + 1]; ++i) row.emplace_back(column[i], weight[i]);
    std::stable_sort(row.begin(), row.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::uint64_t i = rows[v]; i < rows[v + 1]; ++i) {
      column[i] = row[i - rows[v]].first;
      weight[i] = row[i - rows[v]].second;
    }
  }
}

// Edges as networks keep them: source < target < vertex_count, strictly increasing by
// (source, target), so no pair twice.
bool upper_sorted_pair(const WeightedEdge& previous, const WeightedEdge& e) {
  return previous.source < e.source || (previous.source == e.source && previous.target < e.target);
}

// Each lane needs an offset per vertex; more lanes than this only cost memory.
constexpr std::size_t kMaxLanes = 8;
// Below this many edges per lane the threads cost more than they save.
constexpr std::size_t kMinEdgesPerLane = 1 << 16;

// Rows from edges kept as networks keep them, on threads. Row v is its lower neighbours
// (the sources of the edges to v) followed by its upper ones (v's own run of edges), each
// part already increasing. The lower parts are a transpose, done as ScanTrans does it (Wang
// et al. 2016, "Parallel transposition of sparse data structures", ICS): the edges are cut
// into equal lanes, each lane counts its targets, a prefix sum over (vertex, lane) gives
// every lane its own offset in every row, and each lane writes its slice there. Lanes follow
// the source order, so the rows come out sorted and the arrays do not depend on the lane
// count. Returns false, before touching `csr`, when the edges are not kept that way.
// link_start gets each vertex's first edge: edges kept that way list the links in order.
bool fill_rows_from_sorted(Csr& csr, std::vector<std::uint64_t>& link_start,
                           std::size_t vertex_count, std::span<const WeightedEdge> edges,
                           unsigned threads) {
  const std::size_t n = vertex_count, m = edges.size();
  if (m == 0) {
    link_start.assign(n + 1, 0);
    return true;
  }
  const std::size_t lanes = std::clamp<std::size_t>(
      m / kMinEdgesPerLane, 1, std::min<std::size_t>(kMaxLanes, resolve_threads(threads)));
  const auto lane_begin = [&](std::size_t lane) { return m * lane / lanes; };
  // first[v]: v's first edge (edges are grouped by source); offset[lane * n + t]: targets t
  // in the lane, later the lane's next slot in row t.
  std::vector<std::uint64_t> first(n + 1);
  std::vector<std::uint64_t> offset(lanes * n, 0);
  std::atomic<bool> sorted = true;
  parallel_tasks(lanes, threads, [&](std::size_t lane) {
    std::uint64_t* count = offset.data() + lane * n;
    for (std::size_t i = lane_begin(lane); i < lane_begin(lane + 1); ++i) {
      const WeightedEdge& e = edges[i];
      if (e.source >= e.target || e.target >= n || (i > 0 && !upper_sorted_pair(edges[i - 1], e))) {
        sorted.store(false, std::memory_order_relaxed);
        return;
      }
      ++count[e.target];
      // The first edge of a source is also the first of every vertex in between with none.
      if (i == 0 || edges[i - 1].source != e.source)
        for (std::size_t v = i == 0 ? 0 : edges[i - 1].source + 1; v <= e.source; ++v) first[v] = i;
    }
  });
  if (!sorted) return false;
  std::fill(first.begin() + edges.back().source + 1, first.end(), m);

  auto& rows = csr.m_forward.m_rowstart;
  constexpr std::size_t kBlock = 1 << 14;
  parallel_blocks(n, kBlock, threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t v = begin; v < end; ++v) {
      std::uint64_t lower = 0;
      for (std::size_t lane = 0; lane < lanes; ++lane) lower += offset[lane * n + v];
      rows[v + 1] = lower + (first[v + 1] - first[v]);
    }
  });
  std::partial_sum(rows.begin(), rows.end(), rows.begin());
  parallel_blocks(n, kBlock, threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t v = begin; v < end; ++v) {
      std::uint64_t next = rows[v];
      for (std::size_t lane = 0; lane < lanes; ++lane) {
        const std::uint64_t count = offset[lane * n + v];
        offset[lane * n + v] = next;
        next += count;
      }
    }
  });

  auto& column = csr.m_forward.m_column;
  auto& weight = csr.m_forward.m_edge_properties;
  resize_prefaulted(column, rows.back(), threads);
  resize_prefaulted(weight, rows.back(), threads);
  parallel_tasks(lanes, threads, [&](std::size_t lane) {
    std::uint64_t* next = offset.data() + lane * n;
    for (std::size_t i = lane_begin(lane); i < lane_begin(lane + 1); ++i) {
      const WeightedEdge& e = edges[i];
      // The upper part ends row `source`, in edge order.
      const std::uint64_t upper = rows[e.source + 1] - (first[e.source + 1] - i);
      column[upper] = e.target;
      weight[upper] = e.weight;
      const std::uint64_t lower = next[e.target]++;
      column[lower] = e.source;
      weight[lower] = e.weight;
    }
  });
  link_start = std::move(first);
  return true;
}

// The undirected view of a directed network's arcs: each pair once, weights summed.
std::vector<WeightedEdge> undirected_view(const std::vector<WeightedEdge>& arcs) {
  std::vector<WeightedEdge> pairs;
  pairs.reserve(arcs.size());
  for (WeightedEdge e : arcs) {
    if (e.source > e.target) std::swap(e.source, e.target);
    pairs.push_back(e);
  }
  std::sort(pairs.begin(), pairs.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
    return a.source != b.source ? a.source < b.source : a.target < b.target;
  });
  std::vector<WeightedEdge> merged;
  for (const WeightedEdge& e : pairs) {
    if (!merged.empty() && merged.back().source == e.source && merged.back().target == e.target)
      merged.back().weight += e.weight;
    else
      merged.push_back(e);
  }
  return merged;
}

}  // namespace

Graph::Graph(std::size_t vertex_count)
    : csr_(static_cast<std::uint32_t>(vertex_count)), link_start_(vertex_count + 1, 0) {}

// The rows are written straight into the CSR arrays: Boost's sorted-edges constructor would
// need all 2m arcs materialised as (source, target) pairs first, a third more memory at the
// peak for the networks of a million records.
Graph::Graph(std::size_t vertex_count, std::span<const WeightedEdge> edges, unsigned threads)
    : csr_(static_cast<std::uint32_t>(vertex_count)), edge_count_(edges.size()) {
  if (vertex_count > 0xFFFFFFFEu) throw std::length_error("graph: over 2^32 - 2 vertices");
  if (!fill_rows_from_sorted(csr_, link_start_, vertex_count, edges, threads)) {
    fill_rows(csr_, link_start_, vertex_count, edges);
    distinct_pairs_ = false;  // edges in any order may name a pair twice
  }
}

Graph::Graph(std::vector<std::uint64_t> row_start, std::vector<std::uint32_t> column,
             std::vector<double> weight, std::uint64_t edge_count)
    : csr_(std::uint32_t{0}), edge_count_(edge_count), distinct_pairs_(false) {
  take_rows(std::move(row_start), std::move(column), std::move(weight));
  count_link_start();
  check_link_start();
}

Graph::Graph(std::vector<std::uint64_t> row_start, std::vector<std::uint32_t> column,
             std::vector<double> weight, std::vector<std::uint64_t> link_start, bool distinct_pairs)
    : csr_(std::uint32_t{0}),
      edge_count_(link_start.empty() ? 0 : link_start.back()),
      link_start_(std::move(link_start)),
      distinct_pairs_(distinct_pairs) {
  take_rows(std::move(row_start), std::move(column), std::move(weight));
  check_link_start();
}

void Graph::take_rows(std::vector<std::uint64_t> row_start, std::vector<std::uint32_t> column,
                      std::vector<double> weight) {
  if (row_start.empty() || row_start.size() - 1 > 0xFFFFFFFEu || column.size() != weight.size() ||
      row_start.back() != column.size())
    throw std::length_error("graph: row offsets do not match the arrays");
  csr_.m_forward.m_rowstart = std::move(row_start);
  csr_.m_forward.m_column = std::move(column);
  csr_.m_forward.m_edge_properties = std::move(weight);
}

// Rows are increasing, so a row's entries from its own vertex up are the tail after
// lower_bound(v).
void Graph::count_link_start() {
  const auto& rows = csr_.m_forward.m_rowstart;
  const auto& column = csr_.m_forward.m_column;
  const std::size_t n = rows.size() - 1;
  link_start_.assign(n + 1, 0);
  for (std::size_t v = 0; v < n; ++v) {
    const auto first = column.begin() + static_cast<std::ptrdiff_t>(rows[v]);
    const auto last = column.begin() + static_cast<std::ptrdiff_t>(rows[v + 1]);
    link_start_[v + 1] =
        link_start_[v] + static_cast<std::uint64_t>(last - std::lower_bound(first, last, v));
  }
}

// What can be checked in O(n): offsets for every row, each row's links within the row, and
// as many links as the arcs make (two arcs a link, one for a self loop).
void Graph::check_link_start() const {
  const auto& rows = csr_.m_forward.m_rowstart;
  bool fits = link_start_.size() == rows.size() && link_start_.front() == 0 &&
              link_start_.back() == edge_count_ && rows.back() <= 2 * edge_count_ &&
              edge_count_ <= rows.back();
  for (std::size_t v = 0; fits && v + 1 < rows.size(); ++v)
    fits = link_start_[v] <= link_start_[v + 1] &&
           link_start_[v + 1] - link_start_[v] <= rows[v + 1] - rows[v];
  if (!fits) throw std::length_error("graph: link offsets do not match the rows");
}

Links::iterator Links::from(std::size_t k) const {
  iterator it;
  it.arcs_ = arcs_;
  it.graph_ = graph_;
  it.k_ = std::min(k, size_);
  if (graph_) {
    it.column_ = graph_->csr().m_forward.m_column.data();
    it.weight_ = graph_->csr().m_forward.m_edge_properties.data();
  }
  if (graph_ && it.k_ < size_) {
    // The last row whose links start at or before k: rows without links share its start.
    const std::uint32_t n = graph_->vertex_count();
    std::uint32_t low = 0, high = n;  // link_start(low) <= k < link_start(high)
    while (high - low > 1) {
      const std::uint32_t mid = low + (high - low) / 2;
      if (graph_->link_start(mid) <= it.k_)
        low = mid;
      else
        high = mid;
    }
    it.enter_row(low);
  }
  return it;
}

std::vector<WeightedEdge> Links::list() const {
  std::vector<WeightedEdge> edges;
  edges.reserve(size_);
  for (const WeightedEdge e : *this) edges.push_back(e);
  return edges;
}

void set_links(Network& network, std::vector<WeightedEdge> edges, unsigned threads) {
  const std::size_t n = network.nodes.size();
  for (const WeightedEdge& e : edges)
    if (e.source >= n || e.target >= n)
      throw std::out_of_range("edge " + std::to_string(e.source) + " -- " +
                              std::to_string(e.target) + " refers to a node beyond the " +
                              std::to_string(n) + " nodes");
  // Boost 1.74 adjacency lists have no move operations and swap() copies, so the digraph
  // (citation networks, corpus-sized) is filled in place.
  network.digraph = DirectedGraph(network.directed ? n : 0);
  if (!network.directed) {
    network.arcs.clear();
    network.graph = Graph(n, edges, threads);
    return;
  }
  std::stable_sort(edges.begin(), edges.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
    return a.source != b.source ? a.source < b.source : a.target < b.target;
  });
  for (const WeightedEdge& e : edges)
    boost::add_edge(e.source, e.target, e.weight, network.digraph);
  network.graph = Graph(n, undirected_view(edges), threads);
  network.arcs = std::move(edges);
}

}  // namespace citenet
