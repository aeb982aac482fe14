#include "formats/medline_reader.h"

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
const std::string kMedline = kCorpora + "medline/";

using testing_support::ReadResult;
using testing_support::slurp;

ReadResult read_text(const std::string& text, const std::string& source = "mem.nbib") {
  return testing_support::read_text(read_medline, text, source);
}

ReadResult read_file(const std::string& path) {
  return testing_support::read_file(read_medline, path);
}

std::vector<std::string> keyword_texts(const Record& r) {
  std::vector<std::string> out;
  for (const Keyword& k : r.keywords) out.push_back(k.text);
  return out;
}

// A small well-formed record for the bad-input tests.
const std::string kGoodRecord =
    "PMID- 1\nTI  - A title.\nFAU - Smith, John Michael\nAU  - Smith JM\nDP  - 2019 Mar 5\n";

// ---------------------------------------------------------------- the real corpora

struct CorpusFile {
  const char* name;
  std::size_t records;  // as counted in tests/data/corpora/SOURCES.md
};
constexpr CorpusFile kFiles[] = {{"biopython-pubmed_result1.txt", 1},
                                 {"biopython-pubmed_result2.txt", 4},
                                 {"biopython-pubmed_result3.txt", 1},
                                 {"metaknowledge-medline_test.medline", 175},
                                 {"pybibx-pubmed-part1.txt", 168}};

TEST(MedlineCorpusTest, EveryFileReadsWithItsRecordCountCleanly) {
  for (const CorpusFile& file : kFiles) {
    const std::string path = kMedline + file.name;
    ReadResult r = read_file(path);
    EXPECT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.records.size(), file.records) << file.name;
    EXPECT_EQ(r.stats.records_read, file.records) << file.name;
    EXPECT_EQ(r.stats.records_skipped, 0u) << file.name;
    EXPECT_TRUE(r.stats.warnings.empty()) << file.name << ": " << r.warnings().front();
    for (const Record& rec : r.records) {
      EXPECT_EQ(rec.format, "medline");
      EXPECT_EQ(rec.source, path);
      EXPECT_FALSE(rec.pmid.empty());
      EXPECT_FALSE(rec.title.empty());
      EXPECT_FALSE(rec.citations.has_value());  // PubMed exports no counts
      EXPECT_TRUE(rec.cited_references.empty());
    }
  }
}

TEST(MedlineCorpusTest, AddressTotalsOfEveryFile) {
  struct Expected {
    const char* name;
    std::size_t total;  // per-author affiliations + record addresses
  };
  // Every AD line of these files follows its author (or, in the old records of
  // pubmed_result1/2, precedes the author list and goes to the first author): none is left
  // to the record.
  constexpr Expected kExpected[] = {{"biopython-pubmed_result1.txt", 1},
                                    {"biopython-pubmed_result2.txt", 4},
                                    {"biopython-pubmed_result3.txt", 1},
                                    {"metaknowledge-medline_test.medline", 1287},
                                    {"pybibx-pubmed-part1.txt", 997}};
  for (const Expected& e : kExpected) {
    ReadResult r = read_file(kMedline + e.name);
    std::size_t total = 0;
    for (const Record& rec : r.records) {
      for (const Author& a : rec.authors) total += a.affiliations.size();
      total += rec.addresses.size();
      EXPECT_TRUE(rec.addresses.empty()) << e.name << ": " << rec.pmid;
    }
    EXPECT_EQ(total, e.total) << e.name;
  }
}

