#include "formats/wos_reader.h"

#include "formats/reader_text.h"
#include "records/text.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace citenet {
namespace {

using namespace reader_text;

// ---- input decoding: UTF-8 (optional BOM) or UTF-16 LE/BE, delivered as UTF-8 lines ----

enum class Encoding { utf8, utf16le, utf16be };

// UTF-16 exports start with a BOM; without one, a zero byte beside an ASCII letter gives
// the byte order away ("P\0T\0" is "PT" little-endian).
Encoding sniff_encoding(std::string_view bytes, std::size_t* bom_size) {
  *bom_size = 0;
  if (bytes.starts_with("\xFF\xFE")) {
    *bom_size = 2;
    return Encoding::utf16le;
  }
  if (bytes.starts_with("\xFE\xFF")) {
    *bom_size = 2;
    return Encoding::utf16be;
  }
  if (bytes.starts_with(kBom)) *bom_size = kBom.size();
  if (bytes.size() >= 2 && *bom_size == 0) {
    if (bytes[0] != 0 && bytes[1] == 0) return Encoding::utf16le;
    if (bytes[0] == 0 && bytes[1] != 0) return Encoding::utf16be;
  }
  return Encoding::utf8;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the complete UTF-16 code units of `raw` into `out` and returns how many bytes
// were used; an odd byte or a high surrogate at the end waits for more input unless
// `at_end`. Unpaired surrogates become U+FFFD.
std::size_t decode_utf16(std::string_view raw, bool big_endian, bool at_end, std::string& out) {
  const auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(raw[i]);
    const auto b = static_cast<unsigned char>(raw[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  std::size_t i = 0;
  while (i + 1 < raw.size()) {
    const char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 3 >= raw.size()) {
        if (!at_end) break;
        append_utf8(out, 0xFFFD);
        i += 2;
        continue;
      }
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 4;
      } else {
        append_utf8(out, 0xFFFD);
        i += 2;
      }
      continue;
    }
    append_utf8(out, (u >= 0xDC00 && u <= 0xDFFF) ? 0xFFFD : u);
    i += 2;
  }
  return at_end ? raw.size() : i;
}

// Lines of the input as UTF-8 without their "\n" / "\r\n", read in chunks so only the current
// line is held. A UTF-8 BOM is dropped; UTF-16 is converted.
class LineSource {
 public:
  explicit LineSource(std::istream& in) : in_(in) {
    char lead[4];
    in_.read(lead, sizeof lead);
    const std::string_view head(lead, static_cast<std::size_t>(in_.gcount()));
    std::size_t bom = 0;
    encoding_ = sniff_encoding(head, &bom);
    take(head.substr(bom));
  }

  bool next(std::string& line) {
    for (;;) {
      const std::size_t nl = pending_.find('\n', pos_);
      // A line longer than the limit is cut rather than letting a file without line
      // breaks fill memory.
      if (nl != npos || eof_ || pending_.size() - pos_ > kMaxLine) {
        if (pos_ >= pending_.size() && eof_) return false;
        const std::size_t end = nl == npos ? std::min(pending_.size(), pos_ + kMaxLine) : nl;
        line.assign(pending_, pos_, end - pos_);
        pos_ = nl == npos ? end : nl + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
      }
      fill();
    }
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  static constexpr std::size_t kMaxLine = std::size_t{64} << 20;

  void fill() {
    pending_.erase(0, pos_);
    pos_ = 0;
    char chunk[kChunk];
    in_.read(chunk, sizeof chunk);
    const auto got = static_cast<std::size_t>(in_.gcount());
    if (got == 0) eof_ = true;
    take(std::string_view(chunk, got));
  }

  void take(std::string_view bytes) {
    if (encoding_ == Encoding::utf8) {
      pending_ += bytes;
      return;
    }
    raw_ += bytes;
    const std::size_t used =
        decode_utf16(raw_, encoding_ == Encoding::utf16be, eof_ || bytes.empty(), pending_);
    raw_.erase(0, used);
  }

  std::istream& in_;
  Encoding encoding_ = Encoding::utf8;
  std::string raw_;      // undecoded UTF-16 bytes
  std::string pending_;  // decoded text not yet returned
  std::size_t pos_ = 0;
  bool eof_ = false;
};

// ---- raw records: the values of each tag, before interpretation ----

struct RawField {
  std::string tag;
  std::vector<std::string> items;  // one per line (tagged) or per "; " part (tab-delimited)
};

struct RawRecord {
  std::size_t line = 0;
  std::vector<RawField> fields;

