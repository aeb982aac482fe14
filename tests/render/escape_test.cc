#include "render/escape.h"

#include <gtest/gtest.h>

namespace citenet {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

TEST(SanitizeUtf8Test, KeepsValidText) {
  EXPECT_EQ(sanitize_utf8("Gim\xC3\xA9nez \xE2\x80\x8F \xF0\x9F\x93\x9A\ttab\nline"),
            "Gim\xC3\xA9nez \xE2\x80\x8F \xF0\x9F\x93\x9A\ttab\nline");
}

TEST(SanitizeUtf8Test, ReplacesMalformedSequences) {
  EXPECT_EQ(sanitize_utf8("a\xFF"
                          "b"),
            "a" + kReplacement + "b");
  EXPECT_EQ(sanitize_utf8("cut \xC3"), "cut " + kReplacement);        // truncated
  EXPECT_EQ(sanitize_utf8("\xC0\xAF"), kReplacement + kReplacement);  // overlong '/'
  EXPECT_EQ(sanitize_utf8("\xED\xA0\x80"),
            kReplacement + kReplacement + kReplacement);                    // surrogate
  EXPECT_EQ(sanitize_utf8("\xF4\x90\x80\x80").substr(0, 3), kReplacement);  // > U+10FFFF
  EXPECT_EQ(sanitize_utf8("Latin-1 \xE9t\xE9"), "Latin-1 " + kReplacement + "t" + kReplacement);
}

TEST(SanitizeUtf8Test, ReplacesCodePointsXmlForbids) {
  EXPECT_EQ(sanitize_utf8(std::string("nul\0!", 5)), "nul" + kReplacement + "!");
  EXPECT_EQ(sanitize_utf8("bell\x07 esc\x1B"), "bell" + kReplacement + " esc" + kReplacement);
  EXPECT_EQ(sanitize_utf8("\xEF\xBF\xBE\xEF\xBF\xBF"), kReplacement + kReplacement);
  EXPECT_EQ(sanitize_utf8("\r\n\t"), "\r\n\t");
}

TEST(XmlEscapeTest, EscapesMarkupAndQuotes) {
  EXPECT_EQ(xml_escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(xml_escape("A & B \"q\" 'a'"), "A &amp; B &quot;q&quot; &apos;a&apos;");
  EXPECT_EQ(xml_escape("]]> -->"), "]]&gt; --&gt;");
  EXPECT_EQ(xml_escape("&amp;"), "&amp;amp;");  // text that looks escaped is still text
}

TEST(XmlEscapeTest, KeepsWhitespaceThroughAttributeNormalisation) {
  EXPECT_EQ(xml_escape("a\nb\tc\rd"), "a&#10;b&#9;c&#13;d");
}

TEST(XmlEscapeTest, SanitizesFirst) {
  EXPECT_EQ(xml_escape("x\xFF<"), "x" + kReplacement + "&lt;");
}

TEST(GraphvizTextTest, DoublesBackslashesSoEscapesAreNotInterpreted) {
  EXPECT_EQ(graphviz_text("\\N \\n \\l \\G"), "\\\\N \\\\n \\\\l \\\\G");
  EXPECT_EQ(graphviz_text("trailing\\"), "trailing\\\\");
}

TEST(GraphvizTextTest, EscapesAmpersandBecauseGraphvizDecodesEntities) {
  EXPECT_EQ(graphviz_text("A & B &lt;"), "A &amp; B &amp;lt;");
}

TEST(GraphvizTextTest, LeavesQuotesAndMarkupToGraphviz) {
  EXPECT_EQ(graphviz_text("\"; x -> y <b>"), "\"; x -> y <b>");
}

TEST(GraphvizTextTest, NormalisesLineBreaks) {
  EXPECT_EQ(graphviz_text("a\r\nb\rc\nd"), "a\nb\nc\nd");
}

}  // namespace
}  // namespace citenet
