// Reader of PubMed's MEDLINE export (.nbib, "PubMed" format .txt): one "TAG - value" field per
// line, the tag padded to four characters, values continued on lines indented by six spaces,
// records separated by blank lines, each starting with its PMID:
//
//     PMID- 26524502
//     TI  - Bioinformatic survey of ABC transporters in
//           dermatophytes.
//     FAU - Gadzalski, Marek          FAU opens an author; the AU, AD and AUID
//     AU  - Gadzalski M               lines after it belong to that author
//     AD  - University of Lodz, Poland.
//     AUID- ORCID: 0000-0002-1825-0097
//     MH  - Information Storage and Retrieval/*methods
//
// AD lines before the author list (records before 2014 name only the first author's
// affiliation) go to the first author. AD lines tied to no author (those of a record without
// authors, or after a CN collective name) go to Record::addresses, once each, in order, and
// not when an author has the same address; an investigator's (IR/FIR) are dropped.
//
// Tag reference: https://www.nlm.nih.gov/bsd/mms/medlineelements.html. PubMed exports no
// cited references and no citation counts, so those stay empty.
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "formats/chunked_input.h"
#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"

namespace citenet {

// True when the first bytes of a file look like MEDLINE: the first non-blank line is a
// "PMID- " field (a UTF-8 BOM and CRLF line endings are allowed; `head` may be cut mid-line).
bool looks_like_medline(std::string_view head);

// Streams records from `in` (one record in memory at a time), calling `sink` for each good
// record. A record without a PMID or without any title is skipped, counted in
// stats.records_skipped and reported in stats.warnings as `source:line: record N: what`
// (N counts records from 1 in file order). Returns false only when the input holds no
// "PMID- " line at all, with *error set to "source:line: what".
bool read_medline(std::istream& in, const std::string& source, const RecordSink& sink,
                  ReadStats& stats, std::string* error);

// Chunked reading (formats/chunked_input.h): where the next record starts at or after
// `from`, one chunk read with lines counted from its start, and the error for a file with
// no record. The chunk's records are views: a one-line field points into `text`, text that
// several lines or derived values make (joined titles, initials, full names) into
// records.arena().
std::size_t next_medline_record(std::string_view text, std::size_t from);
ChunkOutcome read_medline_chunk(std::string_view text, const std::string& source,
                                ChunkRecords& records, ReadStats& stats);
std::string medline_format_error(const std::string& source, std::size_t first_content_line);

}  // namespace citenet
