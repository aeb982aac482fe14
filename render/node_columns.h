// The per-node values the table-like writers (GEXF, CSV, JSON, VOSviewer) write, listed once.
// Every writer walks node_columns(): adding a metric to Analysis and one row to the table in
// node_columns.cc puts it in every format, under the same name.
//
// Order of the table (and of CSV columns, JSON keys, GEXF attributes): papers, citations,
// first_year, last_year (from the Network), part (bipartite networks only: 0 for authors, 1
// for papers or institutions), then every metric of graph/analysis.h in the order
// of all_metrics() (degree, weighted_degree, betweenness, closeness, eigenvector, pagerank,
// clustering, core), named by metric_name(), then component and community. A metric whose
// vector is empty in the Analysis (not computed) is left out. So a metric added to Analysis
// (Metric, metric_name, Analysis::values) reaches every writer with no change in render/.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "graph/analysis.h"
#include "graph/network.h"
#include "render/out_buffer.h"

namespace citenet {

enum class ColumnType {
  kInteger,  // whole numbers (counts, years, ids): GEXF "integer", JSON integer
  kDouble,   // GEXF "double", JSON number
};

struct NodeColumn {
  std::string name;  // the attribute name in every format: "weighted_degree"
  ColumnType type;
  // The VOSviewer map-file header ("weight<Links>", "score<Betweenness>"); empty when the
  // column is not written there (community is the VOSviewer "cluster", written apart).
  std::string vosviewer;
  // The value of node `i`; nullopt when unknown (a year of 0 means "no record had a year").
  // Integers are exact in a double up to 2^53.
  std::function<std::optional<double>(std::size_t i)> value;
};

// The columns of `network` and `analysis`, which must outlive the returned table.
std::vector<NodeColumn> node_columns(const Network& network, const Analysis& analysis);

// A layout position per node (the order of Network::nodes), for the formats that carry one.
struct NodePosition {
  double x = 0;
  double y = 0;
};

// What every network writer checks before writing a byte; the messages GraphML also gives:
// each non-empty Analysis vector has one value per node; edges refer to existing nodes and each
// undirected pair appears once (directed networks: each arc once, a -> b and b -> a may both
// be there); `positions` is empty or has one finite position per node.
bool check_network(const Network& network, const Analysis& analysis, std::string* err,
                   const std::vector<NodePosition>& positions = {});

// Shortest text that reads back as the same double; NaN and infinities as "NaN", "Infinity",
// "-Infinity" (what Java's Double.parseDouble and Python's float() accept).
std::string shortest_double(double value);

// A column value as text: integers without a fraction, doubles by shortest_double.
std::string format_column_value(ColumnType type, double value);
// The same text appended to `out`, without a temporary string (writers of large tables).
void append_column_value(TextBuffer& out, ColumnType type, double value);

}  // namespace citenet

namespace citenet {

// One line saying how the network and its communities were made, for the formats that have
// room for it (GraphML comment, GEXF description, the map's caption), so a result can be
// reproduced: "coauthor network; communities: Leiden, modularity, resolution 1, seed 42".
std::string provenance(const Network& network, const Analysis& analysis);

// The communities part of provenance(): "Leiden, modularity, resolution 1, seed 42"; empty
// when no communities were computed. The node CSV repeats it in a community_run column and
// the VOSviewer map file in each item's description, the only places those formats have.
std::string community_provenance(const Analysis& analysis);

}  // namespace citenet
