// The pipeline's scaling knobs seen from outside: --threads changes nothing in the outputs,
// CITENET_TIMINGS reports every step, and progress lines stay off a log that is not a
// terminal.
#include <gtest/gtest.h>

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

class ScalingCliTest : public CliFixture {};

TEST_F(ScalingCliTest, TimingsNameEveryStepOnlyWhenAsked) {
  RunResult r = run("map '" + kListing + "' -o m.graphml -o nodes.csv", "CITENET_TIMINGS=1");
  ASSERT_EQ(r.status, 0) << r.err;
  std::string err = r.err;
  for (const char* step : {"read", "network", "analysis", "writing m.graphml", "writing nodes.csv"})
    EXPECT_TRUE(std::regex_search(
        err, std::regex("(^|\n)timing: " + std::string(step) + " [0-9]+\\.[0-9]{3} s\n")))
        << step << "\n"
        << err;
  r = run("map '" + kListing + "' -o m.graphml");
  ASSERT_EQ(r.status, 0) << r.err;
  err = r.err;
  EXPECT_EQ(err.find("timing:"), std::string::npos) << err;
  // stderr is a file here, not a terminal: no progress line is drawn.
  EXPECT_EQ(err.find('\r'), std::string::npos) << err;
}

// A synthetic corpus big enough for several parse chunks, co-occurrence blocks, Brandes
// lanes and PageRank blocks: one thread and three give the same files byte for byte.
TEST_F(ScalingCliTest, ThreadCountChangesNoOutput) {
  ASSERT_EQ(run("synth --records 1500 --seed 5 --format medline -o corpus.txt").status, 0);
  for (const char* threads : {"1", "3"}) {
    const std::string suffix = std::string("-") + threads;
    const RunResult r = run(std::string("map corpus.txt --threads ") + threads + " -o m" + suffix +
                            ".graphml -o nodes" + suffix + ".csv -o edges" + suffix + ".csv");
    ASSERT_EQ(r.status, 0) << r.err;
  }
  for (const char* name : {"m-%.graphml", "nodes-%.csv", "edges-%.csv"}) {
    std::string one = name, three = name;
    one.replace(one.find('%'), 1, "1");
    three.replace(three.find('%'), 1, "3");
    const std::string a = slurp(file(one)), b = slurp(file(three));
    EXPECT_GT(a.size(), 1000u) << one;
    EXPECT_TRUE(a == b) << one << " and " << three << " differ";
  }
  // The run computed the threaded metrics (every affordable one by default).
  const std::string header = slurp(file("nodes-1.csv")).substr(0, 400);
  for (const char* column : {"betweenness", "closeness", "pagerank", "clustering", "community"})
    EXPECT_NE(header.find(column), std::string::npos) << column << " in " << header;
}

}  // namespace
