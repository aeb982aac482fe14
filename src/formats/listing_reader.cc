#include "formats/listing_reader.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <optional>
#include <utility>
#include "formats/reader_text.h"

namespace citenet {
namespace {

using namespace reader_text;

std::string join(const std::vector<std::string_view>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// A record starts with its number alone on a line; nine digits keep it inside an int.
std::optional<int> record_number(std::string_view line) {
  if (line.size() > 9 || !all_digits(line)) return std::nullopt;
  return parse_int(line);
}

// ---- author names ----

// Letters of a name: ASCII letters, hyphen, apostrophe, and any UTF-8 byte (accents, whose
// case we cannot tell without ICU).
bool is_name_char(char c) {
  return is_upper(c) || is_lower(c) || c == '-' || c == '\'' || is_non_ascii(c);
}

bool is_name_word(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), is_name_char);
}

// Lower-case surname particles ("van der Berg"); any other lower-case word means the text is
// a sentence of a title, not a name.
bool is_particle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {"van", "von",   "der", "den", "de",  "da",
                                                    "del", "della", "di",  "du",  "dos", "la",
                                                    "le",  "ten",   "ter", "bin", "al",  "el"};
  return std::find(std::begin(kParticles), std::end(kParticles), w) != std::end(kParticles);
}

bool is_surname_word(std::string_view w) {
  return is_name_word(w) && (is_upper(w.front()) || is_non_ascii(w.front()) || is_particle(w));
}

// "XL", "LE", "H": one to four capitals (non-ASCII bytes allowed for accented initials).
bool is_initials(std::string_view w) {
  std::size_t letters = 0;
  for (char c : w) {
    if (is_upper(c)) {
      ++letters;
    } else if (is_non_ascii(c)) {
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++letters;  // count code points
    } else {
      return false;
    }
  }
  return letters >= 1 && letters <= 4;
}

bool is_upper_case(std::string_view s) {
  return std::any_of(s.begin(), s.end(), is_upper) && std::none_of(s.begin(), s.end(), is_lower);
}

// The first letter (a whole UTF-8 code point) of each word: "SAHIL" -> "S".
std::string initials_of(const std::vector<std::string_view>& words, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < words.size(); ++i) {
    std::string_view w = words[i];
    std::size_t len = 1;
    while (len < w.size() && (static_cast<unsigned char>(w[len]) & 0xC0) == 0x80) ++len;
    out += w.substr(0, len);
  }
  return out;
}

// One citation-line author: "Alderwick H", "Cross-Sudworth F", "van der Berg J", or the
// upper-case form with given names "SANDHU SAHIL". Returns nullopt when the text is not a
// name, which is how a title that comes first (no authors) is told apart.
std::optional<Author> parse_author(std::string_view text) {
  const std::vector<std::string_view> words = split_words(text);
  if (words.size() < 2 || words.size() > 6) return std::nullopt;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (!is_surname_word(words[i])) return std::nullopt;
  }
  Author author;
  author.as_printed = join(words, 0, words.size());
  // The upper-case form spells given names; its second word is then longer than initials.
  if (is_upper_case(text) && words[1].size() > 3 && is_name_word(words.back())) {
    author.surname = words[0];
    author.given = join(words, 1, words.size());
    author.initials = initials_of(words, 1);
    return author;
  }
  if (!is_initials(words.back())) return std::nullopt;
  author.surname = join(words, 0, words.size() - 1);
  author.initials = words.back();
  return author;
}

// "Alderwick H, Hutchings A, Mays N" -> three authors; nullopt when any item is not a name.
std::optional<std::vector<Author>> parse_author_list(std::string_view text) {
  std::vector<Author> authors;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view item = trim(text.substr(0, comma));
    text = comma == npos ? std::string_view() : text.substr(comma + 1);
    if (iequals(item, "et al")) continue;
    std::optional<Author> author = parse_author(item);
    if (!author) return std::nullopt;
    authors.push_back(std::move(*author));
  }
  if (authors.empty()) return std::nullopt;
  return authors;
}

// "Leena Eklund Karlsson" with surname "Karlsson" -> "Leena Eklund"; also accepts the
// surname-first order. Empty when the full name does not contain the surname at either end.
std::string given_from_full_name(std::string_view full, std::string_view surname) {
  if (surname.empty() || full.size() <= surname.size() + 1) return {};
  const std::size_t cut = full.size() - surname.size();
  if (full[cut - 1] == ' ' && iequals(full.substr(cut), surname)) {
    return std::string(trim(full.substr(0, cut)));
  }
  if (full[surname.size()] == ' ' && iequals(full.substr(0, surname.size()), surname)) {
    return std::string(trim(full.substr(surname.size())));
  }
  return {};
}

