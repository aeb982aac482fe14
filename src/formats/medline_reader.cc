#include "formats/medline_reader.h"

#include "formats/reader_text.h"
#include "records/text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include <boost/container/small_vector.hpp>

namespace citenet {
namespace {

using namespace reader_text;

// ---- identifiers and dates ----

// "ORCID: 0000-0002-1825-0097" or "ORCID: https://orcid.org/0000-0002-1825-009x" -> the bare
// id, with a capital check digit; empty when the value is not an ORCID (AUID also carries
// other schemes).
std::string_view orcid_of(std::string_view value, TextArena& arena) {
  if (!istarts_with(value, "ORCID:")) return {};
  value = trim(value.substr(6));
  if (const std::size_t slash = value.rfind('/'); slash != npos) value.remove_prefix(slash + 1);
  if (value.size() != 19) return {};
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const bool dash = i % 5 == 4;
    const bool ok = dash ? c == '-' : is_digit(c) || (i == 18 && (c == 'X' || c == 'x'));
    if (!ok) return {};
  }
  if (value.back() != 'x') return value;
  char* id = arena.allocate(value.size());
  value.copy(id, value.size() - 1);
  id[value.size() - 1] = 'X';
  return {id, value.size()};
}

// Words of a name or a date, on the stack: they have few.
using NameWords = boost::container::small_vector<std::string_view, 8>;

// DP: "2019 Mar 5", "2016 Jan", "2016 Jan-Feb", "2012 Winter", "2022"; the first month of a
// range is taken, seasons leave the month unknown.
Date parse_publication_date(std::string_view text) {
  NameWords words;  // at most a few
  split_into(text, " ", words);
  Date date;
  if (words.empty() || words[0].size() != 4) return date;
  date.year = parse_int(words[0]).value_or(0);
  if (date.year == 0 || words.size() < 2) return date;
  date.month = month_number(words[1]);
  if (date.month == 0 || words.size() < 3) return date;
  std::string_view day = words[2];
  day = day.substr(0, std::min(day.find('-'), day.size()));
  if (auto d = parse_int(day); d && *d >= 1 && *d <= 31) date.day = *d;
  return date;
}

// PHST and EDAT: "2015/05/15", "2022/03/14 00:00", optionally followed by more text.
std::optional<Date> parse_slash_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '/' || text[7] != '/') return std::nullopt;
  auto year = parse_int(text.substr(0, 4));
  auto month = parse_int(text.substr(5, 2));
  auto day = parse_int(text.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) {
    return std::nullopt;
  }
  return Date{*year, *month, *day};
}

// ---- author names ----

bool is_name_suffix(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {"Jr",  "Jr.", "Sr",  "Sr.", "II",
                                                   "III", "IV",  "2nd", "3rd", "4th"};
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), word) != std::end(kSuffixes);
}

// "M", "J.", "J.-P.": a given-name word that holds nothing but initials.
bool is_initial_word(std::string_view word) {
  return !word.empty() && for_each_piece(word, ".-", [](std::string_view part) {
    return first_code_point(part).size() == part.size() &&
           (is_upper(part.front()) || is_non_ascii(part.front()));
  });
}

// "John Michael" -> "JM", "Ting-Ting" -> "TT"; lower-case particles give no initial.
std::string_view initials_of(const NameWords& given_words, TextArena& arena) {
  boost::container::small_vector<char, 16> out;
  for (std::string_view word : given_words)
    for_each_piece(word, ".-", [&](std::string_view part) {
      if (!is_lower(part.front())) {
        const std::string_view initial = first_code_point(part);
        out.insert(out.end(), initial.begin(), initial.end());
      }
      return true;
    });
  return arena.copy({out.data(), out.size()});
}

// AU: "Casbon JA", "de Hoon MJ", "Casado MÁ": one to four capitals after the surname.
bool is_initials_token(std::string_view word) {
  std::size_t letters = 0;
  for (char c : word) {
    if (is_lower(c) || (!is_upper(c) && !is_non_ascii(c))) return false;
    if (!is_continuation_byte(c)) ++letters;
  }
  return letters >= 1 && letters <= 4;
}

