// What normalisation derives from one record without looking at any other record: folded
// author keys, hashes of addresses and duplicate keys, the paper's label. Worked out on a
// parsing thread (prepare_keys() in corpus.h), so the corpus builder, which must see the
// records one at a time, spends its time on lookups only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace citenet {

// One author's folded name parts and the key their form is interned by, with its hash
// (make_author_key() in author_identity.h).
struct AuthorKey {
  std::string surname;   // folded: "alderwick"
  std::string given;     // folded full given names, "" when only initials are known
  std::string initials;  // folded letters: "h"
  std::string key;       // the form's index key in the author-key mode
  std::size_t hash = 0;  // SwissStringHash of key
};

struct RecordKeys {
  bool ready = false;  // false: the builder works them out itself
  // Per author, in the mode the builder was made with; empty with a thesaurus, whose
  // entries replace keys.
  std::vector<AuthorKey> authors;
  // SwissStringHash of every author's affiliations in order, then of each address.
  std::vector<std::size_t> affiliations;
  // key_hash() of the duplicate keys (0: none): DOI, PMID, database id, title + year.
  std::uint64_t doi = 0;
  std::uint64_t pmid = 0;
  std::uint64_t database_id = 0;
  std::uint64_t title = 0;
  std::string label;  // paper_label()
  // Citation kinds only (CorpusOptions::references), else 0 and empty: key_hash() of the
  // record's own DOI and author/year/source key, by which references find it, and of each
  // cited reference's (reference_keys()).
  std::uint64_t cited_as_doi = 0;
  std::uint64_t cited_as_ays = 0;
  struct Reference {
    std::uint64_t doi = 0;
    std::uint64_t ays = 0;
  };
  std::vector<Reference> references;

  // Member by member, as swap(Record&, Record&) (record.h) needs.
  friend void swap(RecordKeys& a, RecordKeys& b) noexcept {
    using std::swap;
    swap(a.ready, b.ready);
    swap(a.authors, b.authors);
    swap(a.affiliations, b.affiliations);
    swap(a.doi, b.doi);
    swap(a.pmid, b.pmid);
    swap(a.database_id, b.database_id);
    swap(a.title, b.title);
    swap(a.label, b.label);
    swap(a.cited_as_doi, b.cited_as_doi);
    swap(a.cited_as_ays, b.cited_as_ays);
    swap(a.references, b.references);
  }
};

}  // namespace citenet
