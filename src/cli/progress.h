// Progress and timing of the pipeline's steps on standard error.
//
// A step that runs for over a second shows a one-line display ("analysis: 4 s"; with the
// step's own detail when it gives one: "reading: 412 MB of 1.5 GB, 4 s"), redrawn in place
// five times a second by a ticker thread and cleared when the step ends. Scripts and logs
// (stderr not a terminal, or --quiet) see none of it and pay no thread. With
// CITENET_TIMINGS=1 in the environment every step prints "timing: STEP SECONDS s" when it
// ends, whatever the terminal: the benchmarks read those lines.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace citenet {

// Whether progress lines are drawn at all; commands call this once (isatty(2) && !quiet).
void configure_progress(bool enabled);
bool progress_enabled();

class Progress {
 public:
  explicit Progress(std::string step);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();

  // Whether a new detail would be shown: callers test it before formatting one, so a
  // per-record call costs an atomic load when progress is off.
  bool wants_detail() const;
  void set_detail(std::string_view detail);
  double seconds() const;

 private:
  void tick();

  std::string step_;
  std::chrono::steady_clock::time_point start_;
  mutable std::mutex mutex_;
  std::condition_variable stop_signal_;
  bool stopping_ = false;
  bool drawn_ = false;
  std::string detail_;
  std::chrono::steady_clock::time_point detail_time_;
  std::thread ticker_;  // only when progress is enabled
};

}  // namespace citenet
