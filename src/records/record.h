// The record model: what one bibliographic record says, as read, before normalisation.
// Readers fill it; normalisation (corpus.h) turns a stream of them into interned ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records/record_keys.h"

namespace citenet {

// A calendar date as printed by the source; zero fields are unknown.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool known() const { return year != 0; }
  friend bool operator==(const Date&, const Date&) = default;
};

struct Author {
  std::string as_printed;  // the citation-line form: "Alderwick H", "ALDERWICK HUGH"
  std::string surname;     // "Alderwick"
  std::string given;       // given names when the source spells them: "Hugh"; else empty
  std::string initials;    // "H", "XL"; derived from given names when only those are known
  std::string full_name;   // the affiliation block's form: "Hugh Alderwick"; else empty
  std::vector<std::string> affiliations;  // as printed, in order
  std::string orcid;      // "0000-0002-1825-0097" (bare, no URL) where the format gives one
  std::string scopus_id;  // Scopus author id where the format gives one
};

enum class KeywordOrigin { author, index_term, extracted };

struct Keyword {
  std::string text;
  KeywordOrigin origin = KeywordOrigin::author;
};

struct Record {
  std::string source;    // input file path
  std::size_t line = 0;  // 1-based line where the record starts
  std::string format;    // "listing", "medline", ...
  int number = 0;        // the record's own number where the format numbers them

  std::vector<Author> authors;  // in citation order
  // Affiliations the source lists for the record without saying whose they are (WoS C1
  // lines without "[names]", Scopus "Affiliations", RIS AD on multi-author records):
  // they count for the record's institutions and countries, not for any one author.
  std::vector<std::string> addresses;
  std::string title;
  std::string journal;
  int year = 0;  // 0 when unknown
  std::string volume;
  std::string pages;  // "2613", "497-505", "e081954"
  std::string doi;
  std::string pmid;
  std::string pmcid;
  std::string
      database_id;  // the source database's own id: WoS UT "WOS:000…", Scopus EID "2-s2.0-…"
  std::string issue;
  std::string document_type;  // "Journal Article", "Article", "Review", ... as the source names it
  std::string language;
  std::optional<int> citations;
  std::optional<double> impact_index;  // the listing's "Impact Index Per Article"
  Date received;
  Date revised;
  Date accepted;
  Date indexed;
  Date published;
  bool open_access = false;
  std::string abstract;
  std::vector<Keyword> keywords;
  std::vector<std::string> cited_references;  // as printed by the source, one per cited work

  // Not part of what the record says: filled by prepare_keys() (corpus.h) on a parsing
  // thread; not ready otherwise.
  RecordKeys keys;
};

// Empties `record` as `record = Record{}` would, but keeps the capacity of its strings and
// lists, so a reader filling one record after another does not allocate for each. Its
// authors' affiliation buffers are kept for append_affiliation() on this thread, and the
// buffers of their names and of its keywords that outgrew std::string's inline one (full
// names, ORCIDs, most keywords) for assign_reusing(); the authors themselves are not (moving
// whole authors in and out of a pool cost more than it saved).
void clear_record(Record& record);

// Appends `affiliation` to the author's list in the buffer of an affiliation of a record
// clear_record() emptied on this thread, when there is one: a long export has millions of
// them, each otherwise allocated and freed.
void append_affiliation(Author& author, std::string_view affiliation);

// Exchanges two records member by member: what std::swap does with three moves and a
// temporary, at a fraction of the cost (readers swap every record they hand on).
// Must name every member of Record (record_test checks it does).
void swap(Record& a, Record& b) noexcept;

// Makes `field` empty with room for `size` characters, taking the buffer of a name or
// keyword of a record clear_record() emptied on this thread when its own is too small.
// Returns `field`, for appending to.
std::string& take_spare_buffer(std::string& field, std::size_t size);
inline std::string& reuse_buffer(std::string& field, std::size_t size) {
  if (size > field.capacity()) return take_spare_buffer(field, size);
  field.clear();
  return field;
}

// `field` = `value`, in a buffer reuse_buffer() found.
inline void assign_reusing(std::string& field, std::string_view value) {
  reuse_buffer(field, value.size()).assign(value);
}

}  // namespace citenet
