#include "formats/wos_reader.h"

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
const std::string kWos = kCorpora + "wos/";

using testing_support::ReadResult;
using testing_support::slurp;

ReadResult read_text(const std::string& text, const std::string& source = "mem.txt") {
  return testing_support::read_text(read_wos, text, source);
}

ReadResult read_file(const std::string& path) { return testing_support::read_file(read_wos, path); }

// UTF-8 (ASCII and two-byte sequences are enough here) to UTF-16 with a BOM.
std::string to_utf16(const std::string& utf8, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    unsigned cp = static_cast<unsigned char>(utf8[i]);
    if (cp >= 0xC0 && i + 1 < utf8.size()) {
      cp = ((cp & 0x1F) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3F);
    }
    const char hi = static_cast<char>(cp >> 8);
    const char lo = static_cast<char>(cp & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

std::string crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// A small well-formed tagged record.
const std::string kGoodRecord =
    "PT J\nAU Smith, JM\n   Doe, J\nAF Smith, John Michael\n   Doe, Jane\n"
    "TI A short\n   title\nSO SOME JOURNAL\nPY 2020\nER\n";

// ---------------------------------------------------------------- the real files

struct CorpusFile {
  const char* name;
  std::size_t records;
};
constexpr CorpusFile kCorpusFiles[] = {{"metaknowledge-ManyAuthors.isi", 500},
                                       {"metaknowledge-OnePaper.isi", 1},
                                       {"metaknowledge-TwoPaper.isi", 2},
                                       {"metaknowledge-testFile.isi", 34}};

TEST(WosCorpusTest, EveryFileReadsWithItsRecordCountAndNoWarnings) {
  for (const CorpusFile& f : kCorpusFiles) {
    const ReadResult r = read_file(kWos + f.name);
    EXPECT_TRUE(r.ok) << f.name << ": " << r.error;
    EXPECT_EQ(r.records.size(), f.records) << f.name;
    EXPECT_EQ(r.stats.records_read, f.records) << f.name;
    EXPECT_EQ(r.stats.records_skipped, 0u) << f.name;
    EXPECT_TRUE(r.stats.warnings.empty()) << f.name << ": " << r.warnings().front();
    for (const Record& rec : r.records) {
      EXPECT_EQ(rec.format, "wos");
      EXPECT_EQ(rec.source, kWos + f.name);
      EXPECT_FALSE(rec.title.empty());
      // testFile.isi has one record without UT.
      EXPECT_TRUE(rec.database_id.starts_with("WOS:") || rec.database_id.empty());
    }
  }
}

// Every address of a file: the authors' affiliations and the records' own addresses.
struct AddressCount {
  std::size_t total = 0;
  std::size_t of_records = 0;
};
AddressCount count_addresses(const std::vector<Record>& records) {
  AddressCount n;
  for (const Record& r : records) {
    for (const Author& a : r.authors) n.total += a.affiliations.size();
    n.total += r.addresses.size();
    n.of_records += r.addresses.size();
  }
  return n;
}

TEST(WosCorpusTest, AddressTotalsOfEveryFile) {
  struct Expected {
    const char* name;
    std::size_t total;       // per-author affiliations + record addresses
    std::size_t of_records;  // Record::addresses alone
  };
  constexpr Expected kExpected[] = {{"metaknowledge-ManyAuthors.isi", 2513, 876},
                                    {"metaknowledge-OnePaper.isi", 2, 0},
                                    {"metaknowledge-TwoPaper.isi", 2, 0},
                                    {"metaknowledge-testFile.isi", 164, 25}};
  for (const Expected& e : kExpected) {
    const ReadResult r = read_file(kWos + e.name);
    const AddressCount n = count_addresses(r.records);
    EXPECT_EQ(n.total, e.total) << e.name;
    EXPECT_EQ(n.of_records, e.of_records) << e.name;
    for (const Record& rec : r.records) {
      // Once each, and never an address one of the record's authors has.
      for (std::size_t i = 0; i < rec.addresses.size(); ++i) {
        EXPECT_FALSE(rec.addresses[i].empty());
        for (std::size_t j = 0; j < i; ++j) EXPECT_NE(rec.addresses[i], rec.addresses[j]);
        for (const Author& a : rec.authors) {
          EXPECT_TRUE(std::find(a.affiliations.begin(), a.affiliations.end(), rec.addresses[i]) ==
                      a.affiliations.end())
              << e.name << ": " << rec.addresses[i];
        }
      }
    }
  }
}

class WosManyAuthorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    many_ = new ReadResult(read_file(kWos + "metaknowledge-ManyAuthors.isi"));
  }
  static void TearDownTestSuite() { delete many_; }
  static const Record& by_ut(const std::string& ut) {
    for (const Record& r : many_->records) {
      if (r.database_id == ut) return r;
    }
    ADD_FAILURE() << ut;
    return many_->records.front();
  }
  static ReadResult* many_;
};
ReadResult* WosManyAuthorsTest::many_ = nullptr;

