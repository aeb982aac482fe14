// What a drawn map shows: the options of `citenet map` that shape the picture.
#pragma once

#include <string>

namespace citenet {

struct MapOptions {
  // Node area is proportional to this metric; the same metric ranks nodes for labelling.
  // One of "betweenness", "degree", "weighted_degree", "papers", "citations".
  std::string size_by = "papers";
  // Label the top `label_top` nodes by `size_by`; the rest stay unlabelled (their tooltip
  // still names them) so a large map stays legible. Negative means label every node.
  int label_top = 50;
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
