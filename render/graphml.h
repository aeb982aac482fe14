// GraphML for Gephi (and networkx, igraph, yEd), following Gephi's importer:
//  - edgedefault="undirected" on the graph;
//  - keys declared for="node" or for="edge" (never "all"), with ids equal to attr.name
//    ("label", "weight", "betweenness" ...), never networkx-style "d0": Gephi matches a key by
//    id before attr.name, so "d3" could become the node label;
//  - node keys: label (string), papers, citations, first_year, last_year (int), degree,
//    weighted_degree, betweenness (double), component, community (int); edge key weight
//    (double, counts may be fractional). A metric left empty in the Analysis is not declared;
//  - label written on every node (not left to a <default>), all nodes before all edges, each
//    undirected pair once, doubles in shortest round-trip form, all input text XML-escaped.
// Node ids are "n<index>" in Network order; edges carry no id (optional in GraphML).
#pragma once

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>

#include "graph/analysis.h"
#include "graph/network.h"

namespace citenet {

// Writes `path` atomically. Returns false with *err set when the analysis does not match the
// network, an edge is invalid or repeated, or the file cannot be written. Nodes and edges are
// formatted in chunks on `threads` threads (0: every core), each thread writing the chunks it
// formatted at their place in the file; the bytes are the same on any number.
bool write_graphml(const Network& network, const Analysis& analysis, const std::string& path,
                   std::string* err, unsigned threads = 0);

// Streams the document to `out` (what write_graphml writes). Validation happens before the
// first byte is written, so a false return leaves `out` untouched.
bool write_graphml(const Network& network, const Analysis& analysis, std::ostream& out,
                   std::string* err, unsigned threads = 0);

// A GraphML file whose edge section (nearly all of its bytes on a large network: 5 GB for a
// million records) is written on a background thread while the caller computes the analysis
// the nodes carry; finish() then writes the head and the nodes in front of it. The file is
// the one write_graphml writes, except for a run of under 4 KiB of whitespace between the last
// node and the first edge (BackFirstFile in render/atomic_file.h).
class GraphmlEdgesAhead {
 public:
  // Below this many edges the file takes a second or less to write, and is written whole by
  // write_graphml, byte for byte as before.
  static constexpr std::size_t kMinEdges = 1'000'000;

  // Starts writing `path`'s edges on a background thread with `threads` formatting threads;
  // nullptr when the network has fewer than `min_edges` edges or the output's file system
  // cannot join the parts (then write_graphml it). `network` must outlive the writer.
  static std::unique_ptr<GraphmlEdgesAhead> start(const Network& network, const std::string& path,
                                                  unsigned threads,
                                                  std::size_t min_edges = kMinEdges);
  GraphmlEdgesAhead(const GraphmlEdgesAhead&) = delete;
  GraphmlEdgesAhead& operator=(const GraphmlEdgesAhead&) = delete;
  ~GraphmlEdgesAhead();  // waits for the edges; the file is not committed without finish()

  // Waits for the edges, writes the head and nodes and commits the file, as write_graphml
  // does (same checks, same errors). Call once.
  bool finish(const Analysis& analysis, std::string* err);

  // After finish(): how long the edge section took on its thread, and how much of that
  // finish() still had to wait for (0 when the edges were done before the analysis).
  double edge_seconds() const { return edge_seconds_; }
  double waited_seconds() const { return waited_seconds_; }

 private:
  struct Parts;
  GraphmlEdgesAhead(const Network& network, std::string path, unsigned threads,
                    std::unique_ptr<Parts> parts);
  const Network& network_;
  const std::string path_;
  const unsigned threads_;
  std::unique_ptr<Parts> parts_;
  double edge_seconds_ = 0;
  double waited_seconds_ = 0;
};

}  // namespace citenet
