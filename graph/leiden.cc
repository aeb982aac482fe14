#include "graph/leiden.h"

#include "graph/community_util.h"
#include "graph/timing.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>
#include <thread>
#include <vector>

#include "graph/community_level.h"
#include "graph/metrics.h"
#include "graph/parallel.h"

namespace citenet {
namespace {

using community_util::draw_below;
using community_util::order_by_size;

// Randomness of the refinement, theta of Traag, Waltman & van Eck 2019 (their value).
constexpr double kTheta = 0.01;

// Whether x is whole and not negative, without a branch: for 0 <= x < 2^52, adding 2^52
// rounds to a whole number and subtracting it is exact, so only a whole x comes back (larger
// x are whole, and any sum they enter fails the bound checked with this).
bool whole_non_negative(double x) {
  constexpr double kTwo52 = 0x1.0p52;
  return (x >= 0.0) & ((x + kTwo52) - kTwo52 == x);
}

// The first level: the graph's rows, each vertex weighted by its strength (modularity) or
// by 1 (CPM: the number of input vertices it stands for). `total_weight` receives m with the
// bits of Level::total_weight's one pass.
Level level_from_graph(const Graph& g, Quality quality, unsigned threads, double& total_weight) {
  Level level(g, threads);
  level.node_weight.assign(level.size(), 1.0);
  if (quality != Quality::modularity) {
    total_weight = level.total_weight();
    return level;
  }
  // With whole non-negative loops and weights (unweighted and co-occurrence counts) summing
  // below 2^52, every partial sum of that pass is a multiple of 1/2 a double holds exactly,
  // so half the sum of the strengths, also exact, has its bits: the strengths' pass on
  // threads gives m, and the one pass over 121M arcs of a million records, a chain of
  // dependent additions on one thread (0.19 s), is left for other weights.
  constexpr std::size_t kBlock = 4096;
  std::vector<double> block_sum((level.size() + kBlock - 1) / kBlock, 0.0);
  std::vector<char> block_whole(block_sum.size(), 0);
  parallel_blocks(level.size(), kBlock, threads, [&](std::size_t begin, std::size_t end) {
    const double* const weight = level.weight.data();
    double sum = 0.0;
    bool whole = true;
    for (std::size_t v = begin; v < end; ++v) {
      double k = 2.0 * level.loop[v];  // as Level::strength adds
      whole &= whole_non_negative(level.loop[v]);
      for (std::size_t i = level.offset[v]; i < level.offset[v + 1]; ++i) {
        k += weight[i];
        whole &= whole_non_negative(weight[i]);
      }
      level.node_weight[v] = k;
      sum += k;
    }
    block_sum[begin / kBlock] = sum;
    block_whole[begin / kBlock] = whole;
  });
  double doubled = 0.0;  // 2 m, when exact
  bool whole = true;
  for (std::size_t b = 0; b < block_sum.size(); ++b) {
    doubled += block_sum[b];
    whole &= block_whole[b] != 0;
  }
  total_weight = whole && doubled < 0x1.0p52 ? 0.5 * doubled : level.total_weight();
  return level;
}

// Uniform in [0, 1) from the top 53 bits.
template <typename Rng>
double draw_unit(Rng& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

template <typename Rng>
void shuffle(std::vector<std::uint32_t>& items, Rng& rng) {
  for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[draw_below(rng, i)]);
}

// Renumbers `community` densely in order of first appearance by vertex; returns the count.
std::uint32_t make_dense(std::vector<std::uint32_t>& community) {
  const std::uint32_t n = static_cast<std::uint32_t>(community.size());
  std::vector<std::uint32_t> dense(n, n);
  std::uint32_t next = 0;
  for (std::uint32_t& c : community) {
    if (dense[c] == n) dense[c] = next++;
    c = dense[c];
  }
  return next;
}

// The parameters every step shares: a move of v into C gains w(v, C) - scale a_v a_C.
struct Objective {
  double scale;    // gamma / 2m for modularity, gamma for CPM
  double epsilon;  // smallest gain that counts as an improvement
};

// Fast local moving (the paper's MoveNodesFast) in batches, so that the rows are read on
// several threads while the partition stays the same on any number of them: the queue takes
// vertices as in Traag, Waltman & van Eck 2019; each batch's best moves are found in parallel
// against the partition as the batch began (as parallel Louvain does, Lu, Halappanavar &
// Kalyanaraman 2015, "Parallel heuristics for scalable community detection", Parallel Comput.
// 47:19-37), then applied in queue order on one thread, each re-checked exactly against the
// partition as it then stands, so every move raises the quality.

// Vertices per batch: a function of the level's size alone, never of the thread count. Small
// graphs get batches of one vertex, the sequential algorithm itself; 4096 stays a small share
// of the vertices of a graph big enough to need threads, so few proposals go stale.
std::size_t batch_size(std::uint32_t n) { return std::clamp<std::size_t>(n / 256, 1, 4096); }

// Levels from this size on get threads, batches from this many arcs on use them.
constexpr std::uint32_t kParallelLevel = 4096;
constexpr std::size_t kParallelArcs = 2048;

// Proposed target meaning "an empty community".
constexpr std::uint32_t kEmptyCommunity = UINT32_MAX;

// A proposal's neighbour list entry: the neighbour in the low bits, whether it was in the
// target as the batch began, and whether it belongs to the batch, whose moves may change that.
constexpr std::uint32_t kInTarget = 1u << 31;
constexpr std::uint32_t kInBatch = 1u << 30;
constexpr std::uint32_t kVertexBits = kInBatch - 1;
constexpr std::size_t kNoNeighbourList = SIZE_MAX;

// A vertex's best move against the partition at the start of its batch.
struct Proposal {
  std::uint32_t target;  // its own community: stay; kEmptyCommunity: an empty one
  double home_link;      // w(v, own community - v)
  double target_link;    // w(v, target)
  // A move to a non-empty target: v's neighbours that the move may concern (those not queued
  // as the batch began) as lane `lane`'s entries [first, first + listed), for the move to
  // requeue them without reading the partition on the one thread.
  std::uint32_t lane = 0;
  std::uint32_t listed = 0;
  std::size_t first = kNoNeighbourList;
};

// A move applied in the current batch, chained to the batch's previous move out of or into
// the same community, so a later proposal's link weights can be brought up to date.
struct AppliedMove {
  std::uint32_t vertex, from, to;
  std::int32_t previous_from, previous_to;  // index in the batch's moves, -1: none
};

// Threads kept for a whole local moving that help with each batch: starting threads for
// every batch costs more than a small batch's work. run(chunks, job) calls job(chunk, lane)
// for every chunk on whichever lanes claim it, lane 0 being the caller, and returns once every
// chunk is done. The caller never waits for a lane that has not claimed a chunk: on a busy
// machine a helper that wakes late finds the batch finished, and the caller alone runs at the
// sequential speed instead of waiting for the helper's time slice at every batch.
class LanePool {
 public:
  explicit LanePool(unsigned lanes) {
    for (unsigned lane = 1; lane < lanes; ++lane)
      threads_.emplace_back([this, lane] { work(lane); });
  }
  ~LanePool() {
    stop_.store(true, std::memory_order_release);
    state_.fetch_add(kNextGeneration, std::memory_order_release);
    state_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }
  unsigned lanes() const { return static_cast<unsigned>(threads_.size()) + 1; }

