// A network built from a corpus: nodes with attributes, weighted undirected edges, and the
// Boost graph the analysis runs on. Writers read `nodes` and `edges` only, never BGL types.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <string>
#include <vector>

namespace citenet {

// Vertex ids are the node indices (vecS); edge weight = number of shared papers
// (or a fractional count later).
using Graph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

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

struct WeightedEdge {
  std::uint32_t source = 0;  // source < target (directed networks: the citing paper)
  std::uint32_t target = 0;
  double weight = 0;
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
Graph make_graph(std::size_t node_count, const std::vector<WeightedEdge>& edges);

}  // namespace citenet
