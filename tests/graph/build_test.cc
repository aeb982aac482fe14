// Network building from a hand-made corpus: sizes, weights and node attributes.
#include <gtest/gtest.h>

#include "graph/build.h"

namespace citenet {
namespace {

Author author(std::string surname, std::string initials, std::string full = "",
              std::vector<std::string> affiliations = {}) {
  Author a;
  a.as_printed = surname + " " + initials;
  a.surname = std::move(surname);
  a.initials = std::move(initials);
  a.full_name = std::move(full);
  if (!a.full_name.empty()) a.given = a.full_name.substr(0, a.full_name.rfind(' '));
  a.affiliations = std::move(affiliations);
  return a;
}

Record paper(std::vector<Author> authors, int year, int citations, std::string title = "T") {
  Record r;
  r.authors = std::move(authors);
  r.year = year;
  r.citations = citations;
  r.title = std::move(title);
  return r;
}

// Three papers:         A─B─C   (paper 1: A,B,C)
//                       A─B     (paper 2: A,B)     so A─B weighs 2
//                       D       (paper 3: D alone) an isolated node
Corpus small_corpus() {
  const std::string lshtm = "London School of Hygiene & Tropical Medicine, London, UK";
  const std::string lshtm2 = "London School of Hygiene and Tropical Medicine, London, UK";
  const std::string harvard = "Harvard Medical SchoolBostonMassachusetts";
  CorpusBuilder b;
  b.add(paper({author("Alderwick", "H", "Hugh Alderwick", {lshtm}),
               author("Mays", "N", "Nicholas Mays", {lshtm2}),
               author("Sandhu", "S", "Sahil Sandhu", {harvard})},
              2022, 10, "Cross-sector collaboration to reduce health inequalities in England"));
  b.add(paper({author("Alderwick", "H"), author("Mays", "N")}, 2024, 4));
  b.add(paper({author("Dixon", "J", "Jennifer Dixon")}, 2021, 1));
  return b.finish();
}

std::uint32_t find(const Network& n, const std::string& label) {
  for (std::uint32_t i = 0; i < n.nodes.size(); ++i)
    if (n.nodes[i].label == label) return i;
  ADD_FAILURE() << "no node " << label;
  return 0;
}

double weight(const Network& n, std::uint32_t a, std::uint32_t b) {
  for (const WeightedEdge& e : n.edges)
    if ((e.source == a && e.target == b) || (e.source == b && e.target == a)) return e.weight;
  return 0;
}

TEST(BuildNetwork, CoauthorNodesEdgesWeightsAndAttributes) {
  const Network n = build_network(small_corpus(), {NetworkKind::coauthor});
  EXPECT_EQ(n.kind, "coauthor");
  ASSERT_EQ(n.nodes.size(), 4u);  // "Alderwick H" joined "Hugh Alderwick"
  ASSERT_EQ(n.edges.size(), 3u);
  EXPECT_EQ(boost::num_edges(n.graph), 3u);
  const auto hugh = find(n, "Hugh Alderwick"), mays = find(n, "Nicholas Mays"),
             sandhu = find(n, "Sahil Sandhu");
  EXPECT_EQ(weight(n, hugh, mays), 2.0);
  EXPECT_EQ(weight(n, hugh, sandhu), 1.0);
  EXPECT_EQ(n.nodes[hugh].papers, 2u);
  EXPECT_EQ(n.nodes[hugh].citations, 14u);
  EXPECT_EQ(n.nodes[hugh].first_year, 2022);
  EXPECT_EQ(n.nodes[hugh].last_year, 2024);
  for (const WeightedEdge& e : n.edges) EXPECT_LT(e.source, e.target);
}

TEST(BuildNetwork, InstitutionAndCountryMerge) {
  const Corpus corpus = small_corpus();
  const Network inst = build_network(corpus, {NetworkKind::institution});
  // "&" and "and" spellings are one institution; Harvard is the other.
  ASSERT_EQ(inst.nodes.size(), 2u);
  ASSERT_EQ(inst.edges.size(), 1u);
  EXPECT_EQ(inst.nodes[0].papers, 1u);
  const Network country = build_network(corpus, {NetworkKind::country});
  ASSERT_EQ(country.nodes.size(), 2u);
  EXPECT_EQ(find(country, "United States"), find(country, "United States"));
  EXPECT_EQ(weight(country, find(country, "United Kingdom"), find(country, "United States")), 1.0);
}

TEST(BuildNetwork, PaperNetworkLinksBySharedAuthors) {
  const Network n = build_network(small_corpus(), {NetworkKind::paper, PaperLink::authors});
  ASSERT_EQ(n.nodes.size(), 3u);
  ASSERT_EQ(n.edges.size(), 1u);
  EXPECT_EQ(n.edges[0].source, 0u);
  EXPECT_EQ(n.edges[0].target, 1u);
  EXPECT_EQ(n.edges[0].weight, 2.0);  // Alderwick and Mays
  EXPECT_EQ(n.nodes[0].label, "Alderwick 2022 Cross-sector collaboration to reduce…");
}

TEST(BuildNetwork, ANameTwiceOnOnePaperCountsOnce) {
  CorpusBuilder b;
  b.add(paper({author("Mays", "N", "Nicholas Mays"), author("Mays", "N", "Nicholas Mays"),
               author("Dixon", "J", "Jennifer Dixon")},
              2020, 0));
  const Network n = build_network(b.finish(), {NetworkKind::coauthor});
  ASSERT_EQ(n.nodes.size(), 2u);
  ASSERT_EQ(n.edges.size(), 1u);
  EXPECT_EQ(n.nodes[0].papers, 1u);
}

TEST(BuildNetwork, KindNamesRoundTrip) {
  for (const char* name : {"coauthor", "institution", "country", "paper"})
    EXPECT_EQ(to_string(*parse_network_kind(name)), name);
  EXPECT_FALSE(parse_network_kind("keyword").has_value());
  EXPECT_FALSE(parse_paper_link("keywords").has_value());
}

}  // namespace
}  // namespace citenet
