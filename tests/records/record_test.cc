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

}  // namespace
}  // namespace citenet
