#include "records/record.h"

#include <utility>

namespace citenet {
namespace {

// Affiliation buffers of cleared records' authors, for append_affiliation() on the same thread (a
// reader thread's records are reused on that thread); bounded for readers that never take them.
constexpr std::size_t kMaxSpareAffiliations = 4096;
thread_local std::vector<std::string> spare_affiliations;

// The lists themselves too: most authors have one or two affiliations, so a fresh list
// costs an allocation per author.
constexpr std::size_t kMaxSpareLists = 1024;
thread_local std::vector<std::vector<std::string>> spare_lists;

void keep_affiliation_buffers(Author& a) {
  for (std::string& affiliation : a.affiliations) {
    if (spare_affiliations.size() >= kMaxSpareAffiliations) break;
    spare_affiliations.push_back(std::move(affiliation));
  }
  if (a.affiliations.capacity() == 0 || spare_lists.size() >= kMaxSpareLists) return;
  a.affiliations.clear();
  spare_lists.push_back(std::move(a.affiliations));
}

// Name and keyword buffers longer than std::string's inline one, for reuse_buffer().
constexpr std::size_t kMaxSpareTexts = 8192;
thread_local std::vector<std::string> spare_texts;

void keep_text_buffer(std::string& text) {
  // A string in its inline buffer has nothing to give (its capacity is that of an empty one).
  if (text.capacity() <= std::string().capacity() || spare_texts.size() >= kMaxSpareTexts) return;
  spare_texts.push_back(std::move(text));
}

void keep_name_buffers(Author& a) {
  for (std::string* s :
       {&a.as_printed, &a.surname, &a.given, &a.initials, &a.full_name, &a.orcid, &a.scopus_id})
    keep_text_buffer(*s);
}

}  // namespace

void clear_record(Record& r) {
  for (Author& a : r.authors) {
    keep_affiliation_buffers(a);
    keep_name_buffers(a);
  }
  for (Keyword& k : r.keywords) keep_text_buffer(k.text);
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
  if (author.affiliations.capacity() == 0 && !spare_lists.empty()) {
    author.affiliations = std::move(spare_lists.back());
    spare_lists.pop_back();
  }
  if (spare_affiliations.empty()) {
    author.affiliations.emplace_back(affiliation);
    return;
  }
  author.affiliations.push_back(std::move(spare_affiliations.back()));
  spare_affiliations.pop_back();
  author.affiliations.back().assign(affiliation);
}

void swap(Record& a, Record& b) noexcept {
  using std::swap;
  swap(a.source, b.source);
  swap(a.line, b.line);
  swap(a.format, b.format);
  swap(a.number, b.number);
  swap(a.authors, b.authors);
  swap(a.addresses, b.addresses);
  swap(a.title, b.title);
  swap(a.journal, b.journal);
  swap(a.year, b.year);
  swap(a.volume, b.volume);
  swap(a.pages, b.pages);
  swap(a.doi, b.doi);
  swap(a.pmid, b.pmid);
  swap(a.pmcid, b.pmcid);
  swap(a.database_id, b.database_id);
  swap(a.issue, b.issue);
  swap(a.document_type, b.document_type);
  swap(a.language, b.language);
  swap(a.citations, b.citations);
  swap(a.impact_index, b.impact_index);
  swap(a.received, b.received);
  swap(a.revised, b.revised);
  swap(a.accepted, b.accepted);
  swap(a.indexed, b.indexed);
  swap(a.published, b.published);
  swap(a.open_access, b.open_access);
  swap(a.abstract, b.abstract);
  swap(a.keywords, b.keywords);
  swap(a.cited_references, b.cited_references);
  swap(a.keys, b.keys);
}

std::string& take_spare_buffer(std::string& field, std::size_t size) {
  if (size > field.capacity() && !spare_texts.empty()) {
    field.swap(spare_texts.back());
    // The smaller buffer goes back: another field may fit in it.
    if (spare_texts.back().capacity() <= std::string().capacity()) spare_texts.pop_back();
  }
  field.clear();
  return field;
}

}  // namespace citenet
