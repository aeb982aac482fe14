#include "formats/ris_reader.h"

#include "tests/formats/reader_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace citenet {
namespace {

const std::string kCorpora = std::string(CITENET_TEST_DATA) + "/corpora/";
const std::string kRis = kCorpora + "ris/";

using testing_support::ReadResult;
using testing_support::slurp;

ReadResult read_text(const std::string& text, const std::string& source = "mem.ris") {
  return testing_support::read_text(read_ris, text, source);
}

ReadResult read_file(const std::string& path) { return testing_support::read_file(read_ris, path); }

std::vector<std::string> surnames(const Record& r) {
  std::vector<std::string> out;
  for (const Author& a : r.authors) out.push_back(a.surname);
  return out;
}

const std::string kGoodRecord = "TY  - JOUR\nTI  - A title\nAU  - Smith, John\nER  - \n";

// ---------------------------------------------------------------- the real corpora

struct CorpusFile {
  const char* name;
  std::size_t records;  // as counted in tests/data/corpora/SOURCES.md
};
constexpr CorpusFile kFiles[] = {
    {"litstudy-example.ris", 25},       {"rispy-example_bom.ris", 1},
    {"rispy-example_empty_tag.ris", 1}, {"rispy-example_full.ris", 2},
    {"rispy-example_multiline.ris", 3}, {"rispy-example_utf_chars.ris", 1}};

TEST(RisCorpusTest, EveryFileReadsWithItsRecordCountCleanly) {
  for (const CorpusFile& file : kFiles) {
    const std::string path = kRis + file.name;
    ReadResult r = read_file(path);
    EXPECT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.records.size(), file.records) << file.name;
    EXPECT_EQ(r.stats.records_read, file.records) << file.name;
    EXPECT_EQ(r.stats.records_skipped, 0u) << file.name;
    EXPECT_TRUE(r.stats.warnings.empty()) << file.name << ": " << r.warnings().front();
    for (const Record& rec : r.records) {
      EXPECT_EQ(rec.format, "ris");
      EXPECT_EQ(rec.source, path);
    }
  }
}

TEST(RisCorpusTest, NoFileHasAddresses) {
  // None of these files has an AD line: zero addresses, per author or per record.
  for (const CorpusFile& file : kFiles) {
    ReadResult r = read_file(kRis + file.name);
    std::size_t total = 0;
    for (const Record& rec : r.records) {
      for (const Author& a : rec.authors) total += a.affiliations.size();
      total += rec.addresses.size();
    }
    EXPECT_EQ(total, 0u) << file.name;
  }
}

