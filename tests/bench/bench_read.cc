// Reading speed: the raw reader alone (records parsed and dropped) and reading with
// normalisation (every record through a CorpusBuilder), in MB/s, median of several runs.
// A perf program, not a test (ninja's *_perftest style): build with -DCITENET_BENCH=ON.
//
//   build/bench_read FILE [--runs N] [--threads N] [--raw-only] [--chunk-kb K]
// --chunk-kb: the size the input is cut into for the parsing threads (default 4096 KB).
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_clock.h"
#include "cli/cli.h"
#include "formats/input.h"
#include "records/corpus.h"

namespace {

using citenet::bench::cpu_seconds;
using citenet::bench::median;

// CPU seconds of the calling thread: the records reach the sink on it, so on an idle
// machine the wall time is at least this.
double thread_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::vector<double> sink_cpu;

// Wall seconds, with the CPU seconds the run took added to `cpu` and those of the calling
// thread to `sink_cpu`: on a busy machine the wall time says little, the CPU times still
// compare two builds.
template <class F>
double seconds(std::vector<double>& cpu, F&& run) {
  const double cpu_start = cpu_seconds();
  const double thread_start = thread_cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  run();
  cpu.push_back(cpu_seconds() - cpu_start);
  sink_cpu.push_back(thread_cpu_seconds() - thread_start);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace citenet;
  tune_allocator_for_batch_runs();  // as the citenet program does
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: bench_read FILE [--runs N] [--threads N] [--raw-only] [--chunk-kb K]\n");
    return 2;
  }
  const std::string path = argv[1];
  int runs = 5;
  ReadOptions options;
  bool raw_only = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
    if (arg == "--threads" && i + 1 < argc) options.threads = std::atoi(argv[++i]);
    if (arg == "--raw-only") raw_only = true;
    if (arg == "--chunk-kb" && i + 1 < argc)
      options.chunk_bytes = std::size_t(std::atoi(argv[++i])) << 10;
  }
  const double mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
  std::size_t records = 0;
  const auto read = [&](const RecordViewSink& sink) {
    ReadStats stats;
    std::string error;
    if (!read_input_views(path, sink, stats, &error, "", options)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      std::exit(1);
    }
    records = stats.records_read;
  };
  std::vector<double> raw, full, raw_cpu, full_cpu;
  for (int r = 0; r < runs; ++r) raw.push_back(seconds(raw_cpu, [&] { read([](RecordView&) {}); }));
  std::printf("%s: %.0f MB, %zu records, %u threads\n", path.c_str(), mb, records, options.threads);
  std::printf("raw read:        %7.2f s  %8.1f MB/s  %7.2f CPU s  (medians of %d)\n", median(raw),
              mb / median(raw), median(raw_cpu), runs);
  if (raw_only) return 0;
  // As the CLI reads: the keys of each record are worked out on the parsing threads.
  const CorpusOptions corpus_options;
  options.prepare = [&](RecordView& record) { prepare_keys(record, corpus_options); };
  for (int r = 0; r < runs; ++r) {
    full.push_back(seconds(full_cpu, [&] {
      CorpusBuilder builder(corpus_options);
      builder.reserve(estimated_records(path));  // as load_corpus() does
      read([&](RecordView& record) { builder.add(record); });
      const Corpus corpus = builder.finish();
      if (corpus.papers.empty()) std::exit(1);
    }));
  }
  std::printf("read+normalise:  %7.2f s  %8.1f MB/s  %7.2f CPU s  (medians of %d)\n", median(full),
              mb / median(full), median(full_cpu), runs);
  sink_cpu.erase(sink_cpu.begin(), sink_cpu.begin() + runs);
  std::printf("  of which on the sink's thread: %.2f CPU s\n", median(sink_cpu));
}
