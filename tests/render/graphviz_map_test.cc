#include "render/graphviz_map.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/types.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <numbers>
#include <regex>
#include <set>

#include "render/escape.h"
#include "render_test_support.h"

namespace citenet {
namespace {

using testing::hex_lines;
using testing::hostile_labels;
using testing::kPython;
using testing::read_file;
using testing::run;
using testing::sample_analysis;
using testing::sample_network;
using testing::ScratchDir;
using testing::xml_problems;

struct GraphDeleter {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using ParsedGraph = std::unique_ptr<Agraph_t, GraphDeleter>;

std::string render(const Network& network, const Analysis& analysis, const MapOptions& options,
                   const std::string& format) {
  std::string out;
  std::string err;
  EXPECT_TRUE(render_graphviz_map(network, analysis, options, format, &out, &err)) << err;
  return out;
}

std::string attribute(void* object, const char* name) {
  const char* value = agget(object, const_cast<char*>(name));
  return value == nullptr ? "(none)" : value;
}

TEST(GraphvizMapTest, DefaultTitleSaysWhatWasDrawn) {
  MapOptions options;
  EXPECT_EQ(default_map_title(sample_network(), sample_analysis(), options),
            "Co-authorship network \u2014 7 authors, 7 links, 2 components; all labelled");
  options.label_top = 3;
  Network network = sample_network();
  network.kind = "country";
  network.node_noun = "country";
  EXPECT_EQ(default_map_title(network, sample_analysis(), options),
            "Country collaboration network \u2014 7 countries, 7 links, 2 components; top 3 "
            "labelled");
}

// A bipartite network: its second kind (institutions) drawn as diamonds of the same area as
// a circle for the same papers (sqrt(pi / 2) wider), said in the caption and the title.
TEST(GraphvizMapTest, BipartiteSecondKindIsDiamondsOfTheSameArea) {
  Network network = sample_network();
  network.kind = "author-institution";
  network.node_noun = "author and institution";
  for (std::size_t i = 0; i < network.nodes.size(); ++i) {
    network.nodes[i].part = i >= 5 ? 1 : 0;
    network.nodes[i].kind = i >= 5 ? "institution" : "author";
  }
  network.nodes[5].papers = network.nodes[4].papers;  // a circle and a diamond alike
  EXPECT_EQ(default_map_title(network, sample_analysis(), MapOptions{}),
            "Author\u2013institution network \u2014 7 authors and institutions, 7 links, 2 "
            "components; all labelled");
  const std::string dot = render(network, sample_analysis(), MapOptions{}, "dot");
  ParsedGraph graph(agmemread(dot.c_str()));
  ASSERT_NE(graph, nullptr);
  const auto node = [&](const char* name) {
    return agnode(graph.get(), const_cast<char*>(name), 0);
  };
  EXPECT_EQ(attribute(node("n5"), "shape"), "diamond");
  EXPECT_EQ(attribute(node("n6"), "shape"), "diamond");
  EXPECT_EQ(attribute(node("n4"), "shape"), "circle");
  const double circle = std::stod(attribute(node("n4"), "width"));
  const double diamond = std::stod(attribute(node("n5"), "width"));
  EXPECT_NEAR(diamond * diamond / 2, circle * circle * std::numbers::pi / 4,
              2e-3 * circle * circle);
  const std::string svg = render(network, sample_analysis(), MapOptions{}, "svg");
  EXPECT_NE(svg.find("circles: authors, diamonds: institutions; node area: papers"),
            std::string::npos);
}

TEST(GraphvizMapTest, SvgIsValidXmlWithTitleAndLegend) {
  ScratchDir dir;
  const std::string path = dir.file("map.svg");
  std::string err;
  ASSERT_TRUE(
      write_graphviz_map(sample_network(), sample_analysis(), MapOptions{}, path, "svg", &err))
      << err;
  EXPECT_EQ(xml_problems(path), "");
  const std::string svg = read_file(path);
  EXPECT_NE(svg.find("Co&#45;authorship network \u2014 7 authors"), std::string::npos) << svg;
  EXPECT_NE(svg.find("node area: papers; colour: community (seed 42, modularity 0.31)"),
            std::string::npos);
  EXPECT_NE(svg.find("Ada Lovelace et al. (3 authors)"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#77aadd\""), std::string::npos);  // community 0 in Tol's light blue
  EXPECT_NE(svg.find("xlink:title=\"Ada Lovelace \u2014 papers 7, degree 3, betweenness 0.3, "
                     "community 0\""),
            std::string::npos);
  EXPECT_NE(svg.find("xlink:title=\"Ada Lovelace \u2014 Ben Ames: weight 3\""), std::string::npos);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"map.svg"});
}

TEST(GraphvizMapTest, NodeIdsAreIndicesNotLabels) {
  const std::string dot = render(sample_network(), sample_analysis(), MapOptions{}, "dot");
  ParsedGraph graph(agmemread(dot.c_str()));
  ASSERT_NE(graph, nullptr);
  int nodes = 0;
  for (Agnode_t* node = agfstnode(graph.get()); node != nullptr;
       node = agnxtnode(graph.get(), node)) {
    const std::string name = agnameof(node);
    // The reference circles and their text, and the label text beside node i ("l<i>").
    if (name.rfind("size_legend", 0) == 0 || name[0] == 'l') continue;
    EXPECT_TRUE(std::regex_match(name, std::regex("n[0-9]+"))) << name;
    ++nodes;
  }
  EXPECT_EQ(nodes, 7);
  EXPECT_EQ(agnedges(graph.get()), 7);
}

TEST(GraphvizMapTest, LabelsOnlyTheTopNodesBySizeMetric) {
  MapOptions options;
  options.size_by = "papers";
  options.label_top = 2;
  const std::string dot = render(sample_network(), sample_analysis(), options, "dot");
  ParsedGraph graph(agmemread(dot.c_str()));
  ASSERT_NE(graph, nullptr);
  const Network network = sample_network();
  for (int i = 0; i < 7; ++i) {
    Agnode_t* node = agnode(graph.get(), const_cast<char*>(("n" + std::to_string(i)).c_str()), 0);
    ASSERT_NE(node, nullptr);
    EXPECT_EQ(attribute(node, "label"), "") << i;  // beside the node, never on it
    Agnode_t* label = agnode(graph.get(), const_cast<char*>(("l" + std::to_string(i)).c_str()), 0);
    EXPECT_EQ(label == nullptr ? "(none)" : attribute(label, "label"),
              i < 2 ? network.nodes[i].label : "(none)")
        << i;
    EXPECT_NE(attribute(node, "tooltip").find(network.nodes[i].label), std::string::npos);
  }
  // Area proportional to papers (7 for n0, 1 for n6), diameter floored at 0.12 inch.
  EXPECT_EQ(attribute(agnode(graph.get(), const_cast<char*>("n0"), 0), "width"), "1");
  EXPECT_EQ(attribute(agnode(graph.get(), const_cast<char*>("n6"), 0), "width"), "0.378");
}

TEST(GraphvizMapTest, HostileLabelsAreTextInSvg) {
  const std::vector<std::string> labels = hostile_labels();
  ScratchDir dir;
  const std::string path = dir.file("hostile.svg");
  std::string err;
  ASSERT_TRUE(write_graphviz_map(sample_network(labels), sample_analysis(), MapOptions{}, path,
                                 "svg", &err))
      << err;
  EXPECT_EQ(xml_problems(path), "");
  const std::string svg = read_file(path);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("]]>"), std::string::npos);
  EXPECT_EQ(svg.find("\xFF"), std::string::npos);

