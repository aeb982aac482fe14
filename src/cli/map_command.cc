#include <algorithm>
#include <filesystem>
#include <set>

#include "cli/cli.h"
#include "cli/commands.h"
#include "render/graphml.h"
#include "render/graphviz_map.h"

namespace po = boost::program_options;

namespace citenet {

namespace {

// The writer an output's extension selects, "" when citenet does not write that kind.
std::string output_format(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".svg") return "svg";
  if (ext == ".dot" || ext == ".gv") return "dot";
  if (ext == ".png") return "png";
  if (ext == ".pdf") return "pdf";
  if (ext == ".graphml") return "graphml";
  return "";
}

// Every output is checked before any work is done, so a typo in the last -o does not
// cost a long run.
bool check_outputs(const std::vector<std::string>& outputs, std::ostream& err) {
  if (outputs.empty()) {
    err << "citenet map: no output given (add -o FILE.svg, -o FILE.dot, -o FILE.graphml ...)\n";
    return false;
  }
  std::set<std::string> seen;
  for (const std::string& path : outputs) {
    if (output_format(path).empty()) {
      err << "citenet map: " << path
          << ": unknown output type (use .svg, .dot, .gv, .png, .pdf or .graphml)\n";
      return false;
    }
    if (!seen.insert(std::filesystem::weakly_canonical(path).string()).second) {
      err << "citenet map: " << path << ": named twice as an output\n";
      return false;
    }
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir)) {
      err << "citenet map: " << path << ": directory " << dir.string() << " does not exist\n";
      return false;
    }
    if (std::filesystem::is_directory(path)) {
      err << "citenet map: " << path << ": is a directory\n";
      return false;
    }
  }
  return true;
}

}  // namespace

int run_map(const CommandArgs& args, std::ostream& out, std::ostream& err) {
  InputOptions input;
  NetworkOptions net;
  MapOptions style;
  std::vector<std::string> outputs;
  po::options_description named("citenet map INPUT... --network KIND -o FILE... [options]\n\n"
                                "Builds a network from the records and writes each -o file in the "
                                "format its extension names:\n.svg .dot/.gv .png .pdf (Graphviz "
                                "maps) and .graphml (for Gephi, Cytoscape, networkx, igraph).\n\n"
                                "options");
  po::positional_options_description positional;
  named.add_options()("help,h", "this help")
      ("output,o", po::value(&outputs)->multitoken(), "output file; repeat for several")
      ("size-by", po::value(&style.size_by)->default_value(style.size_by),
       "node size by: betweenness | degree | weighted_degree | papers | citations")
      ("label-top", po::value(&style.label_top)->default_value(style.label_top),
       "label only the N largest nodes (0: none)")
      ("layout", po::value(&style.layout)->default_value(style.layout),
       "Graphviz layout: sfdp | fdp | neato | circo | dot | twopi")
      ("title", po::value(&style.title), "map title (default: what was drawn)");
  add_input_options(named, positional, input);
  add_network_options(named, net);
  bool help = false;
  if (!parse_command_line(args, named, positional, "map", err, &help)) return kExitUsage;
  if (help) {
    out << named << "\n";
    return kExitOk;
  }
  const auto spec = network_spec(net, err);
  if (!spec) return kExitUsage;
  if (!check_outputs(outputs, err)) return kExitUsage;
  const auto corpus = load_corpus(input, err);
  if (!corpus) return kExitFailure;
  const Network network = build_network(*corpus, *spec);
  const Analysis analysis = analyse(network, {net.resolution, net.seed, true});
  err << network.kind << " network: " << network.nodes.size() << " " << network.node_noun
      << " nodes, " << network.edges.size() << " links, " << analysis.component_count
      << " components, " << analysis.communities.count << " communities (modularity "
      << analysis.communities.modularity << ")\n";
  int status = kExitOk;
  for (const std::string& path : outputs) {
    const std::string format = output_format(path);
    std::string error;
    const bool ok = format == "graphml"
                        ? write_graphml(network, analysis, path, &error)
                        : write_graphviz_map(network, analysis, style, path, format, &error);
    if (ok) {
      err << "wrote " << path << "\n";
    } else {
      err << "citenet map: " << path << ": " << error << "\n";
      status = kExitFailure;
    }
  }
  return status;
}

}  // namespace citenet
