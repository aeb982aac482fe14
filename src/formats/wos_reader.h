// Reader of Web of Science exports, both layouts of the same field tags:
//
// The tagged plain text ("Plain Text" / "Other file formats" export, *.txt, *.isi):
//
//     FN Clarivate Analytics Web of Science      file header
//     VR 1.0
//     PT J                                       a record starts
//     AU Marghetis, T                            tag, space, value
//        Nunez, R                                continuation: three spaces
//     ...
//     ER                                         the record ends
//     EF                                         the file ends
//
// The tab-delimited export: a header row of the same tags ("PT\tAU\tBA\t...") and one row
// per record, multi-valued fields joined with "; ". Both UTF-8 (with or without a BOM) and
// UTF-16 (LE or BE, with a BOM: the "Tab-delimited (Win)" export) are read.
//
// Authors pair AU ("Smith, JM") with AF ("Smith, John Michael") by position. Addresses:
// "C1 [Smith, John; Doe, Jane] Univ X, ..." go to the named authors; a C1 address without a
// bracketed name list (exports before 2008) is attached only when the record has a single
// author, since the format does not say which of several authors it belongs to; the RP
// (reprint) address goes to its named author when C1 gave that author none. Addresses tied to
// no author (unbracketed C1 lines of several authors, C1 lines whose names match no author,
// RP addresses of a name that is not an author) go to Record::addresses, once each, in
// order, and not when an author has the same address. OI ORCIDs are matched to authors by
// name.
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "formats/chunked_input.h"
#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"

namespace citenet {

// True when the first bytes of a file look like either layout: an "FN ... Web of Science"
// header, a tagged record starting with "PT ", or a tab-delimited header row "PT\tAU\t...".
// A UTF-8 BOM and UTF-16 text are accepted.
bool looks_like_wos(std::string_view head);

// Streams records from `in` (one record in memory at a time), calling `sink` for each good
// record. Malformed records (no title; a tagged record cut off before its ER; a
// tab-delimited row with fewer cells than the header) are skipped, counted in
// stats.records_skipped and reported in stats.warnings as "record N: what" (N counts the
// file's records from 1). Bad values that do not cost the record (a non-numeric PY or TC)
// are warnings only. Returns false only when nothing of this format could be read, with
// *error set to "source:line: what".
bool read_wos(std::istream& in, const std::string& source, const RecordSink& sink, ReadStats& stats,
              std::string* error);

// Chunked reading (formats/chunked_input.h): where the next record starts at or after
// `from`, one chunk read with lines counted from its start, and the error for a file with
// no record.
// True when a file with this head can be read in chunks: UTF-8 and the tagged layout.
bool wos_reads_in_chunks(std::string_view head);
std::size_t next_wos_record(std::string_view text, std::size_t from);
ChunkOutcome read_wos_chunk(std::string_view text, const std::string& source,
                            const RecordSink& sink, ReadStats& stats);
std::string wos_format_error(const std::string& source, std::size_t first_content_line);

}  // namespace citenet
