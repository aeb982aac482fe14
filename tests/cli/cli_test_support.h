// What the end-to-end tests share: a fresh directory per test and the citenet binary run in
// it as a user would, with standard output and error captured.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace citenet::cli_testing {

namespace fs = std::filesystem;

inline const std::string kListing = std::string(CITENET_SAMPLES) + "/integrated-care-listing.txt";

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs a shell command; its exit status, or -1 when it did not exit normally.
inline int shell(const std::string& command) {
  const int raw = std::system(command.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

class CliFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("citenet-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `ENV citenet ARGS` in the test directory (ENV: "NAME=value ..." or empty).
  RunResult run(const std::string& args, const std::string& env = "") {
    RunResult r;
    r.status = shell("cd '" + dir_.string() + "' && " + env + " '" + CITENET_BINARY + "' " + args +
                     " > out.txt 2> err.txt");
    r.out = slurp(dir_ / "out.txt");
    r.err = slurp(dir_ / "err.txt");
    fs::remove(dir_ / "out.txt");
    fs::remove(dir_ / "err.txt");
    return r;
  }
  fs::path file(const std::string& name) const { return dir_ / name; }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  // Names of every file in the directory, to check nothing stray (temporaries) is left.
  std::vector<std::string> listing() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_))
      names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

}  // namespace citenet::cli_testing
