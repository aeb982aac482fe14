#include "records/thesaurus.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace citenet {
namespace {

std::string parse_error(const std::string& text) {
  std::string error;
  EXPECT_FALSE(Thesaurus::parse(text, "th.csv", &error).has_value()) << text;
  return error;
}

TEST(Thesaurus, LoadsReplacementsFoldedAndDrops) {
  std::string error;
  const std::optional<Thesaurus> thesaurus =
      Thesaurus::load(CITENET_TEST_DATA "/records/thesaurus.csv", &error);
  ASSERT_TRUE(thesaurus.has_value()) << error;
  EXPECT_EQ(thesaurus->size(), 7u);

  const std::string* hugh = thesaurus->lookup(ThesaurusKind::author, "ALDERWICK H");
  ASSERT_NE(hugh, nullptr);
  EXPECT_EQ(*hugh, "Hugh Alderwick");
  // Both spellings of the King's Fund reach one target.
  const Thesaurus::Target* kings = thesaurus->find(ThesaurusKind::institution, "kings fund");
  ASSERT_NE(kings, nullptr);
  EXPECT_EQ(kings, thesaurus->find(ThesaurusKind::institution, "King's Fund, The"));
  EXPECT_EQ(kings->key, "the king s fund");
  EXPECT_EQ(kings->label, "The King's Fund");
  EXPECT_EQ(*thesaurus->lookup(ThesaurusKind::country, "ENGLAND"), "United Kingdom");
  EXPECT_EQ(*thesaurus->lookup(ThesaurusKind::keyword, "COVID-19 Pandemic"), "COVID-19");
  EXPECT_EQ(*thesaurus->lookup(ThesaurusKind::keyword, "Covid 19"), "COVID-19");
  // An empty `to` drops; no entry is nullptr; kinds do not mix.
  const std::string* study = thesaurus->lookup(ThesaurusKind::keyword, "Study");
  ASSERT_NE(study, nullptr);
  EXPECT_EQ(*study, "");
  EXPECT_EQ(thesaurus->lookup(ThesaurusKind::keyword, "care"), nullptr);
  EXPECT_EQ(thesaurus->lookup(ThesaurusKind::author, "England"), nullptr);
}

TEST(Thesaurus, HeaderIsOptionalAndQuotingIsRfc4180) {
  std::string error;
  const std::optional<Thesaurus> thesaurus = Thesaurus::parse(
      "\xEF\xBB\xBF"
      "Author,\"Gimenez, \"\"Pepe\"\"\",Giménez J\r\n"
      "\r\n"
      "KEYWORD,\"multi\nline\",term,,\n",
      "th.csv", &error);
  ASSERT_TRUE(thesaurus.has_value()) << error;
  EXPECT_EQ(*thesaurus->lookup(ThesaurusKind::author, "GIMÉNEZ PEPE"), "Giménez J");
  EXPECT_EQ(*thesaurus->lookup(ThesaurusKind::keyword, "multi line"), "term");
}

TEST(Thesaurus, ErrorsNameFileAndLine) {
  EXPECT_EQ(parse_error("kind,from,to\nauthor,Li X,Xing Li\nperson,Li X,Xing Li\n"),
            "th.csv:3: unknown kind \"person\" (expected author, institution, country or "
            "keyword)");
  EXPECT_EQ(parse_error("author,Li X\n"), "th.csv:1: expected 3 columns (kind,from,to), found 2");
  EXPECT_EQ(parse_error("author,Li X,Xing Li,extra\n"),
            "th.csv:1: expected 3 columns (kind,from,to), found 4");
  EXPECT_EQ(parse_error("author,Li X,Xing Li\n\nauthor,\"Li, Y,Yang Li\n"),
            "th.csv:3: unterminated quote");
  EXPECT_EQ(parse_error("author,...,Xing Li\n"), "th.csv:1: empty \"from\"");
  EXPECT_EQ(parse_error("author,Li X,Xing Li\nauthor,LI X.,Xiaoming Li\n"),
            "th.csv:2: author \"LI X.\" already maps to \"Xing Li\"");
  EXPECT_EQ(parse_error("keyword,study,\nkeyword,Study,research\n"),
            "th.csv:2: keyword \"Study\" already maps to nothing (dropped)");
  EXPECT_EQ(parse_error("key,label,forms\nli x,Li X\n"),
            "th.csv:2: expected at least 3 columns (key,label,forms), found 2");
  EXPECT_EQ(parse_error("key,label,forms\n,Li X,Li X\n"), "th.csv:2: empty key");

  std::string error;
  EXPECT_FALSE(Thesaurus::load("/nonexistent/th.csv", &error).has_value());
  EXPECT_EQ(error, "/nonexistent/th.csv: cannot open the thesaurus file");
}

TEST(Thesaurus, SameTargetTwiceIsFine) {
  std::string error;
  const auto thesaurus = Thesaurus::parse(
      "author,Li X,Xing Li\nauthor,LI X.,Xing Li\nauthor,Li Xing,XING LI\n", "th.csv", &error);
  ASSERT_TRUE(thesaurus.has_value()) << error;
  // Targets merge by folded `to`; the first label written stays.
  EXPECT_EQ(*thesaurus->lookup(ThesaurusKind::author, "li xing"), "Xing Li");
}

TEST(Thesaurus, MergeTableIsAnAuthorThesaurus) {
  std::string error;
  const auto thesaurus = Thesaurus::parse(
      "key,label,forms,evidence,records\n"
      "\"alderwick, hugh\",Hugh Alderwick,Alderwick H;Hugh Alderwick,full name,0;2\n"
      "\"li, xing\",Xing Li,Xing Li;Li X,full name;co-author,1\n"
      "\"li, xiaoming\",Xiaoming Li,Xiaoming Li;Li X,full name;co-author,3\n"
      "\"nobody, n.\",,Nobody N,initials,4\n",
      "merge.csv", &error);
  ASSERT_TRUE(thesaurus.has_value()) << error;
  const Thesaurus::Target* hugh = thesaurus->find(ThesaurusKind::author, "ALDERWICK H");
  ASSERT_NE(hugh, nullptr);
  EXPECT_EQ(hugh->key, "alderwick, hugh");
  EXPECT_EQ(hugh->label, "Hugh Alderwick");
  // The key is a name of the row too.
  EXPECT_EQ(thesaurus->find(ThesaurusKind::author, "Alderwick, Hugh"), hugh);
  // "Li X" is in two rows: ambiguous, no entry, the ladder decides.
  bool ambiguous = false;
  EXPECT_EQ(thesaurus->find_folded(ThesaurusKind::author, "li x", &ambiguous), nullptr);
  EXPECT_TRUE(ambiguous);
  EXPECT_EQ(*thesaurus->lookup(ThesaurusKind::author, "Xing Li"), "Xing Li");
  // An empty label drops the row's forms.
  EXPECT_EQ(*thesaurus->lookup(ThesaurusKind::author, "Nobody N"), "");
  EXPECT_EQ(thesaurus->lookup(ThesaurusKind::keyword, "Xing Li"), nullptr);
}

}  // namespace
}  // namespace citenet
