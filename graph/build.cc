#include "graph/build.h"

#include <algorithm>
#include <array>
#include <functional>
#include <numeric>
#include <span>

#include "graph/parallel.h"
#include "graph/timing.h"

namespace citenet {

namespace {

// A pair of node ids packed into one integer, so counting co-occurrences is a sort and a
// run-length pass over flat memory rather than a map of pairs.
std::uint64_t pack(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

WeightedEdge unpack(std::uint64_t key, double weight) {
  return {static_cast<std::uint32_t>(key >> 32), static_cast<std::uint32_t>(key & 0xffffffffu),
          weight};
}

// Linking units (a paper's entities, an entity's papers …) stored flat: unit u's members,
// distinct and sorted, are members[offsets[u] .. offsets[u+1]).
struct Units {
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> members;
  std::size_t size() const { return offsets.size() - 1; }
  std::span<const std::uint32_t> operator[](std::size_t u) const {
    return {members.data() + offsets[u], offsets[u + 1] - offsets[u]};
  }
  void push_distinct(std::span<const std::uint32_t> ids) {
    const auto begin = members.insert(members.end(), ids.begin(), ids.end());
    // Ids are interned in order of first appearance, so a list of new ones is in order
    // already, and checking is cheaper than sorting.
    if (std::adjacent_find(begin, members.end(), std::greater_equal<>()) != members.end()) {
      std::sort(begin, members.end());
      members.erase(std::unique(begin, members.end()), members.end());
    }
    offsets.push_back(static_cast<std::uint32_t>(members.size()));
  }
};

// Pair counts of the bipartite kinds: full counting keeps 8-byte keys only; fractional
// counting keeps a weight beside each key. Both sorted, then summed per key in one pass.
class PairCounter {
 public:
  explicit PairCounter(Counting counting) : counting_(counting) {}

  // One pair with its own weight (bipartite links); `weight` must be 1 under full counting.
  void add(std::uint32_t a, std::uint32_t b, double weight) {
    if (counting_ == Counting::full)
      keys_.push_back(pack(a, b));
    else
      weighted_.push_back({pack(a, b), weight});
  }

  // Sorted by (source, target). Equal keys are summed in (key, weight) order, so the sums
  // do not depend on the order units were added in.
  std::vector<WeightedEdge> edges() {
    std::vector<WeightedEdge> edges;
    if (counting_ == Counting::full) {
      std::sort(keys_.begin(), keys_.end());
      for (std::size_t i = 0; i < keys_.size();) {
        std::size_t j = i;
        while (j < keys_.size() && keys_[j] == keys_[i]) ++j;
        edges.push_back(unpack(keys_[i], static_cast<double>(j - i)));
        i = j;
      }
      return edges;
    }
    std::sort(weighted_.begin(), weighted_.end());
    for (std::size_t i = 0; i < weighted_.size();) {
      double sum = 0;
      std::size_t j = i;
      for (; j < weighted_.size() && weighted_[j].first == weighted_[i].first; ++j)
        sum += weighted_[j].second;
      edges.push_back(unpack(weighted_[i].first, sum));
      i = j;
    }
    return edges;
  }

 private:
  Counting counting_;
  std::vector<std::uint64_t> keys_;
  std::vector<std::pair<std::uint64_t, double>> weighted_;
};

// Which units each node belongs to: node v's units, increasing, are
// at[first[v] .. first[v+1]). A counting sort of the units' members, which also keeps where
// in each unit the members after v start and end, so the co-occurrence passes neither
// search for v in the unit nor read the unit offsets again.
struct Incidence {
  struct At {
    std::uint32_t unit;
    std::uint32_t begin;  // members[begin .. after - 1): the members of `unit` below v
    std::uint32_t after;  // members[after .. end): the members of `unit` above v
    std::uint32_t end;
  };
  std::vector<std::uint64_t> first;
  std::vector<At> at;
};

Incidence invert(const Units& units, std::size_t node_count) {
  Incidence inc;
  inc.first.assign(node_count + 1, 0);
  for (const std::uint32_t m : units.members) ++inc.first[m + 1];
  std::partial_sum(inc.first.begin(), inc.first.end(), inc.first.begin());
  inc.at.resize(inc.first.back());
  std::vector<std::uint64_t> fill(inc.first.begin(), inc.first.end() - 1);
  for (std::size_t u = 0; u < units.size(); ++u)
    for (std::uint32_t k = units.offsets[u]; k < units.offsets[u + 1]; ++k)
      inc.at[fill[units.members[k]]++] = {static_cast<std::uint32_t>(u), units.offsets[u], k + 1,
                                          units.offsets[u + 1]};
  return inc;
}

struct CoOccurrence {
  std::vector<WeightedEdge> edges;  // without the graph
  Graph graph;                      // when asked for; then no edge list
};

// Sorts `row`, made of the increasing runs row[cuts[i] .. cuts[i+1]), by merging neighbouring
// runs until one is left: L log k comparisons for k runs instead of a sort's L log L, and a
// node's units give it few runs. `buffer` is scratch; `cuts` is used up.
void merge_runs(std::vector<std::uint32_t>& row, std::vector<std::uint32_t>& buffer,
                std::vector<std::uint32_t>& cuts) {
  if (cuts.size() <= 2) return;
  buffer.resize(row.size());
  while (cuts.size() > 2) {
    std::size_t kept = 1;
    std::size_t i = 0;
    for (; i + 2 < cuts.size(); i += 2) {
      std::merge(row.begin() + cuts[i], row.begin() + cuts[i + 1], row.begin() + cuts[i + 1],
                 row.begin() + cuts[i + 2], buffer.begin() + cuts[i]);
      cuts[kept++] = cuts[i + 2];
    }
    if (i + 1 < cuts.size()) {
      std::copy(row.begin() + cuts[i], row.begin() + cuts[i + 1], buffer.begin() + cuts[i]);
      cuts[kept++] = cuts[i + 1];
    }
    cuts.resize(kept);
    row.swap(buffer);
  }
}

// Co-occurrence edges: every two members of a linking unit gain pair_weight(counting, unit
// size), and `finish(a, b, sum)` (a < b) turns a pair's sum into its weight. Row by row, as
// Gustavson's sparse product A A^T (Gustavson 1978, "Two fast algorithms for sparse
// matrices", ACM TOMS 4(3)): node v visits its units and adds each partner into a dense
// accumulator, so the list of all pairs (hundreds of millions for a million records) is
// never stored. A first pass sizes every row so the arrays are allocated once at their
// final size; sums are added in unit order, so no result depends on the thread count.
//
// For an edge list, v's partners are the members above v, each pair once. With `with_graph`,
// the CSR rows are written by the same pass instead of an edge list: the graph is where the
// network keeps its links, and a list beside it would be a gigabyte of fresh memory at a
// million records. Then v's partners are all the other members, so every pair is summed
// twice, once in each row; it costs twice the adding but writes each row in one sequential
// run. Writing each pair once and its mirror into the partner's row (a transpose) made half
// the stores land far apart, and at a million records that was more than half of the pass
// (docs/scaling.md, stop 18). Both sums of a pair add the same units in the same order, so
// the two directions carry the same bits.
template <typename Finish>
CoOccurrence co_occurrence(const Units& units, const std::vector<bool>& links, const Incidence& inc,
                           std::size_t node_count, Counting counting, bool with_graph,
                           unsigned threads, Finish&& finish) {
  const std::size_t n = node_count;
  Stopwatch clock;
  // Calls f(member, unit) for every partner of v in every linking unit of v: the members
  // below v too when the whole row is wanted. Both passes wait on memory at a million
  // records, on the first members of each unit (units lie anywhere) and on those members'
  // accumulator entries, so the units a few places ahead in the incidence list (v's, then
  // the next nodes') are asked for early: first their members, then, once those are
  // loaded, touch(member) asks for the members' entries.
  constexpr std::uint64_t kFar = 8;
  constexpr std::uint64_t kNear = 4;
  constexpr std::uint32_t kTouched = 16;
  // Where a pass starts reading a unit's members: an edge list reads only those above v.
  const auto first_read = [&](const Incidence::At& at) { return with_graph ? at.begin : at.after; };
  const auto for_each_partner = [&](std::uint32_t v, auto&& f, auto&& touch) {
    for (std::uint64_t i = inc.first[v]; i < inc.first[v + 1]; ++i) {
      if (i + kFar < inc.at.size())
        __builtin_prefetch(units.members.data() + first_read(inc.at[i + kFar]));
      if (i + kNear < inc.at.size()) {
        const Incidence::At& near = inc.at[i + kNear];
        const std::uint32_t first = first_read(near);
        for (std::uint32_t k = first; k < std::min(near.end, first + kTouched); ++k)
          touch(units.members[k]);
      }
      const Incidence::At at = inc.at[i];
      if (!links[at.unit]) continue;
      if (with_graph)
        for (std::uint32_t k = at.begin; k + 1 < at.after; ++k) f(units.members[k], at.unit);
      for (std::uint32_t k = at.after; k < at.end; ++k) f(units.members[k], at.unit);
    }
  };

  // Lanes of about equal work (partners visited; for an edge list most of them in the low
  // rows, as ids are interned in order of appearance), more lanes than threads so a lane held
  // up on a busy machine leaves the others to the rest.
  std::vector<std::uint64_t> work(n + 1, 0);
  constexpr std::size_t kBlock = 1 << 14;
  parallel_blocks(n, kBlock, threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t v = begin; v < end; ++v) {
      std::uint64_t w = 1;
      for (std::uint64_t i = inc.first[v]; i < inc.first[v + 1]; ++i) {
        const Incidence::At& at = inc.at[i];
        if (links[at.unit]) w += with_graph ? at.end - at.begin - 1 : at.end - at.after;
      }
      work[v + 1] = w;
    }
  });
  std::partial_sum(work.begin(), work.end(), work.begin());
  constexpr std::size_t kMinWorkPerLane = 1 << 16;
  const std::size_t lanes = std::clamp<std::size_t>(
      work.back() / kMinWorkPerLane, 1, std::min<std::size_t>(16, 4 * resolve_threads(threads)));
  std::vector<std::uint32_t> lane_begin(lanes + 1, static_cast<std::uint32_t>(n));
  for (std::size_t lane = 0; lane < lanes; ++lane)
    lane_begin[lane] = static_cast<std::uint32_t>(
        std::lower_bound(work.begin(), work.end() - 1, work.back() * lane / lanes) - work.begin());
  lane_begin[0] = 0;
  work = {};

