// Network building from a hand-made corpus: sizes, weights and node attributes.
#include <gtest/gtest.h>

#include <cmath>

#include <algorithm>
#include <functional>
#include <optional>
#include <random>
#include <string>

#include "formats/input.h"
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
  for (const WeightedEdge e : n.links())
    if ((e.source == a && e.target == b) || (e.source == b && e.target == a)) return e.weight;
  return 0;
}

TEST(BuildNetwork, CoauthorNodesEdgesWeightsAndAttributes) {
  const Network n = build_network(small_corpus(), {NetworkKind::coauthor});
  EXPECT_EQ(n.kind, "coauthor");
  ASSERT_EQ(n.nodes.size(), 4u);  // "Alderwick H" joined "Hugh Alderwick"
  ASSERT_EQ(n.links().size(), 3u);
  EXPECT_EQ(n.graph.edge_count(), 3u);
  const auto hugh = find(n, "Hugh Alderwick"), mays = find(n, "Nicholas Mays"),
             sandhu = find(n, "Sahil Sandhu");
  EXPECT_EQ(weight(n, hugh, mays), 2.0);
  EXPECT_EQ(weight(n, hugh, sandhu), 1.0);
  EXPECT_EQ(n.nodes[hugh].papers, 2u);
  EXPECT_EQ(n.nodes[hugh].citations, 14u);
  EXPECT_EQ(n.nodes[hugh].first_year, 2022);
  EXPECT_EQ(n.nodes[hugh].last_year, 2024);
  for (const WeightedEdge e : n.links()) EXPECT_LT(e.source, e.target);
}

TEST(BuildNetwork, InstitutionAndCountryMerge) {
  const Corpus corpus = small_corpus();
  const Network inst = build_network(corpus, {NetworkKind::institution});
  // "&" and "and" spellings are one institution; Harvard is the other.
  ASSERT_EQ(inst.nodes.size(), 2u);
  ASSERT_EQ(inst.links().size(), 1u);
  EXPECT_EQ(inst.nodes[0].papers, 1u);
  const Network country = build_network(corpus, {NetworkKind::country});
  ASSERT_EQ(country.nodes.size(), 2u);
  EXPECT_EQ(find(country, "United States"), find(country, "United States"));
  EXPECT_EQ(weight(country, find(country, "United Kingdom"), find(country, "United States")), 1.0);
}

TEST(BuildNetwork, PaperNetworkLinksBySharedAuthors) {
  const Network n = build_network(small_corpus(), {NetworkKind::paper, PaperLink::authors});
  ASSERT_EQ(n.nodes.size(), 3u);
  ASSERT_EQ(n.links().size(), 1u);
  EXPECT_EQ(n.links()[0].source, 0u);
  EXPECT_EQ(n.links()[0].target, 1u);
  EXPECT_EQ(n.links()[0].weight, 2.0);  // Alderwick and Mays
  EXPECT_EQ(n.nodes[0].label, "Alderwick 2022 Cross-sector collaboration to reduce…");
}

TEST(BuildNetwork, ANameTwiceOnOnePaperCountsOnce) {
  CorpusBuilder b;
  b.add(paper({author("Mays", "N", "Nicholas Mays"), author("Mays", "N", "Nicholas Mays"),
               author("Dixon", "J", "Jennifer Dixon")},
              2020, 0));
  const Network n = build_network(b.finish(), {NetworkKind::coauthor});
  ASSERT_EQ(n.nodes.size(), 2u);
  ASSERT_EQ(n.links().size(), 1u);
  EXPECT_EQ(n.nodes[0].papers, 1u);
}

TEST(BuildNetwork, KindNamesRoundTrip) {
  for (const char* name : {"coauthor", "institution", "country", "paper", "keyword", "citation",
                           "cocitation", "coupling", "author-paper", "author-institution"})
    EXPECT_EQ(to_string(*parse_network_kind(name)), name);
  for (const char* name : {"authors", "institutions", "keywords"})
    EXPECT_EQ(to_string(*parse_paper_link(name)), name);
  EXPECT_FALSE(parse_network_kind("keywords").has_value());
  EXPECT_FALSE(parse_network_kind("bipartite").has_value());
  EXPECT_FALSE(parse_paper_link("references").has_value());
  EXPECT_TRUE(needs_references(NetworkKind::coupling));
  EXPECT_FALSE(needs_references(NetworkKind::keyword));
  EXPECT_TRUE(is_bipartite(NetworkKind::author_institution));
}

// A name of letters only ("Baaa", "Cbaa", ...) for synthetic author i.
std::string letters(std::uint32_t i) {
  std::string name(1, static_cast<char>('B' + i % 24));
  for (int k = 0; k < 3; ++k, i /= 24) name += static_cast<char>('a' + i % 24);
  return name;
}

