// A string hash for unordered containers keyed by std::string and looked up by
// std::string_view, without building a string per lookup.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include <absl/container/flat_hash_map.h>
#include <absl/hash/hash.h>

namespace citenet {

// Deliberately not noexcept: libstdc++ stores each node's hash only for hashes that may
// throw or are not "fast"; without the stored hash every lookup rehashes the keys it walks
// past, which perf showed as the corpus builder's largest cost.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A key with its hash worked out beforehand (on another thread): a Swiss-table lookup
// with it hashes nothing.
struct PrehashedString {
  std::string_view text;
  std::size_t hash;
};

// The same for Abseil's Swiss tables, with Abseil's hash: the tables use a hash's low bits
// as a filter byte, and this one mixes all of its bits.
struct SwissStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return absl::Hash<absl::string_view>{}(absl::string_view(s.data(), s.size()));
  }
  std::size_t operator()(const PrehashedString& s) const noexcept { return s.hash; }
};

struct SwissStringEq {
  using is_transparent = void;
  static std::string_view text(std::string_view s) { return s; }
  static std::string_view text(const PrehashedString& s) { return s.text; }
  template <class A, class B>
  bool operator()(const A& a, const B& b) const noexcept {
    return text(a) == text(b);
  }
};

template <class Value>
using StringMap = absl::flat_hash_map<std::string, Value, SwissStringHash, SwissStringEq>;

}  // namespace citenet
