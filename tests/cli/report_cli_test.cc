// End-to-end tests of `citenet report`: the binary run on the sample listing, on a hostile
// corpus and with bad command lines; the page checked with xmllint and, where installed,
// headless Chromium (tests/report/check_report.sh).
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include "cli_test_support.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

using namespace citenet::cli_testing;

const std::string kCheckReport = std::string(CITENET_SOURCE_DIR) + "/tests/report/check_report.sh";

class ReportCliTest : public CliFixture {};

std::vector<std::map<std::string, std::string>> elements(const std::string& html,
                                                         const std::string& tag) {
  std::vector<std::map<std::string, std::string>> found;
  const std::regex start("<" + tag + R"((\s[^>]*)?>)");
  const std::regex attribute(R"re(([A-Za-z_:][-A-Za-z0-9_:.]*)="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), start);
       it != std::sregex_iterator(); ++it) {
    std::map<std::string, std::string> attributes;
    const std::string inside = (*it)[1];
    for (auto a = std::sregex_iterator(inside.begin(), inside.end(), attribute);
         a != std::sregex_iterator(); ++a)
      attributes[(*a)[1]] = (*a)[2];
    found.push_back(attributes);
  }
  return found;
}

// The rows of the table whose caption is `caption`, each as its cells' text (tags removed).
std::vector<std::vector<std::string>> table_rows(const std::string& html,
                                                 const std::string& caption) {
  std::vector<std::vector<std::string>> rows;
  const std::size_t at = html.find("<caption>" + caption + "</caption>");
  if (at == std::string::npos) return rows;
  const std::size_t end = html.find("</table>", at);
  const std::string table = html.substr(at, end - at);
  const std::regex row("<tr>(.*?)</tr>"), cell("<td[^>]*>(.*?)</td>"), tag("<[^>]*>");
  for (auto r = std::sregex_iterator(table.begin(), table.end(), row); r != std::sregex_iterator();
       ++r) {
    const std::string inside = (*r)[1];
    std::vector<std::string> cells;
    for (auto c = std::sregex_iterator(inside.begin(), inside.end(), cell);
         c != std::sregex_iterator(); ++c)
      cells.push_back(std::regex_replace(std::string((*c)[1]), tag, ""));
    if (!cells.empty()) rows.push_back(cells);
  }
  return rows;
}

std::string xml_problems(const fs::path& path) {
  const std::string log = path.string() + ".xmllint";
  const int status = shell("xmllint --noout '" + path.string() + "' 2> '" + log + "'");
  const std::string text = slurp(log);
  fs::remove(log);
  return status == 0 ? "" : text;
}

TEST_F(ReportCliTest, SampleReportCountsWhatParseReads) {
  const RunResult r = run("report '" + kListing + "' -o report.html");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("15 records read, 0 skipped"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("wrote report.html"), std::string::npos) << r.err;
  EXPECT_EQ(listing(), std::vector<std::string>{"report.html"});  // no temporary left
  const std::string html = slurp(file("report.html"));
  EXPECT_EQ(xml_problems(file("report.html")), "");

  // The years and journals `citenet parse` reads, counted independently of the report.
  const RunResult parsed = run("parse '" + kListing + "' --to json");
  ASSERT_EQ(parsed.status, 0) << parsed.err;
  const nlohmann::json records = nlohmann::json::parse(parsed.out);
  std::map<int, std::size_t> years;
  std::map<std::string, std::size_t> journals;
  for (const auto& record : records) {
    ++years[record.at("year").get<int>()];
    ++journals[record.at("journal").get<std::string>()];
  }
  ASSERT_EQ(records.size(), 15u);

  const auto bars = elements(html, "rect");
  ASSERT_EQ(bars.size(), years.size());  // 2020-2024, no gap
  const double unit = std::stod(bars[2].at("height")) / 6;
  std::size_t total = 0;
  for (const auto& bar : bars) {
    const int year = std::stoi(bar.at("data-year"));
    const std::size_t count = std::stoul(bar.at("data-count"));
    EXPECT_EQ(count, years[year]) << year;
    EXPECT_NEAR(std::stod(bar.at("height")), unit * static_cast<double>(count), 0.011) << year;
    total += count;
  }
  EXPECT_EQ(total, 15u);
  EXPECT_EQ(bars[2].at("data-year"), "2022");
  EXPECT_EQ(bars[2].at("data-count"), "6");

  const auto rows = table_rows(html, "Top journals");
  ASSERT_EQ(rows.size(), journals.size());  // 13 journals, fewer than the 15 rows shown
  std::size_t papers = 0;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 4u);
    EXPECT_EQ(std::stoul(row[2]), journals[row[1]]) << row[1];
    papers += std::stoul(row[2]);
  }
  EXPECT_EQ(papers, 15u);
  EXPECT_EQ(rows[0][1], "BMC PRIMARY CARE");  // two papers each, ties by name
  EXPECT_EQ(rows[0][2], "2");
  EXPECT_EQ(rows[0][3], "13.3%");
  EXPECT_EQ(rows[1][1], "BMJ");
  EXPECT_EQ(rows[2][2], "1");

  // The summary figures.
  for (const char* figure : {"<dt>papers</dt><dd>15</dd>", "<dt>records read</dt><dd>15</dd>",
                             "<dt>authors</dt><dd>42</dd>", "<dt>years</dt><dd>2020\u20132024</dd>",
                             "<dt>journals</dt><dd>13</dd>"})
    EXPECT_NE(html.find(figure), std::string::npos) << figure;
  // Alderwick wrote five of the fifteen papers: first of the top authors.
  const auto authors = table_rows(html, "Top 15 authors by papers");
  ASSERT_EQ(authors.size(), 15u);
  EXPECT_EQ(authors[0][1], "Hugh Alderwick");
  EXPECT_EQ(authors[0][2], "5");
  EXPECT_NE(html.find("<caption>Communities (Leiden, seed 42"), std::string::npos);
}

