#include "render/graphml.h"

#include <gtest/gtest.h>

#include <charconv>
#include <regex>
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
using testing::xml_problems;

std::string graphml(const Network& network, const Analysis& analysis) {
  std::ostringstream out;
  std::string err;
  EXPECT_TRUE(write_graphml(network, analysis, out, &err)) << err;
  return out.str();
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(GraphmlTest, WritesTheExactDocument) {
  Network network;
  network.kind = "coauthor";
  network.nodes = {{"Ada", 2, 5, 2019, 2021}, {"Ben", 1, 0, 0, 0}};
  set_links(network, {{0, 1, 0.5}});
  Analysis analysis;
  analysis.degree = {1, 1};
  analysis.weighted_degree = {0.5, 0.5};
  analysis.betweenness = {0.1 + 0.2, 0};  // needs 17 digits to round-trip
  analysis.component = {0, 0};
  analysis.communities.community = {0, 0};
  EXPECT_EQ(graphml(network, analysis),
            R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <!-- citenet: coauthor network; communities: modularity, resolution 1, seed 42 -->
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="papers" for="node" attr.name="papers" attr.type="int"/>
  <key id="citations" for="node" attr.name="citations" attr.type="int"/>
  <key id="first_year" for="node" attr.name="first_year" attr.type="int"/>
  <key id="last_year" for="node" attr.name="last_year" attr.type="int"/>
  <key id="degree" for="node" attr.name="degree" attr.type="double"/>
  <key id="weighted_degree" for="node" attr.name="weighted_degree" attr.type="double"/>
  <key id="betweenness" for="node" attr.name="betweenness" attr.type="double"/>
  <key id="component" for="node" attr.name="component" attr.type="int"/>
  <key id="community" for="node" attr.name="community" attr.type="int"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="coauthor" edgedefault="undirected">
    <node id="n0">
      <data key="label">Ada</data>
      <data key="papers">2</data>
      <data key="citations">5</data>
      <data key="first_year">2019</data>
      <data key="last_year">2021</data>
      <data key="degree">1</data>
      <data key="weighted_degree">0.5</data>
      <data key="betweenness">0.30000000000000004</data>
      <data key="component">0</data>
      <data key="community">0</data>
    </node>
    <node id="n1">
      <data key="label">Ben</data>
      <data key="papers">1</data>
      <data key="citations">0</data>
      <data key="degree">1</data>
      <data key="weighted_degree">0.5</data>
      <data key="betweenness">0</data>
      <data key="component">0</data>
      <data key="community">0</data>
    </node>
    <edge source="n0" target="n1"><data key="weight">0.5</data></edge>
  </graph>
</graphml>
)");
}

// Edges are formatted in chunks of 2^16 on threads, a window of chunks at a time: the
// document must be the same bytes on any thread count, every edge once and in order.
constexpr std::uint32_t kManyEdges = 150'001;  // three chunks, the last one short

// A path of kManyEdges edges: 19 chunks of nodes, 3 of edges.
Network many_edges() {
  Network network;
  network.kind = "coauthor";
  network.nodes.assign(kManyEdges + 1, NodeAttributes{"x", 1, 0, 0, 0});
  std::vector<WeightedEdge> edges;
  for (std::uint32_t i = 0; i < kManyEdges; ++i)
    edges.push_back({i, i + 1, 1.0 + 0.25 * static_cast<double>(i % 7)});  // 65535 % 7 = 1
  set_links(network, std::move(edges));
  return network;
}

TEST(GraphmlTest, ManyEdgesGiveTheSameBytesOnAnyThreadCount) {
  constexpr std::uint32_t kEdges = kManyEdges;
  const Network network = many_edges();
  const Analysis analysis;
  std::string one;
  for (const unsigned threads : {1u, 2u, 3u, 8u}) {
    std::ostringstream out;
    std::string err;
    ASSERT_TRUE(write_graphml(network, analysis, out, &err, threads)) << err;
    if (threads == 1) {
      one = out.str();
      continue;
    }
    EXPECT_TRUE(out.str() == one) << threads << " threads";
  }
  EXPECT_EQ(count(one, "<edge "), kEdges);
  EXPECT_NE(one.find("    <edge source=\"n65535\" target=\"n65536\"><data key=\"weight\">"
                     "1.25</data></edge>\n    <edge source=\"n65536\" target=\"n65537\">"
                     "<data key=\"weight\">1.5</data></edge>\n"),
            std::string::npos);  // across the first chunk boundary
  EXPECT_TRUE(
      one.ends_with("<edge source=\"n150000\" target=\"n150001\"><data key=\"weight\">"
                    "2</data></edge>\n  </graph>\n</graphml>\n"));
}

// Whole weights below 100,000 are formatted as integers (a fast path), which must give what
// std::to_chars gives for the double: "1", "99999", and then "1e+05", "1.23456e+05".
TEST(GraphmlTest, WholeWeightsAsToCharsWritesTheDouble) {
  Network network;
  std::vector<double> weights;
  for (int w = 1; w <= 100'010; ++w) weights.push_back(w);
  for (const double w : {0.0, 0.5, 1.5, 123456.0, 1e15, 4294967296.0, 99999.5, 1e-300})
    weights.push_back(w);
  network.nodes.assign(weights.size() + 1, NodeAttributes{"x", 1, 0, 0, 0});
  std::vector<WeightedEdge> edges;
  for (std::uint32_t i = 0; i < weights.size(); ++i) edges.push_back({i, i + 1, weights[i]});
  set_links(network, std::move(edges));
  const std::string doc = graphml(network, Analysis());
  std::size_t at = 0;
  for (const double w : weights) {
    char text[32];
    const std::string expected(text, std::to_chars(text, text + sizeof text, w).ptr);
    at = doc.find("<data key=\"weight\">", doc.find("<edge ", at));
    ASSERT_NE(at, std::string::npos);
    at += 19;
    ASSERT_EQ(doc.substr(at, doc.find('<', at) - at), expected) << "weight " << w;
  }
}

// The file is written in pieces at their offsets by the threads that formatted them: the
// same bytes as the stream on any thread count, for a large and a small document.
TEST(GraphmlTest, FileHasTheStreamsBytesOnAnyThreadCount) {
  ScratchDir dir;
  const std::string path = dir.file("n.graphml");
  const Network network = many_edges();
  const std::string streamed = graphml(network, Analysis());
  for (const unsigned threads : {1u, 2u, 3u, 8u}) {
    std::string err;
    ASSERT_TRUE(write_graphml(network, Analysis(), path, &err, threads)) << err;
    EXPECT_TRUE(read_file(path) == streamed) << threads << " threads";
  }
  std::string err;
  ASSERT_TRUE(write_graphml(sample_network(), sample_analysis(), path, &err, 2)) << err;
  EXPECT_EQ(read_file(path), graphml(sample_network(), sample_analysis()));
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"n.graphml"});
}

