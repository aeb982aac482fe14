#include "formats/ris_reader.h"

#include "formats/reader_text.h"
#include "records/text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace citenet {
namespace {

using namespace reader_text;

// ---- identifiers and dates ----

// The RIS form "2019/03/05/other info", "2014//", "2009".
Date parse_slash_date(std::string_view text) {
  Date date;
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (int i = 0; i < 3 && start <= text.size(); ++i) {  // keeps empty parts: "2014//"
    const std::size_t end = std::min(text.find('/', start), text.size());
    parts.push_back(trim(text.substr(start, end - start)));
    start = end + 1;
  }
  date.year = parse_int(parts[0]).value_or(0);
  const int month = parts.size() > 1 ? parse_int(parts[1]).value_or(0) : 0;
  if (date.year == 0 || month < 1 || month > 12) return date;
  date.month = month;
  const int day = parts.size() > 2 ? parse_int(parts[2]).value_or(0) : 0;
  if (day >= 1 && day <= 31) date.day = day;
  return date;
}

// Free text as IEEE Xplore writes Y1: "1 Jan.-Feb. 2019", "24-27 Sept. 2019", "June 2021".
// The first month of a range and the first day of a span are taken.
Date parse_text_date(std::string_view text) {
  Date date;
  int day = 0;
  for (std::string_view word : split(text, " ,")) {
    const std::string_view head = word.substr(0, std::min(word.find('-'), word.size()));
    if (head.size() == 4 && all_digits(head)) {
      if (date.year == 0) date.year = *parse_int(head);
    } else if (head.size() >= 3 && is_alpha(head[0]) && date.month == 0) {
      date.month = month_number(head);
    } else if (auto n = leading_int(head); n && *n >= 1 && *n <= 31 && date.month == 0) {
      day = *n;
    }
  }
  if (date.year == 0) return Date{};
  if (date.month != 0) date.day = day;
  return date;
}

Date parse_date(std::string_view text) {
  text = trim(text);
  if (text.size() >= 4 && all_digits(text.substr(0, 4)) && (text.size() == 4 || text[4] == '/')) {
    return parse_slash_date(text);
  }
  return parse_text_date(text);
}

int date_detail(const Date& d) { return (d.year != 0) + (d.month != 0) + (d.day != 0); }

// ---- author names ----

bool is_name_suffix(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {"Jr",  "Jr.", "Sr",  "Sr.", "II",
                                                   "III", "IV",  "2nd", "3rd", "4th"};
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), word) != std::end(kSuffixes);
}

// "J", "J.", "J.M.", "J.-P.": a word that holds nothing but initials, each marked off by a
// dot or hyphen.
bool is_initial_word(std::string_view word) {
  const std::vector<std::string_view> parts = split(word, ".-");
  if (parts.empty()) return false;
  return std::all_of(parts.begin(), parts.end(), [](std::string_view part) {
    return first_code_point(part).size() == part.size() &&
           (is_upper(part.front()) || is_non_ascii(part.front()));
  });
}

// "JM", "MÁ": run-together initials after a surname, one to four capitals.
bool is_initials_token(std::string_view word) {
  std::size_t letters = 0;
  for (char c : word) {
    if (!is_upper(c) && !is_non_ascii(c)) return false;
    if (!is_continuation_byte(c)) ++letters;
  }
  return letters >= 1 && letters <= 4;
}

// "John Michael" -> "JM", "R. O." -> "RO", "Ting-Ting" -> "TT".
std::string initials_of(const std::vector<std::string_view>& given_words) {
  std::string out;
  for (std::string_view word : given_words) {
    if (is_initials_token(word) && word.size() > 1 && !is_initial_word(word)) {
      out += word;  // "JM" written together
      continue;
    }
    for (std::string_view part : split(word, ".-")) {
      if (!is_lower(part.front())) out += first_code_point(part);
    }
  }
  return out;
}

// Sets given names, initials and the full name from the given-name words; initials alone
// ("R. O.") are not given names.
void set_given(Author& author, std::vector<std::string_view> given) {
  while (given.size() > 1 && is_name_suffix(given.back())) given.pop_back();
  author.initials = initials_of(given);
  if (given.empty() || std::all_of(given.begin(), given.end(), [](std::string_view w) {
        return is_initial_word(w) || is_initials_token(w);
      })) {
    return;
  }
  author.given = join(given, " ");
  author.full_name = author.given + " " + author.surname;
}

