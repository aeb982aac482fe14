// Reader of the "integrated-care listing" format: a numbered, line-oriented export of
// citations with optional abstracts and per-author affiliation blocks (see DESIGN.md,
// "The integrated-care listing format", and samples/integrated-care-listing.txt).
//
//     N
//     |
//     Authors. Title. Journal Year; Vol:Pages. [PMID: … PMCID: … DOI: …] [Citation(s) …] … Open
//     Abstract
//     abstract text
//     Collapse
//     Affiliation(s)
//     - Full Name
//     - affiliation
//     | | - Next Author          each "| |" closes one author slot
//     | |
//     Collapse
//     |
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "formats/chunked_input.h"
#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"

namespace citenet {

// True when the first bytes of a file look like this format: a record number on a line of
// its own followed by a "|" line (a UTF-8 BOM, CRLF and leading blank lines are allowed).
bool looks_like_listing(std::string_view head);

// Streams records from `in` (one record in memory at a time), calling `sink` for each good
// record. Malformed records are skipped, counted in stats.records_skipped and reported in
// stats.warnings as `source:line: what`; oddities that do not cost the record (a bad date,
// an affiliation block that does not match the author list) are warnings only. Returns
// false only when nothing of this format could be read at all, with *error set to
// "source:line: what".
bool read_listing(std::istream& in, const std::string& source, const RecordSink& sink,
                  ReadStats& stats, std::string* error);

// Parses one citation line ("Authors. Title. Journal Year; Vol:Pages. [PMID: …] …") into
// `record`: authors (citation forms only), title, journal, year, volume, pages, ids,
// counts, dates and the open-access flag. Returns false with *error set to what is wrong
// when the line cannot be parsed (`record` is then partly filled and should be dropped);
// `warnings` (may be null) receives problems that do not cost the line.
// read_listing uses it; exposed for tests and for readers of similar citation strings.
bool parse_listing_citation(std::string_view line, Record& record, std::string* error,
                            std::vector<std::string>* warnings);

// Chunked reading (formats/chunked_input.h): where the next record starts at or after
// `from`, one chunk read with lines counted from its start, and the error for a file with
// no record.
std::size_t next_listing_record(std::string_view text, std::size_t from);
ChunkOutcome read_listing_chunk(std::string_view text, const std::string& source,
                                const RecordSink& sink, ReadStats& stats);
std::string listing_format_error(const std::string& source, std::size_t first_content_line);

}  // namespace citenet
