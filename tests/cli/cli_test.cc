// End-to-end tests: the citenet binary run as a user would, on the real sample and on bad
// input. Outputs go to a fresh temporary directory per test.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include "cli_test_support.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

using namespace citenet::cli_testing;

class CliTest : public CliFixture {};

bool xmllint_accepts(const fs::path& path) {
  const std::string command = "xmllint --noout '" + path.string() + "' 2>/dev/null";
  return std::system(command.c_str()) == 0;
}

TEST_F(CliTest, VersionAndHelp) {
  RunResult r = run("--version");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("citenet ", 0), 0u);
  for (const char* command : {"map", "stats", "parse"}) {
    r = run(std::string(command) + " --help");
    EXPECT_EQ(r.status, 0) << command;
    EXPECT_NE(r.out.find(std::string("citenet ") + command + " INPUT..."), std::string::npos)
        << command;
    EXPECT_NE(r.out.find("--strict"), std::string::npos) << command;
  }
  r = run("--help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("map"), std::string::npos);
}

TEST_F(CliTest, MapWritesSvgDotAndGraphmlInOneRun) {
  const RunResult r =
      run("map '" + kListing + "' --network coauthor -o a.svg -o a.dot -o a.graphml");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("15 records read, 0 skipped"), std::string::npos) << r.err;
  EXPECT_TRUE(xmllint_accepts(file("a.svg")));
  EXPECT_TRUE(xmllint_accepts(file("a.graphml")));
  const std::string dot = slurp(file("a.dot"));
  EXPECT_NE(dot.find("graph"), std::string::npos);
  EXPECT_NE(dot.find("Hugh Alderwick"), std::string::npos);
  EXPECT_NE(slurp(file("a.svg")).find("Nicholas Mays"), std::string::npos);
  EXPECT_EQ(listing(), (std::vector<std::string>{"a.dot", "a.graphml", "a.svg"}));
}

TEST_F(CliTest, EveryNetworkKindMaps) {
  for (const char* kind : {"coauthor", "institution", "country", "paper"}) {
    const RunResult r = run("map '" + kListing + "' --network " + kind + " -o m.svg -o m.graphml");
    ASSERT_EQ(r.status, 0) << kind << ": " << r.err;
    EXPECT_TRUE(xmllint_accepts(file("m.svg"))) << kind;
    EXPECT_TRUE(xmllint_accepts(file("m.graphml"))) << kind;
  }
  const RunResult r =
      run("map '" + kListing + "' --network paper --link institutions -o p.graphml");
  EXPECT_EQ(r.status, 0) << r.err;
}

// --bipartite names the two-kind variant of a network: the same file as the kind itself.
TEST_F(CliTest, BipartiteIsTheTwoKindVariant) {
  for (const auto& [one, two] :
       {std::pair{"coauthor", "author-paper"}, std::pair{"institution", "author-institution"}}) {
    ASSERT_EQ(run("map '" + kListing + "' --network " + one + " --bipartite -o a.graphml").status,
              0);
    ASSERT_EQ(run("map '" + kListing + "' --network " + two + " -o b.graphml").status, 0);
    EXPECT_EQ(slurp(file("a.graphml")), slurp(file("b.graphml"))) << one;
    EXPECT_NE(slurp(file("a.graphml")).find("<data key=\"part\">1</data>"), std::string::npos);
  }
  const RunResult r = run("map '" + kListing + "' --network keyword --bipartite -o k.graphml");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            "citenet: --bipartite: --network keyword has no two-kind variant (coauthor gives "
            "authors and papers, institution authors and institutions)\n");
}

TEST_F(CliTest, SameInputAndSeedGiveIdenticalFiles) {
  // The same id prefix, or the file names would differ in every id.
  ASSERT_EQ(run("map '" + kListing + "' -o 1.svg -o 1.graphml --seed 7 --id-prefix m_").status, 0);
  ASSERT_EQ(run("map '" + kListing + "' -o 2.svg -o 2.graphml --seed 7 --id-prefix m_").status, 0);
  EXPECT_EQ(slurp(file("1.svg")), slurp(file("2.svg")));
  EXPECT_EQ(slurp(file("1.graphml")), slurp(file("2.graphml")));
}

TEST_F(CliTest, StatsPrintsSizeComponentsModularityAndTopTables) {
  const RunResult r = run("stats '" + kListing + "' --network coauthor --top 3");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("coauthor network of 15 papers"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("modularity"), std::string::npos);
  EXPECT_NE(r.out.find("Top 3 by betweenness"), std::string::npos);
  EXPECT_NE(r.out.find("Top 3 by degree"), std::string::npos);
  // Alderwick wrote five of the fifteen papers: first by papers.
  const std::size_t table = r.out.find("Top 3 by papers");
  ASSERT_NE(table, std::string::npos);
  EXPECT_NE(r.out.find("Hugh Alderwick", table), std::string::npos);
}

