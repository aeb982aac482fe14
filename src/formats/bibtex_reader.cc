#include "formats/bibtex_reader.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include "formats/reader_text.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace citenet {
namespace {

using namespace reader_text;

// An entry larger than this is garbage (a lost closing brace swallowing a huge file).
constexpr std::size_t kMaxEntryBytes = 32u << 20;

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), to_lower);
  return out;
}

// Splits on any of `separators`, trimming pieces and dropping empty ones.
std::vector<std::string_view> split_any(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    const std::size_t at = s.find_first_of(separators);
    const std::string_view piece = trim(s.substr(0, at));
    if (!piece.empty()) out.push_back(piece);
    s = at == npos ? std::string_view() : s.substr(at + 1);
  }
  return out;
}

std::optional<int> leading_number(std::string_view s) {
  s = trim(s);
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end == s.data()) return std::nullopt;
  return value;
}

// ---- UTF-8 ----

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes the code point at s[i] and advances i; an invalid byte comes back as nullopt (i
// still advances by one) so callers can copy it unchanged.
std::optional<char32_t> next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  std::size_t len = lead < 0x80           ? 1
                    : (lead >> 5) == 0x6  ? 2
                    : (lead >> 4) == 0xE  ? 3
                    : (lead >> 3) == 0x1E ? 4
                                          : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return std::nullopt;
  }
  char32_t cp = len == 1 ? lead : lead & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return std::nullopt;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += len;
  return cp;
}

// ---- LaTeX to UTF-8 ----

// Accent commands and the combining mark each one puts on its letter.
struct Accent {
  std::string_view command;
  char32_t mark;
};
constexpr Accent kAccents[] = {
    {"'", 0x301}, {"`", 0x300}, {"^", 0x302}, {"\"", 0x308}, {"~", 0x303}, {"=", 0x304},
    {".", 0x307}, {"u", 0x306}, {"v", 0x30C}, {"H", 0x30B},  {"c", 0x327}, {"k", 0x328},
    {"r", 0x30A}, {"d", 0x323}, {"b", 0x331}, {"t", 0x361},
};

// Letters and symbols spelled as commands.
struct Symbol {
  std::string_view command;
  std::string_view text;
};
constexpr Symbol kSymbols[] = {
    {"ss", "ß"},
    {"o", "ø"},
    {"O", "Ø"},
    {"aa", "å"},
    {"AA", "Å"},
    {"ae", "æ"},
    {"AE", "Æ"},
    {"oe", "œ"},
    {"OE", "Œ"},
    {"l", "ł"},
    {"L", "Ł"},
    {"i", "ı"},
    {"j", "ȷ"},
    {"dh", "ð"},
    {"DH", "Ð"},
    {"th", "þ"},
    {"TH", "Þ"},
    {"ng", "ŋ"},
    {"NG", "Ŋ"},
    {"dj", "đ"},
    {"DJ", "Đ"},
    {"textendash", "–"},
    {"textemdash", "—"},
    {"textquoteright", "’"},
    {"textquoteleft", "‘"},
    {"textregistered", "®"},
    {"copyright", "©"},
    {"textcopyright", "©"},
    {"S", "§"},
    {"P", "¶"},
    {"pounds", "£"},
    {"euro", "€"},
    {"ldots", "…"},
    {"dots", "…"},
    {"textasciitilde", "~"},
};

const Accent* find_accent(std::string_view command) {
  for (const Accent& a : kAccents) {
    if (a.command == command) return &a;
  }
  return nullptr;
}

const Symbol* find_symbol(std::string_view command) {
  for (const Symbol& s : kSymbols) {
    if (s.command == command) return &s;
  }
  return nullptr;
}

// Letter + combining mark as one precomposed character where Unicode has one.
void append_accented(std::string& out, char32_t base, char32_t mark) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const UChar32 composed = nfc ? nfc->composePair(static_cast<UChar32>(base), mark) : -1;
  if (composed >= 0) {
    append_utf8(out, static_cast<char32_t>(composed));
  } else {
    append_utf8(out, base);
    append_utf8(out, mark);
  }
}

class LatexDecoder {
 public:
  LatexDecoder(std::string_view in, bool typographic) : in_(in), typographic_(typographic) {}

  std::string run() {
    while (i_ < in_.size()) step();
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    return std::move(out_);
  }

 private:
  void step() {
    const char c = in_[i_];
    if (c == '{' || c == '}' || (c == '$' && typographic_)) {
      ++i_;  // grouping and math shifts carry no text
    } else if (c == '\\') {
      command();
    } else if (is_space(c) || (c == '~' && typographic_)) {
      ++i_;
      space();
    } else if (c == '-' && typographic_ && in_.substr(i_).starts_with("--")) {
      const bool em = in_.substr(i_).starts_with("---");
      i_ += em ? 3 : 2;
      out_ += em ? "—" : "–";
    } else {
      out_ += c;
      ++i_;
    }
  }

  void space() {
    if (!out_.empty() && out_.back() != ' ') out_ += ' ';
  }

  void skip_spaces() {
    while (i_ < in_.size() && is_space(in_[i_])) ++i_;
  }

  void command() {
    ++i_;  // the backslash
    if (i_ >= in_.size()) return;
    const char c = in_[i_];
    if (!is_alpha(c)) {
      ++i_;
      if (const Accent* accent = find_accent(std::string_view(&c, 1))) {
        accented(*accent);
      } else if (c == '\\' || c == ' ' || c == ',' || c == ';') {
        space();                          // forced line break and explicit spaces
      } else if (c != '-' && c != '/') {  // \- and \/ are typesetting hints
        out_ += c;                        // \& \% \$ \# \_ \{ \}
      }
      return;
    }
    const std::size_t start = i_;
    while (i_ < in_.size() && is_alpha(in_[i_])) ++i_;
    const std::string_view name = in_.substr(start, i_ - start);
    if (const Accent* accent = find_accent(name)) {
      accented(*accent);
      return;
    }
    skip_spaces();  // TeX swallows the spaces after a control word
    if (const Symbol* symbol = find_symbol(name)) out_ += symbol->text;
    // Any other command (\emph, \textit, \url ...) vanishes; its argument stays as text.
  }

