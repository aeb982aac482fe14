#include "render/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/vfs.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "render_test_support.h"

namespace citenet {
namespace {

using testing::FileSizeLimit;
using testing::read_file;
using testing::ScratchDir;
using testing::write_file;

TEST(AtomicFileTest, WritesNewFile) {
  ScratchDir dir;
  std::string err;
  ASSERT_TRUE(write_atomically(
      dir.file("out.txt"),
      [](std::ostream& out, std::string*) {
        out << "hello\n";
        return true;
      },
      &err))
      << err;
  EXPECT_EQ(read_file(dir.file("out.txt")), "hello\n");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.txt"});
}

TEST(AtomicFileTest, ReplacesExistingFileAndKeepsItsMode) {
  ScratchDir dir;
  write_file(dir.file("out.txt"), "old");
  ASSERT_EQ(::chmod(dir.file("out.txt").c_str(), 0640), 0);
  std::string err;
  ASSERT_TRUE(write_atomically(
      dir.file("out.txt"),
      [](std::ostream& out, std::string*) {
        out << "new";
        return true;
      },
      &err))
      << err;
  EXPECT_EQ(read_file(dir.file("out.txt")), "new");
  struct stat info {};
  ASSERT_EQ(::stat(dir.file("out.txt").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0640u);
}

TEST(AtomicFileTest, FailingBodyLeavesExistingFileAndNoTemporary) {
  ScratchDir dir;
  write_file(dir.file("out.txt"), "precious");
  std::string err;
  EXPECT_FALSE(write_atomically(
      dir.file("out.txt"),
      [](std::ostream& out, std::string* body_err) {
        out << "half of the ";  // written to the temporary file, which must go away
        *body_err = "body gave up";
        return false;
      },
      &err));
  EXPECT_EQ(err, "body gave up");
  EXPECT_EQ(read_file(dir.file("out.txt")), "precious");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.txt"});
}

TEST(AtomicFileTest, ThrowingBodyLeavesNoTemporary) {
  ScratchDir dir;
  std::string err;
  EXPECT_THROW(write_atomically(
                   dir.file("out.txt"),
                   [](std::ostream& out, std::string*) -> bool {
                     out << "partial";
                     throw std::runtime_error("boom");
                   },
                   &err),
               std::runtime_error);
  EXPECT_TRUE(dir.entries().empty());
}

TEST(AtomicFileTest, MissingDirectoryIsAnError) {
  ScratchDir dir;
  const std::string path = dir.file("no/such/dir/out.txt");
  std::string err;
  EXPECT_FALSE(write_atomically(
      path, [](std::ostream&, std::string*) { return true; }, &err));
  EXPECT_EQ(err, "cannot create a temporary file for '" + path + "': No such file or directory");
}

TEST(AtomicFileTest, DirectoryAsTargetIsAnError) {
  ScratchDir dir;
  std::string err;
  EXPECT_FALSE(write_atomically(
      dir.file(""), [](std::ostream&, std::string*) { return true; }, &err));
  EXPECT_NE(err.find("not a file name"), std::string::npos) << err;
  std::filesystem::create_directory(dir.file("sub"));
  EXPECT_FALSE(write_atomically(
      dir.file("sub"), [](std::ostream&, std::string*) { return true; }, &err));
  EXPECT_EQ(err, "cannot write '" + dir.file("sub") + "': is a directory");
}

TEST(AtomicFileTest, TempPathIsBesideTargetAndRenamedOnSuccess) {
  ScratchDir dir;
  std::string err;
  std::string seen;
  ASSERT_TRUE(with_temp_path(
      dir.file("map.svg"),
      [&](const std::string& tmp, std::string*) {
        seen = tmp;
        FILE* file = std::fopen(tmp.c_str(), "w");  // as gvRenderFilename would
        std::fputs("<svg/>", file);
        return std::fclose(file) == 0;
      },
      &err))
      << err;
  EXPECT_EQ(seen.rfind(dir.file(".map.svg.tmp-"), 0), 0u) << seen;
  EXPECT_EQ(read_file(dir.file("map.svg")), "<svg/>");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"map.svg"});
}

TEST(AtomicFileTest, TempPathFailureLeavesExistingFile) {
  ScratchDir dir;
  write_file(dir.file("map.svg"), "old map");
  std::string err;
  EXPECT_FALSE(with_temp_path(
      dir.file("map.svg"),
      [](const std::string& tmp, std::string* fn_err) {
        write_file(tmp, "<svg");
        *fn_err = "renderer failed";
        return false;
      },
      &err));
  EXPECT_EQ(err, "renderer failed");
  EXPECT_EQ(read_file(dir.file("map.svg")), "old map");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"map.svg"});
}