  RawField& field(std::string_view tag) {
    for (RawField& f : fields) {
      if (f.tag == tag) return f;  // a repeated tag continues the field
    }
    return fields.emplace_back(RawField{std::string(tag), {}});
  }
  const std::vector<std::string>* items(std::string_view tag) const {
    for (const RawField& f : fields) {
      if (f.tag == tag) return &f.items;
    }
    return nullptr;
  }
  // Wrapped text: the lines joined with a space.
  std::string text(std::string_view tag) const {
    std::string out;
    if (const auto* lines = items(tag)) {
      for (const std::string& l : *lines) {
        const std::string_view t = trim(l);
        if (t.empty()) continue;
        if (!out.empty()) out += ' ';
        out += t;
      }
    }
    return out;
  }
};

// Tags whose every line is one item (an author, an address, a cited reference); the
// tab-delimited export joins those items with "; ". All other tags are wrapped text.
bool is_list_tag(std::string_view tag) {
  static constexpr std::string_view kListTags[] = {"AU", "AF", "BA", "BF", "CA",
                                                   "GP", "C1", "CR", "ED"};
  return std::find(std::begin(kListTags), std::end(kListTags), tag) != std::end(kListTags);
}

// "FN", "PT", "C1", "Z9": a capital and a capital or digit.
bool is_tag(std::string_view s) {
  return s.size() == 2 && is_upper(s[0]) && (is_upper(s[1]) || is_digit(s[1]));
}

// ---- author names ----

// Letters and digits, ASCII lower-cased, other punctuation and spaces dropped: the key
// under which "Nunez, Rafael" in C1 finds "Nunez, Rafael" in AF whatever the spacing.
std::string name_key(std::string_view s) {
  std::string key;
  for (char c : s) {
    if (is_upper(c) || is_lower(c) || is_digit(c) || is_non_ascii(c)) key += to_lower(c);
  }
  return key;
}

// "Smith, JM" -> {"Smith", "JM"}; without a comma the last word is the given part.
std::pair<std::string_view, std::string_view> split_name(std::string_view name) {
  name = trim(name);
  std::size_t cut = name.find(',');
  if (cut == npos) {
    cut = name.rfind(" ");
    if (cut == npos) return {name, {}};
  }
  return {trim(name.substr(0, cut)), trim(name.substr(cut + 1))};
}

// Letters of an initials string: "J.M." -> "JM", "J-H" -> "JH".
std::string letters_of(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_upper(c) || is_lower(c) || is_non_ascii(c)) out += c;
  }
  return out;
}

// The first letter (a whole UTF-8 code point) of each word or hyphenated part:
// "John Michael" -> "JM", "Jean-Pierre" -> "JP".
std::string initials_from_given(std::string_view given) {
  std::string out;
  bool word_start = true;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const char c = given[i];
    if (c == ' ' || c == '-' || c == '.') {
      word_start = true;
      continue;
    }
    if (word_start && (is_upper(c) || is_lower(c) || is_non_ascii(c))) {
      std::size_t len = 1;
      while (i + len < given.size() &&
             (static_cast<unsigned char>(given[i + len]) & 0xC0) == 0x80) {
        ++len;
      }
      out += given.substr(i, len);
      if (is_lower(out.back()) && len == 1) out.back() = static_cast<char>(c - 'a' + 'A');
    }
    word_start = false;
  }
  return out;
}

// Old records repeat the abbreviated form in AF ("BREVIK, I"): such a "given" part is only
// initials and must not pass for given names.
bool is_only_initials(std::string_view given, std::string_view initials) {
  if (std::any_of(given.begin(), given.end(), is_lower)) return false;
  return iequals(letters_of(given), initials);
}

