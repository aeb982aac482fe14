#include "records/author_identity.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <numeric>
#include <ostream>
#include <type_traits>
#include <unordered_map>

#include <unicode/utf8.h>

#include "records/affiliations.h"
#include "records/text.h"
#include "records/thesaurus.h"

namespace citenet {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Separates surname from given names in a key; cannot occur in folded text.
constexpr char kKeySeparator = '\x1f';

// Label quality: a mixed-case full name beats an upper-case one (which needs title-casing
// and may have lost accents of the original), which beats an initials-only form.
constexpr int kRankInitials = 1;
constexpr int kRankUpperCaseName = 2;
constexpr int kRankMixedCaseName = 3;

std::size_t code_point_length(std::string_view text, std::size_t offset) {
  auto end = static_cast<int32_t>(offset);
  U8_FWD_1(text.data(), end, static_cast<int32_t>(text.size()));
  return static_cast<std::size_t>(end) - offset;
}

// Calls f(token) for each space-separated token of a folded key.
template <typename F>
void for_each_token(std::string_view key, F f) {
  std::size_t start = 0;
  while (start < key.size()) {
    const std::size_t end = std::min(key.find(' ', start), key.size());
    f(key.substr(start, end - start));
    start = end + 1;
  }
}

// Given names are known when at least one token is longer than one letter; "X L" or "H."
// spelled into a given-name field are initials.
bool has_full_given_name(std::string_view folded_given) {
  bool full = false;
  for_each_token(folded_given, [&](std::string_view token) {
    full = full || code_point_length(token, 0) < token.size();
  });
  return full;
}

void append_initials_of(std::string_view folded_given, std::string& initials) {
  for_each_token(folded_given, [&](std::string_view token) {
    initials.append(token.substr(0, code_point_length(token, 0)));
  });
}

void erase_spaces(std::string& text) { std::erase(text, ' '); }

// Removes the tokens [begin, end) of a folded key and the space that joined them.
void erase_tokens(std::string& key, std::size_t begin, std::size_t end) {
  if (end < key.size()) {
    ++end;
  } else if (begin > 0) {
    --begin;
  }
  key.erase(begin, end - begin);
}

std::size_t find_token_sequence(std::string_view key, std::string_view tokens) {
  for (std::size_t at = key.find(tokens); at != std::string_view::npos;
       at = key.find(tokens, at + 1)) {
    const std::size_t end = at + tokens.size();
    if ((at == 0 || key[at - 1] == ' ') && (end == key.size() || key[end] == ' ')) return at;
  }
  return std::string_view::npos;
}

// Given names out of a full name ("Hugh Alderwick", "ALDERWICK HUGH"): whatever is not the
// surname. Without a surname to match, the last word is taken as the surname.
void split_full_name(std::string_view full_name, std::string& surname, std::string& given) {
  append_fold_key(full_name, given);
  const std::size_t at = surname.empty() ? std::string::npos : find_token_sequence(given, surname);
  if (at != std::string::npos) {
    erase_tokens(given, at, at + surname.size());
    return;
  }
  const std::size_t last_space = given.rfind(' ');
  const std::size_t last = last_space == std::string::npos ? 0 : last_space + 1;
  if (surname.empty()) surname.assign(given, last);
  erase_tokens(given, last, given.size());
}

// The folded parts of one author: surname, given names (empty when only initials are
// known) and initials.
void fold_name(const AuthorView& author, std::string& surname, std::string& given,
               std::string& initials) {
  surname.clear();
  given.clear();
  initials.clear();
  append_fold_key(author.surname, surname);
  if (!author.given.empty()) {
    append_fold_key(author.given, given);
  } else if (!author.full_name.empty()) {
    split_full_name(author.full_name, surname, given);
  }
  if (surname.empty()) append_fold_key(author.as_printed, surname);

  if (has_full_given_name(given)) {
    append_initials_of(given, initials);
    return;
  }
  append_fold_key(author.initials, initials);
  if (initials.empty()) initials = given;
  erase_spaces(initials);
  given.clear();
}

// Higher rank first, then the fuller (longer) name, which keeps accents ("Müller" is
// longer in UTF-8 than "Muller"). Initials forms differ only in dots and spaces, so the
// first one seen stays.
bool better_label(int rank, std::size_t size, int current_rank, std::size_t current_size) {
  if (rank != current_rank) return rank > current_rank;
  return rank > kRankInitials && size > current_size;
}

// The text a form would show, "Given Surname" joined only when the label is taken.
struct LabelCandidate {
  std::string_view first;
  std::string_view second;  // appended after a space when not empty
  int rank = 0;

