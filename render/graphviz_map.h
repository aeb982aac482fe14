// Draws a network as a map through Graphviz (cgraph builds the graph, gvc lays it out and
// renders it in-process; no `dot` program is run).
//
// Nodes: area proportional to a metric (MapOptions::size_by), fill colour by community (Paul
// Tol's colour-blind-safe "light" palette; communities beyond it are grey), mean year,
// citations or country (MapOptions::color_by); labels beside the top nodes with font size by
// rank of importance, left out where they would overlap a node or another label; a tooltip
// on every node and edge. Edges: width and opacity by weight. At the top a caption says what
// was drawn, with the colour legend (communities named after their most central member);
// under the map, reference circles give the size scale. Big networks are drawn through
// their MapOptions::max_nodes most important nodes.
//
// Two Graphviz passes: the layout engine (sfdp by default, seeded with Analysis::seed)
// places the nodes; then the drawing is laid out by "nop2" from those pinned positions,
// which places the labels and the legend. The same input gives the same SVG byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/analysis.h"
#include "graph/network.h"
#include "render/map_style.h"

namespace citenet {

// Writes the map of `network` to `path` (atomically) in `format`: "svg", "png", "pdf" or
// "dot". The DOT is the map's Graphviz source after the layout engine ran: every attribute
// and every node position (pinned, layout "nop2"), so `dot -Tsvg map.dot` draws the same SVG
// byte for byte, and a user can edit the drawing without the layout changing.
// Returns false with *err set when the options are invalid, the analysis does not match the
// network, the network is empty, Graphviz fails, or the file cannot be written.
// Side effects, both owed to Graphviz 2.42: resets the C library's rand() (see the .cc), and
// keeps one Graphviz context alive for the rest of the process. Not thread-safe.
bool write_graphviz_map(const Network& network, const Analysis& analysis, const MapOptions& options,
                        const std::string& path, const std::string& format, std::string* err);

// The same, into memory (what write_graphviz_map writes).
bool render_graphviz_map(const Network& network, const Analysis& analysis,
                         const MapOptions& options, const std::string& format, std::string* out,
                         std::string* err);

// Checks MapOptions::size_by and color_by, so a command line can refuse a typo before it
// reads any input; render_graphviz_map checks them too. The messages are those the map
// writers give: "unknown colouring 'x' (expected community, year, citations or country)".
bool check_map_options(const MapOptions& options, std::string* err);

// The caption drawn when MapOptions::title is empty, e.g.
// "Co-authorship network — 42 authors, 70 links, 10 components; top 40 labelled".
std::string default_map_title(const Network& network, const Analysis& analysis,
                              const MapOptions& options);

// --- Shared with the other writers (GEXF): the map's community colours. -------------------
// The fill colour the map gives `community`, as "#RRGGBB": Paul Tol's light palette, grey
// ("#DDDDDD") beyond it, so a GEXF opened in Gephi shows the communities as the map does.
const char* community_colour(std::uint32_t community);

}  // namespace citenet
