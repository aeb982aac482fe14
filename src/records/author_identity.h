// Author identity across a corpus: the evidence ladder of DESIGN.md ("smart", the default)
// and the classic simpler keys.
//
// smart, strongest evidence first:
//   0. thesaurus: a user thesaurus entry for the author (by ORCID "orcid:…", full name,
//      printed form, "Given Surname", "Surname Given" or "Surname Initials") decides,
//      whatever the other rungs say; an entry with an empty target drops the author.
//   1. orcid: forms carrying one ORCID are one person; two ORCIDs never join, even with
//      identical names.
//   2. full name: folded surname + full given names ("Müller Anna" = "MULLER ANNA";
//      "Xing Li" ≠ "Xiaoming Li"). A full name without an ORCID joins an ORCID person only
//      when exactly one ORCID person carries that name.
//   3. unique full name: an initials-only form ("Alderwick H") joins a full-name (or ORCID)
//      person only when exactly one compatible one exists with that surname (initials a
//      prefix of theirs: "L", "LE" fit "Leena Eklund"; "LX" does not).
//   4. co-author, then affiliation: when several are compatible, each occurrence of the
//      initials form is decided on its own paper: it joins the candidate with whom it
//      shares a co-author person (on papers with at most kMaxEvidenceAuthors authors) or,
//      failing that, an institution key (extract_institution + institution_key, through the
//      thesaurus's institution entries), when exactly one candidate does. A candidate on
//      the same paper is never the initials author. Other occurrences stay as the initials
//      form's own person ("Li X"), so one initials form may end up in several people.
// Rungs 1–3 are decided per form, rung 4 per occurrence, against people as rungs 0–3 left
// them (one pass, no iteration: the result does not depend on the order of evaluation).
//
// Memory: per distinct form its folded parts, printed spellings and up to
// kMaxInstitutionsPerForm institution ids; per author slot one 32-bit id; per initials
// slot with affiliations its institution ids; one string per distinct institution key.
#pragma once

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <absl/container/flat_hash_map.h>
#include <boost/container/small_vector.hpp>

#include "records/affiliations.h"
#include "records/record.h"
#include "records/record_keys.h"
#include "records/record_view.h"
#include "records/string_hash.h"

namespace citenet {

class Thesaurus;

// --author-key: the ladder, or a classic key that merges every form with the same key.
enum class AuthorKeyMode {
  initial,   // surname + first initial: "li x" (Xing Li, Xiaoming Li and Li XL are one)
  initials,  // surname + all initials: "li xl"
  full,      // surname + full given names when known ("li xing"), else all initials
  smart,     // the evidence ladder above
};

// One person of the merge table: how its forms came together. The CSV form of these rows
// reads back as an author thesaurus (thesaurus.h) that reproduces the same people.
struct MergeRow {
  std::string key;    // stable identity: "orcid:0000-…", "alderwick, hugh", "li, x." …
  std::string label;  // what networks show: the fullest form seen
  std::vector<std::string> forms;  // every printed spelling, first seen first
  // ";"-joined, in ladder order: "thesaurus", "orcid", "full name", "unique full name",
  // "co-author", "affiliation"; "initials" for a person known by an initials form only;
  // "initial key", "initials key" or "full key" in the classic modes.
  std::string evidence;
  std::vector<std::uint32_t> papers;  // 0-based paper indices in add order, ascending
};

// CSV with header key,label,forms,evidence,records (forms and records ";"-joined, RFC 4180
// quoting). Returns false when the stream failed.
bool write_merge_table_csv(std::ostream& out, const std::vector<MergeRow>& rows);

// The key of `author` in `mode` (without a thesaurus, whose entries replace keys).
void make_author_key(const AuthorView& author, AuthorKeyMode mode, AuthorKey& out);
void make_author_key(const Author& author, AuthorKeyMode mode, AuthorKey& out);

class AuthorIdentity {
 public:
  // Returned for an author the thesaurus drops; people_of_paper() keeps it in its slot.
  static constexpr std::uint32_t kDropped = 0xFFFFFFFFu;
  static constexpr std::size_t kMaxEvidenceAuthors = 100;
  static constexpr std::size_t kMaxInstitutionsPerForm = 32;

  // `thesaurus`, when given, must outlive this object. `affiliations`, when given, is the
  // caller's cache (must outlive this object), so each address is looked up in one place.
  explicit AuthorIdentity(AuthorKeyMode mode = AuthorKeyMode::smart,
                          const Thesaurus* thesaurus = nullptr,
                          AffiliationCache* affiliations = nullptr);

  // Registers one paper's authors (citation order) and returns the form id of each slot
  // (kDropped for a dropped author), valid until the next add. Paper indices count calls
  // to add_paper() and add() from 0. Forms are interned: the same folded name (and ORCID)
  // gives the same id.
  std::span<const std::uint32_t> add_paper(std::span<const Author> authors);
  std::span<const std::uint32_t> add_paper(std::span<const AuthorView> authors);
  // The same with the affiliation cache entries of every author's affiliations (in order,
  // one list for the paper) already looked up by the caller, who needs them too.
  // `keys`, when not empty, holds make_author_key() of each author in this identity's mode;
  // they are ignored with a thesaurus.
  std::span<const std::uint32_t> add_paper(std::span<const AuthorView> authors,
                                           std::span<AffiliationParts* const> parts,
                                           std::span<const AuthorKey> keys = {});
  // One author as a paper of its own (no co-author evidence). Returns its form id.
  std::uint32_t add(const Author& author);
  // Room for about `papers` more papers with `slots` author slots and `forms` distinct forms
  // (estimates), as std::vector::reserve.
  void reserve(std::size_t papers, std::size_t slots, std::size_t forms);

