#include "formats/scopus_csv_reader.h"

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
const std::string kScopus = kCorpora + "scopus/litstudy-scopus.csv";

using testing_support::ReadResult;
using testing_support::slurp;

ReadResult read_text(const std::string& text, const std::string& source = "mem.csv") {
  return testing_support::read_text(read_scopus_csv, text, source);
}

ReadResult read_file(const std::string& path) {
  return testing_support::read_file(read_scopus_csv, path);
}

// The newer export: "; "-separated authors, full names with ids.
const std::string kNewHeader =
    "Authors,Author full names,Author(s) ID,Title,Year,Source title,Volume,Issue,Art. No.,"
    "Page start,Page end,Cited by,DOI,Affiliations,Authors with affiliations,Abstract,"
    "Author Keywords,Index Keywords,References,Document Type,Language of Original Document,"
    "PubMed ID,Open Access,EID\n";
const std::string kNewRow =
    "\"Smith, J.M.; Doe, J.\",\"Smith, John Michael (12345678); Doe, J. (23456789)\","
    "\"12345678; 23456789\",\"A title, with a comma\",2023,Journal of Tests,5,2,,10,20,3,"
    "https://doi.org/10.1000/XYZ,\"Univ X, City, UK; Univ Y, Town, USA\","
    "\"Smith, J.M., Univ X, City, UK, Univ Y, Town, USA; Doe, J., Univ Y, Town, USA\","
    "\"An \"\"abstract\"\"\nover two lines.\",\"graphs; networks\",\"Graph theory\","
    "\"Roe R., Ref one (2001); Poe P., Ref two (2002)\",Article,English,123,"
    "\"All Open Access, Gold\",2-s2.0-1\n";

// ---------------------------------------------------------------- the real file

class ScopusCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { result_ = new ReadResult(read_file(kScopus)); }
  static void TearDownTestSuite() { delete result_; }
  static ReadResult* result_;
};
ReadResult* ScopusCorpusTest::result_ = nullptr;

TEST_F(ScopusCorpusTest, ReadsAllRecordsCleanly) {
  EXPECT_TRUE(result_->ok) << result_->error;
  ASSERT_EQ(result_->records.size(), 58u);
  EXPECT_EQ(result_->stats.records_read, 58u);
  EXPECT_EQ(result_->stats.records_skipped, 0u);
  EXPECT_TRUE(result_->stats.warnings.empty()) << result_->warnings().front();
  std::size_t authors = 0;
  std::size_t affiliations = 0;
  for (const Record& r : result_->records) {
    EXPECT_EQ(r.format, "scopus");
    EXPECT_EQ(r.source, kScopus);
    // Every row's columns land where the header says, rows with an extra funding column too.
    EXPECT_TRUE(r.database_id.starts_with("2-s2.0-")) << r.line << " " << r.database_id;
    EXPECT_EQ(r.language, "English") << r.line;
    authors += r.authors.size();
    for (const Author& a : r.authors) {
      EXPECT_FALSE(a.affiliations.empty()) << r.line << " " << a.as_printed;
      EXPECT_FALSE(a.scopus_id.empty()) << r.line << " " << a.as_printed;
      affiliations += a.affiliations.size();
    }
  }
  EXPECT_EQ(authors, 213u);
  EXPECT_EQ(affiliations, 249u);
}

TEST_F(ScopusCorpusTest, AddressTotals) {
  // Every entry of every row's "Affiliations" is some author's through "Authors with
  // affiliations", and the rows without authors list none: nothing is left to the records.
  std::size_t total = 0;
  for (const Record& r : result_->records) {
    for (const Author& a : r.authors) total += a.affiliations.size();
    total += r.addresses.size();
    EXPECT_TRUE(r.addresses.empty()) << r.line;
  }
  EXPECT_EQ(total, 249u);
}

