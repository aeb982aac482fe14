// Terms out of a title and an abstract, for records whose format carries no keywords
// (DESIGN.md: keywords "extracted from title+abstract", stop-word filtered n-grams).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace citenet {

// Distinct one- to three-word terms of the title, then the abstract, in order of first
// occurrence (by start word, shorter first), folded with fold_key() ("Cross-sector" ->
// "cross sector").
//
// The text is cut into clauses at punctuation (. , ; : ! ? brackets quotes, dashes
// standing between spaces); a term never crosses a clause, nor the title/abstract border.
// Words are split as fold_key() splits them (hyphens and apostrophes separate words). A
// term neither starts nor ends with a built-in English stop word ("quality of care" is a
// term, "of care" is not). Numbers, one-letter words other than stop words, and
// structured-abstract labels (BACKGROUND, METHODS, RESULTS, CONCLUSIONS, OBJECTIVE … when
// printed in capitals or standing alone before a colon) break terms like punctuation.
// Deterministic: the same text always gives the same list.
std::vector<std::string> extract_terms(std::string_view title, std::string_view abstract);

// True for a word of the built-in stop-word list (give it folded: lower case, no accents).
bool is_stop_word(std::string_view folded_word);

}  // namespace citenet
