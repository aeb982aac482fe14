// Unicode-aware text folding for keys (ICU): case, accents, "&"/"and", punctuation.
#pragma once

#include <string>
#include <string_view>

namespace citenet {

// A comparison key: NFKD, accents dropped, lower case, "&" read as "and", punctuation
// and runs of spaces collapsed to one space, trimmed. "Müller", "MULLER" -> "muller".
// Letters without an ASCII reading ("Ø" -> "o" has one) go through ICU's Latin-ASCII
// transliterator; other scripts are kept, case folded.
std::string fold_key(std::string_view utf8);

// fold_key() appended to `out`, so hot loops can reuse one buffer. Pure-ASCII input does
// not touch ICU and does not allocate beyond growing `out`.
void append_fold_key(std::string_view utf8, std::string& out);

// True when the text has an upper-case letter and no lower-case one ("ALDERWICK HUGH").
// Text in a script without case ("李") is not upper case.
bool is_upper_case(std::string_view utf8);

// "SAHIL SANDHU" -> "Sahil Sandhu", "CROSS-SUDWORTH" -> "Cross-Sudworth"; words already in
// mixed (or lower) case are kept as they are. English function words after the first word
// go lower case ("UNIVERSITY OF KUFA" -> "University of Kufa").
std::string title_case(std::string_view utf8);

// A DOI as every reader stores it: trimmed, without a resolver prefix ("https://doi.org/",
// "doi:" ...), ASCII lower case. "10.1016/J.GENE.2015.10.064" -> "10.1016/j.gene.2015.10.064".
std::string clean_doi(std::string_view doi);
// The same into `out`'s buffer (`doi` must not point into it), for readers that refill one
// record after another.
void assign_clean_doi(std::string& out, std::string_view doi);

// Decodes the UTF-8 sequence at text[i]; returns its length, or 0 when it is malformed
// (truncated, overlong, a surrogate, or beyond U+10FFFF), per RFC 3629.
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t* code_point);

// Replaces each malformed UTF-8 byte in `text` by U+FFFD; true when anything was replaced.
bool repair_utf8(std::string& text);

// True when the whole of `text` is well-formed UTF-8 (decode_utf8's rules).
bool is_valid_utf8(std::string_view text);

}  // namespace citenet