  std::size_t size() const { return first.size() + (second.empty() ? 0 : second.size() + 1); }
  std::string text() const {
    std::string joined(first);
    if (!second.empty()) joined.append(" ").append(second);
    return rank == kRankUpperCaseName ? title_case(joined) : joined;
  }
};

LabelCandidate label_candidate(const AuthorView& author, bool has_given) {
  LabelCandidate candidate;
  if (!has_given) {
    candidate = author.as_printed.empty() ? LabelCandidate{author.surname, author.initials}
                                          : LabelCandidate{author.as_printed, {}};
    candidate.rank = kRankInitials;
    return candidate;
  }
  candidate = author.full_name.empty() ? LabelCandidate{author.given, author.surname}
                                       : LabelCandidate{author.full_name, {}};
  const bool upper = is_upper_case(candidate.first) &&
                     (candidate.second.empty() || is_upper_case(candidate.second));
  candidate.rank = upper ? kRankUpperCaseName : kRankMixedCaseName;
  return candidate;
}

constexpr int kRankThesaurus = 4;  // a thesaurus label is never replaced

// Separates the parts of a smart-mode key; marks a thesaurus key. Neither occurs in folded
// text.
constexpr char kThesaurusMark = '\x1e';

std::string dotted(std::string_view initials) {
  std::string out;
  for (std::size_t at = 0; at < initials.size();) {
    const std::size_t length = code_point_length(initials, at);
    out.append(initials.substr(at, length)).push_back('.');
    at += length;
  }
  return out;
}

// The texts a thesaurus entry may name an author by, most specific first.
std::vector<std::string> thesaurus_names(const AuthorView& author) {
  std::vector<std::string> names;
  const auto joined = [](std::string_view a, std::string_view b) {
    return std::string(a).append(" ").append(b);
  };
  if (!author.orcid.empty()) names.push_back(std::string("orcid:").append(author.orcid));
  if (!author.full_name.empty()) names.emplace_back(author.full_name);
  if (!author.as_printed.empty()) names.emplace_back(author.as_printed);
  if (!author.surname.empty() && !author.given.empty()) {
    names.push_back(joined(author.given, author.surname));
    names.push_back(joined(author.surname, author.given));
  }
  if (!author.surname.empty() && !author.initials.empty())
    names.push_back(joined(author.surname, author.initials));
  return names;
}

// Sorted (owner, member) pairs: does `owner` have `member`?
bool has_pair(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
              std::uint32_t owner, std::uint32_t member) {
  return std::ranges::binary_search(pairs, std::pair{owner, member});
}

void sort_unique(std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) {
  std::ranges::sort(pairs);
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
}

std::uint32_t find_root(std::vector<std::uint32_t>& root, std::uint32_t id) {
  while (root[id] != id) {
    root[id] = root[root[id]];
    id = root[id];
  }
  return id;
}

void csv_field(std::ostream& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << text;
    return;
  }
  out << '"';
  for (char c : text) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

template <typename Range>
std::string joined(const Range& items) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text.push_back(';');
    if constexpr (std::is_arithmetic_v<std::decay_t<decltype(item)>>) {
      text.append(std::to_string(item));
    } else {
      text.append(item);
    }
  }
  return text;
}

}  // namespace

void make_author_key(const AuthorView& author, AuthorKeyMode mode, AuthorKey& out) {
  fold_name(author, out.surname, out.given, out.initials);
  const bool has_given = !out.given.empty();
  std::string& key = out.key;
  key.assign(out.surname).push_back(kKeySeparator);
  switch (mode) {
    case AuthorKeyMode::initial:
      key.append(std::string_view(out.initials)
                     .substr(0, out.initials.empty() ? 0 : code_point_length(out.initials, 0)));
      break;
    case AuthorKeyMode::initials:
      key.append(out.initials);
      break;
    case AuthorKeyMode::full:
    case AuthorKeyMode::smart:
      key.push_back(has_given ? 'g' : 'i');
      key.append(has_given ? out.given : out.initials);
      if (mode == AuthorKeyMode::smart && !author.orcid.empty()) {
        key.push_back(kKeySeparator);
        key.append(author.orcid);
      }
      break;
  }
  out.hash = SwissStringHash{}(key);
}