// One author from its AU form and (may be empty) its AF form.
Author make_author(std::string_view au, std::string_view af) {
  Author a;
  au = trim(au);
  af = trim(af);
  a.as_printed = au.empty() ? af : au;
  const auto [surname, initials] = split_name(a.as_printed);
  a.surname = surname;
  a.initials = letters_of(initials);
  if (af.empty()) return a;
  auto [af_surname, given] = split_name(af);
  // "Smith, John, Jr." keeps the suffix out of the given names.
  std::string_view suffix;
  if (const std::size_t comma = given.find(','); comma != npos) {
    suffix = trim(given.substr(comma + 1));
    given = trim(given.substr(0, comma));
  }
  if (given.empty() || is_only_initials(given, a.initials)) return a;
  a.given = given;
  if (a.initials.empty()) a.initials = initials_from_given(given);
  a.full_name = std::string(given) + " " + std::string(af_surname);
  if (!suffix.empty()) a.full_name += " " + std::string(suffix);
  return a;
}

// The author a name in C1, RP or OI stands for: the same full (AF) or abbreviated (AU)
// form, else the only author with that surname and first initial. npos when none.
// `af_forms` are the AF lines by author position: C1 spells names as AF does, which may
// differ from AU ("Sollner, TH" / "Soellner, T. H.").
std::size_t find_author(const std::vector<Author>& authors,
                        const std::vector<std::string_view>& af_forms, std::string_view name) {
  const std::string key = name_key(name);
  if (key.empty()) return npos;
  for (std::size_t i = 0; i < af_forms.size() && i < authors.size(); ++i) {
    if (name_key(af_forms[i]) == key) return i;
  }
  for (std::size_t i = 0; i < authors.size(); ++i) {
    if (name_key(authors[i].as_printed) == key) return i;
  }
  const auto [surname, given] = split_name(name);
  const std::string surname_key = name_key(surname);
  const std::string first = name_key(given).substr(0, 1);
  std::size_t found = npos;
  for (std::size_t i = 0; i < authors.size(); ++i) {
    const Author& a = authors[i];
    const std::string af_surname =
        i < af_forms.size() ? name_key(split_name(af_forms[i]).first) : std::string();
    if (name_key(a.surname) != surname_key && af_surname != surname_key) continue;
    if (!first.empty() && name_key(a.initials).substr(0, 1) != first) continue;
    if (found != npos) return npos;  // two candidates: do not guess
    found = i;
  }
  return found;
}

void add_affiliation(Author& author, std::string_view address) {
  if (address.empty()) return;
  if (std::find(author.affiliations.begin(), author.affiliations.end(), address) ==
      author.affiliations.end()) {
    author.affiliations.emplace_back(address);
  }
}

// An address the record lists without tying it to an author: kept once, in order.
void add_record_address(Record& record, std::string_view address) {
  address = trim(address);
  if (address.empty()) return;
  if (std::find(record.addresses.begin(), record.addresses.end(), address) ==
      record.addresses.end()) {
    record.addresses.emplace_back(address);
  }
}

// Drops from the record's addresses those that ended up attached to an author.
void drop_attributed_addresses(Record& record) {
  std::erase_if(record.addresses, [&](const std::string& address) {
    return std::any_of(record.authors.begin(), record.authors.end(), [&](const Author& a) {
      return std::find(a.affiliations.begin(), a.affiliations.end(), address) !=
             a.affiliations.end();
    });
  });
}

// ---- building a Record from the raw fields ----

class RecordBuilder {
 public:
  RecordBuilder(const RawRecord& raw, Record& record, std::vector<std::string>& warnings)
      : raw_(raw), record_(record), warnings_(warnings) {}

  void build();

 private:
  void authors();
  void addresses();
  void reprint_address();
  void orcids();
  void numbers();
  void keywords(std::string_view tag, KeywordOrigin origin);
  void bad_value(std::string_view tag, std::string_view value) {
    warnings_.push_back("bad " + std::string(tag) + " value \"" + std::string(value) +
                        "\", left unknown");
  }

  std::size_t find(std::string_view name) const {
    return find_author(record_.authors, af_forms_, name);
  }