TEST_F(ScopusCorpusTest, FirstRecord) {
  const Record& r = result_->records.front();
  EXPECT_EQ(r.line, 2u);
  EXPECT_EQ(r.title, "Scalable molecular dynamics with NAMD");
  EXPECT_EQ(r.journal, "Journal of Computational Chemistry");
  EXPECT_EQ(r.year, 2005);
  EXPECT_EQ(r.published, (Date{2005, 0, 0}));
  EXPECT_EQ(r.volume, "26");
  EXPECT_EQ(r.issue, "16");
  EXPECT_EQ(r.pages, "1781-1802");
  EXPECT_EQ(r.doi, "10.1002/jcc.20289");
  EXPECT_EQ(r.pmid, "");
  EXPECT_EQ(r.database_id, "2-s2.0-27344436659");
  EXPECT_EQ(r.citations, 13169);
  EXPECT_EQ(r.document_type, "Review");
  EXPECT_TRUE(r.open_access);
  EXPECT_TRUE(r.abstract.starts_with("NAMD is a parallel molecular dynamics code"));
  ASSERT_EQ(r.keywords.size(), 13u);
  EXPECT_EQ(r.keywords[0].text, "Biomolecular simulation");
  EXPECT_EQ(r.keywords[0].origin, KeywordOrigin::author);
  EXPECT_EQ(r.keywords[3].text, "Algorithms");
  EXPECT_EQ(r.keywords[3].origin, KeywordOrigin::index_term);
  ASSERT_EQ(r.cited_references.size(), 158u);
  EXPECT_EQ(r.cited_references[0],
            "Kalé, L., Skeel, R., Bhandarkar, M., Brunner, R., Gursoy, A., Krawetz, N., "
            "Phillips, J., Schulten, K., (1999) J Comp Phys, 151, p. 283");
  ASSERT_EQ(r.authors.size(), 10u);
  const Author& a = r.authors[0];
  EXPECT_EQ(a.as_printed, "Phillips J.C.");
  EXPECT_EQ(a.surname, "Phillips");
  EXPECT_EQ(a.initials, "JC");
  EXPECT_EQ(a.given, "");  // this export has no "Author full names"
  EXPECT_EQ(a.full_name, "");
  EXPECT_EQ(a.scopus_id, "57202138757");
  EXPECT_EQ(a.affiliations,
            (std::vector<std::string>{"Beckman Institute, University of Illinois at "
                                      "Urbana-Champaign, Urbana, IL 61801, United States"}));
  EXPECT_EQ(r.authors[6].affiliations,
            (std::vector<std::string>{"UMR CNRS/UHP 7565, Université Henri Poincaré, 54506 "
                                      "Vandaeuvre-les-Nancy, Cedex, France"}));
  EXPECT_EQ(r.authors[8].as_printed, "Kalé L.");
  EXPECT_EQ(r.authors[9].scopus_id, "7102415947");
}

TEST_F(ScopusCorpusTest, RowWithAnExtraFundingColumnAndTwoAffiliationsPerAuthor) {
  const Record& r = result_->records.at(2);
  EXPECT_EQ(r.line, 4u);
  EXPECT_EQ(r.journal, "Scientific Reports");
  EXPECT_EQ(r.pages, "1135");  // Art. No.
  EXPECT_EQ(r.pmid, "35064163");
  EXPECT_EQ(r.database_id, "2-s2.0-85123480963");
  EXPECT_EQ(r.document_type, "Article");
  ASSERT_EQ(r.cited_references.size(), 42u);
  EXPECT_EQ(r.cited_references[0],
            "Edelstein-Keshet, L., (2005) Mathematical Models in Biology, , SIAM");
  ASSERT_EQ(r.authors.size(), 6u);
  EXPECT_EQ(r.authors[2].affiliations,
            (std::vector<std::string>{
                "Department of Biosensors and Processing of Biomedical Signals, Silesian "
                "University of Technology, Roosevelta 40, Zabrze, 41-800, Poland",
                "Department of Systems Biology and Engineering, Silesian University of "
                "Technology, Akademicka 16, Gliwice, 44-100, Poland"}));
}

