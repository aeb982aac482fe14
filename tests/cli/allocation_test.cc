// The program's operator new (src/cli/allocation.cc): large blocks on 2 MiB boundaries, so
// transparent huge pages can back them; everything else as malloc gives it.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#include "cli/cli.h"

namespace citenet {
namespace {

TEST(AllocationTest, LargeBlocksStartOnHugePageBoundaries) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer keeps its own operator new";
#else
  tune_allocator_for_batch_runs();  // links the replacement in, as main() does
  const auto address = [](const void* p) { return reinterpret_cast<std::uintptr_t>(p); };
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  for (std::size_t size :
       {std::size_t{2} << 20, (std::size_t{3} << 20) + 1, std::size_t{40} << 20}) {
    const auto block = std::make_unique<char[]>(size);
    EXPECT_EQ(address(block.get()) % kHugePage, 0u) << size;
    block[size - 1] = 1;  // the whole size is usable
  }
  // Vectors grow through the same operator new, and nothrow new takes the same path.
  std::vector<std::uint32_t> ids(std::size_t{1} << 20);
  EXPECT_EQ(address(ids.data()) % kHugePage, 0u);
  const std::unique_ptr<char[]> nothrow(new (std::nothrow) char[std::size_t{5} << 20]);
  ASSERT_NE(nothrow, nullptr);
  EXPECT_EQ(address(nothrow.get()) % kHugePage, 0u);
  // Small blocks are malloc's, with its alignment.
  const auto small = std::make_unique<char[]>(100);
  EXPECT_EQ(address(small.get()) % alignof(std::max_align_t), 0u);
  const auto zero = std::make_unique<char[]>(0);
  EXPECT_NE(zero.get(), nullptr);
#endif
}

TEST(AllocationTest, AnImpossibleSizeThrowsBadAlloc) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer reports an impossible size instead of throwing";
#endif
  tune_allocator_for_batch_runs();
  EXPECT_THROW((void)std::make_unique<char[]>(std::size_t{1} << 62), std::bad_alloc);
}

}  // namespace
}  // namespace citenet
