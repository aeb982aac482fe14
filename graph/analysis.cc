#include "graph/analysis.h"

#include <algorithm>
#include <array>
#include <utility>

#include "graph/clustering.h"
#include "graph/community_util.h"
#include "graph/directed.h"
#include "graph/eigenvector.h"
#include "graph/harmonic.h"
#include "graph/kcore.h"
#include "graph/leiden.h"
#include "graph/louvain.h"
#include "graph/metrics.h"
#include "graph/pagerank.h"
#include "graph/partition_compare.h"
#include "graph/sampled_betweenness.h"
#include "graph/timing.h"

namespace citenet {

namespace {

constexpr std::array<std::pair<Metric, std::string_view>, 10> kMetricNames = {{
    {Metric::degree, "degree"},
    {Metric::in_degree, "in_degree"},
    {Metric::out_degree, "out_degree"},
    {Metric::weighted_degree, "weighted_degree"},
    {Metric::betweenness, "betweenness"},
    {Metric::closeness, "closeness"},
    {Metric::eigenvector, "eigenvector"},
    {Metric::pagerank, "pagerank"},
    {Metric::clustering, "clustering"},
    {Metric::core, "core"},
}};

bool wanted(const AnalysisOptions& options, Metric metric) {
  return !options.metrics || std::find(options.metrics->begin(), options.metrics->end(), metric) !=
                                 options.metrics->end();
}

Partition detect_communities(const Graph& g, const AnalysisOptions& options, std::uint64_t seed) {
  if (options.community == CommunityMethod::louvain) return louvain(g, options.resolution, seed);
  LeidenOptions leiden_options;
  leiden_options.quality =
      options.quality == CommunityQuality::cpm ? Quality::cpm : Quality::modularity;
  leiden_options.resolution = options.resolution;
  leiden_options.seed = seed;
  leiden_options.iterations = kLeidenIterations;
  leiden_options.threads = options.threads;
  return leiden(g, leiden_options).partition;
}

}  // namespace

std::string_view metric_name(Metric metric) {
  for (const auto& [m, name] : kMetricNames)
    if (m == metric) return name;
  return "?";
}

std::optional<Metric> parse_metric(std::string_view name) {
  for (const auto& [m, n] : kMetricNames)
    if (n == name) return m;
  return std::nullopt;
}

const std::vector<Metric>& all_metrics() {
  static const std::vector<Metric> metrics = [] {
    std::vector<Metric> v;
    for (const auto& entry : kMetricNames) v.push_back(entry.first);
    return v;
  }();
  return metrics;
}

const std::vector<double>& Analysis::values(Metric metric) const {
  switch (metric) {
    case Metric::degree:
      return degree;
    case Metric::in_degree:
      return in_degree;
    case Metric::out_degree:
      return out_degree;
    case Metric::weighted_degree:
      return weighted_degree;
    case Metric::betweenness:
      return betweenness;
    case Metric::closeness:
      return closeness;
    case Metric::eigenvector:
      return eigenvector;
    case Metric::pagerank:
      return pagerank;
    case Metric::clustering:
      return clustering;
    case Metric::core:
      return core;
  }
  return degree;
}

std::string_view community_method_name(CommunityMethod method) {
  switch (method) {
    case CommunityMethod::none:
      return "none";
    case CommunityMethod::louvain:
      return "Louvain";
    case CommunityMethod::leiden:
      return "Leiden";
  }
  return "?";
}

Analysis analyse(const Network& network, const AnalysisOptions& options) {
  const Graph& g = network.graph;
  Analysis result;
  result.resolution = options.resolution;
  result.seed = options.seed;
  result.method = options.community;
  result.quality = options.quality;
  const double n = static_cast<double>(g.vertex_count());
  const double path_work = n * static_cast<double>(g.edge_count());
  const bool exact_affordable = path_work <= kExactPathBudget;

  // Sub-step times for CITENET_TIMINGS (the CLI times the whole step as "analysis").
  Stopwatch clock;
  const auto timing = [&](std::string_view step) { report_timing(step, clock.lap()); };
  if (wanted(options, Metric::degree)) result.degree = degree(g);
  timing("analysis/degree");
  // Citation networks: the direction carries the meaning (who cites whom); path metrics and
  // communities use the undirected view.
  if (network.directed) {
    if (wanted(options, Metric::in_degree)) result.in_degree = in_degree(network.digraph);
    if (wanted(options, Metric::out_degree)) result.out_degree = out_degree(network.digraph);
  }
  if (wanted(options, Metric::weighted_degree)) result.weighted_degree = weighted_degree(g);
  if (wanted(options, Metric::betweenness)) {
    std::size_t pivots = options.betweenness_pivots;
    // By default a graph too large for Brandes gets as many sampled sources as the budget
    // allows (Brandes & Pich 2007), never fewer than 100.
    if (!pivots && !exact_affordable && !options.metrics) {
      const double links = std::max(1.0, static_cast<double>(g.edge_count()));
      pivots = static_cast<std::size_t>(std::max(100.0, kExactPathBudget / links));
    }
    if (pivots && pivots < g.vertex_count()) {
      result.betweenness = sampled_betweenness(g, pivots, options.seed, options.threads);
      result.betweenness_pivots = pivots;
      result.notes.push_back("betweenness sampled from " + std::to_string(pivots) + " of " +
                             std::to_string(g.vertex_count()) + " sources");
    } else {
      result.betweenness = betweenness(g, options.threads);
    }
  }
  if (wanted(options, Metric::closeness)) {
    if (exact_affordable || options.metrics)
      result.closeness = normalised_harmonic_closeness(g, options.threads);
    else
      result.notes.push_back(
          "closeness left out: the network is too large for all shortest "
          "paths (ask for it with --metrics)");
  }
  if (wanted(options, Metric::eigenvector)) {
    bool converged = true;
    result.eigenvector = eigenvector_centrality(g, {1e-13, 1000, options.threads}, &converged);
    if (!converged) result.notes.push_back("eigenvector centrality did not converge in 1000 steps");
  }
  clock.lap();
  if (wanted(options, Metric::pagerank)) {
    PageRankOptions pagerank_options;
    pagerank_options.damping = options.damping;
    pagerank_options.threads = options.threads;
    result.pagerank = network.directed ? pagerank(network.digraph, pagerank_options)
                                       : pagerank(g, pagerank_options);
    timing("analysis/pagerank");
  }
  if (wanted(options, Metric::clustering)) result.clustering = local_clustering(g, options.threads);
  if (wanted(options, Metric::core)) result.core = core_number(g);

  clock.lap();
  Components parts = components(g);
  result.component = std::move(parts.id);
  result.component_count = parts.count;
  timing("analysis/components");

  if (options.community != CommunityMethod::none) {
    result.communities = detect_communities(g, options, options.seed);
    timing("analysis/communities");
    if (options.stability_runs > 1) {
      std::vector<std::uint64_t> seeds;
      for (std::size_t i = 0; i < options.stability_runs; ++i) seeds.push_back(options.seed + i);
      const Stability s = stability(
          g,
          [&](const Graph& graph, std::uint64_t seed) {
            return detect_communities(graph, options, seed).community;
          },
          seeds);
      result.stability_runs = options.stability_runs;
      result.stability_ari = s.mean_ari;
      result.stability_nmi = s.mean_nmi;
      result.community_kept = s.core_kept;
    }
  }
  return result;
}

}  // namespace citenet