// IEEE Xplore's export: CRLF, "\rTY" at record starts, "G. Kalbe" names, free-text Y1 dates.
TEST(RisCorpusTest, LitstudyFirstAndLast) {
  const std::string path = kRis + "litstudy-example.ris";
  ASSERT_NE(slurp(path).find("\r\n"), std::string::npos) << "line endings were normalised";
  ReadResult r = read_file(path);
  ASSERT_EQ(r.records.size(), 25u);
  const Record& first = r.records.front();
  EXPECT_EQ(first.line, 1u);
  EXPECT_EQ(first.document_type, "JOUR");
  EXPECT_EQ(first.title, "The European Approach to the Exascale Challenge");
  EXPECT_EQ(first.journal, "Computing in Science & Engineering");
  EXPECT_EQ(first.year, 2019);
  EXPECT_EQ(first.published, (Date{2019, 1, 1}));  // Y1 "1 Jan.-Feb. 2019"
  EXPECT_EQ(first.volume, "21");
  EXPECT_EQ(first.issue, "1");
  EXPECT_EQ(first.pages, "42-47");
  EXPECT_EQ(first.doi, "10.1109/mcse.2018.2884139");
  EXPECT_EQ(first.pmid, "");
  EXPECT_EQ(first.database_id, "");
  EXPECT_FALSE(first.citations.has_value());
  EXPECT_TRUE(first.cited_references.empty());
  EXPECT_TRUE(first.abstract.starts_with(
      "An integrated European exascale computing and data infrastructure"));
  // IEEE lists this author twice; the reader keeps what the record says.
  ASSERT_EQ(first.authors.size(), 2u);
  const Author& a = first.authors[0];
  EXPECT_EQ(a.as_printed, "G. Kalbe");
  EXPECT_EQ(a.surname, "Kalbe");
  EXPECT_EQ(a.initials, "G");
  EXPECT_EQ(a.given, "");
  EXPECT_EQ(a.full_name, "");
  EXPECT_TRUE(a.affiliations.empty());
  ASSERT_EQ(first.keywords.size(), 6u);
  EXPECT_EQ(first.keywords[0].text, "Exascale computing");
  EXPECT_EQ(first.keywords[0].origin, KeywordOrigin::author);

  const Record& last = r.records.back();
  EXPECT_EQ(last.line, 828u);
  EXPECT_EQ(last.document_type, "CONF");
  EXPECT_EQ(last.title,
            "Trends in High Performance Computing: Exascale Systems and Facilities Beyond the "
            "First Wave");
  EXPECT_EQ(last.journal,
            "2019 18th IEEE Intersociety Conference on Thermal and Thermomechanical Phenomena in "
            "Electronic Systems (ITherm)");
  EXPECT_EQ(last.year, 2019);
  EXPECT_EQ(last.published, (Date{2019, 5, 28}));  // Y1 "28-31 May 2019"
  EXPECT_EQ(last.volume, "");                      // "VL  - " is empty
  EXPECT_EQ(last.issue, "");
  EXPECT_EQ(last.pages, "167-176");
  EXPECT_EQ(last.doi, "10.1109/itherm.2019.8757229");
  EXPECT_TRUE(last.abstract.starts_with("The demand for computing at extreme scale continues"));
  EXPECT_EQ(surnames(last), (std::vector<std::string>{"Parnell", "Demetriou", "Kamath", "Zhang"}));
  EXPECT_EQ(last.authors[0].initials, "LA");
  ASSERT_EQ(last.keywords.size(), 4u);
  EXPECT_EQ(last.keywords[0].text, "Conferences");

  // "S. J. Ben Yoo": initials first, then a given name, then the surname.
  bool found = false;
  for (const Record& rec : r.records) {
    for (const Author& author : rec.authors) {
      if (author.as_printed != "S. J. Ben Yoo") continue;
      found = true;
      EXPECT_EQ(author.surname, "Yoo");
      EXPECT_EQ(author.given, "S. J. Ben");
      EXPECT_EQ(author.initials, "SJB");
    }
  }
  EXPECT_TRUE(found);
}

TEST(RisCorpusTest, BomFileWithOnlyADoi) {
  ReadResult r = read_file(kRis + "rispy-example_bom.ris");
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.line, 1u);
  EXPECT_EQ(rec.document_type, "JOUR");
  EXPECT_EQ(rec.doi, "10.1186/s40981-020-0316-0");
  EXPECT_EQ(rec.title, "");  // RIS has no required fields: a DOI alone is a reference
  EXPECT_TRUE(rec.authors.empty());
}

TEST(RisCorpusTest, EmptyTagsAndEmbaseForms) {
  ReadResult r = read_file(kRis + "rispy-example_empty_tag.ris");
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.title,
            "Outcome Measures After Shoulder Stabilization in the Athletic Population: A "
            "Systematic Review of Clinical and Patient-Reported Metrics");
  EXPECT_EQ(rec.journal, "Orthopaedic Journal of Sports Medicine");  // JF over JA
  EXPECT_EQ(rec.year, 2020);
  EXPECT_EQ(rec.published, (Date{2020, 0, 0}));  // "2020//"
  EXPECT_EQ(rec.volume, "8");
  EXPECT_EQ(rec.issue, "9");
  EXPECT_EQ(rec.pages, "");                        // "SP  -"
  EXPECT_EQ(rec.doi, "10.1177/2325967120950040");  // "http://dx.doi.org/" dropped
  EXPECT_EQ(rec.database_id, "2006713348");
  // N2 with an unindented continuation line.
  EXPECT_EQ(rec.abstract,
            "Background: Athletic endeavor can require the \"athletic shoulder\" to tolerate "
            "significant load through supraphysiological range and often under considerable "
            "repetition. Outcome measures are valuable when determining an athlete's safe return "
            "to sport...");
  ASSERT_EQ(rec.authors.size(), 1u);
  EXPECT_EQ(rec.authors[0].as_printed, "Fanning E.");
  EXPECT_EQ(rec.authors[0].surname, "Fanning");
  EXPECT_EQ(rec.authors[0].initials, "E");
  ASSERT_EQ(rec.keywords.size(), 3u);
  EXPECT_EQ(rec.keywords[0].text, "athlete");  // Embase's major-topic "*" dropped
}

