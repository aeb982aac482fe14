// What the perf programs in tests/bench share: the median of their runs and the CPU time of
// the whole process, so a run on a busy machine can still be compared by CPU seconds.
#pragma once

#include <sys/resource.h>

#include <algorithm>
#include <vector>

namespace citenet::bench {

inline double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct ProcessCpu {
  double user = 0;
  double system = 0;
};

// CPU seconds of every thread of the process so far.
inline ProcessCpu process_cpu() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto s = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return {s(usage.ru_utime), s(usage.ru_stime)};
}

// The same, user and system together.
inline double cpu_seconds() {
  const ProcessCpu cpu = process_cpu();
  return cpu.user + cpu.system;
}

}  // namespace citenet::bench