TEST_F(ScopusCorpusTest, LastRecordHasNoAuthors) {
  const Record& r = result_->records.back();
  EXPECT_EQ(r.line, 62u);  // the second row's embedded line break and others push it down
  EXPECT_EQ(r.title,
            "Proceedings - 1999 International Conference on Information Intelligence and "
            "Systems, ICIIS 1999");
  EXPECT_EQ(r.journal, r.title);
  EXPECT_EQ(r.year, 1999);
  EXPECT_EQ(r.volume, "");
  EXPECT_EQ(r.pages, "");
  EXPECT_EQ(r.doi, "");
  EXPECT_FALSE(r.citations.has_value());
  EXPECT_EQ(r.database_id, "2-s2.0-85040521543");
  EXPECT_EQ(r.document_type, "Conference Review");
  EXPECT_TRUE(r.authors.empty());  // "[No author name available]"
  EXPECT_TRUE(r.keywords.empty());
  EXPECT_TRUE(r.cited_references.empty());
  EXPECT_FALSE(r.open_access);
  EXPECT_TRUE(r.abstract.starts_with("The proceedings contain 96 papers."));
}

// ---------------------------------------------------------------- the newer export

TEST(ScopusCsvReaderTest, NewerExportWithFullNames) {
  const ReadResult r = read_text("\xEF\xBB\xBF" + kNewHeader + kNewRow);
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.stats.warnings.empty()) << r.warnings().front();
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.line, 2u);
  EXPECT_EQ(rec.title, "A title, with a comma");
  EXPECT_EQ(rec.pages, "10-20");
  EXPECT_EQ(rec.doi, "10.1000/xyz");
  EXPECT_EQ(rec.pmid, "123");
  EXPECT_EQ(rec.citations, 3);
  EXPECT_EQ(rec.abstract, "An \"abstract\"\nover two lines.");
  EXPECT_EQ(rec.cited_references,
            (std::vector<std::string>{"Roe R., Ref one (2001)", "Poe P., Ref two (2002)"}));
  ASSERT_EQ(rec.keywords.size(), 3u);
  EXPECT_EQ(rec.keywords[2].text, "Graph theory");
  EXPECT_EQ(rec.keywords[2].origin, KeywordOrigin::index_term);
  ASSERT_EQ(rec.authors.size(), 2u);
  const Author& smith = rec.authors[0];
  EXPECT_EQ(smith.as_printed, "Smith, J.M.");
  EXPECT_EQ(smith.surname, "Smith");
  EXPECT_EQ(smith.initials, "JM");
  EXPECT_EQ(smith.given, "John Michael");
  EXPECT_EQ(smith.full_name, "John Michael Smith");
  EXPECT_EQ(smith.scopus_id, "12345678");
  EXPECT_EQ(smith.affiliations,
            (std::vector<std::string>{"Univ X, City, UK", "Univ Y, Town, USA"}));
  const Author& doe = rec.authors[1];
  EXPECT_EQ(doe.given, "");  // "Doe, J." is only an initial
  EXPECT_EQ(doe.scopus_id, "23456789");
  EXPECT_EQ(doe.affiliations, (std::vector<std::string>{"Univ Y, Town, USA"}));
  EXPECT_TRUE(rec.addresses.empty());  // both affiliations are an author's
}