TEST(MedlineCorpusTest, BiopythonResult1OldStyleRecord) {
  ReadResult r = read_file(kMedline + "biopython-pubmed_result1.txt");
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.line, 2u);
  EXPECT_EQ(rec.pmid, "12230038");
  EXPECT_EQ(rec.title, "The Bio* toolkits--a brief overview");
  EXPECT_EQ(rec.journal, "Briefings in bioinformatics");
  EXPECT_EQ(rec.year, 2002);
  EXPECT_EQ(rec.published, (Date{2002, 9, 0}));
  EXPECT_EQ(rec.volume, "3");
  EXPECT_EQ(rec.issue, "3");
  EXPECT_EQ(rec.pages, "296-302");
  EXPECT_EQ(rec.doi, "");
  EXPECT_EQ(rec.pmcid, "");
  EXPECT_EQ(rec.database_id, "");
  EXPECT_EQ(rec.document_type, "Journal Article");
  EXPECT_EQ(rec.language, "eng");
  EXPECT_EQ(rec.indexed, (Date{2002, 9, 17}));
  EXPECT_TRUE(rec.abstract.starts_with(
      "Bioinformatics research is often difficult to do with commercial software. The Open "
      "Source BioPerl,"));
  EXPECT_TRUE(rec.abstract.ends_with("the beginning biologist programmer."));
  ASSERT_EQ(rec.authors.size(), 1u);
  const Author& a = rec.authors[0];
  EXPECT_EQ(a.as_printed, "Mangalam H");
  EXPECT_EQ(a.surname, "Mangalam");
  EXPECT_EQ(a.given, "Harry");
  EXPECT_EQ(a.initials, "H");
  EXPECT_EQ(a.full_name, "Harry Mangalam");
  // The AD line comes before the author list in this old record; it is the first author's.
  EXPECT_EQ(a.affiliations,
            (std::vector<std::string>{"tacg Informatics, Irvine, CA 92612, USA. hjm@tacgi.com"}));
  ASSERT_EQ(rec.keywords.size(), 7u);
  EXPECT_EQ(rec.keywords[0].text, "Computational Biology");  // "*" dropped
  EXPECT_EQ(rec.keywords[0].origin, KeywordOrigin::index_term);
}

TEST(MedlineCorpusTest, BiopythonResult2FirstAndLast) {
  ReadResult r = read_file(kMedline + "biopython-pubmed_result2.txt");
  ASSERT_EQ(r.records.size(), 4u);
  const Record& first = r.records.front();
  EXPECT_EQ(first.line, 2u);
  EXPECT_EQ(first.pmid, "16403221");
  EXPECT_EQ(first.pmcid, "PMC1373603");
  EXPECT_EQ(first.doi, "10.1186/1471-2105-7-10");  // the [doi] AID, not the [pii] one
  EXPECT_EQ(first.title, "A high level interface to SCOP and ASTRAL implemented in python");
  EXPECT_EQ(first.journal, "BMC bioinformatics");
  EXPECT_EQ(first.year, 2006);
  EXPECT_EQ(first.published, (Date{2006, 0, 0}));
  EXPECT_EQ(first.volume, "7");
  EXPECT_EQ(first.issue, "");
  EXPECT_EQ(first.pages, "10");
  EXPECT_EQ(first.document_type, "Evaluation Studies; Journal Article");
  EXPECT_EQ(first.received, (Date{2005, 6, 17}));
  EXPECT_EQ(first.accepted, (Date{2006, 1, 10}));
  // Continuation lines ending in a space still join with exactly one space.
  EXPECT_NE(first.abstract.find("The ASTRAL compendium provides"), std::string::npos);
  EXPECT_TRUE(first.abstract.starts_with("BACKGROUND: Benchmarking algorithms"));
  ASSERT_EQ(first.authors.size(), 3u);
  EXPECT_EQ(first.authors[0].full_name, "James A Casbon");
  EXPECT_EQ(first.authors[0].affiliations.size(), 1u);
  EXPECT_TRUE(first.authors[0].affiliations[0].starts_with("Bioinformatics, Institute of Cell"));
  EXPECT_TRUE(first.authors[1].affiliations.empty());  // not copied onto co-authors
  EXPECT_EQ(first.authors[2].as_printed, "Saqi MA");
  EXPECT_EQ(first.authors[2].given, "Mansoor A S");
  EXPECT_EQ(first.authors[2].initials, "MAS");  // from the full given names
  ASSERT_EQ(first.keywords.size(), 9u);
  EXPECT_EQ(first.keywords[2].text, "Information Storage and Retrieval");  // "/*methods" dropped

  const Record& last = r.records.back();
  EXPECT_EQ(last.line, 192u);
  EXPECT_EQ(last.pmid, "14630660");
  EXPECT_EQ(last.title, "PDB file parser and structure class implemented in Python");
  EXPECT_EQ(last.journal, "Bioinformatics (Oxford, England)");
  EXPECT_EQ(last.published, (Date{2003, 11, 22}));
  EXPECT_EQ(last.volume, "19");
  EXPECT_EQ(last.issue, "17");
  EXPECT_EQ(last.pages, "2308-10");
  EXPECT_EQ(last.doi, "");
  ASSERT_EQ(last.authors.size(), 2u);
  EXPECT_EQ(last.authors[1].full_name, "Bernard Manderick");
  EXPECT_EQ(last.keywords.size(), 9u);
  EXPECT_EQ(last.keywords[0].text, "Computer Simulation");

  // "de Hoon, M J L" spells only initials: no given names, no full name.
  const Record* hoon = r.by_pmid("14871861");
  ASSERT_NE(hoon, nullptr);
  EXPECT_EQ(hoon->authors[0].surname, "de Hoon");
  EXPECT_EQ(hoon->authors[0].initials, "MJL");
  EXPECT_EQ(hoon->authors[0].given, "");
  EXPECT_EQ(hoon->authors[0].full_name, "");
  EXPECT_EQ(hoon->doi, "10.1093/bioinformatics/bth078");
}

