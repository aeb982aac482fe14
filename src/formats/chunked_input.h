// Reading one file as chunks cut at record boundaries: the chunks are parsed on several
// threads and their records handed on in file order, so what a sink sees (records,
// warnings, line numbers, record numbers) does not depend on the number of threads.
//
// A reader can be read this way when a record start can be recognised from its line alone
// and the reader carries nothing from one record to the next but counts (MEDLINE's
// "PMID- ", the listing's record number, a Web of Science "PT" after "ER").
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"
#include "records/record_view.h"

namespace citenet {

// Where a chunk's reader puts its records: views filled in place, their text in the chunk or
// in arena(), kept until the chunk was handed on. Reused chunk after chunk, so a reader
// that fills views allocates nothing per record once the lists and the arena have grown.
class ChunkRecords {
 public:
  // An empty view for the next record; the last one start() gave, if not kept, is reused.
  RecordView& start() {
    RecordView& view = slot();
    clear_record(view);
    if (count_ + 1 < views_.size()) prefetch(views_[count_ + 1]);
    return view;
  }
  // The view start() last gave is a record.
  void keep() {
    if (on_keep) on_keep(views_[count_]);
    ++count_;
  }
  // For readers that build Records: `record` is kept, swapped for a spare one (whose buffers
  // the reader gets back), and viewed. A deque, so the Records (and the short strings held
  // inside them) stay where the views saw them while more are added.
  void keep(Record&& record);
  TextArena& arena() { return arena_; }
  // The bytes [offset, offset + size) of file `fd`, read into this chunk's own buffer (kept
  // from chunk to chunk); `mapped`, the same bytes through a mapping, when reading fails.
  std::string_view read_text(int fd, std::size_t offset, std::string_view mapped);
  std::span<RecordView> kept() { return {views_.data(), count_}; }
  // Empties it, keeping what it allocated; every view it held becomes invalid.
  void reuse() {
    count_ = 0;
    spare_records_ = 0;
    arena_.reset();
  }

  // Runs on each record as it is kept, before the reader goes on.
  std::function<void(RecordView&)> on_keep;

 private:
  // A chunk's views are megabytes written once per chunk, so they are cold when the reader
  // comes back to them: the next one's lists are asked for while this record is read.
  static void prefetch(const RecordView& next);
  RecordView& slot() {
    if (count_ == views_.size()) views_.emplace_back();
    return views_[count_];
  }

  std::vector<RecordView> views_;  // the first count_ are kept; the rest are for reuse
  std::size_t count_ = 0;
  std::deque<Record> records_;  // keep(Record&&)'s; the first spare_records_ are in use
  std::size_t spare_records_ = 0;
  TextArena arena_;
  std::unique_ptr<char[]> text_;
  std::size_t text_capacity_ = 0;
};

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
                             ChunkRecords& records, ReadStats& stats);
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
  // When the text is a mapping of a file open as `fd`: each chunk is read with pread() into
  // a buffer its thread reuses, and the mapping is read only where chunks are cut. Touching
  // a mapped page for the first time costs far more than copying it where pages are mapped
  // lazily by a hypervisor (1.5 GB: 0.80 s to scan through the mapping, 0.20 s to read and
  // scan in 4 MB pieces; docs/scaling.md).
  int fd = -1;
  // Runs on the parsing thread for each record before it is queued; text it replaces goes to
  // `arena` (the chunk's), warnings to `stats` in the record's place. `text_valid`: the
  // record's fields are known to be valid UTF-8 (ChunkedFormat::cuts_at_ascii and a valid
  // chunk).
  std::function<void(RecordView&, TextArena& arena, ReadStats& stats, bool text_valid)> prepare;
  // Called on the calling thread after each chunk was handed on: `text` before `bytes_done`
  // is not read again (its memory may be released).
  std::function<void(std::size_t bytes_done, std::size_t records_read)> progress;
};

// Reads `text` (a whole file) with `format`, calling `sink` on the calling thread for each
// record in file order; the views point into `text` until `progress` was called for their
// chunk. Returns false with *error set when no chunk found the format.
bool read_chunked(std::string_view text, const std::string& source, const ChunkedFormat& format,
                  const RecordViewSink& sink, ReadStats& stats, std::string* error,
                  const ChunkedReadOptions& options);

// ChunkedFormat::read_chunk for a reader that builds Records.
template <ChunkOutcome (*read_records)(std::string_view, const std::string&, const RecordSink&,
                                       ReadStats&)>
ChunkOutcome read_record_chunk(std::string_view text, const std::string& source,
                               ChunkRecords& records, ReadStats& stats) {
  return read_records(
      text, source, [&records](Record&& record) { records.keep(std::move(record)); }, stats);
}

}  // namespace citenet
