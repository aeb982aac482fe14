// A network as JSON, in one of two shapes (nlohmann::json; invalid UTF-8 in input text becomes
// U+FFFD, every other character is kept and escaped as JSON requires):
//
// kNodeLink: networkx's node-link format (networkx.node_link_graph reads it back; d3-force
// takes nodes/links as they are):
//   {"directed": false (true for a directed network), "multigraph": false,
//    "graph": {"kind", "node_noun", "seed", "resolution", "community_method"?, "modularity"?,
//              "communities"?, "components"?},
//    "nodes": [{"id": 0, "label": "...", <node columns>}, ...],
//    "links": [{"source": 0, "target": 1, "weight": 3}, ...]}
//   ids are the 0-based node indices, so links work by id and by array position alike.
//
// kCytoscape: Cytoscape.js elements (cy.json / cy.add), which Cytoscape desktop also imports:
//   {"format_version": "1.0", "generated_by": "citenet", "target_cytoscapejs_version": "~2.1",
//    "data": {<the graph metadata above>},
//    "elements": {"nodes": [{"data": {"id": "n0", "label": "...", <node columns>}}, ...],
//                 "edges": [{"data": {"id": "e0", "source": "n0", "target": "n1",
//                                     "weight": 3}}, ...]}}
//   Cytoscape ids are strings; "n<index>" and "e<index>" as in GraphML and GEXF.
//
// Node columns as in render/node_columns.h (integers as JSON integers); an unknown value (a
// year of 0) is left out. NaN and infinite metrics become null (JSON has no spelling for them).
// community_method ("Leiden", "Louvain"), modularity and communities are written only when
// communities were computed; components only when components were.
#pragma once

#include <ostream>
#include <string>

#include "graph/analysis.h"
#include "graph/network.h"

namespace citenet {

enum class JsonStyle { kNodeLink, kCytoscape };

// Writes `path` atomically. Returns false with *err set when the analysis does not match the
// network, an edge is invalid or repeated, or the file cannot be written.
bool write_graph_json(const Network& network, const Analysis& analysis, JsonStyle style,
                      const std::string& path, std::string* err);

// Streams the document to `out`; a false return (validation) leaves `out` untouched.
bool write_graph_json(const Network& network, const Analysis& analysis, JsonStyle style,
                      std::ostream& out, std::string* err);

}  // namespace citenet
