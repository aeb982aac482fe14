#include "formats/scopus_csv_reader.h"

#include "formats/reader_text.h"
#include "records/text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

#include "formats/csv.h"

namespace citenet {
namespace {

using namespace reader_text;

// Letters of an initials string: "J.M." -> "JM", "D.-Q." -> "DQ".
std::string letters_of(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_upper(c) || is_lower(c) || is_non_ascii(c)) out += c;
  }
  return out;
}

// ---- columns ----

enum Column {
  kAuthors,
  kFullNames,
  kAuthorIds,
  kTitle,
  kYear,
  kSourceTitle,
  kAbbreviatedSource,
  kVolume,
  kIssue,
  kArtNo,
  kPageStart,
  kPageEnd,
  kCitedBy,
  kDoi,
  kAffiliations,
  kAuthorsWithAffiliations,
  kAbstract,
  kAuthorKeywords,
  kIndexKeywords,
  kReferences,
  kDocumentType,
  kLanguage,
  kPubmedId,
  kOpenAccess,
  kEid,
  kColumnCount
};

struct ColumnName {
  std::string_view name;
  Column column;
};
constexpr ColumnName kColumnNames[] = {
    {"Authors", kAuthors},
    {"Author full names", kFullNames},
    {"Author(s) ID", kAuthorIds},
    {"Title", kTitle},
    {"Year", kYear},
    {"Source title", kSourceTitle},
    {"Abbreviated Source Title", kAbbreviatedSource},
    {"Volume", kVolume},
    {"Issue", kIssue},
    {"Art. No.", kArtNo},
    {"Page start", kPageStart},
    {"Page end", kPageEnd},
    {"Cited by", kCitedBy},
    {"DOI", kDoi},
    {"Affiliations", kAffiliations},
    {"Authors with affiliations", kAuthorsWithAffiliations},
    {"Abstract", kAbstract},
    {"Author Keywords", kAuthorKeywords},
    {"Index Keywords", kIndexKeywords},
    {"References", kReferences},
    {"Document Type", kDocumentType},
    {"Language of Original Document", kLanguage},
    {"PubMed ID", kPubmedId},
    {"Open Access", kOpenAccess},
    {"EID", kEid},
};

// Other columns of Scopus exports; they only help recognise a header.
constexpr std::string_view kOtherScopusColumns[] = {
    "Link",     "Page count", "Correspondence Address", "Publication Stage", "Source",
    "ISSN",     "CODEN",      "Funding Details",        "Publisher",         "Editors",
    "Sponsors", "ISBN"};

std::optional<Column> column_of(std::string_view name) {
  name = trim(name);
  for (const ColumnName& c : kColumnNames) {
    if (iequals(name, c.name)) return c.column;
  }
  return std::nullopt;
}

// Where each column sits in a row. Rows may hold more "Funding Text" cells than the header
// names (the litstudy export: a header with "Funding Text 1", rows with two): the extra cells
// follow the last named funding text, so the columns after it are counted from the row's end.
class Layout {
 public:
  // Returns false when the header names no "Title" column.
  bool set_header(const std::vector<std::string>& header) {
    index_.fill(npos);
    width_ = header.size();
    funding_ = npos;
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (auto c = column_of(header[i]); c && index_[*c] == npos) index_[*c] = i;
      if (istarts_with(trim(header[i]), "Funding Text")) funding_ = i;
    }
    return index_[kTitle] != npos;
  }
  std::size_t width() const { return width_; }

  std::string_view get(const std::vector<std::string>& row, Column c) const {
    std::size_t i = index_[c];
    if (i == npos) return {};
    if (funding_ != npos && i > funding_ && row.size() > width_) i += row.size() - width_;
    return i < row.size() ? trim(row[i]) : std::string_view();
  }

 private:
  std::array<std::size_t, kColumnCount> index_{};
  std::size_t width_ = 0;
  std::size_t funding_ = npos;
};

// ---- authors ----

// "Phillips J.C." -> {"Phillips", "J.C."}; "Phillips, J.C." -> the same.
std::pair<std::string_view, std::string_view> split_name(std::string_view name) {
  name = trim(name);
  std::size_t cut = name.find(',');
  if (cut == npos) cut = name.rfind(' ');
  if (cut == npos) return {name, {}};
  return {trim(name.substr(0, cut)), trim(name.substr(cut + 1))};
}

