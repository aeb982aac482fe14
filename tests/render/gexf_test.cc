#include "render/gexf.h"

#include <gtest/gtest.h>

#include <sstream>

#include "render/escape.h"
#include "render_test_support.h"

namespace citenet {
namespace {

using testing::add_link;
using testing::hex_lines;
using testing::hostile_labels;
using testing::kPython;
using testing::read_file;
using testing::run;
using testing::sample_analysis;
using testing::sample_network;
using testing::ScratchDir;
using testing::set_weight;
using testing::write_file;

std::string gexf(const Network& network, const Analysis& analysis,
                 const std::vector<NodePosition>& positions = {}) {
  std::ostringstream out;
  std::string err;
  EXPECT_TRUE(write_gexf(network, analysis, out, &err, positions)) << err;
  return out.str();
}

// xmllint against the GEXF 1.3 RELAX NG schema: empty when valid, else xmllint's complaint.
std::string schema_problems(const std::string& path) {
  const std::string schema = std::string(CITENET_TEST_DATA) + "/schemas/gexf-1.3/gexf.rng";
  std::string output;
  const int status = run("xmllint --noout --relaxng '" + schema + "' '" + path + "' 2>&1", &output);
  return status == 0 ? "" : "xmllint exit " + std::to_string(status) + ": " + output;
}

bool have_xmllint() { return run("xmllint --version >/dev/null 2>&1") == 0; }

// A Python whose networkx reads GEXF 1.3 (networkx 2.8 only knows 1.1draft and 1.2draft): the
// system one if it can, else the first python3 on PATH; empty when neither can.
std::string python_reading_gexf13() {
  for (const std::string& python : {std::string(kPython), std::string("python3")}) {
    if (run(python + " -c 'import networkx.readwrite.gexf as g; "
                     "assert \"1.3\" in g.GEXF.versions' >/dev/null 2>&1") == 0) {
      return python;
    }
  }
  return "";
}

// The labels of nodes n0 .. n<count-1> as a GEXF reader sees them: through networkx when it
// reads GEXF 1.3, else through xmllint's XPath (which prints the string and a newline).
std::vector<std::string> read_labels(const std::string& path, std::size_t count) {
  const std::string python = python_reading_gexf13();
  std::string output;
  if (!python.empty()) {
    EXPECT_EQ(run(python +
                      " -c '\n"
                      "import sys, networkx as nx\n"
                      "g = nx.read_gexf(sys.argv[1])\n"
                      "for i in range(int(sys.argv[2])):\n"
                      "    print(g.nodes[\"n%d\" % i][\"label\"].encode(\"utf-8\").hex())\n"
                      "' '" +
                      path + "' " + std::to_string(count),
                  &output),
              0);
    return hex_lines(output);
  }
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < count; ++i) {
    EXPECT_EQ(run("xmllint --xpath \"string(//*[local-name()='node'][@id='n" + std::to_string(i) +
                      "']/@label)\" '" + path + "'",
                  &output),
              0);
    if (!output.empty() && output.back() == '\n') output.pop_back();
    labels.push_back(output);
  }
  return labels;
}

std::vector<NodePosition> sample_positions() {
  return {{0.5, -1}, {1, 2}, {0, 0}, {-0.25, 3}, {1e-3, 2}, {10, 10}, {11, 10}};
}

TEST(GexfTest, WritesTheExactDocument) {
  Network network;
  network.kind = "coauthor";
  network.nodes = {{"Ada & \"Co\"", 2, 5, 2019, 2021, 0, ""}, {"Ben", 1, 0, 0, 0, 0, ""}};
  set_links(network, {{0, 1, 0.5}});
  Analysis analysis;
  analysis.degree = {1, 1};
  analysis.weighted_degree = {0.5, 0.5};
  analysis.betweenness = {0.1 + 0.2, 0};  // needs 17 digits to round-trip
  analysis.component = {0, 0};
  analysis.communities.community = {0, 9};  // 9: beyond the palette, grey
  EXPECT_EQ(gexf(network, analysis, {{1.5, -2}, {0, 1e-7}}),
            R"(<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta>
    <creator>citenet</creator>
    <description>coauthor network; communities: modularity, resolution 1, seed 42</description>
  </meta>
  <graph defaultedgetype="undirected" idtype="string" mode="static">
    <attributes class="node">
      <attribute id="papers" title="papers" type="integer"/>
      <attribute id="citations" title="citations" type="integer"/>
      <attribute id="first_year" title="first_year" type="integer"/>
      <attribute id="last_year" title="last_year" type="integer"/>
      <attribute id="degree" title="degree" type="double"/>
      <attribute id="weighted_degree" title="weighted_degree" type="double"/>
      <attribute id="betweenness" title="betweenness" type="double"/>
      <attribute id="component" title="component" type="integer"/>
      <attribute id="community" title="community" type="integer"/>
    </attributes>
    <nodes count="2">
      <node id="n0" label="Ada &amp; &quot;Co&quot;">
        <attvalues>
          <attvalue for="papers" value="2"/>
          <attvalue for="citations" value="5"/>
          <attvalue for="first_year" value="2019"/>
          <attvalue for="last_year" value="2021"/>
          <attvalue for="degree" value="1"/>
          <attvalue for="weighted_degree" value="0.5"/>
          <attvalue for="betweenness" value="0.30000000000000004"/>
          <attvalue for="component" value="0"/>
          <attvalue for="community" value="0"/>
        </attvalues>
        <viz:color r="119" g="170" b="221"/>
        <viz:position x="1.5" y="-2"/>
        <viz:size value="2"/>
      </node>
      <node id="n1" label="Ben">
        <attvalues>
          <attvalue for="papers" value="1"/>
          <attvalue for="citations" value="0"/>
          <attvalue for="degree" value="1"/>
          <attvalue for="weighted_degree" value="0.5"/>
          <attvalue for="betweenness" value="0"/>
          <attvalue for="component" value="0"/>
          <attvalue for="community" value="9"/>
        </attvalues>
        <viz:color r="221" g="221" b="221"/>
        <viz:position x="0" y="1e-07"/>
        <viz:size value="1"/>
      </node>
    </nodes>
    <edges count="1">
      <edge id="e0" source="n0" target="n1" weight="0.5"/>
    </edges>
  </graph>
</gexf>
)");
}

TEST(GexfTest, SampleNetworkHasEveryNodeEdgeAndPaletteColour) {
  const std::string doc = gexf(sample_network(), sample_analysis());
  EXPECT_NE(doc.find(R"(<node id="n6" label="Gil Scott">)"), std::string::npos);
  EXPECT_NE(doc.find(R"(<edge id="e6" source="n5" target="n6" weight="1"/>)"), std::string::npos);
  // Communities 0, 1, 2 get the map's first three colours: #77AADD, #EE8866, #EEDD88.
  EXPECT_NE(doc.find(R"(<viz:color r="238" g="136" b="102"/>)"), std::string::npos);
  EXPECT_NE(doc.find(R"(<viz:color r="238" g="221" b="136"/>)"), std::string::npos);
  EXPECT_EQ(doc.find("<viz:position"), std::string::npos);  // no layout, no positions
}

TEST(GexfTest, WithoutMetricsOnlyNetworkAttributesAndNoColour) {
  const std::string doc = gexf(sample_network(), Analysis{});
  EXPECT_EQ(doc.find("degree"), std::string::npos);
  EXPECT_EQ(doc.find("community"), std::string::npos);
  EXPECT_EQ(doc.find("<viz:color"), std::string::npos);
  EXPECT_NE(doc.find(R"(<attribute id="last_year" title="last_year" type="integer"/>)"),
            std::string::npos);
}

TEST(GexfTest, DirectedNetworkSaysSo) {
  Network network = sample_network();
  add_link(network, {1, 0, 1}, /*directed=*/true);  // the reverse arc is a different arc
  const std::string doc = gexf(network, sample_analysis());
  EXPECT_NE(doc.find(R"(<graph defaultedgetype="directed")"), std::string::npos);
}

TEST(GexfTest, ValidAgainstTheRelaxNgSchema) {
  if (!have_xmllint()) GTEST_SKIP() << "xmllint not installed";
  ScratchDir dir;
  const std::string plain = dir.file("plain.gexf");
  const std::string laid_out = dir.file("layout.gexf");
  const std::string hostile = dir.file("hostile.gexf");
  const std::string bare = dir.file("bare.gexf");
  write_file(plain, gexf(sample_network(), sample_analysis()));
  write_file(laid_out, gexf(sample_network(), sample_analysis(), sample_positions()));
  write_file(hostile, gexf(sample_network(hostile_labels()), sample_analysis()));
  write_file(bare, gexf(sample_network(), Analysis{}));
  EXPECT_EQ(schema_problems(plain), "");
  EXPECT_EQ(schema_problems(laid_out), "");
  EXPECT_EQ(schema_problems(hostile), "");
  EXPECT_EQ(schema_problems(bare), "");
}

TEST(GexfTest, TheSchemaCheckCatchesAnInvalidDocument) {
  if (!have_xmllint()) GTEST_SKIP() << "xmllint not installed";
  ScratchDir dir;
  std::string doc = gexf(sample_network(), sample_analysis());
  doc.replace(doc.find("r=\"119\""), 7, "r=\"300\"");  // a colour channel beyond 255
  write_file(dir.file("bad.gexf"), doc);
  EXPECT_NE(schema_problems(dir.file("bad.gexf")), "");
}

TEST(GexfTest, HostileLabelsReadBackAsText) {
  if (!have_xmllint() && python_reading_gexf13().empty()) GTEST_SKIP() << "no GEXF reader";
  ScratchDir dir;
  const std::string path = dir.file("hostile.gexf");
  const std::vector<std::string> labels = hostile_labels();
  write_file(path, gexf(sample_network(labels), sample_analysis()));
  const std::vector<std::string> read = read_labels(path, labels.size());
  ASSERT_EQ(read.size(), labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    EXPECT_EQ(read[i], sanitize_utf8(labels[i])) << "label " << i;
  }
  EXPECT_EQ(read[0], "<script>alert(1)</script>");
  EXPECT_EQ(read[3], "end --> <!-- ]]> <![CDATA[");
  EXPECT_EQ(read[5], "two\nlines");
  EXPECT_EQ(read[6], "right\xE2\x80\x8F-to-left mark, bad \xEF\xBF\xBD byte");
}

TEST(GexfTest, NetworkxReadsTypesColoursPositionsAndWeights) {
  const std::string python = python_reading_gexf13();
  if (python.empty()) GTEST_SKIP() << "no networkx that reads GEXF 1.3";
  ScratchDir dir;
  const std::string path = dir.file("sample.gexf");
  write_file(path, gexf(sample_network(), sample_analysis(), sample_positions()));
  std::string output;
  ASSERT_EQ(run(python +
                    " -c '\n"
                    "import sys, networkx as nx\n"
                    "g = nx.read_gexf(sys.argv[1])\n"
                    "print(type(g).__name__, g.number_of_nodes(), g.number_of_edges())\n"
                    "n = g.nodes[\"n3\"]\n"
                    "print(n[\"papers\"], type(n[\"papers\"]).__name__, n[\"betweenness\"],\n"
                    "      type(n[\"betweenness\"]).__name__, n[\"community\"])\n"
                    "v = n[\"viz\"]\n"
                    "print(v[\"color\"][\"r\"], v[\"color\"][\"g\"], v[\"color\"][\"b\"],\n"
                    "      v[\"size\"], v[\"position\"][\"x\"], v[\"position\"][\"y\"])\n"
                    "print(g.edges[\"n0\", \"n2\"][\"weight\"])\n"
                    "' '" +
                    path + "'",
                &output),
            0);
  EXPECT_EQ(output,
            "Graph 7 7\n"
            "4 int 0.1 float 1\n"
            "238 136 102 4.0 -0.25 3.0\n"
            "1.5\n");
}

TEST(GexfTest, RejectsWhatItCannotWrite) {
  std::ostringstream out;
  std::string err;
  Network network = sample_network();
  EXPECT_FALSE(write_gexf(network, sample_analysis(), out, &err, {{0, 0}}));
  EXPECT_EQ(err, "layout does not match the network: 1 positions for 7 nodes");
  std::vector<NodePosition> positions = sample_positions();
  positions[2].y = std::nan("");
  EXPECT_FALSE(write_gexf(network, sample_analysis(), out, &err, positions));
  EXPECT_EQ(err, "layout position of node 2 is not finite");
  set_weight(network, 1, std::numeric_limits<double>::infinity());
  EXPECT_FALSE(write_gexf(network, sample_analysis(), out, &err));
  EXPECT_EQ(err, "edge 0 -- 2 has a non-finite weight");
  Analysis analysis = sample_analysis();
  analysis.betweenness.pop_back();
  EXPECT_FALSE(write_gexf(sample_network(), analysis, out, &err));
  EXPECT_EQ(err, "analysis does not match the network: betweenness has 6 values for 7 nodes");
  EXPECT_TRUE(out.str().empty());
}

TEST(GexfTest, PathVariantWritesTheFile) {
  ScratchDir dir;
  std::string err;
  ASSERT_TRUE(write_gexf(sample_network(), sample_analysis(), dir.file("net.gexf"), &err,
                         sample_positions()))
      << err;
  EXPECT_EQ(read_file(dir.file("net.gexf")),
            gexf(sample_network(), sample_analysis(), sample_positions()));
  Analysis bad = sample_analysis();
  bad.degree = {1};
  EXPECT_FALSE(write_gexf(sample_network(), bad, dir.file("bad.gexf"), &err));
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"net.gexf"});
}

}  // namespace
}  // namespace citenet