  template <typename Job>
  void run(std::uint32_t chunks, Job&& job) {
    assert(chunks > 0 && chunks <= kField);
    const std::function<void(std::uint32_t, unsigned)> bound(std::ref(job));
    job_ = &bound;
    done_.store(0, std::memory_order_relaxed);
    // A new generation, its chunk count, none claimed; published with the job.
    const std::uint64_t generation = (state_.load(std::memory_order_relaxed) >> 32) + 1;
    state_.store(generation << 32 | std::uint64_t{chunks} << 16, std::memory_order_release);
    state_.notify_all();
    while (claim_and_run(0)) {
    }
    for (std::uint32_t done; (done = done_.load(std::memory_order_acquire)) != chunks;)
      done_.wait(done, std::memory_order_acquire);
  }

 private:
  // state_: generation in the high 32 bits, then the generation's chunk count and the chunks
  // claimed so far, 16 bits each: one word, so a claim cannot mix two generations.
  static constexpr std::uint64_t kField = 0xffff;
  static constexpr std::uint64_t kNextGeneration = std::uint64_t{1} << 32;

  // Claims the generation's next chunk and runs it; false when none is left.
  bool claim_and_run(unsigned lane) {
    std::uint64_t state = state_.load(std::memory_order_acquire);
    for (;;) {
      const std::uint32_t chunk = static_cast<std::uint32_t>(state & kField);
      const std::uint32_t chunks = static_cast<std::uint32_t>(state >> 16 & kField);
      if (chunk >= chunks) return false;
      if (state_.compare_exchange_weak(state, state + 1, std::memory_order_acq_rel,
                                       std::memory_order_acquire)) {
        (*job_)(chunk, lane);
        if (done_.fetch_add(1, std::memory_order_acq_rel) + 1 == chunks) done_.notify_one();
        return true;
      }
    }
  }

  void work(unsigned lane) {
    for (;;) {
      const std::uint64_t seen = state_.load(std::memory_order_acquire);
      if (stop_.load(std::memory_order_acquire)) return;
      if (claim_and_run(lane)) continue;
      state_.wait(seen, std::memory_order_acquire);
    }
  }

  std::vector<std::thread> threads_;
  // Written by the caller before a generation's release store, read by a lane only after it
  // claimed a chunk of that generation, so never while the caller changes it.
  const std::function<void(std::uint32_t, unsigned)>* job_ = nullptr;
  std::atomic<bool> stop_{false};
  std::atomic<std::uint64_t> state_{0};
  std::atomic<std::uint32_t> done_{0};
};

class LocalMoving {
 public:
  LocalMoving(const Level& level, const Objective& objective, unsigned threads,
              std::vector<std::uint32_t>& community, std::vector<double>& inner);
  std::size_t run(std::mt19937_64& rng);

 private:
  // One lane's buffers: link[c] is the weight from the current vertex to community c
  // (-1 = untouched), touched the communities in order of first touch.
  struct Scratch {
    explicit Scratch(std::uint32_t n) : link(n, -1.0), touched(n + 1) {}
    std::vector<double> link;
    std::vector<std::uint32_t> touched;
    std::vector<std::uint32_t> neighbours;  // the proposals' neighbour lists, this batch
  };

