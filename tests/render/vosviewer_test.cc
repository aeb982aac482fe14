#include "render/vosviewer.h"

#include <gtest/gtest.h>

#include <sstream>

#include "render_test_support.h"

namespace citenet {
namespace {

using testing::hostile_labels;
using testing::kPython;
using testing::read_file;
using testing::run;
using testing::sample_analysis;
using testing::sample_network;
using testing::ScratchDir;
using testing::set_weight;
using testing::write_file;

std::string map_file(const Network& network, const Analysis& analysis,
                     const std::vector<NodePosition>& positions = {}) {
  std::ostringstream out;
  std::string err;
  EXPECT_TRUE(write_vosviewer_map(network, analysis, out, &err, positions)) << err;
  return out.str();
}

std::string network_file(const Network& network, const Analysis& analysis) {
  std::ostringstream out;
  std::string err;
  EXPECT_TRUE(write_vosviewer_network(network, analysis, out, &err)) << err;
  return out.str();
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (std::size_t end; (end = line.find(separator, start)) != std::string::npos; start = end + 1) {
    fields.push_back(line.substr(start, end - start));
  }
  fields.push_back(line.substr(start));
  return fields;
}

TEST(VosviewerTest, MapFileOfTheSampleNetwork) {
  // With clusters, every item's description says how they were made.
  const std::string run = "\t\"Clusters: modularity, resolution 1, seed 42\"";
  EXPECT_EQ(map_file(sample_network(), sample_analysis()),
            "id\tlabel\tdescription\tcluster\tweight<Links>\tweight<Total link strength>\t"
            "weight<Documents>\tweight<Citations>\tscore<First year>\tscore<Last year>\t"
            "score<Betweenness>\tscore<Component>\n"
            "1\tAda Lovelace" +
                run +
                "\t1\t3\t5.5\t7\t70\t2010\t2020\t0.3\t0\n"
                "2\tBen Ames" +
                run +
                "\t1\t3\t5.5\t6\t60\t2011\t2020\t0.3\t0\n"
                "3\tCy Young" +
                run +
                "\t1\t2\t3.5\t5\t50\t2012\t2020\t0\t0\n"
                "4\tDee Dee" +
                run +
                "\t2\t2\t3\t4\t40\t2013\t2020\t0.1\t0\n"
                "5\tEve Online" +
                run +
                "\t2\t2\t2.5\t3\t30\t2014\t2020\t0.1\t0\n"
                "6\tFay Wray" +
                run +
                "\t3\t1\t1\t2\t20\t2015\t2020\t0\t1\n"
                "7\tGil Scott" +
                run + "\t3\t1\t1\t1\t10\t2016\t2020\t0\t1\n");
}

TEST(VosviewerTest, DescriptionNamesTheClusteringMethodAndSeed) {
  Analysis analysis = sample_analysis();
  analysis.method = CommunityMethod::leiden;
  analysis.quality = CommunityQuality::cpm;
  analysis.seed = 9;
  const std::string map = map_file(sample_network(), analysis);
  EXPECT_NE(map.find("\n7\tGil Scott\t\"Clusters: Leiden, CPM, resolution 1, seed 9\"\t3\t"),
            std::string::npos)
      << map;
}

TEST(VosviewerTest, MapFileWithALayoutHasXAndY) {
  Network network = sample_network();
  network.nodes.resize(2);
  set_links(network, {{0, 1, 3}});
  Analysis analysis;
  analysis.degree = {1, 1};
  EXPECT_EQ(map_file(network, analysis, {{0.5, -1}, {1e-3, 2}}),
            "id\tlabel\tx\ty\tweight<Links>\tweight<Documents>\tweight<Citations>\t"
            "score<First year>\tscore<Last year>\n"
            "1\tAda Lovelace\t0.5\t-1\t1\t7\t70\t2010\t2020\n"
            "2\tBen Ames\t0.001\t2\t1\t6\t60\t2011\t2020\n");
}

TEST(VosviewerTest, NetworkFileOfTheSampleNetwork) {
  EXPECT_EQ(network_file(sample_network(), sample_analysis()),
            "1\t2\t3\n"
            "1\t3\t1.5\n"
            "1\t4\t1\n"
            "2\t3\t2\n"
            "2\t5\t0.5\n"
            "4\t5\t2\n"
            "6\t7\t1\n");
}

TEST(VosviewerTest, ClustersStartAtOneAndStopAtOneThousand) {
  Analysis analysis = sample_analysis();
  analysis.communities.community = {0, 998, 999, 1000, 5000, 1, 1};
  const std::string map = map_file(sample_network(), analysis);
  std::vector<std::string> clusters;
  std::istringstream lines(map);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) clusters.push_back(split(line, '\t')[3]);  // after description
  EXPECT_EQ(clusters, (std::vector<std::string>{"1", "999", "1000", "1000", "1000", "2", "2"}));
}

TEST(VosviewerTest, ColumnsWithAnUnknownValueAreLeftOut) {
  Network network = sample_network();
  network.nodes[3].first_year = 0;  // no year known: no empty cell, no score<First year>
  const std::string map = map_file(network, sample_analysis());
  EXPECT_EQ(map.find("First year"), std::string::npos);
  EXPECT_NE(map.find("score<Last year>"), std::string::npos);
}

TEST(VosviewerTest, LabelsAreNeutralisedAndQuotedAsTheManualAsks) {
  EXPECT_EQ(vosviewer_label("plain"), "plain");
  EXPECT_EQ(vosviewer_label("Smith, J."), "\"Smith, J.\"");
  EXPECT_EQ(vosviewer_label("a; b"), "\"a; b\"");
  EXPECT_EQ(vosviewer_label("tab\there\nand\rthere"), "tab here and there");
  EXPECT_EQ(vosviewer_label("say \"hi\", then"), "\"say 'hi', then\"");
  EXPECT_EQ(vosviewer_label("bad \xFF"), "bad \xEF\xBF\xBD");
  const std::string map = map_file(sample_network(hostile_labels()), sample_analysis());
  std::istringstream lines(map);
  std::string line;
  std::vector<std::string> labels;
  while (std::getline(lines, line)) {
    const std::vector<std::string> fields = split(line, '\t');
    EXPECT_EQ(fields.size(), 12u) << line;
    labels.push_back(fields[1]);
  }
  EXPECT_EQ(labels, (std::vector<std::string>{
                        "label", "<script>alert(1)</script>", "\"'; x -> y\"", "\"A & B &lt; C\"",
                        "end --> <!-- ]]> <![CDATA[", "back\\slash \\N \\n trailing\\", "two lines",
                        "\"right\xE2\x80\x8F-to-left mark, bad \xEF\xBF\xBD byte\""}));
}

// A reader of delimited text with quoting (Python's csv module, tab-separated) sees the labels
// VOSviewer should see: the quotes around a label with a comma or semicolon are removed.
TEST(VosviewerTest, ACsvReaderReadsTheMapAndNetworkBack) {
  ScratchDir dir;
  write_file(dir.file("map.txt"), map_file(sample_network(hostile_labels()), sample_analysis()));
  write_file(dir.file("network.txt"), network_file(sample_network(), sample_analysis()));
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c '\n"
                    "import csv, sys\n"
                    "m = list(csv.DictReader(open(sys.argv[1], encoding=\"utf-8\", newline=\"\"),\n"
                    "                        delimiter=\"\\t\"))\n"
                    "n = list(csv.reader(open(sys.argv[2], newline=\"\"), delimiter=\"\\t\"))\n"
                    "print(len(m), [r[\"cluster\"] for r in m],\n"
                    "      sum(float(r[\"weight<Total link strength>\"]) for r in m))\n"
                    "print(\"|\".join(r[\"label\"] for r in m[1:6]))\n"
                    "print(len(n), sum(float(r[2]) for r in n), n[4])\n"
                    "' '" +
                    dir.file("map.txt") + "' '" + dir.file("network.txt") + "'",
                &output),
            0);
  EXPECT_EQ(output,
            "7 ['1', '1', '1', '2', '2', '3', '3'] 22.0\n"
            "'; x -> y|A & B &lt; C|end --> <!-- ]]> <![CDATA[|back\\slash \\N \\n trailing\\|"
            "two lines\n"
            "7 11.0 ['2', '5', '0.5']\n");
}

