#include "formats/bibtex_reader.h"

#include "tests/formats/reader_test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace citenet {
namespace {

const std::string kCorpora = std::string(CITENET_TEST_DATA) + "/corpora/";
const std::string kScopus = kCorpora + "bibtex/pybibx-scopus_m.bib";
const std::string kWos = kCorpora + "bibtex/pybibx-wos_m.bib";

using testing_support::ReadResult;
using testing_support::slurp;

ReadResult read_text(const std::string& text, const std::string& source = "mem.bib") {
  return testing_support::read_text(read_bibtex, text, source);
}

ReadResult read_file(const std::string& path) {
  return testing_support::read_file(read_bibtex, path);
}

// ---------------------------------------------------------------- the real exports

class BibtexCorpusTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    scopus_ = new ReadResult(read_file(kScopus));
    wos_ = new ReadResult(read_file(kWos));
  }
  static void TearDownTestSuite() {
    delete scopus_;
    delete wos_;
  }
  static ReadResult* scopus_;
  static ReadResult* wos_;
};
ReadResult* BibtexCorpusTest::scopus_ = nullptr;
ReadResult* BibtexCorpusTest::wos_ = nullptr;

TEST_F(BibtexCorpusTest, ReadsEveryRecordCleanly) {
  for (const auto& [result, count] : {std::pair{scopus_, 24u}, std::pair{wos_, 29u}}) {
    EXPECT_TRUE(result->ok) << result->error;
    EXPECT_EQ(result->records.size(), count);
    EXPECT_EQ(result->stats.records_read, count);
    EXPECT_EQ(result->stats.records_skipped, 0u);
    EXPECT_TRUE(result->stats.warnings.empty()) << result->warnings().front();
    for (const Record& r : result->records) {
      EXPECT_EQ(r.format, "bibtex");
      EXPECT_FALSE(r.title.empty());
      EXPECT_FALSE(r.authors.empty()) << r.title;
      EXPECT_NE(r.year, 0) << r.title;
    }
  }
}

TEST_F(BibtexCorpusTest, AddressTotals) {
  struct Expected {
    const ReadResult* result;
    std::size_t total;       // per-author affiliations + record addresses
    std::size_t of_records;  // Record::addresses alone
    std::size_t records_with_addresses;
  };
  for (const Expected& e : {Expected{scopus_, 58, 37, 19}, Expected{wos_, 92, 10, 5}}) {
    std::size_t total = 0;
    std::size_t of_records = 0;
    std::size_t with = 0;
    for (const Record& r : e.result->records) {
      for (const Author& a : r.authors) total += a.affiliations.size();
      total += r.addresses.size();
      of_records += r.addresses.size();
      with += !r.addresses.empty();
      for (const std::string& address : r.addresses) {
        for (const Author& a : r.authors) {
          EXPECT_TRUE(std::find(a.affiliations.begin(), a.affiliations.end(), address) ==
                      a.affiliations.end())
              << address;
        }
      }
    }
    EXPECT_EQ(total, e.total) << e.result->records.front().source;
    EXPECT_EQ(of_records, e.of_records) << e.result->records.front().source;
    EXPECT_EQ(with, e.records_with_addresses) << e.result->records.front().source;
  }
}

