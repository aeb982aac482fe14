// A normalised corpus: every paper reduced to 32-bit ids of the people, institutions,
// countries and keywords it names, with each entity's label stored once. Built by
// streaming records into a CorpusBuilder, so no record is kept after it was added.
//
// Duplicates (the same paper from two databases, or twice in one export) are recognised
// as they stream in: same DOI, else same PMID, else same folded title and year, never
// across two different DOIs, PMIDs or database ids (UT, EID). Each
// record's lists are stored as read; finish() folds the records of one paper into their
// union, so the merged paper keeps everything any source knew.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "records/affiliations.h"
#include "records/author_identity.h"
#include "records/record.h"
#include "records/record_view.h"
#include "records/string_hash.h"
#include "records/thesaurus.h"

namespace citenet {

// One list per paper (or record), stored flat (CSR-style): no allocation per paper.
template <class T>
class FlatLists {
 public:
  void push(std::span<const T> items) {
    items_.insert(items_.end(), items.begin(), items.end());
    offsets_.push_back(static_cast<std::uint32_t>(items_.size()));
  }
  // Room for `lists` more lists of `items` more items in all, so pushing them neither moves
  // the lists nor writes them twice.
  void reserve(std::size_t lists, std::size_t items) {
    offsets_.reserve(offsets_.size() + lists);
    items_.reserve(items_.size() + items);
  }
  std::span<const T> operator[](std::size_t paper) const {
    return {items_.data() + offsets_[paper], offsets_[paper + 1] - offsets_[paper]};
  }
  std::size_t size() const { return offsets_.size() - 1; }
  friend bool operator==(const FlatLists&, const FlatLists&) = default;

 private:
  std::vector<std::uint32_t> offsets_{0};
  std::vector<T> items_;
};
using IdLists = FlatLists<std::uint32_t>;

// An author and an institution they are affiliated with on one paper.
struct AuthorInstitution {
  std::uint32_t person;
  std::uint32_t institution;
  friend auto operator<=>(const AuthorInstitution&, const AuthorInstitution&) = default;
};

struct PaperInfo {
  std::string label;  // "Alderwick 2024 Cross-sector collaboration to reduce…"
  int year = 0;
  std::uint32_t citations = 0;
};

// Which keywords a paper gets: explicit ones (author keywords, MeSH / index terms), terms
// extracted from title and abstract, explicit where the record has any and extracted
// otherwise (auto), or both (all).
enum class KeywordSource { none, explicit_only, extracted, automatic, all };

struct CorpusOptions {
  AuthorKeyMode author_key = AuthorKeyMode::smart;
  const Thesaurus* thesaurus = nullptr;  // must outlive the builder
  KeywordSource keywords = KeywordSource::none;
  bool merge_duplicates = true;
  // Intern each record's cited references into Corpus::references (citation, co-citation
  // and coupling networks). Off by default: ordinary runs do not pay for it.
  bool references = false;
  // Threads finish() may use: 1 keeps it on the calling thread; anything else lets the author
  // identity resolve beside the per-paper lists (two threads). The result is the same.
  unsigned threads = 0;
};

// Corpus::paper_work of a paper that no reference in the corpus cites.
inline constexpr std::uint32_t kNoWork = 0xFFFFFFFFu;

struct Corpus {
  std::vector<PaperInfo> papers;  // one per distinct paper, in order of first appearance
  IdLists authors;                // per paper: distinct person ids, first source's order first
  IdLists institutions;           // per paper: distinct institution ids
  IdLists countries;              // per paper: distinct country ids
  IdLists keywords;               // per paper: distinct keyword ids (empty unless asked for)
  // Per paper: each author with the institution(s) they are affiliated with on it, distinct,
  // sorted by (person, institution); institution ids are those of `institutions`. From each
  // author slot's own affiliations (MEDLINE AD after FAU, WoS C1 "[names]", Scopus "Authors
  // with affiliations", the listing's affiliation block …); an author the records give no
  // affiliation of their own is linked to the paper's institution when it names exactly one.
  FlatLists<AuthorInstitution> author_institutions;
  // Per paper: how many of its authors are linked to none of its institutions (no
  // affiliation of their own while it names several, or own affiliations naming no
  // institution); 0 for a paper naming no institution.
  std::vector<std::uint32_t> unattributed_authors;
  std::vector<std::string> author_labels;
  std::vector<std::string> institution_labels;
  std::vector<std::string> country_labels;
  std::vector<std::string> keyword_labels;

