// Reader of BibTeX databases, including the BibTeX exports of Scopus and Web of Science.
//
//     @article{key,
//       author = {Haseli, Gholamreza and Sheikh, Reza},
//       title = {A {BWM} variant},  journal = "J" # " X",  year = 2020,  month = jul,
//     }
//
// Entries are read one at a time from the stream (a file is never held whole). @string
// macros and the standard month macros (jan..dec) are expanded; @comment and @preamble are
// skipped; text between entries is ignored. LaTeX accents and escapes are folded to UTF-8
// ({\"o} -> ö, \c{c} -> ç, {\ss} -> ß, -- -> –, \& -> &) and case-protecting braces dropped.
//
// Export extras: Scopus `author_keywords` / `keywords` (index keywords), `affiliations`,
// `correspondence_address`, `note = {Cited by: 12; ...}`, `url` with the EID; Web of Science
// `Keywords-Plus`, `Affiliation` (lines naming their authors), `ORCID-Numbers`,
// `Cited-References`, `Times-Cited`, `Unique-ID`.
//
// Affiliations are attached to an author only when the source names that author (a Web of
// Science `Affiliation` line "Kou, Gang; Ergu, Daji, Univ X, ...", a Scopus correspondence
// address "S.S. Sana; Dept ..."), or when the record has a single author. Copying a
// record-level list onto every author would be wrong: Scopus's `affiliations` and the Web of
// Science `Affiliation` lines that name no author of the record (a corresponding author's
// line loses its name) go to Record::addresses instead, once each, in order, and not when
// an author has the same address.
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"

namespace citenet {

// True when the head of a file (a UTF-8 BOM and any text before the first entry allowed)
// has a line starting with "@type{" or "@type(".
bool looks_like_bibtex(std::string_view head);

// Streams records from `in` entry by entry, calling `sink` for each good record. A malformed
// entry (a syntax error, no title) is skipped, counted in stats.records_skipped and reported
// as `source:line: record N: what`, N counting the file's entries from 1; reading resumes
// at the next line that starts with "@". Returns false only when the input holds no entry at
// all, with *error set to "source:line: what".
bool read_bibtex(std::istream& in, const std::string& source, const RecordSink& sink,
                 ReadStats& stats, std::string* error);

// Folds LaTeX markup in a BibTeX field value to plain UTF-8: accents, special letters,
// escaped punctuation, "--"/"---" dashes and "~"; drops braces and unknown commands' names
// (keeping their arguments) and collapses white space. Exposed for tests.
std::string bibtex_to_text(std::string_view value);

}  // namespace citenet
