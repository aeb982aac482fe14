#include <iostream>

#include "cli/commands.h"
#include "formats/input.h"

namespace po = boost::program_options;

namespace citenet {

void add_input_options(po::options_description& named, po::positional_options_description& positional,
                       InputOptions& options) {
  named.add_options()
      ("input", po::value(&options.inputs)->multitoken(), "record files (any number, mixed formats)")
      ("strict", po::bool_switch(&options.strict), "stop at the first bad record instead of skipping it")
      ("quiet,q", po::bool_switch(&options.quiet), "only the totals line, no per-record warnings");
  positional.add("input", -1);
}

void add_network_options(po::options_description& named, NetworkOptions& options) {
  named.add_options()
      ("network,n", po::value(&options.network)->default_value(options.network),
       "coauthor | institution | country | paper")
      ("link", po::value(&options.link)->default_value(options.link),
       "for --network paper: what links two papers, authors | institutions")
      ("resolution", po::value(&options.resolution)->default_value(options.resolution),
       "Louvain resolution: above 1 gives more, smaller communities")
      ("seed", po::value(&options.seed)->default_value(options.seed),
       "random seed of the community detection; the same seed gives the same communities");
}

std::optional<NetworkSpec> network_spec(const NetworkOptions& options, std::ostream& err) {
  NetworkSpec spec;
  const auto kind = parse_network_kind(options.network);
  if (!kind) {
    err << "citenet: unknown --network '" << options.network
        << "' (choose coauthor, institution, country or paper)\n";
    return std::nullopt;
  }
  spec.kind = *kind;
  const auto link = parse_paper_link(options.link);
  if (!link) {
    err << "citenet: unknown --link '" << options.link << "' (choose authors or institutions)\n";
    return std::nullopt;
  }
  spec.link = *link;
  if (!(options.resolution > 0)) {
    err << "citenet: --resolution must be a positive number\n";
    return std::nullopt;
  }
  return spec;
}

std::optional<Corpus> load_corpus(const InputOptions& options, std::ostream& err) {
  if (options.inputs.empty()) {
    err << "citenet: no input files (try --help)\n";
    return std::nullopt;
  }
  CorpusBuilder builder;
  ReadStats total;
  for (const std::string& path : options.inputs) {
    ReadStats stats;
    std::string error;
    if (!read_input(path, [&](Record&& r) { builder.add(r); }, stats, &error)) {
      err << error << "\n";
      return std::nullopt;
    }
    if (options.strict && !stats.warnings.empty()) {
      err << stats.warnings.front().to_string() << " (--strict: stopping)\n";
      return std::nullopt;
    }
    if (!options.quiet)
      for (const Diagnostic& d : stats.warnings) err << "warning: " << d.to_string() << "\n";
    total.records_read += stats.records_read;
    total.records_skipped += stats.records_skipped;
  }
  err << total.records_read << " records read, " << total.records_skipped << " skipped\n";
  if (total.records_read == 0) {
    err << "citenet: no records could be read, nothing to do\n";
    return std::nullopt;
  }
  return builder.finish();
}

bool parse_command_line(const CommandArgs& args, const po::options_description& named,
                        const po::positional_options_description& positional,
                        const std::string& command, std::ostream& err, bool* help) {
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(named).positional(positional).run(), vm);
    *help = vm.count("help") > 0;
    if (!*help) po::notify(vm);
  } catch (const po::error& e) {
    err << "citenet " << command << ": " << e.what() << " (try citenet " << command
        << " --help)\n";
    return false;
  }
  return true;
}

}  // namespace citenet
