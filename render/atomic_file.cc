#include "render/atomic_file.h"

#include <fcntl.h>
#include <linux/falloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <mutex>
#include <new>
#include <random>
#include <string_view>
#include <vector>

namespace citenet {
namespace {

std::string describe(const std::string& what, const std::string& path, int error_number) {
  return what + " '" + path + "': " + std::strerror(error_number);
}

// A uniquely named file beside the target, removed on destruction unless committed.
//
// Not mkstemp(3): it creates files with mode 0600, and restoring the usual 0666 & ~umask would
// need umask(2), which is process-global. open(O_CREAT | O_EXCL) with our own random suffix
// gives the same uniqueness guarantee and lets the umask apply as for any other output.
class TempFile {
 public:
  TempFile() = default;
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!name_.empty()) ::unlink(name_.c_str());
  }

  const std::string& name() const { return name_; }
  int fd() const { return fd_; }

  bool create_beside(const std::string& path, std::string* err) {
    const std::size_t slash = path.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    if (base.empty() || base == "." || base == "..") {
      *err = "cannot write '" + path + "': not a file name";
      return false;
    }
    // Keep the mode of a file being replaced (a user may have made it group-readable).
    mode_t mode = 0666;
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0) {
      if (S_ISDIR(existing.st_mode)) {
        *err = "cannot write '" + path + "': is a directory";
        return false;
      }
      mode = existing.st_mode & 07777;
    }
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device device;
    std::minstd_rand random(device());
    std::uniform_int_distribution<std::size_t> pick(0, sizeof kAlphabet - 2);
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string candidate = dir + "." + base + ".tmp-";
      for (int i = 0; i < 8; ++i) candidate += kAlphabet[pick(random)];
      const int fd = ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
      if (fd >= 0) {
        fd_ = fd;
        name_ = candidate;
        return true;
      }
      if (errno != EEXIST) {
        *err = describe("cannot create a temporary file for", path, errno);
        return false;
      }
    }
    *err = "cannot create a temporary file for '" + path + "': too many name collisions";
    return false;
  }

  // Flushes the content to disk, then renames over `path`. The fsync matters: without it a
  // crash soon after the rename can leave an empty file where the old one was.
  bool commit(const std::string& path, std::string* err) {
    if (fd_ >= 0) {
      ::close(fd_);
      fd_ = -1;
    }
    // Reopen by name: a writer given the name may have replaced the file we created.
    const int fd = ::open(name_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      *err = describe("cannot write", path, errno);
      return false;
    }
    const bool synced = ::fsync(fd) == 0;
    const int sync_errno = errno;
    ::close(fd);
    if (!synced) {
      *err = describe("cannot write", path, sync_errno);
      return false;
    }
    if (std::rename(name_.c_str(), path.c_str()) != 0) {
      *err = describe("cannot replace", path, errno);
      return false;
    }
    name_.clear();  // now owned by `path`: nothing to remove
    return true;
  }

 private:
  std::string name_;
  int fd_ = -1;
};

// Direct writes (O_DIRECT) need offsets, lengths and memory aligned to the device's logical
// block; 4 KiB serves every block size up to that.
constexpr std::size_t kBlock = 4096;

// A block-aligned buffer, kept from piece to piece.
class AlignedBuffer {
 public:
  char* reserve(std::size_t size) {
    if (size > capacity_) {
      const std::size_t capacity = (size + kBlock - 1) / kBlock * kBlock;
      data_.reset(static_cast<char*>(std::aligned_alloc(kBlock, capacity)));
      if (!data_) throw std::bad_alloc();
      capacity_ = capacity;
    }
    return data_.get();
  }

 private:
  struct Free {
    void operator()(char* p) const { std::free(p); }
  };
  std::unique_ptr<char, Free> data_;
  std::size_t capacity_ = 0;
};