void make_author_key(const Author& author, AuthorKeyMode mode, AuthorKey& out) {
  std::vector<AuthorView> view;
  std::vector<std::string_view> affiliations;
  append_author_views(std::span<const Author>(&author, 1), view, affiliations);
  make_author_key(view.front(), mode, out);
}

AuthorIdentity::AuthorIdentity(AuthorKeyMode mode, const Thesaurus* thesaurus,
                               AffiliationCache* affiliations)
    : mode_(mode), thesaurus_(thesaurus), shared_affiliations_(affiliations) {}

std::span<const std::uint32_t> AuthorIdentity::add_paper(std::span<const Author> authors) {
  author_views_.clear();
  affiliation_views_.clear();
  append_author_views(authors, author_views_, affiliation_views_);
  return add_paper(std::span<const AuthorView>(author_views_));
}

std::span<const std::uint32_t> AuthorIdentity::add_paper(std::span<const AuthorView> authors) {
  AffiliationCache& cache = shared_affiliations_ ? *shared_affiliations_ : own_affiliations_;
  std::size_t count = 0;
  for (const AuthorView& author : authors) count += author.affiliations.size();
  cache.make_room(count);
  parts_.clear();
  for (const AuthorView& author : authors)
    for (std::string_view affiliation : author.affiliations)
      parts_.push_back(&cache.parts(affiliation));
  return add_paper(authors, parts_);
}

std::span<const std::uint32_t> AuthorIdentity::add_paper(std::span<const AuthorView> authors,
                                                         std::span<AffiliationParts* const> parts,
                                                         std::span<const AuthorKey> keys) {
  assert(!resolved_ && "add after resolve()");
  assert(keys.empty() || keys.size() == authors.size());
  // With a million records the index no longer fits in cache: ask for every author's slot
  // at once, then for the forms they lead to, so the misses overlap instead of following
  // one another.
  for (const AuthorKey& key : keys) index_.prefetch(PrehashedString{key.key, key.hash});
  for (const AuthorKey& key : keys)
    if (const auto found = index_.find(PrehashedString{key.key, key.hash}); found != index_.end()) {
      const Form& form = forms_[found->second];
      for (std::size_t line = 0; line < sizeof(Form); line += 64)
        __builtin_prefetch(reinterpret_cast<const char*>(&form) + line);
    }
  const std::size_t begin = slots_.size();
  for (std::size_t i = 0; i < authors.size(); ++i) {
    const AuthorView& author = authors[i];
    const auto slot = static_cast<std::uint32_t>(slots_.size());
    const std::span<AffiliationParts* const> own = parts.first(author.affiliations.size());
    parts = parts.subspan(author.affiliations.size());
    slots_.push_back(add_author(author, slot, own, keys.empty() ? nullptr : &keys[i]));
  }
  paper_begin_.push_back(static_cast<std::uint32_t>(slots_.size()));
  return {slots_.data() + begin, authors.size()};
}

void AuthorIdentity::reserve(std::size_t papers, std::size_t slots, std::size_t forms) {
  paper_begin_.reserve(paper_begin_.size() + papers);
  slots_.reserve(slots_.size() + slots);
  forms_.reserve(forms_.size() + forms);
}

std::uint32_t AuthorIdentity::add(const Author& author) {
  return add_paper(std::span<const Author>(&author, 1)).front();
}

// Sets thesaurus_key_/thesaurus_label_ from the first name of the author with an entry.
// A name listed under several keys of a merge table stops the search: the ladder decides.
bool AuthorIdentity::find_in_thesaurus(const AuthorView& author) {
  thesaurus_key_ = nullptr;
  thesaurus_label_ = nullptr;
  if (!thesaurus_) return false;
  for (const std::string& name : thesaurus_names(author)) {
    bool ambiguous = false;
    const Thesaurus::Target* target =
        thesaurus_->find_folded(ThesaurusKind::author, fold_key(name), &ambiguous);
    if (ambiguous) return false;
    if (!target) continue;
    thesaurus_key_ = &target->key;
    thesaurus_label_ = &target->label;
    return true;
  }
  return false;
}