  const RawRecord& raw_;
  Record& record_;
  std::vector<std::string>& warnings_;
  std::vector<std::string_view> af_forms_;  // AF by author position, for name matching
};

// Text fields copied as printed: tag and destination.
struct TextField {
  std::string_view tag;
  std::string Record::*field;
};
constexpr TextField kTextFields[] = {
    {"TI", &Record::title},         {"SO", &Record::journal},     {"VL", &Record::volume},
    {"IS", &Record::issue},         {"UT", &Record::database_id}, {"PM", &Record::pmid},
    {"DT", &Record::document_type}, {"LA", &Record::language},    {"AB", &Record::abstract},
};

void RecordBuilder::build() {
  for (const TextField& f : kTextFields) record_.*f.field = raw_.text(f.tag);
  // Book chapters and proceedings may lack SO; the abbreviations are better than nothing.
  if (record_.journal.empty()) record_.journal = raw_.text("JI");
  if (record_.journal.empty()) record_.journal = raw_.text("J9");
  record_.doi = clean_doi(raw_.text("DI"));
  record_.open_access = !raw_.text("OA").empty();
  if (const auto* refs = raw_.items("CR")) {
    for (const std::string& r : *refs) {
      const std::string_view t = trim(r);
      if (!t.empty()) record_.cited_references.emplace_back(t);
    }
  }
  keywords("DE", KeywordOrigin::author);
  keywords("ID", KeywordOrigin::index_term);
  numbers();
  authors();
  addresses();
  reprint_address();
  drop_attributed_addresses(record_);
  orcids();
}

void RecordBuilder::authors() {
  static const std::vector<std::string> kNone;
  const auto* au = raw_.items("AU");
  const auto* af = raw_.items("AF");
  // Books name their authors in BA/BF when AU is absent.
  if (!au && !af) {
    au = raw_.items("BA");
    af = raw_.items("BF");
  }
  if (!au) au = &kNone;
  if (!af) af = &kNone;
  const std::size_t n = std::max(au->size(), af->size());
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view a = i < au->size() ? std::string_view((*au)[i]) : "";
    const std::string_view f = i < af->size() ? std::string_view((*af)[i]) : "";
    if (trim(a).empty() && trim(f).empty()) continue;
    record_.authors.push_back(make_author(a, f));
    af_forms_.push_back(trim(f));
  }
  if (!au->empty() && !af->empty() && au->size() != af->size()) {
    warnings_.push_back("AU names " + std::to_string(au->size()) + " authors but AF names " +
                        std::to_string(af->size()));
  }
}

// "[Smith, John; Doe, Jane] Univ X, Dept Y, City, Country." -> both authors get the address.
void RecordBuilder::addresses() {
  const auto* c1 = raw_.items("C1");
  if (!c1) return;
  for (const std::string& item : *c1) {
    std::string_view line = trim(item);
    if (line.empty()) continue;
    if (!line.starts_with('[')) {
      // The format ties an unbracketed address to no author; only a lone author is sure.
      // Otherwise it is the record's.
      if (record_.authors.size() == 1) {
        add_affiliation(record_.authors[0], line);
      } else {
        add_record_address(record_, line);
      }
      continue;
    }
    const std::size_t close = line.find(']');
    if (close == npos) {
      warnings_.push_back("C1 address without its closing \"]\", ignored");
      continue;
    }
    const std::string_view address = trim(line.substr(close + 1));
    bool attached = false;
    for (std::string_view name : split_list(line.substr(1, close - 1), ";")) {
      const std::size_t who = find(name);
      if (who == npos) {
        warnings_.push_back("C1 names \"" + std::string(name) + "\", who is not an author");
        continue;
      }
      add_affiliation(record_.authors[who], address);
      attached = attached || !address.empty();
    }
    // Names that match no author leave the address to the record.
    if (!attached) add_record_address(record_, address);
  }
}

