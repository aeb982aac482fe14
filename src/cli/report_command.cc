// citenet report: one HTML page with the corpus summary and the co-authorship, institution,
// country and keyword networks (map, top nodes, communities). The command gathers the numbers
// and renders the maps; render/html_report lays out the page.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <unordered_map>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "cli/table.h"
#include "graph/filters.h"
#include "render/graphviz_map.h"
#include "render/html_report.h"
#include "render/wording.h"

#ifndef CITENET_VERSION
#define CITENET_VERSION "unknown"
#endif

namespace po = boost::program_options;

namespace citenet {

namespace {

constexpr double kReportPathBudget = kExactPathBudget / 10;

// Links drawn per drawn node at most (the strongest); see network_section.
constexpr std::size_t kLinksPerNode = 3;

struct ReportOptions {
  std::string output;
  std::string title;
  std::size_t map_nodes = 150;
  int label_top = 50;
  std::size_t rows = 15;
};

std::string capitalised(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

// Journals as printed vary in case and spacing ("J Integr Care", "J  INTEGR CARE"): they are
// counted by a folded key and shown as first printed.
class JournalCounter {
 public:
  void add_record(const Record& record) {
    const std::string key = fold(record.journal);
    if (key.empty()) {
      per_record_.push_back(kNone);
      return;
    }
    const auto [it, fresh] = ids_.emplace(key, static_cast<std::uint32_t>(labels_.size()));
    if (fresh) labels_.push_back(trimmed(record.journal));
    per_record_.push_back(it->second);
  }

  // Papers per journal: a merged paper counts once, for the first of its records that names
  // a journal. Largest first, ties by name.
  std::vector<std::pair<std::string, std::size_t>> papers_per_journal(const Corpus& corpus) const {
    std::vector<std::uint32_t> journal_of(corpus.papers.size(), kNone);
    for (std::size_t r = 0; r < per_record_.size() && r < corpus.record_paper.size(); ++r) {
      std::uint32_t& j = journal_of[corpus.record_paper[r]];
      if (j == kNone) j = per_record_[r];
    }
    std::vector<std::size_t> counts(labels_.size(), 0);
    for (std::uint32_t j : journal_of)
      if (j != kNone) ++counts[j];
    std::vector<std::pair<std::string, std::size_t>> rows;
    for (std::size_t j = 0; j < labels_.size(); ++j)
      if (counts[j]) rows.emplace_back(labels_[j], counts[j]);
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return rows;
  }

 private:
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  static std::string trimmed(const std::string& text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(" \t\r\n.") + 1 - first);
  }
  static std::string fold(const std::string& text) {
    std::string key;
    for (const char c : trimmed(text)) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (!key.empty() && key.back() != ' ') key += ' ';
      } else {
        key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      }
    }
    return key;
  }

  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> labels_;
  std::vector<std::uint32_t> per_record_;
};

struct KindText {
  const char* kind;     // --network name
  const char* heading;  // section heading
  const char* anchor;
  const char* linked;  // what a link means
};

constexpr KindText kKinds[] = {
    {"coauthor", "Co-authorship", "coauthors",
     "Authors are linked when they wrote a paper together; a link's width is the number of "
     "papers they share."},
    {"institution", "Institutions", "institutions",
     "Institutions (the organisation of each affiliation) are linked when their people wrote a "
     "paper together."},
    {"country", "Countries", "countries",
     "Countries (from the end of each affiliation) are linked when a paper names both."},
    {"keyword", "Keywords", "keywords",
     "Keywords (the records' own, or terms from title and abstract where a record has none) "
     "are linked when a paper has both."},
};

// Node order by papers, then label, then id: the tables and the map's cut agree, and the
// first member of a community is the one the map's legend names it after.
std::vector<std::uint32_t> by_papers(const Network& network) {
  std::vector<std::uint32_t> order(network.nodes.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const NodeAttributes &na = network.nodes[a], &nb = network.nodes[b];
    if (na.papers != nb.papers) return na.papers > nb.papers;
    return na.label < nb.label;
  });
  return order;
}

