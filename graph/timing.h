// Step times for benchmarks: with CITENET_TIMINGS set (and not "0"), report_timing prints
// "timing: STEP SECONDS s" on standard error; otherwise nothing. The CLI's steps and the
// analysis's sub-steps print through it alike, so tests/bench/compare.sh reads one format.
#pragma once

#include <chrono>
#include <string_view>

namespace citenet {

bool timings_enabled();
void report_timing(std::string_view step, double seconds);

// Seconds since construction or the last lap(); costs a clock read only when timings are on.
class Stopwatch {
 public:
  Stopwatch() : on_(timings_enabled()) { lap(); }
  double lap() {
    if (!on_) return 0.0;
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return seconds;
  }

 private:
  bool on_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace citenet
