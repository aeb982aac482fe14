#include "graph/network.h"

namespace citenet {

Graph make_graph(std::size_t node_count, const std::vector<WeightedEdge>& edges) {
  Graph graph(node_count);
  for (const WeightedEdge& e : edges) boost::add_edge(e.source, e.target, e.weight, graph);
  return graph;
}

}  // namespace citenet
