#include "render/graphviz_map.h"

#include <cctype>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <numeric>
#include <vector>

#include "render/atomic_file.h"
#include "render/escape.h"

namespace citenet {
namespace {

// Paul Tol's "light" scheme: distinguishable under the common colour-vision deficiencies and
// light enough for black labels drawn over the fill. Communities beyond it are grey.
constexpr std::array<const char*, 8> kCommunityColours = {
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00"};
constexpr const char* kOtherCommunityColour = "#DDDDDD";
constexpr const char* kFontName = "Helvetica";  // resolves everywhere (Liberation/Nimbus/Arial)

// Node diameters in inches: the largest node gets kMaxDiameter, area proportional to the
// metric, and no node shrinks below kMinDiameter so that it can still be seen and hovered.
constexpr double kMinDiameter = 0.12;
constexpr double kMaxDiameter = 1.0;
constexpr double kMinFontSize = 9;
constexpr double kMaxFontSize = 18;
constexpr double kMinPenWidth = 0.4;
constexpr double kMaxPenWidth = 4.0;

struct GraphDeleter {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
struct RenderDataDeleter {
  void operator()(char* data) const { gvFreeRenderData(data); }
};
using GraphHandle = std::unique_ptr<Agraph_t, GraphDeleter>;
using RenderData = std::unique_ptr<char, RenderDataDeleter>;

// One Graphviz context for the whole process, deliberately never freed. Graphviz 2.42's pango
// plugin remembers a pointer to the last font name it measured, and that name belongs to the
// context: after gvFreeContext, the next map's text measurement reads freed memory (found by
// AddressSanitizer). Keeping the context also loads the plugins once. Graphviz is not
// thread-safe anyway, so maps are drawn one at a time.
GVC_t* graphviz_context() {
  static GVC_t* const context = gvContext();  // plugins are loaded on demand
  return context;
}

// Layout data hangs off the graph and must be freed (through the context) before agclose;
// declared after the graph handle, it is destroyed before it.
class LayoutHandle {
 public:
  LayoutHandle(GVC_t* gvc, Agraph_t* graph) : gvc_(gvc), graph_(graph) {}
  LayoutHandle(const LayoutHandle&) = delete;
  LayoutHandle& operator=(const LayoutHandle&) = delete;
  ~LayoutHandle() { gvFreeLayout(gvc_, graph_); }

 private:
  GVC_t* gvc_;
  Agraph_t* graph_;
};

// Collects what Graphviz would print on stderr, so that a failure can be reported through
// *err like every other citenet error. Graphviz keeps one global handler; this restores the
// previous one when it goes out of scope.
class GraphvizMessages {
 public:
  GraphvizMessages() : previous_(agseterrf(&collect)) { sink_ = &text_; }
  GraphvizMessages(const GraphvizMessages&) = delete;
  GraphvizMessages& operator=(const GraphvizMessages&) = delete;
  ~GraphvizMessages() {
    agseterrf(previous_);
    sink_ = nullptr;
  }

  // "graphviz: <what>: <messages>" with trailing newlines trimmed.
  std::string error(const std::string& what) const {
    std::string message = "graphviz: " + what;
    std::string detail = text_;
    while (!detail.empty() && (detail.back() == '\n' || detail.back() == ' ')) detail.pop_back();
    if (!detail.empty()) message += ": " + detail;
    return message;
  }

 private:
  static int collect(char* message) {
    if (sink_ != nullptr) *sink_ += message;
    return 0;
  }
  static inline std::string* sink_ = nullptr;
  std::string text_;
  agusererrf previous_;
};

// cgraph predates const: it copies names and values but its parameters are char*.
char* chars(const std::string& text) { return const_cast<char*>(text.c_str()); }

// cgraph writes DOT through the graph's I/O discipline; this one appends to a std::string
// passed as the channel, so agwrite needs no FILE*.
int append_to_string(void* channel, const char* text) {
  static_cast<std::string*>(channel)->append(text);
  return 0;
}
int flush_nothing(void*) { return 0; }
Agiodisc_t string_io = {nullptr, &append_to_string, &flush_nothing};
Agdisc_t string_disc = {&AgMemDisc, &AgIdDisc, &string_io};

void set(void* object, const std::string& name, const std::string& value) {
  agsafeset(object, chars(name), chars(value), chars(""));
}

std::string number(double value, int precision = 6) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
  return buffer;
}

// Graphviz 2.42 expands escapes in node tooltips twice (labels and edge tooltips once), so a
// "\N" in a name would still become the node id: node tooltips get their backslashes doubled
// once more.
std::string node_tooltip_text(const std::string& text) {
  std::string out;
  for (const char c : graphviz_text(text)) {
    out += c;
    if (c == '\\') out += c;
  }
  return out;
}

bool is_known_format(const std::string& format) {
  return format == "svg" || format == "dot" || format == "png" || format == "pdf";
}

// Checked up front for a clear message (and because DOT output runs no layout).
bool is_known_layout(GVC_t* gvc, const std::string& layout, std::string* err) {
  int count = 0;
  char** names = gvPluginList(gvc, "layout", &count, nullptr);
  bool known = false;
  std::string list;
  for (int i = 0; i < count; ++i) {
    known = known || layout == names[i];
    list += (i == 0 ? "" : ", ") + std::string(names[i]);
    std::free(names[i]);
  }
  std::free(names);
  if (!known) *err = "unknown layout '" + layout + "' (Graphviz has " + list + ")";
  return known;
}

bool check_analysis(const Network& network, const Analysis& analysis, std::string* err) {
  const std::size_t n = network.nodes.size();
  const std::pair<const char*, std::size_t> sizes[] = {
      {"degree", analysis.degree.size()},
      {"weighted_degree", analysis.weighted_degree.size()},
      {"betweenness", analysis.betweenness.size()},
      {"component", analysis.component.size()},
  };
  for (const auto& [name, size] : sizes) {
    if (size != n) {
      *err = "analysis does not match the network: " + std::string(name) + " has " +
             std::to_string(size) + " values for " + std::to_string(n) + " nodes";
      return false;
    }
  }
  const std::size_t communities = analysis.communities.community.size();
  if (communities != 0 && communities != n) {
    *err = "analysis does not match the network: community has " + std::to_string(communities) +
           " values for " + std::to_string(n) + " nodes";
    return false;
  }
  for (const WeightedEdge& edge : network.edges) {
    if (edge.source >= n || edge.target >= n) {
      *err = "edge " + std::to_string(edge.source) + " -- " + std::to_string(edge.target) +
             " refers to a node beyond the " + std::to_string(n) + " nodes";
      return false;
    }
  }
  return true;
}

bool size_metric(const Network& network, const Analysis& analysis, const std::string& name,
                 std::vector<double>* values, std::string* err) {
  if (name == "betweenness") {
    *values = analysis.betweenness;
  } else if (name == "degree") {
    *values = analysis.degree;
  } else if (name == "weighted_degree") {
    *values = analysis.weighted_degree;
  } else if (name == "papers" || name == "citations") {
    values->clear();
    for (const NodeAttributes& node : network.nodes) {
      values->push_back(name == "papers" ? node.papers : node.citations);
    }
  } else {
    *err = "unknown size metric '" + name +
           "' (expected betweenness, degree, weighted_degree, papers or citations)";
    return false;
  }
  // A NaN would break the ranking's ordering and a negative value has no area: size them as 0.
  for (double& value : *values) {
    if (!std::isfinite(value) || value < 0) value = 0;
  }
  return true;
}

// Nodes by decreasing metric; ties broken by papers, then label, then id, so that the
// labelled set does not depend on the input order of equally ranked nodes.
std::vector<std::size_t> rank_nodes(const Network& network, const std::vector<double>& metric) {
  std::vector<std::size_t> order(metric.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (metric[a] != metric[b]) return metric[a] > metric[b];
    if (network.nodes[a].papers != network.nodes[b].papers) {
      return network.nodes[a].papers > network.nodes[b].papers;
    }
    if (network.nodes[a].label != network.nodes[b].label) {
      return network.nodes[a].label < network.nodes[b].label;
    }
    return a < b;
  });
  return order;
}

std::size_t labelled_count(const Network& network, const MapOptions& options) {
  if (options.label_top < 0) return network.nodes.size();
  return std::min<std::size_t>(options.label_top, network.nodes.size());
}

std::string plural(std::size_t count, const std::string& noun) {
  std::string word = noun.empty() ? "node" : noun;
  if (count != 1) {
    const bool consonant_y =
        word.size() > 1 && word.back() == 'y' &&
        std::string_view("aeiou").find(word[word.size() - 2]) == std::string_view::npos;
    if (consonant_y) {  // country -> countries
      word.back() = 'i';
      word += "es";
    } else {
      word += "s";
    }
  }
  return std::to_string(count) + " " + word;
}

std::string network_name(const std::string& kind) {
  if (kind == "coauthor") return "Co-authorship network";
  if (kind == "institution") return "Institution collaboration network";
  if (kind == "country") return "Country collaboration network";
  if (kind == "keyword") return "Keyword co-occurrence network";
  if (kind == "paper") return "Paper network";
  return "Network";
}

std::string metric_caption(const std::string& size_by) {
  std::string caption = size_by;
  std::replace(caption.begin(), caption.end(), '_', ' ');
  return caption;
}

// Graph label as an HTML-like label: the caption, what size and colour mean, and one swatch
// per coloured community. Text goes in XML-escaped (Graphviz parses HTML labels as XML).
std::string legend_html(const Network& network, const Analysis& analysis, const MapOptions& options,
                        const std::string& title) {
  const std::uint32_t communities =
      analysis.communities.community.empty() ? 0 : analysis.communities.count;
  const std::size_t swatches = std::min<std::size_t>(communities, kCommunityColours.size());
  std::vector<std::size_t> members(swatches, 0);
  for (const std::uint32_t c : analysis.communities.community) {
    if (c < swatches) ++members[c];
  }
  std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">";
  html += "<TR><TD><FONT POINT-SIZE=\"18\">";
  std::size_t start = 0;
  for (;;) {  // the HTML label would fold a newline into a space: keep title lines apart
    const std::size_t end = title.find('\n', start);
    html += xml_escape(title.substr(start, end - start));
    if (end == std::string::npos) break;
    html += "<BR/>";
    start = end + 1;
  }
  html += "</FONT></TD></TR>";

  std::string explanation = "node area: " + metric_caption(options.size_by);
  if (communities > 0) {
    explanation += "; colour: community (";
    if (analysis.method != CommunityMethod::none)
      explanation += std::string(community_method_name(analysis.method)) + ", ";
    explanation += "seed " + std::to_string(analysis.seed) + ", modularity " +
                   number(analysis.communities.modularity, 3);
    if (communities > swatches) {
      explanation += "; the " + std::to_string(swatches) + " largest of " +
                     std::to_string(communities) + " coloured, others grey";
    }
    explanation += ")";
  }
  html += "<TR><TD><FONT POINT-SIZE=\"11\">" + xml_escape(explanation) + "</FONT></TD></TR>";

  if (swatches > 0) {
    // A nested table keeps the swatches together, centred under the caption, instead of
    // spread over the caption's width.
    html += "<TR><TD><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"0\"><TR>";
    for (std::size_t c = 0; c < swatches; ++c) {
      html += std::string("<TD BGCOLOR=\"") + kCommunityColours[c] +
              "\" WIDTH=\"12\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD>";
      html += "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">" + std::to_string(c) + " (" +
              xml_escape(plural(members[c], network.node_noun)) + ")  </FONT></TD>";
    }
    html += "</TR></TABLE></TD></TR>";
  }
  html += "</TABLE>";
  return html;
}

void set_html_label(Agraph_t* graph, const std::string& html) {
  // An HTML-like label is a string marked as HTML in cgraph's string pool, not text in <...>.
  Agsym_t* label = agattr(graph, AGRAPH, chars("label"), chars(""));
  char* value = agstrdup_html(graph, chars(html));
  agxset(graph, label, value);
  agstrfree(graph, value);
}

// Builds the cgraph graph with every attribute of the map.
// An XML id prefix: ASCII letters, digits and '_' only (Graphviz writes '-' as "&#45;"),
// starting with a letter.
std::string id_prefix(const std::string& wanted) {
  std::string prefix;
  for (unsigned char c : wanted) {
    if (c < 0x80 && std::isalnum(c))
      prefix += static_cast<char>(c);
    else if (c == '-' || c == '_' || c == '.')
      prefix += '_';
  }
  if (prefix.empty()) return "map_";
  if (!std::isalpha(static_cast<unsigned char>(prefix[0]))) prefix.insert(0, "m");
  return prefix;
}

GraphHandle build_graph(const Network& network, const Analysis& analysis, const MapOptions& options,
                        const std::vector<double>& metric) {
  GraphHandle graph(agopen(chars("citenet"), Agundirected, &string_disc));
  Agraph_t* g = graph.get();

  // Graph attributes. sfdp's default overlap removal in 2.42 is prism, asked for explicitly
  // so that other engines (neato, fdp) remove overlaps too; splines=false because straight
  // lines read best in a dense map and spline routing costs far more than the layout.
  set(g, "layout", options.layout);  // so that `dot -Tsvg map.dot` draws the same map
  set(g, "charset", "UTF-8");
  set(g, "overlap", "prism");
  set(g, "splines", "false");
  set(g, "outputorder", "edgesfirst");
  set(g, "start", std::to_string(analysis.seed));  // seeds sfdp/neato/fdp: same input, same map
  set(g, "labelloc", "t");
  set(g, "fontname", kFontName);
  set(g, "bgcolor", "white");
  set(g, "pad", "0.3");
  const std::string prefix = id_prefix(options.id_prefix);
  set(g, "id", prefix + "graph");

  // Unlabelled nodes get label="" each. Not a "" default: agwrite omits empty defaults and
  // Graphviz then falls back to "\N", drawing the node id on every unlabelled node.
  agattr(g, AGNODE, chars("label"), chars("\\N"));
  agattr(g, AGNODE, chars("shape"), chars("circle"));
  agattr(g, AGNODE, chars("style"), chars("filled"));
  // fixedsize=shape: the circle keeps the metric's size while a longer label may spill out,
  // and overlap removal still makes room for the label.
  agattr(g, AGNODE, chars("fixedsize"), chars("shape"));
  agattr(g, AGNODE, chars("fontname"), chars(kFontName));
  agattr(g, AGNODE, chars("color"), chars("#555555"));
  agattr(g, AGNODE, chars("penwidth"), chars("0.6"));
  agattr(g, AGEDGE, chars("color"), chars("#80808099"));  // translucent: crossings stay readable
  agattr(g, AGEDGE, chars("fontname"), chars(kFontName));

  const double top = metric.empty() ? 0 : *std::max_element(metric.begin(), metric.end());
  const auto relative = [&](double value) {
    return top > 0 && value > 0 ? std::min(1.0, value / top) : 0.0;
  };
  const std::vector<std::size_t> order = rank_nodes(network, metric);
  std::vector<bool> labelled(network.nodes.size(), false);
  for (std::size_t rank = 0; rank < labelled_count(network, options); ++rank) {
    labelled[order[rank]] = true;
  }

  // Every node also goes into one anonymous subgraph, so that agwrite lists all nodes, in
  // order, before any edge. Otherwise it declares a node just before its first edge, a reader
  // creates the nodes in another order, and sfdp (sensitive to node order) draws another map.
  // A subgraph that is not a cluster changes nothing in the drawing.
  Agraph_t* all_nodes = agsubg(g, nullptr, 1);
  std::vector<Agnode_t*> nodes(network.nodes.size());
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    const NodeAttributes& attributes = network.nodes[i];
    // Ids are "n<index>", never the label: labels are neither unique nor safe as ids.
    const std::string id = "n" + std::to_string(i);
    Agnode_t* node = agnode(g, chars(id), 1);
    agsubnode(all_nodes, node, 1);
    nodes[i] = node;

    const double scale = std::sqrt(relative(metric[i]));  // area proportional to the metric
    const std::string diameter = number(std::max(kMinDiameter, kMaxDiameter * scale), 4);
    set(node, "width", diameter);
    set(node, "height", diameter);

    const bool has_community = !analysis.communities.community.empty();
    const std::uint32_t community = has_community ? analysis.communities.community[i] : 0;
    set(node, "fillcolor",
        community < kCommunityColours.size() ? kCommunityColours[community]
                                             : kOtherCommunityColour);
    if (labelled[i]) {
      set(node, "label", graphviz_text(attributes.label));
      set(node, "fontsize", number(kMinFontSize + (kMaxFontSize - kMinFontSize) * scale, 3));
    } else {
      set(node, "label", "");
    }
    std::string tooltip = attributes.label + " \u2014 papers " + std::to_string(attributes.papers) +
                          ", degree " + number(analysis.degree[i]) + ", betweenness " +
                          number(analysis.betweenness[i], 3);
    if (has_community) tooltip += ", community " + std::to_string(community);
    set(node, "tooltip", node_tooltip_text(tooltip));
    set(node, "id", prefix + "n" + std::to_string(i));
  }

  double heaviest = 0;
  for (const WeightedEdge& edge : network.edges) heaviest = std::max(heaviest, edge.weight);
  for (std::size_t k = 0; k < network.edges.size(); ++k) {
    const WeightedEdge& edge = network.edges[k];
    Agedge_t* e = agedge(g, nodes[edge.source], nodes[edge.target], nullptr, 1);
    set(e, "id", prefix + "e" + std::to_string(k));
    const double share = heaviest > 0 ? std::max(0.0, edge.weight / heaviest) : 0;
    set(e, "penwidth", number(kMinPenWidth + (kMaxPenWidth - kMinPenWidth) * share, 3));
    set(e, "tooltip",
        graphviz_text(network.nodes[edge.source].label + " \u2014 " +
                      network.nodes[edge.target].label + ": weight " + number(edge.weight)));
  }

  const std::string title =
      options.title.empty() ? default_map_title(network, analysis, options) : options.title;
  set_html_label(g, legend_html(network, analysis, options, sanitize_utf8(title)));
  return graph;
}

}  // namespace

std::string default_map_title(const Network& network, const Analysis& analysis,
                              const MapOptions& options) {
  const std::size_t n = network.nodes.size();
  std::string title = network_name(network.kind) + " \u2014 " + plural(n, network.node_noun) +
                      ", " + plural(network.edges.size(), "link");
  if (analysis.component_count > 0) {
    title += ", " + plural(analysis.component_count, "component");
  }
  const std::size_t labelled = labelled_count(network, options);
  if (labelled == n) {
    title += "; all labelled";
  } else if (labelled == 0) {
    title += "; unlabelled";
  } else {
    title += "; top " + std::to_string(labelled) + " labelled";
  }
  return title;
}

bool render_graphviz_map(const Network& network, const Analysis& analysis,
                         const MapOptions& options, const std::string& format, std::string* out,
                         std::string* err) {
  if (!is_known_format(format)) {
    *err = "unknown map format '" + format + "' (expected svg, dot, png or pdf)";
    return false;
  }
  if (network.nodes.empty()) {
    *err = "nothing to draw: the network has no nodes";
    return false;
  }
  if (!check_analysis(network, analysis, err)) return false;
  std::vector<double> metric;
  if (!size_metric(network, analysis, options.size_by, &metric, err)) return false;

  GraphvizMessages messages;
  GVC_t* const gvc = graphviz_context();
  if (gvc == nullptr) {
    *err = messages.error("cannot create a context");
    return false;
  }
  if (!is_known_layout(gvc, options.layout, err)) return false;
  GraphHandle graph = build_graph(network, analysis, options, metric);
  if (format == "dot") {
    // The DOT output is the map's source, written before layout: -Tdot after layout would
    // record each fixedsize=shape node's width as circle plus label, so a re-render would draw
    // bigger circles. With layout and start seed set, Graphviz redraws this very map from it.
    out->clear();
    if (agwrite(graph.get(), out) != 0) {
      *err = messages.error("cannot write DOT");
      return false;
    }
    return true;
  }
  // sfdp 2.42 draws from the C library's rand() before it seeds it from `start`, so a map
  // would depend on what the process laid out before. Resetting rand() to its start-up state
  // makes the layout a function of the input alone, and the very one that Graphviz's own
  // programs (a fresh process) draw from our DOT output.
  std::srand(1);
  if (gvLayout(gvc, graph.get(), options.layout.c_str()) != 0) {
    *err = messages.error("layout '" + options.layout + "' failed");
    return false;
  }
  LayoutHandle layout(gvc, graph.get());

  // Rendered into memory rather than with gvRenderFilename: Graphviz 2.42 exits the process
  // on some write errors, and we want to write the file ourselves, atomically.
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(gvc, graph.get(), format.c_str(), &data, &length);
  RenderData owned(data);
  if (status != 0 || data == nullptr) {
    *err = messages.error("cannot render " + format);
    return false;
  }
  out->assign(data, length);
  return true;
}

bool write_graphviz_map(const Network& network, const Analysis& analysis, const MapOptions& options,
                        const std::string& path, const std::string& format, std::string* err) {
  std::string content;
  if (!render_graphviz_map(network, analysis, options, format, &content, err)) return false;
  return write_atomically(
      path,
      [&](std::ostream& out, std::string*) {
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        return true;
      },
      err);
}

// --- Shared with the other writers (GEXF): the map's community colours. -------------------

const char* community_colour(std::uint32_t community) {
  return community < kCommunityColours.size() ? kCommunityColours[community]
                                              : kOtherCommunityColour;
}

}  // namespace citenet
