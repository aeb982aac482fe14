#include "render/pajek.h"

#include <cmath>

#include "render/atomic_file.h"
#include "render/escape.h"
#include "render/node_columns.h"

namespace citenet {
namespace {

bool check(const Network& network, const Analysis& analysis, std::string* err) {
  if (!check_network(network, analysis, err)) return false;
  for (const WeightedEdge edge : network.links()) {
    if (!std::isfinite(edge.weight)) {
      *err = "edge " + std::to_string(edge.source) + " -- " + std::to_string(edge.target) +
             " has a non-finite weight";
      return false;
    }
  }
  return true;
}

}  // namespace

std::string pajek_label(std::string_view text) {
  std::string out = sanitize_utf8(text);
  for (char& c : out) {
    if (c == '"') c = '\'';
    if (c == '\t' || c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

bool write_pajek(const Network& network, const Analysis& analysis, std::ostream& out,
                 std::string* err) {
  if (!check(network, analysis, err)) return false;
  // The network's name carries what made it (kind, community method, seed), so the file
  // says how to reproduce its communities; Pajek, igraph and networkx read it as the name.
  out << "*Network " << pajek_label(provenance(network, analysis)) << '\n'
      << "*Vertices " << network.nodes.size() << '\n';
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    out << i + 1 << " \"" << pajek_label(network.nodes[i].label) << "\"\n";
  }
  out << (network.directed ? "*Arcs\n" : "*Edges\n");
  for (const WeightedEdge edge : network.links()) {
    out << edge.source + 1 << ' ' << edge.target + 1 << ' ' << shortest_double(edge.weight) << '\n';
  }
  if (!out) {
    *err = "cannot write the Pajek network";
    return false;
  }
  return true;
}

bool write_pajek(const Network& network, const Analysis& analysis, const std::string& path,
                 std::string* err) {
  if (!check(network, analysis, err)) return false;
  return write_atomically(
      path,
      [&](std::ostream& out, std::string* body_err) {
        return write_pajek(network, analysis, out, body_err);
      },
      err);
}

}  // namespace citenet