TEST(MedlineCorpusTest, BiopythonResult3QualifierOnContinuationLine) {
  ReadResult r = read_file(kMedline + "biopython-pubmed_result3.txt");
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.doi, "10.1118/1.4748329");  // from LID
  EXPECT_EQ(rec.pages, "5795-813");
  EXPECT_EQ(rec.document_type, "Journal Article; Research Support, Non-U.S. Gov't");
  ASSERT_EQ(rec.authors.size(), 4u);
  EXPECT_EQ(rec.authors[0].affiliations,
            (std::vector<std::string>{"School of Biomedical Engineering, Shanghai Jiao Tong "
                                      "University, Shanghai, People's Republic of China."}));
  EXPECT_TRUE(rec.authors[3].affiliations.empty());
  EXPECT_EQ(keyword_texts(rec),
            (std::vector<std::string>{
                "Blood Circulation", "High-Intensity Focused Ultrasound Ablation", "Humans",
                "Models, Biological", "Sonication", "Temperature", "Time Factors", "Transducers"}));
}

TEST(MedlineCorpusTest, MetaknowledgeFirstAndLast) {
  const std::string path = kMedline + "metaknowledge-medline_test.medline";
  ReadResult r = read_file(path);
  ASSERT_EQ(r.records.size(), 175u);
  const Record& first = r.records.front();
  EXPECT_EQ(first.line, 2u);
  EXPECT_EQ(first.pmid, "26524502");
  EXPECT_EQ(first.title, "Bioinformatic survey of ABC transporters in dermatophytes");
  EXPECT_EQ(first.journal, "Gene");
  EXPECT_EQ(first.year, 2016);
  EXPECT_EQ(first.published, (Date{2016, 1, 15}));
  EXPECT_EQ(first.volume, "576");
  EXPECT_EQ(first.issue, "1 Pt 3");
  EXPECT_EQ(first.pages, "466-75");
  EXPECT_EQ(first.doi, "10.1016/j.gene.2015.10.064");
  EXPECT_EQ(first.pmcid, "");
  EXPECT_EQ(first.received, (Date{2015, 5, 15}));
  EXPECT_EQ(first.revised, (Date{2015, 10, 23}));
  EXPECT_EQ(first.accepted, (Date{2015, 10, 25}));
  EXPECT_EQ(first.indexed, (Date{2015, 11, 3}));
  EXPECT_TRUE(first.abstract.starts_with("ATP binding cassette (ABC) transporters constitute"));
  EXPECT_TRUE(first.abstract.ends_with("could lead to novel substrate specificity."));
  ASSERT_EQ(first.authors.size(), 3u);
  EXPECT_EQ(first.authors[0].full_name, "Marek Gadzalski");
  EXPECT_EQ(first.authors[0].as_printed, "Gadzalski M");
  EXPECT_EQ(first.authors[0].affiliations,
            (std::vector<std::string>{
                "Department of Microbial Genetics, Faculty of Biology and Environmental "
                "Protection, University of Lodz, Poland. Electronic address: "
                "mgadzal@biol.uni.lodz.pl."}));
  EXPECT_EQ(first.authors[2].full_name, "Pawel Staczek");
  EXPECT_EQ(first.authors[2].affiliations.size(), 1u);
  ASSERT_EQ(first.keywords.size(), 4u);  // OT only: the record has no MeSH yet
  EXPECT_EQ(first.keywords[0].text, "ABC transporters");
  EXPECT_EQ(first.keywords[0].origin, KeywordOrigin::author);

  // The file ends inside this record's title (it was cut so upstream); what is there counts.
  const Record& last = r.records.back();
  EXPECT_EQ(last.line, 14925u);
  EXPECT_EQ(last.pmid, "26153366");
  EXPECT_EQ(last.title,
            "Evaluation of the frequency of G-765C polymorphism in the promoter region of the "
            "COX-2 gene and its correlation with the expression of this gene in the endometriu");
  EXPECT_EQ(last.year, 2016);
  EXPECT_EQ(last.published, (Date{2016, 1, 0}));
  EXPECT_EQ(last.volume, "293");
  EXPECT_EQ(last.issue, "1");
  EXPECT_EQ(last.journal, "");
  EXPECT_TRUE(last.authors.empty());
  EXPECT_TRUE(last.keywords.empty());
  EXPECT_EQ(last.abstract, "");

  // ORCID given as a URL; "Jr" is not an initial.
  const Record* url_orcid = r.by_pmid("26433648");
  ASSERT_NE(url_orcid, nullptr);
  EXPECT_EQ(url_orcid->authors.at(0).orcid, "0000-0001-9778-1920");
  bool found_rider = false;
  for (const Record& rec : r.records) {
    for (const Author& a : rec.authors) {
      if (a.as_printed != "Rider SD Jr") continue;
      found_rider = true;
      EXPECT_EQ(a.surname, "Rider");
      EXPECT_EQ(a.given, "S Dean");
      EXPECT_EQ(a.initials, "SD");
    }
  }
  EXPECT_TRUE(found_rider);
}