// 45 papers of 90 to 120 authors drawn from 2,500 (about 200,000 links, enough for the graph
// to be laid out in several lanes), a paper with one author who signs nothing else (a unit
// with one member: an isolated node) and a paper whose authors all sign others too.
Corpus many_authors_corpus() {
  std::mt19937_64 rng(5);
  CorpusBuilder b;
  for (int p = 0; p < 45; ++p) {
    std::vector<Author> authors;
    const std::size_t size = 90 + rng() % 31;
    for (std::size_t k = 0; k < size; ++k) {
      const std::string name = letters(static_cast<std::uint32_t>(rng() % 2500));
      authors.push_back(author(name, "A", "Anna " + name));
    }
    b.add(paper(std::move(authors), 2000 + p % 20, p));
  }
  b.add(paper({author("Solo", "S", "Sam Solo")}, 2020, 1));
  b.add(paper({author(letters(1), "A", "Anna " + letters(1)),
               author(letters(2), "A", "Anna " + letters(2))},
              2021, 0));
  return b.finish();
}

// The edges and the CSR graph are the same on any thread count, and the graph is the one the
// old one-thread layout makes of the edges (given the other way round, it takes that path).
TEST(BuildNetwork, TheSameNetworkOnAnyThreadCount) {
  const Corpus corpus = many_authors_corpus();
  for (const Counting counting : {Counting::full, Counting::fractional}) {
    SCOPED_TRACE(counting == Counting::full ? "full" : "fractional");
    const Network one =
        build_network(corpus, {.kind = NetworkKind::coauthor, .counting = counting, .threads = 1});
    ASSERT_GT(one.links().size(), 2u << 16);
    EXPECT_TRUE(one.graph.neighbours(find(one, "Sam Solo")).empty());
    std::vector<WeightedEdge> reversed = one.links().list();
    for (WeightedEdge& e : reversed) std::swap(e.source, e.target);
    const Graph old(one.nodes.size(), reversed);
    for (const unsigned threads : {1u, 2u, 3u, 8u}) {
      SCOPED_TRACE(threads);
      const Network many = build_network(
          corpus, {.kind = NetworkKind::coauthor, .counting = counting, .threads = threads});
      ASSERT_EQ(many.links().size(), one.links().size());
      for (std::size_t i = 0; i < one.links().size(); ++i) {
        ASSERT_EQ(many.links()[i].source, one.links()[i].source) << i;
        ASSERT_EQ(many.links()[i].target, one.links()[i].target) << i;
        ASSERT_EQ(many.links()[i].weight, one.links()[i].weight) << i;
      }
      ASSERT_EQ(many.graph.vertex_count(), old.vertex_count());
      EXPECT_EQ(many.graph.edge_count(), old.edge_count());
      for (std::uint32_t v = 0; v < old.vertex_count(); ++v) {
        const auto column = many.graph.neighbours(v), expected = old.neighbours(v);
        ASSERT_TRUE(std::equal(column.begin(), column.end(), expected.begin(), expected.end()))
            << "row " << v;
        const auto weights = many.graph.weights(v), expected_weights = old.weights(v);
        ASSERT_TRUE(std::equal(weights.begin(), weights.end(), expected_weights.begin(),
                               expected_weights.end()))
            << "row " << v;
      }
    }
  }
}

// The same rows and weights (bitwise), row by row, and the same link offsets.
void expect_same_graph(const Graph& a, const Graph& b) {
  ASSERT_EQ(a.vertex_count(), b.vertex_count());
  EXPECT_EQ(a.edge_count(), b.edge_count());
  for (std::uint32_t v = 0; v <= a.vertex_count(); ++v)
    ASSERT_EQ(a.link_start(v), b.link_start(v)) << "vertex " << v;
  for (std::uint32_t v = 0; v < a.vertex_count(); ++v) {
    const auto column = a.neighbours(v), expected = b.neighbours(v);
    ASSERT_TRUE(std::equal(column.begin(), column.end(), expected.begin(), expected.end()))
        << "row " << v;
    const auto weights = a.weights(v), expected_weights = b.weights(v);
    ASSERT_TRUE(std::equal(weights.begin(), weights.end(), expected_weights.begin(),
                           expected_weights.end()))
        << "row " << v;
  }
}

// Papers of 1 to 40 authors (a few of 150) drawn with a skew from 1,500, so some authors
// sign hundreds of papers and rows differ widely in work; affiliations name four countries.
Corpus random_corpus(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const char* const countries[] = {"UK", "USA", "Germany", "France"};
  CorpusBuilder b;
  for (int p = 0; p < 700; ++p) {
    std::vector<Author> authors;
    const std::size_t size = p % 97 == 3 ? 150 : 1 + rng() % (rng() % 4 == 0 ? 40 : 6);
    for (std::size_t k = 0; k < size; ++k) {
      const std::uint64_t r = rng() % 1500;
      const auto id = static_cast<std::uint32_t>(r * r / 1500);  // low ids are more frequent
      const std::string name = letters(id);
      std::vector<std::string> affiliations;
      if (rng() % 3 != 0)
        affiliations.push_back("Dept " + std::to_string(rng() % 5) + ", Town, " +
                               countries[(id + rng() % 2) % 4]);
      authors.push_back(author(name, "A", "Anna " + name, std::move(affiliations)));
    }
    b.add(paper(std::move(authors), p % 9 == 0 ? 0 : 1990 + static_cast<int>(rng() % 30),
                static_cast<int>(rng() % 50)));
  }
  return b.finish();
}

