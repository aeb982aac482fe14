// Writing speed: write_graphml and the node CSV alone, on a synthetic network the size of the
// 300k-record co-authorship network (596,666 nodes, 21M edges: 1.6 GB of GraphML), median of
// several runs, with the user and system CPU seconds (on a shared machine the wall time says
// little, the CPU time still compares two builds). The file is fsynced as citenet does, so
// the disk is in the figure too. A perf program, not a test: build with -DCITENET_BENCH=ON.
//
//   build/bench_write DIR [--edges N] [--nodes N] [--runs N] [--threads N] [--csv]

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench_clock.h"
#include "render/graphml.h"
#include "render/table_export.h"

namespace {

using namespace citenet;

using bench::median;

// Sorted edges (source < target) with co-authorship-like weights: mostly 1, a tail of small
// integers and a few fractional values, neighbours near each other as in communities.
Network synthetic_network(std::size_t nodes, std::size_t edges) {
  Network network;
  network.kind = "coauthor";
  std::mt19937_64 random(1);
  for (std::size_t i = 0; i < nodes; ++i)
    network.nodes.push_back({std::string("Author ").append(std::to_string(i)),
                             1 + static_cast<std::uint32_t>(i % 9),
                             static_cast<std::uint32_t>(i % 97), 2000, 2020});
  const std::size_t per_node = std::max<std::size_t>(1, edges / nodes);
  std::geometric_distribution<int> extra(0.6);
  std::vector<WeightedEdge> links;
  for (std::uint32_t s = 0; s + 1 < nodes && links.size() < edges; ++s) {
    std::uint32_t t = s;
    for (std::size_t k = 0; k < per_node && links.size() < edges; ++k) {
      t += 1 + static_cast<std::uint32_t>(random() % 400);
      if (t >= nodes) break;
      const int w = 1 + extra(random);
      links.push_back({s, t, random() % 50 == 0 ? w / 3.0 : static_cast<double>(w)});
    }
  }
  set_links(network, std::move(links), 0);  // writers read the links from the graph
  return network;
}

Analysis synthetic_analysis(const Network& network) {
  Analysis analysis;
  const std::size_t n = network.nodes.size();
  std::mt19937_64 random(2);
  std::uniform_real_distribution<double> unit(0, 1);
  for (std::size_t i = 0; i < n; ++i) {
    analysis.degree.push_back(static_cast<double>(1 + random() % 300));
    analysis.pagerank.push_back(unit(random) / static_cast<double>(n));
    analysis.component.push_back(static_cast<std::uint32_t>(random() % 3));
    analysis.communities.community.push_back(static_cast<std::uint32_t>(random() % 5000));
  }
  analysis.component_count = 3;
  analysis.communities.count = 5000;
  analysis.method = CommunityMethod::leiden;
  return analysis;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: bench_write DIR [--edges N] [--nodes N] [--runs N] [--threads N] "
                 "[--csv]\n");
    return 2;
  }
  const std::string dir = argv[1];
  std::size_t nodes = 596'666, edges = 21'000'000;
  int runs = 5;
  unsigned threads = 0;
  bool csv = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--edges" && i + 1 < argc) edges = std::strtoull(argv[++i], nullptr, 10);
    if (arg == "--nodes" && i + 1 < argc) nodes = std::strtoull(argv[++i], nullptr, 10);
    if (arg == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
    if (arg == "--threads" && i + 1 < argc) threads = std::atoi(argv[++i]);
    if (arg == "--csv") csv = true;
  }
  const Network network = synthetic_network(nodes, edges);
  const Analysis analysis = synthetic_analysis(network);
  const std::string path = dir + (csv ? "/bench-nodes.csv" : "/bench.graphml");
  std::vector<double> wall, user, system;
  for (int r = 0; r < runs; ++r) {
    const bench::ProcessCpu cpu_start = bench::process_cpu();
    const auto start = std::chrono::steady_clock::now();
    std::string err;
    const bool ok = csv ? write_nodes_csv(network, analysis, path, &err)
                        : write_graphml(network, analysis, path, &err, threads);
    if (!ok) {
      std::fprintf(stderr, "%s\n", err.c_str());
      return 1;
    }
    wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    const bench::ProcessCpu cpu_end = bench::process_cpu();
    user.push_back(cpu_end.user - cpu_start.user);
    system.push_back(cpu_end.system - cpu_start.system);
  }
  const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::printf("%s: %zu nodes, %zu edges, %.0f MB, threads %u\n", path.c_str(), network.nodes.size(),
              network.links().size(), mb, threads);
  std::printf("write: %.2f s (%.0f MB/s)  user %.2f s  sys %.2f s  (medians of %d)\n", median(wall),
              mb / median(wall), median(user), median(system), runs);
  std::string all;
  for (const double w : wall) all += " " + std::to_string(w).substr(0, 5);
  std::printf("runs:%s\n", all.c_str());
  std::filesystem::remove(path);
}
