// The pipeline's scaling knobs seen from outside: --threads changes nothing in the outputs,
// CITENET_TIMINGS reports every step, and progress lines stay off a log that is not a
// terminal.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

const std::string kListing = std::string(CITENET_SAMPLES) + "/integrated-care-listing.txt";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ScalingCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("citenet-scaling-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `ENV citenet ARGS` in the test directory; returns the exit status, stderr in *err.
  int run(const std::string& env, const std::string& args, std::string* err = nullptr) {
    const std::string command = "cd '" + dir_.string() + "' && " + env + " '" + CITENET_BINARY +
                                "' " + args + " > out.txt 2> err.txt";
    const int raw = std::system(command.c_str());
    if (err != nullptr) *err = slurp(dir_ / "err.txt");
    return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  }
  std::string file(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(ScalingCliTest, TimingsNameEveryStepOnlyWhenAsked) {
  std::string err;
  ASSERT_EQ(run("CITENET_TIMINGS=1", "map '" + kListing + "' -o m.graphml -o nodes.csv", &err), 0)
      << err;
  for (const char* step : {"read", "network", "analysis", "writing m.graphml", "writing nodes.csv"})
    EXPECT_TRUE(std::regex_search(
        err, std::regex("(^|\n)timing: " + std::string(step) + " [0-9]+\\.[0-9]{3} s\n")))
        << step << "\n"
        << err;
  ASSERT_EQ(run("", "map '" + kListing + "' -o m.graphml", &err), 0) << err;
  EXPECT_EQ(err.find("timing:"), std::string::npos) << err;
  // stderr is a file here, not a terminal: no progress line is drawn.
  EXPECT_EQ(err.find('\r'), std::string::npos) << err;
}

// A synthetic corpus big enough for several parse chunks, co-occurrence blocks, Brandes
// lanes and PageRank blocks: one thread and three give the same files byte for byte.
TEST_F(ScalingCliTest, ThreadCountChangesNoOutput) {
  ASSERT_EQ(run("", "synth --records 1500 --seed 5 --format medline -o corpus.txt"), 0);
  std::string err;
  for (const char* threads : {"1", "3"}) {
    const std::string suffix = std::string("-") + threads;
    ASSERT_EQ(run("",
                  std::string("map corpus.txt --threads ") + threads + " -o m" + suffix +
                      ".graphml -o nodes" + suffix + ".csv -o edges" + suffix + ".csv",
                  &err),
              0)
        << err;
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