  // What a viewer shows: the text of every <text> element and every tooltip.
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c '\n"
                    "import sys, xml.etree.ElementTree as ET\n"
                    "for e in ET.parse(sys.argv[1]).iter():\n"
                    "    if e.tag.endswith(\"}text\"): print(e.text.encode().hex())\n"
                    "    t = e.get(\"{http://www.w3.org/1999/xlink}title\")\n"
                    "    if t: print(t.encode().hex())' " +
                    path + " 2>&1",
                &output),
            0)
      << output;
  const std::vector<std::string> shown = hex_lines(output);
  const auto is_shown = [&](const std::string& text) {
    return std::find(shown.begin(), shown.end(), text) != shown.end();
  };
  const auto tooltip_starts = [&](const std::string& text) {
    return std::any_of(shown.begin(), shown.end(), [&](const std::string& s) {
      return s.rfind(text + " \u2014 papers", 0) == 0;
    });
  };
  for (const std::string& label : labels) {
    const std::string expected = sanitize_utf8(label);
    if (expected.find('\n') != std::string::npos) {  // one <text> per line
      EXPECT_TRUE(is_shown("two")) << output;
      EXPECT_TRUE(is_shown("lines"));
    } else {
      EXPECT_TRUE(is_shown(expected)) << "label not shown as text: " << expected;
    }
    EXPECT_TRUE(tooltip_starts(expected)) << "tooltip not shown as text: " << expected;
  }
}