// Co-occurrence rows are written while the pairs are counted (lanes of rows, lower parts
// transposed into place). On random corpora, under every counting, a normalisation and
// --max-authors, they must be the rows the layout from the edge list gives (Graph's
// constructor, itself tested against the one-thread scatter), and edges, rows and node
// attributes the same bits on 1, 2, 3 and 8 threads.
TEST(BuildNetwork, RowsWrittenWithThePairsAreTheEdgeListLayoutOnAnyThreadCount) {
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    const Corpus corpus = random_corpus(seed);
    for (const NetworkKind kind : {NetworkKind::coauthor, NetworkKind::paper}) {
      for (const Counting counting : {Counting::full, Counting::fractional}) {
        for (const auto& [normalization, max] :
             {std::pair{Normalization::none, 0u}, std::pair{Normalization::cosine, 30u}}) {
          SCOPED_TRACE(::testing::Message()
                       << "seed " << seed << " " << to_string(kind) << " fractional "
                       << (counting == Counting::fractional) << " max " << max);
          NetworkSpec spec{.kind = kind,
                           .counting = counting,
                           .normalization = normalization,
                           .max_entities = max,
                           .threads = 1};
          const Network one = build_network(corpus, spec);
          ASSERT_GT(one.links().size(), 100u);
          expect_same_graph(one.graph, Graph(one.nodes.size(), one.links().list(), 1));
          // The builder vouches that no pair is there twice (the writers then skip looking).
          EXPECT_TRUE(one.graph.distinct_pairs());
          for (std::uint32_t v = 0; v < one.graph.vertex_count(); ++v) {
            const auto row = one.graph.neighbours(v);
            ASSERT_TRUE(std::adjacent_find(row.begin(), row.end(), std::greater_equal<>()) ==
                        row.end())
                << v;
          }
          for (const unsigned threads : {2u, 3u, 8u}) {
            SCOPED_TRACE(threads);
            spec.threads = threads;
            const Network many = build_network(corpus, spec);
            ASSERT_EQ(many.links().size(), one.links().size());
            for (std::size_t i = 0; i < one.links().size(); ++i) {
              ASSERT_EQ(many.links()[i].source, one.links()[i].source) << i;
              ASSERT_EQ(many.links()[i].target, one.links()[i].target) << i;
              ASSERT_EQ(many.links()[i].weight, one.links()[i].weight) << i;
            }
            expect_same_graph(many.graph, one.graph);
            ASSERT_EQ(many.nodes.size(), one.nodes.size());
            for (std::size_t v = 0; v < one.nodes.size(); ++v) {
              const NodeAttributes &a = many.nodes[v], &b = one.nodes[v];
              ASSERT_EQ(a.label, b.label) << v;
              ASSERT_EQ(a.papers, b.papers) << v;
              ASSERT_EQ(a.citations, b.citations) << v;
              ASSERT_EQ(a.first_year, b.first_year) << v;
              ASSERT_EQ(a.last_year, b.last_year) << v;
              ASSERT_EQ(a.mean_year, b.mean_year) << v;
              ASSERT_EQ(a.country, b.country) << v;
            }
          }
        }
      }
    }
  }
}

// The attributes computed entity by entity on threads, against a count by hand over the
// papers: occurrences, citations, first, last and mean year, most frequent country.
TEST(BuildNetwork, EntityAttributesOnThreadsMatchACountOverThePapers) {
  const Corpus corpus = random_corpus(4);
  const Network n = build_network(corpus, {.kind = NetworkKind::coauthor, .threads = 3});
  ASSERT_EQ(n.nodes.size(), corpus.author_labels.size());
  for (std::uint32_t a = 0; a < n.nodes.size(); ++a) {
    std::uint32_t papers = 0, citations = 0, dated = 0;
    int first = 0, last = 0;
    double years = 0;
    std::vector<std::uint32_t> country_count(corpus.country_labels.size(), 0);
    for (std::uint32_t p = 0; p < corpus.papers.size(); ++p) {
      const auto authors = corpus.authors[p];
      if (std::find(authors.begin(), authors.end(), a) == authors.end()) continue;
      ++papers;
      citations += corpus.papers[p].citations;
      if (const int y = corpus.papers[p].year) {
        first = first ? std::min(first, y) : y;
        last = std::max(last, y);
        years += y;
        ++dated;
      }
      for (const std::uint32_t c : corpus.countries[p]) ++country_count[c];
    }
    const NodeAttributes& node = n.nodes[a];
    ASSERT_EQ(node.papers, papers) << a;
    ASSERT_EQ(node.citations, citations) << a;
    ASSERT_EQ(node.first_year, first) << a;
    ASSERT_EQ(node.last_year, last) << a;
    ASSERT_EQ(node.mean_year, dated ? years / dated : 0.0) << a;
    const auto most = std::max_element(country_count.begin(), country_count.end());
    ASSERT_EQ(node.country, most == country_count.end() || *most == 0
                                ? std::string()
                                : corpus.country_labels[most - country_count.begin()])
        << a;
  }
}