TEST(RisCorpusTest, FullExampleFirstAndLast) {
  ReadResult r = read_file(kRis + "rispy-example_full.ris");
  ASSERT_EQ(r.records.size(), 2u);
  const Record& first = r.records[0];
  EXPECT_EQ(first.line, 2u);  // after the "1." record number
  EXPECT_EQ(first.title, "Title of reference");
  EXPECT_EQ(first.journal, "Lorem");
  EXPECT_EQ(first.year, 2014);
  EXPECT_EQ(first.volume, "9");
  EXPECT_EQ(first.issue, "3");
  EXPECT_EQ(first.pages, "e0815");
  EXPECT_EQ(first.database_id, "12345");
  EXPECT_TRUE(first.abstract.starts_with("BACKGROUND: Lorem ipsum dolor sit amet"));
  // A2 is an editor (Glattauer), not an author.
  ASSERT_EQ(first.authors.size(), 2u);
  EXPECT_EQ(first.authors[0].as_printed, "Marx, Karl");
  EXPECT_EQ(first.authors[0].surname, "Marx");
  EXPECT_EQ(first.authors[0].given, "Karl");
  EXPECT_EQ(first.authors[0].initials, "K");
  EXPECT_EQ(first.authors[0].full_name, "Karl Marx");
  EXPECT_EQ(first.authors[1].full_name, "Astrid Lindgren");
  ASSERT_EQ(first.keywords.size(), 3u);
  EXPECT_EQ(first.keywords[0].text, "Pippi");

  const Record& last = r.records[1];
  EXPECT_EQ(last.line, 27u);
  EXPECT_EQ(last.title, "The title of the reference");
  EXPECT_EQ(last.year, 2006);
  EXPECT_EQ(last.volume, "6");
  EXPECT_EQ(last.pages, "e0815341");
  EXPECT_EQ(last.authors.at(0).full_name, "Karlus Marxus");
  EXPECT_EQ(last.keywords.at(0).text, "Pippi Langstrumpf");
}

TEST(RisCorpusTest, MultilineValues) {
  ReadResult r = read_file(kRis + "rispy-example_multiline.ris");
  ASSERT_EQ(r.records.size(), 3u);
  // Indented, unindented and one-line forms all give the same abstract; "ER then ..." is text.
  for (const Record& rec : r.records) {
    EXPECT_EQ(rec.abstract, "first line, ER then second line and at the end the last line");
  }
  EXPECT_EQ(r.records[0].line, 1u);
  EXPECT_EQ(r.records[2].line, 17u);
}

TEST(RisCorpusTest, Utf8CharsAndCyrillic) {
  ReadResult r = read_file(kRis + "rispy-example_utf_chars.ris");
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.document_type, "Journal Article");  // not an RIS code, kept as written
  EXPECT_EQ(rec.journal, "Gynecology, Obstetrics and Perinatology");  // JO alone
  EXPECT_EQ(rec.volume, "8");                                         // VO
  EXPECT_EQ(rec.pages, "52-57");
  EXPECT_EQ(rec.year, 2009);
  // No TI: the short title (ST) stands in.
  EXPECT_TRUE(rec.title.starts_with("\xD0\xA1\xD0\xBE\xD1\x81\xD1\x82"));  // "Сост"
  ASSERT_EQ(rec.authors.size(), 5u);
  EXPECT_EQ(rec.authors[0].surname, "Dobrokhotova");
  EXPECT_EQ(rec.authors[0].given, "Yu E.");
  EXPECT_EQ(rec.authors[0].initials, "YE");
  EXPECT_EQ(rec.authors[0].full_name, "Yu E. Dobrokhotova");
  EXPECT_EQ(rec.authors[1].surname, "Yusupova");
  EXPECT_EQ(rec.authors[1].given, "");  // "R. O." are initials only
  EXPECT_EQ(rec.authors[1].initials, "RO");
  EXPECT_EQ(rec.authors[1].full_name, "");
}