TEST_F(BibtexCorpusTest, ScopusFirstRecord) {
  const Record& r = scopus_->records.front();
  EXPECT_EQ(r.source, kScopus);
  EXPECT_EQ(r.line, 4u);  // after the BOM, "Scopus" and the export date
  EXPECT_EQ(r.title,
            "Base-criterion on multi-criteria decision-making method and its applications");
  EXPECT_EQ(r.journal, "International Journal of Management Science and Engineering Management");
  EXPECT_EQ(r.year, 2020);
  EXPECT_EQ(r.volume, "15");
  EXPECT_EQ(r.issue, "2");
  EXPECT_EQ(r.pages, "79-88");  // printed "79 – 88"
  EXPECT_EQ(r.doi, "10.1080/17509653.2019.1633964");
  EXPECT_EQ(r.pmid, "");
  EXPECT_EQ(r.database_id, "2-s2.0-85083087417");  // from the record URL
  EXPECT_EQ(r.citations, 52);                      // note = {Cited by: 52}
  EXPECT_EQ(r.document_type, "Article");
  EXPECT_EQ(r.language, "English");
  EXPECT_EQ(r.published, (Date{2020, 0, 0}));
  EXPECT_FALSE(r.open_access);
  ASSERT_EQ(r.authors.size(), 3u);
  const Author& a = r.authors[0];
  EXPECT_EQ(a.as_printed, "Haseli, Gholamreza");
  EXPECT_EQ(a.surname, "Haseli");
  EXPECT_EQ(a.given, "Gholamreza");
  EXPECT_EQ(a.initials, "G");
  EXPECT_EQ(a.full_name, "Gholamreza Haseli");
  // The record-level affiliation list names no authors, so it stays off them ...
  EXPECT_TRUE(a.affiliations.empty());
  EXPECT_EQ(r.authors[2].full_name, "Shib Sankar Sana");
  EXPECT_EQ(r.authors[2].initials, "SS");
  // ... but the correspondence address names "S.S. Sana".
  EXPECT_EQ(r.authors[2].affiliations,
            (std::vector<std::string>{"Department of Mathematics, Kishore Bharati Bhagini "
                                      "Nivedita College, Kolkata, Ramkrishna Sarani, 700060, "
                                      "India"}));
  // The list is the record's; its second entry is printed otherwise than Sana's address,
  // so it is not recognised as his.
  EXPECT_EQ(r.addresses,
            (std::vector<std::string>{"Department of Management, School of Industrial Engineering "
                                      "and Management, Shahrood University of Technology, "
                                      "Shahrood, Iran",
                                      "Department of Mathematics, Kishore Bharati Bhagini "
                                      "Nivedita College, Kolkata, India"}));
  ASSERT_EQ(r.keywords.size(), 5u);
  EXPECT_EQ(r.keywords[0].text, "consistency ratio");
  EXPECT_EQ(r.keywords[0].origin, KeywordOrigin::author);
  EXPECT_TRUE(r.abstract.starts_with("In this paper, Base-criterion method (BCM) is proposed"));
  EXPECT_TRUE(r.cited_references.empty());  // this export has no references
}

TEST_F(BibtexCorpusTest, ScopusLastRecord) {
  const Record& r = scopus_->records.back();
  EXPECT_EQ(r.line, 556u);
  EXPECT_EQ(r.title,
            "Estimation of missing judgments in AHP pairwise matrices using a neural "
            "network-based model");
  EXPECT_EQ(r.journal, "Applied Mathematics and Computation");
  EXPECT_EQ(r.year, 2010);
  EXPECT_EQ(r.volume, "216");
  EXPECT_EQ(r.issue, "10");
  EXPECT_EQ(r.pages, "2959-2975");
  EXPECT_EQ(r.doi, "10.1016/j.amc.2010.04.009");
  EXPECT_EQ(r.database_id, "2-s2.0-77953231130");
  EXPECT_EQ(r.citations, 38);
  ASSERT_EQ(r.authors.size(), 3u);
  EXPECT_EQ(r.authors[2].surname, "Peláez");
  EXPECT_EQ(r.authors[2].given, "José Ignacio");
  EXPECT_EQ(r.authors[2].initials, "JI");
  EXPECT_EQ(r.authors[2].full_name, "José Ignacio Peláez");
  EXPECT_EQ(r.authors[0].affiliations,
            (std::vector<std::string>{"Department of Computer Science and Artificial "
                                      "Intelligence, University of Málaga, 29071 Málaga, "
                                      "Spain"}));
  EXPECT_TRUE(r.authors[1].affiliations.empty());
  // author_keywords first, then Scopus's index keywords (its "keywords" field).
  ASSERT_EQ(r.keywords.size(), 20u);
  EXPECT_EQ(r.keywords[0].text, "AHP");
  EXPECT_EQ(r.keywords[0].origin, KeywordOrigin::author);
  EXPECT_EQ(r.keywords[5].text, "Decision making");
  EXPECT_EQ(r.keywords[5].origin, KeywordOrigin::index_term);
  EXPECT_TRUE(r.abstract.starts_with("Selecting relevant features to make a decision"));
}