// small_corpus() under fractional counting: paper 1 has 3 authors, so each of its pairs
// gains 1/2; paper 2 (2 authors) adds 1 to Alderwick–Mays: 1.5.
TEST(BuildNetwork, FractionalCountingGivesEachAuthorOnePerPaper) {
  const Network n = build_network(
      small_corpus(), {.kind = NetworkKind::coauthor, .counting = Counting::fractional});
  ASSERT_EQ(n.links().size(), 3u);
  const auto hugh = find(n, "Hugh Alderwick"), mays = find(n, "Nicholas Mays"),
             sandhu = find(n, "Sahil Sandhu");
  EXPECT_DOUBLE_EQ(weight(n, hugh, mays), 1.5);
  EXPECT_DOUBLE_EQ(weight(n, hugh, sandhu), 0.5);
  EXPECT_DOUBLE_EQ(weight(n, mays, sandhu), 0.5);
}

TEST(BuildNetwork, MaxEntitiesKeepsOccurrencesButDropsLinks) {
  const BuiltNetwork b =
      build_network_with_report(small_corpus(), {.kind = NetworkKind::coauthor, .max_entities = 2});
  EXPECT_EQ(b.report.papers, 3u);
  EXPECT_EQ(b.report.papers_over_max, 1u);
  const Network& n = b.network;
  ASSERT_EQ(n.nodes.size(), 4u);
  ASSERT_EQ(n.links().size(), 1u);
  const auto hugh = find(n, "Hugh Alderwick"), sandhu = find(n, "Sahil Sandhu");
  EXPECT_EQ(weight(n, hugh, find(n, "Nicholas Mays")), 1.0);
  EXPECT_EQ(n.nodes[hugh].papers, 2u);
  EXPECT_EQ(n.nodes[sandhu].papers, 1u);
}

// Normalisations of small_corpus(): c(Hugh, Sandhu) = 1, s_Hugh = 2, s_Sandhu = 1, N = 3.
TEST(BuildNetwork, NormalizedWeights) {
  const auto value = [](Normalization norm) {
    const Network n =
        build_network(small_corpus(), {.kind = NetworkKind::coauthor, .normalization = norm});
    return weight(n, find(n, "Hugh Alderwick"), find(n, "Sahil Sandhu"));
  };
  EXPECT_DOUBLE_EQ(value(Normalization::association), 3.0 * 1 / (2 * 1));
  EXPECT_DOUBLE_EQ(value(Normalization::cosine), 1 / std::sqrt(2.0));
  EXPECT_DOUBLE_EQ(value(Normalization::jaccard), 1.0 / (2 + 1 - 1));
  EXPECT_DOUBLE_EQ(value(Normalization::inclusion), 1.0);
}

TEST(BuildNetwork, YearRangeSelectsPapersBeforeBuilding) {
  const BuiltNetwork b = build_network_with_report(
      small_corpus(), {.kind = NetworkKind::coauthor, .years = {2022, 2024}});
  EXPECT_EQ(b.report.papers_outside_years, 1u);  // Dixon 2021
  EXPECT_EQ(b.network.nodes.size(), 3u);
  EXPECT_EQ(b.network.graph.vertex_count(), 3u);
  const Network papers =
      build_network(small_corpus(), {.kind = NetworkKind::paper, .years = {2023, 0}});
  ASSERT_EQ(papers.nodes.size(), 1u);
  EXPECT_EQ(papers.nodes[0].first_year, 2024);
}

Record tagged(int year, std::vector<std::string> keywords) {
  Record r = paper({author("Mays", "N", "Nicholas Mays")}, year, 0, "K" + std::to_string(year));
  for (std::string& k : keywords) r.keywords.push_back({std::move(k), KeywordOrigin::author});
  return r;
}

