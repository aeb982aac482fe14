#include "render/graphml.h"

#include <cmath>
#include <vector>

#include "graph/parallel.h"
#include "render/atomic_file.h"
#include "render/escape.h"
#include "render/node_columns.h"
#include "render/out_buffer.h"

namespace citenet {

bool write_graphml(const Network& network, const Analysis& analysis, std::ostream& stream,
                   std::string* err, unsigned threads) {
  if (!check_network(network, analysis, err)) return false;
  // Key ids are the attribute names (Gephi matches by id first; never d0-style ids).
  const std::vector<NodeColumn> columns = node_columns(network, analysis);
  OutBuffer out(stream);

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
         " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
         " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
         " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  // "--" may not appear in a comment; kinds and method names never hold it.
  out << "  <!-- citenet: " << xml_escape(provenance(network, analysis)) << " -->\n";
  const auto key = [&](const char* name, const char* domain, const char* type) {
    out << "  <key id=\"" << name << "\" for=\"" << domain << "\" attr.name=\"" << name
        << "\" attr.type=\"" << type << "\"/>\n";
  };
  key("label", "node", "string");
  for (const NodeColumn& column : columns)
    key(column.name.c_str(), "node", column.type == ColumnType::kInteger ? "int" : "double");
  key("weight", "edge", "double");

  const std::string graph_id = network.kind.empty() ? "network" : network.kind;
  out << "  <graph id=\"" << xml_escape(graph_id) << "\" edgedefault=\""
      << (network.directed ? "directed" : "undirected") << "\">\n";
  const auto data = [&](const char* name, const std::string& value) {
    out << "      <data key=\"" << name << "\">" << value << "</data>\n";
  };
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    const NodeAttributes& node = network.nodes[i];
    out << "    <node id=\"n" << i << "\">\n";
    data("label", xml_escape(node.label));
    // An unknown value (a year of 0) is left missing rather than claimed.
    for (const NodeColumn& column : columns)
      if (const auto value = column.value(i))
        data(column.name.c_str(), format_column_value(column.type, *value));
    out << "    </node>\n";
  }
  // One line per edge and no edge ids (optional in GraphML; Gephi, networkx and igraph
  // number edges themselves): a million records give tens of millions of edges. Edges are
  // formatted in fixed chunks on `threads` threads, a window of chunks at a time, and written
  // in order, so the bytes do not depend on the thread count.
  constexpr std::size_t kChunk = 1 << 16;  // about 5 MB of text
  const std::size_t chunks = (network.edges.size() + kChunk - 1) / kChunk;
  const std::size_t window = 2 * static_cast<std::size_t>(resolve_threads(threads));
  std::vector<std::string> text(std::min(chunks, window));
  for (std::size_t first = 0; first < chunks; first += window) {
    const std::size_t count = std::min(window, chunks - first);
    parallel_tasks(count, threads, [&](std::size_t k) {
      std::string& chunk = text[k];
      chunk.clear();
      const std::size_t begin = (first + k) * kChunk;
      const std::size_t end = std::min(network.edges.size(), begin + kChunk);
      for (std::size_t e = begin; e < end; ++e) {
        const WeightedEdge& edge = network.edges[e];
        chunk += "    <edge source=\"n";
        append_number(chunk, edge.source);
        chunk += "\" target=\"n";
        append_number(chunk, edge.target);
        chunk += "\"><data key=\"weight\">";
        if (std::isfinite(edge.weight))
          append_number(chunk, edge.weight);
        else
          chunk += shortest_double(edge.weight);
        chunk += "</data></edge>\n";
      }
    });
    for (std::size_t k = 0; k < count; ++k) out << text[k];
  }
  out << "  </graph>\n</graphml>\n";
  out.flush();
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
  return write_atomically(
      path,
      [&](std::ostream& out, std::string* body_err) {
        return write_graphml(network, analysis, out, body_err, threads);
      },
      err);
}

}  // namespace citenet