TEST(ScopusCsvReaderTest, AffiliationsNoAuthorWasGivenAreTheRecords) {
  const std::string header = "Authors,Title,Affiliations,Authors with affiliations,EID\n";
  const ReadResult r = read_text(
      header +
      // Univ Z is in "Affiliations" only; Univ X twice.
      "\"Smith J.M., Doe J.\",T1,\"Univ X, City, UK; Univ Z, Place, FR; Univ X, City, UK; "
      "Univ Y, Town, USA\",\"Smith, J.M., Univ X, City, UK; Doe, J., Univ Y, Town, USA\",2-s2.0-1\n"
      // No "Authors with affiliations": every affiliation is the record's.
      "\"Smith J.M., Doe J.\",T2,\"Univ X, City, UK; Univ Y, Town, USA\",,2-s2.0-2\n"
      // No authors at all.
      "[No author name available],T3,\"Univ X, City, UK\",,2-s2.0-3\n"
      // An author's text the list cannot split still holds the affiliation: not repeated.
      "\"Smith J.M.\",T4,\"Univ X, City, UK\",\"Smith, J.M., Dept A, Univ X, City, UK\","
      "2-s2.0-4\n");
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[0].authors[0].affiliations, (std::vector<std::string>{"Univ X, City, UK"}));
  EXPECT_EQ(r.records[0].addresses, (std::vector<std::string>{"Univ Z, Place, FR"}));
  EXPECT_TRUE(r.records[1].authors[0].affiliations.empty());
  EXPECT_EQ(r.records[1].addresses,
            (std::vector<std::string>{"Univ X, City, UK", "Univ Y, Town, USA"}));
  EXPECT_TRUE(r.records[2].authors.empty());
  EXPECT_EQ(r.records[2].addresses, (std::vector<std::string>{"Univ X, City, UK"}));
  EXPECT_EQ(r.records[3].authors[0].affiliations,
            (std::vector<std::string>{"Dept A, Univ X, City, UK"}));
  EXPECT_TRUE(r.records[3].addresses.empty());
}

TEST(ScopusCsvReaderTest, SingleAuthorInTheNewerFormIsOneAuthor) {
  const ReadResult r = read_text(
      "Authors,Title,EID\n\"Murata, T.\",Petri nets,2-s2.0-2\n\"Murata T., Lee K.\",T2,2-s2.0-3\n");
  ASSERT_EQ(r.records.size(), 2u);
  ASSERT_EQ(r.records[0].authors.size(), 1u);
  EXPECT_EQ(r.records[0].authors[0].surname, "Murata");
  EXPECT_EQ(r.records[0].authors[0].initials, "T");
  ASSERT_EQ(r.records[1].authors.size(), 2u);
  EXPECT_EQ(r.records[1].authors[1].as_printed, "Lee K.");
}

TEST(ScopusCsvReaderTest, ColumnsAreFoundByNameInAnyOrder) {
  const ReadResult r =
      read_text("EID,Year,Title,Authors\r\n2-s2.0-9,2001,Reordered,\"Kim S.\"\r\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].title, "Reordered");
  EXPECT_EQ(r.records[0].year, 2001);
  EXPECT_EQ(r.records[0].database_id, "2-s2.0-9");
  EXPECT_EQ(r.records[0].authors.at(0).surname, "Kim");
}

// ---------------------------------------------------------------- bad and odd input

TEST(ScopusCsvReaderTest, RowWithoutTitleIsSkipped) {
  const ReadResult r = read_text(
      "Authors,Title,Year,EID\n\"A B.\",One,2001,e1\n\"C D.\",,2002,e2\n"
      "\"E F.\",Three,20x1,e3\n");
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.records[1].year, 0);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{
                              "mem.csv:3: record 2: no title",
                              "mem.csv:4: record 3: bad Year value \"20x1\", left unknown"}));
}

TEST(ScopusCsvReaderTest, TruncatedRowsAreSkipped) {
  const ReadResult cut_row = read_text("Authors,Title,Year,EID\n\"A B.\",One,2001,e1\n\"C D.\",Tw");
  EXPECT_EQ(cut_row.records.size(), 1u);
  EXPECT_EQ(cut_row.warnings(),
            (std::vector<std::string>{"mem.csv:3: record 2: row has 2 of the header's 4 columns"}));
  const ReadResult cut_quote = read_text("Authors,Title,Year,EID\n\"A B.\",One,2001,e1\n\"C D");
  EXPECT_EQ(cut_quote.records.size(), 1u);
  EXPECT_EQ(cut_quote.stats.records_skipped, 1u);
  EXPECT_EQ(cut_quote.warnings(),
            (std::vector<std::string>{"mem.csv:3: record 2: unterminated quoted field"}));
}

