#include "render/graphviz_map.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <regex>

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
  EXPECT_NE(svg.find("0 (3 authors)"), std::string::npos);
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
       node = agnxtnode(graph.get(), node), ++nodes) {
    EXPECT_TRUE(std::regex_match(agnameof(node), std::regex("n[0-9]+"))) << agnameof(node);
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
    EXPECT_EQ(attribute(node, "label"), i < 2 ? network.nodes[i].label : "") << i;
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
  EXPECT_EQ(agnnodes(graph.get()), 7);  // "; x -> y did not make new nodes
  EXPECT_EQ(agnedges(graph.get()), 7);
  for (std::size_t i = 0; i < 7; ++i) {
    Agnode_t* node = agnode(graph.get(), const_cast<char*>(("n" + std::to_string(i)).c_str()), 0);
    ASSERT_NE(node, nullptr);
    EXPECT_EQ(attribute(node, "label"), graphviz_text(labels[i])) << i;
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
  for (std::uint32_t i = 0; i < n; ++i) {
    for (const std::uint32_t step : {1u, 13u}) {
      const std::uint32_t j = (i + step) % n;
      network->edges.push_back({std::min(i, j), std::max(i, j), 1.0 + i % 3});
    }
  }
  std::sort(network->edges.begin(), network->edges.end(), [](const auto& a, const auto& b) {
    return std::pair(a.source, a.target) < std::pair(b.source, b.target);
  });
  network->graph = make_graph(n, network->edges);
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

}  // namespace
}  // namespace citenet
