#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "formats/input.h"
#include "records/keywords.h"
#include "render/atomic_file.h"
#include "render/records_table.h"

namespace po = boost::program_options;

namespace citenet {

namespace {

// The second pass over the inputs: the corpus (first pass) knows who each author slot
// is; records are read again rather than kept, so memory stays flat on large inputs.
bool write_records(const InputOptions& input, const Corpus& corpus, RecordWriter& writer,
                   std::ostream& err) {
  std::size_t record_index = 0;
  std::uint32_t next_new_paper = 0;  // papers are numbered in order of first appearance
  writer.begin();
  ReadOptions read_options;
  read_options.threads = input.threads;
  for (const std::string& path : input.inputs) {
    ReadStats stats;
    std::string error;
    Progress step("writing records");
    const bool ok = read_input(
        path,
        [&](Record&& record) {
          NormalisedAuthors authors;
          authors.paper = corpus.record_paper[record_index];
          authors.duplicate = authors.paper < next_new_paper ? true : (++next_new_paper, false);
          const auto people = corpus.record_authors[record_index++];
          for (std::uint32_t person : people) {
            const bool dropped = person == AuthorIdentity::kDropped;
            authors.labels.push_back(dropped ? "" : corpus.author_labels[person]);
            authors.people.push_back(dropped ? -1 : static_cast<std::int64_t>(person));
          }
          // Formats without keywords (the listing, RIS without KW) get extracted terms,
          // marked as such.
          if (record.keywords.empty())
            for (std::string& term : extract_terms(record.title, record.abstract))
              record.keywords.push_back({std::move(term), KeywordOrigin::extracted});
          writer.write(record, authors);
        },
        stats, &error, input.from, read_options);
    if (!ok) {
      err << error << "\n";
      return false;
    }
  }
  writer.end();
  return true;
}

}  // namespace

int run_parse(const CommandArgs& args, std::ostream& out, std::ostream& err) {
  InputOptions input;
  std::string to = "json";
  std::string output;
  po::options_description named(
      "citenet parse INPUT... [options]\n\n"
      "Prints the records as read and normalised: every field, each "
      "author's label and affiliations with institution and country.\n\n"
      "options");
  po::positional_options_description positional;
  named.add_options()("help,h", "this help")(
      "to", po::value(&to)->default_value(to),
      "json (an array of records) | csv (one row per record)")(
      "output,o", po::value(&output), "write to this file instead of standard output");
  add_input_options(named, positional, input);
  bool help = false;
  if (!parse_command_line(args, named, positional, "parse", err, &help)) return kExitUsage;
  if (help) {
    out << named << "\n";
    return kExitOk;
  }
  if (to != "json" && to != "csv") {
    err << "citenet parse: unknown --to '" << to << "' (choose json or csv)\n";
    return kExitUsage;
  }
  // The records are read twice (see write_records), and a pipe gives its bytes once.
  for (const std::string& path : input.inputs) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
        !std::filesystem::is_directory(status)) {
      err << path << ": not a regular file; citenet parse reads its input twice, so save it "
          << "to a file first\n";
      return kExitFailure;
    }
  }
  const auto corpus = load_corpus(input, err);
  if (!corpus) return kExitFailure;
  if (output.empty()) {
    auto writer = make_record_writer(to, out);
    return write_records(input, *corpus, *writer, err) ? kExitOk : kExitFailure;
  }
  std::string error;
  const bool ok = write_atomically(
      output,
      [&](std::ostream& file, std::string* body_error) {
        auto writer = make_record_writer(to, file);
        std::ostringstream messages;
        if (write_records(input, *corpus, *writer, messages)) return true;
        *body_error = messages.str();
        return false;
      },
      &error);
  if (!ok) {
    err << error << "\n";
    return kExitFailure;
  }
  err << "wrote " << output << "\n";
  return kExitOk;
}

}  // namespace citenet