// The words of one text, in order, joined by single spaces: the text itself where it spells
// exactly that (the common case), else a copy in `arena`.
std::string_view join_words(const NameWords& words, TextArena& arena) {
  if (words.empty()) return {};
  for (std::size_t i = 1; i < words.size(); ++i) {
    const char* gap = words[i - 1].data() + words[i - 1].size();
    if (words[i].data() != gap + 1 || *gap != ' ') return arena.join(words, " ");
  }
  const char* begin = words.front().data();
  return {begin, static_cast<std::size_t>(words.back().data() + words.back().size() - begin)};
}

// The parts joined by `glue`, glue only once something came before (leading empty parts
// add none).
std::string_view join_list(std::span<const std::string_view> parts, std::string_view glue,
                           TextArena& arena) {
  while (!parts.empty() && parts.front().empty()) parts = parts.subspan(1);
  if (parts.size() <= 1) return parts.empty() ? std::string_view() : parts.front();
  return arena.join(parts, glue);
}

// FAU "Surname, Given Names": fills surname, given (empty when it holds only initials, as in
// "de Hoon, M J L"), initials and full_name of the empty `author`.
void author_from_full_name(std::string_view fau, AuthorView& author, TextArena& arena) {
  const std::size_t comma = fau.find(',');
  author.surname = trim(fau.substr(0, comma));
  if (comma == npos) return;
  NameWords given;
  split_into(fau.substr(comma + 1), " ,", given);
  while (given.size() > 1 && is_name_suffix(given.back())) given.pop_back();
  author.initials = initials_of(given, arena);
  if (!std::all_of(given.begin(), given.end(), is_initial_word)) {
    author.given = join_words(given, arena);
    const std::string_view parts[] = {author.given, author.surname};
    author.full_name = arena.join(parts, " ");
  }
}

// AU "Surname Initials" without an FAU line (records before 2002 have only these); fills
// the empty `author`.
void author_from_short_name(std::string_view au, AuthorView& author, TextArena& arena) {
  author.as_printed = au;
  NameWords words;
  split_into(au, " ", words);
  if (words.size() > 2 && is_name_suffix(words.back())) words.pop_back();
  if (words.size() >= 2 && is_initials_token(words.back())) {
    author.initials = words.back();
    words.pop_back();
  }
  author.surname = join_words(words, arena);
}

// "*Information Storage and Retrieval/methods" -> "Information Storage and Retrieval": the
// descriptor without its qualifiers and the major-topic star.
std::string_view mesh_descriptor(std::string_view heading) {
  heading = heading.substr(0, std::min(heading.find('/'), heading.size()));
  while (!heading.empty() && heading.front() == '*') heading.remove_prefix(1);
  return trim(heading);
}

// ---- one record being assembled ----

// What AD and AUID lines attach to: the author FAU or AU opened, or nothing (CN collective
// names and IR/FIR investigators are not authors). An AD line after a CN names no author and
// is the record's; one after an investigator is that investigator's, not the record's.
enum class Slot { none_yet, author, collective, investigator };

struct MedlineRecord {
  RecordView* record = nullptr;  // ChunkRecords::start()'s, emptied
  TextArena* arena = nullptr;    // for text no one line spells
  bool has_pmid = false;
  Slot slot = Slot::none_yet;
  bool author_has_au = false;
  // Before 2014 NLM recorded only the first author's affiliation, and older records put the
  // AD line before the author list.
  std::vector<std::string_view> early_affiliations;
  KeywordOrigin other_term_origin = KeywordOrigin::author;  // from OTO: NOTNLM = the authors'
  std::string_view journal_abbreviation;                    // TA, for records without JT
  std::string_view book_title;                              // BTI
  std::string_view vernacular_title;                        // TT
  std::vector<std::string_view> types;                      // PT, in order
  std::vector<std::string_view> languages;                  // LA, in order
  int electronic_year = 0;                                  // DEP
  std::string doi;                                          // assign_clean_doi()'s buffer