TEST_F(BibtexCorpusTest, ScopusQuirks) {
  const auto& recs = scopus_->records;
  // "Carmone Jr., Frank J.": the suffix is not part of the surname.
  const Author& carmone = recs[3].authors[0];
  EXPECT_EQ(carmone.as_printed, "Carmone Jr., Frank J.");
  EXPECT_EQ(carmone.surname, "Carmone");
  EXPECT_EQ(carmone.given, "Frank J.");
  EXPECT_EQ(carmone.initials, "FJ");
  EXPECT_EQ(carmone.full_name, "Frank J. Carmone Jr.");
  // A single author has the record's affiliations.
  EXPECT_EQ(recs[2].authors.size(), 1u);
  EXPECT_EQ(recs[2].authors[0].affiliations,
            (std::vector<std::string>{
                "Graduate School of Applied Informatics, University of Hyogo, Kobe, Japan"}));
  EXPECT_EQ(recs[2].document_type, "Conference paper");
  // "Cited by: 3; All Open Access, Gold Open Access, Green Open Access"
  EXPECT_EQ(recs[4].citations, 3);
  EXPECT_TRUE(recs[4].open_access);
  // A mononym, and a keyword with a TeX dash.
  EXPECT_EQ(recs[12].authors[2].surname, "Komarudin");
  EXPECT_EQ(recs[12].authors[2].given, "");
  EXPECT_EQ(recs[10].keywords[8].text, "Mathematical Techniques–Matrix Algebra");
}

TEST_F(BibtexCorpusTest, WosFirstRecord) {
  const Record& r = wos_->records.front();
  EXPECT_EQ(r.line, 2u);
  EXPECT_EQ(r.title,
            "Estimation of missing judgments in AHP pairwise matrices using a neural "
            "network-based model");  // a wrapped title, joined
  EXPECT_EQ(r.journal, "APPLIED MATHEMATICS AND COMPUTATION");
  EXPECT_EQ(r.year, 2010);
  EXPECT_EQ(r.volume, "216");
  EXPECT_EQ(r.issue, "10");
  EXPECT_EQ(r.pages, "2959-2975");
  EXPECT_EQ(r.doi, "10.1016/j.amc.2010.04.009");
  EXPECT_EQ(r.database_id, "WOS:000278542800018");
  EXPECT_EQ(r.citations, 29);
  EXPECT_EQ(r.published, (Date{2010, 7, 15}));  // Month = {JUL 15}
  EXPECT_EQ(r.document_type, "Article");
  ASSERT_EQ(r.authors.size(), 3u);
  const Author& a = r.authors[0];
  EXPECT_EQ(a.as_printed, "Antonio Gomez-Ruiz, Jose");  // as Web of Science prints it
  EXPECT_EQ(a.surname, "Antonio Gomez-Ruiz");
  EXPECT_EQ(a.given, "Jose");
  EXPECT_EQ(a.full_name, "Jose Antonio Gomez-Ruiz");
  // ORCID-Numbers names him "Gomez-Ruiz, Jose Antonio".
  EXPECT_EQ(a.orcid, "0000-0001-7469-8112");
  EXPECT_EQ(r.authors[2].orcid, "0000-0002-2606-3849");  // "Pelaez, Jose I"
  EXPECT_EQ(r.authors[1].orcid, "0000-0001-8848-3681");
  // The "Affiliation" lines name their authors; "\&" is folded.
  EXPECT_EQ(a.affiliations,
            (std::vector<std::string>{
                "Univ Malaga, Dept Comp Sci & Artificial Intelligence, E-29071 Malaga, Spain."}));
  EXPECT_EQ(r.authors[1].affiliations,
            (std::vector<std::string>{"Natl Technol Univ, Artificial Intelligence Res Grp, "
                                      "RA-3500 Resistencia, Argentina."}));
  EXPECT_EQ(r.authors[2].affiliations, a.affiliations);
  // Every line names its authors; "Affiliations = {Universidad de Malaga}" is Web of
  // Science's organisation name for them, not one more address.
  EXPECT_TRUE(r.addresses.empty());
  ASSERT_EQ(r.keywords.size(), 8u);
  EXPECT_EQ(r.keywords[0].text, "AHP");
  EXPECT_EQ(r.keywords[0].origin, KeywordOrigin::author);
  EXPECT_EQ(r.keywords[4].text, "Neural networks");  // across a line break
  EXPECT_EQ(r.keywords[5].text, "ANALYTIC HIERARCHY PROCESS");
  EXPECT_EQ(r.keywords[5].origin, KeywordOrigin::index_term);
  EXPECT_TRUE(r.abstract.starts_with(
      "Selecting relevant features to make a decision and expressing the relationships "
      "between these features"));
  ASSERT_EQ(r.cited_references.size(), 18u);
  EXPECT_EQ(r.cited_references[0],
            "ACZEL J, 1983, J MATH PSYCHOL, V27, P93, DOI 10.1016/0022-2496(83)90028-7.");
  EXPECT_EQ(r.cited_references[1], "[Anonymous], 2005, NEURAL NETWORKS COMP.");  // "{[}"
  EXPECT_EQ(r.cited_references[5],
            "CHEN Q, 2001, ENCY OPTIMIZATION, P567, DOI DOI 10.1007/0-306-48332-7_123.");
}

