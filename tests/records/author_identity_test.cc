#include "records/author_identity.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace citenet {
namespace {

// "Alderwick H": a citation-line form with initials only.
Author initials_form(std::string surname, std::string initials) {
  Author author;
  author.as_printed = surname + " " + initials;
  author.surname = std::move(surname);
  author.initials = std::move(initials);
  return author;
}

// "Alderwick H" on the citation line, "Hugh Alderwick" in the affiliation block.
Author with_full_name(std::string surname, std::string initials, std::string full_name) {
  Author author = initials_form(std::move(surname), std::move(initials));
  author.full_name = std::move(full_name);
  return author;
}

// "ALDERWICK HUGH": upper case, given names spelled out.
Author with_given(std::string surname, std::string given) {
  Author author;
  author.as_printed = surname + " " + given;
  author.surname = std::move(surname);
  author.given = std::move(given);
  author.initials = author.given.substr(0, 1);
  return author;
}

TEST(AuthorIdentity, InitialsUpperCaseAndFullNameMeet) {
  AuthorIdentity identity;
  const auto initials = identity.add(initials_form("Alderwick", "H"));
  const auto full = identity.add(with_full_name("Alderwick", "H", "Hugh Alderwick"));
  const auto upper = identity.add(with_given("ALDERWICK", "HUGH"));
  identity.resolve();

  EXPECT_EQ(identity.person_count(), 1u);
  EXPECT_EQ(full, upper);  // same folded surname + given names: one form
  EXPECT_EQ(identity.person_of(initials), identity.person_of(full));
  EXPECT_EQ(identity.label(identity.person_of(initials)), "Hugh Alderwick");
  EXPECT_EQ(identity.forms_of(0),
            (std::vector<std::string>{"Alderwick H", "Hugh Alderwick", "ALDERWICK HUGH"}));
}

TEST(AuthorIdentity, AmbiguousInitialsStayApart) {
  AuthorIdentity identity;
  const auto li_x = identity.add(initials_form("Li", "X"));
  const auto xing = identity.add(with_full_name("Li", "X", "Xing Li"));
  const auto xiaoming = identity.add(with_full_name("Li", "X", "Xiaoming Li"));
  identity.resolve();

  EXPECT_EQ(identity.person_count(), 3u);
  EXPECT_NE(identity.person_of(xing), identity.person_of(xiaoming));
  EXPECT_NE(identity.person_of(li_x), identity.person_of(xing));
  EXPECT_NE(identity.person_of(li_x), identity.person_of(xiaoming));
  EXPECT_EQ(identity.label(identity.person_of(li_x)), "Li X");
  EXPECT_EQ(identity.label(identity.person_of(xiaoming)), "Xiaoming Li");
}

TEST(AuthorIdentity, DifferentGivenNamesNeverJoin) {
  AuthorIdentity identity;
  const auto xing = identity.add(with_given("Li", "Xing"));
  const auto xiaoming = identity.add(with_given("Li", "Xiaoming"));
  identity.resolve();
  EXPECT_NE(identity.person_of(xing), identity.person_of(xiaoming));
}

TEST(AuthorIdentity, AccentsAndCaseGiveOneForm) {
  AuthorIdentity identity;
  const auto accented = identity.add(with_given("Müller", "Anna"));
  const auto upper = identity.add(with_given("MÜLLER", "ANNA"));
  const auto plain = identity.add(with_given("Muller", "Anna"));
  identity.resolve();
  EXPECT_EQ(accented, upper);
  EXPECT_EQ(accented, plain);
  EXPECT_EQ(identity.label(identity.person_of(plain)), "Anna Müller");
}

TEST(AuthorIdentity, InitialsOnlyKeepTheirPrintedForm) {
  AuthorIdentity identity;
  const auto first = identity.add(initials_form("Hutchings", "A"));
  const auto again = identity.add(initials_form("Hutchings", "A."));
  identity.resolve();
  EXPECT_EQ(first, again);
  EXPECT_EQ(identity.person_count(), 1u);
  EXPECT_EQ(identity.label(0), "Hutchings A");
  EXPECT_EQ(identity.forms_of(0), (std::vector<std::string>{"Hutchings A", "Hutchings A."}));
}

TEST(AuthorIdentity, UpperCaseOnlyNamesAreTitleCased) {
  AuthorIdentity identity;
  Author sandhu = with_given("SANDHU", "SAHIL");
  sandhu.full_name = "SAHIL SANDHU";
  identity.add(sandhu);
  identity.add(initials_form("Sandhu", "S"));
  identity.resolve();
  EXPECT_EQ(identity.person_count(), 1u);
  EXPECT_EQ(identity.label(0), "Sahil Sandhu");
}

TEST(AuthorIdentity, InitialsArePrefixesOfTheFullNameInitials) {
  AuthorIdentity identity;
  const auto leena = identity.add(with_full_name("Karlsson", "LE", "Leena Eklund Karlsson"));
  const auto le = identity.add(initials_form("Karlsson", "LE"));
  const auto l = identity.add(initials_form("Karlsson", "L"));
  const auto lx = identity.add(initials_form("Karlsson", "LX"));
  const auto laura = identity.add(with_given("Gottlieb", "Laura M"));
  const auto gottlieb_l = identity.add(initials_form("Gottlieb", "L"));
  const auto gottlieb_lm = identity.add(initials_form("Gottlieb", "LM"));
  identity.resolve();

  EXPECT_EQ(identity.person_of(le), identity.person_of(leena));
  EXPECT_EQ(identity.person_of(l), identity.person_of(leena));
  EXPECT_NE(identity.person_of(lx), identity.person_of(leena));
  EXPECT_EQ(identity.person_of(gottlieb_l), identity.person_of(laura));
  EXPECT_EQ(identity.person_of(gottlieb_lm), identity.person_of(laura));
  EXPECT_EQ(identity.label(identity.person_of(l)), "Leena Eklund Karlsson");
}

TEST(AuthorIdentity, GivenNameFieldHoldingInitialsIsAnInitialsForm) {
  AuthorIdentity identity;
  const auto given_initials = identity.add(with_given("Stahl", "G."));
  const auto initials = identity.add(initials_form("Stahl", "G"));
  identity.resolve();
  EXPECT_EQ(given_initials, initials);
}

TEST(AuthorIdentity, FullNameWithoutSurnameFieldSplitsOnTheLastWord) {
  AuthorIdentity identity;
  Author author;
  author.full_name = "Nicholas Mays";
  const auto full = identity.add(author);
  const auto initials = identity.add(initials_form("Mays", "N"));
  identity.resolve();
  EXPECT_EQ(identity.person_of(full), identity.person_of(initials));
  EXPECT_EQ(identity.label(identity.person_of(full)), "Nicholas Mays");
}

TEST(AuthorIdentity, PeopleAreNumberedInOrderOfFirstAppearance) {
  AuthorIdentity identity;
  const auto mays = identity.add(initials_form("Mays", "N"));
  const auto hutchings = identity.add(initials_form("Hutchings", "A"));
  const auto nicholas = identity.add(with_full_name("Mays", "N", "Nicholas Mays"));
  identity.resolve();
  EXPECT_EQ(identity.person_of(mays), 0u);
  EXPECT_EQ(identity.person_of(hutchings), 1u);
  EXPECT_EQ(identity.person_of(nicholas), 0u);
  EXPECT_EQ(identity.label(0), "Nicholas Mays");
}

}  // namespace
}  // namespace citenet
