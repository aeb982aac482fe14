#include <algorithm>
#include <numeric>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/outputs.h"
#include "cli/progress.h"
#include "cli/table.h"

namespace po = boost::program_options;

namespace citenet {

namespace {

struct MetricColumn {
  std::string title;
  std::vector<double> values;
  int digits;
};

void print_top(std::ostream& out, const Network& network, const Analysis& analysis,
               const MetricColumn& metric, std::size_t top) {
  std::vector<std::uint32_t> order(network.nodes.size());
  std::iota(order.begin(), order.end(), 0u);
  // Ties broken by label then id, so the table is the same on every run.
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const double va = metric.values[a], vb = metric.values[b];
    if (va != vb) return va > vb;
    return network.nodes[a].label < network.nodes[b].label;
  });
  order.resize(std::min(top, order.size()));
  out << "\nTop " << order.size() << " by " << metric.title << "\n";
  // The papers column is left out where it would repeat the metric.
  const bool papers_column = metric.title != "papers";
  std::vector<std::string> header = {"rank", network.node_noun, metric.title};
  if (papers_column) header.push_back("papers");
  header.push_back("community");
  TextTable table(header, {true, false, true, true, true});
  std::size_t rank = 0;
  for (std::uint32_t v : order) {
    const auto& community = analysis.communities.community;
    std::vector<std::string> row = {std::to_string(++rank), network.nodes[v].label,
                                    fixed(metric.values[v], metric.digits)};
    if (papers_column) row.push_back(std::to_string(network.nodes[v].papers));
    row.push_back(v < community.size() ? std::to_string(community[v]) : "-");
    table.add_row(std::move(row));
  }
  table.print(out);
}

void print_summary(std::ostream& out, const Network& network, const Analysis& analysis,
                   std::size_t records) {
  const double n = static_cast<double>(network.nodes.size());
  const double density =
      n > 1 ? 2.0 * static_cast<double>(network.links().size()) / (n * (n - 1)) : 0;
  std::vector<std::size_t> component_sizes(analysis.component_count, 0);
  for (std::uint32_t c : analysis.component) ++component_sizes[c];
  const auto isolated = std::count(component_sizes.begin(), component_sizes.end(), std::size_t{1});
  std::vector<std::size_t> community_sizes(analysis.communities.count, 0);
  for (std::uint32_t c : analysis.communities.community) ++community_sizes[c];
  std::string largest_communities;
  for (std::size_t i = 0; i < std::min<std::size_t>(5, community_sizes.size()); ++i)
    largest_communities += (i ? ", " : "") + std::to_string(community_sizes[i]);

  out << network.kind << " network of " << records << " papers\n";
  TextTable table({"", ""});
  table.add_row({network.node_noun + " nodes", std::to_string(network.nodes.size())});
  table.add_row({"links", std::to_string(network.links().size())});
  table.add_row({"density", fixed(density, 4)});
  table.add_row(
      {"components",
       std::to_string(analysis.component_count) +
           (component_sizes.empty() ? ""
                                    : " (largest " + std::to_string(component_sizes[0]) +
                                          " nodes, " + std::to_string(isolated) + " isolated)")});
  if (analysis.method == CommunityMethod::none) {
    table.add_row({"communities", "not computed (--community none)"});
  } else {
    const std::string quality = analysis.quality == CommunityQuality::cpm ? "CPM, " : "";
    table.add_row({"communities", std::to_string(analysis.communities.count) + " (" +
                                      std::string(community_method_name(analysis.method)) + ", " +
                                      quality + "resolution " + fixed(analysis.resolution, 2) +
                                      ", seed " + std::to_string(analysis.seed) + ")"});
    table.add_row({"largest communities", largest_communities});
    table.add_row({"modularity", fixed(analysis.communities.modularity, 4)});
  }
  if (analysis.stability_runs > 1) {
    table.add_row({"stability", "mean ARI " + fixed(analysis.stability_ari, 3) + ", mean NMI " +
                                    fixed(analysis.stability_nmi, 3) + " over " +
                                    std::to_string(analysis.stability_runs) + " seeds"});
    std::string kept;
    for (std::size_t c = 0; c < std::min<std::size_t>(5, analysis.community_kept.size()); ++c)
      kept += (c ? ", " : "") + std::to_string(c) + ": " + fixed(analysis.community_kept[c], 2);
    table.add_row({"communities kept together", kept + " (share of runs, largest first)"});
  }
  for (const std::string& note : analysis.notes) table.add_row({"note", note});
  table.print(out, 100);
}

}  // namespace

int run_stats(const CommandArgs& args, std::ostream& out, std::ostream& err) {
  InputOptions input;
  NetworkOptions net;
  std::size_t top = 10;
  OutputOptions outputs;
  po::options_description named(
      "citenet stats INPUT... [options] [-o nodes.csv -o edges.csv -o metrics.json ...]\n\n"
      "Prints the network's size, components, communities and the most "
      "central nodes by each metric,\nand writes every node's metrics and every link's weight "
      "to each -o file in the format its name\nends with: nodes.csv / edges.csv; .json "
      "(node-link or Cytoscape.js); .graphml .gexf; .net (Pajek);\nx.map.txt / x.network.txt "
      "(VOSviewer).\n\noptions");
  po::positional_options_description positional;
  named.add_options()("help,h", "this help")("top", po::value(&top)->default_value(top),
                                             "rows in each top table");
  add_output_options(named, outputs, "table or graph file; repeat for several");
  add_input_options(named, positional, input);
  add_network_options(named, net);
  bool help = false;
  if (!parse_command_line(args, named, positional, "stats", err, &help)) return kExitUsage;
  if (help) {
    out << named << "\n";
    return kExitOk;
  }
  auto spec = network_spec(net, err);
  if (!spec) return kExitUsage;
  auto analysis_opts = analysis_options(net, err);
  if (!analysis_opts) return kExitUsage;
  spec->threads = analysis_opts->threads = input.threads;
  if (!check_outputs(outputs, OutputSet::kNoDrawings, "stats", err)) return kExitUsage;
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
  print_summary(out, network, analysis, corpus->papers.size());
  std::vector<double> papers, citations;
  for (const NodeAttributes& node : network.nodes) {
    papers.push_back(node.papers);
    citations.push_back(node.citations);
  }
  std::vector<MetricColumn> metrics;
  for (Metric m : all_metrics()) {
    const std::vector<double>& values = analysis.values(m);
    if (values.empty()) continue;
    std::string title(metric_name(m));
    std::replace(title.begin(), title.end(), '_', ' ');
    const bool whole = m == Metric::degree || m == Metric::in_degree || m == Metric::out_degree ||
                       m == Metric::weighted_degree || m == Metric::core;
    metrics.push_back({title, values, whole ? 0 : 4});
  }
  metrics.push_back({"papers", papers, 0});
  metrics.push_back({"citations", citations, 0});
  for (const MetricColumn& metric : metrics) print_top(out, network, analysis, metric, top);
  if (!write_outputs(network, analysis, MapOptions{}, outputs, input.threads, "stats", err, &ahead))
    return kExitFailure;
  return kExitOk;
}

}  // namespace citenet