  // Per record as read (in add order), for output that follows the input: the paper it
  // was merged into, and the person of each author slot (AuthorIdentity::kDropped where
  // the thesaurus dropped an author).
  std::vector<std::uint32_t> record_paper;
  IdLists record_authors;
  std::size_t duplicates_merged = 0;  // records folded into an earlier paper

  // Only with CorpusOptions::references. Cited works are keyed by reference_keys(): the
  // DOI where the reference string carries one, else "first-author|year|source".
  IdLists references;                         // per paper: distinct cited-work ids
  std::vector<std::string> reference_labels;  // per cited work: the reference as first printed
  std::vector<std::uint32_t> paper_work;      // per paper: the cited work it is, or kNoWork
};

// The keys a cited reference is matched by. `doi`: doi_key() of the first DOI in the text
// ("…, DOI 10.1119/1.1972585" -> "10.1119/1.1972585"), else empty. `author_year_source`:
// for a Web of Science style reference "ARNAUD JA, 1972, ELECTRON LETT, V8, P541" the
// folded first author without spaces, the year and the folded source ("arnaudja|1972|
// electron lett"); for a reference without a year field, the folded text without its DOI.
struct ReferenceKeys {
  std::string doi;
  std::string author_year_source;
};
ReferenceKeys reference_keys(std::string_view reference);

// Fills record.keys as a CorpusBuilder made with `options` would (see record_keys.h). Safe to
// call on several threads at once, each with its own record.
void prepare_keys(Record& record, const CorpusOptions& options);
void prepare_keys(const Record& record, const CorpusOptions& options, RecordKeys& keys);
void prepare_keys(RecordView& record, const CorpusOptions& options);
void prepare_keys(const RecordView& record, const CorpusOptions& options, RecordKeys& keys);

class CorpusBuilder {
 public:
  explicit CorpusBuilder(CorpusOptions options = {});
  // Uses record.keys when ready (prepare_keys() with this builder's options), else works
  // them out. A Record is read through view_of().
  void add(const RecordView& record);
  // The same, taking the paper label prepare_keys() made instead of copying it.
  void add(RecordView& record);
  void add(const Record& record);
  // Room for about `records` records (an estimate: more or fewer are fine), so the per-record
  // lists and the author forms are allocated once at their size instead of doubling: each
  // doubling copies them into fresh pages, which cost a fault each where memory is mapped
  // lazily (docs/scaling.md). Room not used costs address space, not memory.
  void reserve(std::size_t records);
  // Resolves author identities and duplicates and hands over the corpus. Call once.
  Corpus finish();
  // After finish(): how the author ladder joined name forms (the --author-merges table).
  std::vector<MergeRow> author_merges() const { return identity_.merge_table(); }

 private:
  // Interns a normalised key; the label is the most frequent printed form.
  class EntityTable {
   public:
    // `verbatim`: the label is the user's (a thesaurus `to`), shown exactly as written.
    // `form_index`, when given, receives the printed form's index for count().
    std::uint32_t intern(const std::string& key, std::string_view printed, bool verbatim = false,
                         std::uint32_t* form_index = nullptr);
    // One more occurrence of form `form` of entity `id`, as intern() with it would count.
    void count(std::uint32_t id, std::uint32_t form) { ++entities_[id].forms[form].second; }
    std::vector<std::string> labels() const;

   private:
    struct Entity {
      std::vector<std::pair<std::string, std::uint32_t>> forms;  // printed form, count
      bool verbatim = false;
    };
    StringMap<std::uint32_t> ids_;
    std::vector<Entity> entities_;
  };

