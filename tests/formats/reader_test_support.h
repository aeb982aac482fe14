// The harness the reader tests share: run one reader over text or a file and keep what it
// produced (records, warnings, the error).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <istream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"

namespace citenet::testing_support {

// Every reader's entry point has this shape (read_medline, read_wos, ...).
using ReadFunction = bool (*)(std::istream&, const std::string&, const RecordSink&, ReadStats&,
                                std::string*);

struct ReadResult {
  bool ok = false;
  std::string error;
  std::vector<Record> records;
  ReadStats stats;
  std::vector<std::string> warnings() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : stats.warnings) out.push_back(d.to_string());
    return out;
  }
  const Record* by_pmid(const std::string& pmid) const {
    for (const Record& r : records) {
      if (r.pmid == pmid) return &r;
    }
    return nullptr;
  }
};

inline ReadResult read_stream(ReadFunction read, std::istream& in, const std::string& source) {
  ReadResult result;
  result.ok = read(
      in, source, [&](Record&& r) { result.records.push_back(std::move(r)); }, result.stats,
      &result.error);
  return result;
}

inline ReadResult read_text(ReadFunction read, const std::string& text,
                            const std::string& source) {
  std::istringstream in(text);
  return read_stream(read, in, source);
}

inline ReadResult read_file(ReadFunction read, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  return read_stream(read, in, path);
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace citenet::testing_support
