#include "records/record.h"

#include <utility>

namespace citenet {
namespace {

// Affiliation buffers of cleared records' authors, for append_affiliation() on the same thread (a
// reader thread's records are reused on that thread); bounded for readers that never take them.
constexpr std::size_t kMaxSpareAffiliations = 4096;
thread_local std::vector<std::string> spare_affiliations;

// Only the affiliations: an author's other strings are short enough to live in the string.
void keep_affiliation_buffers(Author& a) {
  for (std::string& affiliation : a.affiliations) {
    if (spare_affiliations.size() >= kMaxSpareAffiliations) break;
    spare_affiliations.push_back(std::move(affiliation));
  }
}

}  // namespace

void clear_record(Record& r) {
  for (Author& a : r.authors) keep_affiliation_buffers(a);
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

void append_affiliation(Author& author, std::string_view affiliation) {
  if (spare_affiliations.empty()) {
    author.affiliations.emplace_back(affiliation);
    return;
  }
  author.affiliations.push_back(std::move(spare_affiliations.back()));
  spare_affiliations.pop_back();
  author.affiliations.back().assign(affiliation);
}

}  // namespace citenet
