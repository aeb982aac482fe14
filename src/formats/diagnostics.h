// Problems found while reading input, reported as `file:line: what` (ninja style).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace citenet {

struct Diagnostic {
  std::string file;
  std::size_t line = 0;  // 0 when the problem is about the whole file
  std::string message;

  // "file:line: message", or "file: message" without a line.
  std::string to_string() const {
    return line ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
  }
};

// What one reader run produced besides records.
struct ReadStats {
  std::size_t records_read = 0;     // handed to the sink
  std::size_t records_skipped = 0;  // malformed, reported in warnings
  std::vector<Diagnostic> warnings;
};

}  // namespace citenet
