// Metrics and communities of a network, as plain vectors indexed by node id, so writers
// need no Boost.Graph types.
#pragma once

#include <cstdint>
#include <vector>

#include "graph/network.h"

namespace citenet {

struct Partition {
  std::vector<std::uint32_t> community;  // node -> community id, ids 0..count-1, ordered by size desc
  std::uint32_t count = 0;
  double modularity = 0;                 // Newman-Girvan modularity (weighted, resolution 1 unless stated)
};

struct AnalysisOptions {
  double resolution = 1.0;
  std::uint64_t seed = 42;
  bool communities = true;
};

struct Analysis {
  std::vector<double> degree;           // number of neighbours
  std::vector<double> weighted_degree;  // sum of incident edge weights (strength)
  std::vector<double> betweenness;      // Brandes, hop distances, normalised to [0,1] like networkx
  std::vector<std::uint32_t> component; // component id, 0 = largest
  std::uint32_t component_count = 0;
  Partition communities;                // empty community vector when not computed
  double resolution = 1.0;
  std::uint64_t seed = 42;
};

// Runs every metric above on `network.graph`.
Analysis analyse(const Network& network, const AnalysisOptions& options);

}  // namespace citenet
