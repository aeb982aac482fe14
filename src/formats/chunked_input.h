// Reading one file as chunks cut at record boundaries: the chunks are parsed on several
// threads and their records handed on in file order, so what a sink sees (records,
// warnings, line numbers, record numbers) does not depend on the number of threads.
//
// A reader can be read this way when a record start can be recognised from its line alone
// and the reader carries nothing from one record to the next but counts (MEDLINE's
// "PMID- ", the listing's record number, a Web of Science "PT" after "ER").
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"

namespace citenet {

// What reading one chunk found besides its records. Line numbers in the chunk's records and
// warnings, and Diagnostic::record numbers, count from the chunk's start; read_chunked()
// shifts them by what the chunks before it held.
struct ChunkOutcome {
  std::size_t lines = 0;            // lines in the chunk
  std::size_t records_started = 0;  // records the reader numbered (Diagnostic::record)
  bool format_seen = false;
  std::size_t first_content_line = 0;  // 0 when the chunk holds only blank lines
};

struct ChunkedFormat {
  // The offset of the first record start at or after `from` (at a line start), or
  // text.size() when there is none.
  std::size_t (*next_record)(std::string_view text, std::size_t from);
  ChunkOutcome (*read_chunk)(std::string_view text, const std::string& source,
                             const RecordSink& sink, ReadStats& stats);
  // The error for a file in which no chunk found the format.
  std::string (*format_error)(const std::string& source, std::size_t first_content_line);
  // True when the reader cuts every field from the text at ASCII bytes and joins pieces with
  // ASCII only: then a chunk that is valid UTF-8 as a whole gives only valid fields, and
  // they need not be checked one by one (ChunkedReadOptions::prepare's `text_valid`).
  bool cuts_at_ascii = false;
};

struct ChunkedReadOptions {
  unsigned threads = 1;  // parsing threads; 1 parses on the calling thread
  std::size_t chunk_bytes = std::size_t{4} << 20;
  // Runs on the parsing thread for each record before it is queued; warnings go to `stats`
  // in the record's place. `text_valid`: the record's fields are known to be valid UTF-8
  // (ChunkedFormat::cuts_at_ascii and a valid chunk).
  std::function<void(Record&, ReadStats& stats, bool text_valid)> prepare;
  // Called on the calling thread after each chunk was handed on: `text` before `bytes_done`
  // is not read again (its memory may be released).
  std::function<void(std::size_t bytes_done, std::size_t records_read)> progress;
};

// Reads `text` (a whole file) with `format`, calling `sink` on the calling thread for each
// record in file order. Returns false with *error set when no chunk found the format.
bool read_chunked(std::string_view text, const std::string& source, const ChunkedFormat& format,
                  const RecordSink& sink, ReadStats& stats, std::string* error,
                  const ChunkedReadOptions& options);

}  // namespace citenet
