#include "render/graph_json.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "render/atomic_file.h"
#include "render/node_columns.h"

namespace citenet {
namespace {

using Json = nlohmann::ordered_json;  // keys in the order written, as documented

Json metadata(const Network& network, const Analysis& analysis) {
  Json graph = Json::object();
  graph["kind"] = network.kind;
  graph["node_noun"] = network.node_noun;
  graph["seed"] = analysis.seed;
  graph["resolution"] = analysis.resolution;
  if (!analysis.communities.community.empty()) {
    if (analysis.method != CommunityMethod::none) {
      graph["community_method"] = community_method_name(analysis.method);
    }
    graph["modularity"] = analysis.communities.modularity;
    graph["communities"] = analysis.communities.count;
  }
  if (!analysis.component.empty()) graph["components"] = analysis.component_count;
  return graph;
}

// The label and node columns of node `i`, added to `object`.
void add_node_values(const Network& network, const std::vector<NodeColumn>& columns, std::size_t i,
                     Json* object) {
  (*object)["label"] = network.nodes[i].label;
  for (const NodeColumn& column : columns) {
    const std::optional<double> value = column.value(i);
    if (!value) continue;
    if (column.type == ColumnType::kInteger) {
      (*object)[column.name] = static_cast<std::int64_t>(*value);
    } else {
      (*object)[column.name] = *value;  // NaN and infinities are dumped as null
    }
  }
}

Json node_link(const Network& network, const Analysis& analysis) {
  const std::vector<NodeColumn> columns = node_columns(network, analysis);
  Json doc = Json::object();
  doc["directed"] = network.directed;
  doc["multigraph"] = false;
  doc["graph"] = metadata(network, analysis);
  Json& nodes = doc["nodes"] = Json::array();
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    Json node = Json::object();
    node["id"] = i;
    add_node_values(network, columns, i, &node);
    nodes.push_back(std::move(node));
  }
  Json& links = doc["links"] = Json::array();
  for (const WeightedEdge edge : network.links()) {
    links.push_back(
        Json{{"source", edge.source}, {"target", edge.target}, {"weight", edge.weight}});
  }
  return doc;
}

Json cytoscape(const Network& network, const Analysis& analysis) {
  const std::vector<NodeColumn> columns = node_columns(network, analysis);
  Json doc = Json::object();
  doc["format_version"] = "1.0";
  doc["generated_by"] = "citenet";
  doc["target_cytoscapejs_version"] = "~2.1";
  doc["data"] = metadata(network, analysis);
  Json& elements = doc["elements"] = Json::object();
  Json& nodes = elements["nodes"] = Json::array();
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    Json data = Json::object();
    data["id"] = "n" + std::to_string(i);
    add_node_values(network, columns, i, &data);
    nodes.push_back(Json{{"data", std::move(data)}});
  }
  Json& edges = elements["edges"] = Json::array();
  const Links links = network.links();
  for (auto it = links.begin(); it != links.end(); ++it) {
    const WeightedEdge edge = *it;
    Json data = Json::object();
    data["id"] = "e" + std::to_string(it.index());
    data["source"] = "n" + std::to_string(edge.source);
    data["target"] = "n" + std::to_string(edge.target);
    data["weight"] = edge.weight;
    edges.push_back(Json{{"data", std::move(data)}});
  }
  return doc;
}

}  // namespace

bool write_graph_json(const Network& network, const Analysis& analysis, JsonStyle style,
                      std::ostream& out, std::string* err) {
  if (!check_network(network, analysis, err)) return false;
  const Json doc =
      style == JsonStyle::kNodeLink ? node_link(network, analysis) : cytoscape(network, analysis);
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
  if (!out) {
    *err = "cannot write the JSON document";
    return false;
  }
  return true;
}

bool write_graph_json(const Network& network, const Analysis& analysis, JsonStyle style,
                      const std::string& path, std::string* err) {
  if (!check_network(network, analysis, err)) return false;
  return write_atomically(
      path,
      [&](std::ostream& out, std::string* body_err) {
        return write_graph_json(network, analysis, style, out, body_err);
      },
      err);
}

}  // namespace citenet
