#include "render/vosviewer.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "render/atomic_file.h"
#include "render/escape.h"

namespace citenet {
namespace {

constexpr std::uint32_t kMaxCluster = 1000;  // VOSviewer clusters are 1..1000

// Weight columns in the order VOSviewer's own map files use; other weights follow, then scores.
constexpr std::array<std::string_view, 4> kWeightOrder = {
    "weight<Links>", "weight<Total link strength>", "weight<Documents>", "weight<Citations>"};

std::size_t rank(const NodeColumn& column) {
  const auto known = std::find(kWeightOrder.begin(), kWeightOrder.end(), column.vosviewer);
  if (known != kWeightOrder.end()) return known - kWeightOrder.begin();
  return column.vosviewer.starts_with("weight<") ? kWeightOrder.size() : kWeightOrder.size() + 1;
}

// The node columns VOSviewer gets: those with a VOSviewer header and a value for every node.
std::vector<NodeColumn> map_columns(const Network& network, const Analysis& analysis) {
  std::vector<NodeColumn> columns;
  for (NodeColumn& column : node_columns(network, analysis)) {
    if (column.vosviewer.empty()) continue;
    bool complete = true;
    for (std::size_t i = 0; i < network.nodes.size() && complete; ++i) {
      complete = column.value(i).has_value();
    }
    if (complete) columns.push_back(std::move(column));
  }
  std::stable_sort(columns.begin(), columns.end(),
                   [](const NodeColumn& a, const NodeColumn& b) { return rank(a) < rank(b); });
  return columns;
}

bool check_strengths(const Network& network, std::string* err) {
  for (const WeightedEdge edge : network.links()) {
    if (!(std::isfinite(edge.weight) && edge.weight > 0)) {
      *err = "edge " + std::to_string(edge.source) + " -- " + std::to_string(edge.target) +
             " has weight " + shortest_double(edge.weight) +
             "; VOSviewer link strengths must be positive";
      return false;
    }
  }
  return true;
}

}  // namespace

std::string vosviewer_label(std::string_view text) {
  std::string out = sanitize_utf8(text);
  for (char& c : out) {
    if (c == '"') c = '\'';
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  }
  if (out.find_first_of(",;") != std::string::npos) out = '"' + out + '"';
  return out;
}

bool write_vosviewer_map(const Network& network, const Analysis& analysis, std::ostream& out,
                         std::string* err, const std::vector<NodePosition>& positions) {
  if (!check_network(network, analysis, err, positions)) return false;
  const std::vector<NodeColumn> columns = map_columns(network, analysis);
  const bool has_cluster = !analysis.communities.community.empty();
  // The run that made the clusters goes in each item's description (HTML, shown with the
  // item), the one place a map file has for it.
  const std::string description =
      has_cluster ? vosviewer_label(xml_escape("Clusters: " + community_provenance(analysis))) : "";
  out << "id\tlabel";
  if (has_cluster) out << "\tdescription";
  if (!positions.empty()) out << "\tx\ty";
  if (has_cluster) out << "\tcluster";
  for (const NodeColumn& column : columns) out << '\t' << column.vosviewer;
  out << '\n';
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    out << i + 1 << '\t' << vosviewer_label(network.nodes[i].label);
    if (has_cluster) out << '\t' << description;
    if (!positions.empty()) {
      out << '\t' << shortest_double(positions[i].x) << '\t' << shortest_double(positions[i].y);
    }
    if (has_cluster) {
      const std::uint32_t community = analysis.communities.community[i];
      out << '\t' << (community < kMaxCluster ? community + 1 : kMaxCluster);
    }
    for (const NodeColumn& column : columns) {
      out << '\t' << format_column_value(column.type, *column.value(i));
    }
    out << '\n';
  }
  if (!out) {
    *err = "cannot write the VOSviewer map file";
    return false;
  }
  return true;
}

bool write_vosviewer_map(const Network& network, const Analysis& analysis, const std::string& path,
                         std::string* err, const std::vector<NodePosition>& positions) {
  if (!check_network(network, analysis, err, positions)) return false;
  return write_atomically(
      path,
      [&](std::ostream& out, std::string* body_err) {
        return write_vosviewer_map(network, analysis, out, body_err, positions);
      },
      err);
}

bool write_vosviewer_network(const Network& network, const Analysis& analysis, std::ostream& out,
                             std::string* err) {
  if (!check_network(network, analysis, err) || !check_strengths(network, err)) return false;
  for (const WeightedEdge edge : network.links()) {
    out << edge.source + 1 << '\t' << edge.target + 1 << '\t' << shortest_double(edge.weight)
        << '\n';
  }
  if (!out) {
    *err = "cannot write the VOSviewer network file";
    return false;
  }
  return true;
}

bool write_vosviewer_network(const Network& network, const Analysis& analysis,
                             const std::string& path, std::string* err) {
  if (!check_network(network, analysis, err) || !check_strengths(network, err)) return false;
  return write_atomically(
      path,
      [&](std::ostream& out, std::string* body_err) {
        return write_vosviewer_network(network, analysis, out, body_err);
      },
      err);
}

}  // namespace citenet