  // The letter an accent applies to: "e", "{e}", "{\i}", "\i", possibly after spaces.
  void accented(const Accent& accent) {
    skip_spaces();
    const bool braced = i_ < in_.size() && in_[i_] == '{';
    if (braced) {
      ++i_;
      skip_spaces();
    }
    std::optional<char32_t> base;
    if (in_.substr(i_).starts_with("\\i") || in_.substr(i_).starts_with("\\j")) {
      base = static_cast<char32_t>(in_[i_ + 1]);  // a dotless i takes the accent as i
      i_ += 2;
    } else if (i_ < in_.size() && in_[i_] != '}' && in_[i_] != '\\') {
      const std::size_t at = i_;
      base = next_code_point(in_, i_);
      if (!base) {
        out_ += in_[at];  // an invalid byte stays as it was, and takes no accent
        if (braced && i_ < in_.size() && in_[i_] == '}') ++i_;
        return;
      }
    }
    if (braced && i_ < in_.size() && in_[i_] == '}') ++i_;
    if (base) {
      append_accented(out_, *base, accent.mark);
    } else if (accent.command.size() == 1 && !is_alpha(accent.command[0])) {
      out_ += accent.command;  // "\~{}" is a literal tilde
    }
  }

  std::string_view in_;
  bool typographic_;  // dashes, "~" and "$" carry meaning (titles, names); not in ids
  std::size_t i_ = 0;
  std::string out_;
};

// Identifiers, URLs, pages and references: escapes and accents folded, but "--" and "~"
// kept as they are (a DOI or URL may hold them).
std::string verbatim_text(std::string_view value) { return LatexDecoder(value, false).run(); }

// ---- the entry scanner ----

// A buffered character source over the stream that counts lines.
class Input {
 public:
  explicit Input(std::istream& in) : in_(in) {
    if (fill() && std::string_view(buffer_.data() + pos_, end_ - pos_).starts_with(kBom)) {
      pos_ += kBom.size();
    }
  }

  int peek() { return pos_ < end_ || fill() ? static_cast<unsigned char>(buffer_[pos_]) : -1; }

  int get() {
    const int c = peek();
    if (c < 0) return c;
    ++pos_;
    if (c == '\n') {
      ++line_;
      line_blank_ = true;
    } else if (!is_space(c)) {
      line_blank_ = false;
    }
    return c;
  }

  // Appends characters up to (not including) the next one in `stops`, which must include
  // '\n' so lines are counted by get(). The fast path for long field values.
  std::size_t append_until(std::string& out, std::string_view stops) {
    std::size_t taken = 0;
    while (pos_ < end_ || fill()) {
      const char* begin = buffer_.data() + pos_;
      const char* end = buffer_.data() + end_;
      const char* p = begin;
      for (; p < end && stops.find(*p) == npos; ++p) {
        if (!is_space(*p)) line_blank_ = false;
      }
      out.append(begin, p);
      taken += static_cast<std::size_t>(p - begin);
      pos_ += static_cast<std::size_t>(p - begin);
      if (p < end) break;
    }
    return taken;
  }

  std::size_t line() const { return line_; }
  // Whether nothing but white space has been read since the last line break: "@" there
  // starts an entry for error recovery.
  bool at_line_start() const { return line_blank_; }

 private:
  bool fill() {
    if (!in_) return false;
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    pos_ = 0;
    end_ = static_cast<std::size_t>(in_.gcount());
    return end_ > 0;
  }

  std::istream& in_;
  std::vector<char> buffer_ = std::vector<char>(1 << 16);
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  std::size_t line_ = 1;
  bool line_blank_ = true;
};

// Characters of entry types, field names, macro names and keys.
bool is_name_char(int c) {
  return c > ' ' && c != '=' && c != ',' && c != '{' && c != '}' && c != '(' && c != ')' &&
         c != '"' && c != '#' && c != '%' && c != '@' && c != '\'' && c != '~' && c != '\\';
}

struct Field {
  std::string name;   // lower case
  std::string value;  // outer delimiters removed, inner braces and LaTeX kept
};

struct Entry {
  std::string type;  // lower case
  std::string key;
  std::size_t line = 0;
  std::vector<Field> fields;
};

struct ParseError {
  std::size_t line = 0;
  std::string what;
};

// The standard month macros; bibliography styles define them, so every file may use them.
constexpr std::string_view kMonthNames[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};

class Scanner {
 public:
  explicit Scanner(Input& input) : in_(input) {}

  // entry: a regular entry was read; error: a regular entry was malformed (the input is then
  // at the next line starting with "@"); bad_directive: an @string, @comment or @preamble
  // was malformed (not a record, but worth a warning); end: no more input.
  enum class Next { entry, error, bad_directive, end };

  Next next(Entry& entry, ParseError& error) {
    while (skip_to_at()) {
      const std::size_t line = in_.line();
      in_.get();  // '@'
      skip_spaces();
      std::string type = lower(read_name());
      skip_spaces();
      const int open = in_.peek();
      if (type.empty() || (open != '{' && open != '(')) continue;  // an "@" in stray text
      in_.get();
      seen_ = true;
      const int close = open == '{' ? '}' : ')';
      const bool directive = type == "comment" || type == "preamble" || type == "string";
      bool ok = true;
      if (type == "string") {
        ok = read_macro(close);
      } else if (directive) {
        ok = skip_group(open, close);
      } else {
        entry = Entry{std::move(type), {}, line, {}};
        ok = read_entry(entry, close);
      }
      if (ok && directive) continue;
      if (ok) return Next::entry;
      error = error_;
      if (directive) error.what = "@" + type + ": " + error.what;
      resync();
      return directive ? Next::bad_directive : Next::error;
    }
    return Next::end;
  }