// The analysis of the kept nodes (old_to_new from renumber()), community ids unchanged so
// the map's colours are the ones the tables name.
Analysis project(const Analysis& full, std::span<const std::uint32_t> old_to_new,
                 std::size_t kept) {
  Analysis part = full;
  const auto cut = [&](auto& values) {
    if (values.size() != old_to_new.size()) return;
    std::remove_reference_t<decltype(values)> out(kept);
    for (std::size_t v = 0; v < old_to_new.size(); ++v)
      if (old_to_new[v] != kDropped) out[old_to_new[v]] = values[v];
    values = std::move(out);
  };
  for (auto* values :
       {&part.degree, &part.in_degree, &part.out_degree, &part.weighted_degree, &part.betweenness,
        &part.closeness, &part.eigenvector, &part.pagerank, &part.clustering, &part.core})
    cut(*values);
  cut(part.component);
  cut(part.communities.community);
  return part;
}

// Per community: its size, its name (after its member with the most papers, as the map's
// legend names it), the member most central by betweenness (then degree, then papers), and
// the members with the most papers.
struct Communities {
  std::vector<std::size_t> size;
  std::vector<std::string> name;
  std::vector<std::uint32_t> central;
  std::vector<std::vector<std::string>> members;
};

Communities describe_communities(const Network& network, const Analysis& analysis,
                                 const std::vector<std::uint32_t>& order) {
  const Partition& partition = analysis.communities;
  const bool betweenness = analysis.betweenness.size() == network.nodes.size();
  const auto centrality = [&](std::uint32_t v) {
    return std::make_tuple(betweenness ? analysis.betweenness[v] : 0.0, analysis.degree[v],
                           network.nodes[v].papers);
  };
  Communities result;
  result.size.assign(partition.count, 0);
  result.central.assign(partition.count, kDropped);
  result.members.resize(partition.count);
  for (std::uint32_t v : order) {  // by papers, so members come out in that order
    const std::uint32_t c = partition.community[v];
    ++result.size[c];
    if (result.central[c] == kDropped || centrality(v) > centrality(result.central[c]))
      result.central[c] = v;
    if (result.members[c].size() < 5) result.members[c].push_back(network.nodes[v].label);
  }
  for (std::uint32_t c = 0; c < partition.count; ++c)
    result.name.push_back(result.members[c].empty() ? "community " + std::to_string(c)
                          : result.size[c] > 1      ? result.members[c][0] + " et al."
                                                    : result.members[c][0]);
  return result;
}

ReportTable top_nodes_table(const Network& network, const Analysis& analysis,
                            const Communities& communities, const std::vector<std::uint32_t>& order,
                            std::size_t rows) {
  const bool betweenness = analysis.betweenness.size() == network.nodes.size();
  const bool community = analysis.communities.community.size() == network.nodes.size();
  ReportTable table;
  table.caption = "Top " + plural(std::min(rows, order.size()), network.node_noun) + " by papers";
  // Exports without citation counts (MEDLINE) would fill the column with zeros.
  const bool citations = std::any_of(network.nodes.begin(), network.nodes.end(),
                                     [](const NodeAttributes& n) { return n.citations > 0; });
  table.header = {"#", network.node_noun, "papers"};
  table.numeric = {true, false, true};
  if (citations) {
    table.header.push_back("citations");
    table.numeric.push_back(true);
  }
  table.header.push_back("degree");
  table.numeric.push_back(true);
  if (betweenness) {
    table.header.push_back("betweenness");
    table.numeric.push_back(true);
  }
  if (community) {
    table.header.push_back("community");
    table.numeric.push_back(false);
    table.colour_column = table.header.size() - 1;
  }
  for (std::size_t i = 0; i < order.size() && i < rows; ++i) {
    const std::uint32_t v = order[i];
    const NodeAttributes& node = network.nodes[v];
    ReportRow row;
    row.cells = {std::to_string(i + 1), node.label, grouped(node.papers)};
    if (citations) row.cells.emplace_back(grouped(node.citations));
    row.cells.emplace_back(grouped(static_cast<std::size_t>(analysis.degree[v])));
    if (betweenness) row.cells.emplace_back(fixed(analysis.betweenness[v], 3));
    if (community) {
      const std::uint32_t c = analysis.communities.community[v];
      row.cells.emplace_back(communities.name[c]);
      row.colour = community_colour(c);
    }
    table.rows.push_back(std::move(row));
  }
  table.note = "Degree: the number of " + plural_word(2, network.node_noun) + " linked to it.";
  if (betweenness)
    table.note +=
        " Betweenness: the share of shortest paths between two others that pass "
        "through it (0-1).";
  return table;
}