TEST_F(BibtexCorpusTest, WosLastRecord) {
  const Record& r = wos_->records.back();
  EXPECT_EQ(r.line, 2764u);
  EXPECT_EQ(r.title,
            "Logarithmic least squares prioritization and completion methods for interval "
            "fuzzy preference relations based on geometric transitivity");
  EXPECT_EQ(r.journal, "INFORMATION SCIENCES");
  EXPECT_EQ(r.year, 2014);
  EXPECT_EQ(r.volume, "289");
  EXPECT_EQ(r.issue, "");
  EXPECT_EQ(r.pages, "59-75");
  EXPECT_EQ(r.doi, "10.1016/j.ins.2014.08.009");
  EXPECT_EQ(r.database_id, "WOS:000343341500005");
  EXPECT_EQ(r.citations, 30);
  EXPECT_EQ(r.published, (Date{2014, 12, 24}));
  ASSERT_EQ(r.authors.size(), 2u);
  EXPECT_EQ(r.authors[0].full_name, "Zhou-Jing Wang");
  EXPECT_EQ(r.authors[0].initials, "ZJ");
  EXPECT_EQ(r.authors[0].orcid, "0000-0001-5778-5855");
  EXPECT_EQ(r.authors[1].orcid, "0000-0002-5960-9932");  // listed as "Chen, Yuangao"
  const std::vector<std::string> zufe = {
      "Zhejiang Univ Finance & Econ, Sch Informat, Hangzhou 310018, Zhejiang, Peoples R China."};
  EXPECT_EQ(r.authors[0].affiliations, zufe);
  EXPECT_EQ(r.authors[1].affiliations, zufe);
  ASSERT_EQ(r.keywords.size(), 15u);
  EXPECT_EQ(r.keywords[0].text, "Interval fuzzy preference relation");
  EXPECT_EQ(r.keywords[0].origin, KeywordOrigin::author);
  EXPECT_EQ(r.keywords[14].text, "ISSUES");
  EXPECT_EQ(r.keywords[14].origin, KeywordOrigin::index_term);
  EXPECT_TRUE(r.abstract.starts_with("This article introduces the notion of geometric"));
  EXPECT_TRUE(r.abstract.ends_with("(C) 2014 Elsevier Inc. All rights reserved."));
  ASSERT_EQ(r.cited_references.size(), 35u);
  EXPECT_EQ(r.cited_references[0],
            "Aguaron J, 2003, EUR J OPER RES, V147, P137, DOI 10.1016/S0377-2217(02)00255-2.");
}