// The items of "Authors": the newer export separates them with ";" ("Smith, J.M.; Doe, J."),
// the older with ", " ("Smith J.M., Doe J."), where a lone "Murata, T." is one author.
std::vector<std::string_view> author_items(std::string_view cell) {
  if (cell.empty() || cell.starts_with("[No author")) return {};
  if (cell.find(';') != npos) return split_list(cell, ";");
  std::vector<std::string_view> items = split_list(cell, ", ");
  const bool old_style = std::all_of(items.begin(), items.end(),
                                     [](std::string_view item) { return item.find(' ') != npos; });
  if (old_style) return items;
  return {trim(cell)};
}

Author make_author(std::string_view item) {
  Author a;
  a.as_printed = item;
  const auto [surname, initials] = split_name(item);
  a.surname = surname;
  a.initials = letters_of(initials);
  return a;
}

// Old records give only initials in "Author full names" too; those are not given names.
bool is_only_initials(std::string_view given, std::string_view initials) {
  if (std::any_of(given.begin(), given.end(), is_lower)) return false;
  return iequals(letters_of(given), initials);
}

// "Smith, John Michael (12345678)": full name and Scopus id for the author at that position.
void apply_full_name(std::string_view entry, Author& a) {
  std::string_view name = entry;
  if (entry.ends_with(')')) {
    if (const std::size_t open = entry.rfind('('); open != npos) {
      const std::string_view id = entry.substr(open + 1, entry.size() - open - 2);
      if (!id.empty() && std::all_of(id.begin(), id.end(), is_digit)) {
        a.scopus_id = id;
        name = trim(entry.substr(0, open));
      }
    }
  }
  const auto [surname, given] = split_name(name);
  if (given.empty() || is_only_initials(given, a.initials)) return;
  a.given = given;
  a.full_name = std::string(given) + " " + std::string(surname);
}

// Splits one author's affiliation text at the boundaries of the record's known affiliations
// ("Univ A, City, Country, Univ B, City, Country" -> two); text that matches none stays whole.
std::vector<std::string_view> split_affiliations(std::string_view text,
                                                 const std::vector<std::string_view>& known) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    std::string_view best;
    for (std::string_view k : known) {
      if (k.size() <= best.size() || !text.starts_with(k)) continue;
      if (text.size() == k.size() || text.substr(k.size()).starts_with(", ")) best = k;
    }
    if (best.empty()) {
      out.push_back(text);
      break;
    }
    out.push_back(best);
    text = text.size() == best.size() ? std::string_view() : trim(text.substr(best.size() + 2));
  }
  return out;
}

// The affiliation text after an author's name at the start of `entry`, or nullopt when the
// entry does not start with that author's name ("Phillips J.C., " or "Phillips, J.C., ").
std::optional<std::string_view> after_name(std::string_view entry, const Author& a) {
  const auto [surname, initials] = split_name(a.as_printed);
  const std::string forms[] = {a.as_printed, std::string(surname) + ", " + std::string(initials)};
  for (const std::string& form : forms) {
    if (!entry.starts_with(form)) continue;
    const std::string_view rest = entry.substr(form.size());
    if (rest.empty()) return rest;
    if (rest.starts_with(',')) return trim(rest.substr(1));
  }
  return std::nullopt;
}

// "Authors with affiliations": entries separated by "; ", each starting with its author's
// name, normally in author order; an entry without a name continues the previous author.
void apply_affiliations(std::string_view cell, std::string_view affiliations,
                        std::vector<Author>& authors) {
  const std::vector<std::string_view> known = split_list(affiliations, "; ");
  std::size_t next = 0;  // the author expected next
  std::size_t current = npos;
  for (std::string_view entry : split_list(cell, "; ")) {
    std::optional<std::string_view> text;
    for (std::size_t k = 0; k < authors.size() && !text; ++k) {
      const std::size_t i = (next + k) % authors.size();
      if ((text = after_name(entry, authors[i]))) {
        current = i;
        next = i + 1;
      }
    }
    if (!text) {
      if (current == npos) continue;
      text = entry;
    }
    for (std::string_view aff : split_affiliations(*text, known)) {
      std::vector<std::string>& list = authors[current].affiliations;
      if (std::find(list.begin(), list.end(), aff) == list.end()) list.emplace_back(aff);
    }
  }
}

