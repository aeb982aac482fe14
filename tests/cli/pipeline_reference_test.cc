// The whole library pipeline (reader -> corpus -> network -> analysis) on the real listing,
// checked against metrics networkx and igraph computed on the same co-authorship network
// (tests/data/graphs/make_listing_fixture.py says how the fixture was made).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "formats/input.h"
#include "graph/analysis.h"
#include "graph/build.h"

namespace citenet {
namespace {

const std::string kGraphs = std::string(CITENET_TEST_DATA) + "/graphs/";

struct Expected {
  double degree, weighted_degree, betweenness, closeness, eigenvector, pagerank, clustering, core;
};

std::map<std::string, Expected> read_metrics(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header
  std::map<std::string, Expected> metrics;
  while (std::getline(in, line)) {
    // Labels hold no commas in this corpus; the last three fields are numbers.
    std::vector<std::string> f;
    std::stringstream s(line);
    for (std::string part; std::getline(s, part, ',');) f.push_back(part);
    metrics[f[0]] = {std::stod(f[1]), std::stod(f[2]), std::stod(f[3]), std::stod(f[4]),
                     std::stod(f[5]), std::stod(f[6]), std::stod(f[7]), std::stod(f[8])};
  }
  return metrics;
}

std::map<std::string, double> read_reference(const std::string& path) {
  std::ifstream in(path);
  std::map<std::string, double> values;
  std::string key;
  double value;
  while (in >> key >> value) values[key] = value;
  return values;
}

Network listing_network(NetworkKind kind) {
  CorpusBuilder builder;
  ReadStats stats;
  std::string error;
  EXPECT_TRUE(read_input(
      std::string(CITENET_SAMPLES) + "/integrated-care-listing.txt",
      [&](Record&& r) { builder.add(r); }, stats, &error))
      << error;
  EXPECT_EQ(stats.records_read, 15u);
  return build_network(builder.finish(), {kind});
}

TEST(PipelineReference, ListingCoauthorMetricsMatchNetworkx) {
  const Network network = listing_network(NetworkKind::coauthor);
  const Analysis analysis = analyse(network, {});
  const auto expected = read_metrics(kGraphs + "listing_coauthor.metrics.csv");
  const auto reference = read_reference(kGraphs + "listing_coauthor.reference.txt");
  ASSERT_EQ(network.nodes.size(), reference.at("nodes"));
  ASSERT_EQ(network.links().size(), reference.at("edges"));
  EXPECT_EQ(analysis.component_count, reference.at("components"));
  ASSERT_EQ(expected.size(), network.nodes.size());
  for (std::size_t v = 0; v < network.nodes.size(); ++v) {
    const auto it = expected.find(network.nodes[v].label);
    ASSERT_NE(it, expected.end()) << network.nodes[v].label;
    EXPECT_NEAR(analysis.degree[v], it->second.degree, 1e-9) << it->first;
    EXPECT_NEAR(analysis.weighted_degree[v], it->second.weighted_degree, 1e-9) << it->first;
    EXPECT_NEAR(analysis.betweenness[v], it->second.betweenness, 1e-9) << it->first;
    EXPECT_NEAR(analysis.closeness[v], it->second.closeness, 1e-9) << it->first;
    EXPECT_NEAR(analysis.eigenvector[v], it->second.eigenvector, 1e-9) << it->first;
    EXPECT_NEAR(analysis.pagerank[v], it->second.pagerank, 1e-9) << it->first;
    EXPECT_NEAR(analysis.clustering[v], it->second.clustering, 1e-9) << it->first;
    EXPECT_EQ(analysis.core[v], it->second.core) << it->first;
  }
  const double best =
      std::max(reference.at("modularity_networkx_best"), reference.at("modularity_igraph_best"));
  EXPECT_GE(analysis.communities.modularity, 0.99 * best);
}

// The affiliation map's promise: one node for LSHTM however it is spelt.
TEST(PipelineReference, ListingInstitutionsMergeSpellings) {
  const Network network = listing_network(NetworkKind::institution);
  int lshtm = 0;
  for (const NodeAttributes& node : network.nodes)
    if (node.label.find("London School of Hygiene") != std::string::npos) {
      ++lshtm;
      EXPECT_EQ(node.papers, 5u);  // records 1, 3, 8, 11 and 14
    }
  EXPECT_EQ(lshtm, 1);
}

}  // namespace
}  // namespace citenet
