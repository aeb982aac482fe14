#include "render/graph_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "render/escape.h"
#include "render_test_support.h"

namespace citenet {
namespace {

using testing::add_link;
using testing::hex_lines;
using testing::hostile_labels;
using testing::kPython;
using testing::python_has;
using testing::read_file;
using testing::run;
using testing::sample_analysis;
using testing::sample_network;
using testing::ScratchDir;
using testing::write_file;

std::string json(const Network& network, const Analysis& analysis, JsonStyle style) {
  std::ostringstream out;
  std::string err;
  EXPECT_TRUE(write_graph_json(network, analysis, style, out, &err)) << err;
  return out.str();
}

// Two authors: Ben has no year (left out), Ada a NaN betweenness (null); no components.
Network pair_network() {
  Network network;
  network.kind = "coauthor";
  network.node_noun = "author";
  network.nodes = {{"Ada \"A\" <x>", 2, 5, 2019, 2021, 0, ""}, {"Ben", 1, 0, 0, 0, 0, ""}};
  set_links(network, {{0, 1, 0.5}});
  return network;
}

Analysis pair_analysis() {
  Analysis analysis;
  analysis.degree = {1, 1};
  analysis.betweenness = {std::nan(""), 0.1 + 0.2};
  analysis.communities.community = {0, 0};
  analysis.communities.count = 1;
  analysis.communities.modularity = 0;
  analysis.seed = 7;
  analysis.resolution = 0.5;
  return analysis;
}

TEST(GraphJsonTest, WritesTheExactNodeLinkDocument) {
  EXPECT_EQ(json(pair_network(), pair_analysis(), JsonStyle::kNodeLink), R"({
  "directed": false,
  "multigraph": false,
  "graph": {
    "kind": "coauthor",
    "node_noun": "author",
    "seed": 7,
    "resolution": 0.5,
    "modularity": 0.0,
    "communities": 1
  },
  "nodes": [
    {
      "id": 0,
      "label": "Ada \"A\" <x>",
      "papers": 2,
      "citations": 5,
      "first_year": 2019,
      "last_year": 2021,
      "degree": 1.0,
      "betweenness": null,
      "community": 0
    },
    {
      "id": 1,
      "label": "Ben",
      "papers": 1,
      "citations": 0,
      "degree": 1.0,
      "betweenness": 0.30000000000000004,
      "community": 0
    }
  ],
  "links": [
    {
      "source": 0,
      "target": 1,
      "weight": 0.5
    }
  ]
}
)");
}

TEST(GraphJsonTest, WritesTheExactCytoscapeDocument) {
  EXPECT_EQ(json(pair_network(), pair_analysis(), JsonStyle::kCytoscape), R"({
  "format_version": "1.0",
  "generated_by": "citenet",
  "target_cytoscapejs_version": "~2.1",
  "data": {
    "kind": "coauthor",
    "node_noun": "author",
    "seed": 7,
    "resolution": 0.5,
    "modularity": 0.0,
    "communities": 1
  },
  "elements": {
    "nodes": [
      {
        "data": {
          "id": "n0",
          "label": "Ada \"A\" <x>",
          "papers": 2,
          "citations": 5,
          "first_year": 2019,
          "last_year": 2021,
          "degree": 1.0,
          "betweenness": null,
          "community": 0
        }
      },
      {
        "data": {
          "id": "n1",
          "label": "Ben",
          "papers": 1,
          "citations": 0,
          "degree": 1.0,
          "betweenness": 0.30000000000000004,
          "community": 0
        }
      }
    ],
    "edges": [
      {
        "data": {
          "id": "e0",
          "source": "n0",
          "target": "n1",
          "weight": 0.5
        }
      }
    ]
  }
}
)");
}