std::uint32_t AuthorIdentity::add_author(const AuthorView& author, std::uint32_t slot,
                                         std::span<AffiliationParts* const> parts,
                                         const AuthorKey* prepared) {
  if (find_in_thesaurus(author) && thesaurus_label_->empty()) return kDropped;
  if (!prepared || thesaurus_) {
    make_author_key(author, mode_, key_);
    if (thesaurus_key_) {
      key_.key.assign(1, kThesaurusMark).append(*thesaurus_key_);
      key_.hash = SwissStringHash{}(key_.key);
    }
    prepared = &key_;
  }
  const AuthorKey& key = *prepared;
  const bool has_given = !key.given.empty();

  std::uint32_t id = 0;
  if (const auto found = index_.find(PrehashedString{key.key, key.hash}); found != index_.end()) {
    id = found->second;
  } else {
    id = static_cast<std::uint32_t>(forms_.size());
    index_.emplace(key.key, id);
    Form& created = forms_.emplace_back();
    created.surname = key.surname;
    created.given = key.given;
    created.initials = key.initials;
    if (mode_ == AuthorKeyMode::smart && !thesaurus_key_) created.orcid = author.orcid;
    created.thesaurus_key = thesaurus_key_;
    if (thesaurus_key_) {
      created.label = *thesaurus_label_;
      created.label_rank = kRankThesaurus;
    }
  }
  Form& form = forms_[id];
  form.has_given = form.has_given || has_given;
  ++form.occurrences;
  remember_printed(form, author.as_printed);
  remember_printed(form, author.full_name);
  if (author.as_printed.empty() && author.full_name.empty()) {
    const LabelCandidate constructed = label_candidate(author, has_given);
    remember_printed(form, constructed.text());
  }
  update_label(form, author, has_given);
  if (mode_ == AuthorKeyMode::smart) add_institutions(id, slot, parts);
  return id;
}

// The id of an address's institution for rung 4, kNoInstitution when it names none (or the
// thesaurus drops it).
std::uint32_t AuthorIdentity::evidence_institution(const AffiliationParts& parts) {
  const std::string& institution = parts.institution;
  if (institution.empty()) return kNoInstitution;
  std::string_view key = parts.institution_key;
  std::string thesaurus_key;
  if (thesaurus_) {
    if (const auto* target = thesaurus_->find(ThesaurusKind::institution, institution)) {
      if (target->label.empty()) return kNoInstitution;
      thesaurus_key.assign(1, kThesaurusMark).append(target->key);
      key = thesaurus_key;
    }
  }
  if (key.empty()) return kNoInstitution;
  auto entry = institution_ids_.find(key);
  if (entry == institution_ids_.end())
    entry = institution_ids_
                .emplace(std::string(key), static_cast<std::uint32_t>(institution_ids_.size()))
                .first;
  return entry->second;
}

// Institution ids of the author: kept per slot for an initials-only form (rung 4 decides
// each occurrence), per form for every other form (the candidates' side).
void AuthorIdentity::add_institutions(std::uint32_t form_id, std::uint32_t slot,
                                      std::span<AffiliationParts* const> affiliations) {
  Form& form = forms_[form_id];
  const bool initials_only = !form.has_given && form.orcid.empty() && !form.thesaurus_key;
  for (AffiliationParts* entry : affiliations) {
    AffiliationParts& parts = *entry;
    if (parts.evidence_institution == AffiliationParts::kUnset)
      parts.evidence_institution = evidence_institution(parts);
    const std::uint32_t institution_id = parts.evidence_institution;
    if (institution_id == kNoInstitution) continue;
    if (initials_only) {
      initials_slot_institutions_.emplace_back(slot, institution_id);
    } else if (form.institutions.size() < kMaxInstitutionsPerForm &&
               std::ranges::find(form.institutions, institution_id) == form.institutions.end()) {
      form.institutions.push_back(institution_id);
    }
  }
}

void AuthorIdentity::update_label(Form& form, const AuthorView& author, bool has_given) const {
  const LabelCandidate candidate = label_candidate(author, has_given);
  if (!better_label(candidate.rank, candidate.size(), form.label_rank, form.label.size())) return;
  form.label = candidate.text();
  form.label_rank = candidate.rank;
}

// Spellings of one form are few, so a linear scan beats a set per form.
void AuthorIdentity::remember_printed(Form& form, std::string_view printed) {
  if (printed.empty()) return;
  if (std::find(form.printed.begin(), form.printed.end(), printed) != form.printed.end()) return;
  form.printed.emplace_back(printed);
}

