// A prototype, not citenet's reader: how fast MEDLINE can be parsed into records made of
// views into the mapped file and a small arena (no string, no allocation per field), on one
// or more threads, with the file's page faults inside the timing. It handles only the tags
// the co-authorship pipeline needs, the common ASCII forms of names, and no warnings, so it
// is an upper bound for the plan in docs/scaling.md ("records as views"), not a reader.
//
//   build/bench_view_prototype FILE [THREADS]
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>
#include <thread>
#include <vector>

using sv = std::string_view;

// Text a record builds (joined continuation lines, initials, full names), in blocks that
// never move, emptied when the next record starts.
class Arena {
 public:
  void reset() {  // keeps the last block, whose size size_ is
    if (blocks_.size() > 1) blocks_.erase(blocks_.begin(), blocks_.end() - 1);
    used_ = 0;
  }
  sv join(sv a, char glue, sv b) {
    char* at = room(a.size() + 1 + b.size());
    std::memcpy(at, a.data(), a.size());
    at[a.size()] = glue;
    std::memcpy(at + a.size() + 1, b.data(), b.size());
    used_ += a.size() + 1 + b.size();
    return {at, a.size() + 1 + b.size()};
  }
  sv initials(sv given) {  // the first letter of each word not in lower case
    char* const start = room(given.size());
    char* at = start;
    bool word_start = true;
    for (const char c : given) {
      if (c == ' ' || c == '-' || c == '.') {
        word_start = true;
        continue;
      }
      if (word_start && !(c >= 'a' && c <= 'z')) *at++ = c;
      word_start = false;
    }
    used_ += static_cast<std::size_t>(at - start);
    return {start, static_cast<std::size_t>(at - start)};
  }

 private:
  static constexpr std::size_t kBlock = std::size_t{1} << 16;
  char* room(std::size_t n) {
    if (blocks_.empty() || used_ + n > size_) {
      size_ = std::max(kBlock, n);
      blocks_.push_back(std::make_unique<char[]>(size_));
      used_ = 0;
    }
    return blocks_.back().get() + used_;
  }
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0;
  std::size_t size_ = 0;
};

struct AuthorView {
  sv surname, given, initials, full_name, as_printed, orcid;
  std::uint32_t first_affiliation = 0, affiliations = 0;
};

struct RecordView {
  sv pmid, title, journal, doi, date;
  int year = 0;
  std::vector<AuthorView> authors;
  std::vector<sv> affiliations;
  std::vector<sv> keywords;
  void clear() {
    pmid = title = journal = doi = date = {};
    year = 0;
    authors.clear();  // trivially destructible: O(1)
    affiliations.clear();
    keywords.clear();
  }
};

constexpr std::uint32_t code(const char* t) {
  return std::uint32_t(std::uint8_t(t[0])) << 24 | std::uint32_t(std::uint8_t(t[1])) << 16 |
         std::uint32_t(std::uint8_t(t[2])) << 8 | std::uint8_t(t[3]);
}

sv trim(sv s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

struct Totals {
  std::uint64_t records = 0, authors = 0, affiliations = 0, keywords = 0, bytes = 0;
};

void consume(const RecordView& r, Totals& t) {
  ++t.records;
  t.authors += r.authors.size();
  t.affiliations += r.affiliations.size();
  t.keywords += r.keywords.size();
  for (const AuthorView& a : r.authors) t.bytes += a.surname.size() + a.initials.size();
  t.bytes += r.title.size() + r.year;
}

void parse(const char* p, const char* end, Totals& totals) {
  Arena arena;
  RecordView r;
  std::uint32_t tag = 0;
  sv value;
  const auto flush = [&] {
    if (tag == 0) return;
    switch (tag) {
      case code("PMID"):
        r.pmid = value;
        break;
      case code("TI  "):
        r.title = value;
        break;
      case code("JT  "):
        r.journal = value;
        break;
      case code("DP  "):
        r.date = value;
        if (value.size() >= 4)
          r.year = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 +
                   (value[3] - '0');
        break;
      case code("LID "):
      case code("AID "):
        if (r.doi.empty() && value.ends_with("[doi]"))
          r.doi = trim(value.substr(0, value.size() - 5));
        break;
      case code("FAU "): {
        AuthorView& a = r.authors.emplace_back();
        const std::size_t comma = value.find(',');
        a.surname = trim(value.substr(0, comma));
        if (comma != sv::npos) {
          a.given = trim(value.substr(comma + 1));
          a.initials = arena.initials(a.given);
          a.full_name = arena.join(a.given, ' ', a.surname);
        }
        a.first_affiliation = static_cast<std::uint32_t>(r.affiliations.size());
        break;
      }
      case code("AU  "):
        if (!r.authors.empty()) r.authors.back().as_printed = value;
        break;
      case code("AUID"):
        if (!r.authors.empty() && value.starts_with("ORCID: "))
          r.authors.back().orcid = value.substr(7);
        break;
      case code("AD  "):
        r.affiliations.push_back(value);
        if (!r.authors.empty()) ++r.authors.back().affiliations;
        break;
      case code("OT  "):
      case code("MH  "):
        r.keywords.push_back(value);
        break;
      default:
        break;
    }
    tag = 0;
  };
  for (const char* at = p; at < end;) {
    const char* nl = static_cast<const char*>(std::memchr(at, '\n', end - at));
    if (!nl) nl = end;
    const sv line(at, nl - at);
    at = nl + 1;
    if (line.size() >= 5 && line[4] == '-') {
      flush();
      tag = code(line.data());
      if (tag == code("PMID") && !r.pmid.empty()) {
        consume(r, totals);
        r.clear();
        arena.reset();
      }
      value = trim(line.substr(5));
    } else if (!line.empty() && line[0] == ' ' && tag != 0) {
      value = arena.join(value, ' ', trim(line));
    } else if (trim(line).empty()) {
      flush();
    }
  }
  flush();
  if (!r.pmid.empty()) consume(r, totals);
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_view_prototype FILE [THREADS]\n");
    return 2;
  }
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  const int fd = open(argv[1], O_RDONLY);
  if (fd < 0) {
    std::perror(argv[1]);
    return 1;
  }
  struct stat st;
  fstat(fd, &st);
  const char* p =
      static_cast<const char*>(mmap(nullptr, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0));
  if (st.st_size == 0 || p == MAP_FAILED) {
    std::fprintf(stderr, "%s: empty or cannot be mapped\n", argv[1]);
    return 1;
  }
  const char* end = p + st.st_size;
  std::vector<const char*> cuts{p};
  for (int t = 1; t < threads; ++t) {
    const char* at = p + st.st_size * t / threads;
    const char* found = static_cast<const char*>(memmem(at, end - at, "\nPMID-", 6));
    cuts.push_back(found ? found + 1 : end);
  }
  cuts.push_back(end);
  std::vector<Totals> totals(threads);
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] { parse(cuts[t], cuts[t + 1], totals[t]); });
  for (auto& th : pool) th.join();
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Totals sum;
  for (const Totals& t : totals) {
    sum.records += t.records;
    sum.authors += t.authors;
    sum.affiliations += t.affiliations;
    sum.keywords += t.keywords;
    sum.bytes += t.bytes;
  }
  std::printf(
      "%d threads: %llu records, %llu authors, %llu affiliations, %llu keywords: %.3f s, %.0f MB/s "
      "(%llu)\n",
      threads, (unsigned long long)sum.records, (unsigned long long)sum.authors,
      (unsigned long long)sum.affiliations, (unsigned long long)sum.keywords, s,
      st.st_size / s / 1e6, (unsigned long long)sum.bytes);
}