  // add(): `label`, when given, is the prepared label of `record`, taken rather than copied.
  void add_view(const RecordView& record, std::string* label);
  std::uint32_t find_or_register_paper(const RecordKeys& keys);
  void add_affiliation(AffiliationParts& parts, std::vector<std::uint32_t>& institutions,
                       std::vector<std::uint32_t>& countries);
  void add_author_institutions(const RecordView& record);
  void author_institutions_of(std::span<const std::uint32_t> group,
                              std::span<const std::uint32_t> people,
                              std::span<const std::uint32_t> institutions, Corpus& corpus);
  void add_keywords(const RecordView& record, std::vector<std::uint32_t>& keywords);
  std::uint32_t intern(EntityTable& table, ThesaurusKind kind, const std::string& key,
                       std::string_view printed, std::uint32_t* form_index = nullptr);

  CorpusOptions options_;
  AuthorIdentity identity_;
  // Per record as added: its paper, and its institution / country / keyword ids.
  std::vector<std::uint32_t> record_paper_;
  std::vector<PaperInfo> record_info_;
  IdLists record_institutions_;
  IdLists record_countries_;
  IdLists record_keywords_;
  // Per record: (author slot, institution id) from each slot's own affiliations, distinct;
  // 0xFFFFFFFF as the institution of a slot whose affiliations name none.
  FlatLists<std::pair<std::uint32_t, std::uint32_t>> record_slot_institutions_;
  std::uint32_t paper_count_ = 0;
  // Cited works (options_.references): 64-bit hashes of their keys -> work id. A DOI-less
  // reference and a DOI reference with the same author/year/source key are one work
  // (whichever came first), unless two DOIs share that key: then DOI-less references with
  // it get a work of their own.
  std::uint32_t intern_reference(std::string_view reference, const RecordKeys::Reference& keys);
  std::uint32_t paper_work(std::span<const std::uint32_t> records) const;
  absl::flat_hash_map<std::uint64_t, std::uint32_t> doi_works_;
  absl::flat_hash_map<std::uint64_t, std::uint32_t> ays_works_;
  absl::flat_hash_map<std::uint64_t, std::uint32_t> ays_only_works_;
  std::vector<std::string> work_labels_;
  std::vector<bool> work_has_doi_;
  IdLists record_references_;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> record_keys_;  // hashes: DOI, ays
  // 64-bit hashes of DOI, PMID and title+year keys -> paper: a million records in tens of
  // MB rather than the hundreds that string keys would take (a false match needs a 64-bit
  // collision among the corpus' keys).
  absl::flat_hash_map<std::uint64_t, std::uint32_t> doi_papers_;
  absl::flat_hash_map<std::uint64_t, std::uint32_t> pmid_papers_;
  absl::flat_hash_map<std::uint64_t, std::uint32_t> title_papers_;
  // Per paper: hashes of its DOI and PMID (0: none), so a PMID or title match is refused
  // when the two records carry different DOIs (a guideline printed in two journals).
  std::vector<std::uint64_t> paper_doi_;
  std::vector<std::uint64_t> paper_pmid_;
  std::vector<std::uint64_t> paper_database_id_;  // WoS UT / Scopus EID: two differ, two papers
  AffiliationCache affiliations_;
  EntityTable institutions_;
  EntityTable countries_;
  EntityTable keywords_;
  // Reused by add(), so a record costs no allocation for its id lists.
  std::vector<std::uint32_t> scratch_institutions_;
  std::vector<std::uint32_t> scratch_countries_;
  std::vector<std::uint32_t> scratch_keywords_;
  std::vector<AffiliationParts*> scratch_parts_;
  std::vector<PrehashedString> scratch_addresses_;  // add(): the record's addresses, hashed
  std::vector<std::pair<std::uint32_t, std::uint32_t>> scratch_slot_institutions_;
  std::vector<AuthorInstitution> scratch_pairs_;
  std::vector<std::uint32_t> scratch_own_;
  RecordKeys scratch_keys_;
};

// "Alderwick 2024 Cross-sector collaboration to reduce…": first author's surname, year,
// and the title cut at a word boundary near `max_title_chars`.
std::string paper_label(const Record& record, std::size_t max_title_chars = 40);
std::string paper_label(const RecordView& record, std::size_t max_title_chars = 40);

// The key duplicates are found by: lower-case DOI without "https://doi.org/" and the like.
std::string doi_key(std::string_view doi);
// doi_key() into `out`'s buffer (prepare_keys hashes one per record).
void assign_doi_key(std::string& out, std::string_view doi);

}  // namespace citenet
