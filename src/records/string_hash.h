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

// The same for Abseil's Swiss tables, with Abseil's hash: the tables use a hash's low bits
// as a filter byte, and this one mixes all of its bits.
struct SwissStringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return absl::Hash<absl::string_view>{}(absl::string_view(s.data(), s.size()));
  }
};

template <class Value>
using StringMap = absl::flat_hash_map<std::string, Value, SwissStringHash, std::equal_to<>>;

}  // namespace citenet