  AuthorView* current_author() { return slot == Slot::author ? &record->authors.back() : nullptr; }
  AuthorView& new_author() {
    AuthorView& author = record->authors.emplace_back();
    author.first_affiliation = static_cast<std::uint32_t>(record->affiliations.size());
    return author;
  }

  // As a new MedlineRecord filling `view`, keeping what was allocated.
  void reset(RecordView& view, TextArena& text) {
    record = &view;
    arena = &text;
    has_pmid = false;
    slot = Slot::none_yet;
    author_has_au = false;
    early_affiliations.clear();
    other_term_origin = KeywordOrigin::author;
    journal_abbreviation = book_title = vernacular_title = {};
    types.clear();
    languages.clear();
    electronic_year = 0;
  }
};

void set_if_empty(std::string_view& field, std::string_view value) {
  if (field.empty()) field = value;
}

void on_full_author(MedlineRecord& m, std::string_view value) {
  author_from_full_name(value, m.new_author(), *m.arena);
  m.slot = Slot::author;
  m.author_has_au = false;
}

void on_short_author(MedlineRecord& m, std::string_view value) {
  AuthorView* author = m.current_author();
  if (author && !m.author_has_au) {
    author->as_printed = value;
    if (author->initials.empty()) {
      AuthorView parsed;
      author_from_short_name(value, parsed, *m.arena);
      author->initials = parsed.initials;
    }
  } else {
    author_from_short_name(value, m.new_author(), *m.arena);
    m.slot = Slot::author;
  }
  m.author_has_au = true;
}

// An address the record lists without tying it to an author: kept once, in order.
void add_record_address(RecordView& record, std::string_view address) {
  address = trim(address);
  if (address.empty()) return;
  if (std::find(record.addresses.begin(), record.addresses.end(), address) ==
      record.addresses.end()) {
    record.addresses.emplace_back(address);
  }
}

void on_affiliation(MedlineRecord& m, std::string_view value) {
  if (AuthorView* author = m.current_author()) {
    // The current author is the last, so its affiliations end the list.
    m.record->affiliations.push_back(value);
    ++author->affiliation_count;
  } else if (m.slot == Slot::none_yet) {
    m.early_affiliations.push_back(value);
  } else if (m.slot == Slot::collective) {
    add_record_address(*m.record, value);
  }
}

void on_author_id(MedlineRecord& m, std::string_view value) {
  AuthorView* author = m.current_author();
  if (!author || !author->orcid.empty()) return;
  author->orcid = orcid_of(value, *m.arena);
}

// LID and AID: "10.1016/j.gene.2015.10.064 [doi]"; "[pii]" publisher ids are skipped.
void on_article_id(MedlineRecord& m, std::string_view value) {
  const std::size_t bracket = value.rfind(" [");
  if (bracket == npos || trim(value.substr(bracket)) != "[doi]") return;
  if (!m.record->doi.empty()) return;
  const std::string_view doi = value.substr(0, bracket);
  assign_clean_doi(m.doi, doi);
  // Cleaning trims, drops a prefix and lower-cases: the input's end is the cleaned DOI
  // unless a letter was lower-cased.
  const std::string_view input = trim(doi);
  const std::string_view tail = input.substr(input.size() - std::min(input.size(), m.doi.size()));
  m.record->doi = tail == m.doi ? tail : m.arena->copy(m.doi);
}

// PHST: "2015/05/15 [received]", "2022/03/14 00:00 [accepted]".
void on_history(MedlineRecord& m, std::string_view value) {
  static constexpr std::pair<std::string_view, Date RecordView::*> kStatuses[] = {
      {"[received]", &RecordView::received},
      {"[revised]", &RecordView::revised},
      {"[accepted]", &RecordView::accepted}};
  const std::optional<Date> date = parse_slash_date(value);
  if (!date) return;
  for (const auto& [status, field] : kStatuses) {
    if (value.ends_with(status)) m.record->*field = *date;
  }
}

