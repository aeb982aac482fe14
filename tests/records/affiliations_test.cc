#include "records/affiliations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

namespace citenet {
namespace {

struct Affiliation {
  std::string text;
  std::string institution;
  std::string country;
};

// Every affiliation line of samples/integrated-care-listing.txt.
const std::vector<Affiliation>& sample_affiliations() {
  static const std::vector<Affiliation> table = {
      {"Health Foundation, 8 Salisbury Square, London, EC4Y 8AP, UK.", "Health Foundation",
       "United Kingdom"},
      {"Department of Health Services Research and Policy, London School of Hygiene & Tropical "
       "Medicine, 15-17 Tavistock Place, London, WC1H 9SH, UK.",
       "London School of Hygiene & Tropical Medicine", "United Kingdom"},
      {"Department of Health Services Research and Policy, London School of Hygiene & Tropical "
       "Medicine, 15-17 Tavistock Place, London, WC1H 9SH, UK",
       "London School of Hygiene & Tropical Medicine", "United Kingdom"},
      {"CEDAR Centre for Healthcare Evaluation, Device Assessment and Research, Cardiff & Vale "
       "Ubniversity Health Board, Cardiff Medicentre, Heath Park, Cardiff, CF14 4UJ, Wales, UK.",
       "Cardiff & Vale Ubniversity Health Board", "United Kingdom"},
      {"Cardiff University, Cardiff, Wales, UK.", "Cardiff University", "United Kingdom"},
      {"Welsh Value in Health Centre, DDTIV, NHS Executive, Llantrisant, Wales, UK.",
       "NHS Executive", "United Kingdom"},
      {"Cardiff South West Primary Care Cluster, Cardiff, Wales, UK",
       "Cardiff South West Primary Care Cluster", "United Kingdom"},
      {"ACE (Action in Caerau and Ely), Cardiff, Wales, UK", "ACE (Action in Caerau and Ely)",
       "United Kingdom"},
      {"Health Foundation, London, UK", "Health Foundation", "United Kingdom"},
      {"London School of Hygiene and Tropical Medicine, London, UK",
       "London School of Hygiene and Tropical Medicine", "United Kingdom"},
      {"DEPARTMENT OF PHARMACOLOGY AND THERAPEUTIC, FACULTY OF MEDICINE, UNIVERSITY OF KUFA, "
       "KUFA, IRAQ",
       "UNIVERSITY OF KUFA", "Iraq"},
      {"Faculty of Biology, Medicine and Health, University of Manchester, Oxford Road, "
       "Manchester, UK",
       "University of Manchester", "United Kingdom"},
      {"School of Health Sciences, Faculty of Biology, Medicine and Health, University of "
       "Manchester, Oxford Road, Manchester, UK.",
       "University of Manchester", "United Kingdom"},
      {"Unit for Health Promotion Research, Department of Public Health, University of Southern "
       "Denmark, Campus Esbjerg, Esbjerg Ø, Denmark",
       "University of Southern Denmark", "Denmark"},
      {"Department of Infectious Disease Epidemiology, Faculty of Epidemiology and Population "
       "Health, London School of Hygiene & Tropical Medicine, London, UK",
       "London School of Hygiene & Tropical Medicine", "United Kingdom"},
      {"Department of Health Policy and Management, School of Public Health, Peking University, "
       "Beijing, China",
       "Peking University", "China"},
      {"Division of Health Statistics, Centre for Health Statistics and Information, National "
       "Health Commission of China, Beijing, China",
       "National Health Commission of China", "China"},
      {"Research Department II of Shenzhen Health Development Research and Data Management "
       "Center, Shenzhen, China",
       "Shenzhen Health Development Research and Data Management Center", "China"},
      {"Centre for Intelligent Healthcare, Coventry University, Coventry, UK",
       "Coventry University", "United Kingdom"},
      {"Specialty Registrar in Restorative Dentistry, Royal National ENT and Eastman Dental "
       "Hospitals, University College London Hospitals, UK.",
       "University College London Hospitals", "United Kingdom"},
      {"Speciality Trainee in Paediatric Dentistry, Birmingham Community Healthcare NHS "
       "Foundation Trust, UK",
       "Birmingham Community Healthcare NHS Foundation Trust", "United Kingdom"},
      {"Specialist Oral Surgeon Birmingham Community Healthcare Trust and Clinical Leadership "
       "Fellow, NHS England, UK",
       "NHS England", "United Kingdom"},
      {"Harvard Medical SchoolBostonMassachusetts", "Harvard Medical School", "United States"},
      {"Population Health Sciences InstituteNewcastle UniversityNewcastle Upon Tyne",
       "Newcastle University", ""},
      {"Institute of Applied Health Research, University of Birmingham, Edgbaston, Birmingham, "
       "B15 2TT UK",
       "University of Birmingham", "United Kingdom"},
      {"School of Nursing, University of Birmingham, Edgbaston, Birmingham, B15 2TT UK",
       "University of Birmingham", "United Kingdom"},
      {"Cranfield School of Management, College Rd, Cranfield, Wharley End, Bedford, MK43 0AL UK",
       "Cranfield School of Management", "United Kingdom"},
      {"School of Medicine, University of Central Lancashire, Preston PR1 2HE, UK",
       "University of Central Lancashire", "United Kingdom"},
  };
  return table;
}

TEST(ExtractInstitution, SampleAffiliations) {
  for (const Affiliation& a : sample_affiliations()) {
    EXPECT_EQ(extract_institution(a.text), a.institution) << a.text;
  }
}

TEST(ExtractCountry, SampleAffiliations) {
  for (const Affiliation& a : sample_affiliations()) {
    EXPECT_EQ(extract_country(a.text), a.country) << a.text;
  }
}

// Affiliation lines of the listing: "- text" lines in an Affiliation(s) block that are not
// the author line opening the block or following a "| |" author separator.
std::vector<std::string> affiliation_lines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  bool in_block = false;
  bool author_next = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("Affiliation(s)")) {
      in_block = author_next = true;
    } else if (line.starts_with("Collapse")) {
      in_block = false;
    } else if (in_block && line.starts_with("- ")) {
      if (!author_next) lines.push_back(line.substr(2));
      author_next = false;
    }
  }
  return lines;
}