// ---- the bracketed tail: [PMID: … PMCID: … DOI: …] [Citation(s) in RCA: n] … Open ----

// Where the tail starts: the first group carrying ids or counts. Titles may hold brackets
// of their own ("[Article in German]"), so a bare "[" is not enough.
std::size_t find_tail(std::string_view line) {
  static constexpr std::string_view kOpeners[] = {
      "[PMID:", "[PMCID:", "[DOI:", "[Citation(s) in RCA:"};
  std::size_t first = npos;
  for (std::string_view opener : kOpeners) first = std::min(first, line.find(opener));
  return first;
}

// "PMID: 39334058 PMCID: PMC11438096 DOI: 10.1186/…": labels and values alternate.
void apply_ids(std::string_view group, Record& record) {
  const std::vector<std::string_view> words = split_words(group);
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    std::string* field = words[i] == "PMID:"    ? &record.pmid
                         : words[i] == "PMCID:" ? &record.pmcid
                         : words[i] == "DOI:"   ? &record.doi
                                                : nullptr;
    if (field) *field = words[++i];
  }
}

// "05/29/2024" (month first).
std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/') return std::nullopt;
  auto month = parse_int(text.substr(0, 2));
  auto day = parse_int(text.substr(3, 2));
  auto year = parse_int(text.substr(6, 4));
  if (!month || !day || !year || *month < 1 || *month > 12 || *day < 1 || *day > 31) {
    return std::nullopt;
  }
  return Date{*year, *month, *day};
}

struct DateField {
  std::string_view label;
  Date Record::*field;
};
constexpr DateField kDateFields[] = {{"Received", &Record::received},
                                     {"Revised", &Record::revised},
                                     {"Accepted", &Record::accepted},
                                     {"Indexed", &Record::indexed}};

// One "[label: value]" group. Link labels without a value ("[Key Words]") carry nothing.
void apply_group(std::string_view group, Record& record, std::vector<std::string>& warnings) {
  group = trim(group);
  if (group.starts_with("PMID:") || group.starts_with("PMCID:") || group.starts_with("DOI:")) {
    apply_ids(group, record);
    return;
  }
  const std::size_t colon = group.find(':');
  if (colon == npos) return;
  const std::string_view label = trim(group.substr(0, colon));
  const std::string_view value = trim(group.substr(colon + 1));
  const auto bad = [&] {
    warnings.push_back("bad " + std::string(label) + " value \"" + std::string(value) +
                       "\", left unknown");
  };
  if (label == "Citation(s) in RCA") {
    if (auto n = parse_int(value); n && *n >= 0) {
      record.citations = *n;
    } else {
      bad();
    }
  } else if (label == "Impact Index Per Article") {
    if (auto x = parse_double(value); x && *x >= 0) {
      record.impact_index = *x;
    } else {
      bad();
    }
  } else {
    for (const DateField& d : kDateFields) {
      if (label != d.label) continue;
      if (auto date = parse_date(value)) {
        record.*d.field = *date;
      } else {
        bad();
      }
    }
  }
}

bool parse_tail(std::string_view tail, Record& record, std::string* error,
                std::vector<std::string>& warnings) {
  std::size_t i = 0;
  while (i < tail.size()) {
    if (is_space(tail[i])) {
      ++i;
    } else if (tail[i] == '[') {
      const std::size_t close = tail.find(']', i);
      if (close == npos) {
        *error = "citation line is cut inside a \"[...]\" group";
        return false;
      }
      apply_group(tail.substr(i + 1, close - i - 1), record, warnings);
      i = close + 1;
    } else {
      // Text between groups: only the trailing "Open" means something.
      const std::size_t next = std::min(tail.find('[', i), tail.size());
      if (trim(tail.substr(i, next - i)) == "Open") record.open_access = true;
      i = next;
    }
  }
  return true;
}

// ---- the bibliographic part: Authors. Title. Journal Year; Vol:Pages ----