TEST_F(WosManyAuthorsTest, AuthorSlotTotal) {
  std::size_t slots = 0;
  std::size_t orcids = 0;
  for (const Record& r : many_->records) {
    slots += r.authors.size();
    for (const Author& a : r.authors) orcids += !a.orcid.empty();
  }
  EXPECT_EQ(slots, 3351u);
  EXPECT_EQ(orcids, 37u);  // every ORCID of the file's OI fields found its author
}

TEST_F(WosManyAuthorsTest, RecordsWithAnyAffiliation) {
  std::size_t with_any = 0;
  std::size_t with_record_addresses = 0;
  for (const Record& r : many_->records) {
    bool any = !r.addresses.empty();
    for (const Author& a : r.authors) any = any || !a.affiliations.empty();
    with_any += any;
    with_record_addresses += !r.addresses.empty();
  }
  // 458 when the unbracketed C1 addresses of several authors were dropped; the other 10
  // records have neither C1 nor RP.
  EXPECT_EQ(with_any, 490u);
  EXPECT_EQ(with_record_addresses, 326u);
}

TEST_F(WosManyAuthorsTest, FirstRecord) {
  const Record& r = many_->records.front();
  EXPECT_EQ(r.line, 3u);
  EXPECT_EQ(r.title,
            "Defining biochemical failure following radiotherapy with or without hormonal "
            "therapy in men with clinically localized prostate cancer: Recommendations of the "
            "RTOG-ASTRO Phoenix Consensus Conference");
  EXPECT_EQ(r.journal, "INTERNATIONAL JOURNAL OF RADIATION ONCOLOGY BIOLOGY PHYSICS");
  EXPECT_EQ(r.year, 2006);
  EXPECT_EQ(r.published, (Date{2006, 7, 15}));
  EXPECT_EQ(r.volume, "65");
  EXPECT_EQ(r.issue, "4");
  EXPECT_EQ(r.pages, "965-974");
  EXPECT_EQ(r.doi, "10.1016/j.ijrobp.2006.04.029");
  EXPECT_EQ(r.pmid, "16798415");
  EXPECT_EQ(r.database_id, "WOS:000238878800002");
  EXPECT_EQ(r.citations, 758);
  EXPECT_EQ(r.document_type, "Article");
  EXPECT_EQ(r.language, "English");
  EXPECT_TRUE(r.abstract.starts_with("In 1996 the American Society for Therapeutic Radiology"));
  ASSERT_EQ(r.keywords.size(), 14u);  // 4 DE + 10 ID
  EXPECT_EQ(r.keywords[0].text, "biochemical recurrence");
  EXPECT_EQ(r.keywords[0].origin, KeywordOrigin::author);
  EXPECT_EQ(r.keywords[4].text, "EXTERNAL-BEAM RADIOTHERAPY");
  EXPECT_EQ(r.keywords[4].origin, KeywordOrigin::index_term);
  EXPECT_EQ(r.keywords[13].text, "BRACHYTHERAPY");  // ID wraps over three lines
  ASSERT_EQ(r.cited_references.size(), 37u);
  EXPECT_EQ(r.cited_references[0], "Cox JD, 1997, INT J RADIAT ONCOL, V37, P1035");

  ASSERT_EQ(r.authors.size(), 7u);
  const Author& roach = r.authors[0];
  EXPECT_EQ(roach.as_printed, "Roach, M");
  EXPECT_EQ(roach.surname, "Roach");
  EXPECT_EQ(roach.initials, "M");
  EXPECT_EQ(roach.given, "Mack");
  EXPECT_EQ(roach.full_name, "Mack Roach III");  // "Roach, Mack, III"
  // C1 is unbracketed (2006): its seven addresses belong to no author in particular; only
  // the reprint author's RP address is tied to a name.
  EXPECT_EQ(roach.affiliations,
            (std::vector<std::string>{"Univ Calif San Francisco, Dept Radiat Oncol, 1600 "
                                      "Divisadero St,Suite H1031, San Francisco, CA 94143 USA."}));
  EXPECT_EQ(r.authors[2].full_name, "Howard Thames Jr.");
  EXPECT_EQ(r.authors[4].as_printed, "Shipley, WU");
  EXPECT_EQ(r.authors[4].given, "William U.");
  EXPECT_EQ(r.authors[4].initials, "WU");
  EXPECT_EQ(r.authors[4].full_name, "William U. Shipley");
  for (std::size_t i = 1; i < r.authors.size(); ++i) {
    EXPECT_TRUE(r.authors[i].affiliations.empty()) << i;
  }
  // The seven C1 addresses are the record's.
  ASSERT_EQ(r.addresses.size(), 7u);
  EXPECT_EQ(r.addresses[0],
            "Univ Calif San Francisco, Dept Radiat Oncol, San Francisco, CA 94143 USA.");
  EXPECT_EQ(r.addresses[6], "Univ Michigan, Dept Radiat Oncol, Ann Arbor, MI 48109 USA.");
}