// stats writes what it printed, whole: every node's metrics and every link's weight.
TEST_F(CliTest, StatsWritesNodeAndEdgeTablesAndMetricsJson) {
  const RunResult r =
      run("stats '" + kListing + "' --network coauthor -o nodes.csv -o edges.csv -o metrics.json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Top 10 by degree"), std::string::npos);
  EXPECT_NE(r.err.find("wrote metrics.json"), std::string::npos) << r.err;
  const auto json = nlohmann::json::parse(slurp(file("metrics.json")));
  EXPECT_EQ(json["nodes"].size(), 42u);  // the listing's 42 authors, 70 links
  EXPECT_EQ(json["links"].size(), 70u);
  EXPECT_EQ(json["graph"]["seed"], 42);
  EXPECT_TRUE(json["nodes"][0].contains("pagerank"));
  EXPECT_TRUE(json["nodes"][0].contains("betweenness"));
  const std::string nodes = slurp(file("nodes.csv"));
  EXPECT_EQ(std::count(nodes.begin(), nodes.end(), '\n'), 43);  // header + 42
  EXPECT_NE(nodes.find("\r\n0,Hugh Alderwick,5,31,"), std::string::npos) << nodes.substr(0, 300);
  const std::string edges = slurp(file("edges.csv"));
  EXPECT_EQ(std::count(edges.begin(), edges.end(), '\n'), 71);
  EXPECT_EQ(listing(), (std::vector<std::string>{"edges.csv", "metrics.json", "nodes.csv"}));
}

TEST_F(CliTest, StatsRefusesDrawingsBeforeReading) {
  const RunResult r = run("stats '" + kListing + "' -o m.svg");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err,
            "citenet stats: m.svg: stats writes no drawings (use citenet map, or .graphml, "
            ".gexf, .json, .net (Pajek), .csv (nodes; edges when the name says edges), .map.txt "
            "and .network.txt (VOSviewer))\n");
  EXPECT_TRUE(listing().empty());
}

TEST_F(CliTest, ParseJsonShowsNormalisedRecords) {
  const RunResult r = run("parse '" + kListing + "' --to json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto records = nlohmann::json::parse(r.out);
  ASSERT_EQ(records.size(), 15u);
  EXPECT_EQ(records[0]["pmid"], "39334058");
  EXPECT_EQ(records[0]["authors"][0]["label"], "Hugh Alderwick");
  EXPECT_EQ(records[13]["authors"][0]["as_printed"], "Alderwick H");
  EXPECT_EQ(records[13]["authors"][0]["label"], "Hugh Alderwick");
  EXPECT_EQ(records[11]["authors"][1]["label"], "Hugh Alderwick");
  EXPECT_EQ(records[11]["authors"][0]["affiliations"][0]["country"], "United States");
  EXPECT_TRUE(records[6]["authors"].empty());
}

TEST_F(CliTest, ParseCsvHasOneRowPerRecordAndWritesAtomically) {
  const RunResult r = run("parse '" + kListing + "' --to csv -o records.csv");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string csv = slurp(file("records.csv"));
  EXPECT_EQ(csv.rfind("source,line,format,number,paper,duplicate,authors,title", 0), 0u);
  // Header plus fifteen records; abstracts hold no line breaks in this sample.
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 16);
  EXPECT_EQ(listing(), std::vector<std::string>{"records.csv"});
}

TEST_F(CliTest, MissingFileIsOneLineAndFailure) {
  const RunResult r = run("map nope.txt -o a.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "nope.txt: no such file\n");
  EXPECT_EQ(listing(), std::vector<std::string>{});
}

TEST_F(CliTest, DirectoryInputIsRejected) {
  fs::create_directory(file("d"));
  const RunResult r = run("stats d");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "d: is a directory, not a record file\n");
}

