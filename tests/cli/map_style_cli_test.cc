// End-to-end tests of the map options (--color-by, --max-nodes): the citenet binary run on the
// sample listing, as a user would.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include "cli_test_support.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

using namespace citenet::cli_testing;

class MapStyleCliTest : public CliFixture {};

// How many drawn nodes (ids "<prefix>n<i>") an SVG has.
int drawn_nodes(const std::string& svg) {
  const std::regex node("<g id=\"[A-Za-z0-9_]*_n[0-9]+\" class=\"node\"");
  return static_cast<int>(
      std::distance(std::sregex_iterator(svg.begin(), svg.end(), node), std::sregex_iterator()));
}

TEST_F(MapStyleCliTest, UnknownColouringIsOneLineAndNoWork) {
  const RunResult r = run("map '" + kListing + "' --color-by rainbow -o m.svg");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            "citenet map: unknown colouring 'rainbow' (expected community, year, citations or "
            "country)\n");
  EXPECT_FALSE(fs::exists(file("m.svg")));
}

TEST_F(MapStyleCliTest, UnknownSizeMetricIsRefusedBeforeReading) {
  const RunResult r = run("map '" + kListing + "' --size-by pagerank -o m.svg");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            "citenet map: unknown size metric 'pagerank' (expected betweenness, degree, "
            "weighted_degree, papers or citations)\n");
}

TEST_F(MapStyleCliTest, HelpListsTheMapOptions) {
  const RunResult r = run("map --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("--color-by"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--max-nodes"), std::string::npos);
}

TEST_F(MapStyleCliTest, MaxNodesDrawsNAndSaysOfHowMany) {
  const RunResult r = run("map '" + kListing + "' --max-nodes 10 -o m.svg -o m.graphml");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string svg = slurp(file("m.svg"));
  EXPECT_EQ(drawn_nodes(svg), 10);
  EXPECT_NE(svg.find("showing 10 of 42 authors (the largest by papers)"), std::string::npos);
  // The other files keep the whole network.
  const std::string graphml = slurp(file("m.graphml"));
  std::size_t nodes = 0;
  for (std::size_t at = graphml.find("<node "); at != std::string::npos;
       at = graphml.find("<node ", at + 1))
    ++nodes;
  EXPECT_EQ(nodes, 42u);

  const RunResult all = run("map '" + kListing + "' --max-nodes 0 -o all.svg");
  ASSERT_EQ(all.status, 0) << all.err;
  EXPECT_EQ(drawn_nodes(slurp(file("all.svg"))), 42);
  EXPECT_EQ(slurp(file("all.svg")).find("showing"), std::string::npos);
}

TEST_F(MapStyleCliTest, ColourByYearShowsTheYearRange) {
  const RunResult r = run("map '" + kListing + "' --color-by year -o m.svg");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string svg = slurp(file("m.svg"));
  EXPECT_NE(svg.find("colour: mean publication year of the author&#39;s papers"),
            std::string::npos);
  // The listing's papers run from 2020 to 2024; Hugh Alderwick's tooltip gives his mean year.
  EXPECT_NE(svg.find(">2020 </text>"), std::string::npos);
  EXPECT_NE(svg.find("> 2024</text>"), std::string::npos);
  EXPECT_TRUE(std::regex_search(
      svg, std::regex("Hugh Alderwick \u2014 papers 5, [^\"]*mean year 20[0-9.]+")));
}

TEST_F(MapStyleCliTest, ColourByCountryListsCountries) {
  const RunResult r =
      run("map '" + kListing + "' --network institution --color-by country -o m.svg");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string svg = slurp(file("m.svg"));
  EXPECT_NE(svg.find("United Kingdom ("), std::string::npos) << svg;
  EXPECT_NE(svg.find("colour: main country"), std::string::npos);
}

TEST_F(MapStyleCliTest, ColourByCitationsOnALogScale) {
  const RunResult r = run("map '" + kListing + "' --color-by citations -o m.svg");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(slurp(file("m.svg")).find("colour: citations (log scale)"), std::string::npos);
}

TEST_F(MapStyleCliTest, CommunitiesAreNamedInTheLegend) {
  const RunResult r = run("map '" + kListing + "' -o m.svg");
  ASSERT_EQ(r.status, 0) << r.err;
  // Hugh Alderwick has the most papers (5) of the largest community.
  EXPECT_NE(slurp(file("m.svg")).find("Hugh Alderwick et al. (8 authors)"), std::string::npos);
}

}  // namespace