TEST_F(WosManyAuthorsTest, LastRecord) {
  const Record& r = many_->records.back();
  EXPECT_EQ(r.line, 67207u);
  EXPECT_EQ(r.title,
            "High-intensity focused ultrasound therapy for clinically localized prostate cancer");
  EXPECT_EQ(r.journal, "PROSTATE CANCER AND PROSTATIC DISEASES");
  EXPECT_EQ(r.year, 2006);
  EXPECT_EQ(r.published, (Date{2006, 12, 0}));
  EXPECT_EQ(r.volume, "9");
  EXPECT_EQ(r.issue, "4");
  EXPECT_EQ(r.pages, "439-443");
  EXPECT_EQ(r.doi, "10.1038/sj.pcan.4500901");
  EXPECT_EQ(r.pmid, "16847468");
  EXPECT_EQ(r.database_id, "WOS:000242795100023");
  EXPECT_EQ(r.citations, 28);
  ASSERT_EQ(r.keywords.size(), 11u);
  EXPECT_EQ(r.keywords[0].text, "high-intensity focused ultrasound");
  EXPECT_EQ(r.keywords[3].text, "minimally invasive surgical procedures");  // wrapped line
  EXPECT_EQ(r.keywords[6].text, "RADICAL RETROPUBIC PROSTATECTOMY");
  EXPECT_EQ(r.keywords[6].origin, KeywordOrigin::index_term);
  EXPECT_TRUE(r.abstract.starts_with("The efficacy of high-intensity focused ultrasound"));
  ASSERT_EQ(r.cited_references.size(), 23u);
  EXPECT_EQ(r.cited_references[0], "Cox JD, 1997, INT J RADIAT ONCOL, V37, P1035");
  ASSERT_EQ(r.authors.size(), 3u);
  // AF holds only initials ("Lee, H. M."): no given names are invented.
  EXPECT_EQ(r.authors[0].as_printed, "Lee, HM");
  EXPECT_EQ(r.authors[0].initials, "HM");
  EXPECT_EQ(r.authors[0].given, "");
  EXPECT_EQ(r.authors[0].full_name, "");
  EXPECT_TRUE(r.authors[0].affiliations.empty());
  EXPECT_EQ(r.authors[2].affiliations,
            (std::vector<std::string>{"Sungkyunkwan Univ, Sch Med, Samsung Med Ctr, Dept Urol, 50 "
                                      "Ilwon Dong, Seoul 135710, South Korea."}));
  // The unbracketed C1 address is the record's: RP printed it with the street for Choi.
  EXPECT_EQ(r.addresses, (std::vector<std::string>{"Sungkyunkwan Univ, Sch Med, Samsung Med "
                                                   "Ctr, Dept Urol, Seoul 135710, South Korea."}));
}

TEST_F(WosManyAuthorsTest, BracketedAddressesAndOrcidsGoToTheNamedAuthors) {
  const Record& r = by_ut("WOS:000262128900001");
  ASSERT_EQ(r.authors.size(), 4u);
  EXPECT_EQ(r.authors[0].full_name, "S. Alexander Haslam");
  EXPECT_EQ(
      r.authors[0].affiliations,
      (std::vector<std::string>{"Univ Exeter, Sch Psychol, Exeter EX4 4QG, Devon, England."}));
  EXPECT_EQ(r.authors[0].orcid, "");
  EXPECT_EQ(r.authors[1].full_name, "Jolanda Jetten");
  EXPECT_EQ(r.authors[1].affiliations,
            (std::vector<std::string>{"Univ Queensland, Brisbane, Qld 4072, Australia."}));
  EXPECT_EQ(r.authors[1].orcid, "0000-0002-7588-5355");
  EXPECT_EQ(r.authors[2].orcid, "0000-0002-8029-7398");
  EXPECT_EQ(r.authors[2].affiliations,
            (std::vector<std::string>{"Univ Groningen, NL-9700 AB Groningen, Netherlands."}));
  EXPECT_EQ(r.authors[3].orcid, "");
  EXPECT_TRUE(r.addresses.empty());  // every address names its authors
}

TEST_F(WosManyAuthorsTest, AddressNamesSpelledAsInAfFindTheirAuthor) {
  // AU "Sollner, TH", AF and C1 "Soellner, T. H.".
  std::size_t found = 0;
  for (const Record& r : many_->records) {
    for (const Author& a : r.authors) {
      if (a.as_printed != "Sollner, TH") continue;
      ++found;
      EXPECT_EQ(a.full_name, "");  // "T. H." is only initials
      ASSERT_FALSE(a.affiliations.empty());
      EXPECT_EQ(a.affiliations[0], "Univ Heidelberg, Biochem Ctr, D-69120 Heidelberg, Germany.");
    }
  }
  EXPECT_GE(found, 1u);
}