void on_keyword(MedlineRecord& m, std::string_view value, KeywordOrigin origin) {
  if (value.empty()) return;
  m.record->keywords.push_back({value, origin});
}

struct TagHandler {
  std::string_view tag;
  void (*apply)(MedlineRecord&, std::string_view);
};

// Tags that citenet uses; all others (OWN, STAT, IS, SO, GR, ...) are read and dropped.
constexpr TagHandler kHandlers[] = {
    {"PMID", [](MedlineRecord& m, std::string_view v) { set_if_empty(m.record->pmid, v); }},
    {"PMC", [](MedlineRecord& m, std::string_view v) { set_if_empty(m.record->pmcid, v); }},
    {"TI", [](MedlineRecord& m, std::string_view v) { set_if_empty(m.record->title, v); }},
    {"BTI", [](MedlineRecord& m, std::string_view v) { set_if_empty(m.book_title, v); }},
    {"TT", [](MedlineRecord& m, std::string_view v) { set_if_empty(m.vernacular_title, v); }},
    {"JT", [](MedlineRecord& m, std::string_view v) { set_if_empty(m.record->journal, v); }},
    {"TA", [](MedlineRecord& m, std::string_view v) { set_if_empty(m.journal_abbreviation, v); }},
    {"VI", [](MedlineRecord& m, std::string_view v) { set_if_empty(m.record->volume, v); }},
    {"IP", [](MedlineRecord& m, std::string_view v) { set_if_empty(m.record->issue, v); }},
    {"PG", [](MedlineRecord& m, std::string_view v) { set_if_empty(m.record->pages, v); }},
    {"LID", on_article_id},
    {"AID", on_article_id},
    {"DP",
     [](MedlineRecord& m, std::string_view v) {
       if (!m.record->published.known()) m.record->published = parse_publication_date(v);
     }},
    {"DEP",
     [](MedlineRecord& m, std::string_view v) {
       if (v.size() >= 4) m.electronic_year = parse_int(v.substr(0, 4)).value_or(0);
     }},
    {"PHST", on_history},
    {"EDAT",
     [](MedlineRecord& m, std::string_view v) {
       if (auto d = parse_slash_date(v)) m.record->indexed = *d;
     }},
    {"AB",
     [](MedlineRecord& m, std::string_view v) {
       std::string_view& abstract = m.record->abstract;
       if (abstract.empty()) {
         abstract = v;
       } else {
         const std::string_view parts[] = {abstract, v};
         abstract = m.arena->join(parts, " ");
       }
     }},
    {"FAU", on_full_author},
    {"AU", on_short_author},
    {"AD", on_affiliation},
    {"AUID", on_author_id},
    {"CN", [](MedlineRecord& m, std::string_view) { m.slot = Slot::collective; }},
    {"IR", [](MedlineRecord& m, std::string_view) { m.slot = Slot::investigator; }},
    {"FIR", [](MedlineRecord& m, std::string_view) { m.slot = Slot::investigator; }},
    {"PT", [](MedlineRecord& m, std::string_view v) { m.types.push_back(v); }},
    {"LA", [](MedlineRecord& m, std::string_view v) { m.languages.push_back(v); }},
    {"MH",
     [](MedlineRecord& m, std::string_view v) {
       on_keyword(m, mesh_descriptor(v), KeywordOrigin::index_term);
     }},
    {"OTO",
     [](MedlineRecord& m, std::string_view v) {
       m.other_term_origin = v == "NOTNLM" ? KeywordOrigin::author : KeywordOrigin::index_term;
     }},
    {"OT", [](MedlineRecord& m, std::string_view v) { on_keyword(m, v, m.other_term_origin); }},
};

// A tag (at most four characters) as one number, so finding its handler compares integers.
constexpr std::uint32_t tag_code(std::string_view tag) {
  std::uint32_t code = 0;
  for (std::size_t i = 0; i < 4; ++i)
    code = code << 8 | (i < tag.size() ? static_cast<unsigned char>(tag[i]) : 0u);
  return code;
}

