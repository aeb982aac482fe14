// Counts and nouns in text people read (map captions, the report): "1,443 authors and
// institutions", "1 country", "12 countries".
#pragma once

#include <cstddef>
#include <string>

namespace citenet {

// "1,234": thousands grouped with commas.
std::string grouped(std::size_t count);

// `noun` as `count` of it reads: "author", "authors"; "country", "countries"; "author and
// institution", "authors and institutions". An empty noun is "node".
std::string plural_word(std::size_t count, const std::string& noun);

// grouped(count) + " " + plural_word(count, noun): "1 author", "1,443 authors".
std::string plural(std::size_t count, const std::string& noun);

}  // namespace citenet
