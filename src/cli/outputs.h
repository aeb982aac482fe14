// The files `map` and `stats` write, chosen by how each -o name ends; internal to the CLI.
#pragma once

#include <boost/program_options.hpp>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "graph/analysis.h"
#include "graph/network.h"
#include "render/graphml.h"
#include "render/graphviz_map.h"

namespace citenet {

// Which outputs a command offers: `map` every kind, `stats` the tables and graph files but
// no drawing (those need map's drawing options).
enum class OutputSet { kAll, kNoDrawings };

// The writer a file name selects ("graphml", "nodes-csv", "svg" ...), "" when citenet does
// not write that kind.
std::string output_format(const std::string& path);

// What -o and --json-style asked for.
struct OutputOptions {
  std::vector<std::string> files;
  std::string json_style = "nodelink";  // .json outputs: nodelink | cytoscape
};

// Declares -o (described as `what`) and --json-style.
void add_output_options(boost::program_options::options_description& named, OutputOptions& options,
                        const char* what);

// Checks the options before any work is done, so a typo in the last -o does not cost a long
// run: every file of a known kind (in `set`), not named twice, its directory existing, not a
// directory itself; a known --json-style. Prints one line naming `command` and returns false
// otherwise.
bool check_outputs(const OutputOptions& options, OutputSet set, const std::string& command,
                   std::ostream& err);

// What of the outputs can be written before the analysis is known, started on background
// threads while it is computed: the edge sections of large GraphML files (GraphmlEdgesAhead).
// write_outputs finishes them.
struct OutputsAhead {
  std::map<std::string, std::unique_ptr<GraphmlEdgesAhead>> graphml;  // by -o name
};
OutputsAhead start_outputs_ahead(const Network& network, const OutputOptions& options,
                                 unsigned threads);

// Writes every output (atomically, as every writer does) in the format its name selects,
// finishing those in `ahead`, printing "wrote PATH" or "citenet COMMAND: PATH: error" for
// each; returns false when any failed.
bool write_outputs(const Network& network, const Analysis& analysis, const MapOptions& style,
                   const OutputOptions& options, unsigned threads, const std::string& command,
                   std::ostream& err, OutputsAhead* ahead = nullptr);

}  // namespace citenet
