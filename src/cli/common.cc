#include <iostream>

#include "cli/commands.h"
#include "formats/input.h"
#include "render/atomic_file.h"

namespace po = boost::program_options;

namespace citenet {

void add_input_options(po::options_description& named, po::positional_options_description& positional,
                       InputOptions& options) {
  named.add_options()
      ("input", po::value(&options.inputs)->multitoken(), "record files (any number, mixed formats)")
      ("from", po::value(&options.from), "read every input as this format instead of detecting it: "
       "medline, pubmed-xml, wos, scopus, ris, bibtex, listing")
      ("author-key", po::value(&options.author_key)->default_value(options.author_key),
       "who is the same author: smart (ORCID, full name, then initials joined on evidence) | "
       "full | initials | initial")
      ("thesaurus", po::value(&options.thesaurus),
       "CSV of kind,from,to (kind: author, institution, country, keyword; empty to drops), or an "
       "edited --author-merges table")
      ("author-merges", po::value(&options.author_merges),
       "write the author merge table (key, forms, evidence, records) to this CSV")
      ("keep-duplicates", po::bool_switch(&options.keep_duplicates),
       "do not merge records of the same paper (same DOI, PMID, or title and year)")
      ("strict", po::bool_switch(&options.strict), "stop at the first bad record instead of skipping it")
      ("quiet,q", po::bool_switch(&options.quiet), "only the totals line, no per-record warnings");
  positional.add("input", -1);
}

void add_network_options(po::options_description& named, NetworkOptions& options) {
  named.add_options()
      ("network,n", po::value(&options.network)->default_value(options.network),
       "coauthor | institution | country | paper")
      ("link", po::value(&options.link)->default_value(options.link),
       "for --network paper: what links two papers, authors | institutions")
      ("community", po::value(&options.community)->default_value(options.community),
       "community detection: leiden (Traag et al. 2019) | louvain (Blondel et al. 2008) | none")
      ("quality", po::value(&options.quality)->default_value(options.quality),
       "what Leiden optimises: modularity | cpm (constant Potts model)")
      ("resolution", po::value(&options.resolution)->default_value(options.resolution),
       "resolution: above 1 (modularity) gives more, smaller communities; for cpm, the "
       "density a community must exceed")
      ("seed", po::value(&options.seed)->default_value(options.seed),
       "random seed of the community detection; the same seed gives the same communities")
      ("stability", po::value(&options.stability)->default_value(options.stability),
       "rerun the community detection with N seeds and report how stable the partition is")
      ("metrics", po::value(&options.metrics),
       "metrics to compute, comma-separated: degree, weighted_degree, betweenness, closeness, "
       "eigenvector, pagerank, clustering, core (default: all that are affordable for the size)")
      ("approx", po::value(&options.approx)->default_value(options.approx),
       "sampled betweenness from N sources (0: exact while affordable, sampled above)")
      ("damping", po::value(&options.damping)->default_value(options.damping), "PageRank damping");
}

std::optional<NetworkSpec> network_spec(const NetworkOptions& options, std::ostream& err) {
  NetworkSpec spec;
  const auto kind = parse_network_kind(options.network);
  if (!kind) {
    err << "citenet: unknown --network '" << options.network
        << "' (choose coauthor, institution, country or paper)\n";
    return std::nullopt;
  }
  spec.kind = *kind;
  const auto link = parse_paper_link(options.link);
  if (!link) {
    err << "citenet: unknown --link '" << options.link << "' (choose authors or institutions)\n";
    return std::nullopt;
  }
  spec.link = *link;
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

std::optional<AnalysisOptions> analysis_options(const NetworkOptions& options,
                                               std::ostream& err) {
  AnalysisOptions a;
  a.resolution = options.resolution;
  a.seed = options.seed;
  a.damping = options.damping;
  a.betweenness_pivots = options.approx;
  a.stability_runs = options.stability;
  if (options.community == "leiden") a.community = CommunityMethod::leiden;
  else if (options.community == "louvain") a.community = CommunityMethod::louvain;
  else if (options.community == "none") a.community = CommunityMethod::none;
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
        err << "citenet: unknown metric '" << name << "' in --metrics (known: degree, "
            << "weighted_degree, betweenness, closeness, eigenvector, pagerank, clustering, core)\n";
        return std::nullopt;
      }
      metrics.push_back(*metric);
      start = end + 1;
    }
    a.metrics = std::move(metrics);
  }
  return a;
}

std::optional<Corpus> load_corpus(const InputOptions& options, std::ostream& err,
                                  KeywordSource keywords) {
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
  CorpusBuilder builder({*mode, thesaurus ? &*thesaurus : nullptr, keywords,
                         !options.keep_duplicates});
  ReadStats total;
  for (const std::string& path : options.inputs) {
    ReadStats stats;
    std::string error;
    if (!read_input(path, [&](Record&& r) { builder.add(r); }, stats, &error, options.from)) {
      err << error << "\n";
      return std::nullopt;
    }
    if (options.strict && !stats.warnings.empty()) {
      err << stats.warnings.front().to_string() << " (--strict: stopping)\n";
      return std::nullopt;
    }
    if (!options.quiet)
      for (const Diagnostic& d : stats.warnings) err << "warning: " << d.to_string() << "\n";
    total.records_read += stats.records_read;
    total.records_skipped += stats.records_skipped;
  }
  if (total.records_read == 0) {
    err << total.records_read << " records read, " << total.records_skipped << " skipped\n";
    err << "citenet: no records could be read, nothing to do\n";
    return std::nullopt;
  }
  Corpus corpus = builder.finish();
  err << total.records_read << " records read, " << total.records_skipped << " skipped, "
      << corpus.duplicates_merged << " merged as duplicates (" << corpus.papers.size()
      << " papers)\n";
  if (!options.author_merges.empty()) {
    std::string error;
    const auto rows = builder.author_merges();
    if (!write_atomically(options.author_merges, [&](std::ostream& out, std::string*) {
          return write_merge_table_csv(out, rows);
        }, &error)) {
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
    err << "citenet " << command << ": " << e.what() << " (try citenet " << command
        << " --help)\n";
    return false;
  }
  return true;
}

}  // namespace citenet