TEST(GraphvizMapTest, HostileTitleIsText) {
  MapOptions options;
  options.title = "<b>Map</b> & &lt; \\N ]]> --> \xFF \"q\"\nsecond line";
  ScratchDir dir;
  const std::string path = dir.file("titled.svg");
  std::string err;
  ASSERT_TRUE(write_graphviz_map(sample_network(), sample_analysis(), options, path, "svg", &err))
      << err;
  EXPECT_EQ(xml_problems(path), "");
  std::string output;
  ASSERT_EQ(run(std::string(kPython) +
                    " -c '\n"
                    "import sys, xml.etree.ElementTree as ET\n"
                    "for e in ET.parse(sys.argv[1]).iter():\n"
                    "    if e.tag.endswith(\"}text\"): print(e.text.encode().hex())' " +
                    path + " 2>&1",
                &output),
            0)
      << output;
  const std::vector<std::string> shown = hex_lines(output);
  ASSERT_GE(shown.size(), 2u);
  EXPECT_EQ(shown[0], "<b>Map</b> & &lt; \\N ]]> --> \xEF\xBF\xBD \"q\"");
  EXPECT_EQ(shown[1], "second line");

  const std::string dot = render(sample_network(), sample_analysis(), options, "dot");
  EXPECT_NE(ParsedGraph(agmemread(dot.c_str())), nullptr) << dot;
}

TEST(GraphvizMapTest, HostileLabelsRoundTripThroughDot) {
  const std::vector<std::string> labels = hostile_labels();
  const std::string dot = render(sample_network(labels), sample_analysis(), MapOptions{}, "dot");
  ParsedGraph graph(agmemread(dot.c_str()));
  ASSERT_NE(graph, nullptr) << dot;
  int nodes = 0;  // "; x -> y did not make new nodes
  for (Agnode_t* node = agfstnode(graph.get()); node != nullptr;
       node = agnxtnode(graph.get(), node))
    nodes += agnameof(node)[0] == 'n';
  EXPECT_EQ(nodes, 7);
  EXPECT_EQ(agnedges(graph.get()), 7);
  for (std::size_t i = 0; i < 7; ++i) {
    Agnode_t* node = agnode(graph.get(), const_cast<char*>(("n" + std::to_string(i)).c_str()), 0);
    ASSERT_NE(node, nullptr);
    Agnode_t* label = agnode(graph.get(), const_cast<char*>(("l" + std::to_string(i)).c_str()), 0);
    ASSERT_NE(label, nullptr) << i;
    EXPECT_EQ(attribute(label, "label"), graphviz_text(labels[i])) << i;
  }
}

// 40 nodes whose edges reach forward to far-off nodes, so that a DOT writer declaring nodes
// lazily (before their first edge) would list them out of order.
void scrambled(Network* network, Analysis* analysis) {
  const std::uint32_t n = 40;
  for (std::uint32_t i = 0; i < n; ++i) {
    network->nodes.push_back({"node " + std::to_string(i), 1 + i % 5, 0, 2000, 2001});
    analysis->component.push_back(0);
    analysis->communities.community.push_back(i % 4);
  }
  std::vector<WeightedEdge> edges;
  for (std::uint32_t i = 0; i < n; ++i) {
    for (const std::uint32_t step : {1u, 13u}) {
      const std::uint32_t j = (i + step) % n;
      edges.push_back({std::min(i, j), std::max(i, j), 1.0 + i % 3});
    }
  }
  set_links(*network, std::move(edges));
  analysis->degree.assign(n, 4);
  analysis->weighted_degree.assign(n, 8);
  for (std::uint32_t i = 0; i < n; ++i) analysis->betweenness.push_back((i % 7) / 10.0);
  analysis->component_count = 1;
  analysis->communities.count = 4;
}

void expect_dot_redraws_svg(const Network& network, const Analysis& analysis) {
  const std::string dot = render(network, analysis, MapOptions{}, "dot");
  const std::string svg = render(network, analysis, MapOptions{}, "svg");
  // Never freed, like the writer's own context: Graphviz 2.42's pango plugin would read a
  // freed font name on the next layout after gvFreeContext.
  static GVC_t* const context = gvContext();
  GVC_t* const gvc = context;
  ParsedGraph graph(agmemread(dot.c_str()));
  ASSERT_NE(graph, nullptr);
  std::srand(1);  // rand() as in a fresh process, such as the `dot` program
  ASSERT_EQ(gvLayout(gvc, graph.get(), agget(graph.get(), const_cast<char*>("layout"))), 0);
  char* data = nullptr;
  unsigned int length = 0;
  ASSERT_EQ(gvRenderData(gvc, graph.get(), "svg", &data, &length), 0);
  const std::string redrawn(data, length);
  gvFreeRenderData(data);
  gvFreeLayout(gvc, graph.get());
  EXPECT_TRUE(redrawn == svg) << "redrawing the DOT gave another SVG; the DOT:\n" << dot;
}