// The record's "Affiliations" that "Authors with affiliations" gave no author go to
// Record::addresses, once each, in order. An affiliation found inside an author's text
// counts as given: that text is one the record's list could not split.
void add_record_addresses(std::string_view affiliations, Record& record) {
  const auto given = [&](std::string_view aff) {
    for (const Author& a : record.authors) {
      for (const std::string& text : a.affiliations) {
        if (text.find(aff) != npos) return true;
      }
    }
    return false;
  };
  for (std::string_view aff : split_list(affiliations, "; ")) {
    if (given(aff)) continue;
    if (std::find(record.addresses.begin(), record.addresses.end(), aff) ==
        record.addresses.end()) {
      record.addresses.emplace_back(aff);
    }
  }
}

// ---- rows to records ----

class RowReader {
 public:
  RowReader(const Layout& layout, const std::vector<std::string>& row, Record& record,
            std::vector<std::string>& warnings)
      : layout_(layout), row_(row), record_(record), warnings_(warnings) {}

  void build();

 private:
  std::string_view get(Column c) const { return layout_.get(row_, c); }
  void authors();
  void numbers();
  void keywords(Column c, KeywordOrigin origin);

  const Layout& layout_;
  const std::vector<std::string>& row_;
  Record& record_;
  std::vector<std::string>& warnings_;
};

struct TextField {
  Column column;
  std::string Record::*field;
};
constexpr TextField kTextFields[] = {
    {kTitle, &Record::title},
    {kSourceTitle, &Record::journal},
    {kVolume, &Record::volume},
    {kIssue, &Record::issue},
    {kPubmedId, &Record::pmid},
    {kEid, &Record::database_id},
    {kDocumentType, &Record::document_type},
    {kLanguage, &Record::language},
    {kAbstract, &Record::abstract},
};

void RowReader::build() {
  for (const TextField& f : kTextFields) record_.*f.field = get(f.column);
  if (record_.journal.empty()) record_.journal = get(kAbbreviatedSource);
  if (record_.abstract == "[No abstract available]") record_.abstract.clear();
  record_.doi = clean_doi(get(kDoi));
  record_.open_access = !get(kOpenAccess).empty();
  for (std::string_view ref : split_list(get(kReferences), ";")) {
    record_.cited_references.emplace_back(ref);
  }
  keywords(kAuthorKeywords, KeywordOrigin::author);
  keywords(kIndexKeywords, KeywordOrigin::index_term);
  numbers();
  authors();
}

void RowReader::authors() {
  for (std::string_view item : author_items(get(kAuthors))) {
    record_.authors.push_back(make_author(item));
  }
  std::vector<Author>& authors = record_.authors;
  const std::vector<std::string_view> full = split_list(get(kFullNames), ";");
  if (full.size() == authors.size()) {
    for (std::size_t i = 0; i < full.size(); ++i) apply_full_name(full[i], authors[i]);
  } else if (!full.empty()) {
    warnings_.push_back("\"Author full names\" lists " + std::to_string(full.size()) +
                        " names for " + std::to_string(authors.size()) + " authors, ignored");
  }
  std::vector<std::string_view> ids;
  for (std::string_view id : split_list(get(kAuthorIds), ";")) {
    if (std::all_of(id.begin(), id.end(), is_digit)) ids.push_back(id);
  }
  if (ids.size() == authors.size()) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (authors[i].scopus_id.empty()) authors[i].scopus_id = ids[i];
    }
  } else if (!ids.empty()) {
    warnings_.push_back("\"Author(s) ID\" lists " + std::to_string(ids.size()) + " ids for " +
                        std::to_string(authors.size()) + " authors, ignored");
  }
  if (!authors.empty()) {
    apply_affiliations(get(kAuthorsWithAffiliations), get(kAffiliations), authors);
  }
  add_record_addresses(get(kAffiliations), record_);
}