  // Line of the first character that is not white space, 0 when there is none.
  std::size_t first_content_line() const { return first_content_line_; }
  bool seen_entry() const { return seen_; }

 private:
  bool fail(std::string what) {
    error_ = ParseError{in_.line(), std::move(what)};
    return false;
  }

  bool skip_to_at() {
    for (int c = in_.peek(); c >= 0; c = in_.peek()) {
      if (first_content_line_ == 0 && !is_space(c)) first_content_line_ = in_.line();
      if (c == '@') return true;
      in_.get();
    }
    return false;
  }

  void resync() {
    for (int c = in_.peek(); c >= 0; c = in_.peek()) {
      if (c == '@' && in_.at_line_start()) return;
      in_.get();
    }
  }

  void skip_spaces() {
    while (is_space(in_.peek())) in_.get();
  }

  std::string read_name() {
    std::string name;
    while (is_name_char(in_.peek())) name += static_cast<char>(in_.get());
    return name;
  }

  bool skip_group(int open, int close) {
    int depth = 0;
    for (int c = in_.get(); c >= 0; c = in_.get()) {
      if (c == open) {
        ++depth;
      } else if (c == close && depth-- == 0) {
        return true;
      }
    }
    return fail("ends before its closing \"" + std::string(1, static_cast<char>(close)) + "\"");
  }

  // @string{name = value}
  bool read_macro(int close) {
    skip_spaces();
    const std::string name = lower(read_name());
    skip_spaces();
    if (name.empty() || in_.peek() != '=') return fail("no \"name = value\"");
    in_.get();
    std::string value;
    if (!read_value(value, close)) return false;
    skip_spaces();
    if (in_.peek() != close) return fail("not closed after its value");
    in_.get();
    macros_.emplace_back(name, std::move(value));
    return true;
  }

  bool read_entry(Entry& entry, int close) {
    skip_spaces();
    while (in_.peek() >= 0 && in_.peek() != ',' && in_.peek() != close && in_.peek() != '\n') {
      entry.key += static_cast<char>(in_.get());
    }
    entry.key = std::string(trim(entry.key));
    skip_spaces();
    if (in_.peek() == close) {
      in_.get();
      return true;
    }
    if (in_.peek() != ',') return fail("no \",\" after the entry key");
    in_.get();
    bytes_ = 0;
    while (true) {
      skip_spaces();
      const int c = in_.peek();
      if (c == close) {
        in_.get();
        return true;
      }
      if (c < 0)
        return fail("ends before its closing \"" + std::string(1, static_cast<char>(close)) + "\"");
      std::string name = lower(read_name());
      if (name.empty()) {
        return fail("expected a field name, found \"" + std::string(1, static_cast<char>(c)) +
                    "\"");
      }
      skip_spaces();
      if (in_.peek() != '=') return fail("expected \"=\" after field name \"" + name + "\"");
      in_.get();
      std::string value;
      if (!read_value(value, close)) return false;
      if (std::none_of(entry.fields.begin(), entry.fields.end(),
                       [&](const Field& f) { return f.name == name; })) {
        entry.fields.push_back(Field{std::move(name), std::move(value)});
      }
      skip_spaces();
      const int after = in_.peek();
      if (after == ',') {
        in_.get();
      } else if (after != close) {
        return fail("expected \",\" or \"" + std::string(1, static_cast<char>(close)) +
                    "\" after field \"" + entry.fields.back().name + "\"");
      }
    }
  }

  // value = piece ("#" piece)*, piece = {braced} | "quoted" | number | macro.
  bool read_value(std::string& value, int close) {
    while (true) {
      skip_spaces();
      const int c = in_.peek();
      if (c == '{' || c == '"') {
        in_.get();
        if (!read_delimited(value, c == '{' ? '}' : '"')) return false;
      } else if (is_digit(c)) {
        while (is_digit(in_.peek())) value += static_cast<char>(in_.get());
      } else if (is_name_char(c)) {
        expand_macro(lower(read_name()), value);
      } else if (c < 0) {
        return fail("ends inside a field value");
      } else {
        return fail(c == close || c == ',' ? "field without a value"
                                           : "expected a field value, found \"" +
                                                 std::string(1, static_cast<char>(c)) + "\"");
      }
      skip_spaces();
      if (in_.peek() != '#') return true;
      in_.get();
    }
  }

  // Text up to the closing delimiter at brace depth 0; inner braces are kept.
  bool read_delimited(std::string& value, int end) {
    const std::size_t start_line = in_.line();
    int depth = 0;
    const std::string_view stops = end == '"' ? std::string_view("{}\"@\n") : "{}@\n";
    while (true) {
      bytes_ += in_.append_until(value, stops);
      if (bytes_ > kMaxEntryBytes) return fail("entry longer than 32 MiB");
      const int c = in_.peek();
      if (c < 0) {
        return fail("ends inside the value that starts on line " + std::to_string(start_line));
      }
      // A line starting with "@" inside a value is the next entry: a closing brace was lost.
      if (c == '@' && in_.at_line_start() && in_.line() > start_line) {
        return fail("value that starts on line " + std::to_string(start_line) +
                    " is not closed before the next entry");
      }
      in_.get();
      if (depth == 0 && c == end) return true;
      if (c == '{') ++depth;
      if (c == '}' && --depth < 0) return fail("unbalanced \"}\" in a quoted value");
      value += static_cast<char>(c);
      if (++bytes_ > kMaxEntryBytes) return fail("entry longer than 32 MiB");
    }
  }