// The disk fills up after a megabyte of a 12 MB document: a one-line error, the previous file
// kept whole, no temporary file left.
TEST(GraphmlTest, WriteFailureMidwayLeavesExistingFile) {
  ScratchDir dir;
  const std::string path = dir.file("n.graphml");
  testing::write_file(path, "previous");
  const Network network = many_edges();
  std::string err;
  bool ok = true;
  {
    const testing::FileSizeLimit limit(1 << 20);
    ok = write_graphml(network, Analysis(), path, &err, 2);
  }
  EXPECT_FALSE(ok);
  EXPECT_EQ(err, "cannot write '" + path + "': File too large");
  EXPECT_EQ(read_file(path), "previous");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"n.graphml"});
}

// The document as write_graphml streams it, and as GraphmlEdgesAhead writes it: with a run of
// whitespace (under 4 KiB, ending in a newline) between the last node and the first edge.
void expect_same_but_padding(const std::string& ahead, const std::string& streamed) {
  const std::size_t edges = streamed.find("    <edge ");
  ASSERT_NE(edges, std::string::npos);
  ASSERT_GE(ahead.size(), streamed.size());
  const std::size_t pad = ahead.size() - streamed.size();
  EXPECT_LT(pad, 4096u);
  EXPECT_TRUE(ahead.compare(0, edges, streamed, 0, edges) == 0) << "head and nodes differ";
  EXPECT_TRUE(ahead.compare(edges + pad, std::string::npos, streamed, edges) == 0)
      << "edges differ";
  const std::string padding = ahead.substr(edges, pad);
  EXPECT_EQ(padding.find_first_not_of(' '), pad == 0 ? std::string::npos : pad - 1);
  if (pad > 0) {
    EXPECT_EQ(padding.back(), '\n');
  }
}

