// Corpus building: duplicates across sources, their union, and the thesaurus on entities.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>

#include "records/corpus.h"

namespace citenet {
namespace {

Author author(std::string surname, std::string given, std::vector<std::string> affiliations = {}) {
  Author a;
  a.surname = surname;
  a.given = given;
  a.initials = given.substr(0, 1);
  a.full_name = given + " " + surname;
  a.as_printed = surname + " " + a.initials;
  a.affiliations = std::move(affiliations);
  return a;
}

Record record(std::string title, int year, std::string doi, std::string pmid,
              std::vector<Author> authors) {
  Record r;
  r.title = std::move(title);
  r.year = year;
  r.doi = std::move(doi);
  r.pmid = std::move(pmid);
  r.authors = std::move(authors);
  return r;
}

std::vector<std::string> labels(std::span<const std::uint32_t> ids,
                                const std::vector<std::string>& table) {
  std::vector<std::string> out;
  for (std::uint32_t id : ids) out.push_back(table[id]);
  return out;
}

TEST(CorpusDuplicates, SameDoiMergesAndKeepsTheUnion) {
  CorpusBuilder b({.keywords = KeywordSource::explicit_only});
  Record medline =
      record("Cross-sector collaboration", 2024, "10.1186/S12889-024-20089-5", "39334058",
             {author("Alderwick", "Hugh", {"Health Foundation, London, UK"})});
  medline.keywords = {{"Health Policy", KeywordOrigin::index_term}};
  Record wos = record("CROSS-SECTOR COLLABORATION", 0, "https://doi.org/10.1186/s12889-024-20089-5",
                      "", {author("Alderwick", "Hugh"), author("Mays", "Nicholas")});
  wos.addresses = {"London Sch Hyg & Trop Med, London, England"};
  wos.keywords = {{"integrated care", KeywordOrigin::author}};
  wos.citations = 7;
  b.add(medline);
  b.add(wos);
  b.add(record("Something else", 2024, "10.1/other", "", {author("Dixon", "Jennifer")}));
  const Corpus c = b.finish();
  ASSERT_EQ(c.papers.size(), 2u);
  EXPECT_EQ(c.duplicates_merged, 1u);
  EXPECT_EQ(c.record_paper, (std::vector<std::uint32_t>{0, 0, 1}));
  EXPECT_EQ(labels(c.authors[0], c.author_labels),
            (std::vector<std::string>{"Hugh Alderwick", "Nicholas Mays"}));
  EXPECT_EQ(c.institutions[0].size(), 2u);
  EXPECT_EQ(labels(c.keywords[0], c.keyword_labels),
            (std::vector<std::string>{"Health Policy", "integrated care"}));
  EXPECT_EQ(c.papers[0].year, 2024);
  EXPECT_EQ(c.papers[0].citations, 7u);
}

TEST(CorpusDuplicates, PmidThenTitleAndYearWhenNoDoi) {
  CorpusBuilder b;
  b.add(record("A study", 2020, "", "123", {}));
  b.add(record("A different title as printed", 2020, "", "123", {}));
  b.add(record("Théories du care", 2019, "", "", {}));
  b.add(record("THEORIES DU CARE.", 2019, "", "", {}));
  b.add(record("Theories du care", 2018, "", "", {}));  // another year: another paper
  const Corpus c = b.finish();
  EXPECT_EQ(c.record_paper, (std::vector<std::uint32_t>{0, 0, 1, 1, 2}));
}

// A guideline printed in two journals: same title and year, two DOIs, two papers.
TEST(CorpusDuplicates, DifferentDoisNeverMerge) {
  CorpusBuilder b;
  b.add(record("2011 ACCF/AHA/SCAI Guideline", 2011, "10.1016/j.jacc.2011.08.007", "22070834", {}));
  b.add(
      record("2011 ACCF/AHA/SCAI Guideline", 2011, "10.1161/CIR.0b013e31823ba622", "22064601", {}));
  b.add(record("2011 ACCF/AHA/SCAI Guideline", 2011, "", "22064601", {}));
  const Corpus c = b.finish();
  EXPECT_EQ(c.record_paper, (std::vector<std::uint32_t>{0, 1, 1}));
}

// Scopus titles four chapters after their proceedings volume: same title, same year, no DOI,
// four EIDs, four papers (litstudy-scopus.csv lines 41-44).
TEST(CorpusDuplicates, DifferentDatabaseIdsNeverMerge) {
  CorpusBuilder b;
  for (const char* eid : {"2-s2.0-77952412778", "2-s2.0-77952395878", "2-s2.0-77952412778"}) {
    Record r = record("Computational Science and Its Applications - ICCSA", 2010, "", "", {});
    r.database_id = eid;
    b.add(r);
  }
  EXPECT_EQ(b.finish().record_paper, (std::vector<std::uint32_t>{0, 1, 0}));
}

TEST(CorpusDuplicates, KeepDuplicatesOption) {
  CorpusBuilder b({.merge_duplicates = false});
  b.add(record("A", 2020, "10.1/a", "", {}));
  b.add(record("A", 2020, "10.1/a", "", {}));
  EXPECT_EQ(b.finish().papers.size(), 2u);
}

// A view the builder may change (as the readers hand them over) gives up its prepared paper
// label instead of having it copied; a const view keeps it. Both give the same paper.
TEST(CorpusBuilderAdd, TakesThePreparedLabelOfAChangeableView) {
  const Record r = record("Cross-sector collaboration to reduce health inequalities", 2024,
                          "10.1/x", "", {author("Alderwick", "Hugh")});
  const CorpusOptions options;
  RecordView view;
  view_of(r, view);
  prepare_keys(view, options);
  ASSERT_TRUE(view.keys.ready);
  const std::string label = view.keys.label;
  ASSERT_GT(label.size(), 15u);  // past the short-string buffer: a heap block to hand over
  CorpusBuilder kept(options);
  kept.add(std::as_const(view));
  EXPECT_EQ(view.keys.label, label);
  CorpusBuilder taken(options);
  taken.add(view);
  EXPECT_TRUE(view.keys.label.empty());
  EXPECT_EQ(kept.finish().papers.at(0).label, label);
  EXPECT_EQ(taken.finish().papers.at(0).label, label);
}

// reserve() only makes room: too small an estimate, a fitting one or a far too large one give
// the same corpus as none.
TEST(CorpusReserve, AnyEstimateGivesTheSameCorpus) {
  const auto build = [](std::size_t estimate) {
    CorpusBuilder b;
    if (estimate) b.reserve(estimate);
    for (int i = 0; i < 5; ++i) {
      b.add(record("Paper " + std::to_string(i), 2020, "10.1/" + std::to_string(i % 4), "",
                   {author("Alderwick", "Hugh", {"Health Foundation, London, UK"}),
                    author("Li", "Xing", {"University of Manchester, Manchester, UK"})}));
    }
    return b.finish();
  };
  const Corpus none = build(0);
  for (std::size_t estimate : {1u, 5u, 100000u}) {
    const Corpus c = build(estimate);
    EXPECT_EQ(c.record_paper, none.record_paper) << estimate;
    EXPECT_EQ(c.authors, none.authors) << estimate;
    EXPECT_EQ(c.institutions, none.institutions) << estimate;
    EXPECT_EQ(c.countries, none.countries) << estimate;
    EXPECT_EQ(c.author_institutions, none.author_institutions) << estimate;
    EXPECT_EQ(c.record_authors, none.record_authors) << estimate;
    EXPECT_EQ(c.author_labels, none.author_labels) << estimate;
    EXPECT_EQ(c.institution_labels, none.institution_labels) << estimate;
  }
  EXPECT_EQ(none.papers.size(), 4u);
}

TEST(CorpusThesaurus, RenamesMergesAndDropsInstitutionsAndCountries) {
  std::string error;
  const auto thesaurus = Thesaurus::parse(
      "kind,from,to\n"
      "institution,Health Foundation,The Health Foundation\n"
      "institution,London School of Hygiene & Tropical Medicine,LSHTM\n"
      "institution,University of Manchester,\n"
      "country,United Kingdom,UK\n",
      "t.csv", &error);
  ASSERT_TRUE(thesaurus) << error;
  CorpusBuilder b({.thesaurus = &*thesaurus});
  b.add(record("A", 2020, "", "",
               {author("Alderwick", "Hugh",
                       {"Health Foundation, London, UK",
                        "London School of Hygiene and Tropical Medicine, London, UK",
                        "School of Health Sciences, University of Manchester, Manchester, UK"})}));
  const Corpus c = b.finish();
  EXPECT_EQ(labels(c.institutions[0], c.institution_labels),
            (std::vector<std::string>{"The Health Foundation", "LSHTM"}));
  EXPECT_EQ(labels(c.countries[0], c.country_labels), (std::vector<std::string>{"UK"}));
}

// "Author — Institution" for each pair of a paper, in the corpus' order.
std::vector<std::string> pairs(const Corpus& c, std::size_t paper) {
  std::vector<std::string> out;
  for (const AuthorInstitution& p : c.author_institutions[paper])
    out.push_back(c.author_labels[p.person] + " — " + c.institution_labels[p.institution]);
  return out;
}

const std::string kLshtm =
    "Dept of Health Services Research, London School of Hygiene & "
    "Tropical Medicine, London, UK.";
const std::string kHarvard = "Harvard Medical School, Boston, MA, USA.";
const std::string kLeeds = "School of Medicine, University of Leeds, Leeds, UK.";

// Each author is linked to the institutions of their own affiliations, never to a
// co-author's.
TEST(CorpusAuthorInstitutions, EachAuthorToTheirOwnInstitutions) {
  CorpusBuilder b;
  b.add(
      record("A", 2020, "", "1",
             {author("Alderwick", "Hugh", {kLshtm}), author("Mays", "Nicholas", {kLshtm, kHarvard}),
              author("Sandhu", "Sahil", {kHarvard, kHarvard})}));
  const Corpus c = b.finish();
  EXPECT_EQ(labels(c.institutions[0], c.institution_labels),
            (std::vector<std::string>{"London School of Hygiene & Tropical Medicine",
                                      "Harvard Medical School"}));
  EXPECT_EQ(pairs(c, 0), (std::vector<std::string>{
                             "Hugh Alderwick — London School of Hygiene & Tropical Medicine",
                             "Nicholas Mays — London School of Hygiene & Tropical Medicine",
                             "Nicholas Mays — Harvard Medical School",
                             "Sahil Sandhu — Harvard Medical School"}));
  EXPECT_EQ(c.unattributed_authors, std::vector<std::uint32_t>{0});
}

// Authors without affiliations of their own take the paper's institution when it names
// exactly one; with two, they are counted and left unlinked; with none, neither.
TEST(CorpusAuthorInstitutions, TheOnlyInstitutionElseUnattributed) {
  CorpusBuilder b;
  Record one =
      record("One", 2020, "", "1", {author("Alderwick", "Hugh"), author("Mays", "Nicholas")});
  one.addresses = {kLshtm};
  Record two = record("Two", 2020, "", "2",
                      {author("Alderwick", "Hugh"), author("Mays", "Nicholas"),
                       author("Sandhu", "Sahil", {kHarvard})});
  two.addresses = {kLshtm};
  b.add(one);
  b.add(two);
  b.add(record("Three", 2020, "", "3", {author("Dixon", "Jennifer")}));
  const Corpus c = b.finish();
  EXPECT_EQ(pairs(c, 0), (std::vector<std::string>{
                             "Hugh Alderwick — London School of Hygiene & Tropical Medicine",
                             "Nicholas Mays — London School of Hygiene & Tropical Medicine"}));
  EXPECT_EQ(pairs(c, 1), std::vector<std::string>{"Sahil Sandhu — Harvard Medical School"});
  EXPECT_TRUE(pairs(c, 2).empty());
  EXPECT_EQ(c.unattributed_authors, (std::vector<std::uint32_t>{0, 2, 0}));
}

// An author whose own affiliation names no institution is not given a co-author's: the
// paper's only institution is someone else's.
TEST(CorpusAuthorInstitutions, OwnAffiliationWithoutInstitutionIsNotFilledIn) {
  CorpusBuilder b;
  b.add(record("A", 2020, "", "1",
               {author("Alderwick", "Hugh", {kLeeds}),
                author("Mays", "Nicholas", {"Department of Medicine, Leeds, UK."}),
                author("Dixon", "Jennifer")}));
  const Corpus c = b.finish();
  EXPECT_EQ(pairs(c, 0), (std::vector<std::string>{"Hugh Alderwick — University of Leeds",
                                                   "Jennifer Dixon — University of Leeds"}));
  EXPECT_EQ(c.unattributed_authors, std::vector<std::uint32_t>{1});
}

// Records of one paper: an author's own affiliations from any of them win over the
// fallback, so a listing without affiliations merged with a MEDLINE record with them links
// each author as MEDLINE does.
TEST(CorpusAuthorInstitutions, DuplicatesPoolEachAuthorsOwnAffiliations) {
  CorpusBuilder b;
  Record wos = record("Cross-sector collaboration", 2024, "10.1/x", "",
                      {author("Alderwick", "Hugh"), author("Mays", "Nicholas")});
  wos.addresses = {kLeeds};
  b.add(wos);
  b.add(record("Cross-sector collaboration", 2024, "10.1/x", "1",
               {author("Alderwick", "Hugh", {kLshtm}), author("Mays", "Nicholas", {kHarvard})}));
  const Corpus c = b.finish();
  ASSERT_EQ(c.papers.size(), 1u);
  EXPECT_EQ(pairs(c, 0), (std::vector<std::string>{
                             "Hugh Alderwick — London School of Hygiene & Tropical Medicine",
                             "Nicholas Mays — Harvard Medical School"}));
  EXPECT_EQ(c.unattributed_authors, std::vector<std::uint32_t>{0});
}

// Institutions the thesaurus drops link no one; dropped authors are linked to nothing.
TEST(CorpusAuthorInstitutions, ThesaurusDropsAuthorsAndInstitutions) {
  std::string error;
  const auto thesaurus = Thesaurus::parse(
      "kind,from,to\n"
      "institution,Harvard Medical School,\n"
      "author,Nicholas Mays,\n",
      "t.csv", &error);
  ASSERT_TRUE(thesaurus) << error;
  CorpusBuilder b({.thesaurus = &*thesaurus});
  b.add(record("A", 2020, "", "1",
               {author("Alderwick", "Hugh", {kLshtm, kHarvard}),
                author("Mays", "Nicholas", {kLshtm}), author("Sandhu", "Sahil", {kHarvard})}));
  const Corpus c = b.finish();
  EXPECT_EQ(pairs(c, 0), std::vector<std::string>{
                             "Hugh Alderwick — London School of Hygiene & Tropical Medicine"});
  EXPECT_EQ(c.unattributed_authors, std::vector<std::uint32_t>{1});  // Sandhu
}

TEST(CorpusLabels, PaperLabelCutsAtAWordAndNamesAnonymousPapers) {
  Record r = record("Integrated care systems and equity: prospects and plans", 2023, "", "", {});
  EXPECT_EQ(paper_label(r), "Anonymous 2023 Integrated care systems and equity:…");
  EXPECT_EQ(doi_key("https://doi.org/10.1136/BMJ.N248"), "10.1136/bmj.n248");
}

TEST(CorpusReferences, KeysAreTheDoiElseAuthorYearSource) {
  ReferenceKeys k = reference_keys("ALLEN PJ, 1966, AM J PHYS, V34, P1185, DOI 10.1119/1.1972585");
  EXPECT_EQ(k.doi, "10.1119/1.1972585");
  EXPECT_EQ(k.author_year_source, "allenpj|1966|am j phys");
  k = reference_keys(
      "Arnaud J. A., 1973, Optics Communications, V7, DOI 10.1016/0030-4018(73)90041-2");
  EXPECT_EQ(k.doi, "10.1016/0030-4018(73)90041-2");
  EXPECT_EQ(k.author_year_source, "arnaudja|1973|optics communications");
  // BibTeX Cited-References end a reference with '.'; a bracketed list gives its first DOI.
  EXPECT_EQ(
      reference_keys("ACZEL J, 1983, J MATH PSYCHOL, V27, P93, DOI 10.1016/0022-2496(83)90028-7.")
          .doi,
      "10.1016/0022-2496(83)90028-7");
  EXPECT_EQ(reference_keys("Li X, 2001, NATURE, DOI [10.1038/ABC, 10.1038/def]").doi,
            "10.1038/abc");
  k = reference_keys("Smith, J., A book without a year field, Oxford");
  EXPECT_EQ(k.doi, "");
  EXPECT_EQ(k.author_year_source, "smith j a book without a year field oxford");
}

// P1 cites P2 by DOI, and "Zed C" without a DOI; P2 cites "Zed C" with a DOI; P3 cites P1
// (its DOI in upper case) and P4, which has no DOI, by author/year/source.
TEST(CorpusReferences, CitedWorksAndThePapersTheyAre) {
  const auto with = [](Record r, std::string journal, std::vector<std::string> refs) {
    r.journal = std::move(journal);
    r.cited_references = std::move(refs);
    return r;
  };
  CorpusBuilder b({.references = true});
  b.add(with(record("P1", 2020, "10.1/p1", "", {author("Xu", "Anna")}), "J A",
             {"Yi B, 2019, J B, V1, P1, DOI 10.1/p2", "ZED C, 2018, J C, V2, P3"}));
  b.add(with(record("P2", 2019, "10.1/p2", "", {author("Yi", "Bo")}), "J B",
             {"Zed C., 2018, J C, V2, DOI 10.1/z"}));
  b.add(with(record("P3", 2021, "10.1/p3", "", {author("Wu", "Di")}), "J D",
             {"XU A, 2020, J A, DOI 10.1/P1", "Qi R, 2015, J Q, V5, P10"}));
  b.add(with(record("P4", 2015, "", "", {author("Qi", "Ru")}), "J Q", {}));
  const Corpus c = b.finish();
  ASSERT_EQ(c.reference_labels.size(), 4u);  // p2, Zed C, p1, Qi R
  EXPECT_EQ(c.reference_labels[1], "ZED C, 2018, J C, V2, P3");
  EXPECT_EQ(c.references[0].size(), 2u);
  ASSERT_EQ(c.references[1].size(), 1u);
  EXPECT_EQ(c.references[1][0], c.references[0][1]);  // the DOI joined the DOI-less form
  EXPECT_EQ(c.paper_work, (std::vector<std::uint32_t>{2, 0, kNoWork, 3}));
}

TEST(CorpusReferences, OffByDefault) {
  Record r = record("P1", 2020, "", "", {});
  r.cited_references = {"Yi B, 2019, J B, V1, P1"};
  CorpusBuilder b;
  b.add(r);
  const Corpus c = b.finish();
  EXPECT_EQ(c.references.size(), 0u);
  EXPECT_TRUE(c.reference_labels.empty());
  EXPECT_TRUE(c.paper_work.empty());
}

}  // namespace
}  // namespace citenet