// Keywords: {care, equity, policy}, {Care, equity}, {policy}: care–equity weighs 2.
TEST(BuildNetwork, KeywordCooccurrenceAndPapersLinkedByKeywords) {
  CorpusBuilder b({.keywords = KeywordSource::explicit_only});
  b.add(tagged(2020, {"care", "equity", "policy"}));
  b.add(tagged(2021, {"Care", "equity"}));
  b.add(tagged(2022, {"policy"}));
  const Corpus corpus = b.finish();
  const Network k = build_network(corpus, {NetworkKind::keyword});
  EXPECT_EQ(k.kind, "keyword");
  ASSERT_EQ(k.nodes.size(), 3u);
  ASSERT_EQ(k.links().size(), 3u);
  EXPECT_EQ(weight(k, find(k, "care"), find(k, "equity")), 2.0);
  EXPECT_EQ(weight(k, find(k, "care"), find(k, "policy")), 1.0);
  const Network p = build_network(corpus, {NetworkKind::paper, PaperLink::keywords});
  ASSERT_EQ(p.links().size(), 2u);
  EXPECT_EQ(weight(p, 0, 1), 2.0);  // care, equity
  EXPECT_EQ(weight(p, 0, 2), 1.0);  // policy
}

TEST(BuildNetwork, BipartiteAuthorPaperAndAuthorInstitution) {
  const Corpus corpus = small_corpus();
  const Network ap = build_network(corpus, {NetworkKind::author_paper});
  ASSERT_EQ(ap.nodes.size(), 4u + 3u);
  EXPECT_EQ(ap.links().size(), 3u + 2u + 1u);
  for (std::size_t v = 0; v < ap.nodes.size(); ++v) {
    EXPECT_EQ(ap.nodes[v].part, v < 4 ? 0 : 1);
    EXPECT_EQ(ap.nodes[v].kind, v < 4 ? "author" : "paper");
  }
  for (const WeightedEdge e : ap.links())
    EXPECT_NE(ap.nodes[e.source].part, ap.nodes[e.target].part);
  const Network fractional =
      build_network(corpus, {.kind = NetworkKind::author_paper, .counting = Counting::fractional});
  EXPECT_DOUBLE_EQ(weight(fractional, find(fractional, "Sahil Sandhu"), 4), 1.0 / 3);
  // Paper 1: Alderwick and Mays at LSHTM, Sandhu at Harvard (not 3 x 2 links); paper 2
  // names no institution.
  const BuiltNetwork built = build_network_with_report(corpus, {NetworkKind::author_institution});
  const Network& ai = built.network;
  EXPECT_EQ(ai.nodes.size(), 4u + 2u);  // Dixon names no institution; he stays, unlinked
  ASSERT_EQ(ai.links().size(), 3u);
  const auto lshtm = find(ai, "London School of Hygiene & Tropical Medicine"),
             harvard = find(ai, "Harvard Medical School");
  EXPECT_EQ(weight(ai, find(ai, "Hugh Alderwick"), lshtm), 1.0);
  EXPECT_EQ(weight(ai, find(ai, "Nicholas Mays"), lshtm), 1.0);
  EXPECT_EQ(weight(ai, find(ai, "Sahil Sandhu"), harvard), 1.0);
  EXPECT_EQ(ai.nodes[harvard].kind, "institution");
  EXPECT_EQ(built.report.authors_unattributed, 0u);
}

// Author-institution weights: papers at the institution (full); each author holds
// 1/authors of a paper, split over their institutions there (fractional).
//   P1 (2020): A at X and Y, B at Y, C with no affiliation (P1 names two: unattributed)
//   P2 (2021): A at X, B with no affiliation (P2 names only X: B is linked to X)
TEST(BuildNetwork, AuthorInstitutionWeightsAndUnattributedAuthors) {
  const std::string x = "University of Leeds, Leeds, UK.",
                    y = "Harvard Medical School, Boston, USA.";
  CorpusBuilder b;
  b.add(paper({author("Alderwick", "H", "Hugh Alderwick", {x, y}),
               author("Mays", "N", "Nicholas Mays", {y}), author("Dixon", "J", "Jennifer Dixon")},
              2020, 0, "P1"));
  b.add(
      paper({author("Alderwick", "H", "Hugh Alderwick", {x}), author("Mays", "N", "Nicholas Mays")},
            2021, 0, "P2"));
  const Corpus corpus = b.finish();
  BuiltNetwork built = build_network_with_report(corpus, {NetworkKind::author_institution});
  Network* n = &built.network;
  const auto edge = [&](const char* a, const char* i) {
    return weight(*n, find(*n, a), find(*n, i));
  };
  ASSERT_EQ(n->links().size(), 4u);
  EXPECT_EQ(edge("Hugh Alderwick", "University of Leeds"), 2.0);
  EXPECT_EQ(edge("Hugh Alderwick", "Harvard Medical School"), 1.0);
  EXPECT_EQ(edge("Nicholas Mays", "Harvard Medical School"), 1.0);
  EXPECT_EQ(edge("Nicholas Mays", "University of Leeds"), 1.0);
  EXPECT_EQ(edge("Jennifer Dixon", "University of Leeds"), 0.0);
  EXPECT_EQ(built.report.authors_unattributed, 1u);

  built = build_network_with_report(
      corpus, {.kind = NetworkKind::author_institution, .counting = Counting::fractional});
  n = &built.network;
  EXPECT_DOUBLE_EQ(edge("Hugh Alderwick", "University of Leeds"), 1.0 / 6 + 1.0 / 2);
  EXPECT_DOUBLE_EQ(edge("Hugh Alderwick", "Harvard Medical School"), 1.0 / 6);
  EXPECT_DOUBLE_EQ(edge("Nicholas Mays", "Harvard Medical School"), 1.0 / 3);
  EXPECT_DOUBLE_EQ(edge("Nicholas Mays", "University of Leeds"), 1.0 / 2);

  // Papers outside the years, or over --max-authors, link no one and count no one.
  built = build_network_with_report(
      corpus, {.kind = NetworkKind::author_institution, .years = {2021, 2021}});
  EXPECT_EQ(built.network.links().size(), 2u);
  EXPECT_EQ(built.report.authors_unattributed, 0u);
  built = build_network_with_report(corpus,
                                    {.kind = NetworkKind::author_institution, .max_entities = 2});
  EXPECT_EQ(built.network.links().size(), 2u);
  EXPECT_EQ(built.report.papers_over_max, 1u);
  EXPECT_EQ(built.report.authors_unattributed, 0u);
}

