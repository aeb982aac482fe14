// A network built from a corpus: nodes with attributes and the weighted links between them,
// kept once, in the compressed graph the analysis runs on. Writers read `nodes` and
// `links()` only, never BGL types.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>
#include <vector>

namespace citenet {

struct WeightedEdge {
  std::uint32_t source = 0;  // source < target (directed networks: the citing paper)
  std::uint32_t target = 0;
  double weight = 0;
};

// The undirected weighted graph the analysis runs on, in compressed sparse row form: Boost's
// compressed_sparse_row_graph holding each edge {u,v} as the two arcs u->v and v->u, so a
// vertex's neighbours and weights are one contiguous sorted run. Two flat arrays rather than
// a list per vertex: no allocation per edge, 24 bytes per edge, cheap moves, and the
// neighbour loops of the algorithms read memory in order. Vertex ids are the node indices.
class Graph {
 public:
  // Arc weights are the edge bundle; 32-bit vertex ids, 64-bit arc offsets.
  using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, double,
                                                 boost::no_property, std::uint32_t, std::uint64_t>;

  Graph() = default;
  explicit Graph(std::size_t vertex_count);  // isolated vertices
  // Each entry is one undirected edge (either orientation, any order; a pair given twice is
  // two parallel edges). A self loop, which no network has, is a single arc. Edges kept as
  // networks keep them (source < target, sorted, each pair once) are laid out on up to
  // `threads` threads (0: every core); the graph is the same on any number.
  Graph(std::size_t vertex_count, std::span<const WeightedEdge> edges, unsigned threads = 1);
  // Rows a builder laid out itself (graph/build.cc writes them while it counts the pairs, not
  // from an edge list afterwards): row_start holds vertex_count + 1 offsets, each row's
  // columns are increasing, and every edge is both of its arcs. The arrays are moved in.
  Graph(std::vector<std::uint64_t> row_start, std::vector<std::uint32_t> column,
        std::vector<double> weight, std::uint64_t edge_count);
  // The same, with the builder's own count of each row's part from its vertex up:
  // link_start[v] is the number of those entries in the rows before v (vertex_count + 1
  // values, the last edge_count).
  // `distinct_pairs`: the caller vouches that no row names a neighbour twice (a builder that
  // counted each pair once), which lets the writers skip looking for repeated pairs.
  Graph(std::vector<std::uint64_t> row_start, std::vector<std::uint32_t> column,
        std::vector<double> weight, std::vector<std::uint64_t> link_start,
        bool distinct_pairs = false);

  std::uint32_t vertex_count() const {
    return static_cast<std::uint32_t>(csr_.m_forward.m_rowstart.size() - 1);
  }
  std::uint64_t edge_count() const { return edge_count_; }
  std::uint32_t degree(std::uint32_t v) const {
    return static_cast<std::uint32_t>(csr_.m_forward.m_rowstart[v + 1] -
                                      csr_.m_forward.m_rowstart[v]);
  }
  // The neighbours of v in increasing order, and the weight of each of those edges.
  std::span<const std::uint32_t> neighbours(std::uint32_t v) const {
    return {csr_.m_forward.m_column.data() + csr_.m_forward.m_rowstart[v], degree(v)};
  }
  std::span<const double> weights(std::uint32_t v) const {
    return {csr_.m_forward.m_edge_properties.data() + csr_.m_forward.m_rowstart[v], degree(v)};
  }
  // For Boost.Graph algorithms: a directed graph with both arcs of every edge.
  const Csr& csr() const { return csr_; }

  // Each edge once, as the entry of row min(u, v): the edges of v are the last
  // `link_start(v + 1) - link_start(v)` entries of its row (neighbours from v up), and
  // link_start(v) edges come before them. This is how a network's links are listed
  // (Network::links) without an edge list of their own.
  std::uint64_t link_start(std::uint32_t v) const { return link_start_[v]; }

  // True when no two vertices are joined twice, known from how the graph was laid out
  // (edges given strictly sorted, or rows vouched for); false means not known, not repeated.
  bool distinct_pairs() const { return distinct_pairs_; }

 private:
  // The rows constructors' arrays, checked for size and moved in.
  void take_rows(std::vector<std::uint64_t> row_start, std::vector<std::uint32_t> column,
                 std::vector<double> weight);
  void check_link_start() const;
  void count_link_start();

  Csr csr_;
  std::uint64_t edge_count_ = 0;
  std::vector<std::uint64_t> link_start_ = {0};
  bool distinct_pairs_ = true;
};

// A network's links in (source, target) order, read where the network keeps them: an
// undirected network's from its graph's rows (Graph::link_start), so the links take no
// memory of their own (a gigabyte for the co-authorship network of a million records); a
// directed network's arcs from Network::arcs. Each link is made on reading, so iterators
// yield WeightedEdge values. Iterating is O(1) a link; seeking the k-th is O(log n).
class Links {
 public:
  class iterator {
   public:
    // A forward range, but each link is a value made on reading, which C++20's iterator
    // concepts allow and the older categories call an input iterator.
    using iterator_concept = std::forward_iterator_tag;
    using iterator_category = std::input_iterator_tag;
    using value_type = WeightedEdge;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = WeightedEdge;

