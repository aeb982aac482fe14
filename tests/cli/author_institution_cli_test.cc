// End-to-end: the author–institution network links each author to the institutions they
// are affiliated with on a paper, never to a co-author's; the fallback to a paper's only
// institution; the count of authors left unlinked on stderr.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_test_support.h"

namespace {

using namespace citenet::cli_testing;

struct Link {
  std::string author, institution;
  double weight = 0;
};

class AuthorInstitutionCli : public CliFixture {
 protected:
  // Every link of `citenet map INPUT --network author-institution ARGS -o edges.csv`
  // (authors are part 0, so the source of each link).
  std::vector<Link> edges(const std::string& input, const std::string& args = "") {
    last_ = run("map " + input + " --network author-institution " + args + " -o edges.csv");
    EXPECT_EQ(last_.status, 0) << last_.err;
    std::vector<Link> out;
    std::istringstream csv(slurp(file("edges.csv")));
    std::string line;
    std::getline(csv, line);  // header
    while (std::getline(csv, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      // source,target,source_label,target_label,weight; RFC 4180 quoting
      std::vector<std::string> f(1);
      bool quoted = false;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (quoted && line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"')
          f.back() += line[++i];
        else if (line[i] == '"')
          quoted = !quoted;
        else if (line[i] == ',' && !quoted)
          f.emplace_back();
        else
          f.back() += line[i];
      }
      EXPECT_EQ(f.size(), 5u) << line;
      if (f.size() == 5) out.push_back({f[2], f[3], std::stod(f[4])});
    }
    return out;
  }
  // The same as "Author — Institution weight" lines.
  std::set<std::string> links(const std::string& input, const std::string& args = "") {
    std::set<std::string> out;
    for (const Link& l : edges(input, args)) {
      std::ostringstream weight;
      weight << l.weight;
      out.insert(l.author + " — " + l.institution + " " + weight.str());
    }
    return out;
  }
  RunResult last_;
};

// PubMed prints each author's affiliations (AD) after their name (FAU/AU).
TEST_F(AuthorInstitutionCli, MedlineAdLinesGoToTheirAuthor) {
  write("pubmed.nbib",
        "PMID- 90000001\n"
        "TI  - Cross-sector collaboration to reduce health inequalities.\n"
        "DP  - 2023 Mar\n"
        "FAU - Alderwick, Hugh\n"
        "AU  - Alderwick H\n"
        "AD  - Department of Health Services Research and Policy, London School of Hygiene &\n"
        "      Tropical Medicine, London, UK.\n"
        "FAU - Mays, Nicholas\n"
        "AU  - Mays N\n"
        "AD  - Department of Health Services Research and Policy, London School of Hygiene &\n"
        "      Tropical Medicine, London, UK.\n"
        "AD  - Harvard Medical School, Boston, MA, USA.\n"
        "FAU - Sandhu, Sahil\n"
        "AU  - Sandhu S\n"
        "AD  - Harvard Medical School, Boston, MA, USA.\n"
        "\n");
  EXPECT_EQ(
      links("pubmed.nbib"),
      (std::set<std::string>{"Hugh Alderwick — London School of Hygiene & Tropical Medicine 1",
                             "Nicholas Mays — London School of Hygiene & Tropical Medicine 1",
                             "Nicholas Mays — Harvard Medical School 1",
                             "Sahil Sandhu — Harvard Medical School 1"}));
  EXPECT_EQ(last_.err.find("author-institution:"), std::string::npos) << last_.err;
  // Fractional: each author holds a third of the paper, Mays's split over two institutions.
  EXPECT_EQ(links("pubmed.nbib", "--counting fractional"),
            (std::set<std::string>{
                "Hugh Alderwick — London School of Hygiene & Tropical Medicine 0.333333",
                "Nicholas Mays — London School of Hygiene & Tropical Medicine 0.166667",
                "Nicholas Mays — Harvard Medical School 0.166667",
                "Sahil Sandhu — Harvard Medical School 0.333333"}));
}

// Web of Science C1 lines name their authors in brackets; an author named in none is left
// unlinked when the record names two institutions.
TEST_F(AuthorInstitutionCli, WosC1NamesGoToTheirAuthors) {
  write("savedrecs.txt",
        "FN Clarivate Analytics Web of Science\n"
        "VR 1.0\n"
        "PT J\n"
        "AU Alderwick, H\n"
        "   Mays, N\n"
        "   Sandhu, S\n"
        "   Dixon, J\n"
        "AF Alderwick, Hugh\n"
        "   Mays, Nicholas\n"
        "   Sandhu, Sahil\n"
        "   Dixon, Jennifer\n"
        "TI Cross-sector collaboration to reduce health inequalities\n"
        "SO BMC PUBLIC HEALTH\n"
        "C1 [Alderwick, Hugh; Mays, Nicholas] London Sch Hyg & Trop Med, Dept Hlth Serv Res & "
        "Policy, London, England.\n"
        "   [Sandhu, Sahil] Harvard Med Sch, Boston, MA USA.\n"
        "PY 2023\n"
        "UT WOS:000000000000001\n"
        "ER\n"
        "\n"
        "EF\n");
  EXPECT_EQ(links("savedrecs.txt"),
            (std::set<std::string>{"Hugh Alderwick — London Sch Hyg & Trop Med 1",
                                   "Nicholas Mays — London Sch Hyg & Trop Med 1",
                                   "Sahil Sandhu — Harvard Med Sch 1"}));
  EXPECT_NE(last_.err.find("\nauthor-institution: 1 author slot had no institution of its own "
                           "and was left unlinked\n"),
            std::string::npos)
      << last_.err;
}

// RIS addresses (AD) are the record's: with one institution every author is linked to it;
// with two no author is, and the run says how many were left out.
TEST_F(AuthorInstitutionCli, RecordAddressesFallBackOnlyToASingleInstitution) {
  write("export.ris",
        "TY  - JOUR\n"
        "AU  - Alderwick, Hugh\n"
        "AU  - Mays, Nicholas\n"
        "AU  - Sandhu, Sahil\n"
        "AD  - London School of Hygiene & Tropical Medicine, London, UK\n"
        "TI  - One institution\n"
        "PY  - 2023\n"
        "ER  - \n"
        "\n"
        "TY  - JOUR\n"
        "AU  - Alderwick, Hugh\n"
        "AU  - Mays, Nicholas\n"
        "AU  - Sandhu, Sahil\n"
        "AD  - London School of Hygiene & Tropical Medicine, London, UK\n"
        "AD  - Harvard Medical School, Boston, MA, USA\n"
        "TI  - Two institutions\n"
        "PY  - 2024\n"
        "ER  - \n");
  EXPECT_EQ(
      links("export.ris"),
      (std::set<std::string>{"Hugh Alderwick — London School of Hygiene & Tropical Medicine 1",
                             "Nicholas Mays — London School of Hygiene & Tropical Medicine 1",
                             "Sahil Sandhu — London School of Hygiene & Tropical Medicine 1"}));
  EXPECT_NE(last_.err.find("\nauthor-institution: 3 author slots had no institution of their "
                           "own and were left unlinked\n"),
            std::string::npos)
      << last_.err;
  // The line belongs to this network only.
  const RunResult coauthor = run("stats export.ris --network coauthor --top 1");
  ASSERT_EQ(coauthor.status, 0) << coauthor.err;
  EXPECT_EQ(coauthor.err.find("author-institution:"), std::string::npos) << coauthor.err;
}

// A real PubMed export. Expected values computed without citenet's corpus and graph code:
// which author each AD line belongs to is read from the raw MEDLINE file; only the person ids
// and the institution extracted from each AD text come from `citenet parse`. By
//   ./build/citenet parse tests/data/corpora/medline/pybibx-pubmed-part1.txt --to json
//       > /tmp/pybibx-pubmed-part1.json   (and the other files named in the script)
//   python3 tests/data/networks/expected_networks.py /tmp
// (tests/data/networks/expected.txt, "pybibx-pubmed-part1 author-institution" lines).
TEST_F(AuthorInstitutionCli, PubmedExportMatchesTheReference) {
  const std::string input =
      "'" + std::string(CITENET_TEST_DATA) + "/corpora/medline/pybibx-pubmed-part1.txt'";
  const RunResult r =
      run("map " + input + " --network author-institution -o ai.json --community none");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto json = nlohmann::json::parse(slurp(file("ai.json")));
  EXPECT_EQ(json["nodes"].size(), 1443u);
  EXPECT_EQ(json["links"].size(), 1069u);
  EXPECT_NE(r.err.find("\nauthor-institution: 9 author slots had no institution of their own "
                       "and were left unlinked\n"),
            std::string::npos)
      << r.err;
  const std::vector<Link> all = edges(input);
  double top = 0;
  for (const Link& l : all) top = std::max(top, l.weight);
  EXPECT_EQ(top, 5.0);
  std::vector<std::string> strongest;
  for (const Link& l : all)
    if (l.weight == top) strongest.push_back(l.author + " — " + l.institution);
  std::sort(strongest.begin(), strongest.end());
  EXPECT_EQ(strongest, (std::vector<std::string>{
                           "Igor Linkov — US Army Engineer Research and Development Center",
                           "Marek Tobiszewski — Gdańsk University of Technology (GUT)",
                           "Praveen Thokala — University of Sheffield"}));
}

}  // namespace