// "Marghetis, T (reprint author), Univ Calif San Diego, ..." and the newer
// "A, B (corresponding author), Univ X, ...; C, D (corresponding author), Univ Y, ...".
void RecordBuilder::reprint_address() {
  const std::string rp = raw_.text("RP");
  if (rp.empty()) return;
  static constexpr std::string_view kMarkers[] = {" (reprint author)", " (corresponding author)"};
  std::vector<std::pair<std::size_t, std::size_t>> marks;  // position, length
  for (std::string_view m : kMarkers) {
    for (std::size_t at = rp.find(m); at != npos; at = rp.find(m, at + m.size())) {
      marks.emplace_back(at, m.size());
    }
  }
  std::sort(marks.begin(), marks.end());
  std::size_t name_start = 0;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const std::string_view name = trim(std::string_view(rp).substr(
        name_start, marks[i].first - std::min(name_start, marks[i].first)));
    std::size_t address_start = marks[i].first + marks[i].second;
    std::size_t address_end = rp.size();
    if (i + 1 < marks.size()) {
      // The next name follows the last "; " before the next marker.
      const std::size_t sep = rp.rfind("; ", marks[i + 1].first);
      address_end = sep == npos || sep < address_start ? marks[i + 1].first : sep;
      name_start = sep == npos || sep < address_start ? marks[i + 1].first : sep + 2;
    }
    std::string_view address =
        trim(std::string_view(rp).substr(address_start, address_end - address_start));
    if (address.starts_with(',')) address = trim(address.substr(1));
    const std::size_t who = find(name);
    if (who == npos) {
      add_record_address(record_, address);  // a reprint author who is not in AU
    } else if (record_.authors[who].affiliations.empty()) {
      add_affiliation(record_.authors[who], address);
    }
  }
}

// "Page, Richard/0000-0001-5603-1330; Jetten, Jolanda/0000-0002-7588-5355".
void RecordBuilder::orcids() {
  const std::string oi = raw_.text("OI");
  for (std::string_view entry : split_list(oi, ";")) {
    const std::size_t cut = entry.find_last_of("/,");
    if (cut == npos) continue;
    std::string_view id = trim(entry.substr(cut + 1));
    if (const std::size_t slash = id.rfind('/'); slash != npos) id = id.substr(slash + 1);
    const bool looks_right = id.size() == 19 && id[4] == '-' && id[9] == '-' && id[14] == '-';
    if (!looks_right) continue;
    const std::size_t who = find(entry.substr(0, cut));
    if (who != npos && record_.authors[who].orcid.empty()) record_.authors[who].orcid = id;
  }
}

// "APR", "APR 15", "JAN-FEB", "SUM", "2013", "MAY 2019": the month, day and year present.
Date parse_published(std::string_view pd, int year) {
  static constexpr std::string_view kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                 "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  Date date{year, 0, 0};
  for (std::string_view word : split_list(pd, " ")) {
    if (auto n = parse_int(trim(word))) {
      if (word.size() == 4) {
        if (date.year == 0) date.year = *n;
      } else if (*n >= 1 && *n <= 31) {
        date.day = *n;
      }
      continue;
    }
    for (int m = 0; m < 12; ++m) {
      if (date.month == 0 && istarts_with(word, kMonths[m])) date.month = m + 1;
    }
  }
  if (date.month == 0) date.day = 0;  // "SUM 15" is not a day of a known month
  return date;
}

void RecordBuilder::numbers() {
  if (const std::string py = raw_.text("PY"); !py.empty()) {
    if (auto y = parse_int(trim(py))) {
      record_.year = *y;
    } else {
      bad_value("PY", py);
    }
  }
  record_.published = parse_published(raw_.text("PD"), record_.year);
  if (record_.year == 0) record_.year = record_.published.year;
  // TC counts Web of Science Core Collection citations; Z9 all databases, a fallback.
  for (std::string_view tag : {"TC", "Z9"}) {
    const std::string count = raw_.text(tag);
    if (count.empty()) continue;
    if (auto n = parse_int(trim(count)); n && *n >= 0) {
      record_.citations = *n;
      break;
    }
    bad_value(tag, count);
  }
  const std::string bp = raw_.text("BP");
  const std::string ep = raw_.text("EP");
  if (!bp.empty()) {
    record_.pages = ep.empty() || ep == bp ? bp : bp + "-" + ep;
  } else {
    record_.pages = raw_.text("AR");
  }
}