TEST(MedlineCorpusTest, PybibxFirstAndLast) {
  ReadResult r = read_file(kMedline + "pybibx-pubmed-part1.txt");
  ASSERT_EQ(r.records.size(), 168u);
  const Record& first = r.records.front();
  EXPECT_EQ(first.line, 1u);
  EXPECT_EQ(first.pmid, "35757629");
  EXPECT_EQ(first.pmcid, "PMC9218106");
  EXPECT_EQ(first.title,
            "Knowledge Mapping of Multicriteria Decision Analysis in Healthcare: A Bibliometric "
            "Analysis");
  EXPECT_EQ(first.journal, "Frontiers in public health");
  EXPECT_EQ(first.year, 2022);
  EXPECT_EQ(first.volume, "10");
  EXPECT_EQ(first.issue, "");
  EXPECT_EQ(first.pages, "895552");
  EXPECT_EQ(first.doi, "10.3389/fpubh.2022.895552");
  EXPECT_EQ(first.document_type, "Journal Article; Research Support, Non-U.S. Gov't; Review");
  EXPECT_EQ(first.received, (Date{2022, 3, 14}));
  EXPECT_EQ(first.accepted, (Date{2022, 5, 2}));
  EXPECT_TRUE(first.abstract.starts_with("OBJECTIVE: Multicriteria decision analysis (MCDA)"));
  ASSERT_EQ(first.authors.size(), 8u);
  EXPECT_EQ(first.authors[0].full_name, "Zeqi Dai");
  EXPECT_EQ(first.authors[0].as_printed, "Dai Z");
  EXPECT_EQ(first.authors[5].full_name, "Haoqiang He");
  EXPECT_EQ(first.authors[5].affiliations,
            (std::vector<std::string>{"Department of Cardiology, Guang'anmen Hospital, China "
                                      "Academy of Chinese Medical Sciences, Beijing, China."}));
  EXPECT_EQ(first.authors[7].full_name, "Xing Liao");
  ASSERT_EQ(first.keywords.size(), 13u);
  EXPECT_EQ(first.keywords[0].text, "Bibliometrics");
  EXPECT_EQ(first.keywords[0].origin, KeywordOrigin::index_term);
  EXPECT_EQ(first.keywords[7].text, "CiteSpace");
  EXPECT_EQ(first.keywords[7].origin, KeywordOrigin::author);

  const Record& last = r.records.back();
  EXPECT_EQ(last.line, 16076u);
  EXPECT_EQ(last.pmid, "26229084");
  EXPECT_EQ(last.pmcid, "PMC4592400");
  EXPECT_EQ(last.title,
            "Decision Aids: The Effect of Labeling Options on Patient Choices and Decision "
            "Making");
  EXPECT_EQ(last.journal,
            "Medical decision making : an international journal of the Society for Medical "
            "Decision Making");
  EXPECT_EQ(last.year, 2015);
  EXPECT_EQ(last.published, (Date{2015, 11, 0}));
  EXPECT_EQ(last.volume, "35");
  EXPECT_EQ(last.issue, "8");
  EXPECT_EQ(last.pages, "979-86");
  EXPECT_EQ(last.doi, "10.1177/0272989x15598532");  // lower-cased
  EXPECT_TRUE(last.abstract.starts_with("BACKGROUND: Conscious and unconscious biases"));
  ASSERT_EQ(last.authors.size(), 4u);
  EXPECT_EQ(last.authors[0].full_name, "James G Dolan");
  EXPECT_EQ(last.authors[0].initials, "JG");
  EXPECT_EQ(last.authors[3].full_name, "Peter J Veazie");
  EXPECT_EQ(last.authors[3].affiliations,
            (std::vector<std::string>{"Department of Public Health Sciences, University of "
                                      "Rochester, Rochester, NY (JGD, OAC, NC, PJV)."}));
  ASSERT_EQ(last.keywords.size(), 17u);
  EXPECT_EQ(last.keywords[0].text, "Adult");
  EXPECT_EQ(last.keywords[16].text, "shared decision making");
  EXPECT_EQ(last.keywords[16].origin, KeywordOrigin::author);

  // AUID follows the AU line and belongs to that author only.
  const Record* khan = r.by_pmid("34166149");
  ASSERT_NE(khan, nullptr);
  EXPECT_EQ(khan->authors.at(0).full_name, "Ilyas Khan");
  EXPECT_EQ(khan->authors.at(0).orcid, "0000-0001-9052-6695");
  std::size_t orcids = 0;
  for (const Record& rec : r.records) {
    for (const Author& a : rec.authors) orcids += a.orcid.empty() ? 0 : 1;
  }
  EXPECT_EQ(orcids, 114u);  // every AUID line of the file
}