  void expand_macro(const std::string& name, std::string& value) {
    for (auto it = macros_.rbegin(); it != macros_.rend(); ++it) {
      if (it->first == name) {
        value += it->second;
        return;
      }
    }
    for (std::size_t m = 0; m < 12; ++m) {
      if (lower(kMonthNames[m].substr(0, 3)) == name) {
        value += kMonthNames[m];
        return;
      }
    }
    value += name;  // an undefined macro: BibTeX warns and uses nothing; its name says more
  }

  Input& in_;
  bool seen_ = false;
  std::size_t first_content_line_ = 0;
  ParseError error_;
  std::size_t bytes_ = 0;
  std::vector<std::pair<std::string, std::string>> macros_;  // few per file; last wins
};

// ---- names ----

// Accent-free, case-folded words of a name for comparing forms of one person
// ("Csató, László" and "Csato, L"): split on spaces and punctuation.
std::vector<std::string> name_words(std::string_view text, bool expand_initials) {
  std::vector<std::string> words;
  std::string word;
  std::string_view::size_type i = 0;
  const auto flush = [&](bool was_upper_run) {
    if (word.empty()) return;
    // "YC" in "Hu, YC" (Web of Science) is two initials, not a name.
    if (expand_initials && was_upper_run && word.size() <= 3) {
      for (char ch : word) words.emplace_back(1, to_lower(ch));
    } else {
      words.push_back(lower(word));
    }
    word.clear();
  };
  bool upper_run = true;
  while (i < text.size()) {
    std::optional<char32_t> cp = next_code_point(text, i);
    if (!cp) continue;
    const bool letter =
        u_isalpha(static_cast<UChar32>(*cp)) || u_isdigit(static_cast<UChar32>(*cp));
    if (!letter) {
      flush(upper_run);
      upper_run = true;
      continue;
    }
    if (*cp >= 0x80) {
      // Fold accents: decompose and keep the base letter.
      icu::UnicodeString s(static_cast<UChar32>(*cp));
      UErrorCode status = U_ZERO_ERROR;
      static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
      if (nfd) s = nfd->normalize(s, status);
      const UChar32 base = U_SUCCESS(status) && s.length() > 0 ? s.char32At(0) : *cp;
      upper_run = upper_run && u_isupper(base);
      append_utf8(word, static_cast<char32_t>(u_tolower(base)));
    } else {
      upper_run = upper_run && is_upper(static_cast<int>(*cp));
      word += static_cast<char>(*cp);
    }
  }
  flush(upper_run);
  return words;
}

// Whether a name form ("Pelaez, Jose I", "Hu, YC", "S.S. Sana") can be this author: every
// word of the form meets a distinct word of the author's name, equal or as its initial, and
// at least one surname word meets in full.
bool name_fits(const std::vector<std::string>& surname, const std::vector<std::string>& given,
               const Author& author) {
  std::vector<std::string> pool = name_words(author.surname, false);
  for (std::string& w : name_words(author.given, false)) pool.push_back(std::move(w));
  if (author.given.empty()) {
    for (std::string& w : name_words(author.initials, true)) pool.push_back(std::move(w));
  }
  std::vector<bool> used(pool.size(), false);
  const auto take = [&](const std::string& w, bool exact_only) -> bool {
    for (std::size_t k = 0; k < pool.size(); ++k) {
      if (!used[k] && pool[k] == w) return used[k] = true;
    }
    // "Yuangao" for "Yuan-Gao": the hyphenated parts written as one word.
    for (std::size_t k = 0; k + 1 < pool.size(); ++k) {
      if (!used[k] && !used[k + 1] && pool[k] + pool[k + 1] == w)
        return used[k] = used[k + 1] = true;
    }
    if (exact_only) return false;
    for (std::size_t k = 0; k < pool.size(); ++k) {
      if (used[k]) continue;
      const bool initial_of = (w.size() == 1 && pool[k].starts_with(w)) ||
                              (pool[k].size() == 1 && w.starts_with(pool[k]));
      if (initial_of) return used[k] = true;
    }
    return false;
  };
  bool full_surname_word = false;
  for (const std::string& w : surname) {
    if (w.size() > 1 && take(w, true)) {
      full_surname_word = true;
    } else if (!take(w, false)) {
      return false;
    }
  }
  if (!full_surname_word) return false;
  return std::all_of(given.begin(), given.end(),
                     [&](const std::string& w) { return take(w, false); });
}

// The one author a name form names, or nullopt when none or several fit.
std::optional<std::size_t> find_author(std::string_view surname, std::string_view given,
                                       const std::vector<Author>& authors) {
  const std::vector<std::string> s = name_words(surname, false);
  const std::vector<std::string> g = name_words(given, true);
  if (s.empty()) return std::nullopt;
  std::optional<std::size_t> found;
  for (std::size_t k = 0; k < authors.size(); ++k) {
    if (!name_fits(s, g, authors[k])) continue;
    if (found) return std::nullopt;
    found = k;
  }
  return found;
}

// "Surname, Given" or "Given Surname" (no comma): the surname is then the last word.
std::optional<std::size_t> find_author_by_form(std::string_view form,
                                               const std::vector<Author>& authors) {
  form = trim(form);
  const std::size_t comma = form.find(',');
  if (comma != npos) return find_author(form.substr(0, comma), form.substr(comma + 1), authors);
  const std::size_t cut = form.find_last_of(" .");
  if (cut == npos) return find_author(form, {}, authors);
  return find_author(form.substr(cut + 1), form.substr(0, cut), authors);
}

// A token of an author field at brace depth 0: a word, or a comma.
struct NameToken {
  std::string_view text;  // raw, braces and LaTeX kept
  bool comma = false;
};

