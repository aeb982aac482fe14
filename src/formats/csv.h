// A streaming reader of delimiter-separated values as RFC 4180 defines them: fields may be
// quoted, a quote inside a quoted field is doubled, quoted fields may hold the delimiter and
// line breaks, rows end in CRLF or LF. A UTF-8 byte-order mark at the start is dropped.
//
// Real exports bend the RFC, so the reader is lenient where no data is lost: a quote inside
// an unquoted field is kept as a character, text after a closing quote is appended to the
// field, and a lone CR also ends a row. Only a quoted field still open at the end of the
// input, or a row longer than the row limit (usually an unbalanced quote swallowing the
// file), is an error.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

namespace citenet {

class CsvReader {
 public:
  // A row holding more bytes than this is taken for an unbalanced quote rather than data;
  // the limit keeps a broken file from being read into memory whole.
  static constexpr std::size_t kDefaultMaxRowBytes = std::size_t{64} << 20;

  explicit CsvReader(std::istream& in, char delimiter = ',',
                     std::size_t max_row_bytes = kDefaultMaxRowBytes);

  // Reads the next row into `fields` (cleared first). Returns false at the end of the input
  // or on an error; error() tells them apart. A blank line is a row of one empty field.
  bool next(std::vector<std::string>& fields);

  // 1-based line where the row last returned by next() starts; after an error, the line of
  // the problem.
  std::size_t row_line() const { return row_line_; }
  // Empty unless next() failed on malformed input ("unterminated quoted field").
  const std::string& error() const { return error_; }

 private:
  int get();   // next byte as unsigned char, or EOF
  int peek();  // the byte get() would return

  std::streambuf* buf_;
  char delimiter_;
  std::size_t max_row_bytes_;
  std::size_t line_ = 1;  // line of the next byte
  std::size_t row_line_ = 0;
  bool at_start_ = true;
  bool done_ = false;
  std::string error_;
};

}  // namespace citenet
