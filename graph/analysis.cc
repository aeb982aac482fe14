#include "graph/analysis.h"

#include <utility>

#include "graph/louvain.h"
#include "graph/metrics.h"

namespace citenet {

Analysis analyse(const Network& network, const AnalysisOptions& options) {
  const Graph& g = network.graph;
  Analysis result;
  result.degree = degree(g);
  result.weighted_degree = weighted_degree(g);
  result.betweenness = betweenness(g);
  Components parts = components(g);
  result.component = std::move(parts.id);
  result.component_count = parts.count;
  if (options.communities) result.communities = louvain(g, options.resolution, options.seed);
  result.resolution = options.resolution;
  result.seed = options.seed;
  return result;
}

}  // namespace citenet