TEST(WosCorpusTest, OnePaperAllFields) {
  const ReadResult result = read_file(kWos + "metaknowledge-OnePaper.isi");
  ASSERT_EQ(result.records.size(), 1u);
  const Record& r = result.records[0];
  EXPECT_EQ(r.line, 3u);
  EXPECT_EQ(r.title,
            "The Motion Behind the Symbols: A Vital Role for Dynamism in the Conceptualization of "
            "Limits and Continuity in Expert Mathematics");
  EXPECT_EQ(r.journal, "TOPICS IN COGNITIVE SCIENCE");
  EXPECT_EQ(r.year, 2013);
  EXPECT_EQ(r.published, (Date{2013, 4, 0}));
  EXPECT_EQ(r.volume, "5");
  EXPECT_EQ(r.issue, "2");
  EXPECT_EQ(r.pages, "299-316");
  EXPECT_EQ(r.doi, "10.1111/tops.12013");
  EXPECT_EQ(r.pmid, "23460466");
  EXPECT_EQ(r.database_id, "WOS:000317623000007");
  EXPECT_EQ(r.citations, 4);
  EXPECT_EQ(r.document_type, "Article");
  EXPECT_EQ(r.language, "English");
  EXPECT_FALSE(r.open_access);
  ASSERT_EQ(r.keywords.size(), 11u);  // 7 DE (wrapped) + 4 ID
  EXPECT_EQ(r.keywords[0].text, "Mathematical practice");
  EXPECT_EQ(r.keywords[0].origin, KeywordOrigin::author);
  EXPECT_EQ(r.keywords[5].text, "Calculus");
  EXPECT_EQ(r.keywords[7].text, "REPRESENTATIONS");
  EXPECT_EQ(r.keywords[7].origin, KeywordOrigin::index_term);
  EXPECT_TRUE(r.abstract.starts_with("The canonical history of mathematics suggests"));
  EXPECT_TRUE(r.abstract.ends_with("in both contemporary and historical practice."));
  ASSERT_EQ(r.cited_references.size(), 45u);
  EXPECT_EQ(r.cited_references[0],
            "Alibali MW, 1999, PSYCHOL SCI, V10, P327, DOI 10.1111/1467-9280.00163");
  EXPECT_EQ(r.cited_references[44], "Wittgenstein L., 2009, PHILOS INVESTIGATION");
  ASSERT_EQ(r.authors.size(), 2u);
  const std::vector<std::string> ucsd = {
      "Univ Calif San Diego, Dept Cognit Sci, La Jolla, CA 92093 USA."};
  EXPECT_EQ(r.authors[0].as_printed, "Marghetis, T");
  EXPECT_EQ(r.authors[0].surname, "Marghetis");
  EXPECT_EQ(r.authors[0].given, "Tyler");
  EXPECT_EQ(r.authors[0].initials, "T");
  EXPECT_EQ(r.authors[0].full_name, "Tyler Marghetis");
  EXPECT_EQ(r.authors[0].affiliations, ucsd);
  EXPECT_EQ(r.authors[1].full_name, "Rafael Nunez");
  EXPECT_EQ(r.authors[1].affiliations, ucsd);
}

TEST(WosCorpusTest, TwoPaperFirstAndLast) {
  const ReadResult result = read_file(kWos + "metaknowledge-TwoPaper.isi");
  ASSERT_EQ(result.records.size(), 2u);
  const Record& first = result.records[0];
  EXPECT_EQ(first.title, "Supervenience and causation: A probabilistic approach");
  EXPECT_EQ(first.journal, "SYNTHESE");
  EXPECT_EQ(first.year, 2000);
  EXPECT_EQ(first.volume, "122");
  EXPECT_EQ(first.issue, "3");
  EXPECT_EQ(first.pages, "245-259");
  EXPECT_EQ(first.doi, "10.1023/a:1005282128866");
  EXPECT_EQ(first.database_id, "WOS:000086967200001");
  EXPECT_EQ(first.citations, 1);
  EXPECT_EQ(first.cited_references.size(), 13u);
  ASSERT_EQ(first.authors.size(), 1u);
  EXPECT_EQ(first.authors[0].as_printed, "Kim, S");
  EXPECT_EQ(first.authors[0].full_name, "");  // AF repeats "Kim, S"
  // A lone author owns the unbracketed address.
  EXPECT_EQ(first.authors[0].affiliations,
            (std::vector<std::string>{"Univ Wisconsin, Dept Philosophy, Madison, WI 53706 USA."}));
  const Record& last = result.records[1];
  EXPECT_EQ(last.line, 49u);
  EXPECT_EQ(last.title, "Physical process theories and token-probabilistic causation");
  EXPECT_EQ(last.journal, "ERKENNTNIS");
  EXPECT_EQ(last.year, 2001);
  EXPECT_EQ(last.pages, "235-245");
  EXPECT_EQ(last.citations, 0);
  EXPECT_EQ(last.keywords.size(), 1u);
  EXPECT_EQ(last.cited_references.size(), 14u);
}