// Writes all of `text` at `offset`, advancing both past what was written; returns 0 or the
// errno of the failure.
int write_all(int fd, std::string_view& text, std::uint64_t& offset) {
  while (!text.empty()) {
    const ssize_t n = ::pwrite(fd, text.data(), text.size(), static_cast<off_t>(offset));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return n < 0 ? errno : EIO;
    text.remove_prefix(static_cast<std::size_t>(n));
    offset += static_cast<std::uint64_t>(n);
  }
  return 0;
}

// A file written as numbered pieces from several threads. Under a lock, in index order, each
// piece learns where it goes (the end of the piece before); the writing happens outside the
// lock, on the thread that formatted the piece.
//
// Whole blocks go to the disk directly (O_DIRECT), not through the page cache: on the machine
// issue 6 measures, 1.6 GB written through the page cache and fsynced took 3.4-8.1 s and
// 2.5-4.8 s of system time, written directly 1.0-1.2 s and 0.2 s (dd). A piece rarely starts
// or ends on a block boundary, so the bytes of the unfinished block a piece ends in (the
// carry, under 4 KiB) are handed to the next piece, which writes them in front of its own;
// the last carry is written through the page cache by finish(). Where direct writes are
// refused (tmpfs, alignment rules of another device) everything goes through the page cache.
class FilePieces final : public PieceSink {
 public:
  // `base`: where the first piece goes (block-aligned). `preallocate`: allocate the file
  // ahead of the writes (when it is written directly).
  FilePieces(int fd, const std::string& name, PieceWrites writes, std::uint64_t base = 0,
             bool preallocate = true)
      : fd_(fd),
        direct_fd_(writes == PieceWrites::kDirect
                       ? ::open(name.c_str(), O_WRONLY | O_DIRECT | O_CLOEXEC)
                       : -1),
        end_(base),
        reserved_(base) {
    direct_ = direct_fd_ >= 0;
    preallocate_ = preallocate && direct_fd_ >= 0;  // the page cache needs no help
    carry_.reserve(kBlock);
  }
  FilePieces(const FilePieces&) = delete;
  FilePieces& operator=(const FilePieces&) = delete;
  ~FilePieces() {
    if (direct_fd_ >= 0) ::close(direct_fd_);
  }

  void put(std::size_t index, std::string_view text) override {
    std::unique_ptr<AlignedBuffer> staging = take_buffer();
    char* blocks = staging->reserve(kBlock + text.size());
    std::uint64_t start = 0;  // block-aligned
    std::size_t carried = 0, length = 0;
    {
      std::unique_lock<std::mutex> lock = turns_.wait(index);
      carried = carry_.size();
      start = end_ - carried;
      std::memcpy(blocks, carry_.data(), carried);
      const std::size_t total = carried + text.size();
      length = total - total % kBlock;
      const std::size_t left = total % kBlock;  // the new unfinished block
      if (left <= text.size())
        carry_.assign(text.substr(text.size() - left));
      else
        carry_.append(text);  // the piece ends in the same block it started in
      end_ += text.size();
      reserve_to(end_);
      turns_.pass(lock);
    }
    if (length > 0) {
      std::memcpy(blocks + carried, text.data(), length - carried);
      write(std::string_view(blocks, length), start);
    }
    give_back(std::move(staging));
  }

  // Writes the last unfinished block; call once every piece is put. With `pad_to_block`, the
  // block is first filled with spaces and a newline (whitespace wherever a document may have
  // it between elements), so the content ends on a block boundary.
  void finish(bool pad_to_block = false) {
    if (pad_to_block && !carry_.empty()) {
      const std::size_t pad = kBlock - carry_.size();
      carry_.append(pad - 1, ' ').push_back('\n');
      end_ += pad;
    }
    write(carry_, end_ - carry_.size());
    // Cut what was allocated ahead and not written.
    if (reserved_ > end_ && ::ftruncate(fd_, static_cast<off_t>(end_)) != 0) {
      int none = 0;
      error_.compare_exchange_strong(none, errno);
    }
  }