    iterator() = default;
    WeightedEdge operator*() const {
      if (arcs_) return arcs_[k_];
      return {v_, column_[at_], weight_[at_]};
    }
    iterator& operator++() {
      ++k_;
      if (arcs_) return *this;
      ++at_;
      if (k_ == graph_->link_start(v_ + 1)) enter_row(v_ + 1);
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    // The position among the links.
    std::size_t index() const { return k_; }
    friend bool operator==(const iterator& a, const iterator& b) { return a.k_ == b.k_; }

   private:
    friend class Links;
    // The first row from `v` on that has links; at_ its entry for link k_.
    void enter_row(std::uint32_t v) {
      const std::uint32_t n = graph_->vertex_count();
      while (v < n && graph_->link_start(v + 1) <= k_) ++v;
      v_ = v;
      if (v < n) at_ = graph_->csr().m_forward.m_rowstart[v + 1] - (graph_->link_start(v + 1) - k_);
    }

    const WeightedEdge* arcs_ = nullptr;  // directed networks
    const Graph* graph_ = nullptr;        // undirected ones, with its arrays at hand
    const std::uint32_t* column_ = nullptr;
    const double* weight_ = nullptr;
    std::uint64_t k_ = 0;   // the link's position among the links
    std::uint32_t v_ = 0;   // undirected: its row
    std::uint64_t at_ = 0;  // undirected: its entry in the row arrays
  };

  explicit Links(const Graph& graph) : graph_(&graph), size_(graph.edge_count()) {}
  explicit Links(std::span<const WeightedEdge> arcs) : arcs_(arcs.data()), size_(arcs.size()) {}

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  iterator begin() const { return from(0); }
  iterator end() const {
    iterator it;
    it.k_ = size_;
    return it;
  }
  // The k-th link and those after it (k <= size()).
  iterator from(std::size_t k) const;
  WeightedEdge operator[](std::size_t k) const { return *from(k); }
  // The links as a list of their own (filters, which renumber them).
  std::vector<WeightedEdge> list() const;

 private:
  const WeightedEdge* arcs_ = nullptr;
  const Graph* graph_ = nullptr;
  std::size_t size_ = 0;
};

// Arcs u -> v (citation networks); the same type graph/directed.h declares, repeated here so
// a Network can hold one without a header cycle.
using DirectedGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

struct NodeAttributes {
  std::string label;            // display label: fullest form seen
  std::uint32_t papers = 0;     // records the entity occurs in
  std::uint32_t citations = 0;  // summed citation counts of those records
  int first_year = 0;           // 0 when no record had a year
  int last_year = 0;
  std::uint8_t part = 0;  // bipartite networks: 0 for the first kind of node, 1 for the second
  std::string kind = {};  // bipartite networks: "author", "paper", "institution"; else empty
  double mean_year = 0;   // mean year of the dated records; 0 when none had a year
  // Most frequent country among the node's papers (ties: the country seen first in the
  // corpus); a country node's own name; empty when no paper named a country.
  std::string country = {};
};

struct Network {
  std::string kind;       // "coauthor", "institution", "country", "keyword", "paper", ...
  std::string node_noun;  // "author", "institution", "country", "paper": for captions
  std::vector<NodeAttributes> nodes;
  // The links of an undirected network, for the analysis and the writers alike. For a
  // directed network the undirected view of its arcs (a pair cited both ways is one edge,
  // weights summed), which the undirected measures run on.
  Graph graph;
  bool directed = false;
  // Directed networks only: one arc source -> target each, sorted by (source, target), and
  // the same arcs for Boost.Graph's directed algorithms.
  std::vector<WeightedEdge> arcs;
  DirectedGraph digraph;

  // What the writers list: the arcs of a directed network, otherwise the graph's edges, each
  // pair once with source <= target. Sorted by (source, target) either way.
  Links links() const { return directed ? Links(arcs) : Links(graph); }
};

// Gives `network` its links: for an undirected network `graph` is built from `edges` (each
// pair once, either orientation, any order; sorted as networks keep them they are laid out
// on up to `threads` threads); for a directed one `arcs` are `edges` (sorted here), and
// `graph` and `digraph` are built from them. Throws std::out_of_range, naming the edge, for
// an edge to a node past `nodes`.
void set_links(Network& network, std::vector<WeightedEdge> edges, unsigned threads = 1);

// Builds a graph from `node_count` and `edges` (tests and hand-made graphs).
inline Graph make_graph(std::size_t node_count, const std::vector<WeightedEdge>& edges) {
  return Graph(node_count, edges);
}

}  // namespace citenet
