#include <algorithm>
#include <filesystem>
#include <set>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "render/gexf.h"
#include "render/graph_json.h"
#include "render/graphml.h"
#include "render/graphviz_map.h"
#include "render/pajek.h"
#include "render/table_export.h"
#include "render/vosviewer.h"

namespace po = boost::program_options;

namespace citenet {

namespace {

struct OutputKind {
  std::string_view suffix;  // matched case-insensitively at the end of the file name
  std::string_view format;
};

// Longer suffixes first: "x.map.txt" is a VOSviewer map, not an unknown ".txt".
constexpr OutputKind kOutputs[] = {
    {".map.txt", "vosviewer-map"},
    {".network.txt", "vosviewer-network"},
    {".svg", "svg"},
    {".dot", "dot"},
    {".gv", "dot"},
    {".png", "png"},
    {".pdf", "pdf"},
    {".graphml", "graphml"},
    {".gexf", "gexf"},
    {".json", "json"},
    {".net", "pajek"},
    {".csv", "csv"},
};
constexpr std::string_view kOutputList =
    ".svg, .dot, .gv, .png, .pdf, .graphml, .gexf, .json, .net (Pajek), .csv (nodes; edges when "
    "the name says edges), .map.txt and .network.txt (VOSviewer)";

// The writer a file name selects, "" when citenet does not write that kind.
std::string output_format(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const OutputKind& kind : kOutputs)
    if (name.size() > kind.suffix.size() && name.ends_with(kind.suffix)) {
      if (kind.format == "csv")
        return name.find("edge") != std::string::npos ? "edges-csv" : "nodes-csv";
      return std::string(kind.format);
    }
  return "";
}

bool write_output(const Network& network, const Analysis& analysis, const MapOptions& style,
                  const std::string& json_style, unsigned threads, const std::string& path,
                  std::string* error) {
  const std::string format = output_format(path);
  if (format == "graphml") return write_graphml(network, analysis, path, error, threads);
  if (format == "gexf") return write_gexf(network, analysis, path, error);
  if (format == "json")
    return write_graph_json(
        network, analysis, json_style == "cytoscape" ? JsonStyle::kCytoscape : JsonStyle::kNodeLink,
        path, error);
  if (format == "pajek") return write_pajek(network, analysis, path, error);
  if (format == "nodes-csv") return write_nodes_csv(network, analysis, path, error);
  if (format == "edges-csv") return write_edges_csv(network, analysis, path, error);
  if (format == "vosviewer-map") return write_vosviewer_map(network, analysis, path, error);
  if (format == "vosviewer-network") return write_vosviewer_network(network, analysis, path, error);
  MapOptions map_style = style;
  // By default ids are prefixed with the file's name, so two maps share no id on one page.
  if (map_style.id_prefix.empty())
    map_style.id_prefix = std::filesystem::path(path).stem().string() + "_";
  return write_graphviz_map(network, analysis, map_style, path, format, error);
}

// Every output is checked before any work is done, so a typo in the last -o does not
// cost a long run.
bool check_outputs(const std::vector<std::string>& outputs, std::ostream& err) {
  if (outputs.empty()) {
    err << "citenet map: no output given (add -o FILE.svg, -o FILE.graphml, -o nodes.csv ...)\n";
    return false;
  }
  std::set<std::string> seen;
  for (const std::string& path : outputs) {
    if (output_format(path).empty()) {
      err << "citenet map: " << path << ": unknown output type (use " << kOutputList << ")\n";
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
  std::string json_style = "nodelink";
  po::options_description named(
      "citenet map INPUT... --network KIND -o FILE... [options]\n\n"
      "Builds a network from the records and writes each -o file in the "
      "format its name ends with:\n.svg .dot/.gv .png .pdf (Graphviz "
      "maps); .graphml .gexf (Gephi, Cytoscape, networkx, igraph);\n"
      ".json (node-link or Cytoscape.js); .net (Pajek); nodes.csv / "
      "edges.csv; x.map.txt / x.network.txt (VOSviewer).\n\noptions");
  po::positional_options_description positional;
  named.add_options()("help,h", "this help")("output,o", po::value(&outputs)->multitoken(),
                                             "output file; repeat for several")(
      "size-by", po::value(&style.size_by)->default_value(style.size_by),
      "node size by: betweenness | degree | weighted_degree | papers | citations")(
      "color-by", po::value(&style.color_by)->default_value(style.color_by),
      "node colour by: community | year (mean publication year) | citations | country")(
      "max-nodes", po::value(&style.max_nodes)->default_value(style.max_nodes),
      "draw only the N largest nodes by --size-by and their links (0: all); the analysis "
      "and the other files keep the whole network")(
      "max-links", po::value(&style.max_links)->default_value(style.max_links),
      "draw only the N strongest links among the drawn nodes (0: all); the layout uses all")(
      "label-top", po::value(&style.label_top)->default_value(style.label_top),
      "label only the N largest nodes (0: none)")(
      "layout", po::value(&style.layout)->default_value(style.layout),
      "Graphviz layout: sfdp | fdp | neato | circo | dot | twopi")(
      "title", po::value(&style.title), "map title (default: what was drawn)")(
      "id-prefix", po::value(&style.id_prefix),
      "prefix of every id in the SVG (default: the file name), for embedding several maps")(
      "top", po::value(&net.top)->default_value(net.top),
      "keep only the N nodes highest by --top-by (0: all)")(
      "top-by", po::value(&net.top_by)->default_value(net.top_by),
      "papers | citations | degree | weighted_degree | betweenness | pagerank | ...")(
      "json-style", po::value(&json_style)->default_value(json_style),
      ".json outputs: nodelink (networkx node_link_data) | cytoscape (Cytoscape.js elements)");
  add_input_options(named, positional, input);
  add_network_options(named, net);
  bool help = false;
  if (!parse_command_line(args, named, positional, "map", err, &help)) return kExitUsage;
  if (help) {
    out << named << "\n";
    return kExitOk;
  }
  auto spec = network_spec(net, err);
  if (!spec) return kExitUsage;
  auto analysis_opts = analysis_options(net, err);
  if (!analysis_opts) return kExitUsage;
  spec->threads = analysis_opts->threads = input.threads;
  if (!check_outputs(outputs, err)) return kExitUsage;
  if (std::string problem; !check_map_options(style, &problem)) {
    err << "citenet map: " << problem << "\n";
    return kExitUsage;
  }
  if (json_style != "nodelink" && json_style != "cytoscape") {
    err << "citenet map: unknown --json-style '" << json_style
        << "' (choose nodelink or cytoscape)\n";
    return kExitUsage;
  }
  const auto corpus = load_corpus(input, err, corpus_needs(*spec, net));
  if (!corpus) return kExitFailure;
  std::shared_ptr<const Network> built;
  {
    Progress step("network");
    built = make_network(*corpus, *spec, net, err);
  }
  if (!built) return kExitUsage;
  const Network& network = *built;
  const Analysis analysis = [&] {
    Progress step("analysis");
    return analyse(network, *analysis_opts);
  }();
  for (const std::string& note : analysis.notes) err << "note: " << note << "\n";
  err << network.kind << " network: " << network.nodes.size() << " " << network.node_noun
      << " nodes, " << network.edges.size() << " links, " << analysis.component_count
      << " components, " << analysis.communities.count << " communities (modularity "
      << analysis.communities.modularity << ")\n";
  int status = kExitOk;
  for (const std::string& path : outputs) {
    std::string error;
    bool ok = false;
    {
      Progress step("writing " + std::filesystem::path(path).filename().string());
      ok = write_output(network, analysis, style, json_style, input.threads, path, &error);
    }
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
