#include "render/wording.h"

#include <gtest/gtest.h>

namespace citenet {
namespace {

TEST(Wording, CountsAreGroupedByThousands) {
  EXPECT_EQ(grouped(0), "0");
  EXPECT_EQ(grouped(999), "999");
  EXPECT_EQ(grouped(1000), "1,000");
  EXPECT_EQ(grouped(60676145), "60,676,145");
}

TEST(Wording, NounsTakeTheirPlural) {
  EXPECT_EQ(plural(1, "author"), "1 author");
  EXPECT_EQ(plural(1443, "author"), "1,443 authors");
  EXPECT_EQ(plural(2, "country"), "2 countries");
  EXPECT_EQ(plural(2, "key"), "2 keys");  // a vowel before the y
  EXPECT_EQ(plural(0, "cited work"), "0 cited works");
  EXPECT_EQ(plural(1443, "author and institution"), "1,443 authors and institutions");
  EXPECT_EQ(plural(1, "author and paper"), "1 author and paper");
  EXPECT_EQ(plural_word(3, ""), "nodes");
}

}  // namespace
}  // namespace citenet
