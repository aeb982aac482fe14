// Writes an output file so that readers only ever see the old file or the complete new one:
// the content goes to a temporary file in the same directory (same file system, so the final
// rename(2) is atomic) and is renamed over `path` only when everything succeeded. On any
// failure the temporary file is removed and `path` is left as it was.
#pragma once

#include <functional>
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

// For writers that insist on a file name: `fn` gets the name of an empty temporary file in
// the directory of `path` and fills it; on success it is renamed to `path`.
bool with_temp_path(const std::string& path,
                    const std::function<bool(const std::string& tmp, std::string* err)>& fn,
                    std::string* err);

}  // namespace citenet
