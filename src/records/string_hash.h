// A string hash for unordered containers keyed by std::string and looked up by
// std::string_view, without building a string per lookup.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace citenet {

// Deliberately not noexcept: libstdc++ stores each node's hash only for hashes that may
// throw or are not "fast"; without the stored hash every lookup rehashes the keys it walks
// past, which perf showed as the corpus builder's largest cost.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace citenet
