// Institutions and countries out of free-text affiliation strings (DESIGN.md,
// "Normalisation": institution and country).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <absl/container/node_hash_map.h>

#include "records/string_hash.h"

namespace citenet {

// Organisation-level name from one affiliation string, "" when none is found.
// "Department of X, London School of Hygiene & Tropical Medicine, 15-17 Tavistock Place,
// London, WC1H 9SH, UK." -> "London School of Hygiene & Tropical Medicine". The name is
// returned as printed (upper case stays upper case); departments, faculties, job titles,
// street addresses, postcodes, cities and countries are never returned.
std::string extract_institution(std::string_view affiliation);

// Key that merges spellings of one institution ("&"/"and", case, punctuation, accents, a
// leading "The").
std::string institution_key(std::string_view institution);

// Canonical English country name ("United Kingdom", "United States"), "" when none found.
// US states (names, and two-letter codes standing alone after a comma or before a ZIP
// code) give "United States". "Georgia" is read as the country unless a ZIP code follows
// or a Georgia city comes before it ("Atlanta, Georgia"); "New Mexico" is a state, "Mexico"
// the country.
std::string extract_country(std::string_view affiliation);

}  // namespace citenet

namespace citenet {

// What one affiliation string yields, worked out once: exports repeat the same address on
// every paper of a group, and extraction is the costliest step of normalisation.
struct AffiliationParts {
  std::string institution;      // extract_institution()
  std::string institution_key;  // institution_key(institution)
  std::string country;          // extract_country()
  // Ids the cache's owner interned these parts to, remembered here so a repeated address
  // costs one lookup instead of one per table (kUnset until the owner sets them; an entry
  // may be dropped and worked out again, so owners must get the same ids when it is).
  static constexpr std::uint32_t kUnset = 0xFFFFFFFEu;
  std::uint32_t institution_entity = kUnset;
  std::uint32_t institution_form = 0;
  std::uint32_t country_entity = kUnset;
  std::uint32_t country_form = 0;
  std::uint32_t evidence_institution = kUnset;  // AuthorIdentity's institution id
};

class AffiliationCache {
 public:
  // The entry stays valid until the next parts() call that makes the cache forget: after
  // make_room(n), the next n calls do not.
  AffiliationParts& parts(std::string_view affiliation);
  // The same with the address's SwissStringHash already worked out.
  AffiliationParts& parts(PrehashedString affiliation);
  // Starts loading the entry's slot, so a parts() call soon after does not wait for memory.
  void prefetch(PrehashedString affiliation) const { cache_.prefetch(affiliation); }
  void make_room(std::size_t entries) {
    if (cache_.size() + entries > kMaxEntries) cache_.clear();
  }

 private:
  // Bounded so a corpus of only distinct addresses cannot grow it without limit.
  static constexpr std::size_t kMaxEntries = 1u << 21;
  // Node-based: an entry stays where it is while later ones are added (see parts()).
  absl::node_hash_map<std::string, AffiliationParts, SwissStringHash, SwissStringEq> cache_;
};

}  // namespace citenet
