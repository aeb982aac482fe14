#include "formats/listing_reader.h"

#include "tests/formats/reader_test_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace citenet {
namespace {

const std::string kSample = std::string(CITENET_SAMPLES) + "/integrated-care-listing.txt";
const std::string kData = std::string(CITENET_TEST_DATA) + "/listing/";

using testing_support::ReadResult;
using testing_support::slurp;

ReadResult read_text(const std::string& text, const std::string& source = "mem.txt") {
  return testing_support::read_text(read_listing, text, source);
}

ReadResult read_file(const std::string& path) {
  return testing_support::read_file(read_listing, path);
}

// A small well-formed record for the bad-input tests.
const std::string kGoodRecord =
    "1\n|\nSmith J, Jones KL. A short title. BMJ 2020; 1:2. [PMID: 1 DOI: 10.1/x] "
    "[Citation(s) in RCA: 3] [Indexed: 03/04/2020]\nCollapse\n|\n";

// ---------------------------------------------------------------- the real sample

class ListingSampleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { sample_ = new ReadResult(read_file(kSample)); }
  static void TearDownTestSuite() { delete sample_; }
  // Records by their own number (1-based), as printed in the sample.
  const Record& rec(int number) const { return sample_->records.at(number - 1); }
  static ReadResult* sample_;
};
ReadResult* ListingSampleTest::sample_ = nullptr;

TEST_F(ListingSampleTest, ReadsAllFifteenRecordsCleanly) {
  EXPECT_TRUE(sample_->ok) << sample_->error;
  ASSERT_EQ(sample_->records.size(), 15u);
  EXPECT_EQ(sample_->stats.records_read, 15u);
  EXPECT_EQ(sample_->stats.records_skipped, 0u);
  EXPECT_TRUE(sample_->stats.warnings.empty()) << sample_->warnings().front();
  for (int n = 1; n <= 15; ++n) {
    EXPECT_EQ(rec(n).number, n);
    EXPECT_EQ(rec(n).format, "listing");
    EXPECT_EQ(rec(n).source, kSample);
    EXPECT_TRUE(rec(n).keywords.empty());  // "[Key Words]" is only a link label
  }
}

TEST_F(ListingSampleTest, Record1AllFields) {
  const Record& r = rec(1);
  EXPECT_EQ(r.line, 1u);
  EXPECT_EQ(r.title,
            "Cross-sector collaboration to reduce health inequalities: a qualitative study of "
            "local collaboration between health care, social services, and other sectors under "
            "health system reforms in England");
  EXPECT_EQ(r.journal, "BMC Public Health");
  EXPECT_EQ(r.year, 2024);
  EXPECT_EQ(r.volume, "24");
  EXPECT_EQ(r.pages, "2613");
  EXPECT_EQ(r.pmid, "39334058");
  EXPECT_EQ(r.pmcid, "PMC11438096");
  EXPECT_EQ(r.doi, "10.1186/s12889-024-20089-5");
  EXPECT_EQ(r.citations, 0);
  EXPECT_EQ(r.impact_index, 0.0);
  EXPECT_EQ(r.received, (Date{2024, 5, 29}));
  EXPECT_FALSE(r.revised.known());
  EXPECT_EQ(r.accepted, (Date{2024, 9, 13}));
  EXPECT_EQ(r.indexed, (Date{2024, 9, 30}));
  EXPECT_TRUE(r.open_access);
  EXPECT_TRUE(r.abstract.starts_with("BACKGROUND Policymakers across countries"));
  EXPECT_TRUE(r.abstract.ends_with("as ICSs evolve."));

  ASSERT_EQ(r.authors.size(), 3u);
  const Author& a = r.authors[0];
  EXPECT_EQ(a.as_printed, "Alderwick H");
  EXPECT_EQ(a.surname, "Alderwick");
  EXPECT_EQ(a.initials, "H");
  EXPECT_EQ(a.given, "Hugh");
  EXPECT_EQ(a.full_name, "Hugh Alderwick");
  ASSERT_EQ(a.affiliations.size(), 2u);
  EXPECT_EQ(a.affiliations[0], "Health Foundation, 8 Salisbury Square, London, EC4Y 8AP, UK.");
  EXPECT_EQ(a.affiliations[1],
            "Department of Health Services Research and Policy, London School of Hygiene & "
            "Tropical Medicine, 15-17 Tavistock Place, London, WC1H 9SH, UK.");
  EXPECT_EQ(r.authors[1].full_name, "Andrew Hutchings");
  EXPECT_EQ(r.authors[1].given, "Andrew");
  ASSERT_EQ(r.authors[1].affiliations.size(), 1u);
  EXPECT_EQ(r.authors[2].as_printed, "Mays N");
  EXPECT_EQ(r.authors[2].full_name, "Nicholas Mays");
  EXPECT_EQ(r.authors[2].affiliations.size(), 1u);
}

