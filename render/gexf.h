// GEXF 1.3 (http://gexf.net/1.3) with the viz extension (http://gexf.net/1.3/viz), as Gephi,
// networkx (read_gexf) and sigma.js read it. Valid against the GEXF project's RELAX NG schema
// (tests/data/schemas/gexf-1.3/gexf.rng).
//  - <graph defaultedgetype="undirected" idtype="string" mode="static"> ("directed" for a
//    directed network, e.g. citations); node ids "n<index>", edge ids "e<index>" in Network
//    order, as in GraphML;
//  - one <attributes class="node"> declaration per node column (render/node_columns.h), with
//    id and title equal to the column name and type "integer" or "double"; each node carries an
//    <attvalue> per known value (an unknown year is left out, not written as 0);
//  - label on every node; viz:color from the community palette of the map (graphviz_map.h;
//    no colour without communities), viz:size = papers, viz:position only when a layout is
//    given; edges with a weight attribute;
//  - all input text XML-escaped (xml_escape), numbers in shortest round-trip form.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "graph/analysis.h"
#include "graph/network.h"
#include "render/node_columns.h"

namespace citenet {

// Writes `path` atomically. `positions` is empty (no layout) or has one position per node.
// Returns false with *err set when the analysis or layout does not match the network, an edge is
// invalid, repeated or has a non-finite weight, or the file cannot be written.
bool write_gexf(const Network& network, const Analysis& analysis, const std::string& path,
                std::string* err, const std::vector<NodePosition>& positions = {});

// Streams the document to `out`; a false return (validation) leaves `out` untouched.
bool write_gexf(const Network& network, const Analysis& analysis, std::ostream& out,
                std::string* err, const std::vector<NodePosition>& positions = {});

}  // namespace citenet