// ---------------------------------------------------------------- fields, by hand

TEST(RisReaderTest, ScopusNotesGiveCitationsAndReferences) {
  ReadResult r = read_text(
      "TY  - JOUR\n"
      "AU  - Smith, J.M.\n"
      "AD  - University A, Town, Country\n"
      "T1  - A title\n"
      "T2  - Journal Full Name\n"
      "J2  - J. Abbr.\n"
      "PY  - 2019/03/05/\n"
      "SP  - 466-475\n"
      "EP  - 475\n"
      "UR  - https://www.scopus.com/inward/record.uri?eid=2-s2.0-85062&partnerID=40\n"
      "N1  - Cited By :12\n"
      "N1  - References: Jones, A., First (2010) J, 1, pp. 1-2;\n"
      "      Brown, B., Second (2011) K, 2;\n"
      "N1  - Export Date: 8 March 2021\n"
      "M3  - Review\n"
      "LA  - English\n"
      "ER  - \n");
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.journal, "Journal Full Name");  // T2 over J2
  EXPECT_EQ(rec.published, (Date{2019, 3, 5}));
  EXPECT_EQ(rec.year, 2019);
  EXPECT_EQ(rec.pages, "466-475");
  EXPECT_EQ(rec.database_id, "2-s2.0-85062");
  EXPECT_EQ(rec.citations, 12);
  EXPECT_EQ(rec.cited_references, (std::vector<std::string>{"Jones, A., First (2010) J, 1, pp. 1-2",
                                                            "Brown, B., Second (2011) K, 2"}));
  EXPECT_EQ(rec.document_type, "Review");  // M3 over the TY code
  EXPECT_EQ(rec.language, "English");
  ASSERT_EQ(rec.authors.size(), 1u);
  EXPECT_EQ(rec.authors[0].initials, "JM");
  EXPECT_EQ(rec.authors[0].given, "");
  // One author: the record's addresses are certainly theirs.
  EXPECT_EQ(rec.authors[0].affiliations, (std::vector<std::string>{"University A, Town, Country"}));
  EXPECT_TRUE(rec.addresses.empty());
}

TEST(RisReaderTest, AuthorsEditorsAndUntiedAddresses) {
  ReadResult r = read_text(
      "TY  - CHAP\n"
      "A1  - Smith, John Michael, Jr.\n"
      "AU  - Ludwig van Beethoven\n"
      "AU  - Li X\n"
      "A2  - Editor, Ed\n"
      "A3  - Series, Editor\n"
      "A4  - Translator, T.\n"
      "AD  - University A\n"
      "AD  - University B\n"
      "TI  - Chapter\n"
      "BT  - The Book\n"
      "DA  - 2020/07//\n"
      "PY  - 2020\n"
      "DO  - https://doi.org/10.1000/ABC\n"
      "AN  - 31234567\n"
      "DB  - PubMed\n"
      "C2  - PMC7654321\n"
      "KW  - alpha; beta\n"
      "ER  - \n");
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.title, "Chapter");
  EXPECT_EQ(rec.published, (Date{2020, 7, 0}));  // DA is more precise than PY
  EXPECT_EQ(rec.doi, "10.1000/abc");
  EXPECT_EQ(rec.pmid, "31234567");
  EXPECT_EQ(rec.database_id, "31234567");
  EXPECT_EQ(rec.pmcid, "PMC7654321");
  EXPECT_EQ(surnames(rec), (std::vector<std::string>{"Smith", "van Beethoven", "Li"}));
  EXPECT_EQ(rec.authors[0].given, "John Michael");
  EXPECT_EQ(rec.authors[0].full_name, "John Michael Smith");
  EXPECT_EQ(rec.authors[0].initials, "JM");
  EXPECT_EQ(rec.authors[1].given, "Ludwig");
  EXPECT_EQ(rec.authors[2].initials, "X");
  // Several authors, addresses not tied to any of them: none is guessed; they are the
  // record's.
  for (const Author& a : rec.authors) EXPECT_TRUE(a.affiliations.empty());
  EXPECT_EQ(rec.addresses, (std::vector<std::string>{"University A", "University B"}));
  ASSERT_EQ(rec.keywords.size(), 2u);
  EXPECT_EQ(rec.keywords[1].text, "beta");
}

