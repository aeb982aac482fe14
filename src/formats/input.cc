#include "formats/input.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <thread>

#include "formats/bibtex_reader.h"
#include "formats/listing_reader.h"
#include "formats/medline_reader.h"
#include "formats/pubmed_xml_reader.h"
#include "formats/ris_reader.h"
#include "formats/scopus_csv_reader.h"
#include "formats/wos_reader.h"
#include "records/text.h"

namespace citenet {

namespace {

// MEDLINE fields are cut at tags, spaces, commas and slashes, and joined with spaces.
constexpr ChunkedFormat kMedlineChunks{next_medline_record, read_medline_chunk,
                                       medline_format_error, /*cuts_at_ascii=*/true};
constexpr ChunkedFormat kWosChunks{next_wos_record, read_record_chunk<read_wos_chunk>,
                                   wos_format_error};
constexpr ChunkedFormat kListingChunks{next_listing_record, read_record_chunk<read_listing_chunk>,
                                       listing_format_error};

bool always(std::string_view) { return true; }

struct FormatEntry {
  const char* name;
  bool (*recognises)(std::string_view head);
  bool (*read)(std::istream&, const std::string&, const RecordSink&, ReadStats&, std::string*);
  const ChunkedFormat* chunks = nullptr;  // when the format can be read in parallel chunks
  bool (*chunkable)(std::string_view head) = always;
};

// Detection order matters only when two readers accept the same head: the most specific
// signatures (an XML root, fixed tag columns) first, BibTeX's bare "@" late.
constexpr FormatEntry kFormats[] = {
    {"pubmed-xml", looks_like_pubmed_xml, read_pubmed_xml},
    {"medline", looks_like_medline, read_medline, &kMedlineChunks},
    {"wos", looks_like_wos, read_wos, &kWosChunks, wos_reads_in_chunks},
    {"ris", looks_like_ris, read_ris},
    {"scopus", looks_like_scopus_csv, read_scopus_csv},
    {"listing", looks_like_listing, read_listing, &kListingChunks},
    {"bibtex", looks_like_bibtex, read_bibtex},
};

constexpr std::size_t kHeadBytes = 8192;

const FormatEntry* find_by_head(std::string_view head) {
  for (const FormatEntry& f : kFormats)
    if (f.recognises(head)) return &f;
  return nullptr;
}

// Every text field of the record as valid UTF-8, a field with broken bytes replaced by a
// repaired copy in `arena`; true when a byte had to be replaced.
bool repair_record_text(RecordView& r, TextArena& arena) {
  bool repaired = false;
  std::string scratch;
  const auto fix = [&](std::string_view& s) {
    if (is_valid_utf8(s)) return;
    scratch.assign(s);
    repaired |= repair_utf8(scratch);
    s = arena.copy(scratch);
  };
  for (AuthorView& a : r.authors) {
    for (std::string_view* s :
         {&a.as_printed, &a.surname, &a.given, &a.initials, &a.full_name, &a.orcid, &a.scopus_id})
      fix(*s);
  }
  // In place: the authors' spans see the repaired text.
  for (std::string_view& s : r.affiliations) fix(s);
  for (std::string_view& s : r.addresses) fix(s);
  for (std::string_view* s : {&r.title, &r.journal, &r.volume, &r.pages, &r.doi, &r.pmid, &r.pmcid,
                              &r.database_id, &r.issue, &r.document_type, &r.language, &r.abstract})
    fix(*s);
  for (KeywordView& k : r.keywords) fix(k.text);
  for (std::string_view& s : r.cited_references) fix(s);
  return repaired;
}

// A whole file in memory: mapped where the system allows, else read.
class FileText {
 public:
  // Text already read (a pipe's).
  struct Read {
    std::string text;
  };
  explicit FileText(Read read) : copy_(std::move(read.text)), ok_(true), text_(copy_) {}
  explicit FileText(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      void* p =
          ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        map_ = p;
        text_ = std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(st.st_size));
        ::madvise(p, text_.size(), MADV_SEQUENTIAL);
      }
    }
    if (map_) {
      fd_ = fd;  // kept for pread(): see ChunkedReadOptions::fd
      return;
    }
    ::close(fd);
    std::ifstream in(path, std::ios::binary);
    copy_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    ok_ = !in.bad();
    text_ = copy_;
  }
  ~FileText() {
    if (map_) ::munmap(map_, text_.size());
    if (fd_ >= 0) ::close(fd_);
  }
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;

  bool ok() const { return map_ || ok_; }
  std::string_view text() const { return text_; }
  // The open file `text()` maps, or -1 when it was read into memory.
  int fd() const { return fd_; }

  // Gives the pages before `offset` back: they were read and will not be again, and a
  // mapping keeps every page it touched resident (1.5 GB of a 1.5 GB file) until unmapped.
  void release_before(std::size_t offset) const {
    if (!map_) return;
    const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t end = offset / page * page;
    if (end > released_) {
      ::madvise(static_cast<char*>(map_) + released_, end - released_, MADV_DONTNEED);
      released_ = end;
    }
  }

 private:
  void* map_ = nullptr;
  int fd_ = -1;
  mutable std::size_t released_ = 0;
  std::string copy_;
  bool ok_ = false;
  std::string_view text_;
};

