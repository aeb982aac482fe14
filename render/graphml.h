// GraphML for Gephi (and networkx, igraph, yEd), following Gephi's importer:
//  - edgedefault="undirected" on the graph;
//  - keys declared for="node" or for="edge" (never "all"), with ids equal to attr.name
//    ("label", "weight", "betweenness" ...), never networkx-style "d0": Gephi matches a key by
//    id before attr.name, so "d3" could become the node label;
//  - node keys: label (string), papers, citations, first_year, last_year (int), degree,
//    weighted_degree, betweenness (double), component, community (int); edge key weight
//    (double, counts may be fractional). A metric left empty in the Analysis is not declared;
//  - label written on every node (not left to a <default>), all nodes before all edges, each
//    undirected pair once, doubles in shortest round-trip form, all input text XML-escaped.
// Node ids are "n<index>" in Network order; edges carry no id (optional in GraphML).
#pragma once

#include <ostream>
#include <string>

#include "graph/analysis.h"
#include "graph/network.h"

namespace citenet {

// Writes `path` atomically. Returns false with *err set when the analysis does not match the
// network, an edge is invalid or repeated, or the file cannot be written. Nodes and edges are
// formatted in chunks on `threads` threads (0: every core), each thread writing the chunks it
// formatted at their place in the file; the bytes are the same on any number.
bool write_graphml(const Network& network, const Analysis& analysis, const std::string& path,
                   std::string* err, unsigned threads = 0);

// Streams the document to `out` (what write_graphml writes). Validation happens before the
// first byte is written, so a false return leaves `out` untouched.
bool write_graphml(const Network& network, const Analysis& analysis, std::ostream& out,
                   std::string* err, unsigned threads = 0);

}  // namespace citenet