// AU/A1 values: "Marx, Karl", "Dobrokhotova, Yu E.", "Smith, John, Jr." (the RIS form), and
// forms seen in exports: "G. Kalbe", "A. S. Z. Belloum" (IEEE), "Fanning E." (Embase),
// "John Smith".
Author parse_author(std::string_view text) {
  Author author;
  author.as_printed = text;
  if (const std::size_t comma = text.find(','); comma != npos) {
    author.surname = trim(text.substr(0, comma));
    std::string_view rest = text.substr(comma + 1);
    rest = rest.substr(0, std::min(rest.find(','), rest.size()));  // drops a ", Jr." suffix
    set_given(author, split(rest, " "));
    return author;
  }
  std::vector<std::string_view> words = split(text, " ");
  if (words.size() > 2 && is_name_suffix(words.back())) words.pop_back();
  if (words.size() < 2) {
    author.surname = text;
    return author;
  }
  if (!is_initial_word(words.front()) &&
      (is_initial_word(words.back()) || is_initials_token(words.back()))) {
    // Surname first: "Fanning E.", "Smith JM".
    author.surname = join({words.begin(), words.end() - 1}, " ");
    set_given(author, {words.back()});
    return author;
  }
  // Given names first; lower-case particles belong to the surname: "Ludwig van Beethoven".
  std::size_t surname_at = words.size() - 1;
  while (surname_at > 1 && is_lower(words[surname_at - 1].front())) --surname_at;
  author.surname =
      join({words.begin() + static_cast<std::ptrdiff_t>(surname_at), words.end()}, " ");
  set_given(author, {words.begin(), words.begin() + static_cast<std::ptrdiff_t>(surname_at)});
  return author;
}

// ---- one record being assembled ----

// Fields several tags can fill, in order of preference (the first non-empty wins).
enum TitleTag { kTI, kT1, kCT, kBT, kST, kTitleTags };           // ST, a short title, comes last
enum JournalTag { kJF, kT2, kJO, kJ2, kJA, kJ1, kJournalTags };  // full names before abbreviations
enum DateTag { kDA, kPY, kY1, kDateTags };

struct RisRecord {
  Record record;
  bool has_type = false;
  std::size_t fields = 0;  // other than TY
  std::array<std::string, kTitleTags> titles;
  std::array<std::string, kJournalTags> journals;
  std::array<std::string, kDateTags> dates;
  std::string volume, volume_other;  // VL, VO
  std::string start_page, end_page;
  std::string type, work_type;                         // TY, M3
  std::string accession, reference_id, database, url;  // AN, ID, DB, UR
  std::string abstract, notes_abstract;                // AB, N2
  std::vector<std::string> addresses;                  // AD
};

void set_if_empty(std::string& field, std::string_view value) {
  if (field.empty()) field = value;
}

// KW: one keyword per line, but some exporters put several on one line, split by ";".
// Embase marks major topics with a leading "*".
void on_keyword(RisRecord& r, std::string_view value) {
  for (std::string_view keyword : split(value, ";")) {
    while (!keyword.empty() && keyword.front() == '*') keyword.remove_prefix(1);
    keyword = trim(keyword);
    if (!keyword.empty()) r.record.keywords.push_back(Keyword{std::string(keyword)});
  }
}

// N1 notes: Scopus writes "Cited By :12" (or "Cited By: 42; Export Date: ...") and
// "References: first cited work; second cited work; ...".
void on_note(RisRecord& r, std::string_view value) {
  if (istarts_with(value, "Cited By")) {
    std::string_view rest = trim(value.substr(8));
    if (rest.starts_with(':')) rest = trim(rest.substr(1));
    if (auto n = leading_int(rest)) r.record.citations = *n;
  } else if (istarts_with(value, "References:")) {
    for (std::string_view ref : split(value.substr(11), ";")) {
      ref = trim(ref);
      if (!ref.empty()) r.record.cited_references.emplace_back(ref);
    }
  }
}

// C2 holds the PMCID in PubMed-derived exports ("PMC1373603").
void on_custom2(RisRecord& r, std::string_view value) {
  if (value.starts_with("PMC") && all_digits(value.substr(3))) set_if_empty(r.record.pmcid, value);
}

using Handler = void (*)(RisRecord&, std::string_view);
struct TagHandler {
  std::string_view tag;
  Handler apply;
};