void RowReader::numbers() {
  if (const std::string_view year = get(kYear); !year.empty()) {
    if (auto y = parse_int(trim(year))) {
      record_.year = *y;
      record_.published.year = *y;
    } else {
      warnings_.push_back("bad Year value \"" + std::string(year) + "\", left unknown");
    }
  }
  if (const std::string_view cited = get(kCitedBy); !cited.empty()) {
    if (auto n = parse_int(trim(cited)); n && *n >= 0) {
      record_.citations = *n;
    } else {
      warnings_.push_back("bad Cited by value \"" + std::string(cited) + "\", left unknown");
    }
  }
  const std::string_view first = get(kPageStart);
  const std::string_view last = get(kPageEnd);
  if (!first.empty()) {
    record_.pages = last.empty() || last == first ? std::string(first)
                                                  : std::string(first) + "-" + std::string(last);
  } else {
    record_.pages = get(kArtNo);
  }
}

void RowReader::keywords(Column c, KeywordOrigin origin) {
  for (std::string_view word : split_list(get(c), ";")) {
    record_.keywords.push_back(Keyword{std::string(word), origin});
  }
}

bool all_empty(const std::vector<std::string>& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& f) { return trim(f).empty(); });
}

// Counts the header's cells that are Scopus column names; `has_key` tells whether "Title" or
// "EID" is among them.
std::size_t scopus_columns(const std::vector<std::string>& header, bool* has_key) {
  std::size_t hits = 0;
  *has_key = false;
  for (const std::string& cell : header) {
    const std::string_view name = trim(cell);
    const auto column = column_of(name);
    if (column) {
      ++hits;
      if (*column == kTitle || *column == kEid) *has_key = true;
      continue;
    }
    for (std::string_view other : kOtherScopusColumns) {
      if (iequals(name, other)) ++hits;
    }
  }
  return hits;
}

}  // namespace

bool looks_like_scopus_csv(std::string_view head) {
  if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
  while (!head.empty() && is_space(head.front())) head.remove_prefix(1);
  // The header row alone; a cut last cell is dropped.
  const std::size_t nl = head.find('\n');
  const bool complete = nl != npos;
  head = head.substr(0, nl);
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char c : head) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      cells.push_back(std::move(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  if (complete) cells.push_back(std::move(cell));
  bool has_key = false;
  return scopus_columns(cells, &has_key) >= 3 && has_key;
}

bool read_scopus_csv(std::istream& in, const std::string& source, const RecordSink& sink,
                     ReadStats& stats, std::string* error) {
  const auto fail = [&](std::size_t line, const std::string& what) {
    if (error) *error = source + ":" + std::to_string(line ? line : 1) + ": " + what;
    return false;
  };
  CsvReader csv(in);
  std::vector<std::string> row;
  Layout layout;
  // The header: the first row that is not blank.
  bool have_header = false;
  while (!have_header && csv.next(row)) {
    if (all_empty(row)) continue;
    bool has_key = false;
    if (scopus_columns(row, &has_key) < 2 || !layout.set_header(row)) {
      return fail(csv.row_line(), "not a Scopus CSV export (no \"Title\" column in the header)");
    }
    have_header = true;
  }
  if (!have_header) {
    return fail(csv.row_line(), csv.error().empty() ? "empty input" : csv.error());
  }
  const auto warn = [&](std::size_t line, std::size_t number, const std::string& what) {
    stats.warnings.push_back(
        Diagnostic{source, line, "record " + std::to_string(number) + ": " + what});
  };
  const auto skip = [&](std::size_t line, std::size_t number, const std::string& what) {
    ++stats.records_skipped;
    warn(line, number, what);
  };
  std::size_t number = 0;
  while (csv.next(row)) {
    if (all_empty(row)) continue;
    ++number;
    const std::size_t line = csv.row_line();
    if (row.size() < layout.width()) {
      skip(line, number,
           "row has " + std::to_string(row.size()) + " of the header's " +
               std::to_string(layout.width()) + " columns");
      continue;
    }
    Record record;
    record.source = source;
    record.line = line;
    record.format = "scopus";
    std::vector<std::string> warnings;
    RowReader(layout, row, record, warnings).build();
    if (record.title.empty()) {
      skip(line, number, "no title");
      continue;
    }
    for (const std::string& w : warnings) warn(line, number, w);
    ++stats.records_read;
    sink(std::move(record));
  }
  if (!csv.error().empty()) skip(csv.row_line(), number + 1, csv.error());
  return true;
}

}  // namespace citenet
