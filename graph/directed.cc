#include "graph/directed.h"

namespace citenet {

DirectedGraph make_directed_graph(std::size_t node_count, const std::vector<WeightedEdge>& arcs) {
  DirectedGraph graph(node_count);
  for (const WeightedEdge& a : arcs) boost::add_edge(a.source, a.target, a.weight, graph);
  return graph;
}

std::vector<double> in_degree(const DirectedGraph& g) {
  std::vector<double> result(boost::num_vertices(g), 0.0);
  for (std::size_t v = 0; v < result.size(); ++v) {
    result[v] = static_cast<double>(boost::in_degree(v, g));
  }
  return result;
}

std::vector<double> out_degree(const DirectedGraph& g) {
  std::vector<double> result(boost::num_vertices(g), 0.0);
  for (std::size_t v = 0; v < result.size(); ++v) {
    result[v] = static_cast<double>(boost::out_degree(v, g));
  }
  return result;
}

}  // namespace citenet
