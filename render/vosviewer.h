// A network as a VOSviewer map file and network file (VOSviewer Manual 1.6.18, section 4.1
// "Map and network files"; app.vosviewer.com/docs/file-types/map-and-network-file-type).
//
// Map file: tab-separated, a header line, then one line per item:
//   id  label  [description]  [x  y]  [cluster]  weight<Links>  weight<Total link strength>
//   weight<Documents>  weight<Citations>  score<...> ...
//  - id: 1-based node number (Network order), the id the network file refers to;
//  - description: with clusters, how they were made, the same for every item ("Clusters:
//    Leiden, modularity, resolution 1, seed 42"; HTML-escaped and quoted, the manual's rule
//    for a description with a comma), so a map can be reproduced;
//  - x, y: only when a layout is given (the manual requires both or neither);
//  - cluster: community + 1, since VOSviewer clusters are integers from 1 to 1000; communities
//    beyond the 1000th are put together in cluster 1000 (they are the smallest: community ids
//    are ordered by size). Left out when communities were not computed;
//  - weight<...> (non-negative, sizes items) and score<...> (overlay colours) columns come from
//    render/node_columns.h (NodeColumn::vosviewer), weights first: Links = degree, Total link
//    strength = weighted degree (as in VOSviewer's own maps), Documents = papers, Citations;
//    then scores (First year, Last year, Betweenness, Component). A column with an unknown
//    value for some node (a year of 0) is left out, since the manual gives no empty value.
//  - labels neutralised (vosviewer_label): valid UTF-8, tab/CR/LF become spaces, double quotes
//    become apostrophes, and a label with a comma or semicolon is enclosed in double quotes
//    (the manual's rule, because VOSviewer also accepts those as separators).
// Network file: no header; one line per edge "id1<TAB>id2<TAB>strength" with 1-based ids;
// strengths must be positive (manual), so a zero, negative or non-finite weight is an error.
// VOSviewer networks are undirected: arcs of a directed network are written as links, and
// VOSviewer sums the strengths of a pair that cite each other (manual, 4.1.2).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "graph/analysis.h"
#include "graph/network.h"
#include "render/node_columns.h"

namespace citenet {

// Writes the map file to `path` atomically. `positions` is empty (no layout) or has one
// position per node. Returns false with *err set when the analysis or layout does not match the
// network, an edge is invalid or repeated, or the file cannot be written.
bool write_vosviewer_map(const Network& network, const Analysis& analysis, const std::string& path,
                         std::string* err, const std::vector<NodePosition>& positions = {});
bool write_vosviewer_map(const Network& network, const Analysis& analysis, std::ostream& out,
                         std::string* err, const std::vector<NodePosition>& positions = {});

// Writes the network file to `path` atomically; fails also on a weight that is not positive.
bool write_vosviewer_network(const Network& network, const Analysis& analysis,
                             const std::string& path, std::string* err);
bool write_vosviewer_network(const Network& network, const Analysis& analysis, std::ostream& out,
                             std::string* err);

// `text` as a map-file field (see above).
std::string vosviewer_label(std::string_view text);

}  // namespace citenet
