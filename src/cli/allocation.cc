// Process-wide allocation policy of the citenet program; linked in by main()'s call of
// tune_allocator_for_batch_runs(), so a library caller that does not call it keeps its own.
#include <malloc.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdlib>
#include <new>

#include "cli/cli.h"

namespace citenet {

void tune_allocator_for_batch_runs() {
  // Setting the trim threshold fixes the mmap threshold too (glibc stops adapting it), so it
  // is set to the adaptive ceiling: arrays above 32 MiB still go back to the system when freed.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);  // twice the mmap threshold, glibc's adaptive ceiling
  mallopt(M_TOP_PAD, 16 << 20);
}

}  // namespace citenet

// AddressSanitizer brings its own operator new, which checks new/delete pairs: kept there.
#if !defined(__SANITIZE_ADDRESS__)
namespace {

// A million records fill and free gigabytes of arrays (records' lists, author forms, the
// network's rows, Leiden's levels). Each first touch of a 4 KiB page is a fault, and on the
// virtual machines measured here a fault costs microseconds; with the kernel's transparent
// huge pages in "madvise" mode (Debian's and most distributions' default) a 2 MiB-aligned
// block advised MADV_HUGEPAGE takes one fault per 2 MiB. 1M records, two cores, two
// alternating pairs: 43.2/40.2 s -> 36.2/38.2 s, sys 11.9/10.9 -> 9.2/9.7 s (docs/scaling.md).
// Smaller blocks keep malloc's packing: rounding them up would waste more than it saves.
constexpr std::size_t kHugePage = std::size_t{2} << 20;

void* allocate(std::size_t size) {
  for (;;) {
    void* p = nullptr;
    if (size >= kHugePage) {
      const std::size_t rounded = (size + kHugePage - 1) / kHugePage * kHugePage;
      p = std::aligned_alloc(kHugePage, rounded);
      // Advice, not a requirement: where huge pages are off it fails and nothing changes.
      if (p) ::madvise(p, rounded, MADV_HUGEPAGE);
    } else {
      p = std::malloc(size == 0 ? 1 : size);
    }
    if (p) return p;
    const std::new_handler handler = std::get_new_handler();
    if (!handler) throw std::bad_alloc();
    handler();
  }
}

}  // namespace

// The replaceable forms the standard library routes the others (nothrow, aligned) through;
// every block comes from malloc or aligned_alloc, so free() releases each.
void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
#endif