// The corpus of CorpusReferences.CitedWorksAndThePapersTheyAre (records_test), plus P5
// citing "Zed C" and P2: P1 → P2, P3 → P1, P3 → P4, P5 → P2.
Corpus citing_corpus() {
  const auto with = [](std::string surname, std::string title, int year, std::string doi,
                       std::string journal, std::vector<std::string> refs) {
    Record r = paper({author(surname, "A")}, year, 0, std::move(title));
    r.doi = std::move(doi);
    r.journal = std::move(journal);
    r.cited_references = std::move(refs);
    return r;
  };
  CorpusBuilder b({.references = true});
  b.add(with("Xu", "P1", 2020, "10.1/p1", "J A",
             {"Yi B, 2019, J B, V1, P1, DOI 10.1/p2", "ZED C, 2018, J C, V2, P3"}));
  b.add(with("Yi", "P2", 2019, "10.1/p2", "J B", {"Zed C., 2018, J C, V2, DOI 10.1/z"}));
  b.add(with("Wu", "P3", 2021, "10.1/p3", "J D",
             {"XU A, 2020, J A, DOI 10.1/P1", "Qi A, 2015, J Q, V5, P10"}));
  b.add(with("Qi", "P4", 2015, "", "J Q", {}));
  b.add(with("Vu", "P5", 2022, "", "J E", {"ZED C, 2018, J C", "YI B, 2019, J B, DOI 10.1/P2"}));
  return b.finish();
}

TEST(BuildNetwork, CitationArcsAmongCorpusPapers) {
  const BuiltNetwork b = build_network_with_report(citing_corpus(), {NetworkKind::citation});
  const Network& n = b.network;
  EXPECT_TRUE(n.directed);
  ASSERT_EQ(n.nodes.size(), 5u);
  ASSERT_EQ(n.links().size(), 4u);
  const std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs = {
      {0, 1}, {2, 0}, {2, 3}, {4, 1}};
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    EXPECT_EQ(n.links()[i].source, arcs[i].first);
    EXPECT_EQ(n.links()[i].target, arcs[i].second);
  }
  EXPECT_EQ(boost::num_edges(n.digraph), 4u);
  EXPECT_EQ(n.graph.edge_count(), 4u);
  EXPECT_EQ(b.report.citations_resolved, 4u);
  EXPECT_EQ(b.report.papers_with_references, 4u);  // P4 cites nothing
}

TEST(BuildNetwork, CocitationAndCoupling) {
  const Corpus corpus = citing_corpus();
  // Cited works: p2, Zed C, p1, Qi A. Co-cited: (p2, Zed) by P1 and P5; (p1, Qi) by P3.
  const Network co = build_network(corpus, {NetworkKind::cocitation});
  EXPECT_EQ(co.node_noun, "cited work");
  ASSERT_EQ(co.nodes.size(), 4u);
  ASSERT_EQ(co.links().size(), 2u);
  EXPECT_EQ(weight(co, 0, 1), 2.0);
  EXPECT_EQ(co.nodes[1].papers, 3u);  // Zed C is cited by P1, P2 and P5
  EXPECT_EQ(weight(co, 2, 3), 1.0);
  // Coupling: P1 and P5 share p2 and Zed C; P2 shares Zed C with both.
  const Network cp = build_network(corpus, {NetworkKind::coupling});
  EXPECT_EQ(cp.nodes.size(), 5u);
  ASSERT_EQ(cp.links().size(), 3u);
  EXPECT_EQ(weight(cp, 0, 4), 2.0);
  EXPECT_EQ(weight(cp, 0, 1), 1.0);
  EXPECT_EQ(weight(cp, 1, 4), 1.0);
  // Fractional coupling: Zed C has 3 citing papers (1/2 per pair), p2 has 2 (1 per pair).
  const Network fr =
      build_network(corpus, {.kind = NetworkKind::coupling, .counting = Counting::fractional});
  EXPECT_DOUBLE_EQ(weight(fr, 0, 4), 1.5);
  EXPECT_DOUBLE_EQ(weight(fr, 0, 1), 0.5);
}