void RecordBuilder::keywords(std::string_view tag, KeywordOrigin origin) {
  const std::string text = raw_.text(tag);  // outlives the views split_list returns
  for (std::string_view word : split_list(text, ";")) {
    record_.keywords.push_back(Keyword{std::string(word), origin});
  }
}

// ---- the two layouts ----

// Common to both: numbering, warnings, building and handing records to the sink.
class WosParser {
 public:
  WosParser(const std::string& source, const RecordSink& sink, ReadStats& stats)
      : source_(source), sink_(sink), stats_(stats) {}

  // The tagged layout, line by line.
  void feed_tagged(std::string_view line, std::size_t line_no);
  void finish_tagged();
  // The tab-delimited layout: the header row, then one row per record.
  void set_header(std::string_view line);
  void feed_row(std::string_view line, std::size_t line_no);

  bool format_seen() const { return format_seen_; }
  std::size_t records_started() const { return record_count_; }

 private:
  void start_record(std::size_t line_no);
  void end_record();  // builds and emits the open record
  void skip_record(std::size_t line_no, const std::string& what);
  void warn(std::size_t line_no, const std::string& what);
  // A warning about the open record, numbered by its place in the file.
  void warn_record(std::size_t line_no, const std::string& what);

  const std::string& source_;
  const RecordSink& sink_;
  ReadStats& stats_;
  bool format_seen_ = false;
  bool in_record_ = false;
  bool stray_reported_ = false;
  std::size_t record_count_ = 0;
  RawRecord raw_;
  RawField* current_ = nullptr;  // the field continuation lines belong to
  std::vector<std::string> header_;
  std::size_t named_columns_ = 0;
};

void WosParser::start_record(std::size_t line_no) {
  raw_ = RawRecord{};
  raw_.line = line_no;
  current_ = nullptr;
  in_record_ = true;
  stray_reported_ = false;
  ++record_count_;
}

void WosParser::feed_tagged(std::string_view line, std::size_t line_no) {
  if (trim(line).empty()) return;  // blank lines separate records in some exports
  const bool continuation = is_space(line.front());
  const std::string_view tag = line.substr(0, 2);
  // metaknowledge's testFile.isi has "AUGilles, H": a tag glued to its value still counts.
  const bool tagged = !continuation && is_tag(tag);
  if (!tagged && !continuation) {
    if (!stray_reported_) {
      stray_reported_ = true;
      if (in_record_) {
        warn_record(line_no, "unexpected line, ignored");
      } else {
        warn(line_no, "text outside any record, ignored");
      }
    }
    return;
  }
  if (continuation) {
    if (in_record_ && current_) {
      current_->items.emplace_back(trim(line));
    } else if (!stray_reported_) {
      stray_reported_ = true;
      if (in_record_) {
        warn_record(line_no, "continuation line without a tag, ignored");
      } else {
        warn(line_no, "text outside any record, ignored");
      }
    }
    return;
  }
  const std::string_view value = trim(line.substr(2));
  if ((tag == "FN" || tag == "VR") && !in_record_) {
    format_seen_ = format_seen_ || tag == "FN";  // the file header
    return;
  }
  if (tag == "EF") {
    if (in_record_) {
      warn_record(line_no, "no ER line before EF");
      end_record();
    }
    return;
  }
  if (tag == "ER") {
    format_seen_ = true;
    if (in_record_) end_record();
    return;
  }
  if (tag == "PT" && in_record_) {
    warn_record(line_no, "no ER line before the next record");
    end_record();
  }
  if (!in_record_) {
    if (tag == "PT") format_seen_ = true;
    start_record(line_no);
  }
  current_ = &raw_.field(tag);
  current_->items.emplace_back(value);
}

void WosParser::finish_tagged() {
  if (in_record_) {
    skip_record(raw_.line, "cut off before its ER line");
    in_record_ = false;
  }
}