void AuthorIdentity::resolve() {
  if (resolved_) return;
  resolved_ = true;
  const auto form_count = static_cast<std::uint32_t>(forms_.size());
  std::vector<std::uint32_t> root(form_count);
  std::iota(root.begin(), root.end(), 0u);
  std::vector<std::uint8_t> evidence(form_count, 0);
  std::vector<Override> overrides;
  if (mode_ == AuthorKeyMode::smart) {
    join_smart(root, evidence, overrides);
  } else {
    for (std::uint32_t id = 0; id < form_count; ++id) {
      if (forms_[id].thesaurus_key) evidence[id] = kThesaurus;
    }
  }
  number_people(root, evidence, overrides);
}

// Rungs 1–3 per form (union-find over form ids), then rung 4 per occurrence.
void AuthorIdentity::join_smart(std::vector<std::uint32_t>& root,
                                std::vector<std::uint8_t>& evidence,
                                std::vector<Override>& overrides) const {
  const auto form_count = static_cast<std::uint32_t>(forms_.size());
  // Rung 1: one person per ORCID.
  absl::flat_hash_map<std::string_view, std::uint32_t> first_with_orcid;
  for (std::uint32_t id = 0; id < form_count; ++id) {
    const Form& form = forms_[id];
    if (form.thesaurus_key) evidence[id] |= kThesaurus;
    if (form.orcid.empty()) continue;
    evidence[id] |= kOrcid;
    const auto [first, added] = first_with_orcid.try_emplace(form.orcid, id);
    if (!added) root[find_root(root, id)] = find_root(root, first->second);
  }

  // Forms are grouped by a key in hash tables of chains through `next` (in id order), not
  // sorted and binary-searched: on 600k forms the searches' string compares cost a second.
  std::vector<std::uint32_t> next(form_count, kNone);
  const auto chain = [&](auto& groups, const auto& key, std::uint32_t id) {
    const auto [group, added] = groups.try_emplace(key, std::pair(id, id));
    if (!added) group->second.second = next[group->second.second] = id;
  };
  std::vector<std::uint32_t> found;
  const auto add_distinct = [&](std::uint32_t person_root) {
    if (std::ranges::find(found, person_root) == found.end()) found.push_back(person_root);
  };
  const auto add_chain = [&](const auto& groups, const auto& key, const auto& compatible) {
    const auto group = groups.find(key);
    if (group == groups.end()) return;
    for (std::uint32_t id = group->second.first; id != kNone; id = next[id]) {
      if (compatible(id)) add_distinct(find_root(root, id));
    }
  };

  // Rung 2: a full name without ORCID joins the one ORCID person carrying that name.
  using Name = std::pair<std::string_view, std::string_view>;  // surname, given
  absl::flat_hash_map<Name, std::pair<std::uint32_t, std::uint32_t>> orcid_names;
  for (std::uint32_t id = 0; id < form_count; ++id) {
    const Form& form = forms_[id];
    if (!form.orcid.empty() && !form.given.empty())
      chain(orcid_names, Name(form.surname, form.given), id);
  }
  for (std::uint32_t id = 0; id < form_count; ++id) {
    const Form& form = forms_[id];
    if (form.given.empty() || !form.orcid.empty() || form.thesaurus_key) continue;
    evidence[id] |= kFullName;
    found.clear();
    add_chain(orcid_names, Name(form.surname, form.given), [](std::uint32_t) { return true; });
    if (found.size() == 1) root[id] = found.front();
  }

  // Rung 3: an initials form joins the one compatible full-name or ORCID person.
  const auto is_anchor = [&](const Form& form) { return form.has_given || !form.orcid.empty(); };
  absl::flat_hash_map<std::string_view, std::pair<std::uint32_t, std::uint32_t>> anchors;
  std::ranges::fill(next, kNone);
  for (std::uint32_t id = 0; id < form_count; ++id) {
    if (is_anchor(forms_[id])) chain(anchors, std::string_view(forms_[id].surname), id);
  }
  std::vector<std::uint32_t> ambiguous_index(form_count, kNone);
  std::vector<std::uint32_t> candidate_begin{0};
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t id = 0; id < form_count; ++id) {
    const Form& form = forms_[id];
    if (is_anchor(form) || form.thesaurus_key || form.initials.empty()) continue;
    found.clear();
    add_chain(anchors, std::string_view(form.surname), [&](std::uint32_t anchor) {
      return forms_[anchor].initials.starts_with(form.initials);
    });
    if (found.size() == 1) {
      root[id] = found.front();
      evidence[id] |= kUniqueFullName;
    } else if (found.size() > 1) {
      ambiguous_index[id] = static_cast<std::uint32_t>(candidate_begin.size() - 1);
      candidates.insert(candidates.end(), found.begin(), found.end());
      candidate_begin.push_back(static_cast<std::uint32_t>(candidates.size()));
    }
  }
  for (std::uint32_t id = 0; id < form_count; ++id) root[id] = find_root(root, id);
  if (!candidates.empty()) {
    join_by_evidence(root, candidate_begin, candidates, ambiguous_index, overrides);
  }
}