// The journal's year: the rightmost stand-alone four-digit number preceded by a space and
// followed by the end, ";" or ":". A number after "; " is a volume, and digits inside a
// journal name ("(WARSAW, POLAND : 1960)") are followed by ")", so neither is taken.
std::size_t find_year(std::string_view bib) {
  for (std::size_t end = bib.size(); end >= 5; --end) {
    const std::size_t at = end - 4;
    if (end < bib.size() && bib[end] != ';' && bib[end] != ':') continue;
    if (bib[at - 1] != ' ' || !all_digits(bib.substr(at, 4))) continue;
    if (bib[at] != '1' && bib[at] != '2') continue;
    if (at >= 2 && (bib[at - 2] == ';' || bib[at - 2] == ':')) continue;
    return at;
  }
  return npos;
}

// The title ends at the last ". ", "? " or "! " before the journal; titles may hold "? "
// themselves ("…systems? A qualitative analysis."), which is why the search runs from the
// right. Returns the position of the punctuation.
std::size_t find_title_end(std::string_view before_journal_year) {
  for (std::size_t i = before_journal_year.size(); i-- > 1;) {
    const char c = before_journal_year[i - 1];
    if (before_journal_year[i] == ' ' && (c == '.' || c == '?' || c == '!')) return i - 1;
  }
  return npos;
}

// After the year: "; 24:2613", "; 77:497-505", ":10.1038/…" (an online-first DOI), or nothing.
void apply_volume_pages(std::string_view rest, Record& record) {
  rest = trim(rest);
  if (rest.starts_with(';')) {
    rest = trim(rest.substr(1));
    const std::size_t colon = rest.find(':');
    record.volume = trim(rest.substr(0, colon));
    if (colon != npos) record.pages = trim(rest.substr(colon + 1));
  } else if (rest.starts_with(':')) {
    rest = trim(rest.substr(1));
    if (!rest.starts_with("10.")) {
      record.pages = rest;
    } else if (record.doi.empty()) {
      record.doi = rest;  // an online-first DOI; the bracket part normally has it too
    }
  }
}

// "Authors. Title." or just "Title." (some records have no authors): the first sentence is
// the author list only when every comma-separated item reads as a name.
void split_authors_title(std::string_view head, Record& record) {
  const std::size_t dot = head.find(". ");
  if (dot != npos) {
    if (auto authors = parse_author_list(head.substr(0, dot))) {
      record.authors = std::move(*authors);
      head = trim(head.substr(dot + 2));
    }
  }
  if (head.ends_with('.')) head.remove_suffix(1);  // "?" and "!" belong to the title
  record.title = trim(head);
}

bool fail(std::string* error, std::string what) {
  if (error) *error = std::move(what);
  return false;
}

bool parse_bibliographic(std::string_view bib, Record& record, std::string* error) {
  if (bib.ends_with('.')) bib.remove_suffix(1);
  const std::size_t year_at = find_year(bib);
  if (year_at == npos) return fail(error, "no \"Journal Year\" before the identifiers");
  record.year = *parse_int(bib.substr(year_at, 4));
  apply_volume_pages(bib.substr(year_at + 4), record);

  const std::string_view before = bib.substr(0, year_at);
  const std::size_t title_end = find_title_end(before);
  if (title_end == npos) return fail(error, "no title before the journal");
  record.journal = trim(before.substr(title_end + 1));
  if (record.journal.empty()) return fail(error, "no journal name before the year");
  split_authors_title(trim(before.substr(0, title_end + 1)), record);
  if (record.title.empty()) return fail(error, "empty title");
  return true;
}

// ---- the streaming reader ----

// Reads one record at a time; the state says which line of the record comes next.
class ListingParser {
 public:
  ListingParser(const std::string& source, const RecordSink& sink, ReadStats& stats)
      : source_(source), sink_(sink), stats_(stats) {}

  void feed(std::string_view line, std::size_t line_no);
  void finish() { end_record(); }
  bool format_seen() const { return format_seen_; }
  std::size_t first_content_line() const { return first_content_line_; }

 private:
  enum class State {
    outside,         // between records
    after_number,    // expects "|"
    citation,        // expects the citation line
    after_citation,  // "Abstract", "Collapse", "Affiliation(s)" or the closing "|"
    abstract_text,   // the line after "Abstract"
    body,            // after the abstract or a "Collapse"
    affiliations,    // inside the "Affiliation(s)" block
    skipping,        // a bad record: ignore lines until the next record number
  };

  void start_record(int number, std::size_t line_no);
  void on_citation(std::string_view line, std::size_t line_no);
  void on_body_line(std::string_view line, std::size_t line_no);
  void on_affiliation_line(std::string_view line, std::size_t line_no);
  void end_record();
  void check_affiliation_slots();
  void skip_record(std::size_t line_no, const std::string& what);
  void warn(std::size_t line_no, const std::string& what);
  void stray_line(std::size_t line_no);

