// What a drawn map shows: the options of `citenet map` that shape the picture.
#pragma once

#include <cstddef>
#include <string>

namespace citenet {

struct MapOptions {
  // Node area is proportional to this metric; the same metric ranks nodes for labelling, for
  // --max-nodes and for naming communities. One of "betweenness", "degree",
  // "weighted_degree", "papers", "citations".
  std::string size_by = "papers";
  // What the fill colour shows: "community" (Paul Tol's light palette), "year" (mean
  // publication year on viridis), "citations" (log(1 + citations) on Tol's YlOrBr) or
  // "country" (the node's main country, the most frequent ones coloured, the rest grey).
  std::string color_by = "community";
  // Label the top `label_top` drawn nodes by `size_by`; the rest stay unlabelled (their
  // tooltip still names them) so a large map stays legible. Negative means label every node.
  // A label that would overlap another label or a node is left out.
  int label_top = 50;
  // Draw only the `max_nodes` highest nodes by `size_by` and the links among them; 0 draws
  // every node. Communities, metrics and the legend's counts stay those of the whole
  // network; the caption says how many nodes are shown.
  std::size_t max_nodes = 500;
  // Draw only the `max_links` heaviest links among the drawn nodes (the layout still uses
  // them all); 0 draws every link. The caption says how many are shown.
  std::size_t max_links = 1000;
  // Graphviz layout engine: "sfdp" (default), "neato", "fdp", "circo", "twopi" or "dot".
  std::string layout = "sfdp";
  // Caption drawn at the top; empty means one describing what was drawn.
  std::string title;
  // Prefix of every id in the SVG (graph, nodes "<prefix>n<i>", edges "<prefix>e<i>"), so two
  // maps embedded in one HTML page never share an id. '-' and '.' become '_', other
  // characters than ASCII letters and digits are dropped; empty means "map_".
  std::string id_prefix;
};

}  // namespace citenet
