// Opening an input file, recognising its format by content, and streaming its records.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"
#include "records/record_view.h"

namespace citenet {

// Names of the formats detection knows, for messages and --from.
std::vector<std::string> known_formats();

// The format whose reader recognises `head` (the first bytes of a file), "" if none does.
std::string detect_format(std::string_view head);

struct ReadOptions {
  // Parsing threads for the formats read in chunks (MEDLINE, Web of Science tagged, the
  // listing); 0: one per core. Records reach the sink in file order whatever the number.
  unsigned threads = 0;
  // Bytes per chunk. Internal: tests make it tiny so that records straddle chunk cuts.
  std::size_t chunk_bytes = std::size_t{4} << 20;
  // Called on the calling thread as reading advances (for a progress line).
  std::function<void(std::size_t bytes_done, std::size_t bytes_total, std::size_t records)>
      progress;
  // Called for each good record before the sink, on a parsing thread when the format is read
  // in chunks: work that needs the record alone moves off the sink's thread.
  std::function<void(RecordView&)> prepare;
};

// Streams the records of one file to `sink`. Returns false, with `*error` set to one line
// ("path: what" or "path:line: what"), when nothing could be read: missing, a directory,
// unreadable, empty, or no known format. Skipped records are counted in `stats`.
// `format` names the reader to use (one of known_formats()) instead of detecting it.
bool read_input_views(const std::string& path, const RecordViewSink& sink, ReadStats& stats,
                      std::string* error, const std::string& format = "",
                      const ReadOptions& options = {});

// About how many records the file at `path` holds, from its size: for
// CorpusBuilder::reserve(). 0 for what is not a regular file (a pipe) or cannot be read.
std::size_t estimated_records(const std::string& path);

// The same, each record as an owning copy.
bool read_input(const std::string& path, const RecordSink& sink, ReadStats& stats,
                std::string* error, const std::string& format = "",
                const ReadOptions& options = {});

}  // namespace citenet
