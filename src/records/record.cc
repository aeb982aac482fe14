#include "records/record.h"

#include <utility>

namespace citenet {
namespace {

void clear_author(Author& a) {
  for (std::string* s :
       {&a.as_printed, &a.surname, &a.given, &a.initials, &a.full_name, &a.orcid, &a.scopus_id})
    s->clear();
  a.affiliations.clear();
}

}  // namespace

void clear_record(Record& r, std::vector<Author>& spare_authors) {
  for (Author& a : r.authors) spare_authors.push_back(std::move(a));
  r.authors.clear();
  for (std::string* s :
       {&r.source, &r.format, &r.title, &r.journal, &r.volume, &r.pages, &r.doi, &r.pmid, &r.pmcid,
        &r.database_id, &r.issue, &r.document_type, &r.language, &r.abstract})
    s->clear();
  r.line = 0;
  r.number = 0;
  r.year = 0;
  r.addresses.clear();
  r.citations.reset();
  r.impact_index.reset();
  r.received = r.revised = r.accepted = r.indexed = r.published = Date{};
  r.open_access = false;
  r.keywords.clear();
  r.cited_references.clear();
  r.keys.ready = false;
}

Author& add_author(std::vector<Author>& authors, std::vector<Author>& spare) {
  if (spare.empty()) return authors.emplace_back();
  Author& a = authors.emplace_back(std::move(spare.back()));
  spare.pop_back();
  clear_author(a);
  return a;
}

}  // namespace citenet