// Splits the raw author field into names (on "and" at depth 0), each a list of tokens.
std::vector<std::vector<NameToken>> split_names(std::string_view raw) {
  std::vector<std::vector<NameToken>> names(1);
  std::size_t i = 0;
  while (i < raw.size()) {
    if (is_space(raw[i])) {
      ++i;
      continue;
    }
    if (raw[i] == ',') {
      names.back().push_back(NameToken{raw.substr(i, 1), true});
      ++i;
      continue;
    }
    const std::size_t start = i;
    int depth = 0;
    while (i < raw.size() && (depth > 0 || (!is_space(raw[i]) && raw[i] != ','))) {
      if (raw[i] == '{') ++depth;
      if (raw[i] == '}' && depth > 0) --depth;
      if (raw[i] == '\\' && i + 1 < raw.size()) ++i;  // "\{" does not open a group
      ++i;
    }
    const std::string_view word = raw.substr(start, i - start);
    if (lower(word) == "and") {
      names.emplace_back();
    } else {
      names.back().push_back(NameToken{word, false});
    }
  }
  std::erase_if(names, [](const auto& n) { return n.empty(); });
  return names;
}

std::string join_words(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t k = from; k < to; ++k) {
    if (!out.empty()) out += ' ';
    out += words[k];
  }
  return out;
}

// "von" words start with a lower-case letter at brace depth 0 ("van", "de la").
bool is_von(std::string_view raw_word) { return !raw_word.empty() && is_lower(raw_word.front()); }

bool is_suffix(std::string_view word) {
  static constexpr std::string_view kSuffixes[] = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"};
  const std::string w = lower(word);
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), w) != std::end(kSuffixes);
}

// "J.", "JM" (Web of Science's initials), "J.M.": a given part with no full given name.
bool is_initials_word(std::string_view w) {
  if (w.find('.') != npos) {
    const std::vector<std::string_view> pieces = split_any(w, ".-");
    return std::all_of(pieces.begin(), pieces.end(),
                       [](std::string_view p) { return p.size() == 1; });
  }
  return w.size() <= 3 && std::all_of(w.begin(), w.end(), [](char c) { return is_upper(c); });
}

// First letter of each given word and of each hyphenated part: "Yi-Chung" -> "YC".
std::string initials_of(std::string_view given) {
  std::string out;
  for (std::string_view word : split_any(given, " ")) {
    if (!(word.find('.') != npos) && word.size() <= 3 &&
        std::all_of(word.begin(), word.end(), [](char c) { return is_upper(c); })) {
      out += word;  // already initials
      continue;
    }
    for (std::string_view part : split_any(word, ".-")) {
      std::size_t i = 0;
      if (std::optional<char32_t> cp = next_code_point(part, i)) {
        append_utf8(out, static_cast<char32_t>(u_toupper(static_cast<UChar32>(*cp))));
      }
    }
  }
  return out;
}

std::optional<Author> parse_name(const std::vector<NameToken>& tokens) {
  std::vector<std::vector<std::string_view>> parts(1);  // raw words between commas
  for (const NameToken& t : tokens) {
    if (t.comma) {
      parts.emplace_back();
    } else {
      parts.back().push_back(t.text);
    }
  }
  std::erase_if(parts, [](const auto& p) { return p.empty(); });
  if (parts.empty()) return std::nullopt;
  Author author;
  {
    std::string printed;
    for (const NameToken& t : tokens) {
      if (!t.comma && !printed.empty()) printed += ' ';
      printed += bibtex_to_text(t.text);
    }
    author.as_printed = std::string(trim(printed));
  }
  if (lower(author.as_printed) == "others") return std::nullopt;

  const std::vector<std::string_view>& first_part = parts[0];
  // "{World Health Organization}": one braced word is a corporate name, kept whole.
  if (parts.size() == 1 && first_part.size() == 1 && first_part[0].starts_with('{')) {
    author.surname = bibtex_to_text(first_part[0]);
    return author;
  }
  std::vector<std::string_view> first, von_last, jr;
  if (parts.size() == 1) {  // First von Last
    const std::vector<std::string_view>& w = first_part;
    std::size_t von = w.size() - 1;
    for (std::size_t k = 0; k + 1 < w.size(); ++k) {
      if (is_von(w[k])) {
        von = k;
        break;
      }
    }
    first.assign(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(von));
    von_last.assign(w.begin() + static_cast<std::ptrdiff_t>(von), w.end());
  } else {  // von Last, First   or   von Last, Jr, First
    von_last = parts[0];
    if (parts.size() == 2) {
      first = parts[1];
    } else {
      jr = parts[1];
      first = parts[2];
    }
    // "Carmone Jr., Frank J.": a suffix written into the last name.
    if (jr.empty() && von_last.size() > 1 && is_suffix(bibtex_to_text(von_last.back()))) {
      jr.push_back(von_last.back());
      von_last.pop_back();
    }
  }
  const auto text_of = [](const std::vector<std::string_view>& words) {
    std::vector<std::string> decoded;
    for (std::string_view w : words) decoded.push_back(bibtex_to_text(w));
    return join_words(decoded, 0, decoded.size());
  };
  author.surname = text_of(von_last);
  const std::string given = text_of(first);
  const std::string suffix = text_of(jr);
  author.initials = initials_of(given);
  const std::vector<std::string_view> given_words = split_any(given, " ");
  const bool only_initials = std::all_of(given_words.begin(), given_words.end(), is_initials_word);
  if (!given.empty() && !only_initials) {
    author.given = given;
    author.full_name = given + " " + author.surname + (suffix.empty() ? "" : " " + suffix);
  }
  if (author.surname.empty()) return std::nullopt;
  return author;
}

// ---- field values ----