namespace citenet {
namespace {

// A repeated address is remembered in the affiliation cache; its printed forms must still be
// counted once per occurrence for the label.
TEST(CorpusLabels, RepeatedAddressesCountTowardsTheLabel) {
  CorpusBuilder builder;
  const std::string upper = "Dept of X, UNIVERSITY OF LEEDS, Leeds, UK.";
  builder.add(record("A", 2020, "", "1", {author("Smith", "John", {upper})}));
  builder.add(record("B", 2020, "", "2",
                     {author("Smith", "John", {"Dept of Y, University of leeds, Leeds, UK."})}));
  builder.add(record("C", 2020, "", "3",
                     {author("Smith", "John", {"Dept of Z, University of leeds, Leeds, UK."})}));
  builder.add(record("D", 2020, "", "4", {author("Jones", "Ann", {upper, upper})}));
  builder.add(record("E", 2020, "", "5", {author("Jones", "Ann", {upper})}));
  const Corpus corpus = builder.finish();
  ASSERT_EQ(corpus.institution_labels.size(), 1u);
  // The capitals form 4 times (one string), "University of leeds" twice (two strings).
  EXPECT_EQ(corpus.institution_labels[0], "University of Leeds");
  EXPECT_EQ(corpus.country_labels, std::vector<std::string>{"United Kingdom"});
  for (std::size_t p = 0; p < corpus.papers.size(); ++p)
    EXPECT_EQ(corpus.institutions[p].size(), 1u);
}

// finish() resolves the authors beside the per-paper lists unless told to use one thread; the
// corpus must not depend on it. Random records with repeated DOIs (merged duplicates),
// initials-only and ORCID authors (all identity rungs), affiliations and references.
TEST(CorpusThreads, OneThreadAndTwoGiveTheSameCorpus) {
  const auto build = [](unsigned threads) {
    std::mt19937 rng(5);
    const char* surnames[] = {"Li", "Wang", "Smith", "Mays", "Dixon", "Ham"};
    const char* givens[] = {"Xing", "Xiaoming", "Anna", "Nicholas", "Jennifer", ""};
    const char* places[] = {"Univ Oxford, Oxford, UK", "Peking University, Beijing, China",
                            "Health Foundation, London, UK"};
    CorpusBuilder b(
        {.keywords = KeywordSource::explicit_only, .references = true, .threads = threads});
    for (int i = 0; i < 400; ++i) {
      std::vector<Author> authors;
      for (unsigned a = 0, n = 1 + rng() % 5; a < n; ++a) {
        Author x = author(surnames[rng() % 6], givens[rng() % 6], {places[rng() % 3]});
        if (x.given.empty()) x.initials = std::string(1, "XAN"[rng() % 3]);
        if (rng() % 4 == 0) x.orcid = "0000-0002-1825-009" + std::to_string(rng() % 3);
        authors.push_back(std::move(x));
      }
      Record r = record("Paper " + std::to_string(rng() % 300), 2000 + static_cast<int>(rng() % 20),
                        "10.1/" + std::to_string(rng() % 300), "", std::move(authors));
      r.keywords = {{"k" + std::to_string(rng() % 9), KeywordOrigin::author}};
      r.cited_references = {"Li X, 2019, J B, V1, DOI 10.1/" + std::to_string(rng() % 300)};
      b.add(r);
    }
    return b.finish();
  };
  const Corpus one = build(1);
  const Corpus two = build(2);
  ASSERT_GT(one.duplicates_merged, 50u);
  EXPECT_EQ(one.duplicates_merged, two.duplicates_merged);
  EXPECT_TRUE(one.authors == two.authors);
  EXPECT_TRUE(one.institutions == two.institutions);
  EXPECT_TRUE(one.countries == two.countries);
  EXPECT_TRUE(one.keywords == two.keywords);
  EXPECT_TRUE(one.author_institutions == two.author_institutions);
  EXPECT_TRUE(one.record_authors == two.record_authors);
  EXPECT_TRUE(one.references == two.references);
  EXPECT_EQ(one.unattributed_authors, two.unattributed_authors);
  EXPECT_EQ(one.author_labels, two.author_labels);
  EXPECT_EQ(one.institution_labels, two.institution_labels);
  EXPECT_EQ(one.paper_work, two.paper_work);
  ASSERT_EQ(one.papers.size(), two.papers.size());
  for (std::size_t p = 0; p < one.papers.size(); ++p) {
    EXPECT_EQ(one.papers[p].label, two.papers[p].label);
    EXPECT_EQ(one.papers[p].year, two.papers[p].year);
    EXPECT_EQ(one.papers[p].citations, two.papers[p].citations);
  }
}

}  // namespace
}  // namespace citenet