TEST(WosCorpusTest, TestFileFirstAndLast) {
  const ReadResult result = read_file(kWos + "metaknowledge-testFile.isi");
  ASSERT_EQ(result.records.size(), 34u);
  const Record& first = result.records.front();
  EXPECT_EQ(first.line, 3u);
  EXPECT_EQ(first.title,
            "EXPERIMENTS IN PHENOMENOLOGICAL ELECTRODYNAMICS AND THE ELECTROMAGNETIC "
            "ENERGY-MOMENTUM TENSOR");
  EXPECT_EQ(first.journal, "PHYSICS REPORTS-REVIEW SECTION OF PHYSICS LETTERS");
  EXPECT_EQ(first.year, 1979);
  EXPECT_EQ(first.volume, "52");
  EXPECT_EQ(first.pages, "133-201");
  EXPECT_EQ(first.doi, "10.1016/0370-1573(79)90074-7");
  EXPECT_EQ(first.database_id, "WOS:A1979GV55600001");
  EXPECT_EQ(first.citations, 244);
  EXPECT_EQ(first.document_type, "Review");
  // The file lost this record's first "CR" tag: its references continue the C1 field, and
  // only the reference under the later "CR" line is a reference.
  EXPECT_EQ(first.cited_references,
            (std::vector<std::string>{"[ANONYMOUS], 1968, PHYS REV, V171, P1385"}));
  ASSERT_EQ(first.authors.size(), 1u);
  EXPECT_EQ(first.authors[0].as_printed, "BREVIK, I");
  EXPECT_EQ(first.authors[0].affiliations.at(0),
            "UNIV TRONDHEIM,INST THEORET PHYS,N-7034 TRONDHEIM,NORWAY.");
  EXPECT_TRUE(first.addresses.empty());
  // The second record's two authors share unbracketed addresses: the record's.
  const Record& second = result.records[1];
  ASSERT_EQ(second.authors.size(), 2u);
  EXPECT_EQ(second.addresses, (std::vector<std::string>{
                                  "OAK RIDGE NATL LAB,OAK RIDGE,TN 37830.",
                                  "BORIS KIDRIC INST,ION PHYS LAB,YU-11000 BELGRADE,YUGOSLAVIA."}));

  const Record& last = result.records.back();
  EXPECT_EQ(last.line, 2151u);
  EXPECT_EQ(last.title,
            "INTERNAL PHOTON IMPULSE OF DIELECTRIC AND ON COUPLE APPLIED TO ANISOTROPIC CRYSTAL");
  EXPECT_EQ(last.journal,
            "COMPTES RENDUS HEBDOMADAIRES DES SEANCES DE L ACADEMIE DES SCIENCES SERIE B");
  EXPECT_EQ(last.year, 1974);
  EXPECT_EQ(last.volume, "278");
  EXPECT_EQ(last.issue, "14");
  EXPECT_EQ(last.pages, "635-638");
  EXPECT_EQ(last.doi, "");
  EXPECT_EQ(last.database_id, "WOS:A1974S801100007");
  EXPECT_EQ(last.citations, 0);
  EXPECT_EQ(last.language, "French");
  EXPECT_TRUE(last.keywords.empty());
  ASSERT_EQ(last.cited_references.size(), 7u);
  EXPECT_EQ(last.cited_references[0], "ARNAUD JA, 1972, ELECTRONICS LETT, V8, P22");
  ASSERT_EQ(last.authors.size(), 3u);
  EXPECT_EQ(last.authors[0].as_printed, "BEAUREGA.OC");  // an old truncated name, no comma
  EXPECT_EQ(last.authors[1].surname, "IMBERT");
  EXPECT_EQ(last.authors[1].initials, "C");
  for (const Author& a : last.authors) EXPECT_TRUE(a.affiliations.empty());
}

TEST(WosCorpusTest, TestFileQuirks) {
  const ReadResult result = read_file(kWos + "metaknowledge-testFile.isi");
  ASSERT_EQ(result.records.size(), 34u);
  // "AUGilles, H": the tag is glued to its value.
  const Record& glued = result.records[5];
  ASSERT_EQ(glued.authors.size(), 3u);
  EXPECT_EQ(glued.authors[0].as_printed, "Gilles, H");
  // A C1 name list without commas ("[Zhang Zhi-Wei; ...]") still finds its authors.
  std::size_t with_orcid = 0;
  for (const Record& r : result.records) {
    for (const Author& a : r.authors) with_orcid += !a.orcid.empty();
  }
  EXPECT_EQ(with_orcid, 2u);  // "OI kaiser, robin/0000-0001-5194-3680" twice
}

// ---------------------------------------------------------------- the tab-delimited layout

const std::string kTabHeader =
    "PT\tAU\tAF\tTI\tSO\tDE\tID\tAB\tC1\tRP\tCR\tNR\tTC\tZ9\tPY\tPD\tVL\tIS\tBP\tEP\tAR\tDI\t"
    "PM\tOI\tDT\tLA\tUT\t\n";
const std::string kTabRow1 =
    "J\tSmith, JM; Müller, A\tSmith, John Michael; Müller, Anna\tA tab title\tJOURNAL OF "
    "TESTS\tnetworks; co-authorship\tSCIENCE\tAn abstract.\t[Smith, John Michael] Univ X, "
    "Dept Y, City, England.; [Smith, John Michael; Müller, Anna] Univ Z, Berlin, Germany."
    "\tSmith, JM (corresponding author), Univ X, City, England.\tDoe J, 2001, J TEST, V1, P2; "
    "Roe R, 2002, J TEST, V3, P4\t2\t7\t8\t2019\tMAR 5\t12\t3\t\t\te123\t10.1000/ABC\t"
    "31234567\tMüller, Anna/0000-0002-1825-0097\tArticle\tEnglish\tWOS:000000000000001\t\n";