  // The errno of the first failed write; 0 when every write succeeded.
  int error() const { return error_.load(std::memory_order_relaxed); }
  // Where the content ends; call after finish().
  std::uint64_t end() const { return end_; }

 private:
  void write(std::string_view text, std::uint64_t offset) {
    if (error() != 0) return;  // the file is lost anyway
    int failure = 0;
    if (direct_.load(std::memory_order_relaxed) && text.size() % kBlock == 0) {
      failure = write_all(direct_fd_, text, offset);
      if (failure == EINVAL) {  // alignment the device does not take: page cache from now on
        direct_.store(false, std::memory_order_relaxed);
        failure = 0;
      }
    }
    if (failure == 0 && !text.empty()) {
      const std::uint64_t first = offset;
      failure = write_all(fd_, text, offset);
#ifdef SYNC_FILE_RANGE_WRITE
      // Through the page cache, start the disk on this range now rather than leave it all to
      // the commit's fsync; a failure shows again at the fsync.
      if (failure == 0)
        ::sync_file_range(fd_, static_cast<off_t>(first), static_cast<off_t>(offset - first),
                          SYNC_FILE_RANGE_WRITE);
#endif
    }
    if (failure != 0) {
      int none = 0;
      error_.compare_exchange_strong(none, failure);
    }
  }

  // Allocates the file ahead of the writes, 64 MB at a time, so direct writes land inside the
  // file: ext4 runs one direct write that extends a file at a time, the others side by side
  // (bench_write at 300k: 1.79 -> 1.68 s and 2.89 -> 2.63 s on a shared machine, medians of
  // three sets of 5 runs). Where fallocate fails (not supported, disk nearly full) the
  // writes extend the file as they go.
  void reserve_to(std::uint64_t end) {
    if (!preallocate_ || end <= reserved_) return;
    constexpr std::uint64_t kAhead = 64 << 20;
    if (::fallocate(fd_, 0, static_cast<off_t>(reserved_),
                    static_cast<off_t>(end + kAhead - reserved_)) == 0)
      reserved_ = end + kAhead;
    else
      preallocate_ = false;
  }

  std::unique_ptr<AlignedBuffer> take_buffer() {
    const std::lock_guard<std::mutex> lock(buffers_mutex_);
    if (buffers_.empty()) return std::make_unique<AlignedBuffer>();
    std::unique_ptr<AlignedBuffer> buffer = std::move(buffers_.back());
    buffers_.pop_back();
    return buffer;
  }
  void give_back(std::unique_ptr<AlignedBuffer> buffer) {
    const std::lock_guard<std::mutex> lock(buffers_mutex_);
    buffers_.push_back(std::move(buffer));
  }

  const int fd_;
  const int direct_fd_;  // -1 when the file system refuses O_DIRECT
  std::atomic<bool> direct_{false};
  PieceTurns turns_;
  std::uint64_t end_;  // guarded by the turns' lock, as carry_
  std::string carry_;
  std::atomic<int> error_{0};
  bool preallocate_;        // guarded by the turns' lock, as reserved_
  std::uint64_t reserved_;  // the file's size allocated ahead of end_
  std::mutex buffers_mutex_;
  std::vector<std::unique_ptr<AlignedBuffer>> buffers_;  // one per thread writing
};

}  // namespace

bool write_atomically(const std::string& path,
                      const std::function<bool(std::ostream& out, std::string* err)>& body,
                      std::string* err) {
  TempFile temp;
  if (!temp.create_beside(path, err)) return false;
  std::ofstream out(temp.name(), std::ios::binary | std::ios::trunc);
  if (!out) {
    *err = describe("cannot write", path, errno);
    return false;
  }
  if (!body(out, err)) return false;
  out.flush();
  out.close();
  if (out.fail()) {
    *err = describe("cannot write", path, errno);
    return false;
  }
  return temp.commit(path, err);
}