// Rung 4: each occurrence of an ambiguous initials form joins the one candidate it shares a
// co-author with, else the one it shares an institution with (among the co-author matches
// when there are several).
void AuthorIdentity::join_by_evidence(const std::vector<std::uint32_t>& root,
                                      const std::vector<std::uint32_t>& candidate_begin,
                                      const std::vector<std::uint32_t>& candidates,
                                      const std::vector<std::uint32_t>& ambiguous_index,
                                      std::vector<Override>& overrides) const {
  std::vector<char> is_candidate(forms_.size(), 0);
  for (std::uint32_t candidate : candidates) is_candidate[candidate] = 1;
  const std::size_t paper_total = paper_begin_.size() - 1;
  const auto slot_root = [&](std::uint32_t slot) {
    return slots_[slot] == kDropped ? kNone : root[slots_[slot]];
  };

  // (candidate, co-author person) and (candidate, institution) over the decided forms.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> co_authors;
  for (std::size_t paper = 0; paper < paper_total; ++paper) {
    const std::uint32_t begin = paper_begin_[paper];
    const std::uint32_t end = paper_begin_[paper + 1];
    if (end - begin > kMaxEvidenceAuthors) continue;
    for (std::uint32_t slot = begin; slot < end; ++slot) {
      const std::uint32_t owner = slot_root(slot);
      if (owner == kNone || !is_candidate[owner] || ambiguous_index[slots_[slot]] != kNone) {
        continue;
      }
      for (std::uint32_t other = begin; other < end; ++other) {
        const std::uint32_t member = slot_root(other);
        if (member != kNone && member != owner) co_authors.emplace_back(owner, member);
      }
    }
  }
  sort_unique(co_authors);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> institutions;
  for (std::uint32_t id = 0; id < forms_.size(); ++id) {
    if (!is_candidate[root[id]] || ambiguous_index[id] != kNone) continue;
    for (std::uint32_t institution : forms_[id].institutions) {
      institutions.emplace_back(root[id], institution);
    }
  }
  sort_unique(institutions);

  std::vector<std::uint32_t> open;
  std::vector<std::uint32_t> by_co_author;
  std::vector<std::uint32_t> by_affiliation;
  for (std::size_t paper = 0; paper < paper_total; ++paper) {
    const std::uint32_t begin = paper_begin_[paper];
    const std::uint32_t end = paper_begin_[paper + 1];
    const bool small = end - begin <= kMaxEvidenceAuthors;
    for (std::uint32_t slot = begin; slot < end; ++slot) {
      if (slots_[slot] == kDropped) continue;
      const std::uint32_t ambiguous = ambiguous_index[slots_[slot]];
      if (ambiguous == kNone) continue;
      const auto on_paper = [&](std::uint32_t person) {
        for (std::uint32_t other = begin; other < end; ++other) {
          if (other != slot && slot_root(other) == person) return true;
        }
        return false;
      };
      open.clear();
      for (std::uint32_t i = candidate_begin[ambiguous]; i < candidate_begin[ambiguous + 1]; ++i) {
        if (!on_paper(candidates[i])) open.push_back(candidates[i]);
      }
      by_co_author.clear();
      for (std::uint32_t candidate : open) {
        for (std::uint32_t other = begin; small && other < end; ++other) {
          const std::uint32_t member = slot_root(other);
          if (other != slot && member != kNone && has_pair(co_authors, candidate, member)) {
            by_co_author.push_back(candidate);
            break;
          }
        }
      }
      if (by_co_author.size() == 1) {
        overrides.push_back({slot, by_co_author.front(), kCoAuthor});
        continue;
      }
      const std::vector<std::uint32_t>& pool = by_co_author.empty() ? open : by_co_author;
      const auto own = std::ranges::equal_range(initials_slot_institutions_, slot, {},
                                                &std::pair<std::uint32_t, std::uint32_t>::first);
      by_affiliation.clear();
      for (std::uint32_t candidate : pool) {
        for (const auto& [unused, institution] : own) {
          if (has_pair(institutions, candidate, institution)) {
            by_affiliation.push_back(candidate);
            break;
          }
        }
      }
      if (by_affiliation.size() == 1) {
        overrides.push_back({slot, by_affiliation.front(), kAffiliation});
      }
    }
  }
}