const std::string kTabRow2 =
    "J\tRoe, R\t\tSecond title\tJ2\t\t\t\tUniv Q, Town, USA.\t\t\t\t0\t\t2018\t\t1\t\t5\t9"
    "\t\t\t\t\tReview\tGerman\tWOS:000000000000002\t\n";

void expect_tab_records(const ReadResult& r) {
  EXPECT_TRUE(r.ok) << r.error;
  EXPECT_TRUE(r.stats.warnings.empty()) << r.warnings().front();
  ASSERT_EQ(r.records.size(), 2u);
  const Record& a = r.records[0];
  EXPECT_EQ(a.line, 2u);
  EXPECT_EQ(a.title, "A tab title");
  EXPECT_EQ(a.journal, "JOURNAL OF TESTS");
  EXPECT_EQ(a.year, 2019);
  EXPECT_EQ(a.published, (Date{2019, 3, 5}));
  EXPECT_EQ(a.volume, "12");
  EXPECT_EQ(a.issue, "3");
  EXPECT_EQ(a.pages, "e123");  // no BP: the article number
  EXPECT_EQ(a.doi, "10.1000/abc");
  EXPECT_EQ(a.pmid, "31234567");
  EXPECT_EQ(a.database_id, "WOS:000000000000001");
  EXPECT_EQ(a.citations, 7);
  EXPECT_EQ(a.abstract, "An abstract.");
  ASSERT_EQ(a.keywords.size(), 3u);
  EXPECT_EQ(a.keywords[1].text, "co-authorship");
  EXPECT_EQ(a.keywords[2].origin, KeywordOrigin::index_term);
  EXPECT_EQ(a.cited_references, (std::vector<std::string>{"Doe J, 2001, J TEST, V1, P2",
                                                          "Roe R, 2002, J TEST, V3, P4"}));
  ASSERT_EQ(a.authors.size(), 2u);
  EXPECT_EQ(a.authors[0].full_name, "John Michael Smith");
  EXPECT_EQ(a.authors[0].affiliations, (std::vector<std::string>{"Univ X, Dept Y, City, England.",
                                                                 "Univ Z, Berlin, Germany."}));
  EXPECT_EQ(a.authors[1].as_printed, "Müller, A");
  EXPECT_EQ(a.authors[1].full_name, "Anna Müller");
  EXPECT_EQ(a.authors[1].orcid, "0000-0002-1825-0097");
  EXPECT_EQ(a.authors[1].affiliations, (std::vector<std::string>{"Univ Z, Berlin, Germany."}));
  const Record& b = r.records[1];
  EXPECT_EQ(b.line, 3u);
  EXPECT_EQ(b.pages, "5-9");
  EXPECT_EQ(b.citations, 0);
  EXPECT_EQ(b.document_type, "Review");
  ASSERT_EQ(b.authors.size(), 1u);
  EXPECT_EQ(b.authors[0].affiliations, (std::vector<std::string>{"Univ Q, Town, USA."}));
  EXPECT_TRUE(a.addresses.empty());
  EXPECT_TRUE(b.addresses.empty());
}

TEST(WosTabDelimitedTest, Utf8WithBomAndCrlf) {
  const std::string text = "\xEF\xBB\xBF" + crlf(kTabHeader + kTabRow1 + kTabRow2);
  expect_tab_records(read_text(text));
  EXPECT_TRUE(looks_like_wos(text));
}

TEST(WosTabDelimitedTest, Utf16LittleAndBigEndian) {
  const std::string text = crlf(kTabHeader + kTabRow1 + kTabRow2);
  for (bool big_endian : {false, true}) {
    const std::string utf16 = to_utf16(text, big_endian);
    expect_tab_records(read_text(utf16));
    EXPECT_TRUE(looks_like_wos(utf16));
    EXPECT_TRUE(looks_like_wos(utf16.substr(0, 101)));  // cut inside a code unit
  }
}

TEST(WosTabDelimitedTest, ShortRowIsSkipped) {
  const ReadResult r = read_text(kTabHeader + kTabRow1 + "J\tRoe, R\tCut");
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(
      r.warnings(),
      (std::vector<std::string>{"mem.txt:3: record 2: row has 3 of the header's 27 columns"}));
}

// ---------------------------------------------------------------- bad and odd input

TEST(WosReaderTest, RecordWithoutTitleIsSkippedWithItsNumber) {
  const ReadResult r = read_text("FN Clarivate Analytics Web of Science\nVR 1.0\n" + kGoodRecord +
                                 "PT J\nAU Nobody, N\nSO J\nER\n" + kGoodRecord + "EF\n");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.stats.records_read, 2u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{"mem.txt:13: record 2: no title"}));
  EXPECT_EQ(r.records[1].line, 17u);
}

TEST(WosReaderTest, RecordCutBeforeErIsSkipped) {
  const ReadResult r = read_text(kGoodRecord + "PT J\nAU Cut, C\nTI A title\n");
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{"mem.txt:11: record 2: cut off before its ER line"}));
}

