// Normalised records as JSON (an array of objects) or CSV (one row per record), written
// one record at a time so a million-record corpus never sits in memory twice.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "records/record.h"

namespace citenet {

// What normalisation made of one record: its authors (aligned with Record::authors) and
// the paper it belongs to once duplicates across sources are merged.
struct NormalisedAuthors {
  std::vector<std::string> labels;   // the person's display label per author slot
  std::vector<std::int64_t> people;  // the person id per author slot, -1 where dropped
  std::uint32_t paper = 0;           // 0-based paper index after merging duplicates
  bool duplicate = false;            // an earlier record is the same paper
};

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  virtual void begin() = 0;
  virtual void write(const Record& record, const NormalisedAuthors& authors) = 0;
  virtual void end() = 0;
};

// "json" or "csv"; nullptr for anything else.
std::unique_ptr<RecordWriter> make_record_writer(const std::string& format, std::ostream& out);

}  // namespace citenet
