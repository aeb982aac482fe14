#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/outputs.h"
#include "cli/progress.h"
#include "render/graphviz_map.h"

namespace po = boost::program_options;

namespace citenet {

int run_map(const CommandArgs& args, std::ostream& out, std::ostream& err) {
  InputOptions input;
  NetworkOptions net;
  MapOptions style;
  OutputOptions outputs;
  po::options_description named(
      "citenet map INPUT... --network KIND -o FILE... [options]\n\n"
      "Builds a network from the records and writes each -o file in the "
      "format its name ends with:\n.svg .dot/.gv .png .pdf (Graphviz "
      "maps); .graphml .gexf (Gephi, Cytoscape, networkx, igraph);\n"
      ".json (node-link or Cytoscape.js); .net (Pajek); nodes.csv / "
      "edges.csv; x.map.txt / x.network.txt (VOSviewer).\n\noptions");
  po::positional_options_description positional;
  named.add_options()("help,h", "this help")(
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
      "papers | citations | degree | weighted_degree | betweenness | pagerank | ...");
  add_output_options(named, outputs, "output file; repeat for several");
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
  if (!check_outputs(outputs, OutputSet::kAll, "map", err)) return kExitUsage;
  if (std::string problem; !check_map_options(style, &problem)) {
    err << "citenet map: " << problem << "\n";
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
  OutputsAhead ahead = start_outputs_ahead(network, outputs, input.threads);
  const Analysis analysis = [&] {
    Progress step("analysis");
    return analyse(network, *analysis_opts);
  }();
  for (const std::string& note : analysis.notes) err << "note: " << note << "\n";
  err << network.kind << " network: " << network.nodes.size() << " " << network.node_noun
      << " nodes, " << network.links().size() << " links, " << analysis.component_count
      << " components, " << analysis.communities.count << " communities (modularity "
      << analysis.communities.modularity << ")\n";
  const bool written =
      write_outputs(network, analysis, style, outputs, input.threads, "map", err, &ahead);
  const int status = written ? kExitOk : kExitFailure;
  return status;
}

}  // namespace citenet