  constexpr std::uint32_t kUnmarked = 0xFFFFFFFFu;
  // mark[m] == v: m already counted in row v.
  const auto make_marks = [&] { return std::vector<std::uint32_t>(n, kUnmarked); };
  std::vector<std::uint64_t> edge_start(n + 1, 0);  // upper part sizes, then offsets
  std::vector<std::uint64_t> row_start(with_graph ? n + 1 : 0, 0);
  parallel_blocks_with(lanes, 1, threads, make_marks,
                       [&](std::size_t lane, std::size_t, std::vector<std::uint32_t>& mark) {
                         for (std::uint32_t v = lane_begin[lane]; v < lane_begin[lane + 1]; ++v) {
                           std::uint64_t size = 0;
                           std::uint64_t upper = 0;
                           for_each_partner(
                               v,
                               [&](std::uint32_t m, std::uint32_t) {
                                 if (mark[m] != v) {
                                   mark[m] = v;
                                   ++size;
                                   upper += m > v;
                                 }
                               },
                               [&](std::uint32_t m) { __builtin_prefetch(&mark[m]); });
                           edge_start[v + 1] = upper;
                           if (with_graph) row_start[v + 1] = size;
                         }
                       });
  std::partial_sum(row_start.begin(), row_start.end(), row_start.begin());
  std::partial_sum(edge_start.begin(), edge_start.end(), edge_start.begin());
  report_timing("network/row-sizes", clock.lap());

