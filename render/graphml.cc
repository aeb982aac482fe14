#include "render/graphml.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <exception>
#include <optional>
#include <thread>
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
  // Most weights are small whole counts. std::to_chars writes a double of five digits or
  // fewer as its integer (the fixed form is never longer than the exponent form there), and
  // formatting it as one costs a fraction of the shortest round-trip search.
  if (edge.weight >= 1 && edge.weight < 1e5 &&
      edge.weight == static_cast<double>(static_cast<std::uint32_t>(edge.weight))) {
    at = std::to_chars(at, at + 8, static_cast<std::uint32_t>(edge.weight)).ptr;
  } else if (std::isfinite(edge.weight)) {
    at = std::to_chars(at, at + 32, edge.weight).ptr;
  } else {
    const std::string text = shortest_double(edge.weight);  // "NaN", "Infinity", "-Infinity"
    at = std::copy(text.begin(), text.end(), at);
  }
  return put(at, "</data></edge>\n");
}

// The edge section and the document's end, as numbered pieces: what a GraphML file holds
// that does not depend on the analysis, so it can be written before the analysis is done.
class EdgePieces {
 public:
  explicit EdgePieces(const Network& network)
      : network_(network),
        edge_pieces_((network.links().size() + kEdgesPerPiece - 1) / kEdgesPerPiece) {}

  std::size_t count() const { return edge_pieces_ + 1; }

  void format(std::size_t k, TextBuffer& out) const {
    if (k == edge_pieces_) {
      out += "  </graph>\n</graphml>\n";
      return;
    }
    const std::size_t first = k * kEdgesPerPiece;
    edges(first, std::min(network_.links().size(), first + kEdgesPerPiece), out);
  }

 private:
  // One line per edge and no edge ids (optional in GraphML; Gephi, networkx and igraph number
  // edges themselves): a million records give tens of millions of edges. The weight is on
  // every edge, not left to a <default>, which networkx ignores for edges.
  void edges(std::size_t first, std::size_t last, TextBuffer& out) const {
    const Links links = network_.links();
    for (auto it = links.from(first); it.index() < last; ++it) {
      char* at = out.room(kMaxEdgeLine);
      out.commit(edge_line(*it, at));
    }
  }

  const Network& network_;
  const std::size_t edge_pieces_;
};

// The head (declaration, keys, <graph>) and the nodes with their analysis values, as numbered
// pieces: the head, then chunks of nodes.
class NodePieces {
 public:
  NodePieces(const Network& network, const Analysis& analysis)
      : network_(network),
        analysis_(analysis),
        columns_(node_columns(network, analysis)),
        node_pieces_((network.nodes.size() + kNodesPerPiece - 1) / kNodesPerPiece) {
    for (const NodeColumn& column : columns_)
      data_open_.push_back("      <data key=\"" + column.name + "\">");
  }

  std::size_t count() const { return 1 + node_pieces_; }

  void format(std::size_t k, TextBuffer& out) const {
    if (k == 0) return head(out);
    const std::size_t first = (k - 1) * kNodesPerPiece;
    nodes(first, std::min(network_.nodes.size(), first + kNodesPerPiece), out);
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

  const Network& network_;
  const Analysis& analysis_;
  const std::vector<NodeColumn> columns_;
  std::vector<std::string> data_open_;  // "      <data key=\"papers\">" per column
  const std::size_t node_pieces_;
};

void put_document(const Network& network, const Analysis& analysis, PieceSink& sink,
                  unsigned threads) {
  const NodePieces front(network, analysis);
  const EdgePieces back(network);
  put_pieces(sink, front.count() + back.count(), threads, [&](std::size_t k, TextBuffer& text) {
    if (k < front.count())
      front.format(k, text);
    else
      back.format(k - front.count(), text);
  });
}

// More than the head and nodes can take whatever the analysis holds: the head's fixed text and
// keys, and per node its id, escaped label (at most 6 bytes per byte: "&quot;") and every
// column there is, each at the widest value (24 characters) under a name of up to 32.
std::uint64_t front_bound(const Network& network) {
  const std::uint64_t columns = 4 + 1 + all_metrics().size() + 2;
  const std::uint64_t per_column = 17 + 32 + 2 + 24 + 8;
  std::uint64_t bound = 64 << 10;
  for (const NodeAttributes& node : network.nodes)
    bound += 80 + 6 * node.label.size() + columns * per_column;
  return bound + 6 * network.kind.size();
}

}  // namespace

struct GraphmlEdgesAhead::Parts {
  std::unique_ptr<BackFirstFile> file;
  std::thread writer;
  std::exception_ptr failure;
  double seconds = 0;  // the writer's, set before it ends
};

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

std::unique_ptr<GraphmlEdgesAhead> GraphmlEdgesAhead::start(const Network& network,
                                                            const std::string& path,
                                                            unsigned threads,
                                                            std::size_t min_edges) {
  if (network.links().size() < min_edges) return {};
  auto parts = std::make_unique<Parts>();
  parts->file = BackFirstFile::create(path, front_bound(network));
  if (!parts->file) return {};
  std::unique_ptr<GraphmlEdgesAhead> ahead(
      new GraphmlEdgesAhead(network, path, threads, std::move(parts)));
  Parts& p = *ahead->parts_;
  p.writer = std::thread([&p, &network, threads] {
    const auto start = std::chrono::steady_clock::now();
    try {
      const EdgePieces back(network);
      p.file->write_back([&](PieceSink& sink) {
        put_pieces(sink, back.count(), threads,
                   [&](std::size_t k, TextBuffer& text) { back.format(k, text); });
      });
    } catch (...) {
      p.failure = std::current_exception();
    }
    p.seconds = seconds_since(start);
  });
  return ahead;
}

GraphmlEdgesAhead::GraphmlEdgesAhead(const Network& network, std::string path, unsigned threads,
                                     std::unique_ptr<Parts> parts)
    : network_(network), path_(std::move(path)), threads_(threads), parts_(std::move(parts)) {}

GraphmlEdgesAhead::~GraphmlEdgesAhead() {
  if (parts_->writer.joinable()) parts_->writer.join();
}

bool GraphmlEdgesAhead::finish(const Analysis& analysis, std::string* err) {
  const auto wait_start = std::chrono::steady_clock::now();
  parts_->writer.join();
  waited_seconds_ = seconds_since(wait_start);
  edge_seconds_ = parts_->seconds;
  if (parts_->failure) std::rethrow_exception(parts_->failure);
  if (!check_network(network_, analysis, err)) {
    parts_->file.reset();  // the temporary file goes now, not when the writer does
    return false;
  }
  const NodePieces front(network_, analysis);
  const BackFirstFile::Outcome outcome = parts_->file->write_front_and_commit(
      [&](PieceSink& sink) {
        put_pieces(sink, front.count(), threads_,
                   [&](std::size_t k, TextBuffer& text) { front.format(k, text); });
      },
      err);
  parts_->file.reset();
  // Not expected (front_bound is generous), but then the file is written the usual way.
  if (outcome == BackFirstFile::Outcome::kFrontTooLong)
    return write_graphml(network_, analysis, path_, err, threads_);
  return outcome == BackFirstFile::Outcome::kWritten;
}

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