TEST_F(ListingSampleTest, Record2SevenAuthorsNotOpenAccess) {
  const Record& r = rec(2);
  EXPECT_EQ(r.line, 18u);
  ASSERT_EQ(r.authors.size(), 7u);
  EXPECT_EQ(r.authors[6].full_name, "Huw Williams");
  EXPECT_EQ(r.authors[0].affiliations.size(), 3u);
  EXPECT_FALSE(r.open_access);
  EXPECT_EQ(r.journal, "BMC PRIMARY CARE");
}

TEST_F(ListingSampleTest, Record3PipeGapLeavesMiddleAuthorUnnamed) {
  const Record& r = rec(3);
  EXPECT_EQ(r.title,
            "Solving poverty or tackling healthcare inequalities? Qualitative study exploring "
            "local interpretations of national policy on health inequalities under new NHS "
            "reforms in England");
  EXPECT_EQ(r.pages, "e081954");
  ASSERT_EQ(r.authors.size(), 3u);
  EXPECT_EQ(r.authors[0].full_name, "Hugh Alderwick");
  EXPECT_EQ(
      r.authors[0].affiliations,
      (std::vector<std::string>{"Health Foundation, London, UK",
                                "London School of Hygiene and Tropical Medicine, London, UK"}));
  EXPECT_EQ(r.authors[1].as_printed, "Hutchings A");
  EXPECT_EQ(r.authors[1].full_name, "");
  EXPECT_EQ(r.authors[1].given, "");
  EXPECT_TRUE(r.authors[1].affiliations.empty());
  EXPECT_EQ(r.authors[2].full_name, "Nicholas Mays");
  EXPECT_EQ(
      r.authors[2].affiliations,
      (std::vector<std::string>{"London School of Hygiene and Tropical Medicine, London, UK"}));
}

TEST_F(ListingSampleTest, Record4FirstSlotEmptyAndJournalWithParentheses) {
  const Record& r = rec(4);
  EXPECT_EQ(r.journal, "WIADOMOSCI LEKARSKIE (WARSAW, POLAND : 1960)");
  EXPECT_EQ(r.year, 2024);
  EXPECT_EQ(r.volume, "77");
  EXPECT_EQ(r.pages, "497-505");
  EXPECT_EQ(r.pmid, "38691792");
  EXPECT_EQ(r.pmcid, "");
  EXPECT_EQ(r.doi, "10.36740/wlek202403119");
  EXPECT_FALSE(r.received.known());
  EXPECT_EQ(r.indexed, (Date{2024, 5, 3}));
  ASSERT_EQ(r.authors.size(), 4u);
  EXPECT_EQ(r.authors[0].as_printed, "Ibadi MH");
  EXPECT_EQ(r.authors[0].full_name, "");
  EXPECT_EQ(r.authors[1].full_name, "Sahar Majeed");
  EXPECT_EQ(r.authors[1].affiliations.size(), 1u);
  EXPECT_EQ(r.authors[2].full_name, "");
  EXPECT_EQ(r.authors[3].surname, "Hadi");
  EXPECT_EQ(r.authors[3].initials, "NR");
  EXPECT_EQ(r.authors[3].full_name, "Najah R Hadi");
  EXPECT_EQ(r.authors[3].given, "Najah R");
}