TEST_F(BibtexCorpusTest, WosQuirks) {
  const auto& recs = wos_->records;
  // The corresponding-author line "Hu, YC (Corresponding Author), ..." names Hu; the other
  // address lines name nobody and stay off both authors.
  EXPECT_EQ(recs[1].authors[0].affiliations,
            (std::vector<std::string>{"Chung Yuan Christian Univ, Dept Business Adm, Chungli "
                                      "320, Taiwan."}));
  EXPECT_TRUE(recs[1].authors[1].affiliations.empty());
  // They are the record's, but for the one Hu has.
  EXPECT_EQ(recs[1].addresses,
            (std::vector<std::string>{
                "Natl Taipei Univ Technol, Dept Business Management, Taipei 106, Taiwan."}));
  // Old records: initials only ("Carmone, FJ"), and no names on the address lines.
  const Record& old = recs[4];
  EXPECT_EQ(old.database_id, "WOS:A1997YF36000011");
  EXPECT_EQ(old.authors[0].surname, "Carmone");
  EXPECT_EQ(old.authors[0].given, "");
  EXPECT_EQ(old.authors[0].initials, "FJ");
  EXPECT_EQ(old.authors[0].full_name, "");
  EXPECT_EQ(old.authors[1].orcid, "0000-0003-4050-4222");  // "Kara, Ali" is "Kara, A"
  for (const Author& a : old.authors) EXPECT_TRUE(a.affiliations.empty());
  EXPECT_EQ(old.addresses,
            (std::vector<std::string>{
                "WRIGHT STATE UNIV,DEPT MKT,DAYTON,OH 45435.", "PENN STATE UNIV,YORK,PA 17403.",
                "FLORIDA INT UNIV,COLL BUSINESS ADM,DEPT DECIS SCI & INFORMAT SYST,MIAMI,FL "
                "33199."}));
  // A proceedings paper: the book title stands in for the journal; "41+" pages kept.
  EXPECT_EQ(recs[3].document_type, "Proceedings Paper");
  EXPECT_EQ(recs[3].journal, "BIO-INSPIRED SYSTEMS: COMPUTATIONAL AND AMBIENT INTELLIGENCE, PT 1");
  EXPECT_EQ(recs[3].pages, "41+");
  // A "von" particle.
  EXPECT_EQ(recs[27].authors[1].surname, "van Uden");
  EXPECT_EQ(recs[27].authors[1].initials, "E");
}

// ---------------------------------------------------------------- detection

TEST(LooksLikeBibtexTest, AcceptsBibtexFilesOnly) {
  int bibtex_files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kCorpora)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".md") continue;
    const std::string head = slurp(entry.path().string()).substr(0, 8192);
    const bool is_bibtex = entry.path().parent_path().filename() == "bibtex";
    bibtex_files += is_bibtex;
    EXPECT_EQ(looks_like_bibtex(head), is_bibtex) << entry.path();
  }
  EXPECT_EQ(bibtex_files, 2);
}

TEST(LooksLikeBibtexTest, HeadsAndNonBibtex) {
  EXPECT_TRUE(looks_like_bibtex("\xEF\xBB\xBF@article{k,\r\n"));
  EXPECT_TRUE(looks_like_bibtex("% my refs\n\n  @Book (key,"));
  EXPECT_TRUE(looks_like_bibtex(slurp(kWos).substr(0, 100)));  // cut mid-entry
  EXPECT_FALSE(looks_like_bibtex(""));
  EXPECT_FALSE(looks_like_bibtex("Just some plain text.\nWith two lines.\n"));
  EXPECT_FALSE(looks_like_bibtex("mail me @ home, or at x@y.org {soon}\n"));
  EXPECT_FALSE(looks_like_bibtex("@@@\n@ {\n"));
}

// ---------------------------------------------------------------- syntax

TEST(BibtexSyntaxTest, MacrosConcatenationAndMonths) {
  ReadResult r = read_text(
      "@string{jn = \"Journal of \" # {Tests}}\n"
      "@STRING(pub = {ACM})\n"
      "@preamble{\"\\newcommand{\\noop}[1]{}\"}\n"
      "@comment{ignored @article{not, title = {an entry}} }\n"
      "Stray text between entries is ignored, even with braces }{.\n"
      "@Article{key1,\n"
      "  title = \"Quoted {with} \" # jn,\n"
      "  journal = jn,\n"
      "  year = 1999, month = sep,\n"
      "  volume = 12, number = {3}, pages = {12--34},\n"
      "}\n"
      "@misc(key2, title = {Round brackets}, month = {October 3}, year = {2001})\n");
  ASSERT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.stats.warnings.empty()) << r.warnings().front();
  ASSERT_EQ(r.records.size(), 2u);
  const Record& a = r.records[0];
  EXPECT_EQ(a.line, 6u);
  EXPECT_EQ(a.title, "Quoted with Journal of Tests");
  EXPECT_EQ(a.journal, "Journal of Tests");
  EXPECT_EQ(a.year, 1999);
  EXPECT_EQ(a.published, (Date{1999, 9, 0}));
  EXPECT_EQ(a.volume, "12");
  EXPECT_EQ(a.issue, "3");
  EXPECT_EQ(a.pages, "12-34");
  EXPECT_EQ(a.document_type, "article");  // no type field: the entry type
  EXPECT_EQ(r.records[1].title, "Round brackets");
  EXPECT_EQ(r.records[1].published, (Date{2001, 10, 3}));
  EXPECT_EQ(r.records[1].line, 12u);
}

