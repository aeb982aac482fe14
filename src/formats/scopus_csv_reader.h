// Reader of Scopus CSV exports: one header row naming the columns, one row per record
// (RFC 4180 quoting, see csv.h). Columns are found by their header names, since exports
// differ in which columns they hold and in what order.
//
//     Authors,Author full names,Author(s) ID,Title,Year,Source title,...,EID
//     "Smith J.M., Doe J.","Smith, John Michael (12345678); Doe, Jane (23456789)",...
//
// Authors come from "Authors" (the older "Smith J.M., Doe J." or the newer
// "Smith, J.M.; Doe, J."), with full names and Scopus ids from "Author full names" or ids
// from "Author(s) ID", and per-author affiliations from "Authors with affiliations"
// ("Smith, J.M., Univ X, City, Country; Doe, J., ..."), where an author with several
// affiliations has them joined with ", ": the record's "Affiliations" list (separated by
// "; ") tells where one ends and the next begins. Entries of "Affiliations" that no author
// was given that way go to Record::addresses (once each, in order).
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"

namespace citenet {

// True when the first bytes of a file (a UTF-8 BOM allowed) are a CSV header row naming
// Scopus columns ("Title" or "EID" and several of "Authors", "Source title", "Cited by" ...).
bool looks_like_scopus_csv(std::string_view head);

// Streams records from `in` (one row in memory at a time), calling `sink` for each good
// record. Malformed rows (no title, fewer cells than the header, an unterminated quoted field)
// are skipped, counted in stats.records_skipped and reported in stats.warnings as
// "record N: what" (N counts the data rows from 1); bad values that do not cost the record
// are warnings only. Returns false only when the input has no Scopus header row, with
// *error set to "source:line: what".
bool read_scopus_csv(std::istream& in, const std::string& source, const RecordSink& sink,
                     ReadStats& stats, std::string* error);

}  // namespace citenet