  void take_batch();
  void propose_batch();
  Proposal propose(std::uint32_t v, unsigned lane, Scratch& scratch) const;
  bool apply(std::uint32_t v, const Proposal& proposal);
  double moved_link(std::uint32_t v, std::uint32_t c) const;
  double arc_weight(std::uint32_t v, std::uint32_t u) const;
  void enqueue_neighbours(std::uint32_t v);
  void requeue_listed(std::uint32_t target, const std::uint32_t* list, std::uint32_t listed);
  void enqueue(std::uint32_t v);

  // Raw pointers: through the spans and vectors the compiler reloads every base address
  // after each store into the scratch arrays.
  const std::size_t* offset_;
  const std::uint32_t* neighbour_;
  const double* weight_;
  const double* node_weight_;
  std::uint32_t* of_;
  // w(v, own community - v) as the partition finally stands, or -1 where a move may have
  // changed it since v's last proposal: the refinement's E(v, S - v) without another pass
  // over the rows.
  double* inner_;
  const Objective objective_;
  const std::uint32_t n_;

  std::vector<double> total_;  // a_C
  std::vector<std::uint32_t> members_;
  std::vector<std::uint32_t> empty_;
  // A ring buffer holds each vertex at most once.
  std::vector<std::uint32_t> queue_;
  std::vector<char> queued_;
  std::vector<char> in_batch_;
  std::size_t head_ = 0, queued_count_ = 0;