TEST(GraphvizMapTest, DotIsTheSourceOfTheSameMap) {
  // Graphviz reading our DOT back and laying it out draws exactly our SVG: the DOT carries
  // every attribute, the layout engine and its seed, and lists the nodes in order.
  expect_dot_redraws_svg(sample_network(hostile_labels()), sample_analysis());
  Network network;
  Analysis analysis;
  scrambled(&network, &analysis);
  expect_dot_redraws_svg(network, analysis);
}

TEST(GraphvizMapTest, SameInputSameSvg) {
  // Also after laying out something else: the layout must not depend on process history.
  const std::string first = render(sample_network(), sample_analysis(), MapOptions{}, "svg");
  Network other;
  Analysis other_analysis;
  scrambled(&other, &other_analysis);
  render(other, other_analysis, MapOptions{}, "svg");
  const std::string second = render(sample_network(), sample_analysis(), MapOptions{}, "svg");
  EXPECT_FALSE(first.empty());
  EXPECT_TRUE(first == second);
}

TEST(GraphvizMapTest, LayoutEnginesOnRequest) {
  for (const char* layout : {"neato", "fdp", "circo", "dot"}) {
    MapOptions options;
    options.layout = layout;
    EXPECT_NE(render(sample_network(), sample_analysis(), options, "svg").find("</svg>"),
              std::string::npos)
        << layout;
  }
}

TEST(GraphvizMapTest, BitmapAndPdf) {
  const std::string png = render(sample_network(), sample_analysis(), MapOptions{}, "png");
  EXPECT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1A\n");
  const std::string pdf = render(sample_network(), sample_analysis(), MapOptions{}, "pdf");
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
}

TEST(GraphvizMapTest, ReportsBadRequests) {
  const Network network = sample_network();
  const Analysis analysis = sample_analysis();
  std::string out;
  std::string err;
  EXPECT_FALSE(render_graphviz_map(network, analysis, MapOptions{}, "jpeg", &out, &err));
  EXPECT_EQ(err, "unknown map format 'jpeg' (expected svg, dot, png or pdf)");

  MapOptions options;
  options.size_by = "pagerank";
  EXPECT_FALSE(render_graphviz_map(network, analysis, options, "svg", &out, &err));
  EXPECT_EQ(err,
            "unknown size metric 'pagerank' (expected betweenness, degree, weighted_degree, "
            "papers or citations)");

  options = MapOptions{};
  options.layout = "spring";
  EXPECT_FALSE(render_graphviz_map(network, analysis, options, "svg", &out, &err));
  EXPECT_EQ(err.rfind("unknown layout 'spring' (Graphviz has circo, dot, fdp, neato", 0), 0u)
      << err;

  EXPECT_FALSE(render_graphviz_map(Network{}, Analysis{}, MapOptions{}, "svg", &out, &err));
  EXPECT_EQ(err, "nothing to draw: the network has no nodes");

  Analysis short_analysis = analysis;
  short_analysis.communities.community.resize(3);
  EXPECT_FALSE(render_graphviz_map(network, short_analysis, MapOptions{}, "svg", &out, &err));
  EXPECT_EQ(err, "analysis does not match the network: community has 3 values for 7 nodes");
}

TEST(GraphvizMapTest, FailedRenderLeavesExistingFile) {
  ScratchDir dir;
  const std::string path = dir.file("map.svg");
  testing::write_file(path, "old map");
  MapOptions options;
  options.layout = "spring";
  std::string err;
  EXPECT_FALSE(write_graphviz_map(sample_network(), sample_analysis(), options, path, "svg", &err));
  EXPECT_EQ(read_file(path), "old map");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"map.svg"});
}

// --- Colours, legends, the node cap and label placement. ------------------------------------

// The attribute `name` of node `id` in a map's DOT.
std::string node_attribute(const std::string& dot, const std::string& id, const char* name) {
  ParsedGraph graph(agmemread(dot.c_str()));
  if (graph == nullptr) return "(unreadable DOT)";
  Agnode_t* node = agnode(graph.get(), const_cast<char*>(id.c_str()), 0);
  return node == nullptr ? "(no node " + id + ")" : attribute(node, name);
}