TEST_F(CliTest, EmptyFileIsRejected) {
  write("empty.txt", "");
  const RunResult r = run("parse empty.txt");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "empty.txt: empty file, no records\n");
  EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, UnknownFormatIsRejected) {
  write("notes.txt", "shopping list\neggs\nmilk\n");
  const RunResult r = run("stats notes.txt");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.rfind("notes.txt:1: not a known record format", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

TEST_F(CliTest, UnknownOptionIsAUsageError) {
  const RunResult r = run("map '" + kListing + "' --colour red -o a.svg");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("citenet map: unrecognised option '--colour'"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

TEST_F(CliTest, UnknownOutputTypeFailsBeforeReading) {
  const RunResult r = run("map '" + kListing + "' -o a.svg -o a.xlsx");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.rfind("citenet map: a.xlsx: unknown output type (use .svg,", 0), 0u) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
  EXPECT_EQ(listing(), std::vector<std::string>{});
}

TEST_F(CliTest, UnknownNetworkIsAUsageError) {
  const RunResult r = run("stats '" + kListing + "' --network citations");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(
      r.err,
      "citenet: unknown --network 'citations' (choose coauthor, institution, country, "
      "keyword, paper, citation, cocitation, coupling, author-paper or author-institution)\n");
}

TEST_F(CliTest, TruncatedRecordIsSkippedWithWarningAndCounted) {
  std::string text = slurp(kListing);
  // Keep the first record whole and cut the second in the middle of its citation line.
  const std::size_t second = text.find("\n2\n|\n");
  ASSERT_NE(second, std::string::npos);
  write("cut.txt", text.substr(0, second + 5) + "Withers K, Pardy K. A long way");
  const RunResult r = run("stats cut.txt");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("cut.txt:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 records read, 1 skipped"), std::string::npos) << r.err;
  const RunResult strict = run("stats cut.txt --strict");
  EXPECT_EQ(strict.status, 1);
}

// The sample listing with one byte that is not UTF-8 in its first record's title.
void listing_with_an_invalid_byte(std::string* text) {
  *text = slurp(kListing);
  const std::size_t title = text->find("Cross-sector collaboration");
  ASSERT_NE(title, std::string::npos);
  text->replace(title, 5, "Cr\xFFss");
}

TEST_F(CliTest, InvalidUtf8IsReportedAndReplaced) {
  std::string text;
  ASSERT_NO_FATAL_FAILURE(listing_with_an_invalid_byte(&text));
  write("bad-bytes.txt", text);
  const RunResult r = run("parse bad-bytes.txt --to json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("warning: bad-bytes.txt:1: invalid UTF-8 replaced by U+FFFD"),
            std::string::npos)
      << r.err;
  const auto records = nlohmann::json::parse(r.out);
  EXPECT_EQ(records[0]["title"].get<std::string>().substr(0, 7), "Cr\xEF\xBF\xBDss");
}

// -q leaves out what is said about single records, not what the run did: the totals, the
// network and every file written are still reported.
TEST_F(CliTest, QuietLeavesOutRecordWarningsNotTheTotals) {
  std::string text;
  ASSERT_NO_FATAL_FAILURE(listing_with_an_invalid_byte(&text));
  write("bad-bytes.txt", text);
  const RunResult loud = run("map bad-bytes.txt --network coauthor -o loud.csv");
  ASSERT_EQ(loud.status, 0) << loud.err;
  EXPECT_NE(loud.err.find("warning: bad-bytes.txt:1:"), std::string::npos) << loud.err;
  const RunResult quiet = run("map bad-bytes.txt --network coauthor -o quiet.csv -q");
  ASSERT_EQ(quiet.status, 0) << quiet.err;
  EXPECT_EQ(quiet.err.find("warning:"), std::string::npos) << quiet.err;
  EXPECT_NE(quiet.err.find("15 records read, 0 skipped"), std::string::npos) << quiet.err;
  EXPECT_NE(quiet.err.find("coauthor network: 42 author nodes, 70 links"), std::string::npos)
      << quiet.err;
  EXPECT_NE(quiet.err.find("wrote quiet.csv"), std::string::npos) << quiet.err;
  EXPECT_EQ(slurp(file("quiet.csv")), slurp(file("loud.csv")));
}

// The same paper exported by PubMed (MEDLINE) and by Web of Science is one paper, and the
// merged paper keeps what each source knew.
TEST_F(CliTest, MedlineAndWosSharingAPaperAreMerged) {
  const std::string data = CITENET_TEST_DATA;
  const std::string inputs =
      "'" + data + "/corpora/medline/pybibx-pubmed-part1.txt' '" + data + "/merge/wos-overlap.isi'";
  const RunResult r = run("parse " + inputs + " --to json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("170 records read, 0 skipped, 1 merged as duplicates (169 papers)"),
            std::string::npos)
      << r.err;
  const auto records = nlohmann::json::parse(r.out);
  ASSERT_EQ(records.size(), 170u);
  EXPECT_EQ(records[0]["format"], "medline");
  EXPECT_EQ(records[168]["format"], "wos");
  EXPECT_EQ(records[168]["paper"], records[0]["paper"]);
  EXPECT_TRUE(records[168]["duplicate"].get<bool>());
  EXPECT_FALSE(records[169]["duplicate"].get<bool>());
  // Full names from both sources meet at one person per author.
  EXPECT_EQ(records[168]["authors"][0]["label"], records[0]["authors"][0]["label"]);

  const RunResult kept = run("stats " + inputs + " --keep-duplicates --top 1");
  EXPECT_NE(kept.err.find("170 records read, 0 skipped, 0 merged as duplicates (170 papers)"),
            std::string::npos)
      << kept.err;
}

// The merge table is an audit and a thesaurus: fed back it reproduces the same people,
// and an edited row overrides the ladder.
TEST_F(CliTest, AuthorMergeTableRoundTripsAsThesaurus) {
  RunResult r = run("parse '" + kListing + "' --author-merges merges.csv");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string table = slurp(file("merges.csv"));
  EXPECT_EQ(table.rfind("key,label,forms,evidence,records\n", 0), 0u);
  EXPECT_NE(
      table.find("\"alderwick, hugh\",Hugh Alderwick,Alderwick H;Hugh Alderwick;ALDERWICK HUGH,"
                 "full name;unique full name,0;2;10;11;13\n"),
      std::string::npos)
      << table;
  const auto before = nlohmann::json::parse(r.out);

  r = run("parse '" + kListing + "' --thesaurus merges.csv");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto again = nlohmann::json::parse(r.out);
  for (std::size_t i = 0; i < before.size(); ++i)
    for (std::size_t a = 0; a < before[i]["authors"].size(); ++a)
      EXPECT_EQ(again[i]["authors"][a]["label"], before[i]["authors"][a]["label"]) << i << "/" << a;

  std::string edited = table;
  const std::string row = "\"alderwick, hugh\",Hugh Alderwick,";
  edited.replace(edited.find(row), row.size(),
                 "\"alderwick, hugh\",H. Alderwick (Health Foundation),");
  write("edited.csv", edited);
  r = run("parse '" + kListing + "' --thesaurus edited.csv");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)[13]["authors"][0]["label"],
            "H. Alderwick (Health Foundation)");
}

