#include "graph/timing.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace citenet {

bool timings_enabled() {
  static const bool on = [] {
    const char* value = std::getenv("CITENET_TIMINGS");
    return value != nullptr && *value != '\0' && std::strcmp(value, "0") != 0;
  }();
  return on;
}

void report_timing(std::string_view step, double seconds) {
  if (timings_enabled())
    std::fprintf(stderr, "timing: %.*s %.3f s\n", static_cast<int>(step.size()), step.data(),
                 seconds);
}

}  // namespace citenet