// Graphviz writes colours as given; SVG lowercases them. Compare without case.
std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  return text;
}

TEST(GraphvizMapTest, CommunitiesAreNamedByTheirMostCentralMember) {
  // By papers (the default size): Ada (7) leads {Ada, Ben, Cy}, Dee (4) leads {Dee, Eve}.
  std::string dot = render(sample_network(), sample_analysis(), MapOptions{}, "dot");
  EXPECT_NE(dot.find("Ada Lovelace et al. (3 authors)"), std::string::npos) << dot;
  EXPECT_NE(dot.find("Dee Dee et al. (2 authors)"), std::string::npos);
  EXPECT_NE(dot.find("Fay Wray et al. (2 authors)"), std::string::npos);

  // Sized by degree, Eve outranks Dee, and Gil outranks Fay: the names follow the metric.
  Analysis analysis = sample_analysis();
  analysis.degree = {3, 3, 2, 2, 5, 1, 4};
  MapOptions options;
  options.size_by = "degree";
  dot = render(sample_network(), analysis, options, "dot");
  EXPECT_NE(dot.find("Ada Lovelace et al. (3 authors)"), std::string::npos) << dot;
  EXPECT_NE(dot.find("Eve Online et al. (2 authors)"), std::string::npos);
  EXPECT_NE(dot.find("Gil Scott et al. (2 authors)"), std::string::npos);
  EXPECT_EQ(dot.find("Dee Dee et al."), std::string::npos);
}