// "79 – 88", "12--34", "12—34" -> "79-88"; "41+" and "e1234" unchanged.
std::string normalize_pages(std::string_view raw) {
  const std::string text = verbatim_text(raw);
  std::string out;
  std::size_t i = 0;
  bool dash = false;
  while (i < text.size()) {
    const std::size_t at = i;
    const std::optional<char32_t> cp = next_code_point(text, i);
    const bool is_dash = cp && (*cp == '-' || *cp == 0x2013 || *cp == 0x2014 || *cp == 0x2212);
    if (is_dash || (cp && *cp == ' ')) {
      dash = dash || is_dash;
      continue;
    }
    if (dash && !out.empty()) out += '-';
    if (!dash && !out.empty() && at > 0 && text[at - 1] == ' ') out += ' ';
    dash = false;
    out.append(text, at, i - at);
  }
  return out;
}

std::string normalize_doi(std::string_view raw) {
  std::string doi = lower(trim(verbatim_text(raw)));
  for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                  "http://dx.doi.org/", "doi.org/", "doi:", "doi "}) {
    if (doi.starts_with(prefix)) doi.erase(0, prefix.size());
  }
  return std::string(trim(doi));
}

std::string normalize_orcid(std::string_view raw) {
  std::string_view id = trim(raw);
  if (const std::size_t slash = id.rfind('/'); slash != npos) id = id.substr(slash + 1);
  std::string digits;
  for (char c : id) {
    if (is_digit(c) || c == 'X' || c == 'x') digits += static_cast<char>(c == 'x' ? 'X' : c);
  }
  if (digits.size() != 16) return {};
  return digits.substr(0, 4) + "-" + digits.substr(4, 4) + "-" + digits.substr(8, 4) + "-" +
         digits.substr(12, 4);
}

// "JUL 15", "July", "7", "sep" -> month (and day).
Date parse_month(std::string_view text, int year) {
  Date date{year, 0, 0};
  const std::vector<std::string_view> words = split_any(text, " ,.-/");
  if (words.empty()) return date;
  if (auto n = leading_number(words[0]); n && *n >= 1 && *n <= 12) {
    date.month = *n;
  } else {
    for (int m = 0; m < 12; ++m) {
      if (words[0].size() >= 3 && istarts_with(kMonthNames[m], lower(words[0].substr(0, 3)))) {
        date.month = m + 1;
      }
    }
  }
  if (date.month && words.size() > 1) {
    if (auto d = leading_number(words[1]); d && *d >= 1 && *d <= 31) date.day = *d;
  }
  return date;
}

// ---- from an entry to a record ----

// The fields a record uses, raw; the table maps BibTeX and export field names onto them.
struct RawFields {
  std::string author, title, journal, booktitle, year, volume, number, pages, doi, pmid, pmcid,
      abstract, keywords, author_keywords, index_keywords, month, language, type, affiliation,
      affiliations, correspondence, references, note, times_cited, unique_id, eid, article_number,
      url, orcid_numbers, source;
  bool has_author_keywords = false;
};

struct FieldSlot {
  std::string_view name;
  std::string RawFields::*slot;
};
constexpr FieldSlot kFieldSlots[] = {
    {"author", &RawFields::author},
    {"title", &RawFields::title},
    {"journal", &RawFields::journal},
    {"journaltitle", &RawFields::journal},
    {"booktitle", &RawFields::booktitle},
    {"year", &RawFields::year},
    {"volume", &RawFields::volume},
    {"number", &RawFields::number},
    {"issue", &RawFields::number},
    {"pages", &RawFields::pages},
    {"doi", &RawFields::doi},
    {"pmid", &RawFields::pmid},
    {"pmcid", &RawFields::pmcid},
    {"abstract", &RawFields::abstract},
    {"keywords", &RawFields::keywords},
    {"author_keywords", &RawFields::author_keywords},
    {"author-keywords", &RawFields::author_keywords},
    {"keywords-plus", &RawFields::index_keywords},
    {"keywords_plus", &RawFields::index_keywords},
    {"index_keywords", &RawFields::index_keywords},
    {"index-keywords", &RawFields::index_keywords},
    {"month", &RawFields::month},
    {"language", &RawFields::language},
    {"type", &RawFields::type},
    {"affiliation", &RawFields::affiliation},
    {"affiliations", &RawFields::affiliations},
    {"correspondence_address", &RawFields::correspondence},
    {"references", &RawFields::references},
    {"cited-references", &RawFields::references},
    {"note", &RawFields::note},
    {"times-cited", &RawFields::times_cited},
    {"unique-id", &RawFields::unique_id},
    {"eid", &RawFields::eid},
    {"art_number", &RawFields::article_number},
    {"article-number", &RawFields::article_number},
    {"url", &RawFields::url},
    {"orcid-numbers", &RawFields::orcid_numbers},
    {"source", &RawFields::source},
};

RawFields collect(std::vector<Field>& fields) {
  RawFields raw;
  for (Field& f : fields) {
    for (const FieldSlot& slot : kFieldSlots) {
      if (f.name != slot.name) continue;
      raw.*slot.slot = std::move(f.value);
      if (slot.slot == &RawFields::author_keywords) raw.has_author_keywords = true;
      break;
    }
  }
  return raw;
}

void add_keywords(std::string_view raw, KeywordOrigin origin, Record& record) {
  const std::string text = bibtex_to_text(raw);
  const std::string_view separators = (text.find(';') != npos) ? ";" : ",";
  for (std::string_view k : split_any(text, separators)) {
    record.keywords.push_back(Keyword{std::string(k), origin});
  }
}

void add_affiliation(Author& author, std::string_view affiliation) {
  affiliation = trim(affiliation);
  if (affiliation.empty()) return;
  if (std::find(author.affiliations.begin(), author.affiliations.end(), affiliation) ==
      author.affiliations.end()) {
    author.affiliations.emplace_back(affiliation);
  }
}