// Every line looks its tag up, so the handlers sit in a table indexed by a multiplicative
// hash of the code, with a multiplier chosen (at compile time) so that no two tags share a
// slot: one lookup and one compare per line, for the tags citenet drops too.
struct TagTable {
  static constexpr unsigned kSlotBits = 7;
  std::uint64_t multiplier = 0;
  std::array<std::uint32_t, std::size_t{1} << kSlotBits> code{};  // 0: free slot
  std::array<std::uint8_t, std::size_t{1} << kSlotBits> handler{};

  static constexpr std::size_t slot(std::uint32_t code, std::uint64_t multiplier) {
    return static_cast<std::size_t>((code * multiplier) >> (64 - kSlotBits));
  }
  constexpr const TagHandler* find(std::uint32_t tag) const {
    const std::size_t s = slot(tag, multiplier);
    return code[s] == tag ? &kHandlers[handler[s]] : nullptr;
  }
};

constexpr TagTable kTagTable = [] {
  static_assert(std::size(kHandlers) < 256);
  // Candidates from a linear congruential sequence: neighbouring odd numbers would give
  // nearly the same high bits.
  for (std::uint64_t state = 0x9E3779B97F4A7C15ull;;
       state = state * 6364136223846793005ull + 1442695040888963407ull) {
    const std::uint64_t multiplier = state | 1;
    TagTable table;
    table.multiplier = multiplier;
    bool collision = false;
    for (std::size_t i = 0; i < std::size(kHandlers) && !collision; ++i) {
      const std::uint32_t code = tag_code(kHandlers[i].tag);
      const std::size_t s = TagTable::slot(code, multiplier);
      collision = table.code[s] != 0;
      table.code[s] = code;
      table.handler[s] = static_cast<std::uint8_t>(i);
    }
    if (!collision) return table;
  }
}();

constexpr std::uint32_t kPmid = tag_code("PMID");

// Fallbacks and the fields several lines make.
void finalise(MedlineRecord& m) {
  RecordView& r = *m.record;
  set_if_empty(r.title, m.book_title);
  set_if_empty(r.title, m.vernacular_title);
  // MEDLINE ends every title with a period that is not part of it ("?" and "!" are).
  if (r.title.ends_with('.') && !r.title.ends_with("..")) r.title.remove_suffix(1);
  set_if_empty(r.journal, m.journal_abbreviation);
  r.year = r.published.year != 0 ? r.published.year : m.electronic_year;
  r.document_type = join_list(m.types, "; ", *m.arena);
  r.language = join_list(m.languages, "; ", *m.arena);
  if (!m.early_affiliations.empty() && !r.authors.empty()) {
    // The first author's affiliations start the list.
    const auto early = static_cast<std::uint32_t>(m.early_affiliations.size());
    r.affiliations.insert(r.affiliations.begin(), m.early_affiliations.begin(),
                          m.early_affiliations.end());
    r.authors.front().affiliation_count += early;
    for (std::size_t a = 1; a < r.authors.size(); ++a) r.authors[a].first_affiliation += early;
  } else {
    // A record without authors keeps its AD lines as the record's.
    for (std::string_view a : m.early_affiliations) add_record_address(r, a);
  }
  // Addresses that an author also has are that author's, not repeated for the record (every
  // affiliation is an author's).
  std::erase_if(r.addresses, [&](std::string_view address) {
    return std::find(r.affiliations.begin(), r.affiliations.end(), address) != r.affiliations.end();
  });
  r.bind_affiliations();
}

// ---- line shapes ----

// "PMID- 1", "AU  - Smith J", "AB  -" (an empty value): a capital, up to three more tag
// characters padded with spaces to four, then "-" and a space or the end of the line.
bool is_tag_line(std::string_view line) {
  if (line.size() < 5 || line[4] != '-' || (line.size() > 5 && line[5] != ' ')) return false;
  if (!is_upper(line[0])) return false;
  bool padding = false;
  for (std::size_t i = 1; i < 4; ++i) {
    const char c = line[i];
    if (c == ' ') {
      padding = true;
    } else if (padding || !(is_upper(c) || is_digit(c))) {
      return false;
    }
  }
  return true;
}

