#include "cli/progress.h"

#include <atomic>
#include <cstdio>

#include "graph/timing.h"

namespace citenet {
namespace {

std::atomic<bool> enabled{false};

constexpr auto kFirstDraw = std::chrono::seconds(1);
constexpr auto kRedraw = std::chrono::milliseconds(200);
constexpr int kWidth = 79;

}  // namespace

void configure_progress(bool on) { enabled = on; }
bool progress_enabled() { return enabled.load(std::memory_order_relaxed); }

Progress::Progress(std::string step)
    : step_(std::move(step)), start_(std::chrono::steady_clock::now()), detail_time_(start_) {
  if (progress_enabled()) ticker_ = std::thread([this] { tick(); });
}

Progress::~Progress() {
  if (ticker_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    stop_signal_.notify_one();
    ticker_.join();
  }
  // Cleared with spaces rather than an escape sequence, so any terminal copes.
  if (drawn_) std::fprintf(stderr, "\r%*s\r", kWidth, "");
  report_timing(step_, seconds());
}

bool Progress::wants_detail() const {
  if (!progress_enabled()) return false;
  std::lock_guard lock(mutex_);
  return std::chrono::steady_clock::now() - detail_time_ >= kRedraw;
}

void Progress::set_detail(std::string_view detail) {
  std::lock_guard lock(mutex_);
  detail_.assign(detail);
  detail_time_ = std::chrono::steady_clock::now();
}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::tick() {
  std::unique_lock lock(mutex_);
  if (stop_signal_.wait_for(lock, kFirstDraw, [this] { return stopping_; })) return;
  do {
    std::string line = step_ + ": ";
    if (!detail_.empty()) line += detail_ + ", ";
    line += std::to_string(static_cast<long>(seconds())) + " s";
    if (line.size() > kWidth) line.resize(kWidth);
    std::fprintf(stderr, "\r%-*s", kWidth, line.c_str());
    std::fflush(stderr);
    drawn_ = true;
  } while (!stop_signal_.wait_for(lock, kRedraw, [this] { return stopping_; }));
}

}  // namespace citenet
