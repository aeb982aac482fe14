#include "cli/outputs.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string_view>

#include "cli/progress.h"
#include "graph/timing.h"
#include "render/gexf.h"
#include "render/graph_json.h"
#include "render/graphml.h"
#include "render/pajek.h"
#include "render/table_export.h"
#include "render/vosviewer.h"

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
constexpr std::string_view kDrawingList = ".svg, .dot, .gv, .png, .pdf, ";
constexpr std::string_view kFileList =
    ".graphml, .gexf, .json, .net (Pajek), .csv (nodes; edges when the name says edges), "
    ".map.txt and .network.txt (VOSviewer)";

bool is_drawing(const std::string& format) {
  return format == "svg" || format == "dot" || format == "png" || format == "pdf";
}

// Writes `path` in the format its name selects.
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
  if (format == "nodes-csv") return write_nodes_csv(network, analysis, path, error, threads);
  if (format == "edges-csv") return write_edges_csv(network, analysis, path, error, threads);
  if (format == "vosviewer-map") return write_vosviewer_map(network, analysis, path, error);
  if (format == "vosviewer-network") return write_vosviewer_network(network, analysis, path, error);
  MapOptions map_style = style;
  // By default ids are prefixed with the file's name, so two maps share no id on one page.
  if (map_style.id_prefix.empty())
    map_style.id_prefix = std::filesystem::path(path).stem().string() + "_";
  return write_graphviz_map(network, analysis, map_style, path, format, error);
}

}  // namespace

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

void add_output_options(boost::program_options::options_description& named, OutputOptions& options,
                        const char* what) {
  namespace po = boost::program_options;
  named.add_options()("output,o", po::value(&options.files)->multitoken(), what)(
      "json-style", po::value(&options.json_style)->default_value(options.json_style),
      ".json outputs: nodelink (networkx node_link_data) | cytoscape (Cytoscape.js elements)");
}

bool check_outputs(const OutputOptions& options, OutputSet set, const std::string& command,
                   std::ostream& err) {
  const std::vector<std::string>& outputs = options.files;
  const std::string prefix = "citenet " + command + ": ";
  if (options.json_style != "nodelink" && options.json_style != "cytoscape") {
    err << prefix << "unknown --json-style '" << options.json_style
        << "' (choose nodelink or cytoscape)\n";
    return false;
  }
  const std::string list =
      (set == OutputSet::kAll ? std::string(kDrawingList) : "") + std::string(kFileList);
  if (outputs.empty() && set == OutputSet::kAll) {
    err << prefix << "no output given (add -o FILE.svg, -o FILE.graphml, -o nodes.csv ...)\n";
    return false;
  }
  std::set<std::string> seen;
  for (const std::string& path : outputs) {
    const std::string format = output_format(path);
    if (format.empty()) {
      err << prefix << path << ": unknown output type (use " << list << ")\n";
      return false;
    }
    if (set == OutputSet::kNoDrawings && is_drawing(format)) {
      err << prefix << path << ": " << command << " writes no drawings (use citenet map, or "
          << list << ")\n";
      return false;
    }
    if (!seen.insert(std::filesystem::weakly_canonical(path).string()).second) {
      err << prefix << path << ": named twice as an output\n";
      return false;
    }
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    if (!dir.empty() && !std::filesystem::is_directory(dir)) {
      err << prefix << path << ": directory " << dir.string() << " does not exist\n";
      return false;
    }
    if (std::filesystem::is_directory(path)) {
      err << prefix << path << ": is a directory\n";
      return false;
    }
  }
  return true;
}

OutputsAhead start_outputs_ahead(const Network& network, const OutputOptions& options,
                                 unsigned threads) {
  OutputsAhead ahead;
  for (const std::string& path : options.files)
    if (output_format(path) == "graphml")
      if (auto started = GraphmlEdgesAhead::start(network, path, threads))
        ahead.graphml.emplace(path, std::move(started));
  return ahead;
}

bool write_outputs(const Network& network, const Analysis& analysis, const MapOptions& style,
                   const OutputOptions& options, unsigned threads, const std::string& command,
                   std::ostream& err, OutputsAhead* ahead) {
  bool all = true;
  for (const std::string& path : options.files) {
    std::string error;
    bool ok = false;
    {
      Progress step("writing " + std::filesystem::path(path).filename().string());
      GraphmlEdgesAhead* started = nullptr;
      if (ahead)
        if (const auto found = ahead->graphml.find(path); found != ahead->graphml.end())
          started = found->second.get();
      if (started) {
        ok = started->finish(analysis, &error);
        const std::string name = std::filesystem::path(path).filename().string();
        report_timing("ahead " + name + " edges (during the analysis)", started->edge_seconds());
        report_timing("ahead " + name + " edges waited for", started->waited_seconds());
      } else
        ok = write_output(network, analysis, style, options.json_style, threads, path, &error);
    }
    if (ok) {
      err << "wrote " << path << "\n";
    } else {
      err << "citenet " << command << ": " << path << ": " << error << "\n";
      all = false;
    }
  }
  return all;
}

}  // namespace citenet