// Edges written while the analysis is computed, nodes in front afterwards: the same document
// (but the padding) on any thread count, well-formed, read by networkx with every node value.
TEST(GraphmlEdgesAheadTest, SameDocumentAsWriteGraphml) {
  ScratchDir dir;
  const std::string path = dir.file("n.graphml");
  const Network network = many_edges();
  Analysis analysis;
  analysis.degree.assign(network.nodes.size(), 2);
  analysis.pagerank.assign(network.nodes.size(), 1.0 / 3);
  analysis.communities.community.assign(network.nodes.size(), 7);
  analysis.communities.count = 1;
  const std::string streamed = graphml(network, analysis);
  for (const unsigned threads : {1u, 2u, 3u}) {
    std::unique_ptr<GraphmlEdgesAhead> ahead = GraphmlEdgesAhead::start(network, path, threads, 0);
    ASSERT_NE(ahead, nullptr) << "the temporary directory cannot collapse ranges";
    std::string err;
    ASSERT_TRUE(ahead->finish(analysis, &err)) << err;
    expect_same_but_padding(read_file(path), streamed);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"n.graphml"});
  }
  EXPECT_EQ(xml_problems(path), "");
  // The small sample too: a front far smaller than its bound.
  std::string err;
  ASSERT_TRUE(
      GraphmlEdgesAhead::start(sample_network(), path, 2, 0)->finish(sample_analysis(), &err))
      << err;
  expect_same_but_padding(read_file(path), graphml(sample_network(), sample_analysis()));
  if (!python_has("networkx")) GTEST_SKIP() << kPython << " lacks networkx";
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c 'import networkx as nx, sys\n"
                    "g = nx.read_graphml(sys.argv[1])\n"
                    "print(g.number_of_nodes(), g.number_of_edges(), g.nodes[\"n3\"])' " +
                    path + " 2>&1",
                &output),
            0)
      << output;
  EXPECT_EQ(output,
            "7 7 {'label': 'Dee Dee', 'papers': 4, 'citations': 40, 'first_year': 2013, "
            "'last_year': 2020, 'degree': 2.0, 'weighted_degree': 3.0, 'betweenness': 0.1, "
            "'component': 0, 'community': 1}\n");
}

// Small networks are written whole by write_graphml (byte for byte as before): no writer ahead.
TEST(GraphmlEdgesAheadTest, NotStartedBelowTheEdgeThreshold) {
  ScratchDir dir;
  EXPECT_EQ(GraphmlEdgesAhead::start(sample_network(), dir.file("n.graphml"), 2), nullptr);
  EXPECT_EQ(GraphmlEdgesAhead::start(many_edges(), dir.file("n.graphml"), 2), nullptr);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{});
}

// An analysis that does not fit the network is refused with write_graphml's error after the
// edges were written: the file that was there stays, no temporary file is left.
TEST(GraphmlEdgesAheadTest, MismatchedAnalysisLeavesExistingFile) {
  ScratchDir dir;
  const std::string path = dir.file("n.graphml");
  testing::write_file(path, "previous");
  const Network network = many_edges();
  std::unique_ptr<GraphmlEdgesAhead> ahead = GraphmlEdgesAhead::start(network, path, 2, 0);
  ASSERT_NE(ahead, nullptr);
  Analysis analysis;
  analysis.degree = {1, 2};
  std::string err;
  EXPECT_FALSE(ahead->finish(analysis, &err));
  EXPECT_EQ(err, "analysis does not match the network: degree has 2 values for 150002 nodes");
  EXPECT_EQ(read_file(path), "previous");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"n.graphml"});
}

// --- One test per rule of Gephi's GraphML importer (DESIGN.md, "Writers"). ---

TEST(GraphmlGephiTest, NoNumberedKeyIds) {
  const std::string doc = graphml(sample_network(), sample_analysis());
  EXPECT_FALSE(std::regex_search(doc, std::regex(R"(id="d[0-9]+")"))) << doc;
  EXPECT_FALSE(std::regex_search(doc, std::regex(R"(key="d[0-9]+")"))) << doc;
}

