#include "formats/chunked_input.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <unistd.h>

#include "records/text.h"

namespace citenet {

// A copied view would point its authors' affiliations at the original's list: views are
// only moved.
static_assert(std::is_nothrow_move_constructible_v<RecordView>);
static_assert(!std::is_copy_constructible_v<RecordView> && !std::is_copy_assignable_v<RecordView>);

void ChunkRecords::keep(Record&& record) {
  if (spare_records_ < records_.size())
    swap(records_[spare_records_], record);  // citenet::swap, member by member
  else
    records_.push_back(std::move(record));
  view_of(records_[spare_records_++], slot());
  keep();
}

void ChunkRecords::prefetch(const RecordView& next) {
  constexpr std::size_t kLine = 64;
  constexpr std::size_t kMaxLines = 32;  // the lists of a record of a dozen authors or so
  const auto lines = [](const void* data, std::size_t bytes) {
    const char* at = static_cast<const char*>(data);
    for (std::size_t k = 0; k < std::min(bytes, kMaxLines * kLine); k += kLine)
      __builtin_prefetch(at + k, 1);
  };
  lines(&next, sizeof next);
  lines(next.authors.data(), next.authors.capacity() * sizeof(AuthorView));
  lines(next.affiliations.data(), next.affiliations.capacity() * sizeof(std::string_view));
}

std::string_view ChunkRecords::read_text(int fd, std::size_t offset, std::string_view mapped) {
  if (mapped.size() > text_capacity_) {
    // Chunks run a record past the size they were cut at, by more or less: room for a larger
    // one, so the buffer is not replaced (and its pages touched afresh) chunk after chunk.
    text_capacity_ = mapped.size() + mapped.size() / 8;
    text_ = std::make_unique_for_overwrite<char[]>(text_capacity_);
  }
  for (std::size_t done = 0; done < mapped.size();) {
    const ssize_t got =
        ::pread(fd, text_.get() + done, mapped.size() - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return mapped;  // the mapping says the same, or fails as it would have
    done += static_cast<std::size_t>(got);
  }
  return {text_.get(), mapped.size()};
}

namespace {

struct Chunk {
  std::size_t begin = 0;
  std::size_t end = 0;
  ChunkRecords records;
  ReadStats stats;
  ChunkOutcome outcome;
  std::exception_ptr failure;
  bool ready = false;
  unsigned worker = 0;  // the thread that parsed it
};

// Chunk starts: the first one also holds the file's first record, so whatever a reader
// remembers from before that record (MEDLINE's text before the first PMID) stays in one
// chunk.
std::vector<Chunk> cut(std::string_view text, const ChunkedFormat& format, std::size_t bytes) {
  std::vector<Chunk> chunks(1);
  const std::size_t first = format.next_record(text, 0);
  std::size_t from = std::max(first + 1, std::max<std::size_t>(bytes, 1));
  while (from < text.size()) {
    const std::size_t at = format.next_record(text, from);
    if (at >= text.size()) break;
    chunks.back().end = at;
    chunks.emplace_back().begin = at;
    from = at + std::max<std::size_t>(bytes, 1);
  }
  chunks.back().end = text.size();
  return chunks;
}

// `spare`: the records of a chunk already handed on, reused rather than freed: allocating
// and freeing thousands of records per chunk (large blocks among them) kept malloc busy
// consolidating its free lists.
void parse(std::string_view text, const std::string& source, const ChunkedFormat& format,
           const ChunkedReadOptions& options, Chunk& chunk, ChunkRecords&& spare) {
  try {
    chunk.records = std::move(spare);
    chunk.records.reuse();
    std::string_view chunk_text = text.substr(chunk.begin, chunk.end - chunk.begin);
    if (options.fd >= 0) chunk_text = chunk.records.read_text(options.fd, chunk.begin, chunk_text);
    const bool text_valid = format.cuts_at_ascii && is_valid_utf8(chunk_text);
    chunk.records.on_keep = nullptr;
    if (options.prepare) {
      chunk.records.on_keep = [&](RecordView& view) {
        options.prepare(view, chunk.records.arena(), chunk.stats, text_valid);
      };
    }
    chunk.outcome = format.read_chunk(chunk_text, source, chunk.records, chunk.stats);
  } catch (...) {
    chunk.failure = std::current_exception();
  }
  chunk.records.on_keep = nullptr;  // it refers to this call's locals
}

// Hands a parsed chunk on in file order, moving its line and record numbers to where the
// chunk sits in the file.
class Delivery {
 public:
  Delivery(const RecordViewSink& sink, ReadStats& stats) : sink_(sink), stats_(stats) {}

  void operator()(Chunk& chunk) {
    if (chunk.failure) std::rethrow_exception(chunk.failure);
    const ChunkOutcome& outcome = chunk.outcome;
    format_seen_ = format_seen_ || outcome.format_seen;
    if (first_content_line_ == 0 && outcome.first_content_line != 0)
      first_content_line_ = line_offset_ + outcome.first_content_line;
    for (Diagnostic& d : chunk.stats.warnings) {
      if (d.line) d.line += line_offset_;
      if (d.record) d.record += record_offset_;
      stats_.warnings.push_back(std::move(d));
    }
    stats_.records_read += chunk.stats.records_read;
    stats_.records_skipped += chunk.stats.records_skipped;
    for (RecordView& record : chunk.records.kept()) {
      record.line += line_offset_;
      sink_(record);
    }
    line_offset_ += outcome.lines;
    record_offset_ += outcome.records_started;
    ReadStats().warnings.swap(chunk.stats.warnings);
  }

  bool format_seen() const { return format_seen_; }
  std::size_t first_content_line() const { return first_content_line_; }

 private:
  const RecordViewSink& sink_;
  ReadStats& stats_;
  std::size_t line_offset_ = 0;
  std::size_t record_offset_ = 0;
  bool format_seen_ = false;
  std::size_t first_content_line_ = 0;
};

// Parsing threads that run at most `window` chunks ahead of delivery, so memory holds a
// few chunks' records however large the file.
class Workers {
 public:
  Workers(std::string_view text, const std::string& source, const ChunkedFormat& format,
          const ChunkedReadOptions& options, std::vector<Chunk>& chunks)
      : chunks_(chunks), window_(2 * std::size_t{options.threads} + 2), recycled_(options.threads) {
    for (unsigned t = 0; t < options.threads; ++t) {
      threads_.emplace_back([this, t, text, &source, &format, &options] {
        for (;;) {
          std::size_t i;
          ChunkRecords spare;
          {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] {
              return stop_ || next_ >= chunks_.size() || next_ < delivered_ + window_;
            });
            if (stop_ || next_ >= chunks_.size()) return;
            i = next_++;
            chunks_[i].worker = t;
            if (!recycled_[t].empty()) {
              spare = std::move(recycled_[t].back());
              recycled_[t].pop_back();
            }
          }
          parse(text, source, format, options, chunks_[i], std::move(spare));
          {
            std::lock_guard lock(mutex_);
            chunks_[i].ready = true;
          }
          changed_.notify_all();
        }
      });
    }
  }

  ~Workers() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  Chunk& wait_for(std::size_t i) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return chunks_[i].ready; });
    return chunks_[i];
  }

  // Chunk `count - 1` was handed on; its records go back to the thread that parsed it, whose malloc
  // arena its buffers came from: freed or grown on another thread, each would take the slow, locked
  // path back to that arena.
  void delivered(std::size_t count) {
    {
      std::lock_guard lock(mutex_);
      delivered_ = count;
      Chunk& chunk = chunks_[count - 1];
      recycled_[chunk.worker].push_back(std::move(chunk.records));
    }
    changed_.notify_all();
  }

 private:
  std::vector<Chunk>& chunks_;
  const std::size_t window_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t next_ = 0;
  std::size_t delivered_ = 0;
  bool stop_ = false;
  std::vector<std::vector<ChunkRecords>> recycled_;  // per thread
  std::vector<std::thread> threads_;
};

}  // namespace

bool read_chunked(std::string_view text, const std::string& source, const ChunkedFormat& format,
                  const RecordViewSink& sink, ReadStats& stats, std::string* error,
                  const ChunkedReadOptions& options) {
  std::vector<Chunk> chunks = cut(text, format, options.chunk_bytes);
  Delivery deliver(sink, stats);
  const auto progress = [&](const Chunk& chunk) {
    if (options.progress) options.progress(chunk.end, stats.records_read);
  };
  if (options.threads <= 1 || chunks.size() == 1) {
    ChunkRecords spare;
    for (Chunk& chunk : chunks) {
      parse(text, source, format, options, chunk, std::move(spare));
      deliver(chunk);
      spare = std::move(chunk.records);
      progress(chunk);
    }
  } else {
    Workers workers(text, source, format, options, chunks);
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      deliver(workers.wait_for(i));
      workers.delivered(i + 1);
      progress(chunks[i]);
    }
  }
  if (deliver.format_seen()) return true;
  if (error) *error = format.format_error(source, deliver.first_content_line());
  return false;
}

}  // namespace citenet
