#include "records/text.h"

#include <cstdint>
#include <cstring>

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_map>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace citenet {
namespace {

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

void append_utf8(UChar32 c, std::string& out) {
  char buffer[U8_MAX_LENGTH];
  std::int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buffer, static_cast<std::size_t>(length));
}

// Writes key tokens separated by exactly one space, whatever ran between them.
class KeyWriter {
 public:
  explicit KeyWriter(std::string& out) : out_(out), start_(out.size()) {}

  void letter(char c) {
    open_token();
    out_.push_back(c);
  }
  void code_point(UChar32 c) {
    open_token();
    append_utf8(c, out_);
  }
  void separator() { pending_space_ = true; }
  // An ASCII character: letters lower-cased, digits kept, "&" read as "and", anything
  // else separates tokens.
  void ascii(char c) {
    if (c >= 'A' && c <= 'Z') {
      letter(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      letter(c);
    } else if (c == '&') {
      ampersand();
    } else {
      separator();
    }
  }
  // "&" is a word of its own: "Hygiene & Tropical", "R&D" -> "r and d".
  void ampersand() {
    separator();
    open_token();
    out_.append("and");
    separator();
  }

 private:
  void open_token() {
    if (pending_space_ && out_.size() > start_) out_.push_back(' ');
    pending_space_ = false;
  }

  std::string& out_;
  std::size_t start_;
  bool pending_space_ = false;
};

void fold_ascii(std::string_view text, std::string& out) {
  KeyWriter writer(out);
  for (char c : text) writer.ascii(c);
}

bool is_mark(UChar32 c) { return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0; }

// Latin-ASCII for one case-folded letter that has no decomposition ("ø" -> "o", "ł" -> "l",
// "æ" -> "ae"); "" when it has no ASCII reading. Creating a transliterator parses rule sets
// (milliseconds) and running one costs microseconds, so each thread keeps one and
// remembers its answer per letter: the letters seen in a corpus are few.
// Transliterator::transliterate is not documented as thread-safe, hence thread_local.
const std::string& latin_ascii(UChar32 letter) {
  thread_local const std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> created(
        icu::Transliterator::createInstance("Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) created.reset();  // no ICU data: letters are kept as they are
    return created;
  }();
  thread_local std::unordered_map<UChar32, std::string> known;
  const auto [entry, added] = known.try_emplace(letter);
  if (!added || !transliterator) return entry->second;
  icu::UnicodeString text(letter);
  transliterator->transliterate(text);
  text.foldCase();
  std::string ascii;
  text.toUTF8String(ascii);
  if (is_ascii(ascii)) entry->second = std::move(ascii);
  return entry->second;
}

bool is_latin(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_LATIN;
}

const icu::Normalizer2* nfkd() {
  static const icu::Normalizer2* const normalizer = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFKDInstance(status);
    return U_SUCCESS(status) ? instance : nullptr;
  }();
  return normalizer;
}

// Case folding first, then NFKD splits accents off as combining marks, which are dropped;
// Latin letters that do not decompose go through latin_ascii(). Other scripts are kept.
void fold_unicode(std::string_view text, std::string& out) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  unicode.foldCase();
  if (const icu::Normalizer2* normalizer = nfkd()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString decomposed = normalizer->normalize(unicode, status);
    if (U_SUCCESS(status)) unicode = std::move(decomposed);
  }

  KeyWriter writer(out);
  for (int32_t i = 0; i < unicode.length();) {
    const UChar32 c = unicode.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80) {
      writer.ascii(static_cast<char>(c));
    } else if (is_mark(c)) {
      continue;
    } else if (!u_isalnum(c)) {
      writer.separator();
    } else if (const std::string* ascii = is_latin(c) ? &latin_ascii(c) : nullptr;
               ascii && !ascii->empty()) {
      for (char a : *ascii) writer.ascii(a);
    } else {
      writer.code_point(c);
    }
  }
}

// Decodes UTF-8 one code point at a time; invalid bytes come back as U+FFFD.
class CodePoints {
 public:
  explicit CodePoints(std::string_view text) : text_(text) {}
  bool done() const { return offset_ >= static_cast<int32_t>(text_.size()); }
  UChar32 next() {
    UChar32 c = 0;
    U8_NEXT(text_.data(), offset_, static_cast<int32_t>(text_.size()), c);
    return c < 0 ? 0xFFFD : c;
  }

 private:
  std::string_view text_;
  int32_t offset_ = 0;
};

bool has_lower_case(std::string_view word) {
  for (CodePoints points(word); !points.done();) {
    if (u_islower(points.next())) return true;
  }
  return false;
}

bool is_minor_word(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kMinor = {"of", "and", "the", "for",
                                                             "in", "on",  "at",  "to"};
  std::string folded;
  append_fold_key(word, folded);
  return std::find(kMinor.begin(), kMinor.end(), folded) != kMinor.end();
}

// One upper-case word: a capital opens the word and every part after a hyphen, bracket or
// dot ("CROSS-SUDWORTH", "(ACE)", "J.R."), and the part after an apostrophe that follows a
// single letter ("O'BRIEN" -> "O'Brien", but "JOHN'S" -> "John's").
void append_capitalised(std::string_view word, bool minor, std::string& out) {
  bool at_part_start = !minor;
  int letters_in_part = 0;
  for (CodePoints points(word); !points.done();) {
    const UChar32 c = points.next();
    if (u_isalnum(c)) {
      append_utf8(at_part_start ? u_totitle(c) : u_tolower(c), out);
      at_part_start = false;
      ++letters_in_part;
    } else {
      append_utf8(c, out);
      const bool apostrophe = c == '\'' || c == 0x2019;
      at_part_start = !minor && (!apostrophe || letters_in_part == 1);
      letters_in_part = 0;
    }
  }
}

