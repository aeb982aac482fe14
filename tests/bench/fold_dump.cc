// citenet::fold_key of every code point from U+0080 on, one "HEX<TAB>key" line each (the key
// may be empty), for tests/bench/author_key_check.py: it checks peers.py's fold_key()
// against these lines and regenerates peers.py's Latin-ASCII table from them.
//
//   cmake -S . -B build-bench -DCITENET_BENCH=ON && make -C build-bench fold_dump
//   build-bench/fold_dump > /tmp/fold.tsv
//   /usr/bin/python3 tests/bench/author_key_check.py fold /tmp/fold.tsv
#include <cstdio>
#include <string>

#include <unicode/utf8.h>

#include "records/text.h"

int main() {
  for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    char utf8[U8_MAX_LENGTH];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(utf8, length, U8_MAX_LENGTH, c, error);
    if (error) continue;
    const std::string key = citenet::fold_key(std::string_view(utf8, length));
    std::printf("%X\t%s\n", static_cast<unsigned>(c), key.c_str());
  }
  return 0;
}
