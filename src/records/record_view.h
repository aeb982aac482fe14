// A record as views: what Record (record.h) holds, with every text a std::string_view into
// the input (a chunk of a mapped file) or into a TextArena that holds what no input line
// spells (lines joined, initials derived, "Given Surname" built). The corpus builder and
// prepare_keys() read this form; a reader that fills it allocates nothing per record once its
// lists and arena have grown, and clearing one is a few size resets.
//
// Readers that build Records are read through view_of(); output that needs owning text (the
// `parse` command's CSV, the journals table) gets to_record().
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "records/record.h"
#include "records/record_keys.h"

namespace citenet {

// Text for views to point into, in blocks that never move: a view handed out stays valid
// until reset(). reset() keeps the first block, so an arena reused record after record or
// chunk after chunk stops allocating.
class TextArena {
 public:
  TextArena() = default;
  TextArena(const TextArena&) = delete;
  TextArena& operator=(const TextArena&) = delete;
  TextArena(TextArena&&) noexcept = default;
  TextArena& operator=(TextArena&&) noexcept = default;

  // Room for `size` characters, to be filled by the caller.
  char* allocate(std::size_t size) {
    if (size > free_) grow(size);
    char* at = next_;
    next_ += size;
    free_ -= size;
    return at;
  }
  std::string_view copy(std::string_view text) {
    if (text.empty()) return {};
    char* at = allocate(text.size());
    text.copy(at, text.size());
    return {at, text.size()};
  }
  // The parts with `glue` between them, as one view.
  template <class Parts>
  std::string_view join(const Parts& parts, std::string_view glue) {
    std::size_t size = 0;
    bool first = true;
    for (std::string_view p : parts) {
      size += p.size() + (first ? 0 : glue.size());
      first = false;
    }
    char* const begin = allocate(size);
    char* at = begin;
    first = true;
    for (std::string_view p : parts) {
      if (!first) at += glue.copy(at, glue.size());
      at += p.copy(at, p.size());
      first = false;
    }
    return {begin, size};
  }
  // Every view handed out becomes invalid.
  void reset();

 private:
  void grow(std::size_t size);
  static constexpr std::size_t kBlockBytes = std::size_t{64} << 10;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::vector<std::size_t> block_sizes_;
  std::size_t current_ = 0;  // index of the block being filled, when there is one
  char* next_ = nullptr;
  std::size_t free_ = 0;
};

struct AuthorView {
  std::string_view as_printed;
  std::string_view surname;
  std::string_view given;
  std::string_view initials;
  std::string_view full_name;
  // This author's slice of RecordView::affiliations, in order. Set once the record's list
  // stops growing (RecordView::bind_affiliations()).
  std::span<const std::string_view> affiliations;
  std::string_view orcid;
  std::string_view scopus_id;
  // Where `affiliations` starts in RecordView::affiliations, and how many: what a reader
  // records while the list may still move.
  std::uint32_t first_affiliation = 0;
  std::uint32_t affiliation_count = 0;
};

struct KeywordView {
  std::string_view text;
  KeywordOrigin origin = KeywordOrigin::author;
};

// Field by field as Record; see there for what each holds. Movable, not copyable: a copy's
// author spans would point into the original's affiliation list.
struct RecordView {
  RecordView() = default;
  RecordView(const RecordView&) = delete;
  RecordView& operator=(const RecordView&) = delete;
  RecordView(RecordView&&) noexcept = default;
  RecordView& operator=(RecordView&&) noexcept = default;
  ~RecordView() = default;

  std::string_view source;
  std::size_t line = 0;
  std::string_view format;
  int number = 0;

  std::vector<AuthorView> authors;
  // Every author's affiliations, author by author (each author's in order).
  std::vector<std::string_view> affiliations;
  std::vector<std::string_view> addresses;
  std::string_view title;
  std::string_view journal;
  int year = 0;
  std::string_view volume;
  std::string_view pages;
  std::string_view doi;
  std::string_view pmid;
  std::string_view pmcid;
  std::string_view database_id;
  std::string_view issue;
  std::string_view document_type;
  std::string_view language;
  std::optional<int> citations;
  std::optional<double> impact_index;
  Date received;
  Date revised;
  Date accepted;
  Date indexed;
  Date published;
  bool open_access = false;
  std::string_view abstract;
  std::vector<KeywordView> keywords;
  std::vector<std::string_view> cited_references;

  // prepare_keys() (corpus.h), on a parsing thread; not ready otherwise.
  RecordKeys keys;

  // Points each author's `affiliations` at its slice (first_affiliation,
  // affiliation_count) of `affiliations`. Call after the list last grew; moving or swapping
  // the RecordView keeps the spans valid.
  void bind_affiliations();
};

// Empties `view` as `view = RecordView{}` would, keeping its lists' capacity.
void clear_record(RecordView& view);

// Fills `view` with views of `record`'s text; `record` must outlive the views and not change.
// The keys are not copied (view.keys.ready is false).
void view_of(const Record& record, RecordView& view);

// Appends views of `authors` to `views`, their affiliations to `affiliations` (which the
// views' spans point into: they are bound here, so `affiliations` must not grow afterwards).
void append_author_views(std::span<const Author> authors, std::vector<AuthorView>& views,
                         std::vector<std::string_view>& affiliations);

// An owning copy, for output that keeps or rewrites text.
Record to_record(const RecordView& view);

}  // namespace citenet