TEST_F(CliTest, BadThesaurusIsOneLine) {
  write("t.csv", "kind,from,to\nplanet,Mars,Venus\n");
  const RunResult r = run("stats '" + kListing + "' --thesaurus t.csv");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.rfind("t.csv:2: ", 0), 0u) << r.err;
}

TEST_F(CliTest, FromOverridesDetection) {
  const RunResult r = run("stats '" + kListing + "' --from medline");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("not a MEDLINE file"), std::string::npos) << r.err;
}

// Every export a map run can write, in one run, each valid for its reader.
TEST_F(CliTest, MapWritesEveryExportFormat) {
  const RunResult r = run("map '" + kListing +
                          "' -o m.gexf -o m.json -o m.net -o nodes.csv "
                          "-o edges.csv -o m.map.txt -o m.network.txt");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string schema = std::string(CITENET_TEST_DATA) + "/schemas/gexf-1.3/gexf.rng";
  EXPECT_EQ(std::system(("xmllint --noout --relaxng '" + schema + "' '" + file("m.gexf").string() +
                         "' 2>/dev/null")
                            .c_str()),
            0);
  const auto json = nlohmann::json::parse(slurp(file("m.json")));
  EXPECT_EQ(json["nodes"].size(), 42u);
  EXPECT_EQ(json["links"].size(), 70u);
  const std::string nodes = slurp(file("nodes.csv"));
  EXPECT_EQ(std::count(nodes.begin(), nodes.end(), '\n'), 43);
  EXPECT_NE(nodes.find(",Hugh Alderwick,5,31,2021,2024,7,12,"), std::string::npos) << nodes;
  const std::string edges = slurp(file("edges.csv"));
  EXPECT_EQ(std::count(edges.begin(), edges.end(), '\n'), 71);
  EXPECT_EQ(slurp(file("m.net")).rfind("*Vertices 42", 0) == 0 ||
                slurp(file("m.net")).find("*Vertices 42") != std::string::npos,
            true);
}