// Pieces of awkward sizes around the 4 KiB blocks of direct writes (empty, one byte, a block
// and one either side, several blocks, a piece that stays inside the block it starts in), each
// filled with its own letter so a misplaced piece shows.
std::vector<std::string> awkward_pieces() {
  const std::size_t sizes[] = {0,    1,     4095, 4096, 4097,  3,    8191, 12288, 100'000, 1,
                               0,    5000,  4096, 2,    70000, 4094, 1,    1,     4096,    9999,
                               8192, 65537, 7,    0,    4095,  4097, 333,  4096,  1,       50'000};
  std::vector<std::string> pieces;
  for (const std::size_t size : sizes)
    pieces.push_back(std::string(size, static_cast<char>('a' + pieces.size() % 26)));
  return pieces;
}

bool write_in_pieces(const std::string& path, const std::vector<std::string>& pieces,
                     unsigned threads, std::string* err,
                     PieceWrites writes = PieceWrites::kDirect) {
  return write_atomically_in_pieces(
      path,
      [&](PieceSink& out, std::string*) {
        put_pieces(out, pieces.size(), threads,
                   [&](std::size_t k, TextBuffer& text) { text += pieces[k]; });
        return true;
      },
      err, writes);
}

std::string concatenated(const std::vector<std::string>& pieces) {
  std::string all;
  for (const std::string& piece : pieces) all += piece;
  return all;
}

TEST(AtomicFileTest, PiecesLandInOrderOnAnyThreadCount) {
  ScratchDir dir;
  const std::vector<std::string> pieces = awkward_pieces();
  for (const unsigned threads : {1u, 2u, 3u, 8u}) {
    std::string err;
    ASSERT_TRUE(write_in_pieces(dir.file("out.txt"), pieces, threads, &err)) << err;
    EXPECT_TRUE(read_file(dir.file("out.txt")) == concatenated(pieces)) << threads << " threads";
  }
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.txt"});
}

TEST(AtomicFileTest, PiecesSmallerThanABlockAndNoPiecesAtAll) {
  ScratchDir dir;
  std::string err;
  ASSERT_TRUE(write_in_pieces(dir.file("small.txt"), {"<a>", "", "b", "</a>\n"}, 2, &err)) << err;
  EXPECT_EQ(read_file(dir.file("small.txt")), "<a>b</a>\n");
  ASSERT_TRUE(write_in_pieces(dir.file("empty.txt"), {}, 2, &err)) << err;
  EXPECT_TRUE(std::filesystem::exists(dir.file("empty.txt")));
  EXPECT_EQ(read_file(dir.file("empty.txt")), "");
}

// Where the file system refuses direct writes, everything goes through the page cache, with
// the same bytes.
TEST(AtomicFileTest, PiecesLandInOrderThroughThePageCache) {
  ScratchDir dir;
  const std::vector<std::string> pieces = awkward_pieces();
  for (const unsigned threads : {1u, 3u}) {
    std::string err;
    ASSERT_TRUE(
        write_in_pieces(dir.file("out.txt"), pieces, threads, &err, PieceWrites::kPageCache))
        << err;
    EXPECT_TRUE(read_file(dir.file("out.txt")) == concatenated(pieces)) << threads << " threads";
  }
}

// The disk fills up half-way: the old file stays whole and the temporary file goes away.
TEST(AtomicFileTest, FailedPieceWriteLeavesExistingFileAndNoTemporary) {
  ScratchDir dir;
  write_file(dir.file("out.txt"), "precious");
  std::vector<std::string> pieces;
  for (int k = 0; k < 64; ++k) pieces.push_back(std::string(50'001, 'x'));  // 3.2 MB
  std::string err;
  bool ok = true;
  {
    const FileSizeLimit limit(1 << 20);
    ok = write_in_pieces(dir.file("out.txt"), pieces, 2, &err);
  }
  EXPECT_FALSE(ok);
  EXPECT_EQ(err, "cannot write '" + dir.file("out.txt") + "': File too large");
  EXPECT_EQ(read_file(dir.file("out.txt")), "precious");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.txt"});
}

// True when files in `dir` are on ext2/3/4 or XFS, whose extent-based files take
// FALLOC_FL_COLLAPSE_RANGE: there BackFirstFile must be available.
bool collapses_ranges(const std::string& dir) {
  struct statfs fs {};
  if (::statfs(dir.c_str(), &fs) != 0) return false;
  return fs.f_type == 0xEF53 || fs.f_type == 0x58465342;  // EXT*_SUPER_MAGIC, XFS_SUPER_MAGIC
}

void put_all(PieceSink& out, const std::vector<std::string>& pieces, unsigned threads) {
  put_pieces(out, pieces.size(), threads,
             [&](std::size_t k, TextBuffer& text) { text += pieces[k]; });
}

// The back part first, the front later: the file is front + whitespace to the next 4 KiB +
// back, whatever the gap the bound left, for fronts that end inside a block, one byte short
// of one, and exactly on one.
TEST(BackFirstFileTest, FrontThenPaddingThenBack) {
  ScratchDir dir;
  const std::string path = dir.file("out.txt");
  const std::vector<std::string> back = awkward_pieces();
  for (const std::size_t front_size : {std::size_t{1}, std::size_t{5000}, std::size_t{8191},
                                       std::size_t{8192}, std::size_t{70000}}) {
    std::unique_ptr<BackFirstFile> file = BackFirstFile::create(path, front_size + 100'000);
    if (!file) {
      EXPECT_FALSE(collapses_ranges(dir.file(""))) << "ext4 and XFS collapse ranges";
      GTEST_SKIP() << "the temporary directory's file system cannot collapse ranges";
    }
    file->write_back([&](PieceSink& out) { put_all(out, back, 3); });
    const std::vector<std::string> front = {std::string(front_size / 2, '<'),
                                            std::string(front_size - front_size / 2, '>')};
    std::string err;
    ASSERT_EQ(file->write_front_and_commit([&](PieceSink& out) { put_all(out, front, 2); }, &err),
              BackFirstFile::Outcome::kWritten)
        << err;
    const std::size_t padded = (front_size + 4095) / 4096 * 4096;
    std::string expected = concatenated(front);
    if (padded > front_size) expected += std::string(padded - front_size - 1, ' ') + "\n";
    expected += concatenated(back);
    EXPECT_TRUE(read_file(path) == expected) << "front of " << front_size << " bytes";
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.txt"});
  }
}

// A front longer than its bound is refused and nothing is committed; a writer dropped before
// the front leaves no file; the file that was there stays.
TEST(BackFirstFileTest, FrontTooLongOrNeverWrittenLeavesExistingFile) {
  ScratchDir dir;
  const std::string path = dir.file("out.txt");
  write_file(path, "precious");
  {
    std::unique_ptr<BackFirstFile> file = BackFirstFile::create(path, 4096);
    if (!file) GTEST_SKIP() << "the temporary directory's file system cannot collapse ranges";
    file->write_back([&](PieceSink& out) { put_all(out, {"back"}, 1); });
    std::string err;
    EXPECT_EQ(file->write_front_and_commit(
                  [&](PieceSink& out) { put_all(out, {std::string(4097, 'f')}, 1); }, &err),
              BackFirstFile::Outcome::kFrontTooLong);
  }
  {
    std::unique_ptr<BackFirstFile> file = BackFirstFile::create(path, 4096);
    file->write_back([&](PieceSink& out) { put_all(out, {"back"}, 1); });
  }
  EXPECT_EQ(read_file(path), "precious");
  EXPECT_EQ(dir.entries(), std::vector<std::string>{"out.txt"});
}

// tmpfs keeps files in the page cache and cannot collapse ranges: no BackFirstFile there,
// and nothing left behind by asking.
TEST(BackFirstFileTest, UnavailableWhereRangesCannotCollapse) {
  if (!std::filesystem::is_directory("/dev/shm")) GTEST_SKIP() << "no /dev/shm";
  ScratchDir dir("/dev/shm");
  EXPECT_EQ(BackFirstFile::create(dir.file("out.txt"), 4096), nullptr);
  EXPECT_EQ(dir.entries(), std::vector<std::string>{});
}

}  // namespace
}  // namespace citenet
