#include "records/record_view.h"

#include <algorithm>

namespace citenet {

void TextArena::grow(std::size_t size) {
  // The next kept block that is large enough, else a new one; blocks passed over wait for
  // the next reset().
  for (std::size_t i = blocks_.empty() ? 0 : current_ + 1; i < blocks_.size(); ++i) {
    if (block_sizes_[i] >= size) {
      current_ = i;
      next_ = blocks_[i].get();
      free_ = block_sizes_[i];
      return;
    }
  }
  const std::size_t bytes = std::max(size, kBlockBytes);
  blocks_.push_back(std::make_unique<char[]>(bytes));
  block_sizes_.push_back(bytes);
  current_ = blocks_.size() - 1;
  next_ = blocks_.back().get();
  free_ = bytes;
}

void TextArena::reset() {
  current_ = 0;
  next_ = blocks_.empty() ? nullptr : blocks_.front().get();
  free_ = blocks_.empty() ? 0 : block_sizes_.front();
}

namespace {

// Points each author's `affiliations` at its slice (first_affiliation, affiliation_count) of
// `affiliations`.
void bind_to(std::span<AuthorView> authors, std::span<const std::string_view> affiliations) {
  for (AuthorView& a : authors)
    a.affiliations = affiliations.subspan(a.first_affiliation, a.affiliation_count);
}

}  // namespace

void RecordView::bind_affiliations() { bind_to(authors, affiliations); }

void clear_record(RecordView& v) {
  v.source = {};
  v.line = 0;
  v.format = {};
  v.number = 0;
  v.authors.clear();
  v.affiliations.clear();
  v.addresses.clear();
  v.title = v.journal = v.volume = v.pages = v.doi = v.pmid = v.pmcid = v.database_id = {};
  v.issue = v.document_type = v.language = v.abstract = {};
  v.year = 0;
  v.citations.reset();
  v.impact_index.reset();
  v.received = v.revised = v.accepted = v.indexed = v.published = Date{};
  v.open_access = false;
  v.keywords.clear();
  v.cited_references.clear();
  v.keys.ready = false;
}

void view_of(const Record& r, RecordView& v) {
  clear_record(v);
  v.source = r.source;
  v.line = r.line;
  v.format = r.format;
  v.number = r.number;
  append_author_views(r.authors, v.authors, v.affiliations);
  v.addresses.assign(r.addresses.begin(), r.addresses.end());
  v.title = r.title;
  v.journal = r.journal;
  v.year = r.year;
  v.volume = r.volume;
  v.pages = r.pages;
  v.doi = r.doi;
  v.pmid = r.pmid;
  v.pmcid = r.pmcid;
  v.database_id = r.database_id;
  v.issue = r.issue;
  v.document_type = r.document_type;
  v.language = r.language;
  v.citations = r.citations;
  v.impact_index = r.impact_index;
  v.received = r.received;
  v.revised = r.revised;
  v.accepted = r.accepted;
  v.indexed = r.indexed;
  v.published = r.published;
  v.open_access = r.open_access;
  v.abstract = r.abstract;
  for (const Keyword& k : r.keywords) v.keywords.push_back({k.text, k.origin});
  v.cited_references.assign(r.cited_references.begin(), r.cited_references.end());
}

void append_author_views(std::span<const Author> authors, std::vector<AuthorView>& views,
                         std::vector<std::string_view>& affiliations) {
  const std::size_t first = views.size();
  for (const Author& a : authors) {
    AuthorView& author = views.emplace_back();
    author.as_printed = a.as_printed;
    author.surname = a.surname;
    author.given = a.given;
    author.initials = a.initials;
    author.full_name = a.full_name;
    author.orcid = a.orcid;
    author.scopus_id = a.scopus_id;
    author.first_affiliation = static_cast<std::uint32_t>(affiliations.size());
    author.affiliation_count = static_cast<std::uint32_t>(a.affiliations.size());
    affiliations.insert(affiliations.end(), a.affiliations.begin(), a.affiliations.end());
  }
  bind_to(std::span<AuthorView>(views).subspan(first), affiliations);
}

Record to_record(const RecordView& v) {
  Record r;
  r.source = v.source;
  r.line = v.line;
  r.format = v.format;
  r.number = v.number;
  r.authors.reserve(v.authors.size());
  for (const AuthorView& a : v.authors) {
    Author& author = r.authors.emplace_back();
    author.as_printed = a.as_printed;
    author.surname = a.surname;
    author.given = a.given;
    author.initials = a.initials;
    author.full_name = a.full_name;
    author.affiliations.assign(a.affiliations.begin(), a.affiliations.end());
    author.orcid = a.orcid;
    author.scopus_id = a.scopus_id;
  }
  r.addresses.assign(v.addresses.begin(), v.addresses.end());
  r.title = v.title;
  r.journal = v.journal;
  r.year = v.year;
  r.volume = v.volume;
  r.pages = v.pages;
  r.doi = v.doi;
  r.pmid = v.pmid;
  r.pmcid = v.pmcid;
  r.database_id = v.database_id;
  r.issue = v.issue;
  r.document_type = v.document_type;
  r.language = v.language;
  r.citations = v.citations;
  r.impact_index = v.impact_index;
  r.received = v.received;
  r.revised = v.revised;
  r.accepted = v.accepted;
  r.indexed = v.indexed;
  r.published = v.published;
  r.open_access = v.open_access;
  r.abstract = v.abstract;
  for (const KeywordView& k : v.keywords) r.keywords.push_back({std::string(k.text), k.origin});
  r.cited_references.assign(v.cited_references.begin(), v.cited_references.end());
  return r;
}

}  // namespace citenet