TEST(BibtexSyntaxTest, LatexIsFoldedToUtf8) {
  EXPECT_EQ(bibtex_to_text("Sch{\\\"o}n {\\'e}t\\'e \\`{a} \\^{o} \\~{n} \\c{c} {\\ss}"),
            "Schön été à ô ñ ç ß");
  EXPECT_EQ(bibtex_to_text("{\\o}{\\aa} \\v{s}\\v s \\H{o} {\\l}{\\L} \\'{\\i}"), "øå šš ő łŁ í");
  EXPECT_EQ(bibtex_to_text("1--2 and a---b, R\\&D 50\\% \\$5 a\\_b"),
            "1–2 and a—b, R&D 50% $5 a_b");
  EXPECT_EQ(bibtex_to_text("The {DNA} of {\\emph{E. coli}}~cells"), "The DNA of E. coli cells");
  EXPECT_EQ(bibtex_to_text("  line\n   wrapped \t text  "), "line wrapped text");
  EXPECT_EQ(bibtex_to_text("\\\"{\\i}\\k{a}\\r{u}\\u{g}\\={e}\\.{z}"), "ïąůğēż");
  EXPECT_EQ(bibtex_to_text("bad \xFF byte \\'\xFF."), "bad \xFF byte \xFF.");
  EXPECT_EQ(bibtex_to_text("\\~{} and \\"), "~ and");
}

TEST(BibtexSyntaxTest, AuthorNameForms) {
  ReadResult r = read_text(
      "@article{k, title = {T}, author = {Ludwig van Beethoven and de la Fontaine, Jean and "
      "Ford, Jr., Henry and {Barnes and Noble, Inc.} and M{\\\"u}ller, J{\\\"o}rg-Peter and "
      "{\\O}rsted, H. C. and Smith, J.M. and Doe, JD and others}}\n");
  ASSERT_EQ(r.records.size(), 1u);
  const std::vector<Author>& a = r.records[0].authors;
  ASSERT_EQ(a.size(), 8u);  // "others" dropped
  EXPECT_EQ(a[0].surname, "van Beethoven");
  EXPECT_EQ(a[0].given, "Ludwig");
  EXPECT_EQ(a[0].full_name, "Ludwig van Beethoven");
  EXPECT_EQ(a[1].surname, "de la Fontaine");
  EXPECT_EQ(a[1].given, "Jean");
  EXPECT_EQ(a[2].surname, "Ford");
  EXPECT_EQ(a[2].given, "Henry");
  EXPECT_EQ(a[2].full_name, "Henry Ford Jr.");
  EXPECT_EQ(a[2].as_printed, "Ford, Jr., Henry");
  EXPECT_EQ(a[3].surname, "Barnes and Noble, Inc.");  // corporate, kept whole
  EXPECT_EQ(a[3].given, "");
  EXPECT_EQ(a[3].initials, "");
  EXPECT_EQ(a[4].surname, "Müller");
  EXPECT_EQ(a[4].given, "Jörg-Peter");
  EXPECT_EQ(a[4].initials, "JP");
  EXPECT_EQ(a[4].as_printed, "Müller, Jörg-Peter");
  EXPECT_EQ(a[5].surname, "Ørsted");
  EXPECT_EQ(a[5].given, "");  // initials only
  EXPECT_EQ(a[5].initials, "HC");
  EXPECT_EQ(a[6].initials, "JM");
  EXPECT_EQ(a[6].full_name, "");
  EXPECT_EQ(a[7].surname, "Doe");
  EXPECT_EQ(a[7].initials, "JD");
}

