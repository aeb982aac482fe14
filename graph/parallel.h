// Running a loop on several threads with results that do not depend on how many: work is cut
// into a fixed number of lanes (or fixed-size blocks), each lane's partial result is kept
// apart, and partials are combined in lane order. The same input then gives the same bits on
// one core or eight, which byte-identical outputs need.
#pragma once

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

namespace citenet {

// The thread count `requested` stands for: 0 means every core the machine reports.
inline unsigned resolve_threads(unsigned requested) {
  if (requested != 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

// Calls task(i) for every i in [0, tasks) on up to `threads` threads (the calling thread is
// one of them); tasks are taken in order from a shared counter, so uneven tasks balance.
// task(i) must only write state that belongs to task i.
template <typename Task>
void parallel_tasks(std::size_t tasks, unsigned threads, Task&& task) {
  threads = static_cast<unsigned>(std::min<std::size_t>(resolve_threads(threads), tasks));
  if (threads <= 1) {
    for (std::size_t i = 0; i < tasks; ++i) task(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < tasks;) task(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

// Calls body(begin, end) over [0, n) cut into fixed blocks of `block` items.
template <typename Body>
void parallel_blocks(std::size_t n, std::size_t block, unsigned threads, Body&& body) {
  const std::size_t blocks = (n + block - 1) / block;
  parallel_tasks(blocks, threads,
                 [&](std::size_t b) { body(b * block, std::min(n, (b + 1) * block)); });
}

// As parallel_blocks, with one scratch object per thread (make_scratch() builds it once per
// thread, not per block): body(begin, end, scratch).
template <typename MakeScratch, typename Body>
void parallel_blocks_with(std::size_t n, std::size_t block, unsigned threads,
                          MakeScratch&& make_scratch, Body&& body) {
  const std::size_t blocks = (n + block - 1) / block;
  threads = static_cast<unsigned>(std::min<std::size_t>(resolve_threads(threads), blocks));
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    auto scratch = make_scratch();
    for (std::size_t b; (b = next.fetch_add(1, std::memory_order_relaxed)) < blocks;)
      body(b * block, std::min(n, (b + 1) * block), scratch);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  if (blocks > 0) worker();
  for (std::thread& t : pool) t.join();
}

// Sum of f(i) over [0, n), f called on up to `threads` threads; added per fixed block and the
// blocks in order, so the bits do not depend on the thread count. f(i) may write state of i.
template <typename F>
double blocked_sum(std::size_t n, unsigned threads, F&& f) {
  constexpr std::size_t kBlock = 4096;
  std::vector<double> part((n + kBlock - 1) / kBlock, 0.0);
  parallel_blocks(n, kBlock, threads, [&](std::size_t first, std::size_t last) {
    double sum = 0.0;
    for (std::size_t i = first; i < last; ++i) sum += f(i);
    part[first / kBlock] = sum;
  });
  double total = 0.0;
  for (const double p : part) total += p;
  return total;
}

// Sizes an empty `v` to n value-initialised elements, the kernel having mapped its pages on up
// to `threads` threads first. For arrays of a gigabyte, value-initialisation is mostly page
// faults, one per 4 KiB page and all on one thread (0.7 CPU seconds per GB here);
// MADV_POPULATE_WRITE (Linux 5.14) maps the pages in bulk, a slice per thread, and the
// zeroing that follows runs at memory speed. Where the kernel refuses, a plain resize.
template <typename T>
void resize_prefaulted(std::vector<T>& v, std::size_t n, unsigned threads) {
#ifdef MADV_POPULATE_WRITE
  constexpr std::size_t kSlice = std::size_t{64} << 20;  // bytes mapped per task
  constexpr std::uintptr_t kPage = 4096;
  if (v.empty() && n * sizeof(T) >= 2 * kSlice) {
    v.reserve(n);
    const auto data = reinterpret_cast<std::uintptr_t>(v.data());
    const std::uintptr_t first = (data + kPage - 1) & ~(kPage - 1);
    const std::uintptr_t last = (data + n * sizeof(T)) & ~(kPage - 1);
    const std::size_t slices = (last - first + kSlice - 1) / kSlice;
    parallel_tasks(slices, threads, [&](std::size_t i) {
      const std::uintptr_t begin = first + i * kSlice;
      const std::uintptr_t end = std::min<std::uintptr_t>(last, begin + kSlice);
      madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE);
    });
  }
#endif
  v.resize(n);
}

}  // namespace citenet