TEST(RisReaderTest, RecordAddressesAreTrimmedOnceEachInOrder) {
  ReadResult r = read_text(
      "TY  - JOUR\nTI  - Two authors\nAU  - Smith, J\nAU  - Doe, J\n"
      "AD  - University B\nAD  - University A,\n  Town\nAD  -\nAD  - University B\nER  - \n"
      "TY  - JOUR\nTI  - No author\nAD  - University C\nER  - \n"
      "TY  - JOUR\nTI  - One author\nAU  - Smith, J\nAD  - University D\nER  - \n");
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].addresses,
            (std::vector<std::string>{"University B", "University A, Town"}));
  EXPECT_EQ(r.records[1].addresses, (std::vector<std::string>{"University C"}));
  EXPECT_EQ(r.records[2].authors[0].affiliations, (std::vector<std::string>{"University D"}));
  EXPECT_TRUE(r.records[2].addresses.empty());
}

// ---------------------------------------------------------------- bad and odd input

TEST(RisReaderTest, RecordWithoutTypeLineIsSkipped) {
  ReadResult r = read_text(kGoodRecord + "\nTI  - Orphan\nAU  - Doe, J\nER  - \n\n" + kGoodRecord);
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].line, 10u);
  EXPECT_EQ(r.stats.records_read, 2u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{"mem.ris:6: record 2: no \"TY  - \" line"}));
}

TEST(RisReaderTest, EmptyRecordIsSkipped) {
  ReadResult r = read_text("TY  - JOUR\nER  - \n" + kGoodRecord);
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{"mem.ris:1: record 1: empty record"}));
}

TEST(RisReaderTest, MissingEndLineBeforeNextTypeKeepsTheRecordWithAWarning) {
  ReadResult r = read_text("TY  - JOUR\nTI  - First\n" + kGoodRecord);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].title, "First");
  EXPECT_EQ(r.stats.records_skipped, 0u);
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{
                "mem.ris:1: record 1: no \"ER  - \" line before the next \"TY  - \""}));
}

TEST(RisReaderTest, InputEndingInsideARecordSkipsIt) {
  ReadResult r = read_text(kGoodRecord + "TY  - JOUR\nTI  - Cut in the mid");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(
      r.warnings(),
      (std::vector<std::string>{"mem.ris:5: record 2: input ends before its \"ER  - \" line"}));
}

TEST(RisReaderTest, FieldsBeforeTheFirstTypeLineWarnOnce) {
  ReadResult r = read_text("Provider: Somebody\nAU  - Lost, A\nTI  - Lost\n\n" + kGoodRecord);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(
      r.warnings(),
      (std::vector<std::string>{"mem.ris:2: fields before the first \"TY  - \" line, ignored"}));
}

TEST(RisReaderTest, SingleSpaceTagsAndNonRisFails) {
  ReadResult one_space = read_text("TY - JOUR\nTI - Title\nER -\n");
  ASSERT_EQ(one_space.records.size(), 1u);
  EXPECT_EQ(one_space.records[0].title, "Title");

  ReadResult medline = read_text("PMID- 1\nTI  - A MEDLINE record\nAU  - Smith J\n");
  EXPECT_FALSE(medline.ok);
  EXPECT_TRUE(medline.stats.warnings.empty());
  EXPECT_EQ(medline.error, "mem.ris:1: not a RIS file (no \"TY  - \" line)");
}

TEST(RisReaderTest, EmptyInputFails) {
  ReadResult r = read_text("");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "mem.ris:1: empty input");
}

