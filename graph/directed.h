// Directed weighted graphs (citation networks: an arc u -> v when paper u cites paper v) and
// their degrees, as plain vectors indexed by vertex id. PageRank of a DirectedGraph is in
// graph/pagerank.h.
#pragma once

#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <vector>

#include "graph/network.h"

namespace citenet {

// Vertex ids are the node indices (vecS); bidirectionalS keeps in-edge lists, so in-degrees
// are O(1) per vertex. Edge weight = strength of the arc (1 for a plain citation).
using DirectedGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, boost::no_property,
                          boost::property<boost::edge_weight_t, double>>;

// Builds a DirectedGraph with an arc source -> target per entry of `arcs`, in order (here
// source < target is not required; a reversed pair is a different arc). O(n + m).
DirectedGraph make_directed_graph(std::size_t node_count, const std::vector<WeightedEdge>& arcs);

// Number of arcs into each vertex (times cited), as networkx DiGraph.in_degree(). O(n).
std::vector<double> in_degree(const DirectedGraph& g);

// Number of arcs out of each vertex (references made), as networkx DiGraph.out_degree(). O(n).
std::vector<double> out_degree(const DirectedGraph& g);

}  // namespace citenet
