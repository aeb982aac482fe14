// Formatting large files on several threads: the document is cut into numbered pieces
// (a header, chunks of nodes, chunks of edges, a footer), each piece is formatted into a
// per-thread buffer on whichever thread takes it, and a PieceSink places the pieces in order.
// Numbers are formatted with std::to_chars: writing 60 million edges through operator<<
// costs seconds of locale and sentry overhead.
#pragma once

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>

#include "graph/parallel.h"

namespace citenet {

// Text being formatted: a growable buffer whose new room is not zero-filled (as
// std::string::resize would), so a writer can make room for a batch of lines and write them
// through a pointer: appending each part of a line to a string costs a capacity check and a
// memcpy call per part.
class TextBuffer {
 public:
  std::string_view view() const { return {data_.get(), size_}; }
  void clear() { size_ = 0; }

  // Room for at least `n` more bytes: write into it, then pass the end of what was written to
  // commit().
  char* room(std::size_t n) {
    if (capacity_ - size_ < n) grow(size_ + n);
    return data_.get() + size_;
  }
  void commit(const char* end) { size_ = static_cast<std::size_t>(end - data_.get()); }

  TextBuffer& operator+=(std::string_view text) {
    if (text.empty())
      return *this;  // memcpy into an unallocated buffer is undefined, even of 0 bytes
    char* at = room(text.size());
    std::memcpy(at, text.data(), text.size());
    size_ += text.size();
    return *this;
  }

 private:
  void grow(std::size_t needed) {
    const std::size_t capacity = std::max(needed, 2 * capacity_);
    std::unique_ptr<char[]> bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (size_ > 0) std::memcpy(bigger.get(), data_.get(), size_);
    data_ = std::move(bigger);
    capacity_ = capacity;
  }

  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// Appends `value` as std::to_chars writes it: integers in decimal, doubles in their shortest
// round-trip form ("0.5", "1"; finite values only, at most 24 characters).
template <typename T>
void append_number(TextBuffer& out, T value) {
  char* at = out.room(32);
  out.commit(std::to_chars(at, at + 32, value).ptr);
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
// `sink`: format(k, text) appends piece k to `text`, an emptied per-thread TextBuffer. Threads take
// pieces in increasing order, so the piece a waiting thread needs placed first is always held
// by a running thread. The bytes do not depend on the thread count.
template <typename Format>
void put_pieces(PieceSink& sink, std::size_t count, unsigned threads, Format&& format) {
  parallel_blocks_with(
      count, 1, threads, [] { return TextBuffer(); },
      [&](std::size_t k, std::size_t, TextBuffer& text) {
        text.clear();
        format(k, text);
        sink.put(k, text.view());
      });
}

}  // namespace citenet