TEST(GraphvizMapTest, ColourByYearOnViridis) {
  // Mean years 2010 .. 2015 and one undated node: the earliest gets viridis' first colour,
  // the latest its last, 2012.5 (halfway) its middle one; the undated node is left white.
  Network network = sample_network();
  for (int i = 0; i < 6; ++i) network.nodes[i].mean_year = 2010 + i;
  network.nodes[6].mean_year = 0;
  MapOptions options;
  options.color_by = "year";
  network.nodes[3].mean_year = 2012.5;
  const std::string dot = render(network, sample_analysis(), options, "dot");
  EXPECT_EQ(upper(node_attribute(dot, "n0", "fillcolor")), "#440154");
  EXPECT_EQ(upper(node_attribute(dot, "n5", "fillcolor")), "#FDE725");
  EXPECT_EQ(upper(node_attribute(dot, "n3", "fillcolor")), "#21918C");
  EXPECT_EQ(upper(node_attribute(dot, "n6", "fillcolor")), "#FFFFFF");
  EXPECT_NE(dot.find("colour: mean publication year of the author&apos;s papers"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find(">2010 <"), std::string::npos);  // the colour bar runs 2010 .. 2015
  EXPECT_NE(dot.find("> 2015<"), std::string::npos);
  EXPECT_NE(dot.find("no year (1)"), std::string::npos);
}

TEST(GraphvizMapTest, ColourByCitationsOnALogScale) {
  // Citations 70, 60, ..., 10: log(1 + c) from log 11 to log 71 spans YlOrBr.
  MapOptions options;
  options.color_by = "citations";
  const std::string dot = render(sample_network(), sample_analysis(), options, "dot");
  EXPECT_EQ(upper(node_attribute(dot, "n0", "fillcolor")), "#662506");
  EXPECT_EQ(upper(node_attribute(dot, "n6", "fillcolor")), "#FFFFE5");
  EXPECT_NE(dot.find("colour: citations (log scale)"), std::string::npos) << dot;
  EXPECT_NE(dot.find("> 70 citations<"), std::string::npos);
}

TEST(GraphvizMapTest, ColourByCountryListsTheTopCountries) {
  Network network = sample_network();
  const char* countries[] = {"Norway", "Norway", "Norway", "Chile", "Chile", "Japan", ""};
  for (int i = 0; i < 7; ++i) network.nodes[i].country = countries[i];
  MapOptions options;
  options.color_by = "country";
  const std::string dot = render(network, sample_analysis(), options, "dot");
  EXPECT_EQ(upper(node_attribute(dot, "n0", "fillcolor")), "#77AADD");  // most frequent first
  EXPECT_EQ(upper(node_attribute(dot, "n3", "fillcolor")), "#EE8866");
  EXPECT_EQ(upper(node_attribute(dot, "n5", "fillcolor")), "#EEDD88");
  EXPECT_EQ(upper(node_attribute(dot, "n6", "fillcolor")), "#FFFFFF");
  EXPECT_NE(dot.find("Norway (3 authors)"), std::string::npos) << dot;
  EXPECT_NE(dot.find("Chile (2 authors)"), std::string::npos);
  EXPECT_NE(dot.find("no country (1 author)"), std::string::npos);
}

TEST(GraphvizMapTest, SizeLegendGivesReferenceCircles) {
  // Papers run to 7: circles for 1 and 7 papers, drawn at the sizes nodes with 1 and 7 papers
  // get (0.378 and 1 inch); no circle for a fraction of a paper.
  const std::string dot = render(sample_network(), sample_analysis(), MapOptions{}, "dot");
  EXPECT_EQ(node_attribute(dot, "size_legend", "label"), "node area: papers");
  EXPECT_EQ(node_attribute(dot, "size_legend_0", "width"), "0.378");
  EXPECT_EQ(node_attribute(dot, "size_legend_text_0", "label"), "1");
  EXPECT_EQ(node_attribute(dot, "size_legend_1", "width"), "1");
  EXPECT_EQ(node_attribute(dot, "size_legend_text_1", "label"), "7");
  EXPECT_EQ(node_attribute(dot, "size_legend_2", "width"), "(no node size_legend_2)");
}

TEST(GraphvizMapTest, EdgesWidthAndOpacityByWeight) {
  // Weights 3 (the heaviest) and 0.5 on Ada--Ben and Ben--Eve.
  const std::string dot = render(sample_network(), sample_analysis(), MapOptions{}, "dot");
  ParsedGraph graph(agmemread(dot.c_str()));
  ASSERT_NE(graph, nullptr);
  const auto edge = [&](const char* a, const char* b) {
    return agedge(graph.get(), agnode(graph.get(), const_cast<char*>(a), 0),
                  agnode(graph.get(), const_cast<char*>(b), 0), nullptr, 0);
  };
  EXPECT_EQ(attribute(edge("n0", "n1"), "penwidth"), "4");
  EXPECT_EQ(attribute(edge("n0", "n1"), "color"), "#808080CC");  // 0.25 + 0.55
  EXPECT_EQ(attribute(edge("n1", "n4"), "penwidth"), "1");       // 0.4 + 3.6 / 6
  EXPECT_EQ(attribute(edge("n1", "n4"), "color"), "#80808079");  // 0.25 + 0.55 sqrt(1/6)
}

TEST(GraphvizMapTest, MaxNodesDrawsTheLargestAndSaysSo) {
  Network network;
  Analysis analysis;
  scrambled(&network, &analysis);  // 40 nodes, papers 1 + i % 5
  MapOptions options;
  options.max_nodes = 10;
  const std::string dot = render(network, analysis, options, "dot");
  ParsedGraph graph(agmemread(dot.c_str()));
  ASSERT_NE(graph, nullptr);
  std::set<int> drawn;
  for (Agnode_t* node = agfstnode(graph.get()); node != nullptr;
       node = agnxtnode(graph.get(), node)) {
    const std::string name = agnameof(node);
    if (name[0] == 'n') drawn.insert(std::stoi(name.substr(1)));
  }
  // The ten with 5 papers are 4, 9, 14, ..., 39 (i % 5 == 4).
  std::set<int> expected;
  for (int i = 4; i < 40; i += 5) expected.insert(i);
  expected.insert({13, 18});  // then 4 papers, ties by label: "node 13" < "node 18" < "node 3"
  EXPECT_EQ(drawn, expected);
  int edges = 0;
  for (const WeightedEdge edge : network.links())
    edges += expected.count(edge.source) && expected.count(edge.target);
  EXPECT_EQ(agnedges(graph.get()), edges);
  EXPECT_NE(dot.find("showing 10 of 40 nodes (the largest by papers) and the " +
                     std::to_string(edges) + (edges == 1 ? " link" : " links") + " among them"),
            std::string::npos)
      << dot;
  // The legend still counts the whole network's communities.
  EXPECT_NE(dot.find("(10 nodes)"), std::string::npos);

  options.max_nodes = 0;  // no cap
  const std::string all = render(network, analysis, options, "dot");
  EXPECT_EQ(all.find("showing"), std::string::npos);
  EXPECT_EQ(ParsedGraph(agmemread(all.c_str())) == nullptr, false);
}

// The ids of the edges a map's DOT draws.
std::set<std::string> drawn_edges(const std::string& dot) {
  ParsedGraph graph(agmemread(dot.c_str()));
  std::set<std::string> ids;
  if (graph == nullptr) return ids;
  for (Agnode_t* node = agfstnode(graph.get()); node != nullptr;
       node = agnxtnode(graph.get(), node))
    for (Agedge_t* edge = agfstout(graph.get(), node); edge != nullptr;
         edge = agnxtout(graph.get(), edge))
      ids.insert(attribute(edge, "id"));
  return ids;
}

TEST(GraphvizMapTest, MaxLinksDrawsTheStrongestKeepingGroupsLinked) {
  // Weights: e0 Ada--Ben 3, e1 Ada--Cy 1.5, e2 Ada--Dee 1, e3 Ben--Cy 2, e4 Ben--Eve 0.5,
  // e5 Dee--Eve 2, e6 Fay--Gil 1. The maximum spanning forest is e0, e3, e5, e2, e6: drawn
  // even under a smaller cap. Then the heaviest others: e1.
  MapOptions options;
  options.max_links = 6;
  std::string dot = render(sample_network(), sample_analysis(), options, "dot");
  EXPECT_EQ(drawn_edges(dot),
            (std::set<std::string>{"map_e0", "map_e1", "map_e2", "map_e3", "map_e5", "map_e6"}));
  EXPECT_NE(dot.find("showing 6 of 7 links (the strongest, keeping every linked group connected)"),
            std::string::npos)
      << dot;
  options.max_links = 3;
  dot = render(sample_network(), sample_analysis(), options, "dot");
  EXPECT_EQ(drawn_edges(dot),
            (std::set<std::string>{"map_e0", "map_e2", "map_e3", "map_e5", "map_e6"}));
}

TEST(GraphvizMapTest, UnknownColouringIsRefused) {
  MapOptions options;
  options.color_by = "rainbow";
  std::string out;
  std::string err;
  EXPECT_FALSE(
      render_graphviz_map(sample_network(), sample_analysis(), options, "svg", &out, &err));
  EXPECT_EQ(err, "unknown colouring 'rainbow' (expected community, year, citations or country)");
  EXPECT_FALSE(check_map_options(options, &err));
  EXPECT_EQ(err, "unknown colouring 'rainbow' (expected community, year, citations or country)");
}

TEST(GraphvizMapTest, EveryIdIsPrefixed) {
  MapOptions options;
  options.id_prefix = "left-map";
  const std::string svg = render(sample_network(), sample_analysis(), options, "svg");
  const std::regex id_attribute(" id=\"([^\"]*)\"");
  int ids = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), id_attribute);
       it != std::sregex_iterator(); ++it, ++ids) {
    std::string id = (*it)[1].str();
    if (id.rfind("a_", 0) == 0) id.erase(0, 2);  // Graphviz's link around a tooltip: a_<id>
    EXPECT_EQ(id.rfind("left_map", 0), 0u) << id;
  }
  EXPECT_GE(ids, 7 + 7 + 1 + 5);  // nodes, edges, graph, size legend
}