  CoOccurrence out;
  std::vector<std::uint32_t> column;
  std::vector<double> weight;
  if (with_graph) {
    resize_prefaulted(column, row_start.back(), threads);
    resize_prefaulted(weight, row_start.back(), threads);
  } else {
    resize_prefaulted(out.edges, edge_start.back(), threads);
  }
  report_timing("network/allocate", clock.lap());
  // The rows, summed per thread in one of two accumulators. Sums: a mark and a double a node,
  // in two arrays, for fractional counting. Tallies: mark and count side by side in one 8-byte
  // entry, for full counting, whose sums are whole numbers; a partner visit then reads one
  // cache line instead of two, from two thirds of the bytes (rows 1.41 -> 1.12 s at 1M,
  // docs/scaling.md). A count converts to the same double the sum of ones was.
  struct RowScratch {
    std::vector<std::uint32_t> row;
    std::vector<std::uint32_t> merged;  // merge_runs' buffer
    std::vector<std::uint32_t> cuts;    // row[cuts[i] .. cuts[i+1]) increasing: one unit's partners
  };
  struct Sums : RowScratch {
    std::vector<std::uint32_t> mark;  // mark[m] == v: m already in row v
    std::vector<double> sum;
    const Units* units;
    Counting counting;
    // Adds the unit's pair weight to m's sum in row v; true when m is new to the row.
    bool add(std::uint32_t v, std::uint32_t m, std::uint32_t unit) {
      const double w = pair_weight(counting, (*units)[unit].size());
      if (mark[m] != v) {
        mark[m] = v;
        sum[m] = w;
        return true;
      }
      sum[m] += w;
      return false;
    }
    void touch(std::uint32_t m) const {
      __builtin_prefetch(&mark[m]);
      __builtin_prefetch(&sum[m]);
    }
    double sum_of(std::uint32_t m) const { return sum[m]; }
  };
  struct Tallies : RowScratch {
    struct Tally {
      std::uint32_t mark;  // == v: m already in row v
      std::uint32_t count;
    };
    std::vector<Tally> tally;
    bool add(std::uint32_t v, std::uint32_t m, std::uint32_t) {
      Tally& t = tally[m];
      if (t.mark != v) {
        t = {v, 1};
        return true;
      }
      ++t.count;
      return false;
    }
    void touch(std::uint32_t m) const { __builtin_prefetch(&tally[m]); }
    double sum_of(std::uint32_t m) const { return tally[m].count; }
  };
  const auto lay_out_rows = [&](auto make_accumulator) {
    parallel_blocks_with(
        lanes, 1, threads, make_accumulator, [&](std::size_t lane, std::size_t, auto& s) {
          for (std::uint32_t v = lane_begin[lane]; v < lane_begin[lane + 1]; ++v) {
            s.row.clear();
            s.cuts.assign(1, 0);
            std::uint32_t last_unit = kUnmarked;
            for_each_partner(
                v,
                [&](std::uint32_t m, std::uint32_t unit) {
                  if (unit != last_unit) {
                    if (s.cuts.back() != s.row.size())
                      s.cuts.push_back(static_cast<std::uint32_t>(s.row.size()));
                    last_unit = unit;
                  }
                  if (s.add(v, m, unit)) s.row.push_back(m);
                },
                [&](std::uint32_t m) { s.touch(m); });
            if (s.cuts.back() != s.row.size())
              s.cuts.push_back(static_cast<std::uint32_t>(s.row.size()));
            merge_runs(s.row, s.merged, s.cuts);
            if (!with_graph) {
              WeightedEdge* edge = out.edges.data() + edge_start[v];
              for (const std::uint32_t m : s.row) *edge++ = {v, m, finish(v, m, s.sum_of(m))};
              continue;
            }
            std::uint64_t at = row_start[v];
            for (const std::uint32_t m : s.row) {
              column[at] = m;
              weight[at++] = m > v ? finish(v, m, s.sum_of(m)) : finish(m, v, s.sum_of(m));
            }
          }
        });
  };
  if (counting == Counting::full) {
    lay_out_rows([&] {
      Tallies tallies;
      tallies.tally.assign(n, {kUnmarked, 0});
      return tallies;
    });
  } else {
    lay_out_rows([&] {
      Sums sums;
      sums.mark.assign(n, kUnmarked);
      sums.sum.assign(n, 0.0);
      sums.units = &units;
      sums.counting = counting;
      return sums;
    });
  }
  report_timing("network/rows", clock.lap());
  // edge_start counts each row's upper part: the graph's link offsets. The marks let each
  // partner into a row once, so no pair is there twice.
  if (with_graph)
    out.graph = Graph(std::move(row_start), std::move(column), std::move(weight),
                      std::move(edge_start), /*distinct_pairs=*/true);
  return out;
}

// `paper`: anything with the paper's citations and year (PaperInfo, PaperFacts).
template <typename Paper>
void add_occurrence(NodeAttributes& node, const Paper& paper) {
  ++node.papers;
  node.citations += paper.citations;
  if (paper.year) {
    node.first_year = node.first_year ? std::min(node.first_year, paper.year) : paper.year;
    node.last_year = std::max(node.last_year, paper.year);
  }
}

NodeAttributes paper_node(const Corpus& corpus, std::uint32_t p) {
  const PaperInfo& paper = corpus.papers[p];
  NodeAttributes node{paper.label, 1, paper.citations, paper.year, paper.year};
  node.mean_year = paper.year;
  // Countries are listed in the order the affiliations name them, so the first is usually
  // the first author's.
  if (p < corpus.countries.size() && !corpus.countries[p].empty())
    node.country = corpus.country_labels[corpus.countries[p][0]];
  return node;
}

// What every kind starts from: the selected papers and their distinct entities.
struct Selection {
  std::vector<std::uint32_t> papers;  // corpus paper ids inside the year range, in order
  Units lists;                        // per selected paper: its distinct entities
  std::vector<bool> links;            // per selected paper: within max_entities
};

Selection select(const Corpus& corpus, const IdLists* per_paper, const NetworkSpec& spec,
                 BuildReport& report) {
  Stopwatch clock;
  Selection s;
  for (std::uint32_t p = 0; p < corpus.papers.size(); ++p) {
    if (!spec.years.contains(corpus.papers[p].year)) {
      ++report.papers_outside_years;
      continue;
    }
    s.papers.push_back(p);
    s.lists.push_distinct(per_paper && p < per_paper->size() ? (*per_paper)[p]
                                                             : std::span<const std::uint32_t>());
    const std::size_t n = s.lists[s.lists.size() - 1].size();
    const bool over = spec.max_entities && n > spec.max_entities;
    s.links.push_back(!over);
    if (over) ++report.papers_over_max;
  }
  report.papers = s.papers.size();
  report_timing("network/select", clock.lap());
  return s;
}

// Each entity's occurrences, mean year and most frequent country over the selected papers
// it occurs in, entity by entity on threads: sums of integer years and counts are exact in
// any order, and ascending country ids make a tie go to the country seen first in the
// corpus, so the attributes do not depend on the thread count.
void add_entity_attributes(const Corpus& corpus, const Selection& s, const Incidence& papers_of,
                           const std::vector<std::string>& labels, Network& network,
                           unsigned threads) {
  const bool has_countries = corpus.countries.size() == corpus.papers.size();
  // What an entity takes from each of its papers, gathered in paper order first: the entity
  // pass then reads one 24-byte entry a paper instead of three far places (the paper with its
  // label, the selection, the country offsets).
  struct PaperFacts {
    const std::uint32_t* countries;
    std::uint32_t country_count;
    std::uint32_t citations;
    int year;
  };
  std::vector<PaperFacts> facts(s.papers.size());
  constexpr std::size_t kBlock = 4096;
  parallel_blocks(s.papers.size(), kBlock, threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t u = begin; u < end; ++u) {
      const std::uint32_t p = s.papers[u];
      const auto countries = has_countries ? corpus.countries[p] : std::span<const std::uint32_t>();
      facts[u] = {countries.data(), static_cast<std::uint32_t>(countries.size()),
                  corpus.papers[p].citations, corpus.papers[p].year};
    }
  });
  constexpr std::uint64_t kFactsAhead = 8;
  // Per thread: papers of the entity naming each country, and the countries seen so far.
  struct Tally {
    std::vector<std::uint32_t> count;
    std::vector<std::uint32_t> seen;
  };
  const std::size_t countries_known = corpus.country_labels.size();
  parallel_blocks_with(
      labels.size(), kBlock, threads,
      [&] {
        return Tally{std::vector<std::uint32_t>(countries_known, 0), {}};
      },
      [&](std::size_t begin, std::size_t end, Tally& tally) {
        for (std::size_t id = begin; id < end; ++id) {
          NodeAttributes& node = network.nodes[id];
          node.label = labels[id];
          double year_sum = 0;
          std::uint32_t dated = 0;
          for (std::uint64_t i = papers_of.first[id]; i < papers_of.first[id + 1]; ++i) {
            // The papers ahead are known, and without asking for them early the loop waits on
            // each paper's facts and then on its countries: 0.49-0.66 s -> 0.19-0.31 s at 1M
            // (later builds of bench_build, docs/scaling.md).
            if (i + kFactsAhead < papers_of.at.size()) {
              __builtin_prefetch(&facts[papers_of.at[i + kFactsAhead].unit]);
              __builtin_prefetch(facts[papers_of.at[i + kFactsAhead / 2].unit].countries);
            }
            const PaperFacts& paper = facts[papers_of.at[i].unit];
            add_occurrence(node, paper);
            if (paper.year) {
              year_sum += paper.year;
              ++dated;
            }
            for (std::uint32_t k = 0; k < paper.country_count; ++k)
              if (tally.count[paper.countries[k]]++ == 0) tally.seen.push_back(paper.countries[k]);
          }
          if (dated) node.mean_year = year_sum / dated;
          std::uint32_t best = 0;
          std::uint32_t most = 0;
          for (const std::uint32_t c : tally.seen) {
            const std::uint32_t n = tally.count[c];
            if (n > best || (n == best && c < most)) {
              best = n;
              most = c;
            }
            tally.count[c] = 0;
          }
          tally.seen.clear();
          if (best) node.country = corpus.country_labels[most];
        }
      });
}