TEST(BuildNetwork, CitationKindsOnACorpusWithoutReferencesAreEmpty) {
  const BuiltNetwork b = build_network_with_report(small_corpus(), {NetworkKind::cocitation});
  EXPECT_EQ(b.network.nodes.size(), 0u);
  EXPECT_EQ(b.report.papers_with_references, 0u);
}

// End to end on real exports: counts and strongest edges computed independently by
// tests/data/networks/expected_networks.py over `citenet parse --to json` output
// (tests/data/networks/expected.txt; the command is in the script).
Corpus read_corpus(const std::string& file, CorpusOptions options) {
  CorpusBuilder builder(options);
  ReadStats stats;
  std::string error;
  EXPECT_TRUE(read_input(
      std::string(CITENET_TEST_DATA) + "/corpora/" + file, [&](Record&& r) { builder.add(r); },
      stats, &error))
      << error;
  return builder.finish();
}

struct Strongest {
  std::string a, b;
  double weight = 0;
};

// The edge of highest weight; a tie goes to the pair whose sorted names come first (as in
// the script).
Strongest strongest(const Network& n, const std::function<std::string(std::uint32_t)>& name) {
  double top = 0;
  for (const WeightedEdge e : n.links()) top = std::max(top, e.weight);
  Strongest best;
  for (const WeightedEdge e : n.links()) {
    if (std::abs(e.weight - top) > 1e-9) continue;
    std::string a = name(e.source), b = name(e.target);
    if (b < a) std::swap(a, b);
    if (best.a.empty() || std::tie(a, b) < std::tie(best.a, best.b)) best = {a, b, e.weight};
  }
  return best;
}

Strongest by_label(const Network& n) {
  return strongest(n, [&](std::uint32_t v) { return n.nodes[v].label; });
}

Strongest by_id(const Network& n) {
  return strongest(n, [](std::uint32_t v) { return std::to_string(v); });
}

// Sizes (edges checked only when `edges` is given) and the strongest link "a|b" of
// `network`; `tolerance` 0 asks for the exact weight.
void expect_network(const Network& network, std::size_t nodes, std::optional<std::size_t> edges,
                    const std::string& pair, double weight, double tolerance = 0,
                    bool by_node_id = false) {
  SCOPED_TRACE(network.kind + " network, strongest " + pair);
  EXPECT_EQ(network.nodes.size(), nodes);
  if (edges) {
    EXPECT_EQ(network.links().size(), *edges);
  }
  const Strongest s = by_node_id ? by_id(network) : by_label(network);
  EXPECT_EQ(s.a + "|" + s.b, pair);
  if (tolerance == 0) {
    EXPECT_EQ(s.weight, weight);
  } else {
    EXPECT_NEAR(s.weight, weight, tolerance);
  }
}

TEST(BuildOnRealExports, MedlineKeywordsCoauthorsAndPapers) {
  const Corpus corpus =
      read_corpus("medline/pybibx-pubmed-part1.txt", {.keywords = KeywordSource::explicit_only});
  ASSERT_EQ(corpus.papers.size(), 168u);
  const auto build = [&](const NetworkSpec& spec) { return build_network(corpus, spec); };
  expect_network(build({NetworkKind::keyword}), 847, 7627, "Decision Support Techniques|Humans",
                 79);
  expect_network(build({.kind = NetworkKind::keyword, .counting = Counting::fractional}), 847,
                 std::nullopt, "Decision Support Techniques|Humans", 8.34009, 1e-5);
  expect_network(build({NetworkKind::paper, PaperLink::keywords}), 168, 9133, "56|75", 8, 0, true);
  expect_network(build({.kind = NetworkKind::coauthor, .counting = Counting::fractional}), 923,
                 4468, "Bakhtiar Feizizadeh|Thomas Blaschke", 1.5, 1e-12);
  expect_network(build({NetworkKind::coauthor}), 923, 4468, "Mireille M Goetghebeur|Monika Wagner",
                 4);
  expect_network(build({NetworkKind::institution}), 520, 2429,
                 "Mahidol University|University of Sheffield", 3);
  expect_network(build({NetworkKind::country}), 50, 222, "Canada|United Kingdom", 12);

  const Network author_paper = build({NetworkKind::author_paper});
  EXPECT_EQ(author_paper.nodes.size(), 923u + 168u);
  EXPECT_EQ(author_paper.links().size(), 1043u);

  // Each author to the institutions of their own AD lines (every author to every institution
  // of the paper would make 6681 links).
  const BuiltNetwork built = build_network_with_report(corpus, {NetworkKind::author_institution});
  EXPECT_EQ(built.report.authors_unattributed, 9u);
  expect_network(built.network, 1443, 1069,
                 "Gdańsk University of Technology (GUT)|Marek Tobiszewski", 5);
  expect_network(build({.kind = NetworkKind::author_institution, .counting = Counting::fractional}),
                 1443, std::nullopt, "Gdańsk University of Technology (GUT)|Marek Tobiszewski",
                 1.58333, 1e-5);
}

