#include "formats/csv.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace citenet {
namespace {

using Rows = std::vector<std::vector<std::string>>;

struct Parsed {
  Rows rows;
  std::vector<std::size_t> lines;
  std::string error;
  std::size_t error_line = 0;
};

Parsed parse(const std::string& text, char delimiter = ',',
             std::size_t max_row = CsvReader::kDefaultMaxRowBytes) {
  std::istringstream in(text);
  CsvReader reader(in, delimiter, max_row);
  Parsed out;
  std::vector<std::string> fields;
  while (reader.next(fields)) {
    out.rows.push_back(fields);
    out.lines.push_back(reader.row_line());
  }
  out.error = reader.error();
  if (!out.error.empty()) out.error_line = reader.row_line();
  return out;
}

TEST(CsvReaderTest, PlainRows) {
  Parsed p = parse("a,b,c\n1,2,3\n");
  EXPECT_EQ(p.rows, (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(p.lines, (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(p.error, "");
}

TEST(CsvReaderTest, LastRowWithoutNewline) {
  EXPECT_EQ(parse("a,b\n1,2").rows, (Rows{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvReaderTest, EmptyFieldsAndEmptyInput) {
  EXPECT_EQ(parse(",,\n").rows, (Rows{{"", "", ""}}));
  EXPECT_TRUE(parse("").rows.empty());
  EXPECT_EQ(parse("\n").rows, (Rows{{""}}));  // a blank line is a row of one empty field
}

TEST(CsvReaderTest, QuotedFieldsWithCommasQuotesAndNewlines) {
  Parsed p = parse(
      "\"Smith J., Doe A.\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
      "x,\"\",y\n");
  ASSERT_EQ(p.rows.size(), 2u);
  EXPECT_EQ(p.rows[0], (std::vector<std::string>{"Smith J., Doe A.", "say \"hi\"", "two\nlines"}));
  EXPECT_EQ(p.rows[1], (std::vector<std::string>{"x", "", "y"}));
  EXPECT_EQ(p.lines, (std::vector<std::size_t>{1, 3}));  // the embedded line break counts
}

TEST(CsvReaderTest, CrlfAndCrInsideQuotes) {
  Parsed p = parse("a,\"b\r\nc\"\r\nd,e\r\n");
  EXPECT_EQ(p.rows, (Rows{{"a", "b\r\nc"}, {"d", "e"}}));
  EXPECT_EQ(p.lines, (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(parse("a\rb\r").rows, (Rows{{"a"}, {"b"}}));  // old Mac line ends
}

TEST(CsvReaderTest, ByteOrderMarkIsDropped) {
  EXPECT_EQ(parse("\xEF\xBB\xBF"
                  "Authors,Title\n")
                .rows,
            (Rows{{"Authors", "Title"}}));
  EXPECT_EQ(parse("\xEF\xBB\xBF\"Authors\",Title\n").rows, (Rows{{"Authors", "Title"}}));
  // Only a whole BOM is dropped; other leading bytes stay.
  EXPECT_EQ(parse("\xEF\xBBx,y\n").rows, (Rows{{"\xEF\xBBx", "y"}}));
  EXPECT_EQ(parse("\xEF").rows, (Rows{{"\xEF"}}));
}

TEST(CsvReaderTest, LenientWithStrayQuotes) {
  EXPECT_EQ(parse("ab\"c,d\n").rows, (Rows{{"ab\"c", "d"}}));
  EXPECT_EQ(parse("\"ab\"c,d\n").rows, (Rows{{"abc", "d"}}));
}

TEST(CsvReaderTest, OtherDelimiter) {
  EXPECT_EQ(parse("PT\tAU\tTI\nJ\tSmith, J\tA, title\n", '\t').rows,
            (Rows{{"PT", "AU", "TI"}, {"J", "Smith, J", "A, title"}}));
}

TEST(CsvReaderTest, UnterminatedQuoteIsAnError) {
  Parsed p = parse("a,b\n1,\"open\n2,3\n");
  EXPECT_EQ(p.rows, (Rows{{"a", "b"}}));
  EXPECT_EQ(p.error, "unterminated quoted field");
  EXPECT_EQ(p.error_line, 2u);
}

TEST(CsvReaderTest, RowLimitStopsAnUnbalancedQuote) {
  Parsed p = parse("a\n\"" + std::string(100, 'x') + "\n", ',', 50);
  EXPECT_EQ(p.rows, (Rows{{"a"}}));
  EXPECT_EQ(p.error, "row longer than 50 bytes (an unbalanced quote?)");
}

TEST(CsvReaderTest, InvalidUtf8IsKeptAsBytes) {
  EXPECT_EQ(parse("\xFF\xFE,\xC3\n").rows, (Rows{{"\xFF\xFE", "\xC3"}}));
}

TEST(CsvReaderTest, RandomInputNeverCrashesAndAlwaysEnds) {
  std::mt19937 rng(7);
  const std::string alphabet = "ab,\"\r\n\xEF\xBB\xBF";
  for (int round = 0; round < 500; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 200);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    Parsed p = parse(text);
    EXPECT_LE(p.rows.size(), text.size() + 1);
  }
}

}  // namespace
}  // namespace citenet