// A network as a kind's builder leaves it: its links laid out in `network.graph` already,
// or still a list, given to the network once nodes in no selected paper are dropped.
struct Draft {
  Network network;
  std::vector<WeightedEdge> edges;
  bool laid_out = false;
};

// Entity nodes linked by the papers they share: units are papers, members entities.
// s_i = papers of entity i; N = selected papers.
Draft entity_network(const Corpus& corpus, const Selection& s,
                     const std::vector<std::string>& labels, const NetworkSpec& spec) {
  Draft draft;
  Network& network = draft.network;
  Stopwatch clock;
  network.nodes.resize(labels.size());
  const Incidence papers_of = invert(s.lists, labels.size());
  report_timing("network/incidence", clock.lap());
  add_entity_attributes(corpus, s, papers_of, labels, network, spec.threads);
  report_timing("network/attributes", clock.lap());
  // Nodes in no selected paper are dropped afterwards and the graph laid out then.
  draft.laid_out = std::all_of(network.nodes.begin(), network.nodes.end(),
                               [](const NodeAttributes& n) { return n.papers > 0; });
  const auto units = static_cast<double>(s.papers.size());
  CoOccurrence co = co_occurrence(
      s.lists, s.links, papers_of, labels.size(), spec.counting, draft.laid_out, spec.threads,
      [&](std::uint32_t a, std::uint32_t b, double sum) {
        return spec.normalization == Normalization::none
                   ? sum
                   : normalized_weight(spec.normalization, sum, network.nodes[a].papers,
                                       network.nodes[b].papers, units);
      });
  draft.edges = std::move(co.edges);
  network.graph = std::move(co.graph);
  return draft;
}

