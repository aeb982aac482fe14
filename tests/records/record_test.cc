// Refilling one record (clear_record, add_author) must look like a fresh record.
#include <gtest/gtest.h>

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
  std::vector<Author> spare;
  clear_record(r, spare);
  expect_empty(r);
  EXPECT_GE(r.title.capacity(), title_capacity);
  EXPECT_EQ(spare.size(), 2u);
}

TEST(ClearRecord, AddAuthorHandsOutEmptyAuthors) {
  Record r = full_record();
  std::vector<Author> spare;
  clear_record(r, spare);
  Author& reused = add_author(r.authors, spare);
  EXPECT_EQ(spare.size(), 1u);
  for (const std::string* s : {&reused.as_printed, &reused.surname, &reused.given, &reused.initials,
                               &reused.full_name, &reused.orcid, &reused.scopus_id})
    EXPECT_TRUE(s->empty());
  EXPECT_TRUE(reused.affiliations.empty());
  add_author(r.authors, spare);
  add_author(r.authors, spare);  // the pool is empty now: a new author
  EXPECT_EQ(r.authors.size(), 3u);
  EXPECT_TRUE(spare.empty());
}

}  // namespace
}  // namespace citenet