std::string_view tag_of(std::string_view tag_line) { return trim(tag_line.substr(0, 4)); }
std::string_view value_of(std::string_view tag_line) { return trim(tag_line.substr(5)); }

// ---- the streaming reader ----

class MedlineParser {
 public:
  // `lines_stay`: the lines fed stay in memory until `records` is done with (a chunk of a
  // mapped file), so a one-line field is a view of its line; else each field is copied into
  // records.arena(), which holds one record at a time.
  MedlineParser(const std::string& source, ChunkRecords& records, ReadStats& stats, bool lines_stay)
      : source_(source), records_(records), stats_(stats), lines_stay_(lines_stay) {}

  void feed(std::string_view line, std::size_t line_no);
  void finish() { end_record(); }
  bool format_seen() const { return format_seen_; }
  std::size_t first_content_line() const { return first_content_line_; }
  std::size_t records_started() const { return records_started_; }

 private:
  void start_record(std::size_t line_no);
  void end_record();
  void flush_field();
  void on_tag_line(std::string_view line, std::size_t line_no);
  void stray_line(std::size_t line_no);
  void warn(std::size_t line_no, const std::string& what);

  const std::string& source_;
  ChunkRecords& records_;
  ReadStats& stats_;
  bool format_seen_ = false;
  std::size_t first_content_line_ = 0;
  std::size_t records_started_ = 0;  // the N of "record N" in warnings
  bool in_record_ = false;
  bool stray_reported_ = false;  // one warning per run of unexpected lines
  std::size_t junk_line_ = 0;    // first line of text before the first PMID

  const bool lines_stay_;
  MedlineRecord current_;
  // The field being read: its tag_code(), so each field costs integer compares rather than
  // string ones; `value_` is its text, in its line or, once a continuation line adds to it
  // (or the lines do not stay), in `joined_` until the field ends.
  std::uint32_t tag_ = 0;
  std::string_view value_;
  std::string joined_;
  bool in_field_ = false;
};

void MedlineParser::feed(std::string_view line, std::size_t line_no) {
  const std::string_view content = trim(line);
  if (content.empty()) {
    end_record();  // a blank line ends the record
    return;
  }
  if (first_content_line_ == 0) first_content_line_ = line_no;
  // Some exports put a stray carriage return at the start of a line; the tag still counts.
  while (!line.empty() && line.front() == '\r') line.remove_prefix(1);
  if (is_tag_line(line)) {
    on_tag_line(line, line_no);
    return;
  }
  if (in_field_ && is_space(line.front())) {
    if (value_.data() != joined_.data()) joined_.assign(value_);
    joined_ += ' ';
    joined_ += content;
    value_ = joined_;
    return;
  }
  stray_line(line_no);
}

void MedlineParser::on_tag_line(std::string_view line, std::size_t line_no) {
  const std::string_view tag = tag_of(line);
  const std::uint32_t code = tag_code(tag);
  // PMID always starts a record, so a missing blank line between records costs nothing.
  if (code == kPmid) {
    end_record();
    if (!format_seen_ && junk_line_ != 0) {
      stats_.warnings.push_back(
          Diagnostic{source_, junk_line_, "text outside any record, ignored"});
    }
    format_seen_ = true;
  } else if (!in_record_ && !format_seen_) {
    stray_line(line_no);  // tag-shaped lines of another format (RIS has them too)
    return;
  }
  if (!in_record_) start_record(line_no);
  flush_field();
  tag_ = code;
  value_ = value_of(line);
  if (!lines_stay_) value_ = joined_.assign(value_);
  in_field_ = true;
  stray_reported_ = false;
}

void MedlineParser::flush_field() {
  if (!in_field_) return;
  in_field_ = false;
  if (tag_ == kPmid) current_.has_pmid = !value_.empty();
  const TagHandler* handler = kTagTable.find(tag_);
  if (!handler) return;
  // `joined_` is the next field's.
  if (value_.data() == joined_.data()) value_ = records_.arena().copy(value_);
  handler->apply(current_, value_);
}

