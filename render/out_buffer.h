// Buffered formatting for writers of large files: text is gathered in a block and handed
// to the stream a megabyte at a time, numbers formatted with std::to_chars. Writing 60
// million edges through operator<< costs seconds of locale and sentry overhead; this
// costs the copying.
#pragma once

#include <charconv>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace citenet {

// Appends `value` as std::to_chars writes it: integers in decimal, doubles in their shortest
// round-trip form ("0.5", "1"; finite values only).
template <typename T>
void append_number(std::string& out, T value) {
  char digits[32];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

class OutBuffer {
 public:
  explicit OutBuffer(std::ostream& out) : out_(out) { buffer_.reserve(kBlock + 256); }
  OutBuffer(const OutBuffer&) = delete;
  OutBuffer& operator=(const OutBuffer&) = delete;
  ~OutBuffer() { flush(); }

  OutBuffer& operator<<(std::string_view text) {
    if (text.size() >= kBlock) {  // a block of its own: no copy through the buffer
      flush();
      out_.write(text.data(), static_cast<std::streamsize>(text.size()));
      return *this;
    }
    buffer_.append(text);
    if (buffer_.size() >= kBlock) flush();
    return *this;
  }
  OutBuffer& operator<<(std::uint64_t value) { return number(value); }
  OutBuffer& operator<<(std::uint32_t value) { return number(value); }
  // Shortest round-trip form ("0.5", "1", "0.30000000000000004"); finite values only.
  OutBuffer& operator<<(double value) { return number(value); }

  void flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kBlock = 1 << 20;

  template <typename T>
  OutBuffer& number(T value) {
    append_number(buffer_, value);
    if (buffer_.size() >= kBlock) flush();
    return *this;
  }

  std::ostream& out_;
  std::string buffer_;
};

}  // namespace citenet
