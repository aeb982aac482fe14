#include "records/author_identity.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "records/thesaurus.h"

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

namespace citenet {
namespace {

Author named(std::string surname, std::string given, std::string orcid = {}) {
  Author author;
  author.surname = std::move(surname);
  author.given = std::move(given);
  author.as_printed = author.given + " " + author.surname;
  author.orcid = std::move(orcid);
  return author;
}

Author abbreviated(std::string surname, std::string initials,
                   std::vector<std::string> affiliations = {}) {
  Author author;
  author.surname = std::move(surname);
  author.initials = std::move(initials);
  author.as_printed = author.surname + " " + author.initials;
  author.affiliations = std::move(affiliations);
  return author;
}

Author with_affiliation(Author author, std::string affiliation) {
  author.affiliations.push_back(std::move(affiliation));
  return author;
}

using Paper = std::vector<Author>;

void add_all(AuthorIdentity& identity, const std::vector<Paper>& papers) {
  for (const Paper& paper : papers) identity.add_paper(paper);
  identity.resolve();
}

// Each paper's people as labels ("-" for a dropped author): compares people across runs
// whatever their numbering.
std::vector<std::vector<std::string>> labelled_papers(const AuthorIdentity& identity) {
  std::vector<std::vector<std::string>> papers;
  for (std::size_t paper = 0; paper < identity.paper_count(); ++paper) {
    auto& labels = papers.emplace_back();
    for (std::uint32_t person : identity.people_of_paper(paper)) {
      labels.push_back(person == AuthorIdentity::kDropped ? "-" : identity.label(person));
    }
  }
  return papers;
}

std::string merge_csv(const AuthorIdentity& identity) {
  std::ostringstream out;
  EXPECT_TRUE(write_merge_table_csv(out, identity.merge_table()));
  return out.str();
}

Thesaurus parse_thesaurus(const std::string& text) {
  std::string error;
  std::optional<Thesaurus> thesaurus = Thesaurus::parse(text, "merge.csv", &error);
  EXPECT_TRUE(thesaurus.has_value()) << error;
  return thesaurus ? std::move(*thesaurus) : Thesaurus();
}

TEST(AuthorLadder, SameNameUnderTwoOrcidsIsTwoPeople) {
  AuthorIdentity identity;
  add_all(identity, {{named("Li", "Xing", "0000-0001-0000-0001")},
                     {named("Li", "Xing", "0000-0002-0000-0002")},
                     {named("Li", "Xing", "0000-0001-0000-0001")}});
  EXPECT_EQ(identity.person_count(), 2u);
  EXPECT_EQ(identity.people_of_paper(0)[0], identity.people_of_paper(2)[0]);
  EXPECT_NE(identity.people_of_paper(0)[0], identity.people_of_paper(1)[0]);
  const std::vector<MergeRow> table = identity.merge_table();
  EXPECT_EQ(table[0].key, "orcid:0000-0001-0000-0001");
  EXPECT_EQ(table[0].evidence, "orcid");
  EXPECT_EQ(table[0].papers, (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(table[1].key, "orcid:0000-0002-0000-0002");
}

TEST(AuthorLadder, TwoSpellingsUnderOneOrcidAreOnePerson) {
  AuthorIdentity identity;
  Author initials = abbreviated("Mueller", "A");
  initials.orcid = "0000-0003-1234-5678";
  add_all(identity, {{named("Müller", "Anna", "0000-0003-1234-5678")}, {initials}});
  EXPECT_EQ(identity.person_count(), 1u);
  EXPECT_EQ(identity.label(0), "Anna Müller");
  EXPECT_EQ(identity.forms_of(0), (std::vector<std::string>{"Anna Müller", "Mueller A"}));
  EXPECT_EQ(identity.merge_table()[0].evidence, "orcid");
}

TEST(AuthorLadder, FullNameWithoutOrcidJoinsOnlyAUniqueOrcidPerson) {
  AuthorIdentity one;
  add_all(one, {{named("Alderwick", "Hugh", "0000-0001-1111-1111")}, {named("ALDERWICK", "HUGH")}});
  EXPECT_EQ(one.person_count(), 1u);
  EXPECT_EQ(one.merge_table()[0].evidence, "orcid;full name");

  AuthorIdentity two;
  add_all(two, {{named("Li", "Xing", "0000-0001-0000-0001")},
                {named("Li", "Xing", "0000-0002-0000-0002")},
                {named("Li", "Xing")}});
  EXPECT_EQ(two.person_count(), 3u);
}

// Xing Li writes with Wei Zhang, Xiaoming Li with Fang Wang. "Li X" next to "Zhang W" (who
// is Wei Zhang by the unique-full-name rung) is Xing Li; "Li X" with a stranger stays.
std::vector<Paper> co_author_papers() {
  return {{named("Li", "Xing"), named("Zhang", "Wei")},
          {named("Li", "Xiaoming"), named("Wang", "Fang")},
          {abbreviated("Li", "X"), abbreviated("Zhang", "W")},
          {abbreviated("Chen", "Y"), abbreviated("Li", "X")},
          {abbreviated("Wang", "F"), abbreviated("Li", "X")}};
}

TEST(AuthorLadder, CoAuthorPicksOneOfSeveralFullNames) {
  AuthorIdentity identity;
  add_all(identity, co_author_papers());
  const auto person = [&](std::size_t paper, std::size_t slot) {
    return identity.people_of_paper(paper)[slot];
  };
  EXPECT_EQ(person(2, 0), person(0, 0));            // Li X = Xing Li
  EXPECT_EQ(person(2, 1), person(0, 1));            // Zhang W = Wei Zhang
  EXPECT_EQ(person(4, 1), person(1, 0));            // Li X = Xiaoming Li
  EXPECT_EQ(identity.label(person(3, 1)), "Li X");  // no evidence
  EXPECT_NE(person(3, 1), person(0, 0));
  EXPECT_NE(person(3, 1), person(1, 0));
  EXPECT_EQ(identity.person_count(), 6u);

  const std::vector<MergeRow> table = identity.merge_table();
  const MergeRow& xing = table[person(0, 0)];
  EXPECT_EQ(xing.key, "li, xing");
  EXPECT_EQ(xing.label, "Xing Li");
  EXPECT_EQ(xing.forms, (std::vector<std::string>{"Xing Li", "Li X"}));
  EXPECT_EQ(xing.evidence, "full name;co-author");
  EXPECT_EQ(xing.papers, (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(table[person(2, 1)].evidence, "full name;unique full name");
  EXPECT_EQ(table[person(3, 1)].evidence, "initials");
  EXPECT_EQ(table[person(3, 1)].papers, (std::vector<std::uint32_t>{3}));
}

TEST(AuthorLadder, CandidateOnTheSamePaperIsNotTheInitialsAuthor) {
  AuthorIdentity identity;
  add_all(identity, {{named("Li", "Xing"), named("Zhang", "Wei")},
                     {named("Li", "Xiaoming"), named("Zhang", "Wei")},
                     {abbreviated("Li", "X"), named("Li", "Xing"), abbreviated("Zhang", "W")}});
  // Both candidates share Wei Zhang; Xing Li is on the paper, so Li X is Xiaoming Li.
  EXPECT_EQ(identity.people_of_paper(2)[0], identity.people_of_paper(1)[0]);
  EXPECT_EQ(identity.merge_table()[identity.people_of_paper(1)[0]].evidence, "full name;co-author");
}

TEST(AuthorLadder, AffiliationPicksOneOfSeveralFullNames) {
  AuthorIdentity identity;
  add_all(identity,
          {{with_affiliation(named("Li", "Xing"),
                             "School of Public Health, Peking University, Beijing, China")},
           {with_affiliation(named("Li", "Xiaoming"),
                             "Department of Medicine, Fudan University, Shanghai, China")},
           {abbreviated("Li", "X",
                        {"Department of Epidemiology, Peking University, Beijing "
                         "100191, China"})},
           {abbreviated("Li", "X", {"Health Foundation, London, UK"})}});
  EXPECT_EQ(identity.people_of_paper(2)[0], identity.people_of_paper(0)[0]);
  EXPECT_EQ(identity.label(identity.people_of_paper(3)[0]), "Li X");
  EXPECT_EQ(identity.merge_table()[identity.people_of_paper(0)[0]].evidence,
            "full name;affiliation");
}

TEST(AuthorLadder, AmbiguousInitialsWithoutEvidenceStayApart) {
  AuthorIdentity identity;
  add_all(identity, {{named("Li", "Xing")}, {named("Li", "Xiaoming")}, {abbreviated("Li", "X")}});
  EXPECT_EQ(identity.person_count(), 3u);
  EXPECT_EQ(identity.label(identity.people_of_paper(2)[0]), "Li X");
}

TEST(AuthorLadder, LegacyAddIsAPaperOfItsOwn) {
  AuthorIdentity identity;
  const std::uint32_t form = identity.add(abbreviated("Mays", "N"));
  identity.add(named("Mays", "Nicholas"));
  identity.resolve();
  EXPECT_EQ(identity.paper_count(), 2u);
  EXPECT_EQ(identity.people_of_paper(0)[0], identity.person_of(form));
  EXPECT_EQ(identity.merge_table()[0].papers, (std::vector<std::uint32_t>{0, 1}));
}

struct ModeCase {
  AuthorKeyMode mode;
  std::vector<std::string> keys;      // merge-table keys, in person order
  std::vector<std::string> evidence;  // first row's evidence
};

TEST(AuthorLadder, EachModeKeysTheSameNamesItsOwnWay) {
  const std::vector<Paper> papers = {{abbreviated("Li", "X")},     {named("Li", "Xing")},
                                     {named("Li", "Xiaoming")},    {abbreviated("Li", "XL")},
                                     {named("Alderwick", "Hugh")}, {abbreviated("Alderwick", "H")},
                                     {named("Müller", "Anna")},    {named("MULLER", "ANNA")}};
  const ModeCase cases[] = {
      {AuthorKeyMode::initial, {"li, x.", "alderwick, h.", "muller, a."}, {"initial key"}},
      {AuthorKeyMode::initials,
       {"li, x.", "li, x.l.", "alderwick, h.", "muller, a."},
       {"initials key"}},
      {AuthorKeyMode::full,
       {"li, x.", "li, xing", "li, xiaoming", "li, x.l.", "alderwick, hugh", "alderwick, h.",
        "muller, anna"},
       {"full key"}},
      {AuthorKeyMode::smart,
       {"li, x.", "li, xing", "li, xiaoming", "li, x.l.", "alderwick, hugh", "muller, anna"},
       {"initials"}},
  };
  for (const ModeCase& c : cases) {
    AuthorIdentity identity(c.mode);
    add_all(identity, papers);
    std::vector<std::string> keys;
    for (const MergeRow& row : identity.merge_table()) keys.push_back(row.key);
    EXPECT_EQ(keys, c.keys) << static_cast<int>(c.mode);
    EXPECT_EQ(identity.merge_table()[0].evidence, c.evidence[0]) << static_cast<int>(c.mode);
  }
  AuthorIdentity initial(AuthorKeyMode::initial);
  add_all(initial, papers);
  EXPECT_EQ(initial.label(0), "Xiaoming Li");  // the fullest (longest) name of the key
  EXPECT_EQ(initial.forms_of(0),
            (std::vector<std::string>{"Li X", "Xing Li", "Xiaoming Li", "Li XL"}));
}

TEST(AuthorLadder, MergeTableCsv) {
  AuthorIdentity identity;
  Author quoted = named("O'Brien", "Mary, Jr");
  add_all(identity, {{abbreviated("Alderwick", "H"), named("Alderwick", "Hugh")},
                     {quoted, abbreviated("Li", "X")},
                     {named("Alderwick", "Hugh")}});
  EXPECT_EQ(merge_csv(identity),
            "key,label,forms,evidence,records\n"
            "\"alderwick, hugh\",Hugh Alderwick,Alderwick H;Hugh Alderwick,full name;unique full "
            "name,0;2\n"
            "\"o brien, mary jr\",\"Mary, Jr O'Brien\",\"Mary, Jr O'Brien\",full name,1\n"
            "\"li, x.\",Li X,Li X,initials,1\n");
}

// The merge table read back as a thesaurus gives the same people, splits and ORCIDs included.
TEST(AuthorLadder, MergeTableRoundTripsThroughTheThesaurus) {
  std::vector<Paper> papers = co_author_papers();
  papers.push_back({named("Li", "Xing", "0000-0001-0000-0001")});
  papers.push_back({named("Li", "Xing", "0000-0002-0000-0002")});
  papers.push_back({abbreviated("Alderwick", "H"), named("ALDERWICK", "HUGH")});
  AuthorIdentity first;
  add_all(first, papers);
  const std::string csv = merge_csv(first);
  EXPECT_EQ(csv,
            "key,label,forms,evidence,records\n"
            "\"li, xing\",Xing Li,Xing Li;Li X,full name;co-author,0;2\n"
            "\"zhang, wei\",Wei Zhang,Wei Zhang;Zhang W,full name;unique full name,0;2\n"
            "\"li, xiaoming\",Xiaoming Li,Xiaoming Li;Li X,full name;co-author,1;4\n"
            "\"wang, fang\",Fang Wang,Fang Wang;Wang F,full name;unique full name,1;4\n"
            "\"li, x.\",Li X,Li X,initials,3\n"
            "\"chen, y.\",Chen Y,Chen Y,initials,3\n"
            "orcid:0000-0001-0000-0001,Xing Li,Xing Li,orcid,5\n"
            "orcid:0000-0002-0000-0002,Xing Li,Xing Li,orcid,6\n"
            "\"alderwick, hugh\",Hugh Alderwick,Alderwick H;HUGH ALDERWICK,full name;unique full "
            "name,7\n");

  const Thesaurus thesaurus = parse_thesaurus(csv);
  AuthorIdentity again(AuthorKeyMode::smart, &thesaurus);
  add_all(again, papers);
  EXPECT_EQ(labelled_papers(again), labelled_papers(first));
  EXPECT_EQ(again.person_count(), first.person_count());
  for (std::size_t paper = 0; paper < papers.size(); ++paper) {
    for (std::size_t slot = 0; slot < papers[paper].size(); ++slot) {
      for (std::size_t other_paper = 0; other_paper < papers.size(); ++other_paper) {
        for (std::size_t other = 0; other < papers[other_paper].size(); ++other) {
          EXPECT_EQ(first.people_of_paper(paper)[slot] == first.people_of_paper(other_paper)[other],
                    again.people_of_paper(paper)[slot] == again.people_of_paper(other_paper)[other])
              << paper << "/" << slot << " vs " << other_paper << "/" << other;
        }
      }
    }
  }
  // Same keys again: the table is a fixed point.
  std::vector<std::string> keys_first;
  std::vector<std::string> keys_again;
  for (const MergeRow& row : first.merge_table()) keys_first.push_back(row.key);
  for (const MergeRow& row : again.merge_table()) keys_again.push_back(row.key);
  std::ranges::sort(keys_first);
  std::ranges::sort(keys_again);
  EXPECT_EQ(keys_again, keys_first);
}

TEST(AuthorLadder, EditedMergeTableOverridesTheLadder) {
  const std::vector<Paper> papers = {
      {abbreviated("Alderwick", "H")}, {named("Alderwick", "Hugh")}, {named("Mays", "Nicholas")}};
  AuthorIdentity first;
  add_all(first, papers);
  ASSERT_EQ(merge_csv(first),
            "key,label,forms,evidence,records\n"
            "\"alderwick, hugh\",Hugh Alderwick,Alderwick H;Hugh Alderwick,full name;unique full "
            "name,0;1\n"
            "\"mays, nicholas\",Nicholas Mays,Nicholas Mays,full name,2\n");
  // The user moves "Alderwick H" to a person of its own and renames Nicholas Mays.
  const Thesaurus edited = parse_thesaurus(
      "key,label,forms,evidence,records\n"
      "\"alderwick, hugh\",Hugh Alderwick,Hugh Alderwick,full name,1\n"
      "\"alderwick, h.\",\"Alderwick, H. (Oxford)\",Alderwick H,,0\n"
      "\"mays, nicholas\",Nick Mays,Nicholas Mays,full name,2\n");
  AuthorIdentity again(AuthorKeyMode::smart, &edited);
  add_all(again, papers);
  EXPECT_EQ(labelled_papers(again),
            (std::vector<std::vector<std::string>>{
                {"Alderwick, H. (Oxford)"}, {"Hugh Alderwick"}, {"Nick Mays"}}));
  EXPECT_EQ(again.merge_table()[0].evidence, "thesaurus");
  EXPECT_EQ(again.merge_table()[0].key, "alderwick, h.");
}

TEST(AuthorLadder, ThesaurusBeatsOrcidAndDrops) {
  const Thesaurus thesaurus = parse_thesaurus(
      "kind,from,to\n"
      "author,Xing Li,\"Li, Xing (Peking)\"\n"
      "author,\"LI, XIAOMING\",\"Li, Xing (Peking)\"\n"
      "author,Anonymous,\n");
  AuthorIdentity identity(AuthorKeyMode::smart, &thesaurus);
  Author anonymous;
  anonymous.as_printed = "ANONYMOUS";
  add_all(identity, {{named("Li", "Xing", "0000-0001-0000-0001"), anonymous},
                     {named("Li", "Xiaoming", "0000-0002-0000-0002")},
                     {abbreviated("Li", "X")}});
  EXPECT_EQ(identity.people_of_paper(0)[1], AuthorIdentity::kDropped);
  EXPECT_EQ(identity.people_of_paper(0)[0], identity.people_of_paper(1)[0]);
  EXPECT_EQ(identity.label(identity.people_of_paper(0)[0]), "Li, Xing (Peking)");
  // The thesaurus person is the only full name left for "Li X" to join.
  EXPECT_EQ(identity.people_of_paper(2)[0], identity.people_of_paper(0)[0]);
  EXPECT_EQ(identity.person_count(), 1u);
  const MergeRow row = identity.merge_table()[0];
  EXPECT_EQ(row.key, "li xing peking");
  EXPECT_EQ(row.evidence, "thesaurus;unique full name");
  EXPECT_EQ(row.papers, (std::vector<std::uint32_t>{0, 1, 2}));
}

}  // namespace
}  // namespace citenet