// ---------------------------------------------------------------- fields, by hand

TEST(MedlineReaderTest, AuthorsOrcidsAndCollectiveNames) {
  ReadResult r = read_text(
      "PMID- 1\n"
      "TI  - A title?\n"
      "AD  - Before any author.\n"
      "FAU - Smith, John Michael\n"
      "AU  - Smith JM\n"
      "AUID- ORCID: https://orcid.org/0000-0002-1825-009x\n"
      "AD  - University A.\n"
      "AD  - University B.\n"
      "AU  - Li X\n"
      "CN  - Some Study Group\n"
      "AD  - The group's address.\n"
      "FIR - Jones, Karen\n"
      "IR  - Jones K\n"
      "AUID- ORCID: 0000-0001-0000-0000\n");
  ASSERT_EQ(r.records.size(), 1u);
  const Record& rec = r.records[0];
  EXPECT_EQ(rec.title, "A title?");
  ASSERT_EQ(rec.authors.size(), 2u);  // collective names and investigators are not authors
  const Author& smith = rec.authors[0];
  EXPECT_EQ(smith.full_name, "John Michael Smith");
  EXPECT_EQ(smith.initials, "JM");
  EXPECT_EQ(smith.orcid, "0000-0002-1825-009X");
  EXPECT_EQ(smith.affiliations,
            (std::vector<std::string>{"Before any author.", "University A.", "University B."}));
  const Author& li = rec.authors[1];  // AU without FAU (records before 2002)
  EXPECT_EQ(li.as_printed, "Li X");
  EXPECT_EQ(li.surname, "Li");
  EXPECT_EQ(li.initials, "X");
  EXPECT_EQ(li.given, "");
  EXPECT_TRUE(li.affiliations.empty());
  EXPECT_TRUE(li.orcid.empty());
  // The collective name's address is tied to no author: the record's.
  EXPECT_EQ(rec.addresses, (std::vector<std::string>{"The group's address."}));
}