// Tags that citenet uses; all others (SN, PB, CY, L1, L2, M1, ST, U1, ...) are read and dropped.
constexpr TagHandler kHandlers[] = {
    {"AU", [](RisRecord& r, std::string_view v) { r.record.authors.push_back(parse_author(v)); }},
    {"A1", [](RisRecord& r, std::string_view v) { r.record.authors.push_back(parse_author(v)); }},
    {"AD", [](RisRecord& r, std::string_view v) { r.addresses.emplace_back(v); }},
    {"TI", [](RisRecord& r, std::string_view v) { set_if_empty(r.titles[kTI], v); }},
    {"T1", [](RisRecord& r, std::string_view v) { set_if_empty(r.titles[kT1], v); }},
    {"CT", [](RisRecord& r, std::string_view v) { set_if_empty(r.titles[kCT], v); }},
    {"BT", [](RisRecord& r, std::string_view v) { set_if_empty(r.titles[kBT], v); }},
    {"ST", [](RisRecord& r, std::string_view v) { set_if_empty(r.titles[kST], v); }},
    {"JF", [](RisRecord& r, std::string_view v) { set_if_empty(r.journals[kJF], v); }},
    {"T2", [](RisRecord& r, std::string_view v) { set_if_empty(r.journals[kT2], v); }},
    {"JO", [](RisRecord& r, std::string_view v) { set_if_empty(r.journals[kJO], v); }},
    {"J2", [](RisRecord& r, std::string_view v) { set_if_empty(r.journals[kJ2], v); }},
    {"JA", [](RisRecord& r, std::string_view v) { set_if_empty(r.journals[kJA], v); }},
    {"J1", [](RisRecord& r, std::string_view v) { set_if_empty(r.journals[kJ1], v); }},
    {"DA", [](RisRecord& r, std::string_view v) { set_if_empty(r.dates[kDA], v); }},
    {"PY", [](RisRecord& r, std::string_view v) { set_if_empty(r.dates[kPY], v); }},
    {"Y1", [](RisRecord& r, std::string_view v) { set_if_empty(r.dates[kY1], v); }},
    {"VL", [](RisRecord& r, std::string_view v) { set_if_empty(r.volume, v); }},
    {"VO", [](RisRecord& r, std::string_view v) { set_if_empty(r.volume_other, v); }},
    {"IS", [](RisRecord& r, std::string_view v) { set_if_empty(r.record.issue, v); }},
    {"SP", [](RisRecord& r, std::string_view v) { set_if_empty(r.start_page, v); }},
    {"EP", [](RisRecord& r, std::string_view v) { set_if_empty(r.end_page, v); }},
    {"DO", [](RisRecord& r, std::string_view v) { set_if_empty(r.record.doi, clean_doi(v)); }},
    {"AB", [](RisRecord& r, std::string_view v) { set_if_empty(r.abstract, v); }},
    {"N2", [](RisRecord& r, std::string_view v) { set_if_empty(r.notes_abstract, v); }},
    {"KW", on_keyword},
    {"N1", on_note},
    {"C2", on_custom2},
    {"LA", [](RisRecord& r, std::string_view v) { set_if_empty(r.record.language, v); }},
    {"M3", [](RisRecord& r, std::string_view v) { set_if_empty(r.work_type, v); }},
    {"AN", [](RisRecord& r, std::string_view v) { set_if_empty(r.accession, v); }},
    {"ID", [](RisRecord& r, std::string_view v) { set_if_empty(r.reference_id, v); }},
    {"DB", [](RisRecord& r, std::string_view v) { set_if_empty(r.database, v); }},
    {"UR", [](RisRecord& r, std::string_view v) { set_if_empty(r.url, v); }},
};

void apply_field(RisRecord& r, std::string_view tag, std::string_view value) {
  for (const TagHandler& h : kHandlers) {
    if (h.tag == tag) {
      h.apply(r, value);
      return;
    }
  }
}

template <std::size_t N>
std::string_view first_non_empty(const std::array<std::string, N>& candidates) {
  for (const std::string& c : candidates) {
    if (!c.empty()) return c;
  }
  return {};
}

// "466" + "475" -> "466-475"; a start page that is already a range stays as it is.
std::string page_range(std::string_view start, std::string_view end) {
  if (start.empty()) return std::string(end);
  if (end.empty() || end == start || start.find('-') != npos) return std::string(start);
  return std::string(start) + "-" + std::string(end);
}