TEST(GraphJsonTest, NetworkxNodeLinkGraphReadsTheSample) {
  if (!python_has("networkx")) GTEST_SKIP() << "networkx not installed";
  ScratchDir dir;
  const std::string path = dir.file("sample.json");
  write_file(path, json(sample_network(), sample_analysis(), JsonStyle::kNodeLink));
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c '\n"
                    "import json, sys, networkx as nx\n"
                    "g = nx.node_link_graph(json.load(open(sys.argv[1])))\n"
                    "print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())\n"
                    "print(g.graph[\"kind\"], g.graph[\"seed\"], g.graph[\"modularity\"])\n"
                    "print(g.nodes[3][\"label\"], g.nodes[3][\"community\"], "
                    "g.nodes[3][\"betweenness\"])\n"
                    "print(g[0][2][\"weight\"], sorted(g[4]))\n"
                    "' '" +
                    path + "'",
                &output),
            0);
  EXPECT_EQ(output,
            "Graph 7 7\n"
            "coauthor 42 0.31\n"
            "Dee Dee 1 0.1\n"
            "1.5 [1, 3]\n");
}

TEST(GraphJsonTest, DirectedNetworkReadsBackAsADiGraph) {
  if (!python_has("networkx")) GTEST_SKIP() << "networkx not installed";
  Network network = sample_network();
  add_link(network, {1, 0, 1}, /*directed=*/true);
  ScratchDir dir;
  write_file(dir.file("cites.json"), json(network, sample_analysis(), JsonStyle::kNodeLink));
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c '\n"
                    "import json, sys, networkx as nx\n"
                    "g = nx.node_link_graph(json.load(open(sys.argv[1])))\n"
                    "print(type(g).__name__, g.number_of_edges(), g[1][0][\"weight\"])\n"
                    "' '" +
                    dir.file("cites.json") + "'",
                &output),
            0);
  EXPECT_EQ(output, "DiGraph 8 1.0\n");
}

TEST(GraphJsonTest, HostileLabelsReadBackInBothStyles) {
  ScratchDir dir;
  const std::vector<std::string> labels = hostile_labels();
  const Network network = sample_network(labels);
  write_file(dir.file("nl.json"), json(network, sample_analysis(), JsonStyle::kNodeLink));
  write_file(dir.file("cy.json"), json(network, sample_analysis(), JsonStyle::kCytoscape));
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c '\n"
                    "import json, sys\n"
                    "nl = json.load(open(sys.argv[1], encoding=\"utf-8\"))\n"
                    "cy = json.load(open(sys.argv[2], encoding=\"utf-8\"))\n"
                    "for n in nl[\"nodes\"]: print(n[\"label\"].encode(\"utf-8\").hex())\n"
                    "for n in cy[\"elements\"][\"nodes\"]:\n"
                    "    print(n[\"data\"][\"label\"].encode(\"utf-8\").hex())\n"
                    "' '" +
                    dir.file("nl.json") + "' '" + dir.file("cy.json") + "'",
                &output),
            0);
  const std::vector<std::string> read = hex_lines(output);
  ASSERT_EQ(read.size(), 2 * labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    EXPECT_EQ(read[i], sanitize_utf8(labels[i])) << "label " << i;
    EXPECT_EQ(read[labels.size() + i], sanitize_utf8(labels[i])) << "label " << i;
  }
}

TEST(GraphJsonTest, RejectsARepeatedPairBeforeWriting) {
  Network network = sample_network();
  add_link(network, {6, 5, 1});
  std::ostringstream out;
  std::string err;
  EXPECT_FALSE(write_graph_json(network, sample_analysis(), JsonStyle::kCytoscape, out, &err));
  EXPECT_EQ(err, "edge 5 -- 6 appears twice; each undirected pair must be written once");
  EXPECT_TRUE(out.str().empty());
}

TEST(GraphJsonTest, PathVariantWritesTheFile) {
  ScratchDir dir;
  std::string err;
  ASSERT_TRUE(write_graph_json(sample_network(), sample_analysis(), JsonStyle::kCytoscape,
                               dir.file("net.cyjs"), &err))
      << err;
  EXPECT_EQ(read_file(dir.file("net.cyjs")),
            json(sample_network(), sample_analysis(), JsonStyle::kCytoscape));
}

}  // namespace
}  // namespace citenet