TEST(MedlineReaderTest, AddressesTiedToNoAuthorAreTheRecords) {
  ReadResult r = read_text(
      "PMID- 1\n"
      "TI  - Authors and a group.\n"
      "FAU - Smith, John\n"
      "AU  - Smith J\n"
      "AD  - University A.\n"
      "CN  - Group One\n"
      "AD  - University B.\n"
      "AD  -   University B.\n"
      "AD  - University A.\n"
      "CN  - Group Two\n"
      "AD  - University C.\n"
      "IR  - Jones K\n"
      "AD  - An investigator's address.\n"
      "\n"
      "PMID- 2\n"
      "TI  - No authors.\n"
      "AD  - University D.\n"
      "AD  - University D.\n"
      "AD  - University E.\n");
  ASSERT_EQ(r.records.size(), 2u);
  const Record& first = r.records[0];
  ASSERT_EQ(first.authors.size(), 1u);
  EXPECT_EQ(first.authors[0].affiliations, (std::vector<std::string>{"University A."}));
  // Once each, in order; not Smith's address again; not the investigator's.
  EXPECT_EQ(first.addresses, (std::vector<std::string>{"University B.", "University C."}));
  const Record& second = r.records[1];
  EXPECT_TRUE(second.authors.empty());
  EXPECT_EQ(second.addresses, (std::vector<std::string>{"University D.", "University E."}));
}