// Paper nodes linked by the entities they share: invert paper -> entities, so each entity
// is a unit whose members are its papers. Papers over max_entities join no unit.
// s_i = entities of paper i; N = entities with at least one linking paper.
Draft paper_network(const Corpus& corpus, const Selection& s, std::size_t entity_count,
                    const NetworkSpec& spec) {
  Draft draft;
  Network& network = draft.network;
  network.nodes.resize(corpus.papers.size());
  for (std::uint32_t p : s.papers) network.nodes[p] = paper_node(corpus, p);
  std::vector<std::uint32_t> offsets(entity_count + 1, 0);
  for (std::size_t u = 0; u < s.papers.size(); ++u)
    if (s.links[u])
      for (std::uint32_t id : s.lists[u]) ++offsets[id + 1];
  for (std::size_t e = 0; e < entity_count; ++e) offsets[e + 1] += offsets[e];
  Units by_entity;
  by_entity.members.resize(offsets.back());
  std::vector<std::uint32_t> fill(offsets.begin(), offsets.end() - 1);
  for (std::size_t u = 0; u < s.papers.size(); ++u)
    if (s.links[u])
      for (std::uint32_t id : s.lists[u]) by_entity.members[fill[id]++] = s.papers[u];
  by_entity.offsets = std::move(offsets);  // members ascending: papers were visited in order
  const std::vector<bool> all(by_entity.size(), true);
  std::size_t units = 0;
  for (std::size_t e = 0; e < by_entity.size(); ++e)
    if (!by_entity[e].empty()) ++units;
  std::vector<double> occurrences(network.nodes.size(), 0.0);
  for (std::size_t u = 0; u < s.papers.size(); ++u)
    occurrences[s.papers[u]] = static_cast<double>(s.lists[u].size());
  // Papers outside the year range are dropped afterwards and the graph laid out then.
  draft.laid_out = s.papers.size() == corpus.papers.size();
  CoOccurrence co = co_occurrence(
      by_entity, all, invert(by_entity, corpus.papers.size()), corpus.papers.size(), spec.counting,
      draft.laid_out, spec.threads, [&](std::uint32_t a, std::uint32_t b, double sum) {
        return spec.normalization == Normalization::none
                   ? sum
                   : normalized_weight(spec.normalization, sum, occurrences[a], occurrences[b],
                                       static_cast<double>(units));
      });
  draft.edges = std::move(co.edges);
  network.graph = std::move(co.graph);
  return draft;
}

