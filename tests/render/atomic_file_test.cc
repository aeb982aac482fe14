#include "render/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdio>
#include <stdexcept>

#include "render_test_support.h"

namespace citenet {
namespace {

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

}  // namespace
}  // namespace citenet
