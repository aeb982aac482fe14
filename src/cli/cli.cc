#include "cli/cli.h"

#include <array>
#include <string_view>

#include "cli/commands.h"

#ifndef CITENET_VERSION
#define CITENET_VERSION "unknown"
#endif

namespace citenet {

namespace {

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const CommandArgs&, std::ostream&, std::ostream&);
};

constexpr std::array<Command, 5> kCommands = {{
    {"map", "build a network and write maps and files (SVG, DOT, PNG, PDF, GraphML)", run_map},
    {"stats", "print a network's size, components, communities and most central nodes", run_stats},
    {"parse", "print the normalised records as JSON or CSV", run_parse},
    {"report", "write one HTML page: corpus summary, maps, top nodes and communities", run_report},
    {"synth", "write a synthetic corpus for benchmarks (MEDLINE, WoS, listing)", run_synth},
}};

void print_usage(std::ostream& out) {
  out << "citenet " CITENET_VERSION
         " - collaboration networks from bibliographic records\n\n"
         "usage: citenet COMMAND INPUT... [options]\n\ncommands:\n";
  for (const Command& c : kCommands)
    out << "  " << c.name << std::string(8 - c.name.size(), ' ') << c.summary << "\n";
  out << "\nexamples:\n"
         "  citenet map refs.txt --network coauthor -o coauthors.svg -o coauthors.graphml\n"
         "  citenet stats refs.txt --network institution --top 20\n"
         "  citenet parse refs.txt --to csv -o records.csv\n\n"
         "citenet COMMAND --help shows a command's options.\n";
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    print_usage(err);
    return kExitUsage;
  }
  const std::string& first = args.front();
  if (first == "--help" || first == "-h" || first == "help") {
    print_usage(out);
    return kExitOk;
  }
  if (first == "--version" || first == "-V") {
    out << "citenet " CITENET_VERSION "\n";
    return kExitOk;
  }
  for (const Command& c : kCommands)
    if (c.name == first) return c.run(CommandArgs(args.begin() + 1, args.end()), out, err);
  err << "citenet: unknown command '" << first
      << "' (commands: map, stats, parse, report, synth; try citenet --help)\n";
  return kExitUsage;
}

}  // namespace citenet