// Papers with an arc u -> v when one of u's references is the cited work v is.
Draft citation_network(const Corpus& corpus, const Selection& s, BuildReport& report) {
  Draft draft;
  Network& network = draft.network;
  std::vector<WeightedEdge>& arcs = draft.edges;
  network.directed = true;
  network.nodes.resize(corpus.papers.size());
  std::vector<bool> selected(corpus.papers.size(), false);
  for (std::uint32_t p : s.papers) {
    network.nodes[p] = paper_node(corpus, p);
    selected[p] = true;
  }
  std::vector<std::uint32_t> work_paper(corpus.reference_labels.size(), kNoWork);
  for (std::uint32_t p = 0; p < corpus.paper_work.size(); ++p) {
    const std::uint32_t w = corpus.paper_work[p];
    if (w != kNoWork && work_paper[w] == kNoWork) work_paper[w] = p;
  }
  for (std::size_t u = 0; u < s.papers.size(); ++u) {
    const std::uint32_t citing = s.papers[u];
    for (std::uint32_t w : s.lists[u]) {
      const std::uint32_t cited = work_paper[w];
      if (cited != kNoWork && cited != citing && selected[cited])
        arcs.push_back({citing, cited, 1.0});
    }
  }
  std::sort(arcs.begin(), arcs.end(), [](const WeightedEdge& a, const WeightedEdge& b) {
    return a.source != b.source ? a.source < b.source : a.target < b.target;
  });
  arcs.erase(std::unique(arcs.begin(), arcs.end(),
                         [](const WeightedEdge& a, const WeightedEdge& b) {
                           return a.source == b.source && a.target == b.target;
                         }),
             arcs.end());
  report.citations_resolved = arcs.size();
  return draft;
}

