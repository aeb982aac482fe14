#include "render/graphml.h"

#include <charconv>
#include <cmath>
#include <unordered_set>
#include <vector>

#include "render/atomic_file.h"
#include "render/escape.h"

namespace citenet {
namespace {

// Shortest text that reads back as the same double. Non-finite values use the spellings that
// both Java's Double.parseDouble (Gephi) and Python's float() accept.
std::string format_double(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

struct NodeMetric {
  const char* name;
  const std::vector<double>* values;
};

bool check(const Network& network, const Analysis& analysis, std::string* err) {
  const std::size_t n = network.nodes.size();
  const std::pair<const char*, std::size_t> sizes[] = {
      {"degree", analysis.degree.size()},
      {"weighted_degree", analysis.weighted_degree.size()},
      {"betweenness", analysis.betweenness.size()},
      {"component", analysis.component.size()},
      {"community", analysis.communities.community.size()},
  };
  for (const auto& [name, size] : sizes) {
    if (size != 0 && size != n) {
      *err = "analysis does not match the network: " + std::string(name) + " has " +
             std::to_string(size) + " values for " + std::to_string(n) + " nodes";
      return false;
    }
  }
  std::unordered_set<std::uint64_t> pairs;
  pairs.reserve(network.edges.size());
  for (const WeightedEdge& edge : network.edges) {
    const std::string name = std::to_string(edge.source) + " -- " + std::to_string(edge.target);
    if (edge.source >= n || edge.target >= n) {
      *err = "edge " + name + " refers to a node beyond the " + std::to_string(n) + " nodes";
      return false;
    }
    // An undirected pair written twice would be a parallel edge in Gephi (doubled weight).
    const std::uint64_t low = std::min(edge.source, edge.target);
    const std::uint64_t high = std::max(edge.source, edge.target);
    if (!pairs.insert(low << 32 | high).second) {
      *err = "edge " + name + " appears twice; each undirected pair must be written once";
      return false;
    }
  }
  return true;
}

}  // namespace

bool write_graphml(const Network& network, const Analysis& analysis, std::ostream& out,
                   std::string* err) {
  if (!check(network, analysis, err)) return false;
  const bool has_component = !analysis.component.empty();
  const bool has_community = !analysis.communities.community.empty();
  const NodeMetric metrics[] = {
      {"degree", &analysis.degree},
      {"weighted_degree", &analysis.weighted_degree},
      {"betweenness", &analysis.betweenness},
  };

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
         " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
         " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
         " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  const auto key = [&](const char* name, const char* domain, const char* type) {
    out << "  <key id=\"" << name << "\" for=\"" << domain << "\" attr.name=\"" << name
        << "\" attr.type=\"" << type << "\"/>\n";
  };
  key("label", "node", "string");
  key("papers", "node", "int");
  key("citations", "node", "int");
  key("first_year", "node", "int");
  key("last_year", "node", "int");
  for (const NodeMetric& metric : metrics) {
    if (!metric.values->empty()) key(metric.name, "node", "double");
  }
  if (has_component) key("component", "node", "int");
  if (has_community) key("community", "node", "int");
  key("weight", "edge", "double");

  const std::string graph_id = network.kind.empty() ? "network" : network.kind;
  out << "  <graph id=\"" << xml_escape(graph_id) << "\" edgedefault=\"undirected\">\n";
  const auto data = [&](const char* name, const std::string& value) {
    out << "      <data key=\"" << name << "\">" << value << "</data>\n";
  };
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    const NodeAttributes& node = network.nodes[i];
    out << "    <node id=\"n" << i << "\">\n";
    data("label", xml_escape(node.label));
    data("papers", std::to_string(node.papers));
    data("citations", std::to_string(node.citations));
    // 0 means "no record had a year": leave the value missing rather than claim year 0.
    if (node.first_year != 0) data("first_year", std::to_string(node.first_year));
    if (node.last_year != 0) data("last_year", std::to_string(node.last_year));
    for (const NodeMetric& metric : metrics) {
      if (!metric.values->empty()) data(metric.name, format_double((*metric.values)[i]));
    }
    if (has_component) data("component", std::to_string(analysis.component[i]));
    if (has_community) data("community", std::to_string(analysis.communities.community[i]));
    out << "    </node>\n";
  }
  for (std::size_t i = 0; i < network.edges.size(); ++i) {
    const WeightedEdge& edge = network.edges[i];
    out << "    <edge id=\"e" << i << "\" source=\"n" << edge.source << "\" target=\"n"
        << edge.target << "\">\n";
    data("weight", format_double(edge.weight));
    out << "    </edge>\n";
  }
  out << "  </graph>\n</graphml>\n";
  if (!out) {
    *err = "cannot write the GraphML document";
    return false;
  }
  return true;
}

bool write_graphml(const Network& network, const Analysis& analysis, const std::string& path,
                   std::string* err) {
  // Validate before creating the temporary file, so an invalid network touches nothing.
  if (!check(network, analysis, err)) return false;
  return write_atomically(
      path,
      [&](std::ostream& out, std::string* body_err) {
        return write_graphml(network, analysis, out, body_err);
      },
      err);
}

}  // namespace citenet