TEST(ScopusCsvReaderTest, NotScopusFails) {
  const ReadResult r = read_text("\n\nname,age\nBob,3\n");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "mem.csv:3: not a Scopus CSV export (no \"Title\" column in the header)");
  const ReadResult empty = read_text("");
  EXPECT_FALSE(empty.ok);
  EXPECT_EQ(empty.error, "mem.csv:1: empty input");
}

TEST(ScopusCsvReaderTest, CrlfFileReadsLikeTheOriginal) {
  std::string crlf;
  for (char c : slurp(kScopus)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const ReadResult a = read_text(crlf);
  const ReadResult b = read_file(kScopus);
  ASSERT_EQ(a.records.size(), 58u);
  EXPECT_TRUE(a.stats.warnings.empty());
  for (std::size_t i = 0; i < 58; ++i) {
    EXPECT_EQ(a.records[i].title, b.records[i].title);
    EXPECT_EQ(a.records[i].authors.size(), b.records[i].authors.size());
    EXPECT_EQ(a.records[i].database_id, b.records[i].database_id);
    EXPECT_EQ(a.records[i].line, b.records[i].line);
  }
}

// A cut inside a row's last, unquoted cell cannot be told from a file without a final line
// break, so only the records before the last one are checked whole.
TEST(ScopusCsvReaderTest, EveryTruncationOfTheRealFileIsHandled) {
  const std::string text = slurp(kScopus);
  for (std::size_t cut = 0; cut < text.size(); cut += 4999) {
    const ReadResult r = read_text(text.substr(0, cut));
    EXPECT_LE(r.records.size() + r.stats.records_skipped, 58u) << cut;
    EXPECT_LE(r.stats.records_skipped, 1u) << cut;
    for (std::size_t i = 0; i + 1 < r.records.size(); ++i) {
      EXPECT_TRUE(r.records[i].database_id.starts_with("2-s2.0-")) << cut;
    }
  }
}

TEST(ScopusCsvReaderTest, RandomGarbageNeverCrashes) {
  std::mt19937 rng(5);
  const std::string alphabet = "Title,EID\"\n\r;ab \xEF\xBB\xBF\xC3";
  for (int round = 0; round < 300; ++round) {
    std::string text = "Authors,Title,EID\n";
    const int length = static_cast<int>(rng() % 300);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    const ReadResult r = read_text(text);
    EXPECT_EQ(r.stats.records_read, r.records.size());
    looks_like_scopus_csv(text);
  }
}

// ---------------------------------------------------------------- detection

TEST(LooksLikeScopusCsvTest, EveryCorpusFileOfItsFormatAndNoOther) {
  namespace fs = std::filesystem;
  std::size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpora)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".md") continue;
    const std::string head = slurp(entry.path().string()).substr(0, 8192);
    const bool is_scopus = entry.path().parent_path().filename() == "scopus";
    EXPECT_EQ(looks_like_scopus_csv(head), is_scopus) << entry.path();
    ++checked;
  }
  EXPECT_GE(checked, 20u);
}

TEST(LooksLikeScopusCsvTest, OtherHeads) {
  EXPECT_TRUE(looks_like_scopus_csv(kNewHeader));
  EXPECT_TRUE(looks_like_scopus_csv("\xEF\xBB\xBF\"Authors\",\"Title\",\"Year\",\"EID\"\r\n"));
  EXPECT_TRUE(looks_like_scopus_csv(slurp(kScopus).substr(0, 200)));  // cut in the header
  EXPECT_FALSE(looks_like_scopus_csv(""));
  EXPECT_FALSE(looks_like_scopus_csv("Just plain text, with a comma.\n"));
  EXPECT_FALSE(looks_like_scopus_csv("name,title,year\n"));
  EXPECT_FALSE(looks_like_scopus_csv("PT\tAU\tTI\tSO\n"));
}

}  // namespace
}  // namespace citenet
