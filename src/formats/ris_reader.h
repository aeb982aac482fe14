// Reader of RIS (Research Information Systems) exports, as written by reference managers and
// by IEEE Xplore, Scopus, Embase, ScienceDirect, ...: one "XX  - value" field per line, a
// record from "TY  - type" to "ER  - ", values continued on lines without a tag:
//
//     TY  - JOUR
//     AU  - Marx, Karl                 AU and A1 are authors; A2 (editors), A3 and A4
//     A2  - Glattauer, Daniel          (series editors, translators) are not
//     TI  - Title of reference
//     PY  - 2019/03/05/
//     ER  -
//
// AD (address) lines name no author: a single-author record's are its author's, and
// otherwise they go to Record::addresses (trimmed, once each, in order).
//
// Tag reference: the RIS specification (refman.com, 2011) and rispy's tag map.
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"

namespace citenet {

// True when the first field line of a file (after a UTF-8 BOM, blank lines or a record
// number such as "1.") is "TY  - ". `head` may be cut mid-line.
bool looks_like_ris(std::string_view head);

// Streams records from `in` (one record in memory at a time), calling `sink` for each good
// record. Skipped, counted in stats.records_skipped and reported in stats.warnings as
// `source:line: record N: what` (N counts records from 1 in file order): a record with fields
// but no "TY  - " line, one with nothing but its TY line, and one the input ends inside (no
// "ER  - ": it may be cut). A record whose ER line is missing before the next TY is kept with
// a warning. Text between records (record numbers, database headers) is ignored. Returns false
// only when the input holds no "TY  - " line at all, with *error set to "source:line: what".
bool read_ris(std::istream& in, const std::string& source, const RecordSink& sink, ReadStats& stats,
              std::string* error);

}  // namespace citenet
