// Metrics and communities of a network, as plain vectors indexed by node id, so writers
// need no Boost.Graph types. A metric that was not computed is an empty vector.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/network.h"

namespace citenet {

struct Partition {
  std::vector<std::uint32_t>
      community;  // node -> community id, ids 0..count-1, ordered by size desc
  std::uint32_t count = 0;
  double modularity = 0;  // Newman-Girvan modularity (weighted, at the run's resolution)
};

enum class CommunityMethod { none, louvain, leiden };
enum class CommunityQuality { modularity, cpm };

// Every per-node metric analyse() knows, in the order tables and files list them.
enum class Metric {
  degree,
  in_degree,
  out_degree,
  weighted_degree,
  betweenness,
  closeness,
  eigenvector,
  pagerank,
  clustering,
  core
};
std::string_view metric_name(Metric metric);
std::optional<Metric> parse_metric(std::string_view name);
const std::vector<Metric>& all_metrics();

struct AnalysisOptions {
  double resolution = 1.0;
  std::uint64_t seed = 42;
  CommunityMethod community = CommunityMethod::leiden;
  CommunityQuality quality = CommunityQuality::modularity;
  // The metrics to compute; nullopt: every metric affordable for the network's size (exact
  // betweenness and closeness only while nodes x links stays under kExactPathBudget).
  std::optional<std::vector<Metric>> metrics;
  std::size_t betweenness_pivots = 0;  // > 0: sampled betweenness with this many sources
  double damping = 0.85;               // PageRank
  std::size_t stability_runs = 0;      // > 1: rerun the communities with as many seeds
  unsigned threads = 0;                // path metrics, PageRank: 0 = every core; same result
};

// Brandes and harmonic closeness are O(nodes x links): above this product they would take
// minutes, so the default switches to sampled betweenness and leaves closeness out.
constexpr double kExactPathBudget = 2e8;

// Leiden runs two iterations, as igraph's community_leiden does by default (n_iterations=2).
// Each further iteration re-refines and re-aggregates the whole graph (seconds at a million
// records) for little: on synthetic MEDLINE records two iterations
// give modularity 0.816242 at 300k (0.816273 once nothing moves, 0.004% more) and 0.749627
// at 1M (0.749747 after 21 iterations, 0.016% more).
constexpr int kLeidenIterations = 2;

struct Analysis {
  std::vector<double> degree;           // number of neighbours
  std::vector<double> in_degree;        // directed networks only: citations received in the corpus
  std::vector<double> out_degree;       // directed networks only: references to corpus papers
  std::vector<double> weighted_degree;  // sum of incident edge weights (strength)
  std::vector<double> betweenness;      // Brandes, hop distances, normalised to [0,1] like networkx
  std::vector<double> closeness;        // harmonic closeness / (n-1) (Marchiori & Latora 2000)
  std::vector<double> eigenvector;      // weighted, Euclidean norm 1, as networkx
  std::vector<double> pagerank;         // weighted, damping as given; along arcs when directed
  std::vector<double> clustering;       // local clustering coefficient (unweighted)
  std::vector<double> core;             // k-core number
  std::vector<std::uint32_t> component;  // component id, 0 = largest
  std::uint32_t component_count = 0;
  Partition communities;  // empty community vector when not computed
  double resolution = 1.0;
  std::uint64_t seed = 42;
  CommunityMethod method = CommunityMethod::none;
  CommunityQuality quality = CommunityQuality::modularity;
  std::size_t betweenness_pivots = 0;  // 0: exact; else the number of sampled sources
  std::vector<std::string> notes;      // what was left out or approximated, and why

  // Seed stability (stability_runs > 1): agreement of the other runs with this one.
  std::size_t stability_runs = 0;
  double stability_ari = 0;
  double stability_nmi = 0;
  std::vector<double> community_kept;  // per community: share of runs keeping its core

  // The vector of a metric (empty when it was not computed).
  const std::vector<double>& values(Metric metric) const;
};

// Runs the metrics and the community detection the options ask for on `network.graph`.
Analysis analyse(const Network& network, const AnalysisOptions& options);

std::string_view community_method_name(CommunityMethod method);

}  // namespace citenet
