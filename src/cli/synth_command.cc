#include "cli/cli.h"
#include "cli/commands.h"
#include "render/atomic_file.h"
#include "synth/synth_writers.h"

namespace po = boost::program_options;

namespace citenet {

int run_synth(const CommandArgs& args, std::ostream& out, std::ostream& err) {
  SynthOptions options;
  std::string output;
  bool no_references = false;
  po::options_description named(
      "citenet synth --records N [options]\n\n"
      "Writes a synthetic but realistic corpus (Lotka productivity, "
      "heavy-tailed team sizes, communities,\nZipf institutions and "
      "keywords): the same seed gives the same bytes.\n\noptions");
  named.add_options()("help,h", "this help")(
      "records", po::value(&options.records)->default_value(options.records), "number of records")(
      "seed", po::value(&options.seed)->default_value(options.seed), "random seed")(
      "format", po::value(&options.format)->default_value(options.format),
      "medline | wos | listing")("no-references", po::bool_switch(&no_references),
                                 "leave out cited references (WoS is then much smaller)")(
      "output,o", po::value(&output), "write to this file instead of standard output");
  po::positional_options_description positional;
  bool help = false;
  if (!parse_command_line(args, named, positional, "synth", err, &help)) return kExitUsage;
  if (help) {
    out << named << "\n";
    return kExitOk;
  }
  options.references = !no_references;
  std::string error;
  int status = kExitOk;
  if (output.empty()) {
    status = write_synthetic_corpus(options, out, &error);
  } else {
    const bool ok = write_atomically(
        output,
        [&](std::ostream& file, std::string* e) {
          status = write_synthetic_corpus(options, file, e);
          return status == kExitOk;
        },
        &error);
    if (ok)
      err << "wrote " << output << " (" << options.records << " records)\n";
    else if (status == kExitOk)
      status = kExitFailure;
  }
  if (status != kExitOk) err << "citenet synth: " << error << "\n";
  return status;
}

}  // namespace citenet