  const std::string& source_;
  const RecordSink& sink_;
  ReadStats& stats_;
  State state_ = State::outside;
  bool format_seen_ = false;
  std::size_t first_content_line_ = 0;
  bool stray_reported_ = false;  // one warning per run of unexpected lines

  Record record_;
  // The affiliation block: each "| |" closes one author slot of the citation line.
  std::size_t block_line_ = 0;  // line of "Affiliation(s)", 0 when there is none
  std::size_t slot_ = 0;        // author slot the next "- " line belongs to
  bool slot_named_ = false;     // whether that slot already has its full name
};

void ListingParser::feed(std::string_view raw, std::size_t line_no) {
  const std::string_view line = trim(raw);
  if (line.empty()) return;  // blank lines carry nothing in this format
  if (first_content_line_ == 0) first_content_line_ = line_no;
  // No other line of the format is bare digits, so a number always starts a record; that
  // also recovers from a record cut anywhere before it.
  if (auto number = record_number(line)) {
    end_record();
    start_record(*number, line_no);
    return;
  }
  switch (state_) {
    case State::outside:
      if (line != "|") stray_line(line_no);
      return;
    case State::after_number:
      if (line == "|") {
        format_seen_ = true;
        state_ = State::citation;
        return;
      }
      on_citation(line, line_no);  // tolerate a missing "|"
      return;
    case State::citation:
      on_citation(line, line_no);
      return;
    case State::abstract_text:
      state_ = State::body;
      if (line == "Collapse" || line == "Affiliation(s)" || line == "|") {
        on_body_line(line, line_no);  // "Abstract" with its text missing
      } else {
        record_.abstract = line;
      }
      return;
    case State::affiliations:
      if (line == "Collapse") {
        state_ = State::body;
      } else if (line.starts_with('|') || line.starts_with('-')) {
        on_affiliation_line(line, line_no);
      } else {
        stray_line(line_no);
      }
      return;
    case State::after_citation:
    case State::body:
      on_body_line(line, line_no);
      return;
    case State::skipping:
      return;
  }
}

void ListingParser::start_record(int number, std::size_t line_no) {
  record_ = Record{};
  record_.source = source_;
  record_.line = line_no;
  record_.format = "listing";
  record_.number = number;
  block_line_ = 0;
  slot_ = 0;
  slot_named_ = false;
  stray_reported_ = false;
  state_ = State::after_number;
}

void ListingParser::on_citation(std::string_view line, std::size_t line_no) {
  std::string error;
  std::vector<std::string> warnings;
  if (!parse_listing_citation(line, record_, &error, &warnings)) {
    skip_record(line_no, error);
    return;
  }
  for (const std::string& w : warnings) warn(line_no, w);
  format_seen_ = true;
  state_ = State::after_citation;
}

void ListingParser::on_body_line(std::string_view line, std::size_t line_no) {
  if (line == "Abstract" && record_.abstract.empty()) {
    state_ = State::abstract_text;
  } else if (line == "Collapse") {
    state_ = State::body;
  } else if (line == "Affiliation(s)") {
    block_line_ = line_no;
    state_ = State::affiliations;
  } else if (line == "|") {
    end_record();  // the record's closing separator
  } else {
    stray_line(line_no);
  }
}

// "- Full Name", "- affiliation", "| | - Next Author", "| | | |" (a slot with no entry).
void ListingParser::on_affiliation_line(std::string_view line, std::size_t line_no) {
  std::size_t pipes = 0;
  while (!line.empty() && (line.front() == '|' || is_space(line.front()))) {
    if (line.front() == '|') ++pipes;
    line.remove_prefix(1);
  }
  if (pipes >= 2) {
    slot_ += pipes / 2;
    slot_named_ = false;
  }
  if (line.empty()) return;
  if (!line.starts_with('-')) {
    stray_line(line_no);
    return;
  }
  const std::string_view entry = trim(line.substr(1));
  if (entry.empty() || slot_ >= record_.authors.size()) {
    slot_named_ = slot_named_ || !entry.empty();  // counted by check_affiliation_slots
    return;
  }
  Author& author = record_.authors[slot_];
  if (!slot_named_) {
    slot_named_ = true;
    author.full_name = entry;
    if (author.given.empty()) author.given = given_from_full_name(entry, author.surname);
  } else {
    author.affiliations.emplace_back(entry);
  }
}

