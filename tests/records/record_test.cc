// Refilling one record (clear_record, append_affiliation) must look like a fresh record.
#include <gtest/gtest.h>

#include <thread>

#include "records/record.h"

namespace citenet {
namespace {

Record full_record() {
  Record r;
  r.source = "a/long/path/to/some/export/file.nbib";
  r.line = 12;
  r.format = "medline";
  r.number = 3;
  Author a;
  a.as_printed = "Alderwick H";
  a.surname = "Alderwick";
  a.given = "Hugh";
  a.initials = "H";
  a.full_name = "Hugh Alderwick";
  a.affiliations = {"The Health Foundation, London, United Kingdom."};
  a.orcid = "0000-0002-1825-0097";
  a.scopus_id = "12345";
  r.authors = {a, a};
  r.addresses = {"Somewhere, Spain."};
  r.title = "Cross-sector collaboration to reduce health inequalities";
  r.journal = "BMJ";
  r.year = 2024;
  r.volume = r.pages = r.doi = r.pmid = r.pmcid = r.database_id = r.issue = "x";
  r.document_type = r.language = r.abstract = "y";
  r.citations = 4;
  r.impact_index = 1.5;
  r.received = r.revised = r.accepted = r.indexed = r.published = Date{2020, 1, 2};
  r.open_access = true;
  r.keywords = {{"integrated care", KeywordOrigin::index_term}};
  r.cited_references = {"ARNAUD JA, 1972, ELECTRON LETT, V8, P541"};
  return r;
}

void expect_empty(const Record& r) {
  const Record fresh;
  EXPECT_TRUE(r.authors.empty());
  for (const std::string* s :
       {&r.source, &r.format, &r.title, &r.journal, &r.volume, &r.pages, &r.doi, &r.pmid, &r.pmcid,
        &r.database_id, &r.issue, &r.document_type, &r.language, &r.abstract})
    EXPECT_TRUE(s->empty());
  EXPECT_EQ(r.line, fresh.line);
  EXPECT_EQ(r.number, fresh.number);
  EXPECT_EQ(r.year, fresh.year);
  EXPECT_TRUE(r.addresses.empty());
  EXPECT_FALSE(r.citations);
  EXPECT_FALSE(r.impact_index);
  for (const Date* d : {&r.received, &r.revised, &r.accepted, &r.indexed, &r.published})
    EXPECT_EQ(*d, Date{});
  EXPECT_EQ(r.open_access, fresh.open_access);
  EXPECT_TRUE(r.keywords.empty());
  EXPECT_TRUE(r.cited_references.empty());
}

TEST(ClearRecord, LeavesWhatAFreshRecordHoldsAndKeepsTheBuffers) {
  Record r = full_record();
  const std::size_t title_capacity = r.title.capacity();
  clear_record(r);
  expect_empty(r);
  EXPECT_GE(r.title.capacity(), title_capacity);
}

// The affiliations of a cleared record's authors are handed out again, emptied and refilled.
// The pool is per thread: a fresh thread starts with none from the other tests.
TEST(ClearRecord, AppendAffiliationReusesTheBuffersOfClearedAuthors) {
  std::thread([] {
    Record r = full_record();
    const std::size_t capacity = r.authors[0].affiliations[0].capacity();
    ASSERT_GT(capacity, 15u);  // past std::string's inline buffer
    clear_record(r);
    Author& author = r.authors.emplace_back();
    append_affiliation(author, "Oslo.");
    append_affiliation(author, "Bergen.");
    append_affiliation(author, "Tromso.");  // two spares only: a new buffer
    ASSERT_EQ(author.affiliations.size(), 3u);
    EXPECT_EQ(author.affiliations[0], "Oslo.");
    EXPECT_EQ(author.affiliations[1], "Bergen.");
    EXPECT_EQ(author.affiliations[2], "Tromso.");
    EXPECT_GE(author.affiliations[0].capacity(), capacity);
    EXPECT_GE(author.affiliations[1].capacity(), capacity);
    EXPECT_LT(author.affiliations[2].capacity(), capacity);
  }).join();
}

// Names and keywords longer than std::string's inline buffer give theirs to reuse_buffer().
TEST(ClearRecord, ReuseBufferTakesTheLongNamesOfClearedAuthors) {
  std::thread([] {
    Record r = full_record();
    r.authors.resize(1);
    r.authors[0].full_name = "Hugh Alderwick-Longer-Than-Inline";
    const std::size_t capacity = r.authors[0].full_name.capacity();
    clear_record(r);
    std::string small;
    assign_reusing(small, "Li X");  // fits its own buffer: takes none
    EXPECT_EQ(small, "Li X");
    std::string name;
    assign_reusing(name, "Anna Maria Müller-Lüdenscheidt");
    EXPECT_EQ(name, "Anna Maria Müller-Lüdenscheidt");
    EXPECT_GE(name.capacity(), capacity);
    std::string built;
    reuse_buffer(built, 20).append("no spare is left: ").append("allocates");
    EXPECT_EQ(built, "no spare is left: allocates");
  }).join();
}

// An author's affiliation list comes from a cleared author, so it costs no allocation.
TEST(ClearRecord, AppendAffiliationReusesTheListsOfClearedAuthors) {
  std::thread([] {
    Record r = full_record();
    clear_record(r);
    Author& author = r.authors.emplace_back();
    append_affiliation(author, "Oslo.");
    EXPECT_GE(author.affiliations.capacity(), 1u);
    ASSERT_EQ(author.affiliations.size(), 1u);
    EXPECT_EQ(author.affiliations[0], "Oslo.");
  }).join();
}

// Every member is exchanged; a member added to Record must be added to swap() too.
TEST(SwapRecord, ExchangesEveryMember) {
  static_assert(sizeof(Record) == 816 || sizeof(void*) != 8,
                "Record changed: add the new member to swap() in record.cc, then update this");
  static_assert(sizeof(RecordKeys) == 160 || sizeof(void*) != 8,
                "RecordKeys changed: add the new member to its swap(), then update this");
  Record a = full_record();
  a.keys.ready = true;
  a.keys.label = "Alderwick 2024 Cross-sector";
  a.keys.doi = 7;
  Record b;
  swap(a, b);
  expect_empty(a);
  EXPECT_FALSE(a.keys.ready);
  EXPECT_TRUE(a.keys.label.empty());
  const Record expected = full_record();
  EXPECT_EQ(b.source, expected.source);
  EXPECT_EQ(b.line, expected.line);
  EXPECT_EQ(b.format, expected.format);
  EXPECT_EQ(b.number, expected.number);
  ASSERT_EQ(b.authors.size(), 2u);
  EXPECT_EQ(b.authors[1].orcid, "0000-0002-1825-0097");
  EXPECT_EQ(b.addresses, expected.addresses);
  EXPECT_EQ(b.title, expected.title);
  EXPECT_EQ(b.journal, expected.journal);
  EXPECT_EQ(b.year, expected.year);
  for (const std::string* s :
       {&b.volume, &b.pages, &b.doi, &b.pmid, &b.pmcid, &b.database_id, &b.issue})
    EXPECT_EQ(*s, "x");
  for (const std::string* s : {&b.document_type, &b.language, &b.abstract}) EXPECT_EQ(*s, "y");
  EXPECT_EQ(b.citations, expected.citations);
  EXPECT_EQ(b.impact_index, expected.impact_index);
  for (const Date* d : {&b.received, &b.revised, &b.accepted, &b.indexed, &b.published})
    EXPECT_EQ(*d, (Date{2020, 1, 2}));
  EXPECT_TRUE(b.open_access);
  ASSERT_EQ(b.keywords.size(), 1u);
  EXPECT_EQ(b.keywords[0].text, "integrated care");
  EXPECT_EQ(b.cited_references, expected.cited_references);
  EXPECT_TRUE(b.keys.ready);
  EXPECT_EQ(b.keys.label, "Alderwick 2024 Cross-sector");
  EXPECT_EQ(b.keys.doi, 7u);
}

}  // namespace
}  // namespace citenet