TEST(ExtractInstitution, TableCoversEverySampleAffiliation) {
  const auto lines = affiliation_lines(CITENET_SAMPLES "/integrated-care-listing.txt");
  ASSERT_FALSE(lines.empty());
  const auto& table = sample_affiliations();
  for (const std::string& line : lines) {
    const bool covered = std::any_of(table.begin(), table.end(),
                                     [&](const Affiliation& a) { return a.text == line; });
    EXPECT_TRUE(covered) << "add to sample_affiliations(): " << line;
  }
}

TEST(ExtractInstitution, Heuristics) {
  const std::pair<std::string, std::string> cases[] = {
      // The university named inside a department segment wins.
      {"School of Medicine University of Central Lancashire, Preston",
       "University of Central Lancashire"},
      {"Department of Surgery, Massachusetts General Hospital, Harvard Medical School, Boston, MA",
       "Massachusetts General Hospital"},
      // Camel case that is part of a name is not a lost comma.
      {"University of KwaZulu-Natal, Durban, South Africa", "University of KwaZulu-Natal"},
      {"AstraZeneca", "AstraZeneca"},
      {"McDonald Institute for Archaeological Research, Cambridge",
       "McDonald Institute for Archaeological Research"},
      {"Novartis, Basel, Switzerland", "Novartis"},
      {"The Health Foundation; London; UK", "The Health Foundation"},
      // A legal form after a comma stays with the company's name instead of standing alone.
      {"Late Stage Immunology Product Development, Genentech, Inc., South San Francisco, CA",
       "Genentech, Inc"},
      {"Ducks Unlimited, Inc., 1 Waterfowl Way, Memphis, Tennessee, 38120, USA.",
       "Ducks Unlimited, Inc"},
      {"Complete Decisions, LLC, New Orleans, LA, USA", "Complete Decisions, LLC"},
      {"Omakase Consulting S.L, Barcelona, Spain", "Omakase Consulting S.L"},
      {"Acme Analytics, S.L., Madrid, Spain", "Acme Analytics, S.L"},
      {"Pfizer Inc, New York, NY, USA", "Pfizer Inc"},
      // Nothing at organisation level.
      {"Department of Medicine, Boston, MA 02115, USA", ""},
      {"12 High Street, Oxford, UK", ""},
      {"", ""},
  };
  for (const auto& [text, institution] : cases) {
    EXPECT_EQ(extract_institution(text), institution) << text;
  }
}

