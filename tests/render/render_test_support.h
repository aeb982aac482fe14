// Shared by the render tests: a small hand-made network with its analysis, a scratch
// directory, and helpers to run external checkers (xmllint, /usr/bin/python3).
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "graph/analysis.h"
#include "graph/network.h"

namespace citenet::testing {

// Two groups joined by a bridge, plus a separate pair:
//
//   Ada --- Ben          Fay --- Gil
//    |  \  /  |
//    |   Cy   |         (communities: {Ada, Ben, Cy} = 0, {Dee, Eve} = 1, {Fay, Gil} = 2)
//    |        |
//   Dee --- Eve          Cy--Dee is absent; Ada--Dee and Ben--Eve are the bridges
//
// The analysis values are made up (consistent enough to rank nodes), not computed.
inline Network sample_network(std::vector<std::string> labels = {}) {
  const std::vector<std::string> names = {"Ada Lovelace", "Ben Ames", "Cy Young", "Dee Dee",
                                          "Eve Online",   "Fay Wray", "Gil Scott"};
  Network network;
  network.kind = "coauthor";
  network.node_noun = "author";
  for (std::size_t i = 0; i < names.size(); ++i) {
    NodeAttributes node;
    node.label = i < labels.size() ? labels[i] : names[i];
    node.papers = static_cast<std::uint32_t>(7 - i);
    node.citations = static_cast<std::uint32_t>(10 * (7 - i));
    node.first_year = 2010 + static_cast<int>(i);
    node.last_year = 2020;
    network.nodes.push_back(node);
  }
  set_links(network,
            {{0, 1, 3}, {0, 2, 1.5}, {0, 3, 1}, {1, 2, 2}, {1, 4, 0.5}, {3, 4, 2}, {5, 6, 1}});
  return network;
}

// `network` with link k's weight set to `weight`.
inline void set_weight(Network& network, std::size_t k, double weight) {
  std::vector<WeightedEdge> links = network.links().list();
  links.at(k).weight = weight;
  set_links(network, std::move(links));
}

// `network` with its links turned into arcs source -> target.
inline void make_directed(Network& network) {
  std::vector<WeightedEdge> links = network.links().list();
  network.directed = true;
  set_links(network, std::move(links));
}

// `network` with one more link, as a caller building it by hand would add one; `directed`
// turns its links into arcs first.
inline void add_link(Network& network, WeightedEdge link, bool directed = false) {
  if (directed) make_directed(network);
  std::vector<WeightedEdge> links = network.links().list();
  links.push_back(link);
  set_links(network, std::move(links));
}

inline Analysis sample_analysis() {
  Analysis analysis;
  analysis.degree = {3, 3, 2, 2, 2, 1, 1};
  analysis.weighted_degree = {5.5, 5.5, 3.5, 3, 2.5, 1, 1};
  analysis.betweenness = {0.3, 0.3, 0, 0.1, 0.1, 0, 0};
  analysis.component = {0, 0, 0, 0, 0, 1, 1};
  analysis.component_count = 2;
  analysis.communities.community = {0, 0, 0, 1, 1, 2, 2};
  analysis.communities.count = 3;
  analysis.communities.modularity = 0.31;
  return analysis;
}

// Labels that try to break out of every format citenet writes; one per sample node.
inline std::vector<std::string> hostile_labels() {
  return {"<script>alert(1)</script>",
          "\"; x -> y",
          "A & B &lt; C",
          "end --> <!-- ]]> <![CDATA[",
          "back\\slash \\N \\n trailing\\",
          "two\nlines",
          "right\xE2\x80\x8F-to-left mark, bad \xFF byte"};
}

class ScratchDir {
 public:
  // In `base`, the temporary directory by default (a tmpfs such as /dev/shm tests the paths
  // for file systems that refuse direct writes).
  explicit ScratchDir(const std::filesystem::path& base = std::filesystem::temp_directory_path()) {
    std::string pattern = (base / "citenet-render-XXXXXX");
    if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    path_ = pattern;
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path path_;
};

// While alive, a write past `bytes` into any file fails with EFBIG (SIGXFSZ is ignored rather
// than killing the test): a disk that fills up half-way through an output.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    ::getrlimit(RLIMIT_FSIZE, &saved_);
    previous_handler_ = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limit = saved_;
    limit.rlim_cur = bytes;
    if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ADD_FAILURE() << "setrlimit failed";
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &saved_);
    std::signal(SIGXFSZ, previous_handler_);
  }
  FileSizeLimit(const FileSizeLimit&) = delete;
  FileSizeLimit& operator=(const FileSizeLimit&) = delete;

 private:
  rlimit saved_{};
  void (*previous_handler_)(int) = SIG_DFL;
};

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

inline void write_file(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

// Runs a shell command; returns its exit status and stdout.
inline int run(const std::string& command, std::string* output = nullptr) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return -1;
  std::string text;
  char buffer[4096];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, got);
  const int status = ::pclose(pipe);
  if (output != nullptr) *output = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// xmllint --noout: empty string when the file is well-formed XML, else xmllint's complaint.
inline std::string xml_problems(const std::string& path) {
  std::string output;
  const int status = run("xmllint --noout '" + path + "' 2>&1", &output);
  return status == 0 ? "" : "xmllint exit " + std::to_string(status) + ": " + output;
}

// The system Python (not a pyenv shim) is the one that has networkx and igraph.
constexpr const char* kPython = "/usr/bin/python3";

inline bool python_has(const std::string& modules) {
  return run(std::string(kPython) + " -c 'import " + modules + "' >/dev/null 2>&1") == 0;
}

// Decodes the hex lines a Python snippet prints (one UTF-8 string per line).
inline std::vector<std::string> hex_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::string bytes;
    for (std::size_t i = 0; i + 1 < line.size(); i += 2) {
      bytes += static_cast<char>(std::stoi(line.substr(i, 2), nullptr, 16));
    }
    lines.push_back(bytes);
  }
  return lines;
}

}  // namespace citenet::testing