void WosParser::set_header(std::string_view line) {
  format_seen_ = true;
  header_.clear();
  named_columns_ = 0;
  for (std::string_view rest = line;;) {
    const std::size_t tab = rest.find('\t');
    header_.emplace_back(trim(rest.substr(0, tab)));
    if (!header_.back().empty()) named_columns_ = header_.size();
    if (tab == npos) break;
    rest = rest.substr(tab + 1);
  }
}

// Splits a tab-delimited list cell into items: "; " separates them, except inside the
// "[A; B]" name lists of C1.
std::vector<std::string> split_cell(std::string_view cell) {
  std::vector<std::string> items;
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i) {
    const char c = i < cell.size() ? cell[i] : ';';
    if (c == '[') ++depth;
    if (c == ']' && depth > 0) --depth;
    if (c == ';' && (depth == 0 || i == cell.size())) {
      const std::string_view item = trim(cell.substr(start, i - start));
      if (!item.empty()) items.emplace_back(item);
      start = i + 1;
    }
  }
  return items;
}

void WosParser::feed_row(std::string_view line, std::size_t line_no) {
  if (trim(line).empty()) return;
  start_record(line_no);
  std::size_t column = 0;
  for (std::string_view rest = line;; ++column) {
    const std::size_t tab = rest.find('\t');
    const std::string_view cell = trim(rest.substr(0, tab));
    if (column < header_.size() && is_tag(header_[column]) && !cell.empty()) {
      RawField& f = raw_.field(header_[column]);
      if (is_list_tag(f.tag)) {
        for (std::string& item : split_cell(cell)) f.items.push_back(std::move(item));
      } else {
        f.items.emplace_back(cell);
      }
    }
    if (tab == npos) break;
    rest = rest.substr(tab + 1);
  }
  if (column + 1 < named_columns_) {
    skip_record(line_no, "row has " + std::to_string(column + 1) + " of the header's " +
                             std::to_string(named_columns_) + " columns");
    in_record_ = false;
    return;
  }
  end_record();
}

void WosParser::end_record() {
  in_record_ = false;
  current_ = nullptr;
  Record record;
  record.source = source_;
  record.line = raw_.line;
  record.format = "wos";
  std::vector<std::string> warnings;
  RecordBuilder(raw_, record, warnings).build();
  if (record.title.empty()) {
    skip_record(raw_.line, "no title");
    return;
  }
  for (const std::string& w : warnings) {
    warn_record(raw_.line, w);
  }
  ++stats_.records_read;
  sink_(std::move(record));
}

void WosParser::skip_record(std::size_t line_no, const std::string& what) {
  ++stats_.records_skipped;
  warn_record(line_no, what);
}

void WosParser::warn(std::size_t line_no, const std::string& what) {
  stats_.warnings.push_back(Diagnostic{source_, line_no, what});
}

void WosParser::warn_record(std::size_t line_no, const std::string& what) {
  stats_.warnings.push_back(Diagnostic{source_, line_no, what, record_count_});
}

bool is_tab_header(std::string_view line) {
  return line.starts_with("PT\t") && (line.find("\tAU\t") != npos || line.find("\tTI\t") != npos);
}

// The head as UTF-8 text: UTF-16 decoded (a cut last code unit is dropped), a BOM removed.
std::string decode_head(std::string_view head) {
  std::size_t bom = 0;
  const Encoding encoding = sniff_encoding(head, &bom);
  head.remove_prefix(bom);
  if (encoding == Encoding::utf8) return std::string(head);
  std::string out;
  decode_utf16(head.substr(0, head.size() & ~std::size_t{1}), encoding == Encoding::utf16be, true,
               out);
  return out;
}

}  // namespace