TEST(BibtexSyntaxTest, ExportExtras) {
  ReadResult r = read_text(
      "@article{k, title = {T}, author = {Kou, Gang and Ergu, Daji},\n"
      "  keywords = {alpha, beta,gamma},\n"
      "  index_keywords = {Delta; Epsilon},\n"
      "  references = {Ref one, 2001; Ref two, 2002},\n"
      "  times-cited = {7}, unique-id = {WOS:000123},\n"
      "  orcid-numbers = {Ergu, Daji/https://orcid.org/0000-0001-2345-678x; Nobody, "
      "N/0000-0002-0000-0000},\n"
      "  affiliation = {Kou, G (Corresponding Author), Univ A, Chengdu, Peoples R China.\n"
      "     Ergu, Daji; Kou, Gang, Univ B, Chengdu, Peoples R China.\n"
      "     Unnamed Univ, Somewhere.},\n"
      "  affiliations = {Univ A; Univ B},\n"
      "  doi = {https://doi.org/10.1000/ABC--1}, pmid = {123}, art_number = {e1234},\n"
      "  type = {Review}, language = {English}}\n");
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  ASSERT_EQ(rec.keywords.size(), 5u);
  EXPECT_EQ(rec.keywords[0].text, "alpha");
  EXPECT_EQ(rec.keywords[2].text, "gamma");
  EXPECT_EQ(rec.keywords[2].origin, KeywordOrigin::author);
  EXPECT_EQ(rec.keywords[3].text, "Delta");
  EXPECT_EQ(rec.keywords[3].origin, KeywordOrigin::index_term);
  EXPECT_EQ(rec.cited_references, (std::vector<std::string>{"Ref one, 2001", "Ref two, 2002"}));
  EXPECT_EQ(rec.citations, 7);
  EXPECT_EQ(rec.database_id, "WOS:000123");
  EXPECT_EQ(rec.doi, "10.1000/abc--1");  // identifiers keep "--"
  EXPECT_EQ(rec.pmid, "123");
  EXPECT_EQ(rec.pages, "e1234");
  EXPECT_EQ(rec.document_type, "Review");
  EXPECT_EQ(rec.authors[0].orcid, "");
  EXPECT_EQ(rec.authors[1].orcid, "0000-0001-2345-678X");
  EXPECT_EQ(rec.authors[0].affiliations,
            (std::vector<std::string>{"Univ A, Chengdu, Peoples R China.",
                                      "Univ B, Chengdu, Peoples R China."}));
  EXPECT_EQ(rec.authors[1].affiliations,
            (std::vector<std::string>{"Univ B, Chengdu, Peoples R China."}));
  // The line naming nobody is the record's; a Web of Science export's `affiliations` are
  // organisation names, not addresses.
  EXPECT_EQ(rec.addresses, (std::vector<std::string>{"Unnamed Univ, Somewhere."}));
}

TEST(BibtexSyntaxTest, AddressesTiedToNoAuthorAreTheRecords) {
  ReadResult r = read_text(
      // Scopus: the list is the record's, but for what the correspondence address gave.
      "@article{s, title = {S}, author = {Kou, Gang and Ergu, Daji},\n"
      "  affiliations = {Univ A, City; Univ B, Town; Univ A, City; Univ C, Place},\n"
      "  correspondence_address = {D. Ergu; Univ B, Town; email: x@y.z}}\n"
      // No author: everything is the record's.
      "@article{n, title = {N}, affiliations = {Univ A, City; Univ B, Town}}\n"
      "@article{w, title = {W}, author = {Kou, Gang and Ergu, Daji}, unique-id = {WOS:1},\n"
      "  affiliation = {Nobody, N (Corresponding Author), Univ D, Hamlet.\n"
      "     Kou, Gang, Univ E, Village.\n"
      "     Univ D, Hamlet.\n"
      "     Univ E, Village.}}\n"
      // A lone author with a named line: the unnamed line is the record's.
      "@article{l, title = {L}, author = {Kou, Gang}, unique-id = {WOS:2},\n"
      "  affiliation = {Kou, Gang, Univ E, Village.\n     Univ F, Borough.}}\n");
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[0].authors[1].affiliations, (std::vector<std::string>{"Univ B, Town"}));
  EXPECT_EQ(r.records[0].addresses, (std::vector<std::string>{"Univ A, City", "Univ C, Place"}));
  EXPECT_EQ(r.records[1].addresses, (std::vector<std::string>{"Univ A, City", "Univ B, Town"}));
  // The corresponding author who is not an author loses his name; Kou's address is his.
  EXPECT_EQ(r.records[2].authors[0].affiliations, (std::vector<std::string>{"Univ E, Village."}));
  EXPECT_EQ(r.records[2].addresses, (std::vector<std::string>{"Univ D, Hamlet."}));
  EXPECT_EQ(r.records[3].authors[0].affiliations, (std::vector<std::string>{"Univ E, Village."}));
  EXPECT_EQ(r.records[3].addresses, (std::vector<std::string>{"Univ F, Borough."}));
}

// ---------------------------------------------------------------- bad input

