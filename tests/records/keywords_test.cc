#include "records/keywords.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace citenet {
namespace {

using Terms = std::vector<std::string>;

// Record 1 of the sample listing: its title (the citation line's second sentence) and
// the first sentence of its abstract.
struct SampleRecord {
  std::string title;
  std::string first_sentence;
};

SampleRecord record_one() {
  std::ifstream in(CITENET_SAMPLES "/integrated-care-listing.txt");
  std::string line;
  std::vector<std::string> lines;
  while (lines.size() < 5 && std::getline(in, line)) lines.push_back(line);
  SampleRecord record;
  if (lines.size() < 5) return record;
  const std::string& citation = lines[2];  // "Alderwick H, Hutchings A, Mays N. Cross-…"
  const std::size_t start = citation.find(". ") + 2;
  record.title = citation.substr(start, citation.find(". BMC") + 1 - start);
  const std::string& abstract = lines[4];
  record.first_sentence = abstract.substr(0, abstract.find(". ") + 1);
  return record;
}

TEST(ExtractTerms, SampleTitleAndAbstract) {
  const SampleRecord record = record_one();
  ASSERT_EQ(record.title,
            "Cross-sector collaboration to reduce health inequalities: a qualitative study of "
            "local collaboration between health care, social services, and other sectors under "
            "health system reforms in England.");
  ASSERT_EQ(record.first_sentence,
            "BACKGROUND Policymakers across countries promote cross-sector collaboration as a "
            "route to improving health and health equity.");
  const Terms expected = {
      // "Cross-sector collaboration to reduce health inequalities"
      "cross", "cross sector", "cross sector collaboration", "sector", "sector collaboration",
      "collaboration", "collaboration to reduce", "reduce", "reduce health",
      "reduce health inequalities", "health", "health inequalities", "inequalities",
      // "a qualitative study of local collaboration between health care"
      "qualitative", "qualitative study", "study", "study of local", "local", "local collaboration",
      "collaboration between health", "health care", "care",
      // "social services"
      "social", "social services", "services",
      // "and other sectors under health system reforms in England"
      "sectors", "sectors under health", "health system", "health system reforms", "system",
      "system reforms", "reforms", "reforms in england", "england",
      // abstract: "BACKGROUND" is a label; only new terms are added
      "policymakers", "policymakers across countries", "countries", "countries promote",
      "countries promote cross", "promote", "promote cross", "promote cross sector", "route",
      "route to improving", "improving", "improving health", "health and health", "health equity",
      "equity"};
  EXPECT_EQ(extract_terms(record.title, record.first_sentence), expected);
}

TEST(ExtractTerms, NumbersOneLetterWordsAndLabelsBreakTerms) {
  EXPECT_EQ(extract_terms("", "In 2022 42 integrated care systems (ICSs)-area-based partnerships"),
            (Terms{"integrated", "integrated care", "integrated care systems", "care",
                   "care systems", "systems", "icss", "area", "area based",
                   "area based partnerships", "based", "based partnerships", "partnerships"}));
  // A capitalised heading breaks; the same word in running text is a word.
  EXPECT_EQ(extract_terms("", "METHODS We used qualitative methods. Results: home visits"),
            (Terms{"used", "used qualitative", "used qualitative methods", "qualitative",
                   "qualitative methods", "methods", "home", "home visits", "visits"}));
  EXPECT_EQ(extract_terms("Type B care", ""), (Terms{"type", "care"}));
}

TEST(ExtractTerms, DistinctFoldedAndDeterministic) {
  const Terms once =
      extract_terms("Müller’s model — Health CARE; health care", "HEALTH-CARE \u201Cmodel\u201D");
  EXPECT_EQ(once, (Terms{"muller", "model", "health", "health care", "care"}));
  EXPECT_EQ(
      extract_terms("Müller’s model — Health CARE; health care", "HEALTH-CARE \u201Cmodel\u201D"),
      once);
  EXPECT_TRUE(extract_terms("", "").empty());
  EXPECT_TRUE(extract_terms("The of and", "1 2 3 ... a b c").empty());
}

TEST(StopWords, ListIsFoldedAndCommon) {
  for (const char* word : {"the", "of", "and", "between", "however", "whereas", "a"}) {
    EXPECT_TRUE(is_stop_word(word)) << word;
  }
  for (const char* word : {"health", "care", "study", "The", "collaboration"}) {
    EXPECT_FALSE(is_stop_word(word)) << word;
  }
}

}  // namespace
}  // namespace citenet