TEST(WosReaderTest, MissingErBeforeTheNextRecordKeepsBoth) {
  std::string text = kGoodRecord;
  text.erase(text.rfind("ER\n"));  // the first record loses its ER
  const ReadResult r = read_text(text + kGoodRecord);
  EXPECT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{"mem.txt:10: record 1: no ER line before the next record"}));
}

TEST(WosReaderTest, GoodRecordFields) {
  const ReadResult r = read_text(kGoodRecord);
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.title, "A short title");
  EXPECT_EQ(rec.line, 1u);
  ASSERT_EQ(rec.authors.size(), 2u);
  EXPECT_EQ(rec.authors[0].initials, "JM");
  EXPECT_EQ(rec.authors[0].given, "John Michael");
  EXPECT_EQ(rec.authors[1].full_name, "Jane Doe");
}

TEST(WosReaderTest, UnbracketedAddressesOfSeveralAuthorsAreNotGuessed) {
  const ReadResult r = read_text(
      "PT J\nAU Smith, J\n   Doe, J\nTI T\nC1 Univ A, City, USA.\n   Univ B, Town, USA.\n"
      "RP Doe, J (reprint author), Univ B, Town, USA.\nER\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_TRUE(r.records[0].authors[0].affiliations.empty());
  EXPECT_EQ(r.records[0].authors[1].affiliations, (std::vector<std::string>{"Univ B, Town, USA."}));
  // They are the record's, except the one the reprint author has.
  EXPECT_EQ(r.records[0].addresses, (std::vector<std::string>{"Univ A, City, USA."}));
}

TEST(WosReaderTest, UntiedAddressesAreTheRecordsOnceEach) {
  const ReadResult r = read_text(
      "PT J\nAU Smith, J\n   Doe, J\n   Roe, R\nTI T\n"
      "C1 [Smith, J] Univ A, City, USA.\n"
      "   Univ B, Town, USA.\n"
      "   Univ C, Village, USA.  \n"
      "   Univ B, Town, USA.\n"
      "   [Nobody, N] Univ D, Hamlet, USA.\n"
      "   Univ A, City, USA.\n"
      "RP Stranger, S (reprint author), Univ E, Borough, USA.\nER\n");
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.authors[0].affiliations, (std::vector<std::string>{"Univ A, City, USA."}));
  EXPECT_TRUE(rec.authors[1].affiliations.empty());
  EXPECT_TRUE(rec.authors[2].affiliations.empty());
  // Trimmed, de-duplicated, in order; Smith's address is not repeated; the address naming
  // a stranger and the RP address of a name that is not an author are the record's.
  EXPECT_EQ(rec.addresses,
            (std::vector<std::string>{"Univ B, Town, USA.", "Univ C, Village, USA.",
                                      "Univ D, Hamlet, USA.", "Univ E, Borough, USA."}));
}

TEST(WosReaderTest, LoneAuthorOwnsUnbracketedAddressesAndNothingIsLeftToTheRecord) {
  const ReadResult r = read_text(
      "PT J\nAU Smith, J\nTI T\nC1 Univ A, City, USA.\n   Univ B, Town, USA.\n"
      "RP Smith, J (reprint author), Univ A, City, USA.\nER\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].authors[0].affiliations,
            (std::vector<std::string>{"Univ A, City, USA.", "Univ B, Town, USA."}));
  EXPECT_TRUE(r.records[0].addresses.empty());
}

TEST(WosReaderTest, RecordWithoutAuthorsKeepsItsAddresses) {
  const ReadResult r = read_text("PT J\nTI T\nC1 Univ A, City, USA.\nER\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].addresses, (std::vector<std::string>{"Univ A, City, USA."}));
}

TEST(WosReaderTest, CorrespondingAuthorsOfTheNewerExports) {
  const ReadResult r = read_text(
      "PT J\nAU Smith, J\n   Doe, J\nTI T\n"
      "RP Smith, J (corresponding author), Univ A, City, USA.; Doe, J (corresponding author), "
      "Univ B, Town, USA.\nER\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].authors[0].affiliations, (std::vector<std::string>{"Univ A, City, USA."}));
  EXPECT_EQ(r.records[0].authors[1].affiliations, (std::vector<std::string>{"Univ B, Town, USA."}));
}

TEST(WosReaderTest, AddressNamingAStrangerWarns) {
  const ReadResult r = read_text("PT J\nAU Smith, J\nTI T\nC1 [Nobody, N] Univ A.\nER\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{
                "mem.txt:1: record 1: C1 names \"Nobody, N\", who is not an author"}));
  EXPECT_TRUE(r.records[0].authors[0].affiliations.empty());
  EXPECT_EQ(r.records[0].addresses, (std::vector<std::string>{"Univ A."}));
}

TEST(WosReaderTest, BadNumbersAreWarningsOnly) {
  const ReadResult r = read_text("PT J\nTI T\nPY 20x0\nTC many\nZ9 5\nER\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].year, 0);
  EXPECT_EQ(r.records[0].citations, 5);  // Z9 stands in
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{"mem.txt:1: record 1: bad PY value \"20x0\", left unknown",
                                      "mem.txt:1: record 1: bad TC value \"many\", left unknown"}));
}