TEST(VosviewerTest, LinkStrengthsMustBePositive) {
  Network network = sample_network();
  set_weight(network, 2, 0);
  std::ostringstream out;
  std::string err;
  EXPECT_FALSE(write_vosviewer_network(network, sample_analysis(), out, &err));
  EXPECT_EQ(err, "edge 0 -- 3 has weight 0; VOSviewer link strengths must be positive");
  EXPECT_TRUE(out.str().empty());
}

TEST(VosviewerTest, PathVariantsWriteTheFiles) {
  ScratchDir dir;
  std::string err;
  ASSERT_TRUE(write_vosviewer_map(sample_network(), sample_analysis(), dir.file("map.txt"), &err))
      << err;
  ASSERT_TRUE(
      write_vosviewer_network(sample_network(), sample_analysis(), dir.file("network.txt"), &err))
      << err;
  EXPECT_EQ(read_file(dir.file("map.txt")), map_file(sample_network(), sample_analysis()));
  EXPECT_EQ(read_file(dir.file("network.txt")), network_file(sample_network(), sample_analysis()));
  Network bad = sample_network();
  set_weight(bad, 0, -1);
  EXPECT_FALSE(write_vosviewer_network(bad, sample_analysis(), dir.file("bad.txt"), &err));
  EXPECT_EQ(dir.entries(), (std::vector<std::string>{"map.txt", "network.txt"}));
}

}  // namespace
}  // namespace citenet