TEST_F(ReportCliTest, FourMapsWithTheirOwnIdsAndNothingExternal) {
  const RunResult r = run("report '" + kListing + "' -o report.html");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string html = slurp(file("report.html"));
  const auto maps = elements(html, "svg");
  std::size_t map_count = 0;
  for (const auto& svg : maps)
    if (svg.count("class") && svg.at("class") == "map") ++map_count;
  EXPECT_EQ(map_count, 4u);
  for (const char* prefix : {"coauthors_", "institutions_", "countries_", "keywords_"})
    EXPECT_NE(html.find(std::string(" id=\"") + prefix), std::string::npos) << prefix;

  std::set<std::string> ids;
  const std::regex id(R"re(\sid="([^"]*)")re");
  std::size_t id_count = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator();
       ++it, ++id_count)
    EXPECT_TRUE(ids.insert((*it)[1]).second) << "duplicate id " << (*it)[1];
  EXPECT_GT(id_count, 100u);

  for (const char* external : {"src=", "<link", "@import", "url(", "href=\"http", "<script"})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  EXPECT_EQ(html.find("<?xml"), std::string::npos);
  EXPECT_EQ(html.find("<!DOCTYPE svg"), std::string::npos);
  EXPECT_EQ(html.find("<!--"), std::string::npos);
}

TEST_F(ReportCliTest, LargeNetworksAreDrawnThroughTheirTopNodes) {
  // The listing has no keywords of its own: --keywords explicit skips the big network of
  // extracted terms, which takes minutes under the sanitizers.
  const RunResult r =
      run("report '" + kListing + "' -o report.html --map-nodes 10 --rows 3 --keywords explicit");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string html = slurp(file("report.html"));
  EXPECT_NE(html.find("The map draws the 10 authors with the most papers, of 42 (--map-nodes)"),
            std::string::npos);
  EXPECT_NE(html.find("Co-authorship: the 10 authors with most papers"), std::string::npos);
  EXPECT_EQ(table_rows(html, "Top 3 authors by papers").size(), 3u);
  // Ten authors drawn: ten node groups in the co-authorship map.
  const std::size_t begin = html.find("<section id=\"coauthors\"");
  const std::string section = html.substr(begin, html.find("</section>", begin) - begin);
  // Node ids are "<prefix>n<i>" (render/map_style.h).
  const auto groups = elements(section, "g");
  const std::regex node_id("coauthors_n[0-9]+");
  EXPECT_EQ(std::count_if(groups.begin(), groups.end(),
                          [&](const auto& g) {
                            return g.count("id") && std::regex_match(g.at("id"), node_id);
                          }),
            10);
}

TEST_F(ReportCliTest, SameInputSameBytes) {
  ASSERT_EQ(run("report '" + kListing + "' -o a.html").status, 0);
  ASSERT_EQ(run("report '" + kListing + "' -o b.html").status, 0);
  EXPECT_EQ(slurp(file("a.html")), slurp(file("b.html")));
}

// Names, titles, journals and affiliations that try to break out of HTML.
constexpr const char* kHostileMedline =
    "PMID- 1\n"
    "DP  - 2021 Jan\n"
    "TI  - <script>alert(1)</script> & \"quotes\" ]]> -->\n"
    "FAU - <script>alert('x')</script>, Eve\n"
    "AU  - <script>alert('x')</script> E\n"
    "AD  - Dept & Co <b>bold</b>, Univ of \xE2\x80\xAE"
    "Evil --> ]]>, Paris, France.\n"
    "FAU - O'Brien, Ann \"Q\"\n"
    "AU  - O'Brien A\n"
    "AD  - London School of Hygiene & Tropical Medicine, London, UK.\n"
    "JT  - Journal of <i>Tags</i> & Things -->\n"
    "OT  - <img src=x onerror=alert(1)>\n"
    "OT  - right\xE2\x80\xAEleft\n"
    "\n"
    "PMID- 2\n"
    "DP  - 2022 Feb\n"
    "TI  - Second <style>body{display:none}</style> paper\n"
    "FAU - <script>alert('x')</script>, Eve\n"
    "AU  - <script>alert('x')</script> E\n"
    "AD  - Dept & Co <b>bold</b>, Univ of \xE2\x80\xAE"
    "Evil --> ]]>, Paris, France.\n"
    "FAU - Smith, Jo\n"
    "AU  - Smith J\n"
    "AD  - London School of Hygiene & Tropical Medicine, London, UK.\n"
    "JT  - Journal of <i>Tags</i> & Things -->\n"
    "OT  - <img src=x onerror=alert(1)>\n"
    "OT  - right\xE2\x80\xAEleft\n";

TEST_F(ReportCliTest, HostileCorpusStaysText) {
  std::ofstream(file("hostile.nbib"), std::ios::binary) << kHostileMedline;
  const RunResult r = run("report hostile.nbib -o report.html --title '<b>T</b> & co'");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string html = slurp(file("report.html"));
  EXPECT_EQ(xml_problems(file("report.html")), "");
  for (const char* element : {"<script", "<img", "<style>body", "<b>", "<i>"})
    EXPECT_EQ(html.find(element), std::string::npos) << element;
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  EXPECT_NE(html.find("<title>&lt;b&gt;T&lt;/b&gt; &amp; co</title>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Journal of &lt;i&gt;Tags&lt;/i&gt; &amp; Things --&gt;"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_NE(html.find("<bdi>right\xE2\x80\xAEleft</bdi>"), std::string::npos);
  if (shell("command -v chromium >/dev/null 2>&1") == 0) {
    const int status = shell("'" + kCheckReport + "' '" + file("report.html").string() + "'");
    EXPECT_EQ(status, 0);
  }
}

TEST_F(ReportCliTest, UsageErrorsSayWhatIsWrongInOneLine) {
  RunResult r = run("report '" + kListing + "'");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "citenet report: no output given (add -o report.html)\n");
  r = run("report '" + kListing + "' -o r.html --bogus");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "citenet report: unrecognised option '--bogus' (try citenet report --help)\n");
  r = run("report '" + kListing + "' -o report.svg");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "citenet report: report.svg: the report is an HTML page (name it .html)\n");
  r = run("report '" + kListing + "' -o nowhere/report.html");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "citenet report: nowhere/report.html: directory nowhere does not exist\n");
  r = run("report '" + kListing + "' -o r.html --years 2024-2015");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err.find("citenet: --years: "), 0u) << r.err;
  r = run("report '" + kListing + "' -o r.html --community nope");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "citenet: unknown --community 'nope' (choose leiden, louvain or none)\n");
  r = run("report missing.txt -o r.html");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "missing.txt: no such file\n");
  EXPECT_EQ(listing(), std::vector<std::string>{});  // nothing written on any error
  r = run("report --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("citenet report INPUT... -o report.html"), std::string::npos);
  EXPECT_NE(r.out.find("--map-nodes"), std::string::npos);
}

// Headless Chromium opens the sample report without a console message and keeps every
// section and map in its DOM; the checker itself fails on a page that runs a broken script.
TEST_F(ReportCliTest, ChromiumOpensTheReportCleanly) {
  if (shell("command -v chromium >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "chromium not installed (.ci/install-deps installs it)";
  ASSERT_EQ(run("report '" + kListing + "' -o report.html --keywords explicit").status, 0);
  EXPECT_EQ(shell("'" + kCheckReport + "' '" + file("report.html").string() + "' '" +
                  file("report.png").string() + "' 1200x2000 > '" + file("check.txt").string() +
                  "' 2>&1"),
            0)
      << slurp(file("check.txt"));
  EXPECT_GT(fs::file_size(file("report.png")), 10000u);

  std::ofstream(file("broken.html"))
      << "<!DOCTYPE html><html><body><p>x</p><script>missing_function();</script></body></html>";
  EXPECT_EQ(shell("'" + kCheckReport + "' '" + file("broken.html").string() + "' > '" +
                  file("broken.txt").string() + "' 2>&1"),
            1);
  EXPECT_NE(slurp(file("broken.txt")).find("Uncaught ReferenceError"), std::string::npos);
}

}  // namespace
