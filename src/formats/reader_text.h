// Text helpers every reader needs. The formats' markup is ASCII, so these classify bytes
// and never decode UTF-8: a byte of a multi-byte character is never a space, digit or
// ASCII letter, so names and addresses in any script pass through untouched.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citenet::reader_text {

inline constexpr std::string_view kBom = "\xEF\xBB\xBF";
inline constexpr std::size_t npos = std::string_view::npos;

// Inline: they run on every byte of the input.
inline bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_alpha(char c) { return is_upper(c) || is_lower(c); }
inline bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
inline bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// ASCII case-insensitive comparisons.
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool icontains(std::string_view s, std::string_view part);

bool all_digits(std::string_view s);  // false for ""
// The whole of `s` as a number (no spaces, no trailing text), else nullopt.
std::optional<int> parse_int(std::string_view s);
std::optional<double> parse_double(std::string_view s);
// The digits a text starts with (at most nine): "24-27" -> 24, "12;" -> 12.
std::optional<int> leading_int(std::string_view s);

// Splits on any of `separators`, dropping empty pieces; views into `s`.
std::vector<std::string_view> split(std::string_view s, std::string_view separators);
// Calls f(piece) for each piece split() would return, in order, without building a vector
// (the name parsers call it per author). Stops early, returning false, once f returns false.
template <class F>
bool for_each_piece(std::string_view s, std::string_view separators, F&& f) {
  // A byte loop: find_first_of would search `separators` once for every byte of `s`.
  const auto is_separator = [separators](char c) {
    for (const char sep : separators)
      if (c == sep) return true;
    return false;
  };
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && !is_separator(s[i])) continue;
    if (i > start && !f(s.substr(start, i - start))) return false;
    start = i + 1;
  }
  return true;
}
// split() into a container the caller keeps (a small_vector on the stack): cleared first.
template <class Container>
void split_into(std::string_view s, std::string_view separators, Container& out) {
  out.clear();
  for_each_piece(s, separators, [&](std::string_view piece) {
    out.push_back(piece);
    return true;
  });
}
// Splits on the string `separator`, trims the pieces and drops empty ones.
std::vector<std::string_view> split_list(std::string_view s, std::string_view separator);
// Splits on runs of white space.
std::vector<std::string_view> split_words(std::string_view s);
std::string join(const std::vector<std::string_view>& parts, std::string_view glue);

// The first code point of `word` (a UTF-8 letter may take several bytes).
std::string_view first_code_point(std::string_view word);

// "Jan", "january", "SEPT." -> 1..12 by the first three letters; 0 when not a month.
int month_number(std::string_view word);

// Calls f(line, line_no) for each line of `text`, split on '\n' exactly as std::getline
// splits a stream (the '\n' is not part of the line; no empty line after a final '\n'),
// numbered from 1; returns the number of lines.
template <class F>
std::size_t for_each_line(std::string_view text, F&& f) {
  std::size_t line_no = 0;
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    const char* stop = nl ? static_cast<const char*>(nl) : end;
    f(std::string_view(p, static_cast<std::size_t>(stop - p)), ++line_no);
    p = stop + 1;
  }
  return line_no;
}

// The offset of the first line starting at or after `from` for which `starts_record(line)`
// holds (the line without its '\n' or a trailing '\r'); text.size() when there is none.
template <class Predicate>
std::size_t next_line_where(std::string_view text, std::size_t from, Predicate&& starts_record) {
  std::size_t at = from;
  if (at > 0 && at < text.size() && text[at - 1] != '\n') {
    const std::size_t nl = text.find('\n', at);
    if (nl == npos) return text.size();
    at = nl + 1;
  }
  while (at < text.size()) {
    std::size_t nl = text.find('\n', at);
    if (nl == npos) nl = text.size();
    std::string_view line = text.substr(at, nl - at);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (starts_record(line)) return at;
    at = nl + 1;
  }
  return text.size();
}

}  // namespace citenet::reader_text
