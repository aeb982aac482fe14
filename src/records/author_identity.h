// Author identity across a corpus (the "smart" evidence ladder of DESIGN.md, first rungs):
// surname + given names when the full name is known; an initials-only form ("Alderwick H")
// joins a full name only when exactly one compatible full name with that surname exists.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "records/record.h"

namespace citenet {

class AuthorIdentity {
 public:
  // Registers one author occurrence and returns its form id. Forms are interned: the same
  // folded surname + given names (or initials) gives the same id. Cheap: no per-call
  // allocation beyond the key once per distinct form.
  std::uint32_t add(const Author& author);

  // Joins forms into people; call once after every add().
  void resolve();

  // After resolve(): the person a form belongs to (0..person_count()-1, dense).
  std::uint32_t person_of(std::uint32_t form) const;
  std::size_t person_count() const;
  // The fullest form seen for the person, mixed case preferred ("Hugh Alderwick").
  const std::string& label(std::uint32_t person) const;
  // Every printed form seen for the person, for audits.
  std::vector<std::string> forms_of(std::uint32_t person) const;

 private:
  // One distinct (folded surname, folded given names) or (folded surname, initials).
  struct Form {
    std::string surname;   // folded: "alderwick"
    std::string initials;  // folded letters, derived from given names when known: "h"
    bool has_given = false;
    int label_rank = 0;  // see label_rank() in the .cc
    std::string label;
    std::vector<std::string> printed;  // distinct as_printed / full_name spellings
  };
  // Lets the intern table be probed with a string_view into a reused buffer.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const noexcept {
      return std::hash<std::string_view>{}(key);
    }
  };

  void update_label(Form& form, const Author& author) const;
  static void remember_printed(Form& form, const std::string& printed);
  std::vector<std::uint32_t> join_initials() const;
  void number_people(const std::vector<std::uint32_t>& root);
  void group_forms_by_person();
  void choose_labels();

  std::unordered_map<std::string, std::uint32_t, KeyHash, std::equal_to<>> index_;
  std::vector<Form> forms_;
  // Filled by resolve().
  std::vector<std::uint32_t> person_of_form_;
  std::vector<std::uint32_t> label_form_;    // per person: the form whose label it shows
  std::vector<std::uint32_t> person_begin_;  // per person + 1: offsets into person_forms_
  std::vector<std::uint32_t> person_forms_;  // form ids grouped by person
  // Scratch buffers reused by add(), so interning a known form does not allocate.
  std::string key_;
  std::string surname_;
  std::string given_;
  std::string initials_;
};

}  // namespace citenet
