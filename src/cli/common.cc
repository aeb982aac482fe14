#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/progress.h"
#include "formats/input.h"
#include "graph/filters.h"
#include "graph/metrics.h"
#include "graph/weights.h"
#include "render/atomic_file.h"

namespace po = boost::program_options;

namespace citenet {

namespace {

// "412 MB", "1.5 GB": sizes for the reading progress line.
std::string human_bytes(std::size_t bytes) {
  char text[32];
  if (bytes >= 1'000'000'000)
    std::snprintf(text, sizeof text, "%.1f GB", static_cast<double>(bytes) / 1e9);
  else
    std::snprintf(text, sizeof text, "%.0f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

// "270k": counts for the progress line.
std::string human_count(std::size_t n) {
  return n >= 10'000 ? std::to_string(n / 1000) + "k" : std::to_string(n);
}

}  // namespace

void add_input_options(po::options_description& named,
                       po::positional_options_description& positional, InputOptions& options) {
  named.add_options()("input", po::value(&options.inputs)->multitoken(),
                      "record files (any number, mixed formats)")(
      "from", po::value(&options.from),
      "read every input as this format instead of detecting it: "
      "medline, pubmed-xml, wos, scopus, ris, bibtex, listing")(
      "author-key", po::value(&options.author_key)->default_value(options.author_key),
      "who is the same author: smart (ORCID, full name, then initials joined on evidence) | "
      "full | initials | initial")(
      "thesaurus", po::value(&options.thesaurus),
      "CSV of kind,from,to (kind: author, institution, country, keyword; empty to drops), or an "
      "edited --author-merges table")(
      "author-merges", po::value(&options.author_merges),
      "write the author merge table (key, forms, evidence, records) to this CSV")(
      "keep-duplicates", po::bool_switch(&options.keep_duplicates),
      "do not merge records of the same paper (same DOI, PMID, or title and year)")(
      "strict", po::bool_switch(&options.strict),
      "stop at the first bad record instead of skipping it")(
      "quiet,q", po::bool_switch(&options.quiet),
      "no warnings about single records and no progress line; the totals, the network and the "
      "files written are still reported")(
      "threads", po::value(&options.threads)->default_value(options.threads),
      "threads that parse the input (0: one per core); the results do not depend on it");
  positional.add("input", -1);
}

void add_network_options(po::options_description& named, NetworkOptions& options) {
  named.add_options()(
      "network,n", po::value(&options.network)->default_value(options.network),
      "coauthor | institution | country | keyword | paper | citation | cocitation | coupling | "
      "author-paper | author-institution")(
      "bipartite", po::bool_switch(&options.bipartite),
      "the two-kind variant for Gephi: coauthor gives authors and their papers "
      "(author-paper), institution authors and their own institutions (author-institution)")(
      "link", po::value(&options.link)->default_value(options.link),
      "for --network paper: what links two papers, authors | institutions | keywords")(
      "keywords", po::value(&options.keywords)->default_value(options.keywords),
      "keyword networks: explicit | extracted (from title and abstract) | all | auto (explicit "
      "where a record has any, else extracted)")(
      "counting", po::value(&options.counting)->default_value(options.counting),
      "full (each paper adds 1 to each pair) | fractional (1/(n-1), Perianes-Rodriguez et al. "
      "2016)")(
      "normalize", po::value(&options.normalize)->default_value(options.normalize),
      "edge weights: none | association (van Eck & Waltman 2009) | cosine | jaccard | inclusion")(
      "max-authors", po::value(&options.max_authors)->default_value(options.max_authors),
      "papers naming more entities than this add no links (0: no limit)")(
      "years", po::value(&options.years), "only papers of these years: 2015-2024, 2015-, -2024")(
      "min-occurrences",
      po::value(&options.min_occurrences)->default_value(options.min_occurrences),
      "drop nodes occurring in fewer papers")(
      "min-weight", po::value(&options.min_weight)->default_value(options.min_weight),
      "drop links lighter than this")("largest-component",
                                      po::bool_switch(&options.largest_component),
                                      "keep only the largest connected component")(
      "community", po::value(&options.community)->default_value(options.community),
      "community detection: leiden (Traag et al. 2019) | louvain (Blondel et al. 2008) | none")(
      "quality", po::value(&options.quality)->default_value(options.quality),
      "what Leiden optimises: modularity | cpm (constant Potts model)")(
      "resolution", po::value(&options.resolution)->default_value(options.resolution),
      "resolution: above 1 (modularity) gives more, smaller communities; for cpm, the "
      "density a community must exceed")(
      "seed", po::value(&options.seed)->default_value(options.seed),
      "random seed of the community detection; the same seed gives the same communities")(
      "stability", po::value(&options.stability)->default_value(options.stability),
      "rerun the community detection with N seeds and report how stable the partition is")(
      "metrics", po::value(&options.metrics),
      "metrics to compute, comma-separated: degree, in_degree, out_degree (citation), "
      "weighted_degree, betweenness, closeness, eigenvector, pagerank, clustering, core "
      "(default: all that are affordable for the size)")(
      "approx", po::value(&options.approx)->default_value(options.approx),
      "sampled betweenness from N sources (0: exact while affordable, sampled above)")(
      "damping", po::value(&options.damping)->default_value(options.damping), "PageRank damping");
}

std::optional<NetworkSpec> network_spec(const NetworkOptions& options, std::ostream& err) {
  NetworkSpec spec;
  std::string name = options.network;
  if (options.bipartite) {
    if (name == "coauthor" || name == "author-paper") {
      name = "author-paper";
    } else if (name == "institution" || name == "author-institution") {
      name = "author-institution";
    } else {
      err << "citenet: --bipartite: --network " << name
          << " has no two-kind variant (coauthor gives authors and papers, institution authors "
             "and institutions)\n";
      return std::nullopt;
    }
  }
  const auto kind = parse_network_kind(name);
  if (!kind) {
    err << "citenet: unknown --network '" << options.network
        << "' (choose coauthor, institution, country, keyword, paper, citation, cocitation, "
           "coupling, author-paper or author-institution)\n";
    return std::nullopt;
  }
  spec.kind = *kind;
  const auto link = parse_paper_link(options.link);
  if (!link) {
    err << "citenet: unknown --link '" << options.link
        << "' (choose authors, institutions or keywords)\n";
    return std::nullopt;
  }
  spec.link = *link;
  const auto counting = parse_counting(options.counting);
  if (!counting) {
    err << "citenet: unknown --counting '" << options.counting << "' (choose full or fractional)\n";
    return std::nullopt;
  }
  spec.counting = *counting;
  const auto normalization = parse_normalization(options.normalize);
  if (!normalization) {
    err << "citenet: unknown --normalize '" << options.normalize
        << "' (choose none, association, cosine, jaccard or inclusion)\n";
    return std::nullopt;
  }
  spec.normalization = *normalization;
  spec.max_entities = options.max_authors;
  if (!options.years.empty()) {
    std::string error;
    const auto years = parse_year_range(options.years, &error);
    if (!years) {
      err << "citenet: --years: " << error << "\n";
      return std::nullopt;
    }
    spec.years = *years;
  }
  if (options.keywords != "auto" && options.keywords != "explicit" &&
      options.keywords != "extracted" && options.keywords != "all") {
    err << "citenet: unknown --keywords '" << options.keywords
        << "' (choose auto, explicit, extracted or all)\n";
    return std::nullopt;
  }
  if (!(options.resolution > 0)) {
    err << "citenet: --resolution must be a positive number\n";
    return std::nullopt;
  }
  return spec;
}

std::optional<AuthorKeyMode> parse_author_key(const std::string& name) {
  if (name == "smart") return AuthorKeyMode::smart;
  if (name == "full") return AuthorKeyMode::full;
  if (name == "initials") return AuthorKeyMode::initials;
  if (name == "initial") return AuthorKeyMode::initial;
  return std::nullopt;
}

CorpusNeeds corpus_needs(const NetworkSpec& spec, const NetworkOptions& options) {
  CorpusNeeds needs;
  const bool keyword_network =
      spec.kind == NetworkKind::keyword ||
      (spec.kind == NetworkKind::paper && spec.link == PaperLink::keywords);
  if (keyword_network) {
    if (options.keywords == "explicit")
      needs.keywords = KeywordSource::explicit_only;
    else if (options.keywords == "extracted")
      needs.keywords = KeywordSource::extracted;
    else if (options.keywords == "all")
      needs.keywords = KeywordSource::all;
    else
      needs.keywords = KeywordSource::automatic;
  }
  needs.references = needs_references(spec.kind);
  return needs;
}

std::shared_ptr<const Network> make_network(const Corpus& corpus, const NetworkSpec& spec,
                                            const NetworkOptions& options, std::ostream& err) {
  // Built in place: Boost's adjacency_list copies on every move.
  std::shared_ptr<BuiltNetwork> built(new BuiltNetwork(build_network_with_report(corpus, spec)));
  const BuildReport& report = built->report;
  if (report.papers_outside_years)
    err << "--years " << options.years << ": " << report.papers_outside_years
        << " papers left out\n";
  if (report.papers_over_max)
    err << "--max-authors " << options.max_authors << ": " << report.papers_over_max
        << " papers counted but not linked\n";
  if (const std::size_t n = report.authors_unattributed; n == 1)
    err << "author-institution: 1 author slot had no institution of its own and was left "
           "unlinked\n";
  else if (n > 1)
    err << "author-institution: " << n
        << " author slots had no institution of their own and were left unlinked\n";
  if (needs_references(spec.kind))
    err << report.papers_with_references << " papers cite something; " << report.citations_resolved
        << " references are papers of the corpus\n";
  // The network stays inside `built`; the aliasing pointer keeps both alive together.
  const std::shared_ptr<Network> network(built, &built->network);
  const auto thinned = [&](const char* what, std::pair<std::size_t, std::size_t> removed) {
    err << what << ": removed " << removed.first << " nodes and " << removed.second << " links\n";
  };
  if (options.min_occurrences > 1) {
    std::vector<bool> keep(network->nodes.size());
    for (std::size_t v = 0; v < keep.size(); ++v)
      keep[v] = network->nodes[v].papers >= options.min_occurrences;
    thinned("--min-occurrences", keep_nodes(*network, renumber(keep), -1.0, spec.threads));
  }
  if (options.min_weight > 0) {
    std::vector<bool> keep(network->nodes.size(), true);
    thinned("--min-weight", keep_nodes(*network, renumber(keep), options.min_weight, spec.threads));
  }
  if (options.top > 0 && options.top < network->nodes.size()) {
    std::vector<double> metric;
    if (options.top_by == "papers" || options.top_by == "citations") {
      for (const NodeAttributes& node : network->nodes)
        metric.push_back(options.top_by == "papers" ? node.papers : node.citations);
    } else {
      const auto which = parse_metric(options.top_by);
      if (!which) {
        err << "citenet: unknown --top-by '" << options.top_by
            << "' (papers, citations, or a metric name)\n";
        return nullptr;
      }
      AnalysisOptions only;
      only.metrics = std::vector<Metric>{*which};
      only.community = CommunityMethod::none;
      only.threads = spec.threads;
      metric = analyse(*network, only).values(*which);
    }
    std::vector<std::uint32_t> order(metric.size());
    for (std::uint32_t v = 0; v < order.size(); ++v) order[v] = v;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return metric[a] > metric[b]; });
    std::vector<bool> keep(metric.size(), false);
    for (std::size_t i = 0; i < options.top; ++i) keep[order[i]] = true;
    thinned("--top", keep_nodes(*network, renumber(keep), -1.0, spec.threads));
  }
  if (options.largest_component && !network->nodes.empty()) {
    const Components parts = components(network->graph);
    std::vector<bool> keep(network->nodes.size());
    for (std::size_t v = 0; v < keep.size(); ++v) keep[v] = parts.id[v] == 0;
    thinned("--largest-component", keep_nodes(*network, renumber(keep), -1.0, spec.threads));
  }
  return network;
}

std::optional<AnalysisOptions> analysis_options(const NetworkOptions& options, std::ostream& err) {
  AnalysisOptions a;
  a.resolution = options.resolution;
  a.seed = options.seed;
  a.damping = options.damping;
  a.betweenness_pivots = options.approx;
  a.stability_runs = options.stability;
  if (options.community == "leiden")
    a.community = CommunityMethod::leiden;
  else if (options.community == "louvain")
    a.community = CommunityMethod::louvain;
  else if (options.community == "none")
    a.community = CommunityMethod::none;
  else {
    err << "citenet: unknown --community '" << options.community
        << "' (choose leiden, louvain or none)\n";
    return std::nullopt;
  }
  if (options.quality == "cpm") {
    if (a.community == CommunityMethod::louvain) {
      err << "citenet: --quality cpm needs --community leiden\n";
      return std::nullopt;
    }
    a.quality = CommunityQuality::cpm;
  } else if (options.quality != "modularity") {
    err << "citenet: unknown --quality '" << options.quality << "' (choose modularity or cpm)\n";
    return std::nullopt;
  }
  if (!(options.damping > 0 && options.damping <= 1)) {
    err << "citenet: --damping must be in (0, 1]\n";
    return std::nullopt;
  }
  if (!options.metrics.empty()) {
    std::vector<Metric> metrics;
    std::size_t start = 0;
    while (start <= options.metrics.size()) {
      std::size_t end = options.metrics.find(',', start);
      if (end == std::string::npos) end = options.metrics.size();
      const std::string name = options.metrics.substr(start, end - start);
      const auto metric = parse_metric(name);
      if (!metric) {
        err << "citenet: unknown metric '" << name << "' in --metrics (known: degree, in_degree, "
            << "out_degree, weighted_degree, betweenness, closeness, eigenvector, pagerank, "
            << "clustering, core)\n";
        return std::nullopt;
      }
      metrics.push_back(*metric);
      start = end + 1;
    }
    a.metrics = std::move(metrics);
  }
  return a;
}

std::optional<Corpus> load_corpus(const InputOptions& options, std::ostream& err, CorpusNeeds needs,
                                  LoadTap* tap) {
  // Every command that reads comes through here first: progress lines for its steps are
  // drawn only on a terminal, and never with -q.
  configure_progress(isatty(STDERR_FILENO) != 0 && !options.quiet);
  if (options.inputs.empty()) {
    err << "citenet: no input files (try --help)\n";
    return std::nullopt;
  }
  const auto mode = parse_author_key(options.author_key);
  if (!mode) {
    err << "citenet: unknown --author-key '" << options.author_key
        << "' (choose smart, full, initials or initial)\n";
    return std::nullopt;
  }
  std::optional<Thesaurus> thesaurus;
  if (!options.thesaurus.empty()) {
    std::string error;
    thesaurus = Thesaurus::load(options.thesaurus, &error);
    if (!thesaurus) {
      err << error << "\n";
      return std::nullopt;
    }
  }
  CorpusOptions corpus_options;
  corpus_options.author_key = *mode;
  corpus_options.thesaurus = thesaurus ? &*thesaurus : nullptr;
  corpus_options.keywords = needs.keywords;
  corpus_options.merge_duplicates = !options.keep_duplicates;
  corpus_options.references = needs.references;
  corpus_options.threads = options.threads;
  CorpusBuilder builder(corpus_options);
  std::size_t expected_records = 0;
  for (const std::string& path : options.inputs) expected_records += estimated_records(path);
  builder.reserve(expected_records);
  ReadStats total;
  std::optional<Progress> step(std::in_place, "read");
  for (const std::string& path : options.inputs) {
    ReadStats stats;
    std::string error;
    ReadOptions read_options;
    read_options.threads = options.threads;
    read_options.prepare = [&](RecordView& v) { prepare_keys(v, corpus_options); };
    const std::string name = std::filesystem::path(path).filename().string();
    read_options.progress = [&](std::size_t done, std::size_t size, std::size_t records) {
      if (!step->wants_detail()) return;
      step->set_detail(name + ": " + human_bytes(done) + " of " + human_bytes(size) + ", " +
                       human_count(total.records_read + records) + " records");
    };
    if (!read_input_views(
            path,
            [&](RecordView& v) {
              if (tap && tap->record) tap->record(to_record(v));
              builder.add(v);
            },
            stats, &error, options.from, read_options)) {
      err << error << "\n";
      return std::nullopt;
    }
    if (options.strict && !stats.warnings.empty()) {
      step.reset();
      err << stats.warnings.front().to_string() << " (--strict: stopping)\n";
      return std::nullopt;
    }
    // Printed once reading is over, so they do not break into the progress line.
    if (!options.quiet)
      for (Diagnostic& d : stats.warnings) total.warnings.push_back(std::move(d));
    total.records_read += stats.records_read;
    total.records_skipped += stats.records_skipped;
  }
  step.reset();
  for (const Diagnostic& d : total.warnings) err << "warning: " << d.to_string() << "\n";
  if (total.records_read == 0) {
    err << total.records_read << " records read, " << total.records_skipped << " skipped\n";
    err << "citenet: no records could be read, nothing to do\n";
    return std::nullopt;
  }
  if (tap) {
    tap->records_read = total.records_read;
    tap->records_skipped = total.records_skipped;
  }
  Corpus corpus = [&] {
    const Progress authors("authors");  // who is who; duplicates folded into papers
    return builder.finish();
  }();
  err << total.records_read << " records read, " << total.records_skipped << " skipped, "
      << corpus.duplicates_merged << " merged as duplicates (" << corpus.papers.size()
      << " papers)\n";
  if (!options.author_merges.empty()) {
    std::string error;
    const auto rows = builder.author_merges();
    if (!write_atomically(
            options.author_merges,
            [&](std::ostream& out, std::string*) { return write_merge_table_csv(out, rows); },
            &error)) {
      err << "citenet: " << error << "\n";
      return std::nullopt;
    }
    err << "wrote " << options.author_merges << " (" << rows.size() << " authors)\n";
  }
  return corpus;
}

bool parse_command_line(const CommandArgs& args, const po::options_description& named,
                        const po::positional_options_description& positional,
                        const std::string& command, std::ostream& err, bool* help) {
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(named).positional(positional).run(), vm);
    *help = vm.count("help") > 0;
    if (!*help) po::notify(vm);
  } catch (const po::error& e) {
    err << "citenet " << command << ": " << e.what() << " (try citenet " << command << " --help)\n";
    return false;
  }
  return true;
}

}  // namespace citenet
