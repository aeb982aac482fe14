#include "render/table_export.h"

#include <vector>

#include "render/atomic_file.h"
#include "render/escape.h"
#include "render/node_columns.h"

namespace citenet {
namespace {

constexpr const char* kLineEnd = "\r\n";  // RFC 4180

void write_nodes(const Network& network, const Analysis& analysis, std::ostream& out) {
  const std::vector<NodeColumn> columns = node_columns(network, analysis);
  // CSV has no place for a note that every reader skips, so the run that made the
  // communities (method, resolution, seed) is a column of its own, the same on every row.
  const std::string run = community_provenance(analysis);
  const std::string run_field = run.empty() ? "" : "," + csv_field(run);
  out << "id,label";
  for (const NodeColumn& column : columns) out << ',' << column.name;
  if (!run.empty()) out << ",community_run";
  out << kLineEnd;
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    out << i << ',' << csv_field(network.nodes[i].label);
    for (const NodeColumn& column : columns) {
      out << ',';
      if (const std::optional<double> value = column.value(i)) {
        out << format_column_value(column.type, *value);
      }
    }
    out << run_field << kLineEnd;
  }
}

void write_edges(const Network& network, std::ostream& out) {
  out << "source,target,source_label,target_label,weight" << kLineEnd;
  for (const WeightedEdge& edge : network.edges) {
    out << edge.source << ',' << edge.target << ',' << csv_field(network.nodes[edge.source].label)
        << ',' << csv_field(network.nodes[edge.target].label) << ',' << shortest_double(edge.weight)
        << kLineEnd;
  }
}

}  // namespace

std::string csv_field(std::string_view text) {
  const std::string clean = sanitize_utf8(text);
  if (clean.find_first_of(",\"\r\n") == std::string::npos) return clean;
  std::string out = "\"";
  for (const char c : clean) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

bool write_csv(const Network& network, const Analysis& analysis, CsvTable table, std::ostream& out,
               std::string* err) {
  if (!check_network(network, analysis, err)) return false;
  if (table == CsvTable::kNodes) {
    write_nodes(network, analysis, out);
  } else {
    write_edges(network, out);
  }
  if (!out) {
    *err =
        table == CsvTable::kNodes ? "cannot write the node table" : "cannot write the edge table";
    return false;
  }
  return true;
}

bool write_csv(const Network& network, const Analysis& analysis, CsvTable table,
               const std::string& path, std::string* err) {
  if (!check_network(network, analysis, err)) return false;
  return write_atomically(
      path,
      [&](std::ostream& out, std::string* body_err) {
        return write_csv(network, analysis, table, out, body_err);
      },
      err);
}

bool write_nodes_csv(const Network& network, const Analysis& analysis, const std::string& path,
                     std::string* err) {
  return write_csv(network, analysis, CsvTable::kNodes, path, err);
}

bool write_edges_csv(const Network& network, const Analysis& analysis, const std::string& path,
                     std::string* err) {
  return write_csv(network, analysis, CsvTable::kEdges, path, err);
}

}  // namespace citenet
