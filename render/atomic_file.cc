#include "render/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>

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

bool with_temp_path(const std::string& path,
                    const std::function<bool(const std::string& tmp, std::string* err)>& fn,
                    std::string* err) {
  TempFile temp;
  if (!temp.create_beside(path, err)) return false;
  if (!fn(temp.name(), err)) return false;
  return temp.commit(path, err);
}

}  // namespace citenet
