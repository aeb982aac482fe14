#include "records/text.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace citenet
