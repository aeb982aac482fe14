#include "render/wording.h"

#include <string_view>

namespace citenet {

std::string grouped(std::size_t count) {
  const std::string digits = std::to_string(count);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string plural_word(std::size_t count, const std::string& noun) {
  constexpr std::string_view kAnd = " and ";
  if (const std::size_t at = noun.find(kAnd); at != std::string::npos && count != 1)
    return plural_word(count, noun.substr(0, at)) + std::string(kAnd) +
           plural_word(count, noun.substr(at + kAnd.size()));
  std::string word = noun.empty() ? "node" : noun;
  if (count == 1) return word;
  const bool consonant_y =
      word.size() > 1 && word.back() == 'y' &&
      std::string_view("aeiou").find(word[word.size() - 2]) == std::string_view::npos;
  if (consonant_y) {  // country -> countries
    word.back() = 'i';
    word += "es";
  } else {
    word += "s";
  }
  return word;
}

std::string plural(std::size_t count, const std::string& noun) {
  return grouped(count) + " " + plural_word(count, noun);
}

}  // namespace citenet
