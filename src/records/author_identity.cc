#include "records/author_identity.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <numeric>

#include <unicode/utf8.h>

#include "records/text.h"

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
void fold_name(const Author& author, std::string& surname, std::string& given,
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

LabelCandidate label_candidate(const Author& author, bool has_given) {
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

}  // namespace

std::uint32_t AuthorIdentity::add(const Author& author) {
  fold_name(author, surname_, given_, initials_);
  const bool has_given = !given_.empty();
  key_.assign(surname_).push_back(kKeySeparator);
  key_.push_back(has_given ? 'g' : 'i');
  key_.append(has_given ? given_ : initials_);

  std::uint32_t id = 0;
  if (const auto found = index_.find(std::string_view(key_)); found != index_.end()) {
    id = found->second;
  } else {
    id = static_cast<std::uint32_t>(forms_.size());
    index_.emplace(key_, id);
    Form& created = forms_.emplace_back();
    created.surname = surname_;
    created.initials = initials_;
    created.has_given = has_given;
  }
  Form& form = forms_[id];
  remember_printed(form, author.as_printed);
  remember_printed(form, author.full_name);
  update_label(form, author);
  return id;
}

void AuthorIdentity::update_label(Form& form, const Author& author) const {
  const LabelCandidate candidate = label_candidate(author, form.has_given);
  if (!better_label(candidate.rank, candidate.size(), form.label_rank, form.label.size())) return;
  form.label = candidate.text();
  form.label_rank = candidate.rank;
}

// Spellings of one form are few, so a linear scan beats a set per form.
void AuthorIdentity::remember_printed(Form& form, const std::string& printed) {
  if (printed.empty()) return;
  if (std::find(form.printed.begin(), form.printed.end(), printed) != form.printed.end()) return;
  form.printed.push_back(printed);
}

void AuthorIdentity::resolve() {
  number_people(join_initials());
  group_forms_by_person();
  choose_labels();
}

// For each form, the form whose person it joins: itself, or for an initials form the one
// full-name form with the same surname whose initials start with its own.
std::vector<std::uint32_t> AuthorIdentity::join_initials() const {
  const auto form_count = static_cast<std::uint32_t>(forms_.size());
  std::vector<std::uint32_t> full_forms;
  for (std::uint32_t id = 0; id < form_count; ++id) {
    if (forms_[id].has_given) full_forms.push_back(id);
  }
  const auto surname_of = [&](std::uint32_t id) -> std::string_view { return forms_[id].surname; };
  std::ranges::stable_sort(full_forms, {}, surname_of);

  std::vector<std::uint32_t> root(form_count);
  for (std::uint32_t id = 0; id < form_count; ++id) {
    root[id] = id;
    const Form& form = forms_[id];
    if (form.has_given || form.initials.empty()) continue;
    const auto same_surname =
        std::ranges::equal_range(full_forms, std::string_view(form.surname), {}, surname_of);
    int compatible = 0;
    for (std::uint32_t candidate : same_surname) {
      if (!forms_[candidate].initials.starts_with(form.initials)) continue;
      ++compatible;
      root[id] = candidate;
    }
    if (compatible != 1) root[id] = id;
  }
  return root;
}

// People are numbered in the order their first form was added, so ids are stable for a
// given input order.
void AuthorIdentity::number_people(const std::vector<std::uint32_t>& root) {
  std::vector<std::uint32_t> person_of_root(root.size(), kNone);
  person_of_form_.assign(root.size(), kNone);
  std::uint32_t people = 0;
  for (std::size_t id = 0; id < root.size(); ++id) {
    std::uint32_t& person = person_of_root[root[id]];
    if (person == kNone) person = people++;
    person_of_form_[id] = person;
  }
  label_form_.assign(people, kNone);
}

// A counting sort: person_forms_[person_begin_[p] .. person_begin_[p + 1]) are p's forms.
void AuthorIdentity::group_forms_by_person() {
  person_begin_.assign(label_form_.size() + 1, 0);
  for (std::uint32_t person : person_of_form_) ++person_begin_[person + 1];
  std::partial_sum(person_begin_.begin(), person_begin_.end(), person_begin_.begin());
  std::vector<std::uint32_t> next(person_begin_.begin(), person_begin_.end() - 1);
  person_forms_.resize(forms_.size());
  for (std::uint32_t id = 0; id < forms_.size(); ++id) {
    person_forms_[next[person_of_form_[id]]++] = id;
  }
}

void AuthorIdentity::choose_labels() {
  for (std::uint32_t id = 0; id < forms_.size(); ++id) {
    std::uint32_t& best = label_form_[person_of_form_[id]];
    if (best == kNone || better_label(forms_[id].label_rank, forms_[id].label.size(),
                                      forms_[best].label_rank, forms_[best].label.size())) {
      best = id;
    }
  }
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

}  // namespace citenet
