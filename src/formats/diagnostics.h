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
  // The record's number in the file (1-based) where the reader counts records, shown as
  // "record N: "; 0 when the message says it itself or names no record. Kept apart from
  // the message so a chunk read in parallel can number its records once it knows how many
  // came before it.
  std::size_t record = 0;

  // "file:line: record N: message", or "file: message" without a line.
  std::string to_string() const {
    const std::string what = record ? "record " + std::to_string(record) + ": " + message : message;
    return line ? file + ":" + std::to_string(line) + ": " + what : file + ": " + what;
  }
};

// What one reader run produced besides records.
struct ReadStats {
  std::size_t records_read = 0;     // handed to the sink
  std::size_t records_skipped = 0;  // malformed, reported in warnings
  std::vector<Diagnostic> warnings;
};

}  // namespace citenet