// A Web of Science address line: "Kou, Gang; Chen, Yang, Univ X, Chengdu, Peoples R China."
// or "Deng, Y (Corresponding Author), Univ X, ..." Returns false when the line does not start
// with names of this record's authors (old records print the address alone).
bool attach_named_line(std::string_view line, std::vector<Author>& authors) {
  std::vector<std::size_t> named;
  std::string_view address;
  if (const std::size_t corr = line.find(" (Corresponding Author)"); corr != npos) {
    for (std::string_view form : split_any(line.substr(0, corr), ";")) {
      std::optional<std::size_t> k = find_author_by_form(form, authors);
      if (!k) return false;
      named.push_back(*k);
    }
    address = line.substr(corr + std::string_view(" (Corresponding Author)").size());
    if (address.starts_with(',')) address.remove_prefix(1);
  } else {
    std::size_t pos = 0;
    while (true) {
      const std::size_t comma = line.find(", ", pos);
      if (comma == npos) return false;
      const std::size_t end = line.find_first_of(";,", comma + 2);
      if (end == npos) return false;
      std::optional<std::size_t> k = find_author(line.substr(pos, comma - pos),
                                                 line.substr(comma + 2, end - comma - 2), authors);
      if (!k) return false;
      named.push_back(*k);
      pos = end + 1;
      while (pos < line.size() && line[pos] == ' ') ++pos;
      if (line[end] == ',') break;
    }
    address = line.substr(pos);
  }
  address = trim(address);
  if (named.empty() || address.empty()) return false;
  for (std::size_t k : named) add_affiliation(authors[k], address);
  return true;
}

// An address the record lists without tying it to an author: kept once, in order.
void add_record_address(Record& record, std::string_view address) {
  address = trim(address);
  if (address.empty()) return;
  if (std::find(record.addresses.begin(), record.addresses.end(), address) ==
      record.addresses.end()) {
    record.addresses.emplace_back(address);
  }
}

// The address of a Web of Science line that names no author of the record: a corresponding
// author's line loses its name ("Deng, Y (Corresponding Author), Univ X" -> "Univ X").
std::string_view unnamed_address(std::string_view line) {
  if (const std::size_t corr = line.find(" (Corresponding Author)"); corr != npos) {
    line = trim(line.substr(corr + std::string_view(" (Corresponding Author)").size()));
    if (line.starts_with(',')) line.remove_prefix(1);
  }
  return trim(line);
}

void apply_affiliations(const RawFields& raw, Record& record) {
  std::vector<Author>& authors = record.authors;
  std::vector<std::string> unnamed;
  for (std::string_view line : split_any(raw.affiliation, "\n")) {
    std::string text = bibtex_to_text(line);
    if (!attach_named_line(text, authors)) unnamed.push_back(std::move(text));
  }
  const std::string listed = bibtex_to_text(raw.affiliations);
  // A single author has every address of the record.
  if (authors.size() == 1 && authors[0].affiliations.empty()) {
    for (const std::string& a : unnamed) add_affiliation(authors[0], a);
    if (authors[0].affiliations.empty()) {
      for (std::string_view a : split_any(listed, ";")) {
        add_affiliation(authors[0], a);
      }
    }
  }
  // Addresses no author was given are the record's: Web of Science lines that name no
  // author, and Scopus's record-level list. Web of Science's own `Affiliations` are the
  // organisation names it derived from the `Affiliation` lines, not further addresses.
  for (const std::string& a : unnamed) add_record_address(record, unnamed_address(a));
  const bool from_wos =
      !raw.affiliation.empty() || verbatim_text(raw.unique_id).starts_with("WOS:");
  if (!from_wos) {
    for (std::string_view a : split_any(listed, ";")) add_record_address(record, a);
  }
  // Scopus names one author with an address: "S.S. Sana; Department of ..., India; email: x@y".
  // (When the name matches no author, the address is one of the record's list anyway.)
  const std::string text = bibtex_to_text(raw.correspondence);
  const std::size_t semi = text.find(';');
  if (semi != npos) {
    std::string_view address = std::string_view(text).substr(semi + 1);
    if (const std::size_t email = address.find("; email:"); email != npos) {
      address = address.substr(0, email);
    }
    if (auto k = find_author_by_form(std::string_view(text).substr(0, semi), authors)) {
      if (authors[*k].affiliations.empty()) add_affiliation(authors[*k], address);
    }
  }
  // What an author has is not repeated for the record.
  std::erase_if(record.addresses, [&](const std::string& address) {
    return std::any_of(authors.begin(), authors.end(), [&](const Author& a) {
      return std::find(a.affiliations.begin(), a.affiliations.end(), address) !=
             a.affiliations.end();
    });
  });
}

// "Gomez-Ruiz, Jose Antonio/0000-0001-7469-8112" per line (or ";").
void apply_orcids(std::string_view raw, std::vector<Author>& authors) {
  for (std::string_view item : split_any(raw, "\n;")) {
    const std::string text = bibtex_to_text(item);
    const std::size_t slash = text.find('/');  // names hold none; a URL after it may
    if (slash == npos) continue;
    const std::string orcid = normalize_orcid(std::string_view(text).substr(slash + 1));
    if (orcid.empty()) continue;
    if (auto k = find_author_by_form(std::string_view(text).substr(0, slash), authors)) {
      if (authors[*k].orcid.empty()) authors[*k].orcid = orcid;
    }
  }
}

// Scopus notes: "Cited by: 52; All Open Access, Gold Open Access".
void apply_note(std::string_view raw, Record& record) {
  const std::string text = bibtex_to_text(raw);
  for (std::string_view part : split_any(text, ";")) {
    if (istarts_with(part, "cited by:")) {
      if (auto n = leading_number(part.substr(9)); n && *n >= 0) record.citations = *n;
    } else if ((lower(part).find("open access") != npos)) {
      record.open_access = true;
    }
  }
}