bool write_atomically_in_pieces(const std::string& path,
                                const std::function<bool(PieceSink& out, std::string* err)>& body,
                                std::string* err, PieceWrites writes) {
  TempFile temp;
  if (!temp.create_beside(path, err)) return false;
  FilePieces pieces(temp.fd(), temp.name(), writes);
  if (!body(pieces, err)) return false;
  pieces.finish();
  if (pieces.error() != 0) {
    *err = describe("cannot write", path, pieces.error());
    return false;
  }
  return temp.commit(path, err);
}

struct BackFirstFile::State {
  std::string path;
  TempFile temp;
  std::uint64_t back_offset = 0;  // block-aligned, at least the front's bound
  int back_error = 0;
};

// Collapsing needs offsets and lengths in whole file-system blocks; ext4 and XFS take them at
// 4 KiB, which kBlock is. Tried on the temporary file itself, so the answer is about the file
// system the output goes to.
static bool can_collapse(int fd) {
  const std::string blocks(2 * kBlock, ' ');
  std::string_view text = blocks;
  std::uint64_t offset = 0;
  const bool ok =
      write_all(fd, text, offset) == 0 && ::fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, 0, kBlock) == 0;
  return ::ftruncate(fd, 0) == 0 && ok;
}

std::unique_ptr<BackFirstFile> BackFirstFile::create(const std::string& path,
                                                     std::uint64_t front_bound) {
  auto state = std::make_unique<State>();
  std::string ignored;
  if (!state->temp.create_beside(path, &ignored) || !can_collapse(state->temp.fd())) return {};
  state->path = path;
  state->back_offset = (front_bound + kBlock - 1) / kBlock * kBlock;
  return std::unique_ptr<BackFirstFile>(new BackFirstFile(std::move(state)));
}

BackFirstFile::BackFirstFile(std::unique_ptr<State> state) : state_(std::move(state)) {}
BackFirstFile::~BackFirstFile() = default;

void BackFirstFile::write_back(const std::function<void(PieceSink& out)>& body) {
  FilePieces pieces(state_->temp.fd(), state_->temp.name(), PieceWrites::kDirect,
                    state_->back_offset);
  body(pieces);
  pieces.finish();
  state_->back_error = pieces.error();
}

BackFirstFile::Outcome BackFirstFile::write_front_and_commit(
    const std::function<void(PieceSink& out)>& body, std::string* err) {
  State& s = *state_;
  if (s.back_error != 0) {
    *err = describe("cannot write", s.path, s.back_error);
    return Outcome::kFailed;
  }
  // The front is padded to a whole block: the collapse keeps whole blocks.
  FilePieces pieces(s.temp.fd(), s.temp.name(), PieceWrites::kDirect, 0, /*preallocate=*/false);
  body(pieces);
  pieces.finish(/*pad_to_block=*/true);
  if (pieces.error() != 0) {
    *err = describe("cannot write", s.path, pieces.error());
    return Outcome::kFailed;
  }
  const std::uint64_t front_end = pieces.end();
  if (front_end > s.back_offset) return Outcome::kFrontTooLong;
  if (front_end < s.back_offset &&
      ::fallocate(s.temp.fd(), FALLOC_FL_COLLAPSE_RANGE, static_cast<off_t>(front_end),
                  static_cast<off_t>(s.back_offset - front_end)) != 0) {
    *err = describe("cannot write", s.path, errno);
    return Outcome::kFailed;
  }
  return s.temp.commit(s.path, err) ? Outcome::kWritten : Outcome::kFailed;
}

bool with_temp_path(const std::string& path,
                    const std::function<bool(const std::string& tmp, std::string* err)>& fn,
                    std::string* err) {
  TempFile temp;
  if (!temp.create_beside(path, err)) return false;
  if (!fn(temp.name(), err)) return false;
  return temp.commit(path, err);
}

}  // namespace citenet