TEST(MedlineReaderTest, DatesKeywordsAndFallbacks) {
  ReadResult r = read_text(
      "PMID- 2\n"
      "DP  - 2016 Jan-Feb\n"
      "BTI - A book title.\n"
      "TA  - J Abbr\n"
      "LA  - eng\n"
      "LA  - ger\n"
      "MH  - *Neoplasms/therapy\n"
      "MH  - Humans\n"
      "OTO - KIE\n"
      "OT  - Ethics\n"
      "AID - S0378-1119(15)01297-4 [pii]\n"
      "AID - HTTPS://DOI.ORG/10.1/ABC [doi]\n"
      "\n"
      "PMID- 3\n"
      "TI  - Winter.\n"
      "DP  - 2012 Winter\n"
      "DEP - 20111224\n"
      "\n"
      "PMID- 4\n"
      "TI  - Electronic only.\n"
      "DEP - 20111224\n");
  ASSERT_EQ(r.records.size(), 3u);
  const Record& book = r.records[0];
  EXPECT_EQ(book.title, "A book title");
  EXPECT_EQ(book.journal, "J Abbr");  // TA when there is no JT
  EXPECT_EQ(book.published, (Date{2016, 1, 0}));
  EXPECT_EQ(book.language, "eng; ger");
  EXPECT_EQ(book.doi, "10.1/abc");
  EXPECT_EQ(keyword_texts(book), (std::vector<std::string>{"Neoplasms", "Humans", "Ethics"}));
  EXPECT_EQ(book.keywords[2].origin, KeywordOrigin::index_term);  // OT owned by KIE, not authors
  EXPECT_EQ(r.records[1].published, (Date{2012, 0, 0}));
  EXPECT_EQ(r.records[1].year, 2012);
  EXPECT_EQ(r.records[2].year, 2011);  // no DP: the electronic publication year
  EXPECT_FALSE(r.records[2].published.known());
}

// ---------------------------------------------------------------- bad and odd input

TEST(MedlineReaderTest, RecordWithoutTitleIsSkipped) {
  ReadResult r = read_text("PMID- 9\nAU  - Smith J\nDP  - 2020\n\n" + kGoodRecord);
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].pmid, "1");
  EXPECT_EQ(r.records[0].line, 5u);
  EXPECT_EQ(r.stats.records_read, 1u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{"mem.nbib:1: record 1: no title"}));
}

TEST(MedlineReaderTest, RecordWithoutPmidIsSkipped) {
  ReadResult r = read_text(kGoodRecord + "\nTI  - Orphan.\nAU  - Smith J\n\n" + kGoodRecord);
  EXPECT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{"mem.nbib:7: record 2: no PMID"}));
}

TEST(MedlineReaderTest, MissingBlankLineBetweenRecordsCostsNothing) {
  ReadResult r = read_text(kGoodRecord + kGoodRecord);
  EXPECT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].line, 6u);
  EXPECT_TRUE(r.stats.warnings.empty());
}

TEST(MedlineReaderTest, StrayLinesWarnOncePerRun) {
  ReadResult r = read_text("Some header\nmore\n\n" + kGoodRecord + "junk\njunk\n");
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{"mem.nbib:1: text outside any record, ignored",
                                      "mem.nbib:9: record 1: unexpected line, ignored"}));
}

TEST(MedlineReaderTest, NotMedlineFails) {
  ReadResult r = read_text("TY  - JOUR\nTI  - A RIS record\nER  - \n");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.records.empty());
  EXPECT_TRUE(r.stats.warnings.empty());  // nothing to say about a file of another format
  EXPECT_EQ(r.stats.records_skipped, 0u);
  EXPECT_EQ(r.error, "mem.nbib:1: not a MEDLINE file (no \"PMID- \" line)");
}

TEST(MedlineReaderTest, EmptyInputFails) {
  ReadResult r = read_text("");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "mem.nbib:1: empty input");
  ReadResult blank = read_text("\n\r\n   \n");
  EXPECT_FALSE(blank.ok);
  EXPECT_EQ(blank.error, "mem.nbib:1: empty input");
}

TEST(MedlineReaderTest, CrlfAndBomReadLikeTheOriginal) {
  const std::string path = kMedline + "pybibx-pubmed-part1.txt";
  std::string text = "\xEF\xBB\xBF";
  std::istringstream lines(slurp(path));
  for (std::string line; std::getline(lines, line);) text += line + "\r\n";
  ReadResult crlf = read_text(text);
  ReadResult lf = read_file(path);
  ASSERT_EQ(crlf.records.size(), 168u);
  EXPECT_TRUE(crlf.stats.warnings.empty());
  for (std::size_t i = 0; i < lf.records.size(); ++i) {
    const Record& a = crlf.records[i];
    const Record& b = lf.records[i];
    EXPECT_EQ(a.pmid, b.pmid);
    EXPECT_EQ(a.title, b.title);
    EXPECT_EQ(a.abstract, b.abstract);
    EXPECT_EQ(a.doi, b.doi);
    ASSERT_EQ(a.authors.size(), b.authors.size());
    for (std::size_t k = 0; k < a.authors.size(); ++k) {
      EXPECT_EQ(a.authors[k].full_name, b.authors[k].full_name);
      EXPECT_EQ(a.authors[k].affiliations, b.authors[k].affiliations);
      EXPECT_EQ(a.authors[k].orcid, b.authors[k].orcid);
    }
    EXPECT_EQ(keyword_texts(a), keyword_texts(b));
  }
}