// A dense network: 150 authors, each linked to 6 pseudo-random others, every one labelled
// with a long name, so that labels compete for room.
void dense(Network* network, Analysis* analysis) {
  const std::uint32_t n = 150;
  network->kind = "coauthor";
  network->node_noun = "author";
  std::uint64_t state = 12345;
  const auto next = [&] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(state >> 33);
  };
  for (std::uint32_t i = 0; i < n; ++i) {
    network->nodes.push_back(
        {"Author " + std::to_string(i) + " Longsurname", 1 + next() % 20, 0, 2000, 2001});
    analysis->component.push_back(0);
    analysis->communities.community.push_back(i % 6);
  }
  std::set<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::uint32_t i = 0; i < n; ++i)
    for (int k = 0; k < 6; ++k) {
      const std::uint32_t j = next() % n;
      if (j != i) pairs.insert({std::min(i, j), std::max(i, j)});
    }
  std::vector<WeightedEdge> edges;
  for (const auto& [a, b] : pairs) edges.push_back({a, b, 1.0 + (a + b) % 4});
  set_links(*network, std::move(edges));
  analysis->degree.assign(n, 0);
  for (const WeightedEdge edge : network->links()) {
    ++analysis->degree[edge.source];
    ++analysis->degree[edge.target];
  }
  analysis->weighted_degree = analysis->degree;
  analysis->betweenness.assign(n, 0);
  analysis->component_count = 1;
  analysis->communities.count = 6;
}

struct Box {
  double left, bottom, right, top;
};

