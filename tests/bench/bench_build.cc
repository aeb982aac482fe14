// Network building speed: a corpus read once (as the CLI reads it), then the weighted
// co-authorship network built from it several times, wall and CPU seconds of each build and
// their medians. The corpus builder stays alive, so the first build gets fresh pages only;
// each later build gets the pages the one before it freed. Where first touch is costly (the
// virtual machines of docs/scaling.md), the two differ by that cost.
// A perf program, not a test (ninja's *_perftest style): build with -DCITENET_BENCH=ON.
//
//   build/bench_build FILE [--runs N] [--threads N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_clock.h"
#include "cli/cli.h"
#include "formats/input.h"
#include "graph/build.h"
#include "records/corpus.h"

int main(int argc, char** argv) {
  using namespace citenet;
  using bench::cpu_seconds;
  using bench::median;
  tune_allocator_for_batch_runs();  // as the citenet program does
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_build FILE [--runs N] [--threads N]\n");
    return 2;
  }
  const std::string path = argv[1];
  int runs = 5;
  unsigned threads = 0;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
    if (arg == "--threads" && i + 1 < argc) threads = static_cast<unsigned>(std::atoi(argv[++i]));
  }
  CorpusOptions corpus_options;
  corpus_options.threads = threads;
  CorpusBuilder builder(corpus_options);
  builder.reserve(estimated_records(path));
  ReadOptions options;
  options.threads = threads;
  options.prepare = [&](RecordView& record) { prepare_keys(record, corpus_options); };
  ReadStats stats;
  std::string error;
  if (!read_input_views(
          path, [&](RecordView& record) { builder.add(record); }, stats, &error, "", options)) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  const Corpus corpus = builder.finish();
  NetworkSpec spec;
  spec.kind = NetworkKind::coauthor;
  spec.threads = threads;
  std::vector<double> wall, cpu;
  std::size_t links = 0, nodes = 0;
  for (int r = 0; r < runs; ++r) {
    const double cpu_start = cpu_seconds();
    const auto start = std::chrono::steady_clock::now();
    {
      const Network network = build_network(corpus, spec);
      links = network.links().size();
      nodes = network.nodes.size();
    }  // freed inside the timing, so every build's time covers the same work
    wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    cpu.push_back(cpu_seconds() - cpu_start);
    std::printf("build %d: %.2f s, %.2f CPU s\n", r + 1, wall.back(), cpu.back());
  }
  std::printf("%s: %zu records, %zu nodes, %zu links, %u threads\n", path.c_str(),
              stats.records_read, nodes, links, threads);
  std::printf("co-authorship network: %.2f s  %.2f CPU s  (medians of %d)\n", median(wall),
              median(cpu), runs);
}