  std::vector<std::uint32_t> batch_;
  std::size_t batch_arcs_ = 0;  // summed degree of the batch
  std::vector<Proposal> proposals_;
  LanePool pool_;
  std::vector<Scratch> lanes_;
  std::vector<AppliedMove> applied_;
  std::vector<std::int32_t> last_move_;  // per community: its latest move in applied_
};

LocalMoving::LocalMoving(const Level& level, const Objective& objective, unsigned threads,
                         std::vector<std::uint32_t>& community, std::vector<double>& inner)
    : offset_(level.offset.data()),
      neighbour_(level.neighbour.data()),
      weight_(level.weight.data()),
      node_weight_(level.node_weight.data()),
      of_(community.data()),
      inner_((inner.assign(level.size(), -1.0), inner.data())),
      objective_(objective),
      n_(level.size()),
      total_(n_, 0.0),
      members_(n_, 0),
      queue_(n_),
      queued_(n_, 1),
      in_batch_(n_, 0),
      pool_(n_ >= kParallelLevel ? resolve_threads(threads) : 1u),
      lanes_(pool_.lanes(), Scratch(n_)),
      last_move_(n_, -1) {
  for (std::uint32_t v = 0; v < n_; ++v) {
    total_[of_[v]] += node_weight_[v];
    ++members_[of_[v]];
  }
  for (std::uint32_t c = n_; c-- > 0;)
    if (members_[c] == 0) empty_.push_back(c);
}

std::size_t LocalMoving::run(std::mt19937_64& rng) {
  std::iota(queue_.begin(), queue_.end(), 0u);
  shuffle(queue_, rng);
  queued_count_ = n_;
  std::size_t moves = 0;
  while (queued_count_ > 0) {
    take_batch();
    propose_batch();
    for (std::size_t k = 0; k < batch_.size(); ++k) moves += apply(batch_[k], proposals_[k]);
    for (const std::uint32_t v : batch_) in_batch_[v] = 0;
    for (const AppliedMove& move : applied_) last_move_[move.from] = last_move_[move.to] = -1;
    applied_.clear();
  }
  return moves;
}

// The next batch_size() vertices off the queue; moves of the batch may queue them again.
void LocalMoving::take_batch() {
  const std::size_t count = std::min(batch_size(n_), queued_count_);
  batch_.resize(count);
  batch_arcs_ = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const std::uint32_t v = queue_[head_];
    if (++head_ == n_) head_ = 0;
    queued_[v] = 0;
    in_batch_[v] = 1;
    batch_[k] = v;
    batch_arcs_ += offset_[v + 1] - offset_[v];
  }
  queued_count_ -= count;
}

// Proposals depend only on the partition at the batch's start, so which lane computes which
// changes nothing; lanes take chunks of the batch from a shared counter.
void LocalMoving::propose_batch() {
  constexpr std::size_t kChunk = 16;
  proposals_.resize(batch_.size());
  for (Scratch& lane : lanes_) lane.neighbours.clear();
  const auto chunk_job = [&](std::uint32_t chunk, unsigned lane) {
    Scratch& scratch = lanes_[lane];
    const std::size_t first = std::size_t{chunk} * kChunk;
    const std::size_t last = std::min(batch_.size(), first + kChunk);
    for (std::size_t k = first; k < last; ++k) {
      if (k + 1 < last) {  // the next row starts at an unrelated address
        const std::size_t row = offset_[batch_[k + 1]];
        __builtin_prefetch(neighbour_ + row);
        __builtin_prefetch(weight_ + row);
      }
      proposals_[k] = propose(batch_[k], lane, scratch);
    }
  };
  const std::uint32_t chunks = static_cast<std::uint32_t>((batch_.size() + kChunk - 1) / kChunk);
  // Waking the other lanes costs more than reading a few thousand arcs.
  if (batch_arcs_ < kParallelArcs || pool_.lanes() == 1) {
    for (std::uint32_t chunk = 0; chunk < chunks; ++chunk) chunk_job(chunk, 0);
    return;
  }
  pool_.run(chunks, chunk_job);
}

// The neighbouring (or an empty) community of largest gain for v, ties to the first touched.
Proposal LocalMoving::propose(std::uint32_t v, unsigned lane, Scratch& scratch) const {
  double* const link = scratch.link.data();
  std::uint32_t* const touched = scratch.touched.data();
  const std::uint32_t* const of = of_;
  const std::uint32_t* const neighbour = neighbour_;
  const double* const weight = weight_;
  // Each community's sum takes its arcs in row order, as one array of sums would; v's own
  // community, most of the row once communities form, stays in a register.
  const std::uint32_t home = of[v];
  const std::size_t row_end = offset_[v + 1];
  double home_link = 0.0;
  std::size_t touched_count = 1;
  touched[0] = home;
  for (std::size_t i = offset_[v]; i < row_end; ++i) {
    if (i + 16 < row_end) __builtin_prefetch(of + neighbour[i + 16]);
    const std::uint32_t c = of[neighbour[i]];
    const double w = weight[i];
    if (c == home) {
      home_link += w;
      continue;
    }
    double sum = link[c];
    if (sum < 0.0) {
      sum = 0.0;
      touched[touched_count++] = c;
    }
    link[c] = sum + w;
  }
  link[home] = home_link;

  const double scale_a = objective_.scale * node_weight_[v];
  Proposal best{home, home_link, home_link};
  double best_gain = home_link - scale_a * (total_[home] - node_weight_[v]);
  for (std::size_t k = 0; k < touched_count; ++k) {
    const std::uint32_t c = touched[k];
    const double gain = link[c] - scale_a * total_[c];
    if (gain > best_gain + objective_.epsilon) {
      best.target = c;
      best.target_link = link[c];
      best_gain = gain;
    }
    link[c] = -1.0;
  }
  if (0.0 > best_gain + objective_.epsilon) best = {kEmptyCommunity, home_link, 0.0};
  // The rows were just read and the partition stands still until the batch is applied, so
  // the lanes label the neighbours that the move would requeue; an empty target takes them
  // all. Most moves happen, and labelling them on one thread was a fifth of local moving.
  if (best.target != home && best.target != kEmptyCommunity && n_ <= kVertexBits) {
    std::vector<std::uint32_t>& list = scratch.neighbours;
    best.lane = lane;
    best.first = list.size();
    list.resize(list.size() + (row_end - offset_[v]));
    std::uint32_t* const start = list.data() + best.first;
    std::uint32_t* out = start;
    const char* const in_batch = in_batch_.data();
    const char* const queued = queued_.data();
    for (std::size_t i = offset_[v]; i < row_end; ++i) {
      const std::uint32_t u = neighbour[i];
      *out = u | (of[u] == best.target ? kInTarget : 0) | (in_batch[u] ? kInBatch : 0);
      // A neighbour queued as the batch began (never one of the batch) stays queued through
      // the batch's moves, and its next proposal records its inner weight afresh: the move
      // changes nothing for it. Early in a run that is most of them.
      out += !queued[u];
    }
    best.listed = static_cast<std::uint32_t>(out - start);
    list.resize(best.first + best.listed);
  }
  return best;
}

// Moves v as proposed if that still gains with the batch's earlier moves applied.
bool LocalMoving::apply(std::uint32_t v, const Proposal& proposal) {
  const std::uint32_t home = of_[v];
  std::uint32_t target = proposal.target;
  if (target == home) {
    // Still exact unless an earlier move of the batch left or entered home.
    inner_[v] = last_move_[home] < 0 ? proposal.home_link : -1.0;
    return false;
  }
  inner_[v] = -1.0;
  const double a = node_weight_[v];
  const double scale_a = objective_.scale * a;
  const double home_gain = proposal.home_link + moved_link(v, home) - scale_a * (total_[home] - a);
  if (target != kEmptyCommunity && members_[target] == 0) target = kEmptyCommunity;
  const double gain = target == kEmptyCommunity
                          ? 0.0
                          : proposal.target_link + moved_link(v, target) - scale_a * total_[target];
  const bool alone = target == kEmptyCommunity && members_[home] == 1;
  if (!(gain > home_gain + objective_.epsilon) || alone) {
    // The batch's earlier moves spoiled this one; v may have a better one now.
    enqueue(v);
    return false;
  }
  if (target == kEmptyCommunity) {
    target = empty_.back();
    empty_.pop_back();
  }
  total_[home] -= a;
  total_[target] += a;
  ++members_[target];
  if (--members_[home] == 0) empty_.push_back(home);
  of_[v] = target;
  applied_.push_back({v, home, target, last_move_[home], last_move_[target]});
  last_move_[home] = last_move_[target] = static_cast<std::int32_t>(applied_.size() - 1);
  if (target == proposal.target && proposal.first != kNoNeighbourList)
    requeue_listed(target, lanes_[proposal.lane].neighbours.data() + proposal.first,
                   proposal.listed);
  else
    enqueue_neighbours(v);
  return true;
}

// enqueue_neighbours from the proposal's labels: only a neighbour in the batch may have
// changed community since they were made, so only its label is checked again.
void LocalMoving::requeue_listed(std::uint32_t target, const std::uint32_t* list,
                                 std::uint32_t listed) {
  for (std::uint32_t k = 0; k < listed; ++k) {
    const std::uint32_t entry = list[k];
    const std::uint32_t u = entry & kVertexBits;
    const bool in_target = entry & kInBatch ? of_[u] == target : (entry & kInTarget) != 0;
    if (in_target)
      inner_[u] = -1.0;
    else
      enqueue(u);
  }
}

// How much w(v, c) changed through the batch's moves so far: + for a neighbour that entered
// c, - for one that left it. Most communities saw no move in the batch.
double LocalMoving::moved_link(std::uint32_t v, std::uint32_t c) const {
  double change = 0.0;
  for (std::int32_t k = last_move_[c]; k >= 0;) {
    const AppliedMove& move = applied_[static_cast<std::size_t>(k)];
    const double w = arc_weight(v, move.vertex);
    change += move.to == c ? w : -w;
    k = move.from == c ? move.previous_from : move.previous_to;
  }
  return change;
}

// Weight of the arcs v -> u (rows are sorted by neighbour; 0 when not adjacent).
double LocalMoving::arc_weight(std::uint32_t v, std::uint32_t u) const {
  const std::uint32_t* const first = neighbour_ + offset_[v];
  const std::uint32_t* const last = neighbour_ + offset_[v + 1];
  double w = 0.0;
  for (const std::uint32_t* p = std::lower_bound(first, last, u); p != last && *p == u; ++p)
    w += weight_[p - neighbour_];
  return w;
}

// The paper's rule: v's neighbours outside its new community rejoin the queue. Those inside
// it are not proposed again, so their recorded inner weight, which v's arrival changed, is
// dropped; the queued ones record theirs again when their next proposal is applied.
void LocalMoving::enqueue_neighbours(std::uint32_t v) {
  const std::uint32_t target = of_[v];
  for (std::size_t i = offset_[v]; i < offset_[v + 1]; ++i) {
    const std::uint32_t u = neighbour_[i];
    if (of_[u] != target)
      enqueue(u);
    else
      inner_[u] = -1.0;
  }
}

void LocalMoving::enqueue(std::uint32_t v) {
  if (queued_[v]) return;
  queued_[v] = 1;
  std::size_t tail = head_ + queued_count_;
  if (tail >= n_) tail -= n_;
  queue_[tail] = v;
  ++queued_count_;
}

// Local moving on `level`; `community` holds ids below level.size() on entry and on exit
// (not dense). `inner` receives each vertex's weight to the rest of its community where the
// last proposals still know it, -1 elsewhere. Returns the number of moves.
std::size_t move_nodes_fast(const Level& level, const Objective& objective, unsigned threads,
                            std::mt19937_64& rng, std::vector<std::uint32_t>& community,
                            std::vector<double>& inner) {
  return LocalMoving(level, objective, threads, community, inner).run(rng);
}

// The arrays a refinement reads and writes, as raw pointers so the hot loops keep them in
// registers. Refined ids start as vertex ids; a community writes only its members' entries.
struct RefineArrays {
  const std::size_t* offset;
  const std::uint32_t* neighbour;
  const double* weight;
  const double* node_weight;
  const std::uint32_t* community;
  std::uint32_t* refined;
  double* total;           // a_R per refined community
  std::uint32_t* members;  // vertices per refined community
  double* external;        // E(R, S - R)
};

// One thread's buffers, sized for the whole level once: link[r] is the weight from the
// current vertex to refined community r (-1 = untouched).
struct RefineScratch {
  explicit RefineScratch(std::uint32_t n)
      : link(n, -1.0), touched(n + 1), candidate(n + 1), gain(n + 1), cumulative(n + 1) {}
  std::vector<double> link;
  std::vector<std::uint32_t> touched, candidate, order;
  std::vector<double> gain, cumulative;
};

// MergeNodesSubset on community s, whose members are scratch.order (in vertex order): visits
// them in a random order from the community's own stream; each well-connected singleton joins
// a well-connected refined community of s with probability ~ exp(gain / theta).
void refine_community(const RefineArrays& arrays, const Objective& objective, std::uint32_t s,
                      double a_s, std::uint64_t stream_seed, RefineScratch& scratch) {
  const RefineArrays x = arrays;  // a local copy stays in registers across the stores below
  double* const link = scratch.link.data();
  std::uint32_t* const touched = scratch.touched.data();
  std::uint32_t* const candidate = scratch.candidate.data();
  double* const candidate_gain = scratch.gain.data();
  double* const cumulative = scratch.cumulative.data();
  const double scale = objective.scale;
  community_util::SplitMix64 rng(community_util::SplitMix64(stream_seed ^ s)());
  shuffle(scratch.order, rng);
  for (const std::uint32_t v : scratch.order) {
    const std::uint32_t own = x.refined[v];
    if (x.members[own] != 1) continue;  // only singletons move
    const double a = x.node_weight[v];
    const double external_v = x.external[own];
    if (external_v < scale * a * (a_s - a)) continue;  // v not well-connected

    // Take v out: its own refined community is empty, gain 0, and well-connected.
    x.total[own] = 0.0;
    x.external[own] = 0.0;
    x.members[own] = 0;
    link[own] = 0.0;
    touched[0] = own;
    std::size_t touched_count = 1;
    const std::size_t row_end = x.offset[v + 1];
    for (std::size_t i = x.offset[v]; i < row_end; ++i) {
      if (i + 16 < row_end) __builtin_prefetch(x.community + x.neighbour[i + 16]);
      const std::uint32_t u = x.neighbour[i];
      if (x.community[u] != s) continue;
      const std::uint32_t r = x.refined[u];
      double sum = link[r];
      if (sum < 0.0) {
        sum = 0.0;
        touched[touched_count++] = r;
      }
      link[r] = sum + x.weight[i];
    }
    std::size_t candidates = 0;
    double max_gain = 0.0;
    for (std::size_t k = 0; k < touched_count; ++k) {
      const std::uint32_t r = touched[k];
      const double t = x.total[r];
      if (x.external[r] < scale * t * (a_s - t)) continue;
      const double gain = link[r] - scale * a * t;
      if (gain < 0.0) continue;
      candidate[candidates] = r;
      candidate_gain[candidates++] = gain;
      max_gain = std::max(max_gain, gain);
    }
    // Pr(r) ~ exp(gain_r / theta), shifted by the largest gain so nothing overflows.
    double sum = 0.0;
    for (std::size_t k = 0; k < candidates; ++k) {
      // Below -746 exp() is exactly 0 in double precision; skipping it changes no bit.
      const double exponent = (candidate_gain[k] - max_gain) / kTheta;
      if (exponent > -746.0) sum += std::exp(exponent);
      cumulative[k] = sum;
    }
    const double draw = draw_unit(rng) * sum;
    std::size_t pick = 0;
    while (pick + 1 < candidates && cumulative[pick] <= draw) ++pick;
    const std::uint32_t chosen = candidate[pick];

    x.total[chosen] += a;
    x.external[chosen] += external_v - 2.0 * link[chosen];
    ++x.members[chosen];
    x.refined[v] = chosen;
    for (std::size_t k = 0; k < touched_count; ++k) link[touched[k]] = -1.0;
  }
}

// Refinement (the paper's RefinePartition and MergeNodesSubset): within each community of
// `community` (dense, `count` ids), merges well-connected singletons into well-connected
// neighbouring refined communities, drawn with probability ~ exp(gain / theta). Communities
// are independent: each draws from its own stream and touches only its members' entries, so
// they run on `threads` threads with the same result. Returns the refined partition, dense.
std::vector<std::uint32_t> refine(const Level& level, const Objective& objective,
                                  const std::vector<std::uint32_t>& community, std::uint32_t count,
                                  std::vector<double>& external, std::uint64_t stream_seed,
                                  unsigned threads) {
  const std::uint32_t n = level.size();
  std::vector<std::uint32_t> refined(n);
  std::iota(refined.begin(), refined.end(), 0u);
  std::vector<double> total(level.node_weight);  // a_R per refined community
  std::vector<std::uint32_t> members(n, 1);
  // E(R, S - R): weight from refined community R to the rest of its community S; on entry
  // the local moving's record of it for singletons, -1 where that is unknown.
  std::vector<double> community_total(count, 0.0);  // a_S
  for (std::uint32_t v = 0; v < n; ++v) community_total[community[v]] += level.node_weight[v];
  const std::size_t* const offset = level.offset.data();
  const std::uint32_t* const neighbour = level.neighbour.data();
  const double* const weight = level.weight.data();
  const std::uint32_t* const of = community.data();
  parallel_blocks(n, 4096, threads, [&](std::size_t begin, std::size_t end) {
    for (std::size_t v = begin; v < end; ++v) {
      if (external[v] >= 0.0) continue;
      const std::uint32_t s = of[v];
      double inside = 0.0;
      // Adding +0.0 for an arc leaving S changes no bit of the sum and spares a branch.
      for (std::size_t i = offset[v]; i < offset[v + 1]; ++i)
        inside += of[neighbour[i]] == s ? weight[i] : 0.0;
      external[v] = inside;
    }
  });

  std::vector<std::size_t> first(count + 1, 0);  // vertices grouped by community
  for (const std::uint32_t c : community) ++first[c + 1];
  std::partial_sum(first.begin(), first.end(), first.begin());
  std::vector<std::uint32_t> grouped(n);
  {
    std::vector<std::size_t> next(first.begin(), first.end() - 1);
    for (std::uint32_t v = 0; v < n; ++v) grouped[next[community[v]]++] = v;
  }
  // Communities with something to merge, largest first so the threads finish together.
  std::vector<std::uint32_t> work;
  for (std::uint32_t s = 0; s < count; ++s)
    if (first[s + 1] - first[s] >= 2) work.push_back(s);
  std::stable_sort(work.begin(), work.end(), [&](std::uint32_t x, std::uint32_t y) {
    return first[x + 1] - first[x] > first[y + 1] - first[y];
  });

  const RefineArrays arrays{
      offset,         neighbour,    weight,         level.node_weight.data(), of,
      refined.data(), total.data(), members.data(), external.data()};
  parallel_blocks_with(
      work.size(), 1, threads, [&] { return RefineScratch(n); },
      [&](std::size_t k, std::size_t, RefineScratch& scratch) {
        const std::uint32_t s = work[k];
        std::vector<std::uint32_t>& order = scratch.order;
        order.assign(grouped.begin() + static_cast<std::ptrdiff_t>(first[s]),
                     grouped.begin() + static_cast<std::ptrdiff_t>(first[s + 1]));
        refine_community(arrays, objective, s, community_total[s], stream_seed, scratch);
      });
  make_dense(refined);
  return refined;
}

// Splits every community of `community` into its connected parts on `level`'s edges; dense
// ids in order of first appearance. Returns the number of parts.
std::uint32_t connected_parts(const Level& level, const std::vector<std::uint32_t>& community,
                              std::vector<std::uint32_t>& part) {
  const std::uint32_t n = level.size();
  part.assign(n, n);
  std::vector<std::uint32_t> stack;
  std::uint32_t count = 0;
  for (std::uint32_t s = 0; s < n; ++s) {
    if (part[s] != n) continue;
    part[s] = count;
    stack.push_back(s);
    while (!stack.empty()) {
      const std::uint32_t v = stack.back();
      stack.pop_back();
      for (std::size_t i = level.offset[v]; i < level.offset[v + 1]; ++i) {
        const std::uint32_t u = level.neighbour[i];
        if (part[u] != n || community[u] != community[v]) continue;
        part[u] = count;
        stack.push_back(u);
      }
    }
    ++count;
  }
  return count;
}

// The quality of `community` on `level` from its rows: W_c from loops and inner arcs, and
// a_c = sum of node weights (strength for modularity, vertex count for CPM). Every level
// preserves both, so the last level of an iteration gives the quality of the input
// partition without a pass over the input graph.
double level_quality(const Level& level, const std::vector<std::uint32_t>& community,
                     const Objective& objective, Quality quality, double total_weight) {
  std::uint32_t count = 0;
  for (const std::uint32_t c : community) count = std::max(count, c + 1);
  std::vector<double> inside(count, 0.0), size(count, 0.0);
  for (std::uint32_t v = 0; v < level.size(); ++v) {
    const std::uint32_t c = community[v];
    inside[c] += level.loop[v];
    size[c] += level.node_weight[v];
    for (std::size_t i = level.offset[v]; i < level.offset[v + 1]; ++i)
      if (community[level.neighbour[i]] == c) inside[c] += 0.5 * level.weight[i];
  }
  double sum = 0.0;
  for (std::uint32_t c = 0; c < count; ++c) {
    const double penalty =
        quality == Quality::modularity ? 0.5 * size[c] * size[c] : 0.5 * size[c] * (size[c] - 1.0);
    sum += inside[c] - objective.scale * penalty;
  }
  return quality == Quality::modularity ? sum / total_weight : sum;
}

// One Leiden iteration from `membership` (dense ids of the input vertices), which it
// updates. Returns the number of moves made on all levels; `quality` receives the quality
// of the new membership.
// Seconds per phase over a run, for CITENET_TIMINGS: the first level's local moving (the
// input graph's rows, most of the work) apart from the aggregate levels'.
struct PhaseTimes {
  double move_first = 0, move_aggregates = 0, refine = 0, aggregate = 0, quality = 0;
  void report() const {
    report_timing("leiden/move-first-level", move_first);
    report_timing("leiden/move-aggregates", move_aggregates);
    report_timing("leiden/refine", refine);
    report_timing("leiden/aggregate", aggregate);
    report_timing("leiden/quality", quality);
  }
};

std::size_t iterate(const Level& base, double total_weight, const Objective& objective,
                    Quality quality_kind, std::mt19937_64& rng, unsigned threads,
                    std::vector<std::uint32_t>& membership, double& quality, PhaseTimes& times) {
  Stopwatch clock;
  const std::uint32_t n = base.size();
  std::vector<std::uint32_t> node_of(n);  // input vertex -> vertex of the current level
  std::iota(node_of.begin(), node_of.end(), 0u);
  Level level;
  const Level* current = &base;
  std::vector<std::uint32_t> community(membership);
  std::vector<double> inner;
  std::size_t moves = 0;
  for (;;) {
    moves += move_nodes_fast(*current, objective, threads, rng, community, inner);
    (current == &base ? times.move_first : times.move_aggregates) += clock.lap();
    const std::uint32_t count = make_dense(community);
    if (count == current->size()) break;
    std::vector<std::uint32_t> refined =
        refine(*current, objective, community, count, inner, rng(), threads);
    std::uint32_t refined_count = *std::max_element(refined.begin(), refined.end()) + 1;
    if (refined_count == current->size()) {
      // Refinement merged nothing. igraph then aggregates on the partition itself, which could
      // carry a disconnected community into a vertex; the connected parts of each community
      // keep every aggregate vertex connected instead.
      refined_count = connected_parts(*current, community, refined);
      if (refined_count == current->size()) {
        // No two members of a community are adjacent: each vertex becomes its own community,
        // which loses no inner weight and so never lowers either quality.
        if (count != refined_count) ++moves;
        community = std::move(refined);
        times.refine += clock.lap();
        break;
      }
    }
    times.refine += clock.lap();
    std::vector<std::uint32_t> next_community(refined_count);
    for (std::uint32_t v = 0; v < current->size(); ++v) next_community[refined[v]] = community[v];
    for (std::uint32_t& v : node_of) v = refined[v];
    level = current->aggregate(refined, refined_count, threads);
    current = &level;
    community = std::move(next_community);
    times.aggregate += clock.lap();
  }
  for (std::uint32_t v = 0; v < n; ++v) membership[v] = community[node_of[v]];
  quality = level_quality(*current, community, objective, quality_kind, total_weight);
  times.quality += clock.lap();
  return moves;
}

// H = sum_c W_c - gamma n_c (n_c - 1) / 2 on the input graph.
double cpm_quality(const Graph& g, const std::vector<std::uint32_t>& community, std::uint32_t count,
                   double resolution) {
  double inside = 0.0;
  for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
    const auto neighbours = g.neighbours(v);
    const auto weights = g.weights(v);
    for (std::size_t i = 0; i < neighbours.size(); ++i)
      if (neighbours[i] > v && community[neighbours[i]] == community[v]) inside += weights[i];
  }
  std::vector<double> size(count, 0.0);
  for (const std::uint32_t c : community) size[c] += 1.0;
  double pairs = 0.0;
  for (const double s : size) pairs += 0.5 * s * (s - 1.0);
  return inside - resolution * pairs;
}

