// A network built from a corpus: nodes with attributes, weighted undirected edges, and the
// Boost graph the analysis runs on. Writers read `nodes` and `edges` only, never BGL types.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>
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
  // Network::edges keeps them (source < target, sorted, each pair once) are laid out on up to
  // `threads` threads (0: every core); the graph is the same on any number.
  Graph(std::size_t vertex_count, std::span<const WeightedEdge> edges, unsigned threads = 1);
  // Rows a builder laid out itself (graph/build.cc writes them while it counts the pairs, not
  // from an edge list afterwards): row_start holds vertex_count + 1 offsets, each row's
  // columns are increasing, and every edge is both of its arcs. The arrays are moved in.
  Graph(std::vector<std::uint64_t> row_start, std::vector<std::uint32_t> column,
        std::vector<double> weight, std::uint64_t edge_count);

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

 private:
  Csr csr_;
  std::uint64_t edge_count_ = 0;
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
  // Undirected: each pair once, source < target. Directed: one arc source -> target each.
  // Sorted by (source, target) either way.
  std::vector<WeightedEdge> edges;
  // The same nodes and edges, for Boost.Graph algorithms; for a directed network the
  // undirected view (a pair cited both ways is one edge, weights summed).
  Graph graph;
  bool directed = false;
  DirectedGraph digraph;  // directed networks only: the arcs of `edges`
};

// Builds `graph` from `nodes.size()` and `edges`.
inline Graph make_graph(std::size_t node_count, const std::vector<WeightedEdge>& edges) {
  return Graph(node_count, edges);
}

}  // namespace citenet
