// The files `map` and `stats` write, chosen by how each -o name ends; internal to the CLI.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "graph/analysis.h"
#include "graph/network.h"
#include "render/graphviz_map.h"

namespace citenet {

// Which outputs a command offers: `map` every kind, `stats` the tables and graph files but
// no drawing (those need map's drawing options).
enum class OutputSet { kAll, kNoDrawings };

// The writer a file name selects ("graphml", "nodes-csv", "svg" ...), "" when citenet does
// not write that kind.
std::string output_format(const std::string& path);

// Checks every output before any work is done, so a typo in the last -o does not cost a
// long run: a known kind (in `set`), not named twice, its directory existing, not a
// directory itself. Prints one line naming `command` and returns false otherwise.
bool check_outputs(const std::vector<std::string>& outputs, OutputSet set,
                   const std::string& command, std::ostream& err);

// Writes `path` (atomically, as every writer does) in the format its name selects.
bool write_output(const Network& network, const Analysis& analysis, const MapOptions& style,
                  const std::string& json_style, unsigned threads, const std::string& path,
                  std::string* error);

// Writes every output, printing "wrote PATH" or "citenet COMMAND: PATH: error" for each;
// returns false when any failed.
bool write_outputs(const Network& network, const Analysis& analysis, const MapOptions& style,
                   const std::string& json_style, unsigned threads,
                   const std::vector<std::string>& outputs, const std::string& command,
                   std::ostream& err);

}  // namespace citenet