void MedlineParser::start_record(std::size_t line_no) {
  if (!lines_stay_) records_.reuse();  // the record before was handed on
  current_.reset(records_.start(), records_.arena());
  RecordView& record = *current_.record;
  record.source = source_;
  record.line = line_no;
  record.format = "medline";
  ++records_started_;
  in_record_ = true;
}

void MedlineParser::end_record() {
  flush_field();
  stray_reported_ = false;
  if (!in_record_) return;
  in_record_ = false;
  finalise(current_);
  const char* problem = !current_.has_pmid               ? "no PMID"
                        : current_.record->title.empty() ? "no title"
                                                         : nullptr;
  if (problem) {
    ++stats_.records_skipped;
    warn(current_.record->line, problem);
    return;
  }
  ++stats_.records_read;
  records_.keep();
}

void MedlineParser::stray_line(std::size_t line_no) {
  // Before the first PMID this may not be MEDLINE at all: remember the line and report it
  // only once the format is confirmed.
  if (!format_seen_) {
    if (junk_line_ == 0) junk_line_ = line_no;
    return;
  }
  if (stray_reported_) return;
  stray_reported_ = true;
  if (in_record_) {
    warn(line_no, "unexpected line, ignored");
  } else {
    stats_.warnings.push_back(Diagnostic{source_, line_no, "text outside any record, ignored"});
  }
}

void MedlineParser::warn(std::size_t line_no, const std::string& what) {
  stats_.warnings.push_back(Diagnostic{source_, line_no, what, records_started_});
}

}  // namespace

bool looks_like_medline(std::string_view head) {
  if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
  while (!head.empty()) {
    const std::size_t nl = head.find('\n');
    const std::string_view line = trim(head.substr(0, nl));
    if (!line.empty()) return line.starts_with("PMID-");
    if (nl == npos) break;
    head.remove_prefix(nl + 1);
  }
  return false;
}

namespace {

std::string no_medline_error(const std::string& source, std::size_t first_content_line) {
  const std::size_t at = first_content_line;
  return source + ":" + std::to_string(at ? at : 1) + ": " +
         (at ? "not a MEDLINE file (no \"PMID- \" line)" : "empty input");
}

// Trailing carriage returns are dropped, so CRLF files read like LF ones.
void feed_line(MedlineParser& parser, std::string_view line, std::size_t line_no) {
  if (line_no == 1 && line.starts_with(kBom)) line.remove_prefix(kBom.size());
  if (line.ends_with('\r')) line.remove_suffix(1);
  parser.feed(line, line_no);
}

}  // namespace

bool read_medline(std::istream& in, const std::string& source, const RecordSink& sink,
                  ReadStats& stats, std::string* error) {
  ChunkRecords records;
  records.on_keep = [&sink](RecordView& view) { sink(to_record(view)); };
  MedlineParser parser(source, records, stats, /*lines_stay=*/false);
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) feed_line(parser, line, ++line_no);
  parser.finish();
  if (parser.format_seen()) return true;
  if (error) *error = no_medline_error(source, parser.first_content_line());
  return false;
}

std::size_t next_medline_record(std::string_view text, std::size_t from) {
  return next_line_where(text, from, [](std::string_view line) {
    return line.starts_with("PMID-") && is_tag_line(line);
  });
}

ChunkOutcome read_medline_chunk(std::string_view text, const std::string& source,
                                ChunkRecords& records, ReadStats& stats) {
  MedlineParser parser(source, records, stats, /*lines_stay=*/true);
  ChunkOutcome outcome;
  outcome.lines = for_each_line(
      text, [&](std::string_view line, std::size_t line_no) { feed_line(parser, line, line_no); });
  parser.finish();
  outcome.records_started = parser.records_started();
  outcome.format_seen = parser.format_seen();
  outcome.first_content_line = parser.first_content_line();
  return outcome;
}

std::string medline_format_error(const std::string& source, std::size_t first_content_line) {
  return no_medline_error(source, first_content_line);
}

}  // namespace citenet