// People are numbered in the order their first form was added, so ids are stable for a
// given input order. A form all of whose occurrences joined other people has no person of
// its own.
void AuthorIdentity::number_people(const std::vector<std::uint32_t>& root,
                                   const std::vector<std::uint8_t>& evidence,
                                   const std::vector<Override>& overrides) {
  const auto form_count = static_cast<std::uint32_t>(forms_.size());
  std::vector<std::uint32_t> remaining(form_count);
  for (std::uint32_t id = 0; id < form_count; ++id) remaining[id] = forms_[id].occurrences;
  for (const Override& moved : overrides) --remaining[slots_[moved.slot]];

  std::vector<std::uint32_t> person_of_root(form_count, kNone);
  person_of_form_.assign(form_count, kNone);
  std::uint32_t people = 0;
  for (std::uint32_t id = 0; id < form_count; ++id) {
    if (remaining[id] == 0) continue;
    std::uint32_t& person = person_of_root[root[id]];
    if (person == kNone) person = people++;
    person_of_form_[id] = person;
  }
  person_evidence_.assign(people, 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> person_form;  // (person, form)
  for (std::uint32_t id = 0; id < form_count; ++id) {
    if (remaining[id] == 0) continue;
    person_form.emplace_back(person_of_form_[id], id);
    person_evidence_[person_of_form_[id]] |= evidence[id];
  }
  for (const Override& moved : overrides) {
    const std::uint32_t form = slots_[moved.slot];
    const std::uint32_t person = person_of_root[moved.root];
    if (person_of_form_[form] == kNone) person_of_form_[form] = person;
    person_form.emplace_back(person, form);
    person_evidence_[person] |= moved.evidence;
  }
  sort_unique(person_form);

  // Slots: form ids become person ids.
  auto moved = overrides.begin();
  for (std::uint32_t slot = 0; slot < slots_.size(); ++slot) {
    std::uint32_t& id = slots_[slot];
    if (id == kDropped) continue;
    if (moved != overrides.end() && moved->slot == slot) {
      id = person_of_root[(moved++)->root];
    } else {
      id = person_of_root[root[id]];
    }
  }

  // A counting sort: person_forms_[person_begin_[p] .. person_begin_[p + 1]) are p's forms.
  person_begin_.assign(people + 1, 0);
  person_forms_.clear();
  person_forms_.reserve(person_form.size());
  for (const auto& [person, form] : person_form) {
    ++person_begin_[person + 1];
    person_forms_.push_back(form);
  }
  std::partial_sum(person_begin_.begin(), person_begin_.end(), person_begin_.begin());

  label_form_.assign(people, kNone);
  for (std::uint32_t person = 0; person < people; ++person) {
    std::uint32_t& best = label_form_[person];
    for (std::uint32_t i = person_begin_[person]; i < person_begin_[person + 1]; ++i) {
      const Form& form = forms_[person_forms_[i]];
      if (best == kNone || better_label(form.label_rank, form.label.size(), forms_[best].label_rank,
                                        forms_[best].label.size())) {
        best = person_forms_[i];
      }
    }
  }
}

std::span<const std::uint32_t> AuthorIdentity::people_of_paper(std::size_t paper) const {
  assert(resolved_ && "people_of_paper() before resolve()");
  return {slots_.data() + paper_begin_.at(paper), paper_begin_.at(paper + 1) - paper_begin_[paper]};
}

std::uint32_t AuthorIdentity::person_of(std::uint32_t form) const {
  assert(form < person_of_form_.size() && "person_of() before resolve()");
  return person_of_form_[form];
}

std::size_t AuthorIdentity::person_count() const { return label_form_.size(); }

const std::string& AuthorIdentity::label(std::uint32_t person) const {
  return forms_[label_form_.at(person)].label;
}

std::vector<std::string> AuthorIdentity::forms_of(std::uint32_t person) const {
  std::vector<std::string> printed;
  for (std::uint32_t i = person_begin_.at(person); i < person_begin_.at(person + 1); ++i) {
    for (const std::string& spelling : forms_[person_forms_[i]].printed) {
      if (std::find(printed.begin(), printed.end(), spelling) == printed.end()) {
        printed.push_back(spelling);
      }
    }
  }
  return printed;
}

// The key of a person's strongest form: thesaurus key, ORCID, full name, initials.
std::string AuthorIdentity::person_key(std::uint32_t person) const {
  const Form* best = nullptr;
  int best_strength = -1;
  for (std::uint32_t i = person_begin_[person]; i < person_begin_[person + 1]; ++i) {
    const Form& form = forms_[person_forms_[i]];
    const int strength = form.thesaurus_key    ? 3
                         : !form.orcid.empty() ? 2
                         : !form.given.empty() ? 1
                                               : 0;
    if (strength > best_strength) {
      best = &form;
      best_strength = strength;
    }
  }
  if (best->thesaurus_key) return *best->thesaurus_key;
  if (!best->orcid.empty()) return "orcid:" + best->orcid;
  std::string key = best->surname + ", ";
  switch (mode_) {
    case AuthorKeyMode::initial:
      return key +
             dotted(
                 std::string_view(best->initials)
                     .substr(0, best->initials.empty() ? 0 : code_point_length(best->initials, 0)));
    case AuthorKeyMode::initials:
      return key + dotted(best->initials);
    case AuthorKeyMode::full:
    case AuthorKeyMode::smart:
      return key + (best->given.empty() ? dotted(best->initials) : best->given);
  }
  return key;
}

std::vector<MergeRow> AuthorIdentity::merge_table() const {
  assert(resolved_ && "merge_table() before resolve()");
  std::vector<MergeRow> rows(person_count());
  std::unordered_map<std::string, std::uint32_t> keys_used;
  static constexpr std::pair<std::uint8_t, std::string_view> kNames[] = {
      {kThesaurus, "thesaurus"}, {kOrcid, "orcid"},
      {kFullName, "full name"},  {kUniqueFullName, "unique full name"},
      {kCoAuthor, "co-author"},  {kAffiliation, "affiliation"}};
  for (std::uint32_t person = 0; person < rows.size(); ++person) {
    MergeRow& row = rows[person];
    row.key = person_key(person);
    // Keys are unique per table, so the table reads back as a thesaurus.
    if (const std::uint32_t seen = ++keys_used[row.key]; seen > 1) {
      row.key += " (" + std::to_string(seen) + ")";
    }
    row.label = label(person);
    row.forms = forms_of(person);
    const std::uint8_t bits = person_evidence_[person];
    for (const auto& [bit, name] : kNames) {
      if (!(bits & bit)) continue;
      if (!row.evidence.empty()) row.evidence.push_back(';');
      row.evidence.append(name);
    }
    if (row.evidence.empty()) {
      switch (mode_) {
        case AuthorKeyMode::initial:
          row.evidence = "initial key";
          break;
        case AuthorKeyMode::initials:
          row.evidence = "initials key";
          break;
        case AuthorKeyMode::full:
          row.evidence = "full key";
          break;
        case AuthorKeyMode::smart:
          row.evidence = "initials";
          break;
      }
    }
  }
  for (std::uint32_t paper = 0; paper + 1 < paper_begin_.size(); ++paper) {
    for (std::uint32_t person : people_of_paper(paper)) {
      if (person == kDropped) continue;
      std::vector<std::uint32_t>& papers = rows[person].papers;
      if (papers.empty() || papers.back() != paper) papers.push_back(paper);
    }
  }
  return rows;
}

bool write_merge_table_csv(std::ostream& out, const std::vector<MergeRow>& rows) {
  out << "key,label,forms,evidence,records\n";
  for (const MergeRow& row : rows) {
    csv_field(out, row.key);
    out << ',';
    csv_field(out, row.label);
    out << ',';
    csv_field(out, joined(row.forms));
    out << ',';
    csv_field(out, row.evidence);
    out << ',';
    csv_field(out, joined(row.papers));
    out << '\n';
  }
  return static_cast<bool>(out);
}

}  // namespace citenet
