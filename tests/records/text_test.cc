#include "records/text.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace citenet {
namespace {

struct Case {
  std::string input;
  std::string expected;
};

TEST(FoldKey, FoldsCaseAccentsAndPunctuation) {
  const Case cases[] = {
      {"Müller", "muller"},
      {"MÜLLER", "muller"},
      {"Muller", "muller"},
      {"Mu\xCC\x88ller", "muller"},  // "u" + combining diaeresis (NFD input)
      {"Esbjerg Ø", "esbjerg o"},
      {"Straße", "strasse"},
      {"Łódź", "lodz"},
      {"Giménez", "gimenez"},
      {"London School of Hygiene & Tropical Medicine",
       "london school of hygiene and tropical medicine"},
      {"R&D", "r and d"},
      {"Cross-Sudworth", "cross sudworth"},
      {"  Stahl   G.  ", "stahl g"},
      {"O'Brien", "o brien"},
      {"15-17 Tavistock Place", "15 17 tavistock place"},
      {"Cardiff & Vale Ubniversity Health Board", "cardiff and vale ubniversity health board"},
      {"Zoë – Straße", "zoe strasse"},
      {"ﬁnance", "finance"},   // ligature, NFKD
      {"李 小明", "李 小明"},  // no case, no accents: kept
      {"", ""},
      {" . , - ", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(fold_key(c.input), c.expected) << c.input;
}

TEST(FoldKey, AppendsToABuffer) {
  std::string buffer = "prefix|";
  append_fold_key("Hugh  ALDERWICK", buffer);
  EXPECT_EQ(buffer, "prefix|hugh alderwick");
  append_fold_key("Ø", buffer);
  EXPECT_EQ(buffer, "prefix|hugh alderwicko");
}

// Plain ASCII takes a table-driven path; long text and text with '&' the general one. Both
// must fold alike, whatever the buffer held before.
TEST(FoldKey, PlainAsciiFoldsAsTheGeneralPath) {
  std::string long_text;
  for (int i = 0; i < 80; ++i) long_text += "Word-" + std::to_string(i) + ",  ";
  std::string long_expected;
  for (int i = 0; i < 80; ++i) long_expected += (i ? " word " : "word ") + std::to_string(i);
  EXPECT_EQ(fold_key(long_text), long_expected);
  EXPECT_EQ(fold_key(long_text + "&"), long_expected + " and");
  EXPECT_EQ(fold_key("--Alderwick,,HUGH.."), "alderwick hugh");
  EXPECT_EQ(fold_key("9"), "9");
  std::string buffer = "alderwick\x1fg";
  append_fold_key(" Hugh ", buffer);
  EXPECT_EQ(buffer, "alderwick\x1fghugh");
  // The same text with one non-ASCII letter goes the ICU way and folds the same.
  std::mt19937 random(7);
  const std::string alphabet = "aZ09 .,-'&()/";
  for (int round = 0; round < 500; ++round) {
    std::string text;
    for (int i = 0; i < 12; ++i) text += alphabet[random() % alphabet.size()];
    EXPECT_EQ(fold_key(text + "é"), fold_key(text + "e")) << text;
  }
}

TEST(IsUpperCase, NeedsAnUpperCaseLetterAndNoLowerCase) {
  EXPECT_TRUE(is_upper_case("ALDERWICK HUGH"));
  EXPECT_TRUE(is_upper_case("MÜLLER-LÜDENSCHEIDT"));
  EXPECT_TRUE(is_upper_case("UNIVERSITY OF KUFA, IRAQ 2"));
  EXPECT_FALSE(is_upper_case("Hugh Alderwick"));
  EXPECT_FALSE(is_upper_case("MÜLLEr"));
  EXPECT_FALSE(is_upper_case("ÉCOLE é"));
  EXPECT_FALSE(is_upper_case("李小明"));
  EXPECT_FALSE(is_upper_case("1234"));
  EXPECT_FALSE(is_upper_case(""));
}

TEST(TitleCase, CapitalisesUpperCaseWordsOnly) {
  const Case cases[] = {
      {"SAHIL SANDHU", "Sahil Sandhu"},
      {"CROSS-SUDWORTH", "Cross-Sudworth"},
      {"MCDONALD", "Mcdonald"},
      {"O'BRIEN", "O'Brien"},
      {"JOHN'S", "John's"},
      {"MÜLLER ÉLODIE", "Müller Élodie"},
      {"UNIVERSITY OF KUFA", "University of Kufa"},
      {"OF MICE AND MEN", "Of Mice and Men"},
      {"ACE (ACTION IN CAERAU)", "Ace (Action in Caerau)"},
      {"J.R. TOLKIEN", "J.R. Tolkien"},
      {"Hugh ALDERWICK", "Hugh Alderwick"},
      {"McDonald van der Berg", "McDonald van der Berg"},
      {"LAURAM  GOTTLIEB", "Lauram  Gottlieb"},
      {"", ""},
  };
  for (const Case& c : cases) EXPECT_EQ(title_case(c.input), c.expected) << c.input;
}

// RFC 3629's rules, checked where the sixteen-byte ASCII skip meets a multi-byte sequence.
TEST(Utf8, ValidOnlyWhenEverySequenceIsWellFormed) {
  const std::string ascii16 = "0123456789abcdef";
  struct Case {
    std::string text;
    bool valid;
  };
  const Case cases[] = {
      {"", true},
      {ascii16, true},
      {ascii16 + "Jos\xC3\xA9", true},                    // é after a skipped block
      {"Jos\xC3\xA9" + ascii16 + ascii16, true},          // é before two blocks
      {ascii16.substr(0, 15) + "\xE6\x9D\xB1", true},     // 東 across the block's end
      {ascii16 + "\xF0\x9F\x98\x80", true},               // four bytes
      {ascii16 + "\xC3", false},                          // truncated at the end
      {ascii16.substr(0, 15) + "\xFF" + ascii16, false},  // never valid
      {"\xC0\xAF", false},                                // overlong '/'
      {"\xED\xA0\x80", false},                            // a surrogate
      {"\xF4\x90\x80\x80", false},                        // past U+10FFFF
      {ascii16 + ascii16 + "\x80", false},                // a lone continuation byte
  };
  for (const Case& c : cases) {
    EXPECT_EQ(is_valid_utf8(c.text), c.valid) << c.text;
    std::string copy = c.text;
    EXPECT_EQ(repair_utf8(copy), !c.valid) << c.text;
    EXPECT_TRUE(is_valid_utf8(copy)) << c.text;
  }
}

// is_valid_utf8 says true exactly when repair_utf8 would change nothing, on random text
// mixing ASCII runs with valid and broken sequences (fixed seed).
TEST(Utf8, ValidAgreesWithRepairOnRandomText) {
  std::mt19937 random(20261126);
  const char* pieces[] = {"abcdefghijklmnopqrstu",
                          "\xC3\xA9",
                          "\xE6\x9D\xB1",
                          "\xF0\x9F\x98\x80",
                          "\xC3",
                          "\x80",
                          "\xFF",
                          " "};
  int invalid = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int count = static_cast<int>(random() % 12);
    for (int i = 0; i < count; ++i) {
      const std::size_t pick = random() % 100;
      const std::size_t piece = pick < 70 ? 0 : pick < 94 ? 1 + pick % 3 : 4 + pick % 4;
      text += std::string(pieces[piece]).substr(0, piece == 0 ? random() % 22 : std::string::npos);
    }
    std::string copy = text;
    const bool repaired = repair_utf8(copy);
    EXPECT_EQ(is_valid_utf8(text), !repaired) << text;
    invalid += repaired;
  }
  EXPECT_GT(invalid, 100);  // both kinds were tried
  EXPECT_LT(invalid, 1900);
}

}  // namespace
}  // namespace citenet