// Communities largest first (ids go by size), those of a single node left out.
ReportTable communities_table(const Network& network, const Analysis& analysis,
                              const Communities& communities, std::size_t rows) {
  const Partition& partition = analysis.communities;
  ReportTable table;
  table.caption = "Communities (" + std::string(community_method_name(analysis.method)) +
                  ", seed " + std::to_string(analysis.seed) + ", modularity " +
                  fixed(partition.modularity, 3) + ")";
  table.header = {"community", plural_word(2, network.node_noun), "most central", "most papers"};
  table.numeric = {false, true, false, false};
  std::size_t rest = 0, rest_nodes = 0;
  bool singles = false;
  for (std::uint32_t c = 0; c < partition.count; ++c) {
    if (communities.size[c] < 2 || table.rows.size() >= rows) {
      ++rest;
      rest_nodes += communities.size[c];
      singles = singles || communities.size[c] < 2;
      continue;
    }
    ReportRow row;
    row.colour = community_colour(c);
    row.cells = {communities.name[c], grouped(communities.size[c]),
                 network.nodes[communities.central[c]].label, communities.members[c]};
    table.rows.push_back(std::move(row));
  }
  if (rest)
    table.note = plural(rest, "more community") + " of " + plural(rest_nodes, network.node_noun) +
                 " not listed" + (singles ? " (including single, unlinked ones)" : "") + ".";
  return table;
}

struct SectionResult {
  ReportSection section;
  bool ok = true;
};

