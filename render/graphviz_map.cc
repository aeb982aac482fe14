#include "render/graphviz_map.h"

#include <cctype>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <memory>
#include <numbers>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <vector>

#include "render/atomic_file.h"
#include "render/escape.h"
#include "render/wording.h"

namespace citenet {
namespace {

// Paul Tol's "light" scheme: distinguishable under the common colour-vision deficiencies and
// light enough for black text. Communities (and countries) beyond it are grey.
constexpr std::array<const char*, 8> kCommunityColours = {
    "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00"};
constexpr const char* kOtherCommunityColour = "#DDDDDD";
constexpr const char* kUnknownColour = "#FFFFFF";  // no year, no country: an empty circle
// Sequential scales, both perceptually ordered and readable under colour-vision
// deficiencies: viridis (what VOSviewer's overlay maps use) for years, Tol's YlOrBr for
// citations, so the two never read as one another.
constexpr std::array<const char*, 9> kViridis = {"#440154", "#472D7B", "#3B528B",
                                                 "#2C728E", "#21918C", "#28AE80",
                                                 "#5EC962", "#ADDC30", "#FDE725"};
constexpr std::array<const char*, 9> kYlOrBr = {"#FFFFE5", "#FFF7BC", "#FEE391",
                                                "#FEC44F", "#FB9A29", "#EC7014",
                                                "#CC4C02", "#993404", "#662506"};
constexpr const char* kFontName = "Helvetica";  // resolves everywhere (Liberation/Nimbus/Arial)

// Node diameters in inches: the largest node gets kMaxDiameter, area proportional to the
// metric, and no node shrinks below kMinDiameter so that it can still be seen and hovered.
constexpr double kMinDiameter = 0.12;
constexpr double kMaxDiameter = 1.0;
constexpr double kMinFontSize = 9;
constexpr double kMaxFontSize = 18;
constexpr double kMinPenWidth = 0.4;
constexpr double kMaxPenWidth = 4.0;
constexpr double kPointsPerInch = 72;
// Legend names of communities and countries are cut to this many characters.
constexpr std::size_t kLegendNameChars = 30;

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
  // A metric left out of the analysis (--metrics) is empty; the map does without it.
  for (const auto& [name, size] : sizes) {
    if (size != n && size != 0) {
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
  for (const WeightedEdge edge : network.links()) {
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
  if (values->size() != network.nodes.size()) {
    *err = "cannot size nodes by " + name + ": it was not computed (add it to --metrics)";
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

// "68,295": counts in captions are read at a glance.
// "circles: authors, diamonds: institutions" for a bipartite network, else "".
std::string part_shapes(const Network& network) {
  std::string kinds[2];
  for (const NodeAttributes& node : network.nodes)
    if (node.part < 2 && kinds[node.part].empty()) kinds[node.part] = node.kind;
  if (kinds[0].empty() || kinds[1].empty()) return "";
  return "circles: " + plural_word(2, kinds[0]) + ", diamonds: " + plural_word(2, kinds[1]);
}

std::string network_name(const std::string& kind) {
  if (kind == "coauthor") return "Co-authorship network";
  if (kind == "institution") return "Institution collaboration network";
  if (kind == "country") return "Country collaboration network";
  if (kind == "keyword") return "Keyword co-occurrence network";
  if (kind == "paper") return "Paper network";
  if (kind == "citation") return "Citation network";
  if (kind == "cocitation") return "Co-citation network";
  if (kind == "coupling") return "Bibliographic coupling network";
  if (kind == "author-paper") return "Author\u2013paper network";
  if (kind == "author-institution") return "Author\u2013institution network";
  return "Network";
}

std::string metric_caption(const std::string& size_by) {
  std::string caption = size_by;
  std::replace(caption.begin(), caption.end(), '_', ' ');
  return caption;
}

// At most kLegendNameChars characters, cut at a UTF-8 character boundary.
std::string legend_name(const std::string& label) {
  const std::string clean = sanitize_utf8(label);
  std::size_t chars = 0;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    if ((static_cast<unsigned char>(clean[i]) & 0xC0) == 0x80) continue;
    if (++chars > kLegendNameChars) return clean.substr(0, i) + "\u2026";
  }
  return clean;
}

std::size_t drawn_count(const Network& network, const MapOptions& options) {
  const std::size_t n = network.nodes.size();
  return options.max_nodes == 0 ? n : std::min(n, options.max_nodes);
}

std::size_t labelled_count(std::size_t drawn, const MapOptions& options) {
  if (options.label_top < 0) return drawn;
  return std::min<std::size_t>(options.label_top, drawn);
}

// "#RRGGBB" at `t` in [0, 1] along `anchors`, interpolated linearly in sRGB between the two
// nearest anchors (the anchors are themselves perceptually spaced).
template <std::size_t N>
std::string scale_colour(const std::array<const char*, N>& anchors, double t) {
  t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.5;
  const double at = t * (N - 1);
  const std::size_t low = std::min<std::size_t>(static_cast<std::size_t>(at), N - 2);
  const double f = at - static_cast<double>(low);
  const auto channel = [](const char* colour, int k) {
    return std::stoi(std::string(colour + 1 + 2 * k, 2), nullptr, 16);
  };
  char buffer[8];
  int rgb[3];
  for (int k = 0; k < 3; ++k) {
    const double value =
        channel(anchors[low], k) + f * (channel(anchors[low + 1], k) - channel(anchors[low], k));
    rgb[k] = static_cast<int>(std::lround(value));
  }
  std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
  return buffer;
}

// A year for a legend or tooltip: whole years without a fraction, else one decimal.
std::string year_text(double value) {
  char buffer[32];
  const bool whole = std::abs(value - std::round(value)) < 0.05;
  std::snprintf(buffer, sizeof buffer, whole ? "%.0f" : "%.1f", value);
  return buffer;
}

// A count for a legend: whole numbers grouped by thousands, else one decimal.
std::string legend_number(double value) {
  if (std::abs(value - std::round(value)) < 0.05)
    return grouped(static_cast<std::size_t>(std::max(0.0, std::round(value))));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

// What the fill colour of every node means: one fill per node of the network, the words for
// the caption and the legend row (HTML-like table cells).
struct Colouring {
  std::vector<std::string> fill;
  std::string explanation;
  std::string legend;  // a <TABLE>, or empty
};

// Swatch cells, four to a row so that long names still fit the width of a map.
std::string swatch_table(const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string html = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"0\">";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i % 4 == 0) html += "<TR>";
    html += "<TD BGCOLOR=\"" + entries[i].first +
            "\" WIDTH=\"12\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD>"
            "<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">" +
            xml_escape(entries[i].second) + "  </FONT></TD>";
    if (i % 4 == 3 || i + 1 == entries.size()) html += "</TR>";
  }
  return html + "</TABLE>";
}

// A colour bar: `low` text, one cell per anchor, `high` text, then a swatch for `missing`.
// Its width is fixed (text estimated at 0.65 em per character): a nested table would
// otherwise be stretched to the caption's width, spreading the bar's cells apart.
template <std::size_t N>
std::string colour_bar(const std::array<const char*, N>& anchors, const std::string& low,
                       const std::string& high, const std::string& missing) {
  const auto text_width = [](const std::string& text) {
    return 6.5 * static_cast<double>(text.size()) + 6;
  };
  double width = text_width(low) + 16.0 * N + text_width(high);
  if (!missing.empty()) width += 16 + 12 + text_width(missing);
  std::string html =
      "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\" "
      "FIXEDSIZE=\"TRUE\" HEIGHT=\"14\" WIDTH=\"" +
      std::to_string(static_cast<int>(std::ceil(width))) + "\"><TR><TD><FONT POINT-SIZE=\"10\">" +
      xml_escape(low) + " </FONT></TD>";
  for (const char* colour : anchors)
    html += std::string("<TD BGCOLOR=\"") + colour +
            "\" WIDTH=\"16\" HEIGHT=\"12\" FIXEDSIZE=\"TRUE\"></TD>";
  html += "<TD><FONT POINT-SIZE=\"10\"> " + xml_escape(high) + "</FONT></TD>";
  if (!missing.empty()) {
    html += std::string("<TD WIDTH=\"16\"></TD><TD BGCOLOR=\"") + kUnknownColour +
            "\" BORDER=\"1\" COLOR=\"#555555\" WIDTH=\"12\" HEIGHT=\"12\" "
            "FIXEDSIZE=\"TRUE\"></TD><TD><FONT POINT-SIZE=\"10\"> " +
            xml_escape(missing) + "</FONT></TD>";
  }
  return html + "</TR></TABLE>";
}

Colouring community_colouring(const Network& network, const Analysis& analysis,
                              const std::vector<std::size_t>& order) {
  Colouring colouring;
  const std::size_t n = network.nodes.size();
  const bool has = !analysis.communities.community.empty();
  const std::uint32_t communities = has ? analysis.communities.count : 0;
  for (std::size_t i = 0; i < n; ++i)
    colouring.fill.push_back(community_colour(has ? analysis.communities.community[i] : 0));
  if (communities == 0) return colouring;
  const std::size_t swatches = std::min<std::size_t>(communities, kCommunityColours.size());
  colouring.explanation = "colour: community (";
  if (analysis.method != CommunityMethod::none)
    colouring.explanation += std::string(community_method_name(analysis.method)) + ", ";
  colouring.explanation += "seed " + std::to_string(analysis.seed) + ", modularity " +
                           number(analysis.communities.modularity, 3);
  if (communities > swatches) {
    colouring.explanation += "; the " + std::to_string(swatches) + " largest of " +
                             grouped(communities) + " coloured, others grey";
  }
  colouring.explanation += ")";

  // Each community is named after its most central member: the first of it in `order`
  // (the size metric, ties by papers, label, id), as VOSviewer users name clusters.
  std::vector<std::size_t> members(swatches, 0);
  std::vector<std::size_t> central(swatches, n);
  for (const std::size_t i : order) {
    const std::uint32_t c = analysis.communities.community[i];
    if (c >= swatches) continue;
    ++members[c];
    if (central[c] == n) central[c] = i;
  }
  std::vector<std::pair<std::string, std::string>> entries;
  for (std::size_t c = 0; c < swatches; ++c) {
    std::string name = "community " + std::to_string(c);
    if (central[c] != n) name = legend_name(network.nodes[central[c]].label);
    if (members[c] > 1) name += " et al.";
    entries.emplace_back(kCommunityColours[c],
                         name + " (" + plural(members[c], network.node_noun) + ")");
  }
  colouring.legend = swatch_table(entries);
  return colouring;
}

Colouring scale_colouring(const Network& network, const std::vector<std::size_t>& drawn,
                          bool by_year) {
  Colouring colouring;
  const std::size_t n = network.nodes.size();
  const auto value = [&](std::size_t i) -> std::optional<double> {
    const NodeAttributes& node = network.nodes[i];
    if (by_year) {
      if (node.mean_year > 0) return node.mean_year;
      return std::nullopt;
    }
    return std::log1p(static_cast<double>(node.citations));
  };
  // The scale spans the drawn nodes: a capped map uses its whole colour range.
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  std::size_t missing = 0;
  for (const std::size_t i : drawn) {
    if (const auto v = value(i)) {
      low = std::min(low, *v);
      high = std::max(high, *v);
    } else {
      ++missing;
    }
  }
  colouring.fill.assign(n, kUnknownColour);
  for (std::size_t i = 0; i < n; ++i) {
    const auto v = value(i);
    if (!v) continue;
    const double t = high > low ? (*v - low) / (high - low) : 0.5;
    colouring.fill[i] = by_year ? scale_colour(kViridis, t) : scale_colour(kYlOrBr, t);
  }
  if (!std::isfinite(low)) {  // no node has a year
    colouring.explanation = "colour: mean publication year (no record has a year)";
    return colouring;
  }
  if (by_year) {
    colouring.explanation =
        "colour: mean publication year of the " + plural_word(1, network.node_noun) + "'s papers";
    colouring.legend = colour_bar(kViridis, year_text(low), year_text(high),
                                  missing ? "no year (" + grouped(missing) + ")" : std::string());
  } else {
    colouring.explanation = "colour: citations (log scale)";
    colouring.legend = colour_bar(kYlOrBr, legend_number(std::expm1(low)),
                                  legend_number(std::expm1(high)) + " citations", "");
  }
  return colouring;
}

Colouring country_colouring(const Network& network) {
  Colouring colouring;
  std::map<std::string, std::size_t> counts;
  std::size_t unknown = 0;
  for (const NodeAttributes& node : network.nodes) {
    if (node.country.empty())
      ++unknown;
    else
      ++counts[node.country];
  }
  std::vector<std::pair<std::string, std::size_t>> ranked(counts.begin(), counts.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const std::size_t coloured = std::min(ranked.size(), kCommunityColours.size());
  std::map<std::string, const char*> colour_of;
  std::vector<std::pair<std::string, std::string>> entries;
  std::size_t others = 0;
  for (std::size_t k = 0; k < ranked.size(); ++k) {
    if (k < coloured) {
      colour_of[ranked[k].first] = kCommunityColours[k];
      entries.emplace_back(
          kCommunityColours[k],
          legend_name(ranked[k].first) + " (" + plural(ranked[k].second, network.node_noun) + ")");
    } else {
      others += ranked[k].second;
    }
  }
  if (others > 0)
    entries.emplace_back(kOtherCommunityColour,
                         "other countries (" + plural(others, network.node_noun) + ")");
  if (unknown > 0)
    entries.emplace_back(kUnknownColour, "no country (" + plural(unknown, network.node_noun) + ")");
  for (const NodeAttributes& node : network.nodes) {
    if (node.country.empty()) {
      colouring.fill.push_back(kUnknownColour);
    } else {
      const auto found = colour_of.find(node.country);
      colouring.fill.push_back(found == colour_of.end() ? kOtherCommunityColour : found->second);
    }
  }
  colouring.explanation = network.kind == "country"
                              ? "colour: country"
                              : "colour: main country (the most frequent on the " +
                                    plural_word(1, network.node_noun) + "'s papers)";
  if (!entries.empty()) colouring.legend = swatch_table(entries);
  return colouring;
}

// Graph label as an HTML-like label: the caption, what size and colour mean, what part of the
// network is drawn, and the colour legend. Text goes in XML-escaped (Graphviz parses HTML
// labels as XML).
std::string legend_html(const std::string& title, const std::string& explanation,
                        const std::string& shown, const std::string& legend) {
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
  html += "<TR><TD><FONT POINT-SIZE=\"11\">" + xml_escape(explanation) + "</FONT></TD></TR>";
  if (!shown.empty())
    html += "<TR><TD><FONT POINT-SIZE=\"11\">" + xml_escape(shown) + "</FONT></TD></TR>";
  // A nested table keeps the legend together, centred under the caption.
  if (!legend.empty()) html += "<TR><TD>" + legend + "</TD></TR>";
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

// A link among the drawn nodes, with its place among the network's links (its SVG id).
struct DrawnLink {
  std::size_t index = 0;
  WeightedEdge edge;
};

// Everything decided before Graphviz runs: which nodes are drawn and labelled, their sizes
// and colours, and the texts of the caption.
struct MapPlan {
  std::vector<double> metric;      // whole network, sanitised
  std::vector<std::size_t> order;  // whole network by decreasing metric
  std::vector<std::size_t> drawn;  // drawn node ids, ascending
  std::vector<DrawnLink> edges;    // links among the drawn nodes (laid out), ascending
  std::vector<DrawnLink> lines;    // those drawn: the max_links heaviest, ascending
  std::vector<bool> labelled;      // whole network
  std::vector<double> diameter;    // inches, whole network
  std::vector<double> font_size;   // label points, whole network
  Colouring colouring;
  double top = 0;  // the largest metric value
  std::string prefix;
};

double diameter_for(double value, double top) {
  const double relative = top > 0 && value > 0 ? std::min(1.0, value / top) : 0.0;
  return std::max(kMinDiameter, kMaxDiameter * std::sqrt(relative));  // area ~ metric
}

// The layout uses every link among the drawn nodes; only `max_links` are drawn, as
// VOSviewer's "maximum number of lines", so a dense map does not turn into a grey disc.
// First a maximum spanning forest (Kruskal), so that no group of nodes that is linked looks
// unlinked; then the heaviest other links up to `max_links`. Equal weights go to the link
// between more important nodes (by `order`), then to the first. Returns them ascending.
std::vector<DrawnLink> strongest_lines(const Network& network,
                                       const std::vector<std::size_t>& order,
                                       const std::vector<DrawnLink>& edges, std::size_t max_links) {
  if (max_links == 0 || edges.size() <= max_links) return edges;
  std::vector<std::size_t> rank(network.nodes.size());
  for (std::size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  std::vector<DrawnLink> sorted = edges;
  const auto importance = [&](const DrawnLink& k) {
    return rank[k.edge.source] + rank[k.edge.target];
  };
  std::stable_sort(sorted.begin(), sorted.end(), [&](const DrawnLink& a, const DrawnLink& b) {
    if (a.edge.weight != b.edge.weight) return a.edge.weight > b.edge.weight;
    return importance(a) < importance(b);
  });
  std::vector<std::uint32_t> parent(network.nodes.size());
  std::iota(parent.begin(), parent.end(), 0);
  const auto root = [&](std::uint32_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  std::vector<bool> taken(sorted.size(), false);
  std::vector<DrawnLink> lines;
  for (std::size_t s = 0; s < sorted.size(); ++s) {
    const std::uint32_t a = root(sorted[s].edge.source);
    const std::uint32_t b = root(sorted[s].edge.target);
    if (a == b) continue;
    parent[a] = b;
    taken[s] = true;
    lines.push_back(sorted[s]);
  }
  for (std::size_t s = 0; s < sorted.size() && lines.size() < max_links; ++s)
    if (!taken[s]) lines.push_back(sorted[s]);
  std::sort(lines.begin(), lines.end(),
            [](const DrawnLink& a, const DrawnLink& b) { return a.index < b.index; });
  return lines;
}

MapPlan make_plan(const Network& network, const Analysis& analysis, const MapOptions& options,
                  std::vector<double> metric) {
  MapPlan plan;
  const std::size_t n = network.nodes.size();
  plan.metric = std::move(metric);
  plan.order = rank_nodes(network, plan.metric);
  plan.drawn.assign(plan.order.begin(), plan.order.begin() + static_cast<std::ptrdiff_t>(
                                                                 drawn_count(network, options)));
  std::sort(plan.drawn.begin(), plan.drawn.end());
  std::vector<bool> is_drawn(n, false);
  for (const std::size_t i : plan.drawn) is_drawn[i] = true;
  const Links links = network.links();
  for (auto it = links.begin(); it != links.end(); ++it)
    if (const WeightedEdge edge = *it; is_drawn[edge.source] && is_drawn[edge.target])
      plan.edges.push_back({it.index(), edge});
  plan.lines = strongest_lines(network, plan.order, plan.edges, options.max_links);
  plan.labelled.assign(n, false);
  std::size_t to_label = labelled_count(plan.drawn.size(), options);
  for (std::size_t rank = 0; rank < n && to_label > 0; ++rank) {
    if (!is_drawn[plan.order[rank]]) continue;
    plan.labelled[plan.order[rank]] = true;
    --to_label;
  }
  plan.top = plan.metric.empty() ? 0 : *std::max_element(plan.metric.begin(), plan.metric.end());
  for (std::size_t i = 0; i < n; ++i) {
    // A diamond (a bipartite network's second kind) covers w^2 / 2 of its width w, a circle
    // pi d^2 / 4: sqrt(pi / 2) wider gives it the same area. Label placement takes the width
    // as a circle's diameter, and that circle holds the diamond.
    const double shape = network.nodes[i].part == 1 ? std::sqrt(std::numbers::pi / 2) : 1.0;
    plan.diameter.push_back(shape * diameter_for(plan.metric[i], plan.top));
    const double share =
        plan.top > 0 && plan.metric[i] > 0 ? std::min(1.0, plan.metric[i] / plan.top) : 0;
    plan.font_size.push_back(kMinFontSize + (kMaxFontSize - kMinFontSize) * std::sqrt(share));
  }
  if (options.color_by == "year" || options.color_by == "citations")
    plan.colouring = scale_colouring(network, plan.drawn, options.color_by == "year");
  else if (options.color_by == "country")
    plan.colouring = country_colouring(network);
  else
    plan.colouring = community_colouring(network, analysis, plan.order);
  plan.prefix = id_prefix(options.id_prefix);
  return plan;
}

// Pass 1: the nodes at their sizes and the links, for the layout engine to place. Labels go
// in as external labels, which never move a node: Graphviz measures them with the fonts it
// will draw them in, and place_labels() then puts them where they fit.
GraphHandle layout_graph(const Network& network, const Analysis& analysis, const MapPlan& plan) {
  GraphHandle graph(agopen(chars("citenet"), Agundirected, &string_disc));
  Agraph_t* g = graph.get();
  // sfdp's default overlap removal in 2.42 is prism, asked for explicitly so that other
  // engines (neato, fdp) remove overlaps too; sep keeps a margin where labels can go.
  // splines=false: routing is redone in pass 2 anyway.
  set(g, "overlap", "prism");
  set(g, "sep", "+12");
  set(g, "splines", "false");
  set(g, "start", std::to_string(analysis.seed));  // seeds sfdp/neato/fdp: same input, same map
  agattr(g, AGNODE, chars("label"), chars(""));
  agattr(g, AGNODE, chars("shape"), chars("circle"));
  agattr(g, AGNODE, chars("fixedsize"), chars("true"));
  agattr(g, AGNODE, chars("fontname"), chars(kFontName));
  std::vector<Agnode_t*> nodes(network.nodes.size(), nullptr);
  for (const std::size_t i : plan.drawn) {
    Agnode_t* node = agnode(g, chars("n" + std::to_string(i)), 1);
    nodes[i] = node;
    const std::string diameter = number(plan.diameter[i], 4);
    set(node, "width", diameter);
    set(node, "height", diameter);
    if (network.nodes[i].part == 1) set(node, "shape", "diamond");
    if (plan.labelled[i]) {
      set(node, "xlabel", graphviz_text(network.nodes[i].label));
      set(node, "fontsize", number(plan.font_size[i], 3));
    }
  }
  for (const DrawnLink& link : plan.edges) {
    const WeightedEdge& edge = link.edge;
    agedge(g, nodes[edge.source], nodes[edge.target], nullptr, 1);
  }
  return graph;
}

// Where pass 1 put the drawn nodes (points, in the order of MapPlan::drawn) and how big it
// measured each label.
struct Placement {
  std::vector<pointf> centre;
  std::vector<pointf> label_size;  // {0, 0}: unlabelled
};

struct Rect {
  double left, bottom, right, top;
};

constexpr double kTouch = 0.01;  // rectangles that only touch do not overlap

bool rects_overlap(const Rect& a, const Rect& b) {
  return a.left < b.right - kTouch && b.left < a.right - kTouch && a.bottom < b.top - kTouch &&
         b.bottom < a.top - kTouch;
}

bool circle_overlaps(const pointf& centre, double radius, const Rect& r) {
  const double dx = std::max({r.left - centre.x, 0.0, centre.x - r.right});
  const double dy = std::max({r.bottom - centre.y, 0.0, centre.y - r.top});
  return dx * dx + dy * dy < (radius - kTouch) * (radius - kTouch);
}

// Obstacles (node circles, placed labels) in a uniform grid of kCell points, so that a
// candidate label is checked against its neighbourhood only.
class ObstacleGrid {
 public:
  void add_circle(const pointf& centre, double radius) {
    circles_.push_back({centre, radius});
    insert({centre.x - radius, centre.y - radius, centre.x + radius, centre.y + radius},
           static_cast<std::uint32_t>(circles_.size() - 1) * 2);
  }
  void add_rect(const Rect& rect) {
    rects_.push_back(rect);
    insert(rect, static_cast<std::uint32_t>(rects_.size() - 1) * 2 + 1);
  }
  // Whether `rect` overlaps nothing; the circle added as number `own` does not count (a
  // label may lie on its own node, never on another).
  bool free(const Rect& rect, std::size_t own) const {
    for (long long cx = cell(rect.left); cx <= cell(rect.right); ++cx)
      for (long long cy = cell(rect.bottom); cy <= cell(rect.top); ++cy) {
        const auto found = cells_.find(key(cx, cy));
        if (found == cells_.end()) continue;
        for (const std::uint32_t item : found->second) {
          const bool hit = item % 2 == 0
                               ? item / 2 != own && circle_overlaps(circles_[item / 2].first,
                                                                    circles_[item / 2].second, rect)
                               : rects_overlap(rects_[item / 2], rect);
          if (hit) return false;
        }
      }
    return true;
  }

 private:
  static constexpr double kCell = 64;
  static long long cell(double v) { return static_cast<long long>(std::floor(v / kCell)); }
  static std::uint64_t key(long long cx, long long cy) {
    return (static_cast<std::uint64_t>(cx) << 32) ^ static_cast<std::uint32_t>(cy);
  }
  void insert(const Rect& rect, std::uint32_t item) {
    for (long long cx = cell(rect.left); cx <= cell(rect.right); ++cx)
      for (long long cy = cell(rect.bottom); cy <= cell(rect.top); ++cy)
        cells_[key(cx, cy)].push_back(item);
  }
  std::vector<std::pair<pointf, double>> circles_;
  std::vector<Rect> rects_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> cells_;
};

// A label's box and the font size it is drawn at.
struct PlacedLabel {
  Rect box;
  double font_size;
};

// Labels beside their nodes, most important first, each at the first of eight positions
// (right, left, above, below, then the diagonals) that overlaps no node and no label placed
// before it; failing that, the same at 80% and 65% of its size (never under 7 points), then
// centred on its own node at the smallest size. A label with no such place is left out.
// Greedy, like VOSviewer's and Gephi's label adjustment: the labels of the big nodes win.
// Returns a label per drawn node, empty where there is none.
std::vector<std::optional<PlacedLabel>> place_labels(const MapPlan& plan,
                                                     const Placement& placement) {
  const std::size_t count = plan.drawn.size();
  ObstacleGrid grid;
  std::vector<std::size_t> slot(plan.labelled.size(), count);  // node id -> drawn index
  for (std::size_t d = 0; d < count; ++d) {
    slot[plan.drawn[d]] = d;
    // Graphviz rounds node sizes to whole points: half a point more keeps labels clear.
    grid.add_circle(placement.centre[d], plan.diameter[plan.drawn[d]] * kPointsPerInch / 2 + 0.5);
  }
  std::vector<std::optional<PlacedLabel>> labels(count);
  constexpr double kGap = 3;
  constexpr double kDiagonal = 0.7071;
  constexpr double kSmallestFont = 7;
  for (const std::size_t i : plan.order) {
    const std::size_t d = slot[i];
    if (d == count || !plan.labelled[i]) continue;
    if (placement.label_size[d].x <= 0 || placement.label_size[d].y <= 0) continue;
    const pointf c = placement.centre[d];
    const double r = plan.diameter[i] * kPointsPerInch / 2;
    for (const double wanted : {1.0, 0.8, 0.65}) {
      // Text scales linearly with its font size.
      const double scale = std::max(wanted, std::min(1.0, kSmallestFont / plan.font_size[i]));
      // Whole points, as Graphviz will size the text node.
      const double w = std::ceil(placement.label_size[d].x * scale);
      const double h = std::ceil(placement.label_size[d].y * scale);
      const double side = r + kGap + w / 2;
      const double over = r + kGap + h / 2;
      const double diagonal_x = r * kDiagonal + kGap + w / 2;
      const double diagonal_y = r * kDiagonal + kGap + h / 2;
      std::vector<pointf> candidates = {
          {c.x + side, c.y},
          {c.x - side, c.y},
          {c.x, c.y + over},
          {c.x, c.y - over},
          {c.x + diagonal_x, c.y + diagonal_y},
          {c.x - diagonal_x, c.y + diagonal_y},
          {c.x + diagonal_x, c.y - diagonal_y},
          {c.x - diagonal_x, c.y - diagonal_y},
      };
      if (wanted < 0.7) candidates.push_back(c);
      for (const pointf& at : candidates) {
        const Rect box = {at.x - w / 2, at.y - h / 2, at.x + w / 2, at.y + h / 2};
        if (grid.free(box, d)) {
          labels[d] = PlacedLabel{box, plan.font_size[i] * scale};
          grid.add_rect(box);
          break;
        }
      }
      if (labels[d]) break;
    }
  }
  return labels;
}

// Two or three "nice" values (1, 2 or 5 times a power of ten) under the largest, each big
// enough to be drawn above the minimum size, for the size legend.
std::vector<double> reference_values(double top, bool whole) {
  std::vector<double> values;
  if (!(top > 0) || !std::isfinite(top)) return values;
  values.push_back(top);
  for (const double share : {0.25, 1.0 / 16}) {
    const double target = top * share;
    const double power = std::pow(10.0, std::floor(std::log10(target)));
    double nice = power;
    for (const double step : {2.0, 5.0, 10.0})
      if (step * power <= target) nice = step * power;
    if (whole && nice < 1) continue;  // no "0.5 papers"
    if (nice < values.back() && diameter_for(nice, top) > kMinDiameter * 1.5)
      values.push_back(nice);
  }
  std::reverse(values.begin(), values.end());
  return values;
}

bool whole_metric(const std::string& size_by) {
  return size_by == "papers" || size_by == "citations" || size_by == "degree";
}

std::string metric_value_text(double value, const std::string& size_by) {
  if (whole_metric(size_by) || std::abs(value - std::round(value)) < 1e-9)
    return grouped(static_cast<std::size_t>(std::llround(std::max(0.0, value))));
  return number(value, 2);
}

// Pass 2: every node where pass 1 put it (pinned, laid out again by "nop2", which only
// draws the edges as straight lines), with its colours and tooltips; each label as a text
// node pinned where place_labels() found room; the edges, the caption, and a size legend of
// reference circles under the map.
GraphHandle drawing_graph(const Network& network, const Analysis& analysis,
                          const MapOptions& options, const MapPlan& plan,
                          const Placement& placement,
                          const std::vector<std::optional<PlacedLabel>>& labels) {
  const std::vector<pointf>& positions = placement.centre;
  // The drawing's extent, for the size legend under it.
  Rect box = {0, 0, 0, 0};
  for (std::size_t d = 0; d < plan.drawn.size(); ++d) {
    const double r = plan.diameter[plan.drawn[d]] * kPointsPerInch / 2;
    const Rect node = {positions[d].x - r, positions[d].y - r, positions[d].x + r,
                       positions[d].y + r};
    if (d == 0) box = node;
    const Rect& label = labels[d] ? labels[d]->box : node;
    box = {std::min({box.left, node.left, label.left}),
           std::min({box.bottom, node.bottom, label.bottom}),
           std::max({box.right, node.right, label.right}),
           std::max({box.top, node.top, label.top})};
  }
  GraphHandle graph(agopen(chars("citenet"), Agundirected, &string_disc));
  Agraph_t* g = graph.get();
  set(g, "layout", "nop2");  // so that `dot -Tsvg map.dot` draws the same map
  set(g, "charset", "UTF-8");
  set(g, "splines", "false");
  set(g, "outputorder", "edgesfirst");
  set(g, "labelloc", "t");
  set(g, "fontname", kFontName);
  set(g, "bgcolor", "white");
  set(g, "pad", "0.3");
  set(g, "id", plan.prefix + "graph");

  // Nodes get label="" each. Not a "" default: agwrite omits empty defaults and Graphviz
  // then falls back to "\N", drawing the node id on every node read back from the DOT.
  agattr(g, AGNODE, chars("label"), chars("\\N"));
  agattr(g, AGNODE, chars("shape"), chars("circle"));
  agattr(g, AGNODE, chars("style"), chars("filled"));
  agattr(g, AGNODE, chars("fixedsize"), chars("true"));
  agattr(g, AGNODE, chars("fontname"), chars(kFontName));
  agattr(g, AGNODE, chars("color"), chars("#555555"));
  agattr(g, AGNODE, chars("penwidth"), chars("0.6"));
  agattr(g, AGEDGE, chars("fontname"), chars(kFontName));

  // Every node also goes into one anonymous subgraph, so that agwrite lists all nodes, in
  // order, before any edge. Otherwise it declares a node just before its first edge, and a
  // reader creates the nodes in another order. A subgraph that is not a cluster changes
  // nothing in the drawing.
  Agraph_t* all_nodes = agsubg(g, nullptr, 1);
  const bool has_community = !analysis.communities.community.empty();
  std::vector<Agnode_t*> nodes(network.nodes.size(), nullptr);
  for (std::size_t d = 0; d < plan.drawn.size(); ++d) {
    const std::size_t i = plan.drawn[d];
    const NodeAttributes& attributes = network.nodes[i];
    // Ids are "n<index>", never the label: labels are neither unique nor safe as ids.
    Agnode_t* node = agnode(g, chars("n" + std::to_string(i)), 1);
    agsubnode(all_nodes, node, 1);
    nodes[i] = node;
    set(node, "pos", number(positions[d].x, 8) + "," + number(positions[d].y, 8) + "!");
    const std::string diameter = number(plan.diameter[i], 4);
    set(node, "width", diameter);
    set(node, "height", diameter);
    set(node, "fillcolor", plan.colouring.fill[i]);
    // A bipartite network's second kind (papers, institutions) is drawn as diamonds: they
    // fit inside the circle of the same width, which label placement assumes.
    if (attributes.part == 1) set(node, "shape", "diamond");
    set(node, "label", "");
    std::string tooltip = attributes.label + " \u2014 papers " + std::to_string(attributes.papers);
    if (!analysis.degree.empty()) tooltip += ", degree " + number(analysis.degree[i]);
    if (!analysis.betweenness.empty())
      tooltip += ", betweenness " + number(analysis.betweenness[i], 3);
    if (has_community)
      tooltip += ", community " + std::to_string(analysis.communities.community[i]);
    if (attributes.mean_year > 0) tooltip += ", mean year " + year_text(attributes.mean_year);
    if (!attributes.country.empty() && network.kind != "country")
      tooltip += ", " + attributes.country;
    set(node, "tooltip", node_tooltip_text(tooltip));
    set(node, "id", plan.prefix + "n" + std::to_string(i));
  }
  // Labels after every node, so each is drawn over the edges; none overlaps a node.
  for (std::size_t d = 0; d < plan.drawn.size(); ++d) {
    if (!labels[d]) continue;
    const std::size_t i = plan.drawn[d];
    const Rect& r = labels[d]->box;
    Agnode_t* label = agnode(g, chars("l" + std::to_string(i)), 1);
    agsubnode(all_nodes, label, 1);
    set(label, "shape", "plaintext");
    set(label, "style", "");
    set(label, "margin", "0");
    set(label, "width", number((r.right - r.left) / kPointsPerInch, 8));
    set(label, "height", number((r.top - r.bottom) / kPointsPerInch, 8));
    set(label, "pos",
        number((r.left + r.right) / 2, 8) + "," + number((r.bottom + r.top) / 2, 8) + "!");
    set(label, "label", graphviz_text(network.nodes[i].label));
    set(label, "fontsize", number(labels[d]->font_size, 3));
    set(label, "tooltip", agget(nodes[i], chars("tooltip")));
    set(label, "id", plan.prefix + "l" + std::to_string(i));
    // SVG class "node label": styled apart, and not counted with the network's nodes.
    set(label, "class", "label");
  }

  double heaviest = 0;
  for (const DrawnLink& link : plan.lines) heaviest = std::max(heaviest, link.edge.weight);
  for (const DrawnLink& link : plan.lines) {
    const WeightedEdge& edge = link.edge;
    Agedge_t* e = agedge(g, nodes[edge.source], nodes[edge.target], nullptr, 1);
    set(e, "id", plan.prefix + "e" + std::to_string(link.index));
    const double share = heaviest > 0 ? std::clamp(edge.weight / heaviest, 0.0, 1.0) : 0;
    set(e, "penwidth", number(kMinPenWidth + (kMaxPenWidth - kMinPenWidth) * share, 3));
    // Heavier links are also more opaque, so the strong ties stand out of a dense core.
    char colour[16];
    std::snprintf(colour, sizeof colour, "#808080%02X",
                  static_cast<int>(std::lround(255 * (0.25 + 0.55 * std::sqrt(share)))));
    set(e, "color", colour);
    set(e, "tooltip",
        graphviz_text(network.nodes[edge.source].label + " \u2014 " +
                      network.nodes[edge.target].label + ": weight " + number(edge.weight)));
  }

  // Size legend under the map, bottoms aligned as on a printed map: "papers" then circles
  // of reference values with their value below.
  const std::vector<double> references = reference_values(plan.top, whole_metric(options.size_by));
  if (!references.empty()) {
    const double largest = diameter_for(references.back(), plan.top) * kPointsPerInch;
    const double base = box.bottom - 30 - largest;  // bottom of the circles
    double x = box.left;
    const std::string caption = "node area: " + metric_caption(options.size_by);
    // Plain text is placed by its centre: its width is estimated (0.6 em per character).
    const double caption_width = 0.6 * 11 * static_cast<double>(caption.size());
    Agnode_t* text = agnode(g, chars("size_legend"), 1);
    agsubnode(all_nodes, text, 1);
    set(text, "shape", "plaintext");
    set(text, "style", "");
    set(text, "fixedsize", "false");
    set(text, "label", caption);
    set(text, "fontsize", "11");
    set(text, "pos", number(x + caption_width / 2, 8) + "," + number(base + largest / 2, 8) + "!");
    set(text, "id", plan.prefix + "size_legend");
    set(text, "class", "legend");
    x += caption_width + 12;
    for (std::size_t k = 0; k < references.size(); ++k) {
      const double d = diameter_for(references[k], plan.top) * kPointsPerInch;
      const std::string value = metric_value_text(references[k], options.size_by);
      const double slot = std::max(d, 0.6 * 10 * static_cast<double>(value.size())) + 14;
      const double centre = x + slot / 2;
      Agnode_t* circle = agnode(g, chars("size_legend_" + std::to_string(k)), 1);
      agsubnode(all_nodes, circle, 1);
      const std::string inches = number(d / kPointsPerInch, 4);
      set(circle, "width", inches);
      set(circle, "height", inches);
      set(circle, "fillcolor", "#FFFFFF");
      set(circle, "label", "");
      set(circle, "pos", number(centre, 8) + "," + number(base + d / 2, 8) + "!");
      set(circle, "tooltip", value + " " + metric_caption(options.size_by));
      set(circle, "id", plan.prefix + "size_legend_" + std::to_string(k));
      set(circle, "class", "legend");
      Agnode_t* label = agnode(g, chars("size_legend_text_" + std::to_string(k)), 1);
      agsubnode(all_nodes, label, 1);
      set(label, "shape", "plaintext");
      set(label, "style", "");
      set(label, "fixedsize", "false");
      set(label, "label", value);
      set(label, "fontsize", "10");
      set(label, "pos", number(centre, 8) + "," + number(base - 9, 8) + "!");
      set(label, "id", plan.prefix + "size_legend_text_" + std::to_string(k));
      set(label, "class", "legend");
      x += slot;
    }
  }

  const std::size_t n = network.nodes.size();
  std::string explanation = "node area: " + metric_caption(options.size_by);
  if (const std::string shapes = part_shapes(network); !shapes.empty())
    explanation = shapes + "; " + explanation;
  if (!plan.colouring.explanation.empty()) explanation += "; " + plan.colouring.explanation;
  std::string shown;
  constexpr const char* kStrongest = " (the strongest, keeping every linked group connected)";
  if (plan.drawn.size() < n) {
    shown = "showing " + grouped(plan.drawn.size()) + " of " + plural(n, network.node_noun) +
            " (the largest by " + metric_caption(options.size_by) + ") and ";
    shown += plan.lines.size() < plan.edges.size()
                 ? grouped(plan.lines.size()) + " of the " + plural(plan.edges.size(), "link") +
                       " among them" + kStrongest
                 : "the " + plural(plan.edges.size(), "link") + " among them";
  } else if (plan.lines.size() < plan.edges.size()) {
    shown = "showing " + grouped(plan.lines.size()) + " of " + plural(plan.edges.size(), "link") +
            kStrongest;
  }
  const std::string title =
      options.title.empty() ? default_map_title(network, analysis, options) : options.title;
  set_html_label(g, legend_html(sanitize_utf8(title), explanation, shown, plan.colouring.legend));
  return graph;
}

bool check_options(const MapOptions& options, std::string* err) {
  static const char* const kSizes[] = {"betweenness", "degree", "weighted_degree", "papers",
                                       "citations"};
  if (std::find(std::begin(kSizes), std::end(kSizes), options.size_by) == std::end(kSizes)) {
    *err = "unknown size metric '" + options.size_by +
           "' (expected betweenness, degree, weighted_degree, papers or citations)";
    return false;
  }
  static const char* const kColours[] = {"community", "year", "citations", "country"};
  if (std::find(std::begin(kColours), std::end(kColours), options.color_by) == std::end(kColours)) {
    *err = "unknown colouring '" + options.color_by +
           "' (expected community, year, citations or country)";
    return false;
  }
  return true;
}

}  // namespace

bool check_map_options(const MapOptions& options, std::string* err) {
  return check_options(options, err);
}

std::string default_map_title(const Network& network, const Analysis& analysis,
                              const MapOptions& options) {
  const std::size_t n = network.nodes.size();
  std::string title = network_name(network.kind) + " \u2014 " + plural(n, network.node_noun) +
                      ", " + plural(network.links().size(), "link");
  if (analysis.component_count > 0) {
    title += ", " + plural(analysis.component_count, "component");
  }
  const std::size_t drawn = drawn_count(network, options);
  const std::size_t labelled = labelled_count(drawn, options);
  if (labelled == n) {
    title += "; all labelled";
  } else if (labelled == 0) {
    title += "; unlabelled";
  } else {
    title += "; top " + grouped(labelled) + " labelled";
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
  if (!check_options(options, err)) return false;
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
  const MapPlan plan = make_plan(network, analysis, options, std::move(metric));

  // Pass 1: the layout engine places the nodes.
  Placement placement;
  {
    GraphHandle placed = layout_graph(network, analysis, plan);
    // sfdp 2.42 draws from the C library's rand() before it seeds it from `start`, so a map
    // would depend on what the process laid out before. Resetting rand() to its start-up
    // state makes the layout a function of the input alone.
    std::srand(1);
    if (gvLayout(gvc, placed.get(), options.layout.c_str()) != 0) {
      *err = messages.error("layout '" + options.layout + "' failed");
      return false;
    }
    LayoutHandle layout(gvc, placed.get());
    for (const std::size_t i : plan.drawn) {
      Agnode_t* node = agnode(placed.get(), chars("n" + std::to_string(i)), 0);
      placement.centre.push_back(ND_coord(node));
      const textlabel_t* label = ND_xlabel(node);
      placement.label_size.push_back(label != nullptr ? label->dimen : pointf{0, 0});
    }
  }

  // Pass 2: the drawing, from pinned positions. Its DOT is the map's Graphviz source: every
  // attribute and position, so `dot -Tsvg map.dot` draws the same SVG byte for byte.
  GraphHandle graph =
      drawing_graph(network, analysis, options, plan, placement, place_labels(plan, placement));
  if (format == "dot") {
    out->clear();
    if (agwrite(graph.get(), out) != 0) {
      *err = messages.error("cannot write DOT");
      return false;
    }
    return true;
  }
  std::srand(1);
  if (gvLayout(gvc, graph.get(), "nop2") != 0) {
    *err = messages.error("drawing the layout failed");
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
