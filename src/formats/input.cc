#include "formats/input.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "formats/listing_reader.h"

namespace citenet {

namespace {

struct FormatEntry {
  const char* name;
  bool (*recognises)(std::string_view head);
  bool (*read)(std::istream&, const std::string&, const RecordSink&, ReadStats&, std::string*);
};

// Detection order matters only when two readers accept the same head; keep the most
// specific first.
constexpr FormatEntry kFormats[] = {
    {"listing", looks_like_listing, read_listing},
};

constexpr std::size_t kHeadBytes = 8192;

const FormatEntry* find_by_head(std::string_view head) {
  for (const FormatEntry& f : kFormats)
    if (f.recognises(head)) return &f;
  return nullptr;
}

}  // namespace

std::vector<std::string> known_formats() {
  std::vector<std::string> names;
  for (const FormatEntry& f : kFormats) names.emplace_back(f.name);
  return names;
}

std::string detect_format(std::string_view head) {
  const FormatEntry* f = find_by_head(head);
  return f ? f->name : "";
}

bool read_input(const std::string& path, const RecordSink& sink, ReadStats& stats,
                std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) {
    *error = path + ": no such file";
    return false;
  }
  if (fs::is_directory(status)) {
    *error = path + ": is a directory, not a record file";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open: " + std::strerror(errno);
    return false;
  }
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.find_first_not_of(" \t\r\n") == std::string::npos) {
    *error = path + ": empty file, no records";
    return false;
  }
  const FormatEntry* format = find_by_head(head);
  if (!format) {
    std::string names;
    for (const std::string& n : known_formats()) names += (names.empty() ? "" : ", ") + n;
    *error = path + ":1: not a known record format (citenet reads: " + names + ")";
    return false;
  }
  in.clear();
  in.seekg(0);
  return format->read(in, path, sink, stats, error);
}

}  // namespace citenet