TEST_F(CliTest, ThresholdsSayWhatTheyRemoved) {
  const RunResult r = run("stats '" + kListing + "' --min-occurrences 2 --top 3");
  ASSERT_EQ(r.status, 0) << r.err;
  // Alderwick, Hutchings and Mays are the only authors of two papers or more.
  EXPECT_NE(r.err.find("--min-occurrences: removed 39 nodes and 67 links"), std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("author nodes         3"), std::string::npos) << r.out;
  const RunResult largest = run("map '" + kListing + "' --largest-component -o l.json");
  ASSERT_EQ(largest.status, 0) << largest.err;
  EXPECT_EQ(nlohmann::json::parse(slurp(file("l.json")))["nodes"].size(), 8u);
  const RunResult years = run("stats '" + kListing + "' --years 2024 --top 1");
  EXPECT_NE(years.err.find("--years 2024: 11 papers left out"), std::string::npos) << years.err;
  const RunResult bad = run("stats '" + kListing + "' --years 2024-2020");
  EXPECT_EQ(bad.status, 2);
}

TEST_F(CliTest, KeywordCitationAndCouplingNetworksOnRealExports) {
  const std::string data = CITENET_TEST_DATA;
  RunResult r = run("map '" + data +
                    "/corpora/medline/pybibx-pubmed-part1.txt' --network keyword "
                    "--keywords explicit -o k.json");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto keywords = nlohmann::json::parse(slurp(file("k.json")));
  EXPECT_EQ(keywords["nodes"].size(), 847u);
  EXPECT_EQ(keywords["links"].size(), 7627u);
  r = run("map '" + data +
          "/corpora/wos/metaknowledge-testFile.isi' --network citation -o c.json "
          "-o c.graphml");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto citation = nlohmann::json::parse(slurp(file("c.json")));
  EXPECT_TRUE(citation["directed"].get<bool>());
  EXPECT_EQ(citation["links"].size(), 25u);
  EXPECT_NE(slurp(file("c.graphml")).find("edgedefault=\"directed\""), std::string::npos);
  EXPECT_TRUE(xmllint_accepts(file("c.graphml")));
  r = run("stats '" + data + "/corpora/wos/metaknowledge-testFile.isi' --network coupling --top 1");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("links                331"), std::string::npos) << r.out;
}

// Two maps embedded in one HTML page must not share an id (a duplicate id breaks links,
// tooltips and styling of the second map).
TEST_F(CliTest, TwoMapsShareNoSvgId) {
  ASSERT_EQ(run("map '" + kListing + "' -o coauthors.svg").status, 0);
  ASSERT_EQ(run("map '" + kListing + "' --network institution -o institutions.svg").status, 0);
  std::set<std::string> ids;
  std::size_t total = 0;
  for (const char* name : {"coauthors.svg", "institutions.svg"}) {
    const std::string svg = slurp(file(name));
    EXPECT_NE(svg.find("viewBox=\""), std::string::npos) << name;
    for (std::size_t at = svg.find(" id=\""); at != std::string::npos;
         at = svg.find(" id=\"", at + 1)) {
      const std::size_t start = at + 5;
      ids.insert(svg.substr(start, svg.find('"', start) - start));
      ++total;
    }
  }
  EXPECT_GT(total, 100u);
  EXPECT_EQ(ids.size(), total);
  EXPECT_TRUE(ids.count("coauthors_n0"));
  EXPECT_TRUE(ids.count("institutions_n0"));
}

TEST_F(CliTest, ExistingOutputSurvivesAFailedRun) {
  write("keep.svg", "precious");
  const RunResult r = run("map missing.txt -o keep.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(slurp(file("keep.svg")), "precious");
}

}  // namespace

// A pipe gives its bytes once: map reads every record from one, and parse (which reads its
// input twice) refuses it with a one-line error instead of failing half-way.
TEST_F(CliTest, PipedInputIsReadWholeOrRefused) {
  const std::string in_dir = "cd '" + dir_.string() + "' && cat '" + kListing + "' | '" +
                             std::string(CITENET_BINARY) + "' ";
  ASSERT_EQ(shell(in_dir + "map /dev/stdin --network coauthor -o nodes.csv 2> err.txt"), 0);
  EXPECT_NE(slurp(dir_ / "err.txt").find("15 records read, 0 skipped"), std::string::npos)
      << slurp(dir_ / "err.txt");
  EXPECT_EQ(slurp(dir_ / "err.txt").find("warning"), std::string::npos);
  EXPECT_EQ(shell(in_dir + "parse /dev/stdin --to csv -o records.csv 2> err.txt"), 1);
  EXPECT_EQ(slurp(dir_ / "err.txt"),
            "/dev/stdin: not a regular file; citenet parse reads its input twice, so save it to "
            "a file first\n");
  EXPECT_FALSE(fs::exists(dir_ / "records.csv"));
}