  // Joins forms into people; call once after every add.
  void resolve();

  // After resolve(): the person of each author slot of `paper` (kDropped where the
  // thesaurus dropped the author). This is what a corpus should store: an initials form
  // split by co-author evidence has different people on different papers.
  std::span<const std::uint32_t> people_of_paper(std::size_t paper) const;
  std::size_t paper_count() const { return paper_begin_.size() - 1; }
  // After resolve(): the person of a form (0..person_count()-1, dense, numbered in order of
  // first appearance). For a form split by co-author/affiliation evidence, the person of
  // its undecided occurrences (or of its first occurrence when all were decided).
  std::uint32_t person_of(std::uint32_t form) const;
  std::size_t person_count() const;
  // The fullest form seen for the person, mixed case preferred ("Hugh Alderwick"); the
  // thesaurus label when a thesaurus named the person.
  const std::string& label(std::uint32_t person) const;
  // Every printed form seen for the person, for audits.
  std::vector<std::string> forms_of(std::uint32_t person) const;
  // One row per person, in person order.
  std::vector<MergeRow> merge_table() const;

 private:
  enum Evidence : std::uint8_t {
    kThesaurus = 1,
    kOrcid = 2,
    kFullName = 4,
    kUniqueFullName = 8,
    kCoAuthor = 16,
    kAffiliation = 32,
  };
  // One distinct interned key: in smart mode (folded surname, given names or initials,
  // ORCID), or the thesaurus target; in the classic modes the mode's key.
  struct Form {
    std::string surname;   // folded: "alderwick"
    std::string given;     // folded full given names, "" for an initials form
    std::string initials;  // folded letters, derived from given names when known: "h"
    std::string orcid;
    const std::string* thesaurus_key = nullptr;  // into the thesaurus
    bool has_given = false;
    int label_rank = 0;  // see label_rank() in the .cc
    std::string label;
    // Inline for the common few, so a form's occurrence touches the form and nothing else
    // (a million records: every other heap block is a cache miss per author).
    boost::container::small_vector<std::string, 2> printed;  // distinct as_printed / full_name
    boost::container::small_vector<std::uint32_t, 4> institutions;  // distinct ids (full forms)
    std::uint32_t occurrences = 0;
  };
  using Index = StringMap<std::uint32_t>;

  std::uint32_t add_author(const AuthorView& author, std::uint32_t slot,
                           std::span<AffiliationParts* const> parts, const AuthorKey* prepared);
  bool find_in_thesaurus(const AuthorView& author);
  void add_institutions(std::uint32_t form, std::uint32_t slot,
                        std::span<AffiliationParts* const> parts);
  static constexpr std::uint32_t kNoInstitution = 0xFFFFFFFFu;
  std::uint32_t evidence_institution(const AffiliationParts& parts);
  void update_label(Form& form, const AuthorView& author, bool has_given) const;
  static void remember_printed(Form& form, std::string_view printed);
  // One occurrence of an initials form that rung 4 moved to another person.
  struct Override {
    std::uint32_t slot;
    std::uint32_t root;  // form id whose person the slot joins
    Evidence evidence;
  };
  void join_smart(std::vector<std::uint32_t>& root, std::vector<std::uint8_t>& evidence,
                  std::vector<Override>& overrides) const;
  void join_by_evidence(const std::vector<std::uint32_t>& root,
                        const std::vector<std::uint32_t>& candidate_begin,
                        const std::vector<std::uint32_t>& candidates,
                        const std::vector<std::uint32_t>& ambiguous_index,
                        std::vector<Override>& overrides) const;
  void number_people(const std::vector<std::uint32_t>& root,
                     const std::vector<std::uint8_t>& evidence,
                     const std::vector<Override>& overrides);
  std::string person_key(std::uint32_t person) const;

  AuthorKeyMode mode_;
  const Thesaurus* thesaurus_;
  Index index_;
  std::vector<Form> forms_;
  std::vector<std::uint32_t> paper_begin_{0};  // per paper + 1: offsets into slots_
  std::vector<std::uint32_t> slots_;           // form id per author slot; person id after resolve()
  // Initials-only slots with affiliations (smart mode): (slot, institution id), by slot.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> initials_slot_institutions_;
  Index institution_ids_;
  AffiliationCache own_affiliations_;
  AffiliationCache* shared_affiliations_;  // the caller's, or nullptr for own_affiliations_
  bool resolved_ = false;
  // Filled by resolve().
  std::vector<std::uint32_t> person_of_form_;
  std::vector<std::uint32_t> label_form_;  // per person: the form whose label it shows
  std::vector<std::uint8_t> person_evidence_;
  std::vector<std::uint32_t> person_begin_;  // per person + 1: offsets into person_forms_
  std::vector<std::uint32_t> person_forms_;  // form ids grouped by person, ascending
  // Scratch reused by add(), so interning a known form does not allocate.
  AuthorKey key_;
  std::vector<AffiliationParts*> parts_;
  std::vector<AuthorView> author_views_;  // add_paper() of Authors: their views
  std::vector<std::string_view> affiliation_views_;
  const std::string* thesaurus_key_ = nullptr;  // of the author being added
  const std::string* thesaurus_label_ = nullptr;
};

}  // namespace citenet
