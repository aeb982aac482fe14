#include "render/pajek.h"

#include <gtest/gtest.h>

#include <sstream>

#include "render_test_support.h"

namespace citenet {
namespace {

using testing::hex_lines;
using testing::hostile_labels;
using testing::kPython;
using testing::make_directed;
using testing::python_has;
using testing::read_file;
using testing::run;
using testing::sample_analysis;
using testing::sample_network;
using testing::ScratchDir;
using testing::set_weight;
using testing::write_file;

std::string pajek(const Network& network, const Analysis& analysis) {
  std::ostringstream out;
  std::string err;
  EXPECT_TRUE(write_pajek(network, analysis, out, &err)) << err;
  return out.str();
}

constexpr const char* kSample =
    "*Network coauthor network; communities: modularity, resolution 1, seed 42\n"
    "*Vertices 7\n"
    "1 \"Ada Lovelace\"\n"
    "2 \"Ben Ames\"\n"
    "3 \"Cy Young\"\n"
    "4 \"Dee Dee\"\n"
    "5 \"Eve Online\"\n"
    "6 \"Fay Wray\"\n"
    "7 \"Gil Scott\"\n"
    "*Edges\n"
    "1 2 3\n"
    "1 3 1.5\n"
    "1 4 1\n"
    "2 3 2\n"
    "2 5 0.5\n"
    "4 5 2\n"
    "6 7 1\n";

TEST(PajekTest, WritesTheSampleNetwork) {
  EXPECT_EQ(pajek(sample_network(), sample_analysis()), kSample);
}

TEST(PajekTest, DirectedNetworkHasArcs) {
  Network network = sample_network();
  make_directed(network);
  const std::string net = pajek(network, sample_analysis());
  EXPECT_NE(net.find("*Arcs\n1 2 3\n"), std::string::npos);
  EXPECT_EQ(net.find("*Edges"), std::string::npos);
}

TEST(PajekTest, LabelsAreNeutralised) {
  EXPECT_EQ(pajek_label("say \"hi\""), "say 'hi'");
  EXPECT_EQ(pajek_label("two\nlines\r\tand tab"), "two lines  and tab");
  EXPECT_EQ(pajek_label("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(pajek_label("back\\slash"), "back\\slash");
  const std::string net = pajek(sample_network(hostile_labels()), sample_analysis());
  EXPECT_NE(net.find("\n2 \"'; x -> y\"\n"), std::string::npos);
  EXPECT_NE(net.find("\n6 \"two lines\"\n"), std::string::npos);
  EXPECT_NE(net.find("\n7 \"right\xE2\x80\x8F-to-left mark, bad \xEF\xBF\xBD byte\"\n"),
            std::string::npos);
}

TEST(PajekTest, IgraphReadsHostileLabelsAndWeightsBack) {
  if (!python_has("igraph")) GTEST_SKIP() << "python-igraph not installed";
  ScratchDir dir;
  const std::vector<std::string> labels = hostile_labels();
  write_file(dir.file("hostile.net"), pajek(sample_network(labels), sample_analysis()));
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c '\n"
                    "import sys, igraph\n"
                    "g = igraph.Graph.Read_Pajek(sys.argv[1])\n"
                    "print(g.vcount(), g.ecount(), g.is_directed(), g.es[\"weight\"])\n"
                    "for v in g.vs: print(v[\"id\"].encode(\"utf-8\").hex())\n"
                    "' '" +
                    dir.file("hostile.net") + "'",
                &output),
            0);
  const std::string first_line = output.substr(0, output.find('\n') + 1);
  EXPECT_EQ(first_line, "7 7 False [3.0, 1.5, 1.0, 2.0, 0.5, 2.0, 1.0]\n");
  const std::vector<std::string> read = hex_lines(output.substr(first_line.size()));
  ASSERT_EQ(read.size(), labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) EXPECT_EQ(read[i], pajek_label(labels[i]));
  EXPECT_EQ(read[4], "back\\slash \\N \\n trailing\\");  // igraph, like Pajek, has no escapes
}

TEST(PajekTest, NetworkxReadsTheSampleBack) {
  if (!python_has("networkx")) GTEST_SKIP() << "networkx not installed";
  ScratchDir dir;
  write_file(dir.file("sample.net"), kSample);
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c '\n"
                    "import sys, networkx as nx\n"
                    "g = nx.read_pajek(sys.argv[1])\n"
                    "print(g.number_of_nodes(), g.number_of_edges(), g.name)\n"
                    "print(g.nodes[\"Dee Dee\"][\"id\"], g[\"Ada Lovelace\"][\"Cy "
                    "Young\"][0][\"weight\"])\n"
                    "' '" +
                    dir.file("sample.net") + "'",
                &output),
            0);
  EXPECT_EQ(output,
            "7 7 coauthor network; communities: modularity, resolution 1, seed 42\n4 1.5\n");
}

TEST(PajekTest, RejectsANonFiniteWeight) {
  Network network = sample_network();
  set_weight(network, 6, std::nan(""));
  std::ostringstream out;
  std::string err;
  EXPECT_FALSE(write_pajek(network, sample_analysis(), out, &err));
  EXPECT_EQ(err, "edge 5 -- 6 has a non-finite weight");
  EXPECT_TRUE(out.str().empty());
}

TEST(PajekTest, PathVariantWritesTheFile) {
  ScratchDir dir;
  std::string err;
  ASSERT_TRUE(write_pajek(sample_network(), sample_analysis(), dir.file("net.net"), &err)) << err;
  EXPECT_EQ(read_file(dir.file("net.net")), kSample);
}

}  // namespace
}  // namespace citenet