TEST(GraphmlGephiTest, KeysAreNamedAfterTheirAttributeAndScopedToNodeOrEdge) {
  const std::string doc = graphml(sample_network(), sample_analysis());
  const std::regex key(R"re(<key id="([^"]+)" for="([^"]+)" attr.name="([^"]+)")re");
  int keys = 0;
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), key); it != std::sregex_iterator();
       ++it, ++keys) {
    EXPECT_EQ((*it)[1], (*it)[3]);
    EXPECT_TRUE((*it)[2] == "node" || (*it)[2] == "edge") << (*it)[0];
  }
  EXPECT_EQ(keys, 11);
  EXPECT_EQ(doc.find("for=\"all\""), std::string::npos);
}

TEST(GraphmlGephiTest, EdgeDefaultIsUndirected) {
  const std::string doc = graphml(sample_network(), sample_analysis());
  EXPECT_NE(doc.find("<graph id=\"coauthor\" edgedefault=\"undirected\">"), std::string::npos);
}

TEST(GraphmlGephiTest, EveryNodeHasItsLabel) {
  const std::string doc = graphml(sample_network(), sample_analysis());
  EXPECT_EQ(count(doc, "<node "), 7u);
  EXPECT_EQ(count(doc, "<data key=\"label\">"), 7u);
  EXPECT_EQ(doc.find("<default>"), std::string::npos);
}

TEST(GraphmlGephiTest, AllNodesBeforeEdges) {
  const std::string doc = graphml(sample_network(), sample_analysis());
  EXPECT_LT(doc.rfind("<node "), doc.find("<edge "));
}

TEST(GraphmlGephiTest, WeightIsADoubleOnEveryEdge) {
  const std::string doc = graphml(sample_network(), sample_analysis());
  EXPECT_NE(doc.find(R"(<key id="weight" for="edge" attr.name="weight" attr.type="double"/>)"),
            std::string::npos);
  EXPECT_EQ(count(doc, "<edge "), 7u);
  EXPECT_EQ(count(doc, "<data key=\"weight\">"), 7u);
  EXPECT_NE(doc.find("<data key=\"weight\">1.5</data>"), std::string::npos);
}

TEST(GraphmlGephiTest, EachUndirectedPairOnce) {
  Network network = sample_network();
  add_link(network, {1, 0, 1});  // Ben--Ada again, reversed
  Analysis analysis = sample_analysis();
  std::ostringstream out;
  std::string err;
  EXPECT_FALSE(write_graphml(network, analysis, out, &err));
  EXPECT_EQ(err, "edge 0 -- 1 appears twice; each undirected pair must be written once");
  EXPECT_TRUE(out.str().empty());
}

TEST(GraphmlTest, RejectsAnalysisOfAnotherNetwork) {
  Analysis analysis = sample_analysis();
  analysis.betweenness.pop_back();
  std::ostringstream out;
  std::string err;
  EXPECT_FALSE(write_graphml(sample_network(), analysis, out, &err));
  EXPECT_EQ(err, "analysis does not match the network: betweenness has 6 values for 7 nodes");
}

TEST(GraphmlTest, OmitsMetricsThatWereNotComputed) {
  Analysis analysis = sample_analysis();
  analysis.communities = {};
  const std::string doc = graphml(sample_network(), analysis);
  EXPECT_EQ(doc.find("community"), std::string::npos);
  EXPECT_NE(doc.find("<data key=\"betweenness\">"), std::string::npos);
}

TEST(GraphmlTest, HostileLabelsStayText) {
  const std::vector<std::string> labels = hostile_labels();
  const std::string doc = graphml(sample_network(labels), sample_analysis());
  EXPECT_EQ(doc.find("<script"), std::string::npos);
  EXPECT_NE(doc.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(doc.find("two&#10;lines"), std::string::npos);
  EXPECT_NE(doc.find("bad \xEF\xBF\xBD byte"), std::string::npos);

  ScratchDir dir;
  const std::string path = dir.file("hostile.graphml");
  std::string err;
  ASSERT_TRUE(write_graphml(sample_network(labels), sample_analysis(), path, &err)) << err;
  EXPECT_EQ(xml_problems(path), "");

  if (!python_has("networkx")) GTEST_SKIP() << kPython << " lacks networkx";
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c 'import networkx as nx, sys\n"
                    "g = nx.read_graphml(sys.argv[1])\n"
                    "for n in sorted(g.nodes, key=lambda n: int(n[1:])):\n"
                    "    print(g.nodes[n][\"label\"].encode().hex())' " +
                    path,
                &output),
            0);
  const std::vector<std::string> read_back = hex_lines(output);
  ASSERT_EQ(read_back.size(), 7u);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    EXPECT_EQ(read_back[i], sanitize_utf8(labels[i])) << "node " << i;
  }
}