struct CitationExpectation {
  const char* file;
  std::size_t papers, arcs;
  std::pair<std::uint32_t, std::uint32_t> first_arc;
  std::size_t works, cocitation_edges;
  const char* cocited_a;
  const char* cocited_b;
  double cocitation_weight;
  std::size_t coupling_edges;
  const char* coupled;  // "a|b" as paper ids
  double coupling_weight;
  const char* coupled_fractional;
  double coupling_fractional_weight;
  std::uint32_t cocitation_max = 0;  // NetworkSpec::max_entities of the co-citation network
};

class CitationNetworks : public testing::TestWithParam<CitationExpectation> {};

TEST_P(CitationNetworks, MatchTheIndependentCounts) {
  const CitationExpectation& x = GetParam();
  const Corpus corpus = read_corpus(x.file, {.references = true});
  ASSERT_EQ(corpus.papers.size(), x.papers);
  const BuiltNetwork citation = build_network_with_report(corpus, {NetworkKind::citation});
  EXPECT_EQ(citation.network.nodes.size(), x.papers);
  ASSERT_EQ(citation.network.links().size(), x.arcs);
  EXPECT_EQ(citation.network.links()[0].source, x.first_arc.first);
  EXPECT_EQ(citation.network.links()[0].target, x.first_arc.second);
  EXPECT_EQ(citation.report.citations_resolved, x.arcs);
  EXPECT_EQ(boost::num_edges(citation.network.digraph), x.arcs);

  const BuiltNetwork co = build_network_with_report(
      corpus, {.kind = NetworkKind::cocitation, .max_entities = x.cocitation_max});
  const Network& cocitation = co.network;
  EXPECT_EQ(co.report.papers_over_max, x.cocitation_max ? 88u : 0u);
  EXPECT_EQ(cocitation.nodes.size(), x.works);
  EXPECT_EQ(cocitation.links().size(), x.cocitation_edges);
  Strongest s = by_label(cocitation);
  EXPECT_EQ(s.a, x.cocited_a);
  EXPECT_EQ(s.b, x.cocited_b);
  EXPECT_EQ(s.weight, x.cocitation_weight);

  const Network coupling = build_network(corpus, {NetworkKind::coupling});
  EXPECT_EQ(coupling.nodes.size(), x.papers);
  EXPECT_EQ(coupling.links().size(), x.coupling_edges);
  s = by_id(coupling);
  EXPECT_EQ(s.a + "|" + s.b, x.coupled);
  EXPECT_EQ(s.weight, x.coupling_weight);
  s = by_id(
      build_network(corpus, {.kind = NetworkKind::coupling, .counting = Counting::fractional}));
  EXPECT_EQ(s.a + "|" + s.b, x.coupled_fractional);
  EXPECT_NEAR(s.weight, x.coupling_fractional_weight, 1e-2);
}

INSTANTIATE_TEST_SUITE_P(
    WosAndBibtex, CitationNetworks,
    testing::Values(
        // 34 records, 33 papers: two records with one DOI but different UTs stay apart.
        CitationExpectation{"wos/metaknowledge-testFile.isi",
                            33,
                            25,
                            {2, 8},
                            499,
                            13183,
                            "GOOS F, 1947, ANN PHYS-BERLIN, V1, P333",
                            "LEVY Y, 1975, OPT COMMUN, V13, P43, DOI 10.1016/0030-4018(75)90153-4",
                            15,
                            331,
                            "24|26",
                            18,
                            "24|26",
                            9.61667},
        // Co-citation under --max-authors 100 (88 papers cite more): 365,781 links rather
        // than 4.5 million, which would dominate a Debug test run.
        CitationExpectation{
            "wos/metaknowledge-ManyAuthors.isi",
            500,
            722,
            {0, 6},
            26639,
            365781,
            "Khan NE, 2004, NEW ENGL J MED, V350, P21, DOI 10.1056/NEJMoa031282",
            "Puskas JD, 2004, JAMA-J AM MED ASSOC, V291, P1841, DOI 10.1001/jama.291.15.1841",
            23,
            8356,
            "107|84",
            1232,
            "232|50",
            1002.27,
            100},
        CitationExpectation{
            "bibtex/pybibx-wos_m.bib",
            29,
            46,
            {0, 1},
            773,
            25008,
            "HARKER PT, 1987, MATH MODELLING, V9, P353, DOI 10.1016/0270-0255(87)90492-1.",
            "HARKER PT, 1987, MATH MODELLING, V9, P837, DOI 10.1016/0270-0255(87)90503-3.",
            13,
            316,
            "0|3",
            15,
            "6|7",
            7.44504}));

}  // namespace
}  // namespace citenet