// modularity(g, community, resolution) bit for bit, on threads: each community's sums take
// its members' arcs in vertex order, as that function's single pass adds them, so the
// communities are independent; m is the base level's, summed over the same arcs in the same
// order when it views g's rows. `community` is dense.
double parallel_modularity(const Graph& g, const Level& base, double total,
                           const std::vector<std::uint32_t>& community, std::uint32_t count,
                           double resolution, unsigned threads) {
  if (!base.views_graph()) return modularity(g, community, resolution);
  if (total == 0.0) return 0.0;
  std::vector<std::size_t> first(count + 1, 0);  // vertices grouped by community
  for (const std::uint32_t c : community) ++first[c + 1];
  std::partial_sum(first.begin(), first.end(), first.begin());
  std::vector<std::uint32_t> grouped(community.size());
  {
    std::vector<std::size_t> next(first.begin(), first.end() - 1);
    for (std::uint32_t v = 0; v < community.size(); ++v) grouped[next[community[v]]++] = v;
  }
  std::vector<double> inside(count, 0.0), strength(count, 0.0);
  const std::uint32_t* const of = community.data();
  parallel_tasks(count, threads, [&](std::size_t c) {
    double in = 0.0, out = 0.0;
    for (std::size_t k = first[c]; k < first[c + 1]; ++k) {
      const std::uint32_t v = grouped[k];
      const std::size_t row_end = base.offset[v + 1];
      for (std::size_t i = base.offset[v]; i < row_end; ++i) {
        if (i + 16 < row_end) __builtin_prefetch(of + base.neighbour[i + 16]);
        const double w = base.weight[i];
        out += w;
        if (of[base.neighbour[i]] == c) in += 0.5 * w;
      }
    }
    inside[c] = in;
    strength[c] = out;
  });
  double q = 0.0;
  for (std::uint32_t c = 0; c < count; ++c) {
    const double share = strength[c] / (2.0 * total);
    q += inside[c] / total - resolution * share * share;
  }
  return q;
}

}  // namespace

