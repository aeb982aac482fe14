// Loads the reference fixtures of tests/data/graphs (made by make_fixtures.py from networkx
// and python-igraph) and builds the small hand-drawn graphs the tests share.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "graph/network.h"

namespace citenet::testing {

inline std::string fixture_path(const std::string& name) {
  return std::string(CITENET_TEST_DATA) + "/graphs/" + name;
}

inline std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');) fields.push_back(field);
  return fields;
}

// Rows of a numeric CSV file after its header line.
inline std::vector<std::vector<std::string>> read_csv(const std::string& name) {
  std::ifstream in(fixture_path(name));
  EXPECT_TRUE(in) << "cannot open " << fixture_path(name);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty()) rows.push_back(split_csv_line(line));
  }
  return rows;
}

// `key value` lines of NAME.reference.txt; '#' starts a comment line.
inline std::map<std::string, double> read_reference(const std::string& graph) {
  std::ifstream in(fixture_path(graph + ".reference.txt"));
  EXPECT_TRUE(in) << "cannot open " << fixture_path(graph + ".reference.txt");
  std::map<std::string, double> values;
  std::string key;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::stringstream fields(line);
    double value = 0;
    fields >> key >> value;
    values[key] = value;
  }
  return values;
}

struct MetricsFixture {
  std::vector<double> degree, weighted_degree, betweenness;
};

inline Graph load_graph(const std::string& graph) {
  const auto reference = read_reference(graph);
  std::vector<WeightedEdge> edges;
  for (const auto& row : read_csv(graph + ".edges.csv")) {
    edges.push_back({static_cast<std::uint32_t>(std::stoul(row.at(0))),
                     static_cast<std::uint32_t>(std::stoul(row.at(1))), std::stod(row.at(2))});
  }
  return make_graph(static_cast<std::size_t>(reference.at("nodes")), edges);
}

inline MetricsFixture load_metrics(const std::string& graph) {
  MetricsFixture m;
  for (const auto& row : read_csv(graph + ".metrics.csv")) {
    m.degree.push_back(std::stod(row.at(1)));
    m.weighted_degree.push_back(std::stod(row.at(2)));
    m.betweenness.push_back(std::stod(row.at(3)));
  }
  return m;
}

// The networkx Louvain partition (seed 42, gamma 1): last column of NAME.nodes.csv; the name
// column before it may hold quoted commas, so it is not split.
inline std::vector<std::uint32_t> load_reference_partition(const std::string& graph) {
  std::ifstream in(fixture_path(graph + ".nodes.csv"));
  EXPECT_TRUE(in);
  std::vector<std::uint32_t> community;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    community.push_back(static_cast<std::uint32_t>(std::stoul(line.substr(line.rfind(',') + 1))));
  }
  return community;
}

inline Graph graph_of(std::size_t node_count,
                      const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                      double weight = 1.0) {
  std::vector<WeightedEdge> edges;
  for (const auto& [u, v] : pairs) edges.push_back({u, v, weight});
  return make_graph(node_count, edges);
}

// Two triangles joined by the bridge 2-3:
//
//   0           4
//   | \       / |
//   |  2 --- 3  |
//   | /       \ |
//   1           5
//
// Betweenness: 2 and 3 each lie on the only shortest path of 2 x 3 = 6 pairs, so
// 6 * 2 / ((n-1)(n-2)) = 6 * 2 / 20 = 0.6; the corners lie on none.
// Modularity of {0,1,2},{3,4,5}: m = 7, each side holds 3 edges and strength 7, so
// Q = 2 * (3/7 - (7/14)^2) = 6/7 - 1/2 = 5/14.
inline Graph two_triangles() {
  return graph_of(6, {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}, {3, 5}, {4, 5}});
}

}  // namespace citenet::testing