TEST_F(ListingSampleTest, Record5QuestionMarkInsideTitle) {
  const Record& r = rec(5);
  EXPECT_EQ(r.title,
            "Primary care services in the English NHS: are they a thorn in the side of integrated "
            "care systems? A qualitative analysis");
  EXPECT_EQ(r.journal, "BMC PRIMARY CARE");
  EXPECT_EQ(r.authors.size(), 4u);
  EXPECT_EQ(r.authors[2].full_name, "");  // Tazzyman's slot is empty
  EXPECT_EQ(r.authors[3].full_name, "Will Whittaker");
}

TEST_F(ListingSampleTest, Record6CompoundGivenNames) {
  const Record& r = rec(6);
  EXPECT_EQ(r.volume, "12");
  EXPECT_EQ(r.pages, "22799036231181210");
  const Author& a = r.authors.at(2);
  EXPECT_EQ(a.as_printed, "Karlsson LE");
  EXPECT_EQ(a.surname, "Karlsson");
  EXPECT_EQ(a.initials, "LE");
  EXPECT_EQ(a.full_name, "Leena Eklund Karlsson");
  EXPECT_EQ(a.given, "Leena Eklund");
  EXPECT_EQ(a.affiliations.at(0),
            "Unit for Health Promotion Research, Department of Public Health, University of "
            "Southern Denmark, Campus Esbjerg, Esbjerg Ø, Denmark");
}

TEST_F(ListingSampleTest, Record7HasNoAuthors) {
  const Record& r = rec(7);
  EXPECT_TRUE(r.authors.empty());
  EXPECT_EQ(r.title, "Integrated care systems and equity: prospects and plans");
  EXPECT_EQ(r.journal, "JOURNAL OF INTEGRATED CARE");
  EXPECT_EQ(r.year, 2023);
  EXPECT_EQ(r.volume, "");
  EXPECT_EQ(r.pages, "");
  EXPECT_EQ(r.doi, "10.1108/jica-08-2022-0044");
  EXPECT_EQ(r.pmid, "");
  EXPECT_EQ(r.pmcid, "");
  EXPECT_EQ(r.indexed, (Date{2023, 2, 16}));
  EXPECT_TRUE(r.abstract.starts_with("PurposePolicies on integrated care"));
}

TEST_F(ListingSampleTest, Record8ImpactIndexAndGivenNames) {
  const Record& r = rec(8);
  EXPECT_EQ(r.citations, 6);
  EXPECT_DOUBLE_EQ(r.impact_index.value(), 3.0);
  EXPECT_EQ(r.authors.at(0).initials, "XL");
  EXPECT_EQ(r.authors.at(0).given, "Xing Lin");
  EXPECT_EQ(r.authors.at(3).full_name, "Carine Ronsmans");
}

TEST_F(ListingSampleTest, Record9DoiAfterTheYear) {
  const Record& r = rec(9);
  EXPECT_EQ(r.title,
            "Oral health ambassador scheme: training needs analysis in the community setting");
  EXPECT_EQ(r.journal, "Br Dent J");
  EXPECT_EQ(r.year, 2022);
  EXPECT_EQ(r.volume, "");
  EXPECT_EQ(r.pages, "");
  EXPECT_EQ(r.doi, "10.1038/s41415-022-5031-y");
  EXPECT_EQ(r.pmcid, "PMC9559144");
}