unsigned thread_count(unsigned asked) {
  if (asked) return asked;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

std::vector<std::string> known_formats() {
  std::vector<std::string> names;
  for (const FormatEntry& f : kFormats) names.emplace_back(f.name);
  return names;
}

std::string detect_format(std::string_view head) {
  const FormatEntry* f = find_by_head(head);
  return f ? f->name : "";
}

std::size_t estimated_records(const std::string& path) {
  // Exports take 1.5 KB (MEDLINE without abstracts) to 5 KB (with abstracts, or Web of Science
  // with cited references) a record. Guessing too many costs address space; too few, some of
  // the copying the estimate is there to save.
  constexpr std::uintmax_t kBytesPerRecord = 1500;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return 0;
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  return error ? 0 : static_cast<std::size_t>(size / kBytesPerRecord);
}

bool read_input_views(const std::string& path, const RecordViewSink& sink, ReadStats& stats,
                      std::string* error, const std::string& format_name,
                      const ReadOptions& options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    *error = path + ": no such file";
    return false;
  }
  if (fs::is_directory(status)) {
    *error = path + ": is a directory, not a record file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.find_first_not_of(" \t\r\n") == std::string::npos) {
    *error = path + ": empty file, no records";
    return false;
  }
  // A pipe or a terminal cannot be read twice: what detection took stays in front of the
  // rest, or the first records would be lost.
  const bool regular = fs::is_regular_file(status);
  std::string piped;
  if (!regular) {
    piped = head;
    piped.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  const FormatEntry* format = nullptr;
  if (!format_name.empty()) {
    for (const FormatEntry& f : kFormats)
      if (f.name == format_name) format = &f;
    if (!format) {
      *error = path + ": unknown format '" + format_name + "'";
      return false;
    }
  } else {
    format = find_by_head(head);
  }
  if (!format) {
    std::string names;
    for (const std::string& n : known_formats()) names += (names.empty() ? "" : ", ") + n;
    *error = path + ":1: not a known record format (citenet reads: " + names + ")";
    return false;
  }
  // Broken bytes are reported once per record and replaced, so no later stage (keys,
  // XML, JSON) ever sees invalid UTF-8.
  const auto repair = [&path, &options](RecordView& record, TextArena& arena, ReadStats& where,
                                        bool text_valid) {
    if (!text_valid && repair_record_text(record, arena))
      where.warnings.push_back({path, record.line, "invalid UTF-8 replaced by U+FFFD"});
    if (options.prepare) options.prepare(record);
  };
  if (format->chunks && format->chunkable(head)) {
    in.close();
    const FileText file = regular ? FileText(path) : FileText(FileText::Read{std::move(piped)});
    if (!file.ok()) {
      *error = path + ": cannot read: " + std::strerror(errno);
      return false;
    }
    ChunkedReadOptions chunked;
    chunked.threads = thread_count(options.threads);
    chunked.chunk_bytes = options.chunk_bytes;
    chunked.fd = file.fd();
    chunked.prepare = repair;
    chunked.progress = [&](std::size_t done, std::size_t records) {
      file.release_before(done);
      if (options.progress) options.progress(done, file.text().size(), records);
    };
    return read_chunked(file.text(), path, *format->chunks, sink, stats, error, chunked);
  }
  std::istringstream piped_in;
  if (regular) {
    in.clear();
    in.seekg(0);
  } else {
    piped_in.str(std::move(piped));
  }
  RecordView view;
  TextArena arena;
  const RecordSink viewing_sink = [&](Record&& record) {
    view_of(record, view);
    arena.reset();
    repair(view, arena, stats, false);
    sink(view);
  };
  return format->read(regular ? static_cast<std::istream&>(in) : piped_in, path, viewing_sink,
                      stats, error);
}

bool read_input(const std::string& path, const RecordSink& sink, ReadStats& stats,
                std::string* error, const std::string& format, const ReadOptions& options) {
  return read_input_views(
      path, [&sink](RecordView& view) { sink(to_record(view)); }, stats, error, format, options);
}

}  // namespace citenet