SectionResult network_section(const Corpus& corpus, const KindText& text,
                              const NetworkOptions& base, const AnalysisOptions& analysis_base,
                              const ReportOptions& options, std::ostream& err,
                              std::set<std::string>& said) {
  SectionResult result;
  ReportSection& section = result.section;
  section.heading = text.heading;
  section.anchor = text.anchor;
  section.paragraphs.push_back(text.linked);

  NetworkOptions net = base;
  net.network = text.kind;
  std::ostringstream quiet;
  const auto spec = network_spec(net, quiet);
  std::ostringstream messages;
  std::shared_ptr<const Network> built;
  if (spec) {
    Progress step(std::string(text.kind) + " network");
    built = make_network(corpus, *spec, net, messages);
  }
  // The same --years or --max-authors line would otherwise be printed once per network.
  std::istringstream lines(messages.str());
  for (std::string line; std::getline(lines, line);)
    if (said.insert(line).second) err << line << "\n";
  if (!built) {
    section.paragraphs.push_back("This network could not be built.");
    result.ok = false;
    return result;
  }
  const Network& network = *built;
  if (network.nodes.empty()) {
    section.paragraphs.push_back("The corpus names no " + plural_word(2, network.node_noun) + ".");
    return result;
  }

  AnalysisOptions analysis_options = analysis_base;
  // Only what the page shows. Betweenness is exact up to a tenth of the budget `citenet stats`
  // allows, and sampled above it: the page ranks nodes, it does not report the values to
  // the third decimal, and four networks share the time.
  analysis_options.metrics =
      std::vector<Metric>{Metric::degree, Metric::weighted_degree, Metric::betweenness};
  const double links = std::max<double>(1.0, static_cast<double>(network.links().size()));
  if (static_cast<double>(network.nodes.size()) * links > kReportPathBudget)
    analysis_options.betweenness_pivots =
        static_cast<std::size_t>(std::max(100.0, kReportPathBudget / links));
  const Analysis analysis = [&] {
    Progress step(std::string(text.kind) + " analysis");
    return analyse(network, analysis_options);
  }();
  err << network.kind << " network: " << network.nodes.size() << " " << network.node_noun
      << " nodes, " << network.links().size() << " links, " << analysis.communities.count
      << " communities\n";

  std::string facts = plural(network.nodes.size(), network.node_noun) + ", " +
                      plural(network.links().size(), "link") + ", " +
                      plural(analysis.component_count, "component");
  if (analysis.method != CommunityMethod::none)
    facts += ", " + plural(analysis.communities.count, "community") + " (" +
             std::string(community_method_name(analysis.method)) + ", modularity " +
             fixed(analysis.communities.modularity, 3) + ")";
  section.paragraphs.push_back(facts + ".");

  const std::vector<std::uint32_t> order = by_papers(network);
  std::vector<bool> keep(network.nodes.size(), false);
  const std::size_t drawn = std::min(options.map_nodes, order.size());
  for (std::size_t i = 0; i < drawn; ++i) keep[order[i]] = true;
  const std::vector<std::uint32_t> old_to_new = renumber(keep);
  // A keyword network links every pair of terms of a paper: hundreds of nodes would draw as
  // a solid disc. The map keeps the strongest links, about kLinksPerNode per drawn node.
  double min_weight = -1.0;
  std::size_t links_among = 0;
  {
    std::vector<double> weights;
    for (const WeightedEdge e : network.links())
      if (old_to_new[e.source] != kDropped && old_to_new[e.target] != kDropped)
        weights.push_back(e.weight);
    links_among = weights.size();
    const std::size_t budget = kLinksPerNode * drawn;
    if (weights.size() > budget) {
      std::nth_element(weights.begin(), weights.begin() + (budget - 1), weights.end(),
                       std::greater<>());
      min_weight = weights[budget - 1];
      // Where many links tie at the cut (small integer weights), the next weight up keeps
      // the map nearer its budget than twice over.
      const auto at_least = [&](double w) {
        return std::count_if(weights.begin(), weights.end(), [&](double x) { return x >= w; });
      };
      if (static_cast<std::size_t>(at_least(min_weight)) > 2 * budget) {
        double next = -1;
        for (double w : weights)
          if (w > min_weight && (next < 0 || w < next)) next = w;
        if (next > 0) min_weight = next;
      }
    }
  }
  const FilterResult cut = subnetwork(network, old_to_new, min_weight);
  const Analysis cut_analysis = project(analysis, old_to_new, drawn);
  const Network& shown = cut.network;
  const std::string noun = network.node_noun;
  if (drawn < network.nodes.size() || shown.links().size() < links_among) {
    std::string what = "The map draws ";
    what += drawn < network.nodes.size()
                ? "the " + plural(drawn, noun) + " with the most papers, of " +
                      grouped(network.nodes.size()) + " (--map-nodes)"
                : "every " + noun;
    what += shown.links().size() < links_among
                ? ", and the " + plural(shown.links().size(), "link") + " of weight " +
                      fixed(min_weight, min_weight == std::floor(min_weight) ? 0 : 2) +
                      " or more among them, of " + grouped(links_among)
                : ", and the " + plural(shown.links().size(), "link") + " among them";
    section.paragraphs.push_back(what + "; the tables count every " + noun + ".");
  }
  for (const std::string& note : analysis.notes)
    section.paragraphs.push_back(capitalised(note) + ".");

  MapOptions style;
  style.label_top = options.label_top;
  style.max_nodes = 0;  // the cut is made here, where the page can say what it left out
  style.id_prefix = std::string(text.anchor) + "_";
  style.title = std::string(text.heading) + ": " +
                (drawn < network.nodes.size() ? "the " + plural(drawn, noun) + " with most papers"
                                              : plural(drawn, noun)) +
                ", " + plural(shown.links().size(), "link");
  std::string svg, error;
  bool drawn_ok = false;
  {
    Progress step(std::string(text.kind) + " map");
    drawn_ok = render_graphviz_map(shown, cut_analysis, style, "svg", &svg, &error);
  }
  if (drawn_ok) {
    section.svg = std::move(svg);
    section.svg_label = style.title;
  } else {
    err << "citenet report: " << text.kind << " map: " << error << "\n";
    section.paragraphs.push_back("The map could not be drawn: " + error);
    result.ok = false;
  }
  const Communities communities = describe_communities(network, analysis, order);
  section.tables.push_back(top_nodes_table(network, analysis, communities, order, options.rows));
  if (analysis.method != CommunityMethod::none && analysis.communities.count > 0) {
    ReportTable table = communities_table(network, analysis, communities, options.rows);
    if (table.rows.empty())
      section.paragraphs.push_back("No community has more than one " + noun + ".");
    else
      section.tables.push_back(std::move(table));
  }
  return result;
}