TEST_F(ListingSampleTest, Records11And14TitlesEndInQuestionMarkWithoutAbstract) {
  const Record& r11 = rec(11);
  EXPECT_EQ(r11.title,
            "A cure for everything and nothing? Local partnerships for improving "
            "health in England");
  EXPECT_EQ(r11.journal, "BMJ");
  EXPECT_EQ(r11.pages, "e070910");
  EXPECT_EQ(r11.abstract, "");
  EXPECT_EQ(r11.authors.at(2).full_name, "Nicholas Mays");
  EXPECT_EQ(r11.authors.at(0).full_name, "");

  const Record& r14 = rec(14);
  EXPECT_EQ(r14.title, "Will a new NHS structure in England help recovery from the pandemic?");
  EXPECT_EQ(r14.journal, "BMJ");
  EXPECT_EQ(r14.year, 2021);
  EXPECT_EQ(r14.volume, "372");
  EXPECT_EQ(r14.pages, "n248");
  EXPECT_EQ(r14.abstract, "");
  EXPECT_EQ(r14.citations, 17);
  EXPECT_DOUBLE_EQ(r14.impact_index.value(), 5.7);
  EXPECT_FALSE(r14.open_access);
  ASSERT_EQ(r14.authors.size(), 5u);
  EXPECT_EQ(r14.authors[3].full_name, "Nicholas Mays");
  EXPECT_EQ(r14.authors[4].full_name, "");
}

TEST_F(ListingSampleTest, Record12UpperCaseAuthorsWithGivenNames) {
  const Record& r = rec(12);
  EXPECT_EQ(r.journal, "Milbank Q");
  EXPECT_EQ(r.pages, "393-423");
  EXPECT_EQ(r.citations, 14);
  EXPECT_TRUE(r.open_access);
  ASSERT_EQ(r.authors.size(), 3u);
  const Author& sandhu = r.authors[0];
  EXPECT_EQ(sandhu.as_printed, "SANDHU SAHIL");
  EXPECT_EQ(sandhu.surname, "SANDHU");
  EXPECT_EQ(sandhu.given, "SAHIL");
  EXPECT_EQ(sandhu.initials, "S");
  EXPECT_EQ(sandhu.full_name, "SAHIL SANDHU");
  EXPECT_EQ(sandhu.affiliations,
            (std::vector<std::string>{
                "Harvard Medical SchoolBostonMassachusetts",
                "Population Health Sciences InstituteNewcastle UniversityNewcastle Upon Tyne"}));
  EXPECT_EQ(r.authors[1].surname, "ALDERWICK");
  EXPECT_EQ(r.authors[1].given, "HUGH");
  EXPECT_EQ(r.authors[1].initials, "H");
  EXPECT_EQ(r.authors[1].full_name, "");
  EXPECT_EQ(r.authors[2].given, "LAURAM");
  EXPECT_EQ(r.authors[2].initials, "L");
}

TEST_F(ListingSampleTest, Record13HyphenatedSurname) {
  const Author& a = rec(13).authors.at(2);
  EXPECT_EQ(a.surname, "Cross-Sudworth");
  EXPECT_EQ(a.initials, "F");
  EXPECT_EQ(a.given, "Fiona");
}

TEST_F(ListingSampleTest, Record15RevisedDate) {
  const Record& r = rec(15);
  EXPECT_EQ(r.journal, "INTERNATIONAL JOURNAL OF ENVIRONMENTAL RESEARCH AND PUBLIC HEALTH");
  EXPECT_EQ(r.volume, "17");
  EXPECT_EQ(r.pages, "E4100");
  EXPECT_EQ(r.received, (Date{2020, 4, 29}));
  EXPECT_EQ(r.revised, (Date{2020, 5, 29}));
  EXPECT_EQ(r.accepted, (Date{2020, 6, 3}));
  EXPECT_EQ(r.indexed, (Date{2022, 12, 20}));
  EXPECT_DOUBLE_EQ(r.impact_index.value(), 2.0);
  EXPECT_EQ(r.authors.at(1).full_name, "James Kingsland");
}

// ---------------------------------------------------------------- bad and odd input

TEST(ListingReaderTest, NumberLineThenEndOfInputIsSkipped) {
  const std::string path = kData + "truncated_after_number.txt";
  ReadResult r = read_file(path);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{path + ":6: record 2: ends before its citation line"}));
}

