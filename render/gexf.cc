#include "render/gexf.h"

#include <cmath>
#include <cstdio>

#include "render/atomic_file.h"
#include "render/escape.h"
#include "render/graphviz_map.h"

namespace citenet {
namespace {

const char* gexf_type(ColumnType type) {
  return type == ColumnType::kInteger ? "integer" : "double";
}

// Weights and positions are XSD doubles/floats in the schema, which has no spelling that Gephi
// (Java) also reads for NaN or infinity: refuse them rather than write an unreadable file.
bool check(const Network& network, const Analysis& analysis,
           const std::vector<NodePosition>& positions, std::string* err) {
  if (!check_network(network, analysis, err, positions)) return false;
  for (const WeightedEdge edge : network.links()) {
    if (!std::isfinite(edge.weight)) {
      *err = "edge " + std::to_string(edge.source) + " -- " + std::to_string(edge.target) +
             " has a non-finite weight";
      return false;
    }
  }
  return true;
}

// "r=\"119\" g=\"170\" b=\"221\"" from "#77AADD".
std::string rgb_attributes(const char* hex) {
  unsigned r = 0, g = 0, b = 0;
  std::sscanf(hex, "#%2x%2x%2x", &r, &g, &b);
  return "r=\"" + std::to_string(r) + "\" g=\"" + std::to_string(g) + "\" b=\"" +
         std::to_string(b) + "\"";
}

}  // namespace

bool write_gexf(const Network& network, const Analysis& analysis, std::ostream& out,
                std::string* err, const std::vector<NodePosition>& positions) {
  if (!check(network, analysis, positions, err)) return false;
  const std::vector<NodeColumn> columns = node_columns(network, analysis);
  const bool has_community = !analysis.communities.community.empty();
  const std::string kind = network.kind.empty() ? "network" : network.kind;

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         // No xsi:schemaLocation: the normative RELAX NG schema does not allow it.
         "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
         " version=\"1.3\">\n"
         "  <meta>\n"
         "    <creator>citenet</creator>\n"
      << "    <description>" << xml_escape(provenance(network, analysis)) << "</description>\n"
      << "  </meta>\n"
      << "  <graph defaultedgetype=\"" << (network.directed ? "directed" : "undirected")
      << "\" idtype=\"string\" mode=\"static\">\n"
         "    <attributes class=\"node\">\n";
  for (const NodeColumn& column : columns) {
    out << "      <attribute id=\"" << column.name << "\" title=\"" << column.name << "\" type=\""
        << gexf_type(column.type) << "\"/>\n";
  }
  out << "    </attributes>\n"
         "    <nodes count=\""
      << network.nodes.size() << "\">\n";
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    const NodeAttributes& node = network.nodes[i];
    out << "      <node id=\"n" << i << "\" label=\"" << xml_escape(node.label) << "\">\n"
        << "        <attvalues>\n";
    for (const NodeColumn& column : columns) {
      const std::optional<double> value = column.value(i);
      if (!value) continue;
      out << "          <attvalue for=\"" << column.name << "\" value=\""
          << format_column_value(column.type, *value) << "\"/>\n";
    }
    out << "        </attvalues>\n";
    if (has_community) {
      out << "        <viz:color "
          << rgb_attributes(community_colour(analysis.communities.community[i])) << "/>\n";
    }
    if (!positions.empty()) {
      out << "        <viz:position x=\"" << shortest_double(positions[i].x) << "\" y=\""
          << shortest_double(positions[i].y) << "\"/>\n";
    }
    out << "        <viz:size value=\"" << node.papers << "\"/>\n"
        << "      </node>\n";
  }
  out << "    </nodes>\n"
         "    <edges count=\""
      << network.links().size() << "\">\n";
  const Links links = network.links();
  for (auto it = links.begin(); it != links.end(); ++it) {
    const WeightedEdge edge = *it;
    out << "      <edge id=\"e" << it.index() << "\" source=\"n" << edge.source << "\" target=\"n"
        << edge.target << "\" weight=\"" << shortest_double(edge.weight) << "\"/>\n";
  }
  out << "    </edges>\n"
         "  </graph>\n"
         "</gexf>\n";
  if (!out) {
    *err = "cannot write the GEXF document";
    return false;
  }
  return true;
}

bool write_gexf(const Network& network, const Analysis& analysis, const std::string& path,
                std::string* err, const std::vector<NodePosition>& positions) {
  if (!check(network, analysis, positions, err)) return false;
  return write_atomically(
      path,
      [&](std::ostream& out, std::string* body_err) {
        return write_gexf(network, analysis, out, body_err, positions);
      },
      err);
}

}  // namespace citenet