void set_dates(RisRecord& r) {
  Date best;
  for (const std::string& text : r.dates) {
    if (text.empty()) continue;
    const Date date = parse_date(text);
    if (r.record.year == 0) r.record.year = date.year;
    if (date_detail(date) > date_detail(best)) best = date;
  }
  r.record.published = best;
}

// Identifiers hidden in other fields: a DOI link in UR, the Scopus EID in its record URL,
// a PubMed id as the accession number of a MEDLINE-derived export.
void set_identifiers(RisRecord& r) {
  Record& rec = r.record;
  if (const std::size_t at = r.url.find("doi.org/"); rec.doi.empty() && at != npos) {
    rec.doi = clean_doi(std::string_view(r.url).substr(at + 8));
  }
  std::string_view eid;
  if (const std::size_t at = r.url.find("eid=2-s2.0-"); at != npos) {
    eid = std::string_view(r.url).substr(at + 4);
    eid = eid.substr(0, std::min(eid.find('&'), eid.size()));
  }
  rec.database_id = !r.accession.empty() ? std::string_view(r.accession)
                    : !eid.empty()       ? eid
                                         : std::string_view(r.reference_id);
  const bool from_pubmed =
      icontains(r.database, "pubmed") || icontains(r.database, "medline") || r.database == "NLM";
  if (from_pubmed && all_digits(r.accession)) rec.pmid = r.accession;
}

void finalise(RisRecord& r) {
  Record& rec = r.record;
  rec.title = first_non_empty(r.titles);
  rec.journal = first_non_empty(r.journals);
  rec.volume = !r.volume.empty() ? r.volume : r.volume_other;
  rec.pages = page_range(r.start_page, r.end_page);
  rec.abstract = !r.abstract.empty() ? r.abstract : r.notes_abstract;
  rec.document_type = !r.work_type.empty() ? r.work_type : r.type;
  set_dates(r);
  set_identifiers(r);
  // RIS addresses are not tied to authors; only a single author's are certainly theirs.
  // Otherwise they are the record's: trimmed, once each, in order.
  if (rec.authors.size() == 1) {
    rec.authors[0].affiliations = std::move(r.addresses);
    return;
  }
  for (const std::string& a : r.addresses) {
    const std::string_view address = trim(a);
    if (address.empty()) continue;
    if (std::find(rec.addresses.begin(), rec.addresses.end(), address) == rec.addresses.end()) {
      rec.addresses.emplace_back(address);
    }
  }
}

// ---- line shapes ----

// "TY  - JOUR", "ER  -", "AU - Smith" (one space, as some exporters write): a capital and a
// capital or digit, one or two spaces, "-", then a space or the end of the line.
// "ER then second line" is continuation text, not a tag.
bool is_tag_line(std::string_view line) {
  if (line.size() < 4 || !is_upper(line[0]) || !(is_upper(line[1]) || is_digit(line[1]))) {
    return false;
  }
  std::size_t dash = line[2] == ' ' && line[3] == ' ' ? 4 : 3;
  if (line[2] != ' ' || dash >= line.size() || line[dash] != '-') return false;
  return dash + 1 == line.size() || line[dash + 1] == ' ';
}

std::string_view tag_of(std::string_view tag_line) { return tag_line.substr(0, 2); }
std::string_view value_of(std::string_view tag_line) {
  return trim(tag_line.substr(tag_line.find('-') + 1));
}

// ---- the streaming reader ----

class RisParser {
 public:
  RisParser(const std::string& source, const RecordSink& sink, ReadStats& stats)
      : source_(source), sink_(sink), stats_(stats) {}

  void feed(std::string_view line, std::size_t line_no);
  void finish();
  bool format_seen() const { return format_seen_; }
  std::size_t first_content_line() const { return first_content_line_; }

 private:
  void on_tag_line(std::string_view tag, std::string_view value, std::size_t line_no);
  void start_record(bool has_type, std::size_t line_no);
  void end_record(const char* unterminated);
  void flush_field();
  void skip(const std::string& what);

  const std::string& source_;
  const RecordSink& sink_;
  ReadStats& stats_;
  bool format_seen_ = false;
  std::size_t first_content_line_ = 0;
  std::size_t records_started_ = 0;  // the N of "record N" in warnings
  std::size_t orphan_line_ = 0;      // first field line before the first "TY  - "
  bool in_record_ = false;

