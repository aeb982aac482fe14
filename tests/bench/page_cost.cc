// What a page of memory costs the first time it is touched, on the machine at hand: the number
// behind "fresh pages" in docs/scaling.md. Maps a block, touches one byte per 4 KiB page, unmaps
// it, and does that again: the first round gets memory the kernel may have to ask the host
// for, the later ones memory just freed. Once with 4 KiB pages, once advised MADV_HUGEPAGE.
//
//   build-bench/page_cost [MiB] [rounds]      defaults: 1024 MiB, 4 rounds
#include <sys/mman.h>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>

namespace {

double touch_seconds(std::size_t bytes, bool huge) {
  const auto start = std::chrono::steady_clock::now();
  void* const mapped =
      ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) {
    std::perror("page_cost: mmap");
    std::exit(1);
  }
  auto* const block = static_cast<volatile char*>(mapped);
  if (huge) ::madvise(mapped, bytes, MADV_HUGEPAGE);
  for (std::size_t at = 0; at < bytes; at += 4096) block[at] = 1;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ::munmap(mapped, bytes);
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t mib = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1024;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 4;
  if (mib == 0 || rounds <= 0) {
    std::fprintf(stderr, "usage: page_cost [MiB > 0] [rounds > 0]\n");
    return 2;
  }
  const std::size_t bytes = mib << 20;
  const double gib = static_cast<double>(bytes) / (1u << 30);
  for (const bool huge : {false, true}) {
    std::printf("%s pages:", huge ? "2 MiB (MADV_HUGEPAGE)" : "4 KiB");
    for (int r = 0; r < rounds; ++r) std::printf(" %.3f", touch_seconds(bytes, huge) / gib);
    std::printf(" s a GiB\n");
  }
  return 0;
}