const std::string kGood = "@article{good, title = {Good}, author = {A, B}}\n";

TEST(BibtexBadInputTest, SyntaxErrorSkipsOneEntry) {
  ReadResult r = read_text(kGood + "@article{bad,\n  title {Bad},\n}\n" + kGood);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.stats.records_read, 2u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(
      r.warnings(),
      (std::vector<std::string>{"mem.bib:3: record 2: expected \"=\" after field name \"title\""}));
  EXPECT_EQ(r.records[1].line, 5u);
}

TEST(BibtexBadInputTest, EntryWithoutTitleIsSkipped) {
  ReadResult r = read_text("@misc{k, author = {X, Y}}\n" + kGood);
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{"mem.bib:1: record 1: no title"}));
}

TEST(BibtexBadInputTest, LostClosingBraceStopsAtTheNextEntry) {
  ReadResult r = read_text("@article{a,\n  title = {Never {closed,\n  year = 2000,\n}\n" + kGood);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].title, "Good");
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{"mem.bib:5: record 1: value that starts on line 2 is not "
                                      "closed before the next entry"}));
}

TEST(BibtexBadInputTest, TruncatedEntryAndBrokenDirectives) {
  ReadResult r =
      read_text(kGood + "@string{x = {never closed}\n" + kGood + "@article{cut, title = {Cut her");
  EXPECT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{
                              "mem.bib:3: @string: not closed after its value, ignored",
                              "mem.bib:4: record 3: ends inside the value that starts on line 4"}));
}

TEST(BibtexBadInputTest, NotBibtexOrEmptyFails) {
  ReadResult text = read_text("\n\nPMID- 123\nTI  - A title\n");
  EXPECT_FALSE(text.ok);
  EXPECT_EQ(text.error, "mem.bib:3: not BibTeX (no \"@type{key, ...}\" entry)");
  ReadResult empty = read_text(" \r\n");
  EXPECT_FALSE(empty.ok);
  EXPECT_EQ(empty.error, "mem.bib:1: empty input");
}

TEST(BibtexBadInputTest, CrlfAndBomReadLikeTheOriginal) {
  const std::string original = slurp(kWos);
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : original) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  ReadResult a = read_text(crlf);
  ReadResult b = read_file(kWos);
  ASSERT_EQ(a.records.size(), 29u);
  EXPECT_TRUE(a.stats.warnings.empty());
  for (std::size_t i = 0; i < 29; ++i) {
    EXPECT_EQ(a.records[i].title, b.records[i].title);
    EXPECT_EQ(a.records[i].abstract, b.records[i].abstract);
    EXPECT_EQ(a.records[i].cited_references, b.records[i].cited_references);
    EXPECT_EQ(a.records[i].line, b.records[i].line);
    ASSERT_EQ(a.records[i].authors.size(), b.records[i].authors.size());
    for (std::size_t k = 0; k < a.records[i].authors.size(); ++k) {
      EXPECT_EQ(a.records[i].authors[k].affiliations, b.records[i].authors[k].affiliations);
      EXPECT_EQ(a.records[i].authors[k].orcid, b.records[i].authors[k].orcid);
    }
  }
}

// Every prefix of a real file is a truncated file: never a crash, never more records than
// it holds, and a cut entry is reported rather than read.
TEST(BibtexBadInputTest, EveryTruncationIsHandled) {
  for (const std::string& path : {kScopus, kWos}) {
    const std::string text = slurp(path);
    // Every 7th byte of the first entries, then every 997th to the end.
    for (std::size_t cut = 0; cut < text.size(); cut += cut < 3000 ? 7 : 997) {
      ReadResult r = read_text(text.substr(0, cut));
      EXPECT_LE(r.records.size() + r.stats.records_skipped, 29u) << cut;
      EXPECT_EQ(r.stats.records_read, r.records.size());
      for (const Record& rec : r.records) EXPECT_FALSE(rec.title.empty()) << cut;
    }
  }
}

TEST(BibtexBadInputTest, RandomGarbageNeverCrashes) {
  std::mt19937 rng(7);
  const std::string alphabet = "@article{}()\"#=,% \n\r\\'`^~-abc and Jr., \xC3\xB6\xFF";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 800);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    ReadResult r = read_text(text);
    EXPECT_EQ(r.stats.records_read, r.records.size());
  }
}

}  // namespace
}  // namespace citenet