// Authors (part 0, ids 0..A-1) and the other kind (part 1, ids A..): an author is linked to
// each paper it signs (full: 1; fractional: 1/authors), or to each institution it is
// affiliated with on its papers (Corpus::author_institutions; full: papers at that
// institution; fractional: each author of a paper holds 1/authors of it, split evenly over
// the institutions it has there). Nodes are every author and institution of the papers.
Draft bipartite_network(const Corpus& corpus, const Selection& authors, const Selection* others,
                        const NetworkSpec& spec, BuildReport& report) {
  Draft draft;
  Network& network = draft.network;
  const std::size_t a_count = corpus.author_labels.size();
  const bool with_papers = others == nullptr;
  const std::size_t b_count = with_papers ? corpus.papers.size() : corpus.institution_labels.size();
  network.nodes.resize(a_count + b_count);
  for (std::size_t i = 0; i < a_count; ++i) {
    network.nodes[i].label = corpus.author_labels[i];
    network.nodes[i].kind = "author";
  }
  for (std::size_t j = 0; j < b_count; ++j) {
    NodeAttributes& node = network.nodes[a_count + j];
    node.label = with_papers ? corpus.papers[j].label : corpus.institution_labels[j];
    node.kind = with_papers ? "paper" : "institution";
    node.part = 1;
  }
  PairCounter counter(spec.counting);
  for (std::size_t u = 0; u < authors.papers.size(); ++u) {
    const std::uint32_t p = authors.papers[u];
    const PaperInfo& paper = corpus.papers[p];
    const auto signers = authors.lists[u];
    for (std::uint32_t a : signers) add_occurrence(network.nodes[a], paper);
    if (with_papers) {
      const std::uint32_t node = static_cast<std::uint32_t>(a_count + p);
      add_occurrence(network.nodes[node], paper);
      for (std::uint32_t a : signers)
        counter.add(a, node, 1.0 / static_cast<double>(signers.size()));
      continue;
    }
    for (std::uint32_t i : others->lists[u]) add_occurrence(network.nodes[a_count + i], paper);
    if (!authors.links[u] || p >= corpus.author_institutions.size()) continue;
    report.authors_unattributed += corpus.unattributed_authors[p];
    // Pairs are sorted by person: each run is one author's institutions on the paper.
    const auto pairs = corpus.author_institutions[p];
    for (std::size_t i = 0; i < pairs.size();) {
      std::size_t j = i;
      while (j < pairs.size() && pairs[j].person == pairs[i].person) ++j;
      const double w = 1.0 / static_cast<double>(signers.size() * (j - i));
      for (; i < j; ++i)
        counter.add(pairs[i].person, static_cast<std::uint32_t>(a_count + pairs[i].institution), w);
    }
  }
  draft.edges = counter.edges();
  return draft;
}

struct KindInfo {
  NetworkKind kind;
  std::string_view name;
  std::string_view noun;
};

constexpr std::array<KindInfo, 10> kKinds = {{
    {NetworkKind::coauthor, "coauthor", "author"},
    {NetworkKind::institution, "institution", "institution"},
    {NetworkKind::country, "country", "country"},
    {NetworkKind::paper, "paper", "paper"},
    {NetworkKind::keyword, "keyword", "keyword"},
    {NetworkKind::citation, "citation", "paper"},
    {NetworkKind::cocitation, "cocitation", "cited work"},
    {NetworkKind::coupling, "coupling", "paper"},
    {NetworkKind::author_paper, "author-paper", "author and paper"},
    {NetworkKind::author_institution, "author-institution", "author and institution"},
}};

constexpr std::array<std::pair<PaperLink, std::string_view>, 3> kLinks = {{
    {PaperLink::authors, "authors"},
    {PaperLink::institutions, "institutions"},
    {PaperLink::keywords, "keywords"},
}};

}  // namespace