TEST(GraphmlTest, WellFormedXml) {
  ScratchDir dir;
  std::string err;
  ASSERT_TRUE(write_graphml(sample_network(), sample_analysis(), dir.file("n.graphml"), &err))
      << err;
  EXPECT_EQ(xml_problems(dir.file("n.graphml")), "");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"n.graphml"});
}

TEST(GraphmlTest, NetworkxReadsCountsAndTypes) {
  if (!python_has("networkx")) GTEST_SKIP() << kPython << " lacks networkx";
  ScratchDir dir;
  const std::string path = dir.file("n.graphml");
  std::string err;
  ASSERT_TRUE(write_graphml(sample_network(), sample_analysis(), path, &err)) << err;
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c 'import networkx as nx, sys\n"
                    "g = nx.read_graphml(sys.argv[1])\n"
                    "a = g.nodes[\"n0\"]\n"
                    "print(g.is_directed(), g.number_of_nodes(), "
                    "g.number_of_edges())\n"
                    "for k in sorted(a): print(k, type(a[k]).__name__, a[k])\n"
                    "w = g.edges[\"n0\", \"n2\"][\"weight\"]\n"
                    "print(\"weight\", type(w).__name__, w)' " +
                    path + " 2>&1",
                &output),
            0)
      << output;
  EXPECT_EQ(output,
            "False 7 7\n"
            "betweenness float 0.3\n"
            "citations int 70\n"
            "community int 0\n"
            "component int 0\n"
            "degree float 3.0\n"
            "first_year int 2010\n"
            "label str Ada Lovelace\n"
            "last_year int 2020\n"
            "papers int 7\n"
            "weighted_degree float 5.5\n"
            "weight float 1.5\n");
}

TEST(GraphmlTest, IgraphReadsCountsAndTypes) {
  if (!python_has("igraph")) GTEST_SKIP() << kPython << " lacks igraph";
  ScratchDir dir;
  const std::string path = dir.file("n.graphml");
  std::string err;
  ASSERT_TRUE(write_graphml(sample_network(), sample_analysis(), path, &err)) << err;
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c 'import igraph, sys\n"
                    "g = igraph.Graph.Read_GraphML(sys.argv[1])\n"
                    "print(g.is_directed(), g.vcount(), g.ecount())\n"
                    "v = g.vs[6]\n"
                    "for k in sorted(g.vs.attributes()):\n"
                    "    print(k, type(v[k]).__name__, v[k])\n"
                    "print(\"weight\", g.es[\"weight\"])' " +
                    path + " 2>&1",
                &output),
            0)
      << output;
  // igraph reads GraphML int and double alike as float; the values are what matters.
  EXPECT_EQ(output,
            "False 7 7\n"
            "betweenness float 0.0\n"
            "citations float 10.0\n"
            "community float 2.0\n"
            "component float 1.0\n"
            "degree float 1.0\n"
            "first_year float 2016.0\n"
            "id str n6\n"
            "label str Gil Scott\n"
            "last_year float 2020.0\n"
            "papers float 1.0\n"
            "weighted_degree float 1.0\n"
            "weight [3.0, 1.5, 1.0, 2.0, 0.5, 2.0, 1.0]\n");
}

TEST(GraphmlTest, FailedValidationLeavesExistingFile) {
  ScratchDir dir;
  const std::string path = dir.file("n.graphml");
  testing::write_file(path, "previous");
  Analysis analysis = sample_analysis();
  analysis.degree.clear();
  analysis.degree.push_back(1);
  std::string err;
  EXPECT_FALSE(write_graphml(sample_network(), analysis, path, &err));
  EXPECT_EQ(read_file(path), "previous");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"n.graphml"});
}

}  // namespace
}  // namespace citenet