TEST(MedlineReaderTest, InvalidUtf8IsLeftAsItIs) {
  ReadResult r = read_text("PMID- 5\nTI  - Caf\xC3 \xFF\xFE title.\nFAU - M\xE9ller, J\xF6rg\n");
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].title, "Caf\xC3 \xFF\xFE title");
  EXPECT_EQ(r.records[0].authors.at(0).surname, "M\xE9ller");
  EXPECT_EQ(r.records[0].authors.at(0).initials, "J");
}

// Every prefix of a real file is a truncated file: never a crash, never more records than
// the file holds, and every record handed on still has its PMID and title.
TEST(MedlineReaderTest, EveryTruncationIsHandled) {
  for (const char* name : {"biopython-pubmed_result2.txt", "biopython-pubmed_result3.txt"}) {
    const std::string text = slurp(kMedline + name);
    for (std::size_t cut = 0; cut <= text.size(); cut += 7) {
      ReadResult r = read_text(text.substr(0, cut));
      EXPECT_LE(r.records.size() + r.stats.records_skipped, 4u) << cut;
      for (const Record& rec : r.records) {
        EXPECT_FALSE(rec.pmid.empty()) << cut;
        EXPECT_FALSE(rec.title.empty()) << cut;
      }
    }
  }
}

TEST(MedlineReaderTest, RandomGarbageNeverCrashes) {
  std::mt19937 rng(7);
  const std::string alphabet = "PMID- TIAUFADM*/[doi]\n\r 0123456789,.:\xC3\xA9\xFF";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 800);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    ReadResult r = read_text(text);
    EXPECT_EQ(r.stats.records_read, r.records.size());
  }
}

// ---------------------------------------------------------------- detection

TEST(LooksLikeMedlineTest, EveryCorpusFileIsToldApart) {
  std::size_t medline_files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kCorpora)) {
    if (!entry.is_regular_file() || entry.path().filename() == "SOURCES.md") continue;
    const std::string head = slurp(entry.path().string()).substr(0, 8192);
    const bool is_medline = entry.path().parent_path().filename() == "medline";
    medline_files += is_medline ? 1 : 0;
    EXPECT_EQ(looks_like_medline(head), is_medline) << entry.path();
  }
  EXPECT_EQ(medline_files, 5u);
}

TEST(LooksLikeMedlineTest, HeadsCutAnywhereAndOddStarts) {
  const std::string text = slurp(kMedline + "pybibx-pubmed-part1.txt");
  for (std::size_t cut : {5, 9, 100, 4096, 8192}) {
    EXPECT_TRUE(looks_like_medline(text.substr(0, cut))) << cut;
  }
  EXPECT_TRUE(looks_like_medline("\xEF\xBB\xBF\r\n\r\nPMID- 1\r\n"));
  EXPECT_FALSE(looks_like_medline(""));
  EXPECT_FALSE(looks_like_medline("PMI"));
  EXPECT_FALSE(looks_like_medline("Just some plain text.\nPMID- 1\n"));
  EXPECT_FALSE(looks_like_medline("TY  - JOUR\nAU  - Smith, J\n"));
  EXPECT_FALSE(looks_like_medline("FN Clarivate Analytics Web of Science\nVR 1.0\n"));
}

}  // namespace
}  // namespace citenet