TEST(ListingReaderTest, CitationWithoutBracketPartIsSkippedAndReadingContinues) {
  const std::string path = kData + "no_bracket_part.txt";
  ReadResult r = read_file(path);
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].number, 2);
  EXPECT_EQ(r.records[0].line, 8u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(
      r.warnings(),
      (std::vector<std::string>{
          path + ":3: record 1: citation line has no \"[PMID: ...]\" or \"[DOI: ...]\" part"}));
}

TEST(ListingReaderTest, CitationCutInsideGroupIsSkipped) {
  const std::string path = kData + "cut_inside_group.txt";
  ReadResult r = read_file(path);
  EXPECT_TRUE(r.ok);  // the record structure was there, so this is the format
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{
                path + ":3: record 1: citation line is cut inside a \"[...]\" group"}));
}

TEST(ListingReaderTest, CitationWithoutJournalYearIsSkipped) {
  ReadResult r = read_text("7\n|\nSmith J. A title. [PMID: 1]\n|\n" + kGoodRecord);
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{
                              "mem.txt:3: record 7: no \"Journal Year\" before the identifiers"}));
}

TEST(ListingReaderTest, CitationWithoutTitleIsSkipped) {
  ReadResult r = read_text("7\n|\nBMJ 2020; 1:2. [PMID: 1]\n");
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{"mem.txt:3: record 7: no title before the journal"}));
}

TEST(ListingReaderTest, BadValuesAreWarningsAndKeepTheRecord) {
  ReadResult r = read_text(
      "1\n|\nSmith J. T. BMJ 2020. [PMID: 1] [Citation(s) in RCA: many] "
      "[Impact Index Per Article: x] [Received: 13/45/2020] [Accepted: 2020-01-01]\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_FALSE(r.records[0].citations.has_value());
  EXPECT_FALSE(r.records[0].impact_index.has_value());
  EXPECT_FALSE(r.records[0].received.known());
  EXPECT_EQ(r.stats.records_skipped, 0u);
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{
                "mem.txt:3: record 1: bad Citation(s) in RCA value \"many\", left unknown",
                "mem.txt:3: record 1: bad Impact Index Per Article value \"x\", left unknown",
                "mem.txt:3: record 1: bad Received value \"13/45/2020\", left unknown",
                "mem.txt:3: record 1: bad Accepted value \"2020-01-01\", left unknown"}));
}

TEST(ListingReaderTest, AffiliationBlockWithExtraSlotsWarns) {
  const std::string path = kData + "pipe_mismatch.txt";
  ReadResult r = read_file(path);
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  ASSERT_EQ(rec.authors.size(), 2u);
  EXPECT_EQ(rec.authors[1].full_name, "Karen Lee Jones");
  EXPECT_EQ(rec.authors[1].given, "Karen Lee");
  EXPECT_EQ(rec.authors[1].affiliations, (std::vector<std::string>{"University B"}));
  EXPECT_EQ(
      r.warnings(),
      (std::vector<std::string>{path + ":5: record 1: affiliation block has 3 author slots but "
                                       "the citation line names 2 authors"}));
}

TEST(ListingReaderTest, TextOutsideRecordsAndStrayLinesWarnOncePerRun) {
  ReadResult r = read_text("junk one\njunk two\n" + kGoodRecord + "more junk\n");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{"mem.txt:1: text outside any record, ignored",
                                      "mem.txt:8: text outside any record, ignored"}));

  ReadResult stray =
      read_text("1\n|\nSmith J. T. BMJ 2020. [PMID: 1]\nwhat is this\nand this\nCollapse\n|\n");
  EXPECT_EQ(stray.records.size(), 1u);
  EXPECT_EQ(stray.warnings(),
            (std::vector<std::string>{"mem.txt:4: record 1: unexpected line, ignored"}));
}