// KeyWriter::ascii() as a table: the folded letter or digit, 0 for a separator, and
// kNotPlain for what the table does not handle ('&', non-ASCII bytes).
constexpr char kNotPlain = 1;
constexpr std::array<char, 256> kPlainFold = [] {
  std::array<char, 256> table{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 'A' && c <= 'Z') {
      table[c] = static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      table[c] = static_cast<char>(c);
    } else if (c == '&' || c >= 0x80) {
      table[c] = kNotPlain;
    }
  }
  return table;
}();

// fold_ascii() for the common case, ASCII without '&' (every name and most titles), in one
// pass into a buffer on the stack: a key per author of every record is folded. False,
// with `out` untouched, when `text` is not that case.
bool fold_plain_ascii(std::string_view text, std::string& out) {
  constexpr std::size_t kMaxPlain = 512;
  if (text.size() > kMaxPlain) return false;
  char buffer[kMaxPlain];
  std::size_t n = 0;  // a key token never starts with a space, so n <= text.size()
  bool pending_space = false;
  for (const char c : text) {
    const char folded = kPlainFold[static_cast<unsigned char>(c)];
    if (folded == kNotPlain) return false;
    if (folded == 0) {
      pending_space = true;
      continue;
    }
    if (pending_space && n > 0) buffer[n++] = ' ';
    pending_space = false;
    buffer[n++] = folded;
  }
  // KeyWriter separates from what `out` already held only by what it writes itself.
  out.append(buffer, n);
  return true;
}

}  // namespace

void append_fold_key(std::string_view utf8, std::string& out) {
  if (fold_plain_ascii(utf8, out)) return;
  if (is_ascii(utf8)) {
    fold_ascii(utf8, out);
  } else {
    fold_unicode(utf8, out);
  }
}

std::string fold_key(std::string_view utf8) {
  std::string key;
  key.reserve(utf8.size());
  append_fold_key(utf8, key);
  return key;
}

bool is_upper_case(std::string_view utf8) {
  bool upper = false;
  for (CodePoints points(utf8); !points.done();) {
    const UChar32 c = points.next();
    if (u_islower(c)) return false;
    upper = upper || u_isupper(c) || u_istitle(c);
  }
  return upper;
}

std::string title_case(std::string_view utf8) {
  std::string result;
  result.reserve(utf8.size());
  bool first_word = true;
  std::size_t position = 0;
  while (position < utf8.size()) {
    const std::size_t space = std::min(utf8.find(' ', position), utf8.size());
    const std::string_view word = utf8.substr(position, space - position);
    if (has_lower_case(word)) {
      result.append(word);
    } else {
      append_capitalised(word, !first_word && is_minor_word(word), result);
    }
    first_word = first_word && word.empty();
    if (space < utf8.size()) result.push_back(' ');
    position = space + 1;
  }
  return result;
}

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t* code_point) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  }
  std::size_t length;
  char32_t value;
  char32_t minimum;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  *code_point = value;
  return length;
}

namespace {

// The length of the longest prefix of `text` that is well-formed UTF-8. Runs of ASCII,
// sixteen bytes at a time, need no decoding: most exports are mostly ASCII.
std::size_t valid_utf8_prefix(std::string_view text) {
  std::size_t i = 0;
  char32_t c;
  while (i < text.size()) {
    if (i + 16 <= text.size()) {
      std::uint64_t words[2];
      std::memcpy(words, text.data() + i, sizeof words);
      if (((words[0] | words[1]) & 0x8080808080808080ull) == 0) {
        i += 16;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = decode_utf8(text, i, &c);
    if (length == 0) break;
    i += length;
  }
  return i;
}

}  // namespace

bool is_valid_utf8(std::string_view text) { return valid_utf8_prefix(text) == text.size(); }

bool repair_utf8(std::string& text) {
  // Most text is valid, and then nothing is copied.
  std::size_t i = valid_utf8_prefix(text);
  char32_t c;
  if (i == text.size()) return false;
  std::string out(text, 0, i);
  while (i < text.size()) {
    const std::size_t length = decode_utf8(text, i, &c);
    if (length == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
    } else {
      out.append(text, i, length);
      i += length;
    }
  }
  text = std::move(out);
  return true;
}

std::string clean_doi(std::string_view doi) {
  std::string out;
  assign_clean_doi(out, doi);
  return out;
}

void assign_clean_doi(std::string& out, std::string_view doi) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
  };
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  const auto trim = [&](std::string_view v) {
    while (!v.empty() && space(v.front())) v.remove_prefix(1);
    while (!v.empty() && space(v.back())) v.remove_suffix(1);
    return v;
  };
  doi = trim(doi);
  for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                  "http://dx.doi.org/", "doi:"}) {
    const bool match = doi.size() >= prefix.size() &&
                       std::equal(prefix.begin(), prefix.end(), doi.begin(),
                                  [&](char x, char y) { return lower(x) == lower(y); });
    if (match) doi = trim(doi.substr(prefix.size()));
  }
  out.assign(doi);
  for (char& c : out) c = lower(c);
}

}  // namespace citenet
