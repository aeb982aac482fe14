#include "formats/csv.h"

namespace citenet {

CsvReader::CsvReader(std::istream& in, char delimiter, std::size_t max_row_bytes)
    : buf_(in.rdbuf()), delimiter_(delimiter), max_row_bytes_(max_row_bytes) {}

int CsvReader::get() {
  const int c = buf_ ? buf_->sbumpc() : std::char_traits<char>::eof();
  return c == std::char_traits<char>::eof() ? EOF : static_cast<unsigned char>(c);
}

int CsvReader::peek() {
  const int c = buf_ ? buf_->sgetc() : std::char_traits<char>::eof();
  return c == std::char_traits<char>::eof() ? EOF : static_cast<unsigned char>(c);
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  if (done_) return false;
  if (at_start_) {
    at_start_ = false;
    // A UTF-8 BOM: EF BB BF. sgetc/sbumpc cannot push back three bytes, so a file that
    // starts with EF but is not a BOM keeps the bytes read so far in its first field.
    std::string lead;
    static constexpr unsigned char kBom[] = {0xEF, 0xBB, 0xBF};
    for (unsigned char b : kBom) {
      if (peek() != b) break;
      lead += static_cast<char>(get());
    }
    if (lead.size() != 3) fields.emplace_back(std::move(lead));
  }
  if (peek() == EOF && (fields.empty() || fields.front().empty())) {
    fields.clear();
    done_ = true;
    return false;
  }
  row_line_ = line_;
  if (fields.empty()) fields.emplace_back();
  std::size_t row_bytes = 0;
  bool quoted = false;                   // inside a quoted section of the current field
  bool field_start = fields[0].empty();  // nothing read yet for the current field
  for (;;) {
    const int c = get();
    if (c == EOF) {
      done_ = true;
      if (quoted) {
        error_ = "unterminated quoted field";
        return false;
      }
      return true;
    }
    if (++row_bytes > max_row_bytes_) {
      done_ = true;
      error_ =
          "row longer than " + std::to_string(max_row_bytes_) + " bytes (an unbalanced quote?)";
      row_line_ = line_;
      return false;
    }
    std::string& field = fields.back();
    if (quoted) {
      if (c == '"') {
        if (peek() == '"') {
          get();
          field += '"';
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        if (c == '\r' && peek() != '\n') ++line_;
        field += static_cast<char>(c);
      }
      continue;
    }
    if (c == '"' && field_start) {
      quoted = true;
      field_start = false;
    } else if (c == delimiter_) {
      fields.emplace_back();
      field_start = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && peek() == '\n') get();
      ++line_;
      return true;
    } else {
      field += static_cast<char>(c);
      field_start = false;
    }
  }
}

}  // namespace citenet
