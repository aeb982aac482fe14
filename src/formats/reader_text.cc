#include "formats/reader_text.h"

#include <algorithm>
#include <charconv>

namespace citenet::reader_text {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return to_lower(x) == to_lower(y);
         });
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool icontains(std::string_view s, std::string_view part) {
  for (std::size_t i = 0; i + part.size() <= s.size(); ++i) {
    if (istarts_with(s.substr(i), part)) return true;
  }
  return false;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::optional<int> parse_int(std::string_view s) {
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_double(std::string_view s) {
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<int> leading_int(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && n < 9 && is_digit(s[n])) ++n;
  return n == 0 ? std::nullopt : parse_int(s.substr(0, n));
}

std::vector<std::string_view> split(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = std::min(s.find_first_of(separators, start), s.size());
    if (end > start) parts.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::vector<std::string_view> split_list(std::string_view s, std::string_view separator) {
  std::vector<std::string_view> parts;
  while (!s.empty()) {
    const std::size_t at = s.find(separator);
    const std::string_view part = trim(s.substr(0, at));
    if (!part.empty()) parts.push_back(part);
    s = at == npos ? std::string_view() : s.substr(at + separator.size());
  }
  return parts;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

std::string join(const std::vector<std::string_view>& parts, std::string_view glue) {
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += glue;
    out += p;
  }
  return out;
}

std::string_view first_code_point(std::string_view word) {
  std::size_t len = 1;
  while (len < word.size() && is_continuation_byte(word[len])) ++len;
  return word.substr(0, len);
}

int month_number(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int m = 0; m < 12; ++m) {
    if (istarts_with(word, kMonths[m])) return m + 1;
  }
  return 0;
}

}  // namespace citenet::reader_text