TEST(ListingReaderTest, AbstractMarkerWithoutTextIsTolerated) {
  ReadResult r = read_text(
      "1\n|\nSmith J. T. BMJ 2020. [PMID: 1]\nAbstract\nAffiliation(s)\n- John Smith\n"
      "- University A\n| |\nCollapse\n|\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].abstract, "");
  EXPECT_EQ(r.records[0].authors.at(0).full_name, "John Smith");
  EXPECT_TRUE(r.stats.warnings.empty());
}

TEST(ListingReaderTest, NotAListingFails) {
  const std::string path = kData + "not_a_listing.txt";
  ReadResult r = read_file(path);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(r.error,
            path + ":2: not an integrated-care listing (no record number followed by \"|\")");
}

TEST(ListingReaderTest, EmptyInputFails) {
  ReadResult r = read_text("");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "mem.txt:1: empty input");
  ReadResult blank = read_text("\n\r\n  \n");
  EXPECT_FALSE(blank.ok);
  EXPECT_EQ(blank.error, "mem.txt:1: empty input");
}

TEST(ListingReaderTest, CrlfAndBomFromFile) {
  const std::string path = kData + "crlf_bom.txt";
  ASSERT_NE(slurp(path).find("\r\n"), std::string::npos) << "line endings were normalised";
  ReadResult r = read_file(path);
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.stats.warnings.empty());
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.number, 1);
  EXPECT_EQ(rec.title, "A short title");
  EXPECT_TRUE(rec.open_access);  // "Open\r" still counts
  EXPECT_EQ(rec.abstract, "An abstract.");
  EXPECT_EQ(rec.received, (Date{2020, 1, 2}));
  ASSERT_EQ(rec.authors.size(), 2u);
  EXPECT_EQ(rec.authors[0].full_name, "John Smith");
  EXPECT_EQ(rec.authors[0].affiliations, (std::vector<std::string>{"University A"}));
  EXPECT_EQ(rec.authors[1].affiliations, (std::vector<std::string>{"University B"}));
}

TEST(ListingReaderTest, CrlfSampleReadsLikeTheOriginal) {
  std::string text = "\xEF\xBB\xBF";
  std::istringstream lines(slurp(kSample));
  for (std::string line; std::getline(lines, line);) text += line + "\r\n";
  ReadResult crlf = read_text(text);
  ReadResult lf = read_file(kSample);
  ASSERT_EQ(crlf.records.size(), 15u);
  EXPECT_TRUE(crlf.stats.warnings.empty());
  for (std::size_t i = 0; i < 15; ++i) {
    EXPECT_EQ(crlf.records[i].title, lf.records[i].title);
    EXPECT_EQ(crlf.records[i].abstract, lf.records[i].abstract);
    EXPECT_EQ(crlf.records[i].authors.size(), lf.records[i].authors.size());
    EXPECT_EQ(crlf.records[i].open_access, lf.records[i].open_access);
  }
}

// Every prefix of the sample is a truncated file: it must never crash, never produce more
// than the records it holds, and the record cut mid-citation must be reported.
TEST(ListingReaderTest, EveryTruncationOfTheSampleIsHandled) {
  const std::string text = slurp(kSample);
  for (std::size_t cut = 0; cut < text.size(); cut += 37) {
    ReadResult r = read_text(text.substr(0, cut));
    EXPECT_LE(r.records.size() + r.stats.records_skipped, 15u) << cut;
    for (const Record& rec : r.records) EXPECT_FALSE(rec.title.empty()) << cut;
  }
}

TEST(ListingReaderTest, RandomGarbageNeverCrashes) {
  std::mt19937 rng(42);
  const std::string alphabet = "0123456789|[]:;.?- \n\rAbstractCollapseDOI:PMID:\xC3\xB8\xEF";
  for (int round = 0; round < 200; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 600);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    ReadResult r = read_text(text);
    EXPECT_EQ(r.stats.records_read, r.records.size());
  }
}

// ---------------------------------------------------------------- citation lines

