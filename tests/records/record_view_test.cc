// A RecordView must say what its Record says (view_of, to_record), and a TextArena's views
// must stay put while it grows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "records/record_view.h"

namespace citenet {
namespace {

// Every text field different, so a field copied into the wrong place shows.
Record distinct_record() {
  Record r;
  r.source = "exports/pubmed.nbib";
  r.line = 12;
  r.format = "medline";
  r.number = 3;
  for (int i = 0; i < 3; ++i) {
    Author& a = r.authors.emplace_back();
    const std::string n = std::to_string(i);
    a.as_printed = "Alderwick H" + n;
    a.surname = "Alderwick" + n;
    a.given = "Hugh" + n;
    a.initials = "H" + n;
    a.full_name = "Hugh Alderwick" + n;
    a.orcid = "0000-0002-1825-009" + n;
    a.scopus_id = "1234" + n;
    for (int k = 0; k < i; ++k)
      a.affiliations.push_back("Institute " + n + "." + std::to_string(k));
  }
  r.addresses = {"Somewhere, Spain.", "Elsewhere, Chile."};
  r.title = "title";
  r.journal = "journal";
  r.year = 2024;
  r.volume = "volume";
  r.pages = "pages";
  r.doi = "10.1/doi";
  r.pmid = "pmid";
  r.pmcid = "pmcid";
  r.database_id = "WOS:1";
  r.issue = "issue";
  r.document_type = "type";
  r.language = "language";
  r.citations = 4;
  r.impact_index = 1.5;
  r.received = Date{2020, 1, 1};
  r.revised = Date{2020, 1, 2};
  r.accepted = Date{2020, 1, 3};
  r.indexed = Date{2020, 1, 4};
  r.published = Date{2020, 1, 5};
  r.open_access = true;
  r.abstract = "abstract";
  r.keywords = {{"integrated care", KeywordOrigin::index_term}, {"care", KeywordOrigin::author}};
  r.cited_references = {"ARNAUD JA, 1972, ELECTRON LETT, V8, P541", "SMITH J, 2001, X, V1, P2"};
  return r;
}

void expect_same(const Record& a, const Record& b) {
  EXPECT_EQ(a.source, b.source);
  EXPECT_EQ(a.line, b.line);
  EXPECT_EQ(a.format, b.format);
  EXPECT_EQ(a.number, b.number);
  ASSERT_EQ(a.authors.size(), b.authors.size());
  for (std::size_t i = 0; i < a.authors.size(); ++i) {
    const Author& x = a.authors[i];
    const Author& y = b.authors[i];
    EXPECT_EQ(x.as_printed, y.as_printed);
    EXPECT_EQ(x.surname, y.surname);
    EXPECT_EQ(x.given, y.given);
    EXPECT_EQ(x.initials, y.initials);
    EXPECT_EQ(x.full_name, y.full_name);
    EXPECT_EQ(x.affiliations, y.affiliations);
    EXPECT_EQ(x.orcid, y.orcid);
    EXPECT_EQ(x.scopus_id, y.scopus_id);
  }
  EXPECT_EQ(a.addresses, b.addresses);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.journal, b.journal);
  EXPECT_EQ(a.year, b.year);
  EXPECT_EQ(a.volume, b.volume);
  EXPECT_EQ(a.pages, b.pages);
  EXPECT_EQ(a.doi, b.doi);
  EXPECT_EQ(a.pmid, b.pmid);
  EXPECT_EQ(a.pmcid, b.pmcid);
  EXPECT_EQ(a.database_id, b.database_id);
  EXPECT_EQ(a.issue, b.issue);
  EXPECT_EQ(a.document_type, b.document_type);
  EXPECT_EQ(a.language, b.language);
  EXPECT_EQ(a.citations, b.citations);
  EXPECT_EQ(a.impact_index, b.impact_index);
  EXPECT_EQ(a.received, b.received);
  EXPECT_EQ(a.revised, b.revised);
  EXPECT_EQ(a.accepted, b.accepted);
  EXPECT_EQ(a.indexed, b.indexed);
  EXPECT_EQ(a.published, b.published);
  EXPECT_EQ(a.open_access, b.open_access);
  EXPECT_EQ(a.abstract, b.abstract);
  ASSERT_EQ(a.keywords.size(), b.keywords.size());
  for (std::size_t i = 0; i < a.keywords.size(); ++i) {
    EXPECT_EQ(a.keywords[i].text, b.keywords[i].text);
    EXPECT_EQ(a.keywords[i].origin, b.keywords[i].origin);
  }
  EXPECT_EQ(a.cited_references, b.cited_references);
}

TEST(RecordView, ToRecordOfViewOfGivesTheRecordBack) {
  static_assert(sizeof(Record) == 816 || sizeof(void*) != 8,
                "Record changed: add the new member to view_of() and to_record(), then here");
  const Record record = distinct_record();
  RecordView view;
  view_of(record, view);
  EXPECT_FALSE(view.keys.ready);
  // Views, not copies.
  EXPECT_EQ(view.title.data(), record.title.data());
  EXPECT_EQ(view.authors[2].affiliations[1].data(), record.authors[2].affiliations[1].data());
  expect_same(to_record(view), record);
}

TEST(RecordView, EachAuthorSeesItsOwnAffiliations) {
  const Record record = distinct_record();
  RecordView view;
  view_of(record, view);
  ASSERT_EQ(view.affiliations.size(), 3u);  // 0 + 1 + 2
  EXPECT_TRUE(view.authors[0].affiliations.empty());
  ASSERT_EQ(view.authors[1].affiliations.size(), 1u);
  EXPECT_EQ(view.authors[1].affiliations[0], "Institute 1.0");
  ASSERT_EQ(view.authors[2].affiliations.size(), 2u);
  EXPECT_EQ(view.authors[2].affiliations[1], "Institute 2.1");
  // Moving the view moves the lists' buffers with it: the spans stay valid.
  RecordView moved = std::move(view);
  EXPECT_EQ(moved.authors[2].affiliations[0], "Institute 2.0");
}

TEST(RecordView, ClearRecordEmptiesAndAReusedViewSaysTheNewRecord) {
  Record first = distinct_record();
  RecordView view;
  view_of(first, view);
  clear_record(view);
  EXPECT_TRUE(view.authors.empty());
  EXPECT_TRUE(view.affiliations.empty());
  EXPECT_TRUE(view.title.empty());
  EXPECT_FALSE(view.citations);
  EXPECT_FALSE(view.open_access);
  Record second;
  second.title = "only a title";
  second.authors.emplace_back().surname = "Solo";
  view_of(second, view);
  expect_same(to_record(view), second);
}

TEST(TextArena, ViewsStayValidAcrossBlocksAndResetReusesTheFirstBlock) {
  TextArena arena;
  std::vector<std::string_view> views;
  std::vector<std::string> expected;
  // Several 64 KiB blocks' worth, with one piece larger than a block.
  for (int i = 0; i < 20000; ++i) {
    expected.push_back("piece " + std::to_string(i) +
                       std::string(static_cast<std::size_t>(i % 17), 'x'));
    views.push_back(arena.copy(expected.back()));
  }
  expected.push_back(std::string(200000, 'y'));
  views.push_back(arena.copy(expected.back()));
  for (std::size_t i = 0; i < views.size(); ++i) ASSERT_EQ(views[i], expected[i]) << i;
  const char* first = views.front().data();
  const char* big_block = views.back().data();
  arena.reset();
  EXPECT_EQ(arena.copy("again").data(), first);
  // After a reset the big block is found again rather than allocated anew.
  const std::string big(150000, 'z');
  const std::string_view reused = arena.copy(big);
  EXPECT_EQ(reused, big);
  EXPECT_EQ(reused.data(), big_block);
}

TEST(TextArena, JoinGluesPartsAndAnEmptyCopyIsEmpty) {
  TextArena arena;
  const std::vector<std::string_view> parts = {"John", "Michael", "Smith"};
  EXPECT_EQ(arena.join(parts, " "), "John Michael Smith");
  EXPECT_EQ(arena.join(std::vector<std::string_view>{"Journal Article"}, "; "), "Journal Article");
  EXPECT_EQ(arena.join(std::vector<std::string_view>{}, "; "), "");
  EXPECT_TRUE(arena.copy("").empty());
}

}  // namespace
}  // namespace citenet
