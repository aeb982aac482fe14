#include "records/thesaurus.h"

#include <array>
#include <fstream>
#include <sstream>

#include "records/text.h"

namespace citenet {
namespace {

constexpr std::array<std::string_view, 4> kKindNames = {"author", "institution", "country",
                                                        "keyword"};

std::optional<ThesaurusKind> parse_kind(std::string_view text) {
  const std::string folded = fold_key(text);
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (folded == kKindNames[i]) return static_cast<ThesaurusKind>(i);
  }
  return std::nullopt;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string located(std::string_view path, std::size_t line, std::string_view what) {
  std::string message(path);
  message.append(":").append(std::to_string(line)).append(": ").append(what);
  return message;
}

// RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; rows end in LF or
// CRLF. Blank rows are skipped. On an unterminated quote returns false with `error_line`
// set to the line where the quoted field opened. A quote inside an unquoted field is kept.
bool split_csv(std::string_view text, std::vector<std::vector<std::string>>& rows,
               std::vector<std::size_t>& lines, std::size_t& error_line) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::size_t line = 1;
  std::size_t i = 0;
  std::vector<std::string> row;
  std::string field;
  std::size_t row_line = 1;
  bool row_has_text = false;
  const auto end_row = [&] {
    row.push_back(std::move(field));
    field.clear();
    if (row_has_text) {
      rows.push_back(std::move(row));
      lines.push_back(row_line);
    }
    row.clear();
    row_has_text = false;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && field.empty()) {
      const std::size_t quote_line = line;
      ++i;
      for (;;) {
        if (i >= text.size()) {
          error_line = quote_line;
          return false;
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field.push_back(text[i++]);
      }
      row_has_text = true;
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      end_row();
      ++line;
      row_line = line;
      continue;
    }
    if (c != ' ' && c != '\t') row_has_text = true;
    field.push_back(c);
    ++i;
  }
  if (!field.empty() || !row.empty()) end_row();
  return true;
}

bool is_header(const std::vector<std::string>& row, std::string_view a, std::string_view b,
               std::string_view c) {
  return row.size() >= 3 && fold_key(row[0]) == a && fold_key(row[1]) == b && fold_key(row[2]) == c;
}

// Number of fields up to the last non-empty one (spreadsheets pad rows with ",,").
std::size_t used_columns(const std::vector<std::string>& row) {
  std::size_t used = row.size();
  while (used > 0 && trim(row[used - 1]).empty()) --used;
  return used;
}

std::string quoted(std::string_view text) {
  std::string out = "\"";
  out.append(text).append("\"");
  return out;
}

}  // namespace

std::optional<Thesaurus> Thesaurus::load(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (error) *error = path + ": cannot open the thesaurus file";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path, error);
}

std::optional<Thesaurus> Thesaurus::parse(std::string_view text, std::string_view path,
                                          std::string* error) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::size_t> lines;
  std::size_t error_line = 0;
  std::string ignored;
  if (!error) error = &ignored;
  if (!split_csv(text, rows, lines, error_line)) {
    *error = located(path, error_line, "unterminated quote");
    return std::nullopt;
  }
  Thesaurus thesaurus;
  const bool ok =
      !rows.empty() && is_header(rows[0], "key", "label", "forms")
          ? thesaurus.parse_merge_table(rows, lines, path, error)
          : thesaurus.parse_replacements(
                rows, lines, !rows.empty() && is_header(rows[0], "kind", "from", "to") ? 1 : 0,
                path, error);
  if (!ok) return std::nullopt;
  return thesaurus;
}

std::uint32_t Thesaurus::target_id(ThesaurusKind kind, std::string key, std::string_view label) {
  std::string id_key(1, static_cast<char>('0' + static_cast<int>(kind)));
  id_key.append(key);
  const auto [entry, added] =
      target_ids_.try_emplace(std::move(id_key), static_cast<std::uint32_t>(targets_.size()));
  if (added) {
    std::string shown(key.empty() ? std::string_view() : label);  // an empty key drops
    targets_.push_back({std::move(key), std::move(shown)});
  }
  return entry->second;
}