LeidenResult leiden(const Graph& g, const LeidenOptions& options) {
  const std::uint32_t n = g.vertex_count();
  LeidenResult result;
  Partition& partition = result.partition;
  partition.community.resize(n);
  std::iota(partition.community.begin(), partition.community.end(), 0u);

  Stopwatch clock;
  double total_weight = 0.0;  // m
  const Level base = level_from_graph(g, options.quality, options.threads, total_weight);
  report_timing("leiden/setup", clock.lap());

  if (total_weight > 0.0) {
    Objective objective;
    objective.scale = options.quality == Quality::modularity
                          ? options.resolution / (2.0 * total_weight)
                          : options.resolution;
    objective.epsilon = 1e-12 * total_weight;
    std::mt19937_64 rng(options.seed);
    double last = options.min_gain > 0 ? level_quality(base, partition.community, objective,
                                                       options.quality, total_weight)
                                       : 0.0;
    PhaseTimes times;
    for (int i = 0; options.iterations < 0 || i < options.iterations; ++i) {
      double now = 0;
      if (iterate(base, total_weight, objective, options.quality, rng, options.threads,
                  partition.community, now, times) == 0)
        break;
      if (options.min_gain > 0 && now - last <= options.min_gain * std::abs(now)) break;
      last = now;
    }
    times.report();
    clock.lap();
  }

  partition.count = order_by_size(partition.community);
  partition.modularity = parallel_modularity(g, base, total_weight, partition.community,
                                             partition.count, options.resolution, options.threads);
  result.quality = options.quality == Quality::modularity
                       ? partition.modularity
                       : cpm_quality(g, partition.community, partition.count, options.resolution);
  report_timing("leiden/final-quality", clock.lap());
  return result;
}

bool communities_connected(const Graph& g, const std::vector<std::uint32_t>& community) {
  const std::uint32_t n = g.vertex_count();
  std::uint32_t count = 0;
  for (const std::uint32_t c : community) count = std::max(count, c + 1);
  std::vector<char> started(count, 0);  // a search already covered this community
  std::vector<char> visited(n, 0);
  std::vector<std::uint32_t> stack;
  for (std::uint32_t s = 0; s < n; ++s) {
    if (visited[s]) continue;
    if (started[community[s]]) return false;  // a second piece of the same community
    started[community[s]] = 1;
    visited[s] = 1;
    stack.push_back(s);
    while (!stack.empty()) {
      const std::uint32_t v = stack.back();
      stack.pop_back();
      for (const std::uint32_t u : g.neighbours(v)) {
        if (visited[u] || community[u] != community[v]) continue;
        visited[u] = 1;
        stack.push_back(u);
      }
    }
  }
  return true;
}

}  // namespace citenet
