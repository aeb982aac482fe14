#include "cli/table.h"

#include <algorithm>
#include <cstdio>

namespace citenet {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(c); }));
}

std::string cut(const std::string& s, std::size_t max_width) {
  if (width(s) <= max_width) return s;
  std::size_t seen = 0;
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if (!is_continuation(s[i])) {
      if (seen == max_width - 1) break;
      ++seen;
    }
  }
  return s.substr(0, i) + "…";
}

}  // namespace

TextTable::TextTable(std::vector<std::string> header, std::vector<bool> right_aligned)
    : right_aligned_(std::move(right_aligned)) {
  right_aligned_.resize(header.size(), false);
  rows_.push_back(std::move(header));
}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(rows_.front().size());
  rows_.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out, std::size_t max_cell) const {
  const std::size_t columns = rows_.front().size();
  std::vector<std::size_t> widths(columns, 0);
  std::vector<std::vector<std::string>> cells = rows_;
  for (auto& row : cells)
    for (std::size_t c = 0; c < columns; ++c) {
      row[c] = cut(row[c], max_cell);
      widths[c] = std::max(widths[c], width(row[c]));
    }
  // A header of empty cells means a key/value table: no header line.
  const bool headless = std::all_of(rows_.front().begin(), rows_.front().end(),
                                    [](const std::string& h) { return h.empty(); });
  for (std::size_t r = headless ? 1 : 0; r < cells.size(); ++r) {
    const auto& row = cells[r];
    std::string line;
    for (std::size_t c = 0; c < columns; ++c) {
      const std::string pad(widths[c] - width(row[c]), ' ');
      if (c) line += "  ";
      line += right_aligned_[c] ? pad + row[c] : row[c] + (c + 1 < columns ? pad : "");
    }
    out << line << "\n";
  }
}

std::string fixed(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

}  // namespace citenet
