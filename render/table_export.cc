#include "render/table_export.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "render/atomic_file.h"
#include "render/escape.h"
#include "render/node_columns.h"
#include "render/out_buffer.h"

namespace citenet {
namespace {

constexpr std::string_view kLineEnd = "\r\n";  // RFC 4180
constexpr std::size_t kRowsPerPiece = 1 << 13;

// A table as numbered pieces for put_pieces: the header, then chunks of rows.
std::size_t piece_count(std::size_t rows) { return 1 + (rows + kRowsPerPiece - 1) / kRowsPerPiece; }

class NodeRows {
 public:
  NodeRows(const Network& network, const Analysis& analysis)
      : network_(network), columns_(node_columns(network, analysis)) {
    // CSV has no place for a note that every reader skips, so the run that made the
    // communities (method, resolution, seed) is a column of its own, the same on every row.
    const std::string run = community_provenance(analysis);
    header_ = "id,label";
    for (const NodeColumn& column : columns_) header_ += "," + column.name;
    if (!run.empty()) header_ += ",community_run";
    header_ += kLineEnd;
    row_end_ = (run.empty() ? "" : "," + csv_field(run)) + std::string(kLineEnd);
  }

  std::size_t count() const { return piece_count(network_.nodes.size()); }

  void format(std::size_t k, TextBuffer& out) const {
    if (k == 0) {
      out += header_;
      return;
    }
    const std::size_t first = (k - 1) * kRowsPerPiece;
    const std::size_t last = std::min(network_.nodes.size(), first + kRowsPerPiece);
    for (std::size_t i = first; i < last; ++i) {
      append_number(out, i);
      out += ",";
      out += csv_field(network_.nodes[i].label);
      for (const NodeColumn& column : columns_) {
        out += ",";
        if (const std::optional<double> value = column.value(i))
          append_column_value(out, column.type, *value);
      }
      out += row_end_;
    }
  }

 private:
  const Network& network_;
  const std::vector<NodeColumn> columns_;
  std::string header_;
  std::string row_end_;  // [,community_run] CRLF
};

class EdgeRows {
 public:
  // Each label is quoted once, not once per edge: a million records give tens of millions of
  // edges over a few hundred thousand labels.
  explicit EdgeRows(const Network& network) : network_(network) {
    labels_.reserve(network.nodes.size());
    for (const NodeAttributes& node : network.nodes) labels_.push_back(csv_field(node.label));
  }

  std::size_t count() const { return piece_count(network_.links().size()); }

  void format(std::size_t k, TextBuffer& out) const {
    if (k == 0) {
      out += "source,target,source_label,target_label,weight";
      out += kLineEnd;
      return;
    }
    const std::size_t first = (k - 1) * kRowsPerPiece;
    const Links links = network_.links();
    const std::size_t last = std::min(links.size(), first + kRowsPerPiece);
    for (auto it = links.from(first); it.index() < last; ++it) {
      const WeightedEdge edge = *it;
      append_number(out, edge.source);
      out += ",";
      append_number(out, edge.target);
      out += ",";
      out += labels_[edge.source];
      out += ",";
      out += labels_[edge.target];
      out += ",";
      append_column_value(out, ColumnType::kDouble, edge.weight);
      out += kLineEnd;
    }
  }

 private:
  const Network& network_;
  std::vector<std::string> labels_;  // csv_field of each node's label
};

void put_table(const Network& network, const Analysis& analysis, CsvTable table, PieceSink& sink,
               unsigned threads) {
  if (table == CsvTable::kNodes) {
    const NodeRows rows(network, analysis);
    put_pieces(sink, rows.count(), threads,
               [&](std::size_t k, TextBuffer& text) { rows.format(k, text); });
  } else {
    const EdgeRows rows(network);
    put_pieces(sink, rows.count(), threads,
               [&](std::size_t k, TextBuffer& text) { rows.format(k, text); });
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
               std::string* err, unsigned threads) {
  if (!check_network(network, analysis, err)) return false;
  StreamPieces sink(out);
  put_table(network, analysis, table, sink, threads);
  if (!out) {
    *err =
        table == CsvTable::kNodes ? "cannot write the node table" : "cannot write the edge table";
    return false;
  }
  return true;
}

bool write_csv(const Network& network, const Analysis& analysis, CsvTable table,
               const std::string& path, std::string* err, unsigned threads) {
  // Validate before creating the temporary file, so an invalid network touches nothing.
  if (!check_network(network, analysis, err)) return false;
  return write_atomically_in_pieces(
      path,
      [&](PieceSink& sink, std::string*) {
        put_table(network, analysis, table, sink, threads);
        return true;
      },
      err);
}

bool write_nodes_csv(const Network& network, const Analysis& analysis, const std::string& path,
                     std::string* err, unsigned threads) {
  return write_csv(network, analysis, CsvTable::kNodes, path, err, threads);
}

bool write_edges_csv(const Network& network, const Analysis& analysis, const std::string& path,
                     std::string* err, unsigned threads) {
  return write_csv(network, analysis, CsvTable::kEdges, path, err, threads);
}

}  // namespace citenet