Record parse_ok(const std::string& line) {
  Record r;
  std::string error;
  std::vector<std::string> warnings;
  EXPECT_TRUE(parse_listing_citation(line, r, &error, &warnings)) << error;
  EXPECT_TRUE(warnings.empty());
  return r;
}

TEST(ListingCitationTest, FourDigitVolumeIsNotTakenForTheYear) {
  Record r = parse_ok("Smith J. A title. Some Journal 2019; 1234:5-9. [PMID: 1]");
  EXPECT_EQ(r.journal, "Some Journal");
  EXPECT_EQ(r.year, 2019);
  EXPECT_EQ(r.volume, "1234");
  EXPECT_EQ(r.pages, "5-9");
}

TEST(ListingCitationTest, BracketsInsideTheTitleAreKept) {
  Record r = parse_ok(
      "Müller K, van der Berg J, Smith J, et al. [Care in Germany]. Gesundheitswesen 2020; 82. "
      "[DOI: 10.1/y]");
  EXPECT_EQ(r.title, "[Care in Germany]");
  EXPECT_EQ(r.volume, "82");
  EXPECT_EQ(r.pages, "");
  ASSERT_EQ(r.authors.size(), 3u);
  EXPECT_EQ(r.authors[0].surname, "Müller");
  EXPECT_EQ(r.authors[1].surname, "van der Berg");
  EXPECT_EQ(r.authors[1].initials, "J");
}

TEST(ListingCitationTest, TitleFirstSentenceIsNotMistakenForAuthors) {
  Record r = parse_ok("Care in the NHS. A review of plans. Health J 2021. [DOI: 10.1/z]");
  EXPECT_TRUE(r.authors.empty());
  EXPECT_EQ(r.title, "Care in the NHS. A review of plans");
  EXPECT_EQ(r.journal, "Health J");
}

TEST(ListingCitationTest, UpperCaseInitialsForm) {
  Record r = parse_ok("FENG XL, CROSS-SUDWORTH F. A title. BMJ 2021. [PMID: 3]");
  ASSERT_EQ(r.authors.size(), 2u);
  EXPECT_EQ(r.authors[0].surname, "FENG");
  EXPECT_EQ(r.authors[0].initials, "XL");
  EXPECT_EQ(r.authors[0].given, "");
  EXPECT_EQ(r.authors[1].surname, "CROSS-SUDWORTH");
}

TEST(ListingCitationTest, NoBracketPartIsAnError) {
  Record r;
  std::string error;
  EXPECT_FALSE(parse_listing_citation("Smith J. A title. BMJ 2020; 1:2.", r, &error, nullptr));
  EXPECT_EQ(error, "citation line has no \"[PMID: ...]\" or \"[DOI: ...]\" part");
}

// ---------------------------------------------------------------- detection

TEST(LooksLikeListingTest, AcceptsTheSampleHead) {
  const std::string text = slurp(kSample);
  EXPECT_TRUE(looks_like_listing(text.substr(0, 512)));  // cut inside the citation line
  EXPECT_TRUE(looks_like_listing(text.substr(0, 4096)));
  EXPECT_TRUE(looks_like_listing("\xEF\xBB\xBF\r\n12\r\n|\r\n"));
}

TEST(LooksLikeListingTest, RejectsOtherInputs) {
  EXPECT_FALSE(looks_like_listing(""));
  EXPECT_FALSE(looks_like_listing("PMID- 123\nTI  - A title\n"));
  EXPECT_FALSE(looks_like_listing("FN Clarivate Analytics Web of Science\nVR 1.0\n"));
  EXPECT_FALSE(looks_like_listing("1\nfoo\n"));
  EXPECT_FALSE(looks_like_listing("1\n"));
  EXPECT_FALSE(looks_like_listing("1\n|\nA line without identifiers.\n"));
  EXPECT_FALSE(looks_like_listing(slurp(kData + "not_a_listing.txt")));
}

}  // namespace
}  // namespace citenet