bool Thesaurus::parse_replacements(const std::vector<std::vector<std::string>>& rows,
                                   const std::vector<std::size_t>& lines, std::size_t first,
                                   std::string_view path, std::string* error) {
  for (std::size_t r = first; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r];
    const std::size_t line = lines[r];
    if (row.size() < 3 || used_columns(row) > 3) {
      *error = located(path, line,
                       "expected 3 columns (kind,from,to), found " +
                           std::to_string(std::max(row.size() < 3 ? row.size() : used_columns(row),
                                                   std::size_t{1})));
      return false;
    }
    const std::optional<ThesaurusKind> kind = parse_kind(row[0]);
    if (!kind) {
      *error = located(path, line,
                       "unknown kind " + quoted(trim(row[0])) +
                           " (expected author, institution, country or keyword)");
      return false;
    }
    std::string from = fold_key(row[1]);
    if (from.empty()) {
      *error = located(path, line, "empty \"from\"");
      return false;
    }
    const std::string_view to = trim(row[2]);
    const std::uint32_t target = target_id(*kind, fold_key(to), to);
    const auto [entry, added] = from_[static_cast<int>(*kind)].try_emplace(std::move(from), target);
    if (!added && entry->second != target) {
      const std::string& before = targets_[entry->second].label;
      *error = located(path, line,
                       std::string(kKindNames[static_cast<int>(*kind)]) + " " +
                           quoted(trim(row[1])) + " already maps to " +
                           (before.empty() ? std::string("nothing (dropped)") : quoted(before)));
      return false;
    }
  }
  return true;
}

bool Thesaurus::parse_merge_table(const std::vector<std::vector<std::string>>& rows,
                                  const std::vector<std::size_t>& lines, std::string_view path,
                                  std::string* error) {
  Index& authors = from_[static_cast<int>(ThesaurusKind::author)];
  const auto map = [&](std::string_view form, std::uint32_t target) {
    std::string folded = fold_key(form);
    if (folded.empty()) return;
    const auto [entry, added] = authors.try_emplace(std::move(folded), target);
    if (!added && entry->second != target) entry->second = kAmbiguous;
  };
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r];
    if (row.size() < 3) {
      *error = located(
          path, lines[r],
          "expected at least 3 columns (key,label,forms), found " + std::to_string(row.size()));
      return false;
    }
    const std::string_view key = trim(row[0]);
    if (key.empty()) {
      *error = located(path, lines[r], "empty key");
      return false;
    }
    const std::uint32_t target = target_id(ThesaurusKind::author, std::string(key), trim(row[1]));
    map(key, target);
    std::string_view forms = row[2];
    while (!forms.empty()) {
      const std::size_t semicolon = std::min(forms.find(';'), forms.size());
      map(trim(forms.substr(0, semicolon)), target);
      forms.remove_prefix(std::min(semicolon + 1, forms.size()));
    }
  }
  return true;
}

const Thesaurus::Target* Thesaurus::find_folded(ThesaurusKind kind, std::string_view folded,
                                                bool* ambiguous) const {
  const Index& index = from_[static_cast<int>(kind)];
  const auto entry = index.find(folded);
  if (ambiguous) *ambiguous = entry != index.end() && entry->second == kAmbiguous;
  if (entry == index.end() || entry->second == kAmbiguous) return nullptr;
  return &targets_[entry->second];
}

const Thesaurus::Target* Thesaurus::find(ThesaurusKind kind, std::string_view text) const {
  return find_folded(kind, fold_key(text));
}

const std::string* Thesaurus::lookup(ThesaurusKind kind, std::string_view text) const {
  const Target* target = find(kind, text);
  return target ? &target->label : nullptr;
}

std::size_t Thesaurus::size() const {
  std::size_t count = 0;
  for (const Index& index : from_) {
    for (const auto& entry : index) count += entry.second != kAmbiguous;
  }
  return count;
}

}  // namespace citenet