TEST(InstitutionKey, MergesSpellings) {
  EXPECT_EQ(institution_key("London School of Hygiene & Tropical Medicine"),
            institution_key("London School of Hygiene and Tropical Medicine"));
  EXPECT_EQ(institution_key("London School of Hygiene & Tropical Medicine"),
            "london school of hygiene and tropical medicine");
  EXPECT_EQ(institution_key("The Health Foundation"), "health foundation");
  EXPECT_EQ(institution_key("UNIVERSITY OF KUFA"), "university of kufa");
  EXPECT_EQ(institution_key("Universität Zürich"), institution_key("Universitat Zurich"));
  EXPECT_EQ(institution_key("King's College London"), "king s college london");
}

TEST(ExtractCountry, NamesAliasesAndStates) {
  const std::pair<std::string, std::string> cases[] = {
      {"Edgbaston, Birmingham, B15 2TT UK", "United Kingdom"},
      {"Esbjerg Ø, Denmark", "Denmark"},
      {"Clinical Leadership Fellow, NHS England, UK", "United Kingdom"},
      {"Royal National ENT and Eastman Dental Hospitals, University College London Hospitals, UK.",
       "United Kingdom"},
      {"Queen's University Belfast, Belfast, Northern Ireland", "United Kingdom"},
      {"University of Edinburgh, Edinburgh, Scotland", "United Kingdom"},
      {"Trinity College Dublin, Dublin, Ireland", "Ireland"},
      {"Dept of X, Boston, U.S.A.", "United States"},
      {"Dept of X, Boston, United States of America", "United States"},
      {"Boston University, Boston, MA", "United States"},
      {"Boston University, Boston MA 02118", "United States"},
      {"University of Texas, Austin, Texas 78712", "United States"},
      {"Georgetown University, Washington, DC", "United States"},
      {"Emory University, Atlanta, Georgia", "United States"},
      {"Emory University, Atlanta, GA 30322", "United States"},
      {"Some Institute, Georgia 30322", "United States"},
      {"Tbilisi State University, Tbilisi, Georgia", "Georgia"},
      {"University of New Mexico, Albuquerque, New Mexico", "United States"},
      {"UNAM, Mexico City, Mexico", "Mexico"},
      {"University of Sydney, Sydney, New South Wales", "Australia"},
      {"Tufts Medical Center, Boston, New England", "United States"},
      {"Fudan University, Shanghai, PR China", "China"},
      {"Fudan University, Shanghai, People's Republic of China", "China"},
      {"Fudan University, Shanghai 200032, China", "China"},
      {"Seoul National University, Seoul, Republic of Korea", "South Korea"},
      {"Kim Il Sung University, Pyongyang, Democratic People's Republic of Korea", "North Korea"},
      {"Université de Lomé, Lomé, Togo", "Togo"},
      {"Universidade de São Paulo, São Paulo, Brasil", "Brazil"},
      {"Université Félix Houphouët-Boigny, Abidjan, Côte d'Ivoire", "Côte d'Ivoire"},
      {"Hacettepe University, Ankara, Türkiye", "Turkey"},
      {"University of Lagos, Lagos, Nigeria", "Nigeria"},
      {"Université Abdou Moumouni, Niamey, Niger", "Niger"},
      {"Population Health Sciences InstituteNewcastle UniversityNewcastle Upon Tyne", ""},
      {"Department of Medicine", ""},
      {"", ""},
  };
  for (const auto& [text, country] : cases) EXPECT_EQ(extract_country(text), country) << text;
}

}  // namespace
}  // namespace citenet