// Equal counts are the norm; a difference means names may sit on the wrong authors.
void ListingParser::check_affiliation_slots() {
  if (block_line_ == 0) return;
  const std::size_t slots = slot_ + (slot_named_ ? 1 : 0);
  if (slots == record_.authors.size()) return;
  warn(block_line_, "affiliation block has " + std::to_string(slots) +
                        " author slots but the citation line names " +
                        std::to_string(record_.authors.size()) + " authors");
}

void ListingParser::end_record() {
  switch (state_) {
    case State::outside:
    case State::skipping:
      break;
    case State::after_number:
    case State::citation:
      skip_record(record_.line, "ends before its citation line");
      break;
    default:
      check_affiliation_slots();
      ++stats_.records_read;
      sink_(std::move(record_));
      break;
  }
  state_ = State::outside;
}

void ListingParser::skip_record(std::size_t line_no, const std::string& what) {
  ++stats_.records_skipped;
  warn(line_no, what);
  state_ = State::skipping;
}

void ListingParser::warn(std::size_t line_no, const std::string& what) {
  stats_.warnings.push_back(
      Diagnostic{source_, line_no, "record " + std::to_string(record_.number) + ": " + what});
}

void ListingParser::stray_line(std::size_t line_no) {
  if (stray_reported_) return;
  stray_reported_ = true;
  if (state_ == State::outside) {
    stats_.warnings.push_back(Diagnostic{source_, line_no, "text outside any record, ignored"});
  } else {
    warn(line_no, "unexpected line, ignored");
  }
}

}  // namespace

bool parse_listing_citation(std::string_view line, Record& record, std::string* error,
                            std::vector<std::string>* warnings) {
  line = trim(line);
  const std::size_t tail = find_tail(line);
  if (tail == npos) {
    return fail(error, "citation line has no \"[PMID: ...]\" or \"[DOI: ...]\" part");
  }
  std::vector<std::string> local_warnings;
  std::vector<std::string>& sink = warnings ? *warnings : local_warnings;
  std::string tail_error;
  if (!parse_tail(line.substr(tail), record, &tail_error, sink)) return fail(error, tail_error);
  return parse_bibliographic(trim(line.substr(0, tail)), record, error);
}

bool looks_like_listing(std::string_view head) {
  if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
  // The first three non-blank lines: a number, "|", and (when the head holds all of it)
  // a citation line with its bracketed identifiers.
  std::string_view lines[3];
  bool complete[3] = {false, false, false};
  std::size_t found = 0;
  while (!head.empty() && found < 3) {
    const std::size_t nl = head.find('\n');
    const std::string_view line = trim(head.substr(0, nl));
    head = nl == npos ? std::string_view() : head.substr(nl + 1);
    if (line.empty()) continue;
    complete[found] = nl != npos;
    lines[found++] = line;
  }
  if (found < 2 || !record_number(lines[0]) || lines[1] != "|") return false;
  return found < 3 || !complete[2] || find_tail(lines[2]) != npos;
}

namespace {

void feed_line(ListingParser& parser, std::string_view line, std::size_t line_no) {
  if (line_no == 1 && line.starts_with(kBom)) line.remove_prefix(kBom.size());
  parser.feed(line, line_no);
}

}  // namespace

bool read_listing(std::istream& in, const std::string& source, const RecordSink& sink,
                  ReadStats& stats, std::string* error) {
  ListingParser parser(source, sink, stats);
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) feed_line(parser, line, ++line_no);
  parser.finish();
  if (parser.format_seen()) return true;
  if (error) *error = listing_format_error(source, parser.first_content_line());
  return false;
}

std::string listing_format_error(const std::string& source, std::size_t first_content_line) {
  const std::size_t at = first_content_line;
  return source + ":" + std::to_string(at ? at : 1) + ": " +
         (at ? "not an integrated-care listing (no record number followed by \"|\")"
             : "empty input");
}

// A record number always starts a record (ListingParser::feed).
std::size_t next_listing_record(std::string_view text, std::size_t from) {
  return next_line_where(
      text, from, [](std::string_view line) { return record_number(trim(line)).has_value(); });
}

ChunkOutcome read_listing_chunk(std::string_view text, const std::string& source,
                                const RecordSink& sink, ReadStats& stats) {
  ListingParser parser(source, sink, stats);
  ChunkOutcome outcome;
  outcome.lines = for_each_line(
      text, [&](std::string_view line, std::size_t line_no) { feed_line(parser, line, line_no); });
  parser.finish();
  outcome.format_seen = parser.format_seen();
  outcome.first_content_line = parser.first_content_line();
  return outcome;
}

}  // namespace citenet