  RisRecord current_;
  // The field being read: its value grows with each continuation line.
  std::string tag_;
  std::string value_;
  bool in_field_ = false;
};

void RisParser::feed(std::string_view line, std::size_t line_no) {
  // IEEE Xplore starts lines with a stray carriage return ("\rTY  - CONF").
  while (!line.empty() && line.front() == '\r') line.remove_prefix(1);
  const std::string_view content = trim(line);
  if (content.empty()) return;  // blank lines carry nothing, inside a record or not
  if (first_content_line_ == 0) first_content_line_ = line_no;
  if (is_tag_line(line)) {
    on_tag_line(tag_of(line), value_of(line), line_no);
  } else if (in_field_) {
    value_ += ' ';  // a continuation line (indented or not, as rispy's examples show)
    value_ += content;
  }
  // Anything else sits between records: record numbers ("1."), database headers.
}

void RisParser::on_tag_line(std::string_view tag, std::string_view value, std::size_t line_no) {
  if (tag == "TY") {
    if (!format_seen_ && orphan_line_ != 0) {
      stats_.warnings.push_back(
          Diagnostic{source_, orphan_line_, "fields before the first \"TY  - \" line, ignored"});
    }
    format_seen_ = true;
    end_record("no \"ER  - \" line before the next \"TY  - \"");
    start_record(true, line_no);
    current_.type = value;
    return;
  }
  if (tag == "ER") {
    end_record(nullptr);
    return;
  }
  if (!in_record_) {
    // Fields without a TY line: before the first TY this may not be RIS at all.
    if (!format_seen_) {
      if (orphan_line_ == 0) orphan_line_ = line_no;
      return;
    }
    start_record(false, line_no);
  }
  flush_field();
  ++current_.fields;
  tag_ = tag;
  value_ = value;
  in_field_ = true;
}

void RisParser::flush_field() {
  if (!in_field_) return;
  in_field_ = false;
  apply_field(current_, tag_, value_);
}

void RisParser::start_record(bool has_type, std::size_t line_no) {
  current_ = RisRecord{};
  current_.has_type = has_type;
  current_.record.source = source_;
  current_.record.line = line_no;
  current_.record.format = "ris";
  ++records_started_;
  in_record_ = true;
}

// `unterminated` is the warning for a record that had no ER line, null when it had one.
void RisParser::end_record(const char* unterminated) {
  flush_field();
  if (!in_record_) return;
  in_record_ = false;
  if (!current_.has_type) return skip("no \"TY  - \" line");
  if (current_.fields == 0) return skip("empty record");
  if (unterminated) {
    stats_.warnings.push_back(
        Diagnostic{source_, current_.record.line,
                   "record " + std::to_string(records_started_) + ": " + unterminated});
  }
  finalise(current_);
  ++stats_.records_read;
  sink_(std::move(current_.record));
}

void RisParser::finish() {
  flush_field();
  if (in_record_) skip("input ends before its \"ER  - \" line");
  in_record_ = false;
}

void RisParser::skip(const std::string& what) {
  ++stats_.records_skipped;
  stats_.warnings.push_back(Diagnostic{source_, current_.record.line,
                                       "record " + std::to_string(records_started_) + ": " + what});
}

}  // namespace

bool looks_like_ris(std::string_view head) {
  if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
  int other_lines = 0;
  while (!head.empty() && other_lines < 5) {
    const std::size_t nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    while (!line.empty() && line.front() == '\r') line.remove_prefix(1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (is_tag_line(line)) return tag_of(line) == "TY";
    if (!trim(line).empty()) ++other_lines;
    if (nl == npos) break;
    head.remove_prefix(nl + 1);
  }
  return false;
}

bool read_ris(std::istream& in, const std::string& source, const RecordSink& sink, ReadStats& stats,
              std::string* error) {
  RisParser parser(source, sink, stats);
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    std::string_view view = line;
    if (++line_no == 1 && view.starts_with(kBom)) view.remove_prefix(kBom.size());
    if (view.ends_with('\r')) view.remove_suffix(1);
    parser.feed(view, line_no);
  }
  parser.finish();
  if (parser.format_seen()) return true;
  const std::size_t at = parser.first_content_line();
  if (error) {
    *error = source + ":" + std::to_string(at ? at : 1) + ": " +
             (at ? "not a RIS file (no \"TY  - \" line)" : "empty input");
  }
  return false;
}

}  // namespace citenet