bool looks_like_wos(std::string_view raw_head) {
  const std::string decoded = decode_head(raw_head);
  std::string_view head = decoded;
  // The first two non-blank lines decide.
  std::string_view lines[2];
  std::size_t found = 0;
  while (!head.empty() && found < 2) {
    const std::size_t nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    if (line.ends_with('\r')) line.remove_suffix(1);
    head = nl == npos ? std::string_view() : head.substr(nl + 1);
    if (!trim(line).empty()) lines[found++] = line;
  }
  if (found == 0) return false;
  if (is_tab_header(lines[0])) return true;
  if (lines[0].starts_with("FN ")) {
    static constexpr std::string_view kVendors[] = {"Web of Science", "Clarivate",
                                                    "Thomson Reuters"};
    for (std::string_view vendor : kVendors) {
      if (lines[0].find(vendor) != npos) return true;
    }
    return found == 2 && lines[1].starts_with("VR ");
  }
  // A tagged file without its FN header: "PT J" then another tag line.
  const auto tag_line = [](std::string_view l) {
    return l.size() >= 3 && is_tag(l.substr(0, 2)) && l[2] == ' ';
  };
  return lines[0].size() >= 4 && lines[0].starts_with("PT ") && found == 2 && tag_line(lines[1]);
}

bool read_wos(std::istream& in, const std::string& source, const RecordSink& sink, ReadStats& stats,
              std::string* error) {
  WosParser parser(source, sink, stats);
  LineSource lines(in);
  std::string line;
  std::size_t line_no = 0;
  std::size_t first_content_line = 0;
  bool tab_layout = false;
  while (lines.next(line)) {
    ++line_no;
    if (first_content_line == 0) {
      if (trim(line).empty()) continue;
      first_content_line = line_no;
      if (is_tab_header(line)) {
        tab_layout = true;
        parser.set_header(line);
        continue;
      }
    }
    if (tab_layout) {
      parser.feed_row(line, line_no);
    } else {
      parser.feed_tagged(line, line_no);
    }
  }
  if (!tab_layout) parser.finish_tagged();
  if (parser.format_seen()) return true;
  if (error) *error = wos_format_error(source, first_content_line);
  return false;
}

std::string wos_format_error(const std::string& source, std::size_t first_content_line) {
  const std::size_t at = first_content_line ? first_content_line : 1;
  return source + ":" + std::to_string(at) + ": " +
         (first_content_line ? "not a Web of Science export (no \"PT\" record or "
                               "\"PT\\tAU\" header)"
                             : "empty input");
}

bool wos_reads_in_chunks(std::string_view head) {
  std::size_t bom = 0;
  if (sniff_encoding(head, &bom) != Encoding::utf8) return false;
  head.remove_prefix(bom);
  const std::size_t first =
      next_line_where(head, 0, [](std::string_view line) { return !trim(line).empty(); });
  return !is_tab_header(head.substr(first, head.find('\n', first) - first));
}

namespace {

// The last non-blank line before the line that starts at `at` ("" when none).
std::string_view previous_content_line(std::string_view text, std::size_t at) {
  std::size_t end = at;  // just past the '\n' that ends the line before
  while (end > 0) {
    const std::size_t line_end = end - 1;
    const std::size_t nl = line_end == 0 ? npos : text.rfind('\n', line_end - 1);
    const std::size_t begin = nl == npos ? 0 : nl + 1;
    const std::string_view line = text.substr(begin, line_end - begin);
    if (!trim(line).empty()) return line;
    end = begin;
  }
  return {};
}

}  // namespace

// A "PT" line right after an "ER" line (blank lines aside): the parser holds nothing of the
// records before it but their count.
std::size_t next_wos_record(std::string_view text, std::size_t from) {
  for (;;) {
    const std::size_t at =
        next_line_where(text, from, [](std::string_view line) { return line.starts_with("PT"); });
    if (at >= text.size() || previous_content_line(text, at).starts_with("ER")) return at;
    from = at + 1;
  }
}

ChunkOutcome read_wos_chunk(std::string_view text, const std::string& source,
                            const RecordSink& sink, ReadStats& stats) {
  WosParser parser(source, sink, stats);
  ChunkOutcome outcome;
  outcome.lines = for_each_line(text, [&](std::string_view line, std::size_t line_no) {
    if (line_no == 1 && line.starts_with(kBom)) line.remove_prefix(kBom.size());
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (outcome.first_content_line == 0 && !trim(line).empty())
      outcome.first_content_line = line_no;
    parser.feed_tagged(line, line_no);
  });
  parser.finish_tagged();
  outcome.records_started = parser.records_started();
  outcome.format_seen = parser.format_seen();
  return outcome;
}

}  // namespace citenet
