#include "render/table_export.h"

#include <gtest/gtest.h>

#include <sstream>

#include "render/escape.h"
#include "render_test_support.h"

namespace citenet {
namespace {

using testing::hex_lines;
using testing::hostile_labels;
using testing::kPython;
using testing::read_file;
using testing::run;
using testing::sample_analysis;
using testing::sample_network;
using testing::ScratchDir;
using testing::write_file;

std::string csv(const Network& network, const Analysis& analysis, CsvTable table) {
  std::ostringstream out;
  std::string err;
  EXPECT_TRUE(write_csv(network, analysis, table, out, &err)) << err;
  return out.str();
}

TEST(TableExportTest, NodeTableOfTheSampleNetwork) {
  // community_run says how the communities were made (no method named: the sample's
  // Analysis leaves it at none), quoted for its commas.
  const std::string run = ",\"modularity, resolution 1, seed 42\"\r\n";
  EXPECT_EQ(csv(sample_network(), sample_analysis(), CsvTable::kNodes),
            "id,label,papers,citations,first_year,last_year,degree,weighted_degree,betweenness,"
            "component,community,community_run\r\n"
            "0,Ada Lovelace,7,70,2010,2020,3,5.5,0.3,0,0" +
                run + "1,Ben Ames,6,60,2011,2020,3,5.5,0.3,0,0" + run +
                "2,Cy Young,5,50,2012,2020,2,3.5,0,0,0" + run +
                "3,Dee Dee,4,40,2013,2020,2,3,0.1,0,1" + run +
                "4,Eve Online,3,30,2014,2020,2,2.5,0.1,0,1" + run +
                "5,Fay Wray,2,20,2015,2020,1,1,0,1,2" + run +
                "6,Gil Scott,1,10,2016,2020,1,1,0,1,2" + run);
}

TEST(TableExportTest, CommunityRunNamesTheMethodAndSeedOnlyWithCommunities) {
  Analysis analysis = sample_analysis();
  analysis.method = CommunityMethod::leiden;
  analysis.seed = 7;
  analysis.resolution = 0.5;
  const std::string with = csv(sample_network(), analysis, CsvTable::kNodes);
  EXPECT_NE(with.find(",community,community_run\r\n"), std::string::npos);
  EXPECT_NE(with.find("\r\n6,Gil Scott,1,10,2016,2020,1,1,0,1,2,\"Leiden, modularity, resolution "
                      "0.5, seed 7\"\r\n"),
            std::string::npos)
      << with;
  analysis.communities = {};
  const std::string without = csv(sample_network(), analysis, CsvTable::kNodes);
  EXPECT_EQ(without.find("community"), std::string::npos);
  EXPECT_NE(without.find("\r\n6,Gil Scott,1,10,2016,2020,1,1,0,1\r\n"), std::string::npos)
      << without;
}

TEST(TableExportTest, EdgeTableOfTheSampleNetwork) {
  EXPECT_EQ(csv(sample_network(), sample_analysis(), CsvTable::kEdges),
            "source,target,source_label,target_label,weight\r\n"
            "0,1,Ada Lovelace,Ben Ames,3\r\n"
            "0,2,Ada Lovelace,Cy Young,1.5\r\n"
            "0,3,Ada Lovelace,Dee Dee,1\r\n"
            "1,2,Ben Ames,Cy Young,2\r\n"
            "1,4,Ben Ames,Eve Online,0.5\r\n"
            "3,4,Dee Dee,Eve Online,2\r\n"
            "5,6,Fay Wray,Gil Scott,1\r\n");
}

TEST(TableExportTest, MissingMetricsHaveNoColumnAndUnknownYearsAreEmpty) {
  Network network = sample_network();
  network.nodes[1].first_year = 0;
  network.nodes[1].last_year = 0;
  Analysis analysis;
  analysis.betweenness = {0.1 + 0.2, 0, 0, 0, 0, 0, 0};
  const std::string table = csv(network, analysis, CsvTable::kNodes);
  EXPECT_EQ(table.substr(0, table.find("\r\n", table.find("\r\n") + 2) + 2),
            "id,label,papers,citations,first_year,last_year,betweenness\r\n"
            "0,Ada Lovelace,7,70,2010,2020,0.30000000000000004\r\n");
  EXPECT_NE(table.find("\r\n1,Ben Ames,6,60,,,0\r\n"), std::string::npos);
}

TEST(TableExportTest, FieldsFollowRfc4180) {
  EXPECT_EQ(csv_field("plain text"), "plain text");
  EXPECT_EQ(csv_field("Smith, J."), "\"Smith, J.\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_field("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(csv_field("bad \xFF byte"), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(csv_field(""), "");
}

TEST(TableExportTest, HostileLabelsReadBackWithPythonCsv) {
  ScratchDir dir;
  const std::vector<std::string> labels = hostile_labels();
  const Network network = sample_network(labels);
  write_file(dir.file("nodes.csv"), csv(network, sample_analysis(), CsvTable::kNodes));
  write_file(dir.file("edges.csv"), csv(network, sample_analysis(), CsvTable::kEdges));
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c '\n"
                    "import csv, sys\n"
                    "with open(sys.argv[1], newline=\"\", encoding=\"utf-8\") as f:\n"
                    "    rows = list(csv.DictReader(f))\n"
                    "assert all(len(r) == 12 for r in rows), rows\n"
                    "for r in rows: print(r[\"label\"].encode(\"utf-8\").hex())\n"
                    "with open(sys.argv[2], newline=\"\", encoding=\"utf-8\") as f:\n"
                    "    for r in csv.DictReader(f):\n"
                    "        print(r[\"source_label\"].encode(\"utf-8\").hex())\n"
                    "        print(r[\"target_label\"].encode(\"utf-8\").hex())\n"
                    "' '" +
                    dir.file("nodes.csv") + "' '" + dir.file("edges.csv") + "'",
                &output),
            0);
  const std::vector<std::string> read = hex_lines(output);
  ASSERT_EQ(read.size(), labels.size() + 2 * network.links().size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    EXPECT_EQ(read[i], sanitize_utf8(labels[i])) << "label " << i;
  }
  for (std::size_t e = 0; e < network.links().size(); ++e) {
    EXPECT_EQ(read[labels.size() + 2 * e], sanitize_utf8(labels[network.links()[e].source]));
    EXPECT_EQ(read[labels.size() + 2 * e + 1], sanitize_utf8(labels[network.links()[e].target]));
  }
}

TEST(TableExportTest, RejectsAMismatchedAnalysisBeforeWriting) {
  Analysis analysis = sample_analysis();
  analysis.component = {0};
  std::ostringstream out;
  std::string err;
  EXPECT_FALSE(write_csv(sample_network(), analysis, CsvTable::kEdges, out, &err));
  EXPECT_EQ(err, "analysis does not match the network: component has 1 values for 7 nodes");
  EXPECT_TRUE(out.str().empty());
}

TEST(TableExportTest, PathVariantsWriteTheFiles) {
  ScratchDir dir;
  std::string err;
  ASSERT_TRUE(write_nodes_csv(sample_network(), sample_analysis(), dir.file("nodes.csv"), &err))
      << err;
  ASSERT_TRUE(write_edges_csv(sample_network(), sample_analysis(), dir.file("edges.csv"), &err))
      << err;
  EXPECT_EQ(read_file(dir.file("nodes.csv")),
            csv(sample_network(), sample_analysis(), CsvTable::kNodes));
  EXPECT_EQ(read_file(dir.file("edges.csv")),
            csv(sample_network(), sample_analysis(), CsvTable::kEdges));
  EXPECT_EQ(dir.entries(), (std::vector<std::string>{"edges.csv", "nodes.csv"}));
}

// Rows are formatted in chunks of 8,192 on threads and written at their places in the file:
// the same bytes as the stream, one thread or eight, with quoted labels and every value type.
TEST(TableExportTest, ManyRowsGiveTheSameBytesOnAnyThreadCount) {
  constexpr std::uint32_t kNodes = 20'001;  // three chunks of rows, the last one short
  Network network;
  network.kind = "coauthor";
  Analysis analysis;
  for (std::uint32_t i = 0; i < kNodes; ++i) {
    network.nodes.push_back({i % 3 ? "Smith, J." : "Ng", i % 5, i, i % 2 ? 2001 : 0, 2020});
    analysis.degree.push_back(i % 4 ? 1.0 / (i + 1) : 2.0);
    analysis.communities.community.push_back(i % 9);
  }
  std::vector<WeightedEdge> edges;
  for (std::uint32_t i = 0; i + 1 < kNodes; ++i) edges.push_back({i, i + 1, 0.5 * i});
  set_links(network, std::move(edges));
  ScratchDir dir;
  for (const CsvTable table : {CsvTable::kNodes, CsvTable::kEdges}) {
    const std::string streamed = csv(network, analysis, table);
    for (const unsigned threads : {1u, 2u, 3u, 8u}) {
      std::string err;
      ASSERT_TRUE(write_csv(network, analysis, table, dir.file("t.csv"), &err, threads)) << err;
      EXPECT_TRUE(read_file(dir.file("t.csv")) == streamed) << threads << " threads";
    }
  }
  const std::string nodes = csv(network, analysis, CsvTable::kNodes);
  EXPECT_NE(
      nodes.find(
          "\r\n8191,\"Smith, J.\",1,8191,2001,2020,0.0001220703125,1,\"modularity, resolution "
          "1, seed 42\"\r\n8192,\"Smith, J.\",2,8192,,2020,2,2,"),
      std::string::npos);  // across the first chunk boundary
}

}  // namespace
}  // namespace citenet
