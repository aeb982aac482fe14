// A network as a Pajek .net file (Pajek, igraph Read_Pajek, networkx read_pajek, VOSviewer):
//   *Network coauthor network; communities: Leiden, modularity, resolution 1, seed 42
//   *Vertices 7
//   1 "Ada Lovelace"
//   ...
//   *Edges
//   1 2 3
// Vertices are numbered from 1 in Network order; each edge once, with its weight (a directed
// network, e.g. citations, has *Arcs instead of *Edges).
// Pajek has no escape inside a quoted label, so labels are neutralised (pajek_label): made valid
// UTF-8, double quotes become apostrophes, tab/CR/LF become spaces. Backslashes are kept as they
// are (Pajek and igraph read them literally; networkx's reader, built on shlex, does not).
// Metrics are not part of the .net format; use GEXF/GraphML/CSV/JSON for them.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "graph/analysis.h"
#include "graph/network.h"

namespace citenet {

// Writes `path` atomically. Returns false with *err set when the analysis does not match the
// network, an edge is invalid, repeated or has a non-finite weight, or the file cannot be
// written.
bool write_pajek(const Network& network, const Analysis& analysis, const std::string& path,
                 std::string* err);

// Streams the file to `out`; a false return (validation) leaves `out` untouched.
bool write_pajek(const Network& network, const Analysis& analysis, std::ostream& out,
                 std::string* err);

// `text` as the inside of a Pajek quoted label (see above).
std::string pajek_label(std::string_view text);

}  // namespace citenet