TEST(RisReaderTest, CrlfAndBomReadLikeTheOriginal) {
  const std::string path = kRis + "rispy-example_full.ris";
  std::string text = "\xEF\xBB\xBF";
  std::istringstream lines(slurp(path));
  for (std::string line; std::getline(lines, line);) text += line + "\r\n";
  ReadResult crlf = read_text(text);
  ReadResult lf = read_file(path);
  ASSERT_EQ(crlf.records.size(), 2u);
  EXPECT_TRUE(crlf.stats.warnings.empty());
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(crlf.records[i].title, lf.records[i].title);
    EXPECT_EQ(crlf.records[i].abstract, lf.records[i].abstract);
    EXPECT_EQ(crlf.records[i].pages, lf.records[i].pages);
    EXPECT_EQ(surnames(crlf.records[i]), surnames(lf.records[i]));
  }
}

TEST(RisReaderTest, InvalidUtf8IsLeftAsItIs) {
  ReadResult r = read_text("TY  - JOUR\nTI  - Caf\xC3 \xFF\nAU  - \xE9, \xF6\nER  - \n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].title, "Caf\xC3 \xFF");
  EXPECT_EQ(r.records[0].authors.at(0).surname, "\xE9");
}

// Every prefix of a real file is a truncated file: never a crash, never more records than
// the file holds; a record cut before its ER line is reported, not handed on.
TEST(RisReaderTest, EveryTruncationIsHandled) {
  const std::string text = slurp(kRis + "litstudy-example.ris");
  for (std::size_t cut = 0; cut <= text.size(); cut += 53) {
    ReadResult r = read_text(text.substr(0, cut));
    EXPECT_LE(r.records.size() + r.stats.records_skipped, 25u) << cut;
    EXPECT_LE(r.stats.records_skipped, 1u) << cut;
    for (const Record& rec : r.records) EXPECT_FALSE(rec.title.empty()) << cut;
  }
}

TEST(RisReaderTest, RandomGarbageNeverCrashes) {
  std::mt19937 rng(11);
  const std::string alphabet = "TYERAUKW  - \n\r,.;/0123456789abc\xC3\xA9\xFF";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 800);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    ReadResult r = read_text(text);
    EXPECT_EQ(r.stats.records_read, r.records.size());
  }
}

// ---------------------------------------------------------------- detection

TEST(LooksLikeRisTest, EveryCorpusFileIsToldApart) {
  std::size_t ris_files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kCorpora)) {
    if (!entry.is_regular_file() || entry.path().filename() == "SOURCES.md") continue;
    const std::string head = slurp(entry.path().string()).substr(0, 8192);
    const bool is_ris = entry.path().parent_path().filename() == "ris";
    ris_files += is_ris ? 1 : 0;
    EXPECT_EQ(looks_like_ris(head), is_ris) << entry.path();
  }
  EXPECT_EQ(ris_files, 6u);
}

TEST(LooksLikeRisTest, HeadsCutAnywhereAndOddStarts) {
  const std::string text = slurp(kRis + "litstudy-example.ris");
  for (std::size_t cut : {6, 10, 100, 4096, 8192}) {
    EXPECT_TRUE(looks_like_ris(text.substr(0, cut))) << cut;
  }
  EXPECT_TRUE(looks_like_ris("\xEF\xBB\xBF\r\n1.\r\nTY  - JOUR\r\n"));
  EXPECT_TRUE(looks_like_ris("TY  -"));
  EXPECT_FALSE(looks_like_ris(""));
  EXPECT_FALSE(looks_like_ris("TY"));
  EXPECT_FALSE(looks_like_ris("Just some plain text.\nAnd more of it.\n"));
  EXPECT_FALSE(looks_like_ris("AU  - Smith, J\nTY  - JOUR\n"));  // the first field must be TY
  EXPECT_FALSE(looks_like_ris("PMID- 1\nTI  - A MEDLINE title\n"));
  EXPECT_FALSE(looks_like_ris("PT J\nAU Smith, J\nER\n"));
}

}  // namespace
}  // namespace citenet