std::optional<NetworkKind> parse_network_kind(std::string_view name) {
  for (const KindInfo& k : kKinds)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

std::optional<PaperLink> parse_paper_link(std::string_view name) {
  for (const auto& [link, n] : kLinks)
    if (n == name) return link;
  return std::nullopt;
}

std::string_view to_string(NetworkKind kind) {
  for (const KindInfo& k : kKinds)
    if (k.kind == kind) return k.name;
  return "?";
}

std::string_view to_string(PaperLink link) {
  for (const auto& [l, n] : kLinks)
    if (l == link) return n;
  return "?";
}

bool needs_references(NetworkKind kind) {
  return kind == NetworkKind::citation || kind == NetworkKind::cocitation ||
         kind == NetworkKind::coupling;
}

bool is_bipartite(NetworkKind kind) {
  return kind == NetworkKind::author_paper || kind == NetworkKind::author_institution;
}

namespace {

void build_into(const Corpus& corpus, const NetworkSpec& spec, Network& network,
                BuildReport& report) {
  const auto entities = [&](const IdLists& lists, const std::vector<std::string>& labels) {
    return entity_network(corpus, select(corpus, &lists, spec, report), labels, spec);
  };
  const auto papers = [&](const IdLists& lists, std::size_t count) {
    return paper_network(corpus, select(corpus, &lists, spec, report), count, spec);
  };
  Draft draft;
  const auto with_references = [&](const Selection& s) {
    for (std::size_t u = 0; u < s.papers.size(); ++u)
      if (!s.lists[u].empty()) ++report.papers_with_references;
    return &s;
  };
  switch (spec.kind) {
    case NetworkKind::coauthor:
      draft = entities(corpus.authors, corpus.author_labels);
      break;
    case NetworkKind::institution:
      draft = entities(corpus.institutions, corpus.institution_labels);
      break;
    case NetworkKind::country:
      draft = entities(corpus.countries, corpus.country_labels);
      for (NodeAttributes& node : draft.network.nodes) node.country = node.label;
      break;
    case NetworkKind::keyword:
      draft = entities(corpus.keywords, corpus.keyword_labels);
      break;
    case NetworkKind::paper:
      switch (spec.link) {
        case PaperLink::authors:
          draft = papers(corpus.authors, corpus.author_labels.size());
          break;
        case PaperLink::institutions:
          draft = papers(corpus.institutions, corpus.institution_labels.size());
          break;
        case PaperLink::keywords:
          draft = papers(corpus.keywords, corpus.keyword_labels.size());
          break;
      }
      break;
    case NetworkKind::cocitation: {
      const Selection s = select(corpus, &corpus.references, spec, report);
      draft = entity_network(corpus, *with_references(s), corpus.reference_labels, spec);
      break;
    }
    case NetworkKind::coupling: {
      const Selection s = select(corpus, &corpus.references, spec, report);
      draft = paper_network(corpus, *with_references(s), corpus.reference_labels.size(), spec);
      break;
    }
    case NetworkKind::citation: {
      NetworkSpec unlimited = spec;
      unlimited.max_entities = 0;
      const Selection s = select(corpus, &corpus.references, unlimited, report);
      draft = citation_network(corpus, *with_references(s), report);
      break;
    }
    case NetworkKind::author_paper: {
      NetworkSpec unlimited = spec;
      unlimited.max_entities = 0;
      draft = bipartite_network(corpus, select(corpus, &corpus.authors, unlimited, report), nullptr,
                                spec, report);
      break;
    }
    case NetworkKind::author_institution: {
      const Selection authors = select(corpus, &corpus.authors, spec, report);
      BuildReport ignored;
      const Selection institutions = select(corpus, &corpus.institutions, {}, ignored);
      // Year range applies through `authors`; align the institution lists to its papers.
      Selection aligned;
      for (std::uint32_t p : authors.papers) aligned.lists.push_distinct(institutions.lists[p]);
      draft = bipartite_network(corpus, authors, &aligned, spec, report);
      break;
    }
  }
  // Field by field: Boost 1.74's adjacency_list (the digraph, empty here) cannot be moved.
  network.nodes = std::move(draft.network.nodes);
  network.directed = draft.network.directed;
  network.graph = std::move(draft.network.graph);
  for (const KindInfo& k : kKinds)
    if (k.kind == spec.kind) {
      network.kind = k.name;
      network.node_noun = k.noun;
    }
  if (draft.laid_out) return;
  // Nodes that occur in no selected paper (a year range, a thesaurus drop) are left out. On
  // threads: laying out the CSR rows is much of the building time of the largest networks.
  const bool all_occur = std::all_of(network.nodes.begin(), network.nodes.end(),
                                     [](const NodeAttributes& n) { return n.papers > 0; });
  if (all_occur) {
    set_links(network, std::move(draft.edges), spec.threads);
  } else {
    std::vector<bool> keep(network.nodes.size());
    for (std::size_t v = 0; v < keep.size(); ++v) keep[v] = network.nodes[v].papers > 0;
    keep_nodes(network, std::move(draft.edges), renumber(keep), -1.0, spec.threads);
  }
}

}  // namespace

BuiltNetwork build_network_with_report(const Corpus& corpus, const NetworkSpec& spec) {
  BuiltNetwork built;
  build_into(corpus, spec, built.network, built.report);
  return built;
}

Network build_network(const Corpus& corpus, const NetworkSpec& spec) {
  Network network;
  BuildReport report;
  build_into(corpus, spec, network, report);
  return network;
}

}  // namespace citenet
