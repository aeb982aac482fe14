// Writes an output file so that readers only ever see the old file or the complete new one:
// the content goes to a temporary file in the same directory (same file system, so the final
// rename(2) is atomic) and is renamed over `path` only when everything succeeded. On any
// failure the temporary file is removed and `path` is left as it was.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "render/out_buffer.h"

namespace citenet {

// Writes `path` through `body`, which streams the content and returns false (setting *err)
// when it cannot produce it. Stream errors (disk full, ...) are detected here, so `body`
// need not check the stream. Returns false with *err set on any failure.
bool write_atomically(const std::string& path,
                      const std::function<bool(std::ostream& out, std::string* err)>& body,
                      std::string* err);

// As write_atomically, for writers that format their content on several threads as numbered
// pieces (put_pieces in render/out_buffer.h): the thread that formatted a piece writes it at
// its place in the temporary file (pwrite(2); a tiny ordered step settles each piece's
// offset), so copying the text into the kernel overlaps the formatting of the next pieces
// instead of waiting for it, and each written range is handed to the disk at once
// (sync_file_range(2)) rather than all at the final fsync. Write errors (disk full, ...) are
// detected here.
enum class PieceWrites {
  kDirect,     // whole blocks straight to the disk (O_DIRECT) where the file system allows it
  kPageCache,  // everything through the page cache, what kDirect falls back to elsewhere
};
bool write_atomically_in_pieces(const std::string& path,
                                const std::function<bool(PieceSink& out, std::string* err)>& body,
                                std::string* err, PieceWrites writes = PieceWrites::kDirect);

// An output whose end is written before its beginning is known (GraphML's edges, while the
// analysis its nodes carry is still being computed): the back part goes into the temporary
// file at a block-aligned offset past a bound on the front's size; the front, written later
// from offset 0, is padded with whitespace to a whole block, and the unwritten gap between the
// two is removed with fallocate(FALLOC_FL_COLLAPSE_RANGE), which moves the back part's blocks
// without copying a byte. Both parts are written as numbered pieces (PieceSink), directly to
// the disk where the file system allows it. The gap is a hole, so a generous bound costs no
// disk space.
class BackFirstFile {
 public:
  // The temporary file beside `path`, or nullptr when it cannot be made or its file system
  // cannot collapse ranges (tmpfs, ...): write the usual way then.
  static std::unique_ptr<BackFirstFile> create(const std::string& path, std::uint64_t front_bound);
  BackFirstFile(const BackFirstFile&) = delete;
  BackFirstFile& operator=(const BackFirstFile&) = delete;
  ~BackFirstFile();  // removes the temporary file unless it was committed

  // Writes the back part through `body`; once, on any thread, before the front.
  void write_back(const std::function<void(PieceSink& out)>& body);

  enum class Outcome {
    kWritten,       // `path` holds front + back
    kFrontTooLong,  // the front exceeded its bound: nothing committed, write the usual way
    kFailed,        // *err says why; `path` untouched
  };
  // Writes the front part through `body`, joins the parts and renames the file to `path`.
  Outcome write_front_and_commit(const std::function<void(PieceSink& out)>& body, std::string* err);

 private:
  struct State;
  explicit BackFirstFile(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// For writers that insist on a file name: `fn` gets the name of an empty temporary file in
// the directory of `path` and fills it; on success it is renamed to `path`.
bool with_temp_path(const std::string& path,
                    const std::function<bool(const std::string& tmp, std::string* err)>& fn,
                    std::string* err);

}  // namespace citenet
