// Formatting large files on several threads: the document is cut into numbered pieces
// (a header, chunks of nodes, chunks of edges, a footer), each piece is formatted into a
// per-thread buffer on whichever thread takes it, and a PieceSink places the pieces in order.
// Numbers are formatted with std::to_chars: writing 60 million edges through operator<<
// costs seconds of locale and sentry overhead.
#pragma once

#include <charconv>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/parallel.h"

namespace citenet {

// Appends `value` as std::to_chars writes it: integers in decimal, doubles in their shortest
// round-trip form ("0.5", "1"; finite values only).
template <typename T>
void append_number(std::string& out, T value) {
  char digits[32];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

// Where the numbered pieces of a document go. put(k, text) may be called from any thread and
// places piece k right after piece k-1, waiting until that one is placed; every index from 0
// on must be put exactly once, even after a failure, so that no thread waits forever.
class PieceSink {
 public:
  virtual ~PieceSink() = default;
  virtual void put(std::size_t index, std::string_view text) = 0;
};

// Lets pieces through in index order: wait(k) returns, holding the lock, once pieces 0..k-1
// have passed; pass() lets the next one through.
class PieceTurns {
 public:
  std::unique_lock<std::mutex> wait(std::size_t index) {
    std::unique_lock<std::mutex> lock(mutex_);
    turn_.wait(lock, [&] { return next_ == index; });
    return lock;
  }
  void pass(std::unique_lock<std::mutex>& lock) {
    ++next_;
    lock.unlock();
    turn_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable turn_;
  std::size_t next_ = 0;
};

// Pieces written to a stream, one after the other (stream errors are left in the stream).
class StreamPieces final : public PieceSink {
 public:
  explicit StreamPieces(std::ostream& out) : out_(out) {}
  void put(std::size_t index, std::string_view text) override {
    std::unique_lock<std::mutex> lock = turns_.wait(index);
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    turns_.pass(lock);
  }

 private:
  std::ostream& out_;
  PieceTurns turns_;
};

// Formats pieces 0..count-1 on up to `threads` threads (0: every core) and puts them into
// `sink`: format(k, text) appends piece k to `text`, an emptied per-thread buffer. Threads take
// pieces in increasing order, so the piece a waiting thread needs placed first is always held
// by a running thread. The bytes do not depend on the thread count.
template <typename Format>
void put_pieces(PieceSink& sink, std::size_t count, unsigned threads, Format&& format) {
  parallel_blocks_with(
      count, 1, threads, [] { return std::string(); },
      [&](std::size_t k, std::size_t, std::string& text) {
        text.clear();
        format(k, text);
        sink.put(k, text);
      });
}

}  // namespace citenet
