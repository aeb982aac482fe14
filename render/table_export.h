// A network as two CSV tables (RFC 4180), for spreadsheets, pandas/R, and Gephi's spreadsheet
// importer:
//   nodes: id,label,<node columns>[,community_run]
//          e.g. id,label,papers,citations,first_year,last_year,degree,weighted_degree,
//               betweenness,component,community,community_run
//          community_run (when communities were computed) says how, the same on every row:
//          "Leiden, modularity, resolution 1, seed 42", so the partition can be reproduced
//   edges: source,target,source_label,target_label,weight
// The node columns are those of render/node_columns.h, in its order (a metric missing from the
// Analysis has no column). ids are the 0-based node indices; source/target refer to them.
// RFC 4180: CRLF line ends, a header line, a field quoted (with quotes doubled) when it holds a
// comma, a double quote, CR or LF. Text is made valid UTF-8 (sanitize_utf8) first; no byte-order
// mark. Unknown values (a year of 0) are empty fields; numbers in shortest round-trip form.
// Text is not defused for spreadsheets: a label starting with "=" stays as it is.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "graph/analysis.h"
#include "graph/network.h"

namespace citenet {

enum class CsvTable { kNodes, kEdges };

// Writes the `table` of `network` to `path` atomically. Returns false with *err set when the
// analysis does not match the network, an edge is invalid or repeated, or the file cannot be
// written. Rows are formatted in chunks on `threads` threads (0: every core), each written
// at its place in the file as GraphML is (render/atomic_file.h); the bytes are the same on
// any number.
bool write_csv(const Network& network, const Analysis& analysis, CsvTable table,
               const std::string& path, std::string* err, unsigned threads = 0);

// Streams the table to `out`; a false return (validation) leaves `out` untouched.
bool write_csv(const Network& network, const Analysis& analysis, CsvTable table, std::ostream& out,
               std::string* err, unsigned threads = 0);

// write_csv(..., CsvTable::kNodes / kEdges, ...).
bool write_nodes_csv(const Network& network, const Analysis& analysis, const std::string& path,
                     std::string* err, unsigned threads = 0);
bool write_edges_csv(const Network& network, const Analysis& analysis, const std::string& path,
                     std::string* err, unsigned threads = 0);

// One CSV field per RFC 4180, after sanitize_utf8: quoted when it holds , " CR or LF.
std::string csv_field(std::string_view text);

}  // namespace citenet