TEST(WosReaderTest, CrlfAndBomReadLikeTheOriginal) {
  const std::string path = kWos + "metaknowledge-OnePaper.isi";
  const std::string original = slurp(path);
  ASSERT_TRUE(original.starts_with("\xEF\xBB\xBF"));
  const ReadResult lf = read_file(path);
  const ReadResult converted = read_text(crlf(original));
  ASSERT_EQ(converted.records.size(), 1u);
  EXPECT_TRUE(converted.stats.warnings.empty());
  const Record& a = lf.records[0];
  const Record& b = converted.records[0];
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.abstract, b.abstract);
  EXPECT_EQ(a.cited_references, b.cited_references);
  EXPECT_EQ(a.authors[0].affiliations, b.authors[0].affiliations);
  EXPECT_EQ(a.authors[1].full_name, b.authors[1].full_name);
  EXPECT_EQ(b.doi, "10.1111/tops.12013");
}

TEST(WosReaderTest, InvalidUtf8IsKept) {
  const ReadResult r = read_text("PT J\nTI Caf\xE9 \xFF\nER\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].title, "Caf\xE9 \xFF");
}

TEST(WosReaderTest, NotWosFails) {
  const ReadResult r = read_text("hello\nworld\n");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error,
            "mem.txt:1: not a Web of Science export (no \"PT\" record or \"PT\\tAU\" header)");
  const ReadResult empty = read_text("\n\n");
  EXPECT_FALSE(empty.ok);
  EXPECT_EQ(empty.error, "mem.txt:1: empty input");
}

TEST(WosReaderTest, HeaderOnlyExportIsEmptyButValid) {
  const ReadResult r = read_text("FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n");
  EXPECT_TRUE(r.ok);
  EXPECT_TRUE(r.records.empty());
  EXPECT_TRUE(r.stats.warnings.empty());
}

// Every prefix of a real file is a truncated file: never a crash, never more records than
// it holds, and at most one record lost to the cut.
TEST(WosReaderTest, EveryTruncationOfARealFileIsHandled) {
  const std::string text = slurp(kWos + "metaknowledge-testFile.isi");
  for (std::size_t cut = 0; cut < text.size(); cut += 211) {
    const ReadResult r = read_text(text.substr(0, cut));
    EXPECT_LE(r.records.size() + r.stats.records_skipped, 34u) << cut;
    EXPECT_LE(r.stats.records_skipped, 1u) << cut;
    for (const Record& rec : r.records) EXPECT_FALSE(rec.title.empty()) << cut;
  }
  const std::string tab = to_utf16(kTabHeader + kTabRow1 + kTabRow2, false);
  for (std::size_t cut = 0; cut < tab.size(); ++cut) {
    const ReadResult r = read_text(tab.substr(0, cut));
    EXPECT_LE(r.records.size(), 2u) << cut;
  }
}

TEST(WosReaderTest, RandomGarbageNeverCrashes) {
  std::mt19937 rng(11);
  const std::string alphabet = "PTAUERCF1[];,/ \t\n\r\xFF\xFE\xEF\xBB\xBF\xD8";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 400);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    const ReadResult r = read_text(text);
    EXPECT_EQ(r.stats.records_read, r.records.size());
    looks_like_wos(text);
  }
}

// ---------------------------------------------------------------- detection

TEST(LooksLikeWosTest, EveryCorpusFileOfItsFormatAndNoOther) {
  namespace fs = std::filesystem;
  std::size_t checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kCorpora)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".md") continue;
    std::string head = slurp(entry.path().string()).substr(0, 8192);
    const bool is_wos = entry.path().parent_path().filename() == "wos";
    EXPECT_EQ(looks_like_wos(head), is_wos) << entry.path();
    ++checked;
  }
  EXPECT_GE(checked, 20u);
}

TEST(LooksLikeWosTest, HeadsCutAnywhereAndOtherText) {
  const std::string text = slurp(kWos + "metaknowledge-OnePaper.isi");
  EXPECT_TRUE(looks_like_wos(text.substr(0, 30)));  // cut inside the FN line
  EXPECT_TRUE(looks_like_wos("FN Clarivate Analytics Web of Science\r\nVR 1.0\r\n"));
  EXPECT_TRUE(looks_like_wos("PT J\nAU Smith, J\n"));
  EXPECT_TRUE(looks_like_wos(kTabHeader));
  EXPECT_FALSE(looks_like_wos(""));
  EXPECT_FALSE(looks_like_wos("Just some plain text.\nAnother line.\n"));
  EXPECT_FALSE(looks_like_wos("PT J\n"));  // too little to tell
  EXPECT_FALSE(looks_like_wos("TY  - JOUR\nAU  - Smith, J\n"));
  EXPECT_FALSE(looks_like_wos("PMID- 123\nTI  - A title\n"));
  EXPECT_FALSE(looks_like_wos("Authors,Title,Year\n"));
}

}  // namespace
}  // namespace citenet
