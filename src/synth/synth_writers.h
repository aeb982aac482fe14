// Writers that print Records in three of the export formats citenet reads, so that its own
// readers (src/formats) read them back: PubMed's MEDLINE (.nbib), Web of Science tagged
// plain text, and the integrated-care listing. Used by `citenet synth`; they print what
// each format carries of a Record and drop the rest (MEDLINE has no references or
// citation counts, the listing no keywords or ORCIDs). Values are printed as they are:
// the writers do not escape, so a value must not hold a line break.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "records/record.h"
#include "synth/synth.h"

namespace citenet {

enum class SynthFormat { medline, wos, listing };

// "medline", "wos", "listing" -> the format; nullopt for any other name.
std::optional<SynthFormat> synth_format_named(std::string_view name);
std::vector<std::string> synth_format_names();

// One record, appended to `out`:
//   MEDLINE: "PMID- ..." through "SO  - ...", values wrapped at 88 columns with six-space
//   continuation lines, then a blank line.
//   WoS: "PT J" through "ER" and a blank line; a file also needs wos_file_header() before
//   the first record and wos_file_footer() after the last.
//   Listing: the record number, "|", the citation line, the "Affiliation(s)" block,
//   "Collapse" and the closing "|"; record.number is the number printed.
void append_medline(const Record& record, std::string& out);
void append_wos(const Record& record, std::string& out);
void append_listing(const Record& record, std::string& out);
std::string_view wos_file_header();  // "FN Clarivate Analytics Web of Science\nVR 1.0\n"
std::string_view wos_file_footer();  // "EF\n"

// Streams records to `out` in one format, buffering about a megabyte at a time.
// Named apart from render/records_table.h's RecordWriter: two classes of one name in one
// program break the one-definition rule (the linker kept one implicit destructor for both,
// which leaked this buffer under AddressSanitizer).
class SynthRecordWriter {
 public:
  SynthRecordWriter(SynthFormat format, std::ostream& out);
  void write(const Record& record);
  // Writes what the format puts after the last record and flushes; false when the stream
  // failed at any point.
  bool finish();

 private:
  void flush();

  SynthFormat format_;
  std::ostream& out_;
  std::string buffer_;
};

// What `citenet synth` does: generates options.records records and writes them to `out`
// in options.format. References are generated only for WoS, the one format that prints
// them (the rest of every record is the same whatever the format). Returns 0 on success;
// 2 with *err set to one line for an unknown format; 1 with *err set when writing failed.
int write_synthetic_corpus(const SynthOptions& options, std::ostream& out, std::string* err);

}  // namespace citenet
