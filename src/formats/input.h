// Opening an input file, recognising its format by content, and streaming its records.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"

namespace citenet {

// Names of the formats detection knows, for messages and --from.
std::vector<std::string> known_formats();

// The format whose reader recognises `head` (the first bytes of a file), "" if none does.
std::string detect_format(std::string_view head);

// Streams the records of one file to `sink`. Returns false, with `*error` set to one line
// ("path: what" or "path:line: what"), when nothing could be read: missing, a directory,
// unreadable, empty, or no known format. Skipped records are counted in `stats`.
// `format` names the reader to use (one of known_formats()) instead of detecting it.
bool read_input(const std::string& path, const RecordSink& sink, ReadStats& stats,
                std::string* error, const std::string& format = "");

}  // namespace citenet
