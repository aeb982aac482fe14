// Counting and normalisation on the worked example of docs/networks.md.
#include <gtest/gtest.h>

#include <cmath>

#include "graph/build.h"
#include "graph/weights.h"

namespace citenet {
namespace {

// The example of docs/networks.md ("Counting and normalisation"): four papers,
//   P1: A B C    P2: A B    P3: A C D    P4: B
// N = 4; occurrences s_A = 3, s_B = 3, s_C = 2, s_D = 1.
//
//        A ── B        full counts: AB 2, AC 2, BC 1, AD 1, CD 1
//        │ ╲  │
//        D ─ C
Corpus example() {
  const auto a = [](std::string surname) {
    Author x;
    x.surname = surname;
    x.given = "Ann";
    x.initials = "A";
    x.full_name = "Ann " + surname;
    x.as_printed = surname + " A";
    return x;
  };
  const auto paper = [](std::vector<Author> authors, std::string title) {
    Record r;
    r.authors = std::move(authors);
    r.title = std::move(title);
    r.year = 2020;
    return r;
  };
  CorpusBuilder b;
  b.add(paper({a("Alpha"), a("Beta"), a("Gamma")}, "P1"));
  b.add(paper({a("Alpha"), a("Beta")}, "P2"));
  b.add(paper({a("Alpha"), a("Gamma"), a("Delta")}, "P3"));
  b.add(paper({a("Beta")}, "P4"));
  return b.finish();
}

double weight(const Network& n, const std::string& x, const std::string& y) {
  std::uint32_t i = 0, j = 0;
  for (std::uint32_t v = 0; v < n.nodes.size(); ++v) {
    if (n.nodes[v].label == x) i = v;
    if (n.nodes[v].label == y) j = v;
  }
  for (const WeightedEdge e : n.links())
    if ((e.source == i && e.target == j) || (e.source == j && e.target == i)) return e.weight;
  return 0;
}

Network example_network(Counting counting, Normalization normalization) {
  return build_network(
      example(),
      {.kind = NetworkKind::coauthor, .counting = counting, .normalization = normalization});
}

TEST(Weights, NamesRoundTrip) {
  for (const char* name : {"full", "fractional"}) EXPECT_EQ(to_string(*parse_counting(name)), name);
  for (const char* name : {"none", "association", "cosine", "jaccard", "inclusion"})
    EXPECT_EQ(to_string(*parse_normalization(name)), name);
  EXPECT_FALSE(parse_counting("fractionalized").has_value());
  EXPECT_FALSE(parse_normalization("salton").has_value());
}

TEST(Weights, PairWeight) {
  EXPECT_EQ(pair_weight(Counting::full, 5), 1.0);
  EXPECT_EQ(pair_weight(Counting::fractional, 2), 1.0);
  EXPECT_DOUBLE_EQ(pair_weight(Counting::fractional, 5), 0.25);
}

TEST(Weights, FullAndFractionalCountsOfTheExample) {
  const Network full = example_network(Counting::full, Normalization::none);
  ASSERT_EQ(full.links().size(), 5u);
  EXPECT_EQ(weight(full, "Ann Alpha", "Ann Beta"), 2.0);
  EXPECT_EQ(weight(full, "Ann Alpha", "Ann Gamma"), 2.0);
  EXPECT_EQ(weight(full, "Ann Beta", "Ann Gamma"), 1.0);
  // Fractional: P1 and P3 (3 authors) add 1/2 per pair, P2 (2 authors) adds 1.
  const Network frac = example_network(Counting::fractional, Normalization::none);
  EXPECT_DOUBLE_EQ(weight(frac, "Ann Alpha", "Ann Beta"), 1.5);
  EXPECT_DOUBLE_EQ(weight(frac, "Ann Alpha", "Ann Gamma"), 1.0);
  EXPECT_DOUBLE_EQ(weight(frac, "Ann Beta", "Ann Gamma"), 0.5);
  EXPECT_DOUBLE_EQ(weight(frac, "Ann Gamma", "Ann Delta"), 0.5);
  // Each author's total link strength is the number of co-authored papers it signed.
  double alpha = 0;
  for (const char* other : {"Ann Beta", "Ann Gamma", "Ann Delta"})
    alpha += weight(frac, "Ann Alpha", other);
  EXPECT_DOUBLE_EQ(alpha, 3.0);
}

// The table of docs/networks.md: A–B (c 2, s 3, 3), A–C (c 2, s 3, 2), C–D (c 1, s 2, 1).
TEST(Weights, AssociationStrength) {
  const Network n = example_network(Counting::full, Normalization::association);
  EXPECT_NEAR(weight(n, "Ann Alpha", "Ann Beta"), 4.0 * 2 / 9, 1e-12);   // 0.8889
  EXPECT_NEAR(weight(n, "Ann Alpha", "Ann Gamma"), 4.0 * 2 / 6, 1e-12);  // 1.3333
  EXPECT_NEAR(weight(n, "Ann Gamma", "Ann Delta"), 4.0 * 1 / 2, 1e-12);  // 2
  EXPECT_NEAR(normalized_weight(Normalization::association, 2, 3, 3, 4), 0.888889, 1e-6);
}

TEST(Weights, Cosine) {
  const Network n = example_network(Counting::full, Normalization::cosine);
  EXPECT_NEAR(weight(n, "Ann Alpha", "Ann Beta"), 0.666667, 1e-6);
  EXPECT_NEAR(weight(n, "Ann Alpha", "Ann Gamma"), 0.816497, 1e-6);
  EXPECT_NEAR(weight(n, "Ann Gamma", "Ann Delta"), 0.707107, 1e-6);
}

TEST(Weights, Jaccard) {
  const Network n = example_network(Counting::full, Normalization::jaccard);
  EXPECT_NEAR(weight(n, "Ann Alpha", "Ann Beta"), 0.5, 1e-12);
  EXPECT_NEAR(weight(n, "Ann Alpha", "Ann Gamma"), 2.0 / 3, 1e-12);
  EXPECT_NEAR(weight(n, "Ann Gamma", "Ann Delta"), 0.5, 1e-12);
}

TEST(Weights, Inclusion) {
  const Network n = example_network(Counting::full, Normalization::inclusion);
  EXPECT_NEAR(weight(n, "Ann Alpha", "Ann Beta"), 2.0 / 3, 1e-12);
  EXPECT_NEAR(weight(n, "Ann Alpha", "Ann Gamma"), 1.0, 1e-12);
  EXPECT_NEAR(weight(n, "Ann Gamma", "Ann Delta"), 1.0, 1e-12);
}

TEST(Weights, ZeroDenominatorsGiveZero) {
  EXPECT_EQ(normalized_weight(Normalization::association, 1, 0, 3, 4), 0.0);
  EXPECT_EQ(normalized_weight(Normalization::cosine, 1, 0, 3, 4), 0.0);
  EXPECT_EQ(normalized_weight(Normalization::none, 1.5, 0, 0, 0), 1.5);
}

}  // namespace
}  // namespace citenet