// Scopus's EID: its own field, else inside the record URL ("...record.uri?eid=2-s2.0-...&").
std::string scopus_eid(const RawFields& raw) {
  const std::string eid = verbatim_text(raw.eid);
  if (eid.starts_with("2-s2.0-")) return eid;
  const std::string url = verbatim_text(raw.url);
  const std::size_t at = url.find("eid=2-s2.0-");
  if (at == npos) return {};
  const std::size_t end = url.find('&', at);
  return url.substr(at + 4, end == npos ? npos : end - at - 4);
}

void fill_record(Entry& entry, Record& record) {
  RawFields raw = collect(entry.fields);
  for (const std::vector<NameToken>& tokens : split_names(raw.author)) {
    if (std::optional<Author> author = parse_name(tokens)) {
      record.authors.push_back(std::move(*author));
    }
  }
  record.title = bibtex_to_text(raw.title);
  record.journal = bibtex_to_text(raw.journal.empty() ? raw.booktitle : raw.journal);
  const std::string year = verbatim_text(raw.year);
  for (std::size_t i = 0; i + 4 <= year.size(); ++i) {
    if (std::all_of(year.begin() + i, year.begin() + i + 4, is_digit)) {
      record.year = *leading_number(std::string_view(year).substr(i, 4));
      break;
    }
  }
  record.volume = verbatim_text(raw.volume);
  record.issue = verbatim_text(raw.number);
  record.pages = normalize_pages(raw.pages);
  record.doi = normalize_doi(raw.doi);
  record.pmid = verbatim_text(raw.pmid);
  record.pmcid = verbatim_text(raw.pmcid);
  record.abstract = bibtex_to_text(raw.abstract);
  record.language = bibtex_to_text(raw.language);
  record.document_type = bibtex_to_text(raw.type);
  if (record.document_type.empty()) record.document_type = entry.type;
  record.published = parse_month(bibtex_to_text(raw.month), record.year);

  // Scopus writes author keywords to author_keywords and its index keywords to keywords.
  const bool keywords_are_index =
      raw.has_author_keywords || lower(verbatim_text(raw.source)) == "scopus";
  add_keywords(raw.author_keywords, KeywordOrigin::author, record);
  add_keywords(raw.keywords, keywords_are_index ? KeywordOrigin::index_term : KeywordOrigin::author,
               record);
  add_keywords(raw.index_keywords, KeywordOrigin::index_term, record);

  apply_note(raw.note, record);
  if (auto n = leading_number(verbatim_text(raw.times_cited)); n && *n >= 0) record.citations = *n;
  record.database_id = verbatim_text(raw.unique_id);
  if (record.database_id.empty()) record.database_id = scopus_eid(raw);
  // An article number stands in for pages (as "e081954" does elsewhere).
  if (record.pages.empty()) record.pages = verbatim_text(raw.article_number);
  if (record.pages.empty() && !verbatim_text(raw.eid).starts_with("2-s2.0-")) {
    record.pages = verbatim_text(raw.eid);
  }

  // Web of Science prints one reference a line; Scopus separates them with ";".
  const std::string_view separators = (raw.references.find('\n') != npos) ? "\n" : ";";
  for (std::string_view ref : split_any(raw.references, separators)) {
    record.cited_references.push_back(verbatim_text(ref));
  }
  apply_affiliations(raw, record);
  apply_orcids(raw.orcid_numbers, record.authors);
}

}  // namespace

std::string bibtex_to_text(std::string_view value) { return LatexDecoder(value, true).run(); }

bool looks_like_bibtex(std::string_view head) {
  if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
  while (!head.empty()) {
    const std::size_t nl = head.find('\n');
    std::string_view line = trim(head.substr(0, nl));
    head = nl == npos ? std::string_view() : head.substr(nl + 1);
    if (!line.starts_with('@')) continue;
    line.remove_prefix(1);
    std::size_t n = 0;
    while (n < line.size() && is_alpha(line[n])) ++n;
    if (n == 0) continue;
    line = trim(line.substr(n));
    if (line.starts_with('{') || line.starts_with('(')) return true;
  }
  return false;
}

bool read_bibtex(std::istream& in, const std::string& source, const RecordSink& sink,
                 ReadStats& stats, std::string* error) {
  Input input(in);
  Scanner scanner(input);
  Entry entry;
  ParseError problem;
  int number = 0;  // regular entries so far, good or bad
  const auto warn = [&](std::size_t line, const std::string& what) {
    stats.warnings.push_back(
        Diagnostic{source, line, "record " + std::to_string(number) + ": " + what});
  };
  for (Scanner::Next next; (next = scanner.next(entry, problem)) != Scanner::Next::end;) {
    if (next == Scanner::Next::bad_directive) {
      stats.warnings.push_back(Diagnostic{source, problem.line, problem.what + ", ignored"});
      continue;
    }
    ++number;
    if (next == Scanner::Next::error) {
      ++stats.records_skipped;
      warn(problem.line, problem.what);
      continue;
    }
    Record record;
    record.source = source;
    record.line = entry.line;
    record.format = "bibtex";
    fill_record(entry, record);
    if (record.title.empty()) {
      ++stats.records_skipped;
      warn(entry.line, "no title");
      continue;
    }
    ++stats.records_read;
    sink(std::move(record));
  }
  if (scanner.seen_entry()) return true;
  if (error) {
    const std::size_t at = scanner.first_content_line();
    *error = source + ":" + std::to_string(at ? at : 1) + ": " +
             (at ? "not BibTeX (no \"@type{key, ...}\" entry)" : "empty input");
  }
  return false;
}

}  // namespace citenet
