// The sub-commands and the option groups they share.
#pragma once

#include <boost/program_options.hpp>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "graph/analysis.h"
#include "graph/build.h"
#include "records/corpus.h"

namespace citenet {

using CommandArgs = std::vector<std::string>;

int run_map(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_stats(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_parse(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_synth(const CommandArgs& args, std::ostream& out, std::ostream& err);
int run_report(const CommandArgs& args, std::ostream& out, std::ostream& err);

// Options every command that reads records takes.
struct InputOptions {
  std::vector<std::string> inputs;
  std::string from;  // reader to use instead of detection
  std::string author_key = "smart";
  std::string thesaurus;      // CSV kind,from,to or an edited merge table
  std::string author_merges;  // where to write the author merge table
  bool keep_duplicates = false;
  bool strict = false;   // the first bad record ends the run
  bool quiet = false;    // no per-record warnings and no progress line; totals still printed
  unsigned threads = 0;  // parsing threads, 0: one per core
};
void add_input_options(boost::program_options::options_description& named,
                       boost::program_options::positional_options_description& positional,
                       InputOptions& options);

// Options that choose and analyse a network.
struct NetworkOptions {
  std::string network = "coauthor";
  bool bipartite = false;  // coauthor -> author-paper, institution -> author-institution
  std::string link = "authors";
  std::string community = "leiden";
  std::string quality = "modularity";
  std::string metrics;  // comma-separated; empty: every affordable metric
  double resolution = 1.0;
  double damping = 0.85;
  std::uint64_t seed = 42;
  std::size_t approx = 0;
  std::size_t stability = 0;
  // How the network is built and thinned.
  std::string counting = "full";
  std::string normalize = "none";
  std::string keywords = "auto";
  std::string years;
  std::uint32_t max_authors = 0;
  std::uint32_t min_occurrences = 0;
  double min_weight = 0;
  bool largest_component = false;
  std::size_t top = 0;  // map only: keep the N nodes highest by top_by
  std::string top_by = "papers";
};
void add_network_options(boost::program_options::options_description& named,
                         NetworkOptions& options);
// The spec the options name, or nullopt after writing one line to `err`.
std::optional<NetworkSpec> network_spec(const NetworkOptions& options, std::ostream& err);
// Builds the network the options name from the corpus and applies the thresholds,
// reporting on `err` what each removed. nullptr after one line on `err` when impossible.
std::shared_ptr<const Network> make_network(const Corpus& corpus, const NetworkSpec& spec,
                                            const NetworkOptions& options, std::ostream& err);

// What the corpus must keep for this network (keywords, references).
struct CorpusNeeds {
  KeywordSource keywords = KeywordSource::none;
  bool references = false;
};
CorpusNeeds corpus_needs(const NetworkSpec& spec, const NetworkOptions& options);

// The analysis the options ask for, or nullopt after writing one line to `err`.
std::optional<AnalysisOptions> analysis_options(const NetworkOptions& options, std::ostream& err);

// Reads every input into a corpus, reporting warnings and a totals line on `err`
// ("15 records read, 0 skipped"). nullopt when nothing usable was read.
// `keywords` says which keywords the corpus keeps (none unless a network needs them).
// `tap`, when given, sees each record before the corpus takes it (for what the corpus does
// not keep, such as journals) and gets the read totals.
struct LoadTap {
  std::function<void(const Record&)> record;
  std::size_t records_read = 0;
  std::size_t records_skipped = 0;
};
std::optional<Corpus> load_corpus(const InputOptions& options, std::ostream& err,
                                  CorpusNeeds needs = {}, LoadTap* tap = nullptr);

// Parses `args` against `named` and `positional`; on a usage error writes one line to
// `err` and returns false. `help` is set when --help was given.
bool parse_command_line(const CommandArgs& args,
                        const boost::program_options::options_description& named,
                        const boost::program_options::positional_options_description& positional,
                        const std::string& command, std::ostream& err, bool* help);

}  // namespace citenet
