#include "render/graphml.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

#include "graph/parallel.h"
#include "render/atomic_file.h"
#include "render/escape.h"
#include "render/node_columns.h"
#include "render/out_buffer.h"

namespace citenet {
namespace {

// Pieces of about 3 and 5 MB of text: large enough that placing a piece in order costs
// nothing, small enough that each thread holds little.
constexpr std::size_t kNodesPerPiece = 1 << 13;
constexpr std::size_t kEdgesPerPiece = 1 << 16;

// Copies a string literal (without its terminating zero) to `at`; returns the end.
template <std::size_t N>
char* put(char* at, const char (&text)[N]) {
  std::memcpy(at, text, N - 1);
  return at + N - 1;
}

// The room an edge line can take: the fixed text (66 bytes), two ids of up to 10 digits, a
// weight of up to 24 characters ("-2.2250738585072014e-308"), with some to spare.
constexpr std::size_t kMaxEdgeLine = 128;

// Writes the line of `edge` at `at` (kMaxEdgeLine bytes of room); returns its end.
char* edge_line(const WeightedEdge& edge, char* at) {
  at = put(at, "    <edge source=\"n");
  at = std::to_chars(at, at + 10, edge.source).ptr;
  at = put(at, "\" target=\"n");
  at = std::to_chars(at, at + 10, edge.target).ptr;
  at = put(at, "\"><data key=\"weight\">");
  if (std::isfinite(edge.weight)) {
    at = std::to_chars(at, at + 32, edge.weight).ptr;
  } else {
    const std::string text = shortest_double(edge.weight);  // "NaN", "Infinity", "-Infinity"
    at = std::copy(text.begin(), text.end(), at);
  }
  return put(at, "</data></edge>\n");
}

// The document as numbered pieces: the head (declaration, keys, <graph>), chunks of nodes,
// chunks of edges, the tail. Pieces are formatted on any thread and placed in order.
class GraphmlPieces {
 public:
  GraphmlPieces(const Network& network, const Analysis& analysis)
      : network_(network),
        analysis_(analysis),
        columns_(node_columns(network, analysis)),
        node_pieces_((network.nodes.size() + kNodesPerPiece - 1) / kNodesPerPiece),
        edge_pieces_((network.edges.size() + kEdgesPerPiece - 1) / kEdgesPerPiece) {
    for (const NodeColumn& column : columns_)
      data_open_.push_back("      <data key=\"" + column.name + "\">");
  }

  std::size_t count() const { return 1 + node_pieces_ + edge_pieces_ + 1; }

  void format(std::size_t k, TextBuffer& out) const {
    if (k == 0) return head(out);
    if (k <= node_pieces_) {
      const std::size_t first = (k - 1) * kNodesPerPiece;
      return nodes(first, std::min(network_.nodes.size(), first + kNodesPerPiece), out);
    }
    if (k <= node_pieces_ + edge_pieces_) {
      const std::size_t first = (k - 1 - node_pieces_) * kEdgesPerPiece;
      return edges(first, std::min(network_.edges.size(), first + kEdgesPerPiece), out);
    }
    out += "  </graph>\n</graphml>\n";
  }

 private:
  void head(TextBuffer& out) const {
    out +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
        " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    // "--" may not appear in a comment; kinds and method names never hold it.
    out += "  <!-- citenet: " + xml_escape(provenance(network_, analysis_)) + " -->\n";
    // Key ids are the attribute names (Gephi matches by id first; never d0-style ids).
    const auto key = [&](const std::string& name, const char* domain, const char* type) {
      out += "  <key id=\"" + name + "\" for=\"" + domain + "\" attr.name=\"" + name +
             "\" attr.type=\"" + type + "\"/>\n";
    };
    key("label", "node", "string");
    for (const NodeColumn& column : columns_)
      key(column.name, "node", column.type == ColumnType::kInteger ? "int" : "double");
    key("weight", "edge", "double");
    const std::string graph_id = network_.kind.empty() ? "network" : network_.kind;
    out += "  <graph id=\"" + xml_escape(graph_id) + "\" edgedefault=\"" +
           (network_.directed ? "directed" : "undirected") + "\">\n";
  }

  void nodes(std::size_t first, std::size_t last, TextBuffer& out) const {
    for (std::size_t i = first; i < last; ++i) {
      out += "    <node id=\"n";
      append_number(out, i);
      out += "\">\n      <data key=\"label\">";
      out += xml_escape(network_.nodes[i].label);
      out += "</data>\n";
      // An unknown value (a year of 0) is left missing rather than claimed.
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (const std::optional<double> value = columns_[c].value(i)) {
          out += data_open_[c];
          append_column_value(out, columns_[c].type, *value);
          out += "</data>\n";
        }
      }
      out += "    </node>\n";
    }
  }

  // One line per edge and no edge ids (optional in GraphML; Gephi, networkx and igraph number
  // edges themselves): a million records give tens of millions of edges. The weight is on
  // every edge, not left to a <default>, which networkx ignores for edges.
  void edges(std::size_t first, std::size_t last, TextBuffer& out) const {
    for (std::size_t e = first; e < last; ++e) {
      char* at = out.room(kMaxEdgeLine);
      out.commit(edge_line(network_.edges[e], at));
    }
  }

  const Network& network_;
  const Analysis& analysis_;
  const std::vector<NodeColumn> columns_;
  std::vector<std::string> data_open_;  // "      <data key=\"papers\">" per column
  const std::size_t node_pieces_;
  const std::size_t edge_pieces_;
};

void put_document(const Network& network, const Analysis& analysis, PieceSink& sink,
                  unsigned threads) {
  const GraphmlPieces pieces(network, analysis);
  put_pieces(sink, pieces.count(), threads,
             [&](std::size_t k, TextBuffer& text) { pieces.format(k, text); });
}

}  // namespace

bool write_graphml(const Network& network, const Analysis& analysis, std::ostream& stream,
                   std::string* err, unsigned threads) {
  if (!check_network(network, analysis, err)) return false;
  StreamPieces sink(stream);
  put_document(network, analysis, sink, threads);
  stream.flush();
  if (!stream) {
    *err = "cannot write the GraphML document";
    return false;
  }
  return true;
}

bool write_graphml(const Network& network, const Analysis& analysis, const std::string& path,
                   std::string* err, unsigned threads) {
  // Validate before creating the temporary file, so an invalid network touches nothing.
  if (!check_network(network, analysis, err)) return false;
  return write_atomically_in_pieces(
      path,
      [&](PieceSink& sink, std::string*) {
        put_document(network, analysis, sink, threads);
        return true;
      },
      err);
}

}  // namespace citenet