// Touching is allowed: a label sits flush against its node.
constexpr double kTolerance = 0.01;

bool boxes_overlap(const Box& a, const Box& b) {
  return a.left < b.right - kTolerance && b.left < a.right - kTolerance &&
         a.bottom < b.top - kTolerance && b.bottom < a.top - kTolerance;
}

bool circle_overlaps(double x, double y, double radius, const Box& box) {
  const double dx = std::max({box.left - x, 0.0, x - box.right});
  const double dy = std::max({box.bottom - y, 0.0, y - box.top});
  return std::sqrt(dx * dx + dy * dy) < radius - kTolerance;
}

TEST(GraphvizMapTest, NoLabelOverlapsAnotherLabelOrANode) {
  Network network;
  Analysis analysis;
  dense(&network, &analysis);
  MapOptions options;
  options.label_top = -1;
  // The DOT is what the SVG is drawn from (DotIsTheSourceOfTheSameMap): lay it out as the
  // writer does and read where Graphviz put every node and every label.
  const std::string dot = render(network, analysis, options, "dot");
  static GVC_t* const context = gvContext();  // never freed: see expect_dot_redraws_svg
  ParsedGraph graph(agmemread(dot.c_str()));
  ASSERT_NE(graph, nullptr);
  std::srand(1);
  ASSERT_EQ(gvLayout(context, graph.get(), "nop2"), 0);
  struct Circle {
    double x, y, radius;
    std::string name;
  };
  std::vector<Box> labels;
  std::vector<std::string> labelled;  // "n<i>" for label "l<i>"
  std::vector<Circle> circles;
  for (Agnode_t* node = agfstnode(graph.get()); node != nullptr;
       node = agnxtnode(graph.get(), node)) {
    const std::string name = agnameof(node);
    const pointf centre = ND_coord(node);
    const double half_width = ND_width(node) * 72 / 2;
    const double half_height = ND_height(node) * 72 / 2;
    if (name[0] == 'l') {  // the label of node n<i>, as Graphviz sized it
      labels.push_back({centre.x - half_width, centre.y - half_height, centre.x + half_width,
                        centre.y + half_height});
      labelled.push_back("n" + name.substr(1));
      EXPECT_EQ(ND_xlabel(node), nullptr);
    } else if (std::string(agget(node, const_cast<char*>("shape"))) == "circle") {
      circles.push_back({centre.x, centre.y, half_width, name});
    }
  }
  gvFreeLayout(context, graph.get());
  EXPECT_EQ(circles.size(), 150u + 3);  // the nodes and the size legend's 1, 5 and 20
  // Most labels find room; the rest are left out rather than drawn over something.
  EXPECT_GT(labels.size(), 60u);
  EXPECT_LT(labels.size(), 150u);
  for (std::size_t a = 0; a < labels.size(); ++a) {
    for (std::size_t b = a + 1; b < labels.size(); ++b)
      EXPECT_FALSE(boxes_overlap(labels[a], labels[b]))
          << "labels " << a << " and " << b << ": " << labels[a].left << "," << labels[a].bottom
          << " " << labels[a].right << "," << labels[a].top << " / " << labels[b].left << ","
          << labels[b].bottom << " " << labels[b].right << "," << labels[b].top;
    for (const Circle& c : circles)  // a label may lie on its own node, never on another
      EXPECT_FALSE(c.name != labelled[a] && circle_overlaps(c.x, c.y, c.radius, labels[a]))
          << "label of " << labelled[a] << " over " << c.name;
  }
}

TEST(GraphvizMapTest, MetricsLeftOutOfTheAnalysisAreLeftOutOfTheMap) {
  // `--metrics degree`: no weighted degree, no betweenness. The map still draws, without
  // betweenness in the tooltips, and refuses only to size nodes by a missing metric.
  Analysis analysis = sample_analysis();
  analysis.weighted_degree.clear();
  analysis.betweenness.clear();
  const std::string dot = render(sample_network(), analysis, MapOptions{}, "dot");
  EXPECT_EQ(node_attribute(dot, "n0", "tooltip"),
            "Ada Lovelace \u2014 papers 7, degree 3, community 0");
  MapOptions options;
  options.size_by = "betweenness";
  std::string out;
  std::string err;
  EXPECT_FALSE(render_graphviz_map(sample_network(), analysis, options, "svg", &out, &err));
  EXPECT_EQ(err, "cannot size nodes by betweenness: it was not computed (add it to --metrics)");
}

}  // namespace
}  // namespace citenet
