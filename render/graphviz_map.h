// Draws a network as a map through Graphviz (cgraph builds the graph, gvc lays it out and
// renders it in-process; no `dot` program is run).
//
// Nodes: area proportional to a metric (MapOptions::size_by), fill colour by community from
// Paul Tol's colour-blind-safe "light" palette (communities beyond it are grey), labels on
// the top nodes with font size by rank of importance, a tooltip on every node and edge. Edges:
// width by weight. A caption at the top says what was drawn. The layout is seeded with
// Analysis::seed, so the same input gives the same SVG byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "graph/analysis.h"
#include "graph/network.h"
#include "render/map_style.h"

namespace citenet {

// Writes the map of `network` to `path` (atomically) in `format`: "svg", "png", "pdf" or
// "dot". The DOT is the map's Graphviz source, not a layout result: every attribute, the
// layout engine and its seed, so `dot -Tsvg map.dot` draws the same SVG byte for byte.
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

// The caption drawn when MapOptions::title is empty, e.g.
// "Co-authorship network — 42 authors, 70 links, 10 components; top 40 labelled".
std::string default_map_title(const Network& network, const Analysis& analysis,
                              const MapOptions& options);

// --- Shared with the other writers (GEXF): the map's community colours. -------------------
// The fill colour the map gives `community`, as "#RRGGBB": Paul Tol's light palette, grey
// ("#DDDDDD") beyond it, so a GEXF opened in Gephi shows the communities as the map does.
const char* community_colour(std::uint32_t community);

}  // namespace citenet