bool check_output(const std::string& path, std::ostream& err) {
  if (path.empty()) {
    err << "citenet report: no output given (add -o report.html)\n";
    return false;
  }
  std::string name = std::filesystem::path(path).filename().string();
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (!(name.size() > 5 && name.ends_with(".html")) &&
      !(name.size() > 4 && name.ends_with(".htm"))) {
    err << "citenet report: " << path << ": the report is an HTML page (name it .html)\n";
    return false;
  }
  const std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (!dir.empty() && !std::filesystem::is_directory(dir)) {
    err << "citenet report: " << path << ": directory " << dir.string() << " does not exist\n";
    return false;
  }
  if (std::filesystem::is_directory(path)) {
    err << "citenet report: " << path << ": is a directory\n";
    return false;
  }
  return true;
}

}  // namespace

int run_report(const CommandArgs& args, std::ostream& out, std::ostream& err) {
  InputOptions input;
  NetworkOptions net;
  ReportOptions options;
  po::options_description named(
      "citenet report INPUT... -o report.html [options]\n\n"
      "Writes one self-contained HTML page: the corpus in figures, papers per year, top\n"
      "journals, and the co-authorship, institution, country and keyword networks, each\n"
      "with its map, its top nodes and its communities.\n\noptions");
  po::positional_options_description positional;
  named.add_options()("help,h", "this help")("output,o", po::value(&options.output),
                                             "the HTML file to write")(
      "title", po::value(&options.title), "the page's title (default: the input file names)")(
      "map-nodes", po::value(&options.map_nodes)->default_value(options.map_nodes),
      "draw at most the N nodes with the most papers on each map (the tables count all)")(
      "label-top", po::value(&options.label_top)->default_value(options.label_top),
      "label the N largest nodes of each map")(
      "rows", po::value(&options.rows)->default_value(options.rows),
      "rows in each top table and communities table")(
      "max-authors", po::value(&net.max_authors)->default_value(net.max_authors),
      "papers naming more entities than this add no links (0: no limit)")(
      "years", po::value(&net.years), "only papers of these years: 2015-2024, 2015-, -2024")(
      "keywords", po::value(&net.keywords)->default_value(net.keywords),
      "keyword network: explicit | extracted | all | auto")(
      "community", po::value(&net.community)->default_value(net.community),
      "leiden | louvain | none")("resolution",
                                 po::value(&net.resolution)->default_value(net.resolution),
                                 "community resolution (above 1: more, smaller communities)")(
      "seed", po::value(&net.seed)->default_value(net.seed),
      "random seed of communities and layout: the same seed gives the same page");
  add_input_options(named, positional, input);
  bool help = false;
  if (!parse_command_line(args, named, positional, "report", err, &help)) return kExitUsage;
  if (help) {
    out << named << "\n";
    return kExitOk;
  }
  if (!check_output(options.output, err)) return kExitUsage;
  if (options.map_nodes == 0) {
    err << "citenet report: --map-nodes must be at least 1\n";
    return kExitUsage;
  }
  // Every network's options are checked before the long part; the keyword one is the widest.
  NetworkOptions keyword = net;
  keyword.network = "keyword";
  const auto spec = network_spec(keyword, err);
  if (!spec) return kExitUsage;
  const auto analysis_opts = analysis_options(net, err);
  if (!analysis_opts) return kExitUsage;

  JournalCounter journals;
  LoadTap tap;
  tap.record = [&](const Record& record) { journals.add_record(record); };
  const auto corpus = load_corpus(input, err, corpus_needs(*spec, keyword), &tap);
  if (!corpus) return kExitFailure;

  ReportData data;
  data.generator = "citenet " CITENET_VERSION;
  std::string names;
  for (const std::string& path : input.inputs)
    names += (names.empty() ? "" : ", ") + std::filesystem::path(path).filename().string();
  data.title = options.title.empty() ? "Collaboration report: " + names : options.title;
  std::map<int, std::size_t> per_year;
  for (const PaperInfo& paper : corpus->papers) {
    if (paper.year)
      ++per_year[paper.year];
    else
      ++data.without_year;
  }
  std::string span = "-";
  if (!per_year.empty())
    span = per_year.begin()->first == per_year.rbegin()->first
               ? std::to_string(per_year.begin()->first)
               : std::to_string(per_year.begin()->first) + "\u2013" +
                     std::to_string(per_year.rbegin()->first);
  data.subtitle = plural(corpus->papers.size(), "paper") + ", " + span + ", from " + names;
  for (const auto& [year, count] : per_year) data.per_year.push_back({year, count});
  const auto journal_rows = journals.papers_per_journal(*corpus);
  data.figures = {
      {"records read", grouped(tap.records_read)},
      {"records skipped", grouped(tap.records_skipped)},
      {"merged as duplicates", grouped(corpus->duplicates_merged)},
      {"papers", grouped(corpus->papers.size())},
      {"years", span},
      {"journals", grouped(journal_rows.size())},
      {"authors", grouped(corpus->author_labels.size())},
      {"institutions", grouped(corpus->institution_labels.size())},
      {"countries", grouped(corpus->country_labels.size())},
      {"keywords", grouped(corpus->keyword_labels.size())},
  };
  ReportTable journal_table;
  journal_table.caption = "Top journals";
  journal_table.header = {"#", "journal", "papers", "share"};
  journal_table.numeric = {true, false, true, true};
  std::size_t with_journal = 0;
  for (const auto& row : journal_rows) with_journal += row.second;
  for (std::size_t i = 0; i < journal_rows.size() && i < options.rows; ++i) {
    const double share = 100.0 * static_cast<double>(journal_rows[i].second) /
                         static_cast<double>(corpus->papers.size());
    journal_table.rows.push_back({{std::to_string(i + 1), journal_rows[i].first,
                                   grouped(journal_rows[i].second), fixed(share, 1) + "%"}});
  }
  if (journal_rows.size() > options.rows)
    journal_table.note =
        plural(journal_rows.size() - options.rows, "more journal") + " not listed.";
  if (with_journal < corpus->papers.size())
    journal_table.note += (journal_table.note.empty() ? "" : " ") +
                          plural(corpus->papers.size() - with_journal, "paper") +
                          " without a journal.";
  if (!journal_rows.empty()) data.summary_tables.push_back(std::move(journal_table));

  int status = kExitOk;
  std::set<std::string> said;
  for (const KindText& kind : kKinds) {
    SectionResult result = network_section(*corpus, kind, net, *analysis_opts, options, err, said);
    if (!result.ok) status = kExitFailure;
    data.sections.push_back(std::move(result.section));
  }
  const std::string method = net.community == "none"
                                 ? "not computed"
                                 : (net.community == "louvain" ? "Louvain" : "Leiden") +
                                       std::string(", resolution ") + fixed(net.resolution, 2) +
                                       ", seed " + std::to_string(net.seed);
  data.footer = {
      "Communities: " + method +
          ". Maps: Graphviz sfdp, node area by papers, colour by "
          "community, at most " +
          grouped(options.map_nodes) + " nodes each.",
  };
  if (!net.years.empty())
    data.footer.push_back("Networks restricted to --years " + net.years + ".");
  if (net.max_authors)
    data.footer.push_back("Papers with more than " + std::to_string(net.max_authors) +
                          " entities add no links (--max-authors).");

  std::string error;
  {
    Progress step("writing " + std::filesystem::path(options.output).filename().string());
    if (!write_html_report(data, options.output, &error)) {
      err << "citenet report: " << options.output << ": " << error << "\n";
      return kExitFailure;
    }
  }
  err << "wrote " << options.output << "\n";
  return status;
}

}  // namespace citenet
