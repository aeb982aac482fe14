#include "synth/synth.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <random>
#include <span>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "synth/sampling.h"

namespace citenet {
namespace {

using synth::AliasTable;
using synth::below;
using synth::chance;
using synth::mix64;
using synth::SplitMix64;

using Words = std::span<const std::string_view>;

// ---- name tables: a surname is root + mid + suffix of one style, a given name root + suffix
// (the Chinese-like style builds both from pinyin-like initials and finals) ----

constexpr std::string_view kAngloRoots[] = {
    "Ash", "Brad", "Carl", "Dun", "Ell",  "Fair",  "Gar", "Hal",  "Hart", "Kend", "Lang",
    "Mar", "Nor",  "Pem",  "Ren", "Stan", "Thorn", "Wal", "Wood", "Whit", "Bar",  "Col",
    "Dor", "Har",  "Mil",  "Ral", "Shel", "Tal",   "Win", "Bris", "Hol",  "Ox"};
constexpr std::string_view kAngloMids[] = {"", "", "", "er", "in", "ing", "el", "and", "ow"};
constexpr std::string_view kAngloSuffixes[] = {
    "ley", "ton",   "son", "ford",  "well", "man", "er",  "ridge", "wood", "by",
    "ham", "field", "ing", "worth", "more", "den", "ett", "low",   "stead"};
constexpr std::string_view kAngloGiven[] = {"Al",   "Ben", "Car", "Dan",  "El",  "Jo",  "Kat",
                                            "Li",   "Mar", "Nic", "Ro",   "Sa",  "Tom", "Vic",
                                            "Wil",  "Em",  "Han", "Is",   "Ja",  "Lu",  "Geor",
                                            "Char", "Hel", "Oli", "Rach", "Sim", "Ste", "Chris"};
constexpr std::string_view kAngloGivenSuffixes[] = {
    "a",   "an",   "ie",  "y", "ina", "ert", "iel", "ah", "el", "on",
    "ene", "ette", "ias", "o", "ine", "ard", "ven", "ia", ""};

constexpr std::string_view kZhInitials[] = {"B", "Ch", "D", "F",  "G", "H", "J", "K", "L", "M", "N",
                                            "P", "Q",  "S", "Sh", "T", "W", "X", "Y", "Z", "Zh"};
constexpr std::string_view kZhFinals[] = {"ang", "an", "ao",   "ai",  "ei", "en", "eng", "ong",
                                          "ou",  "u",  "un",   "uan", "ui", "i",  "in",  "ing",
                                          "iu",  "ia", "iang", "iao", "e",  "a"};

constexpr std::string_view kRomanceRoots[] = {
    "Ro",  "Ma",  "Fe",  "Lu",  "Ca", "Be", "Gi", "Pa", "Ve", "Sa", "Do", "Mon", "Ser",
    "Cas", "Val", "Bel", "Mar", "Lo", "Ri", "Ta", "Al", "Es", "Or", "Fa", "Go",  "Ni"};
constexpr std::string_view kRomanceMids[] = {"ri", "ne", "la", "ti", "ro", "re", "lo",
                                             "ce", "va", "di", "gu", "mi", "sa", ""};
constexpr std::string_view kRomanceSuffixes[] = {"ez",   "es",   "ini", "ello", "ano", "etti",
                                                 "eira", "ard",  "ot",  "oni",  "ado", "ero",
                                                 "uez",  "elli", "ier", "ais",  "ona"};
constexpr std::string_view kRomanceGiven[] = {"Al", "Mar", "Lu", "Fran", "Giu", "Ja", "Pi", "Car",
                                              "An", "Is",  "El", "Ro",   "Se",  "Ti", "Vi", "Ma"};
constexpr std::string_view kRomanceGivenSuffixes[] = {
    "io", "ia", "a", "o", "ela", "ano", "ina", "es", "ette", "el", "ine", "ando", "cia"};

constexpr std::string_view kSlavicRoots[] = {
    "Kow", "Nov", "Pet", "Ivan", "Sok",  "Vol", "Kral", "Zel", "Bor",   "Dub",  "Les",
    "Mal", "Kuz", "Pav", "Hor",  "Grab", "Wis", "Sad",  "Rud", "Tkach", "Dvor", "Lis"};
constexpr std::string_view kSlavicMids[] = {"", "", "", "al", "ar", "el", "in", "och"};
constexpr std::string_view kSlavicSuffixes[] = {"ski",  "ak",    "ov",  "ova",  "enko", "ic", "ek",
                                                "czyk", "inski", "ska", "evic", "uk",   "ich"};
constexpr std::string_view kSlavicGiven[] = {"Iv", "Mil", "Ol",  "Kat", "Pet", "Dra", "Ir",  "Yu",
                                             "An", "Mar", "Bog", "Zo",  "Sta", "Luk", "Vla", "Tam"};
constexpr std::string_view kSlavicGivenSuffixes[] = {"an",  "ena", "ga", "ya", "ko",   "dan",
                                                     "ina", "ja",  "ri", "as", "imir", "ek"};

constexpr std::string_view kNordicRoots[] = {"Ander", "Berg", "Dahl",  "Eriks", "Holm", "Jan",
                                             "Lund",  "Nils", "Sand",  "Strom", "Lind", "Vis",
                                             "Bakk",  "Haug", "Kvist", "Dijk",  "Brou", "Vries",
                                             "Jong",  "Meer", "Veld",  "Boer",  "Hoek"};
constexpr std::string_view kNordicMids[] = {"", "", "", "e", "el", "er", "s", "vik"};
constexpr std::string_view kNordicSuffixes[] = {"sen", "son", "sson", "berg", "gren", "stad",
                                                "man", "dal", "ers",  "stra", "huis", "ink"};
constexpr std::string_view kNordicParticles[] = {"van ", "van der ", "de ", "van den "};
constexpr std::string_view kNordicGiven[] = {"Lars", "Ing",  "Sig",  "Jan", "Pie", "Ma",
                                             "Fre",  "Kar",  "Erik", "Ast", "Wil", "Hen",
                                             "Ann",  "Sven", "Rut",  "Ole"};
constexpr std::string_view kNordicGivenSuffixes[] = {"a",  "e",  "rid", "ter", "ik",  "in",
                                                     "je", "ke", "en",  "",    "rik", "old"};

constexpr std::string_view kSouthAsianRoots[] = {"Sha", "Ra", "Ku", "Pa", "Gu", "Ve", "Ab",
                                                 "Mo",  "Ha", "Ka", "Na", "Su", "Ch", "Ba",
                                                 "Re",  "De", "Kh", "Is", "Fa", "Sa"};
constexpr std::string_view kSouthAsianMids[] = {"", "", "", "ri", "na", "la", "va", "dh"};
constexpr std::string_view kSouthAsianSuffixes[] = {"rma", "jan", "mar", "tel",  "pta", "nkat",
                                                    "del", "med", "san", "ran",  "idi", "ndra",
                                                    "hta", "lam", "wan", "ssan", "uri", "deh"};
constexpr std::string_view kSouthAsianGiven[] = {"Ra", "An", "Pri", "Vi", "Su", "Moh", "Aa", "Ar",
                                                 "Fa", "Ay", "Sa",  "Ne", "Ka", "Di",  "Am", "Ha"};
constexpr std::string_view kSouthAsianGivenSuffixes[] = {
    "hul",  "jay",  "ya",  "kram", "nita", "ammed", "rav", "jun",
    "tima", "esha", "der", "ha",   "ima",  "sh",    "it",  "ssan"};

enum Style : std::uint8_t { kAnglo, kChinese, kRomance, kSlavic, kNordic, kSouthAsian, kStyles };

struct NameStyle {
  Words roots, mids, suffixes, given_roots, given_suffixes;
  double share;        // of authors
  std::size_t givens;  // how many distinct given names to make
};

const std::array<NameStyle, kStyles> kNameStyles = {{
    {kAngloRoots, kAngloMids, kAngloSuffixes, kAngloGiven, kAngloGivenSuffixes, 0.30, 300},
    {kZhInitials, {}, kZhFinals, kZhInitials, kZhFinals, 0.22, 400},
    {kRomanceRoots, kRomanceMids, kRomanceSuffixes, kRomanceGiven, kRomanceGivenSuffixes, 0.15,
     150},
    {kSlavicRoots, kSlavicMids, kSlavicSuffixes, kSlavicGiven, kSlavicGivenSuffixes, 0.09, 150},
    {kNordicRoots, kNordicMids, kNordicSuffixes, kNordicGiven, kNordicGivenSuffixes, 0.10, 150},
    {kSouthAsianRoots, kSouthAsianMids, kSouthAsianSuffixes, kSouthAsianGiven,
     kSouthAsianGivenSuffixes, 0.14, 200},
}};

// ---- places ----

// Canonical names as citenet's affiliation parser knows them, in a rough order of research
// output; Zipf over this order.
constexpr std::string_view kCountries[] = {
    "United States",  "China",        "United Kingdom", "Germany",   "Japan",     "France",
    "Canada",         "Italy",        "Australia",      "India",     "Spain",     "South Korea",
    "Netherlands",    "Brazil",       "Switzerland",    "Sweden",    "Iran",      "Poland",
    "Turkey",         "Belgium",      "Denmark",        "Taiwan",    "Israel",    "Austria",
    "Norway",         "Russia",       "Mexico",         "Finland",   "Singapore", "Portugal",
    "Egypt",          "Saudi Arabia", "South Africa",   "Ireland",   "Greece",    "New Zealand",
    "Czech Republic", "Pakistan",     "Malaysia",       "Argentina", "Chile",     "Thailand",
    "Hungary",        "Nigeria",      "Colombia",       "Indonesia", "Hong Kong", "Romania",
    "Vietnam",        "Bangladesh",   "Ukraine",        "Kenya",     "Ethiopia",  "Peru",
    "Croatia",        "Serbia",       "Slovenia",       "Lebanon",   "Iceland",   "Ghana"};

constexpr std::string_view kCityRoots[] = {
    "Vel", "Mor", "Ash", "Bran", "Cal", "Dor", "Est", "Fal",  "Gran", "Hel",
    "Ist", "Kar", "Lor", "Mar",  "Nov", "Or",  "Pal", "Quin", "Ros",  "San",
    "Tor", "Ul",  "Val", "Wes",  "Zel", "Bel", "Cor", "Del",  "Fen",  "Lun"};
constexpr std::string_view kCityMids[] = {"a", "e", "i", "o", "", "ara", "en", "ow"};
constexpr std::string_view kCitySuffixes[] = {
    "mora",  "ton",   "burg", "ville", "haven", "ford", "polis", "grad",   "stad", "dale",
    "mouth", "field", "port", "sk",    "ora",   "ia",   "more",  "bridge", "holm", "ena"};

constexpr std::string_view kDepartments[] = {"Department of Cardiology",
                                             "Department of Epidemiology",
                                             "Department of Medicine",
                                             "Division of Infectious Diseases",
                                             "Department of Psychiatry",
                                             "Department of Public Health",
                                             "Department of Oncology",
                                             "Department of Pediatrics",
                                             "Department of Neurology",
                                             "Department of Surgery",
                                             "Department of Biostatistics",
                                             "Department of Health Services Research",
                                             "Laboratory of Molecular Biology",
                                             "Department of Nursing",
                                             "Department of Pharmacology",
                                             "Department of Radiology",
                                             "Department of Family Medicine",
                                             "Division of Endocrinology",
                                             "Department of Immunology",
                                             "Department of Genetics",
                                             "Department of Microbiology",
                                             "Department of Anaesthesia",
                                             "Department of Obstetrics and Gynaecology",
                                             "Department of Orthopaedics",
                                             "Department of Physiology",
                                             "Department of Nutrition"};
constexpr std::uint8_t kNoDepartment = 0xFF;

// Institution names: {} is the city (or, for the "Institute for Medical Research", a
// surname), with a weight.
struct InstitutionTemplate {
  std::string_view before, after;
  double weight;
  bool surname;
};
constexpr InstitutionTemplate kInstitutionTemplates[] = {
    {"University of ", "", 0.30, false},
    {"", " University", 0.15, false},
    {"", " General Hospital", 0.12, false},
    {"", " University Hospital", 0.08, false},
    {"", " Medical Center", 0.08, false},
    {"", " Institute of Technology", 0.07, false},
    {"", " Institute for Medical Research", 0.05, true},
    {"", " Cancer Centre", 0.05, false},
    {"", " State University", 0.05, false},
    {"", " Children's Hospital", 0.05, false}};

// ---- topics ----

constexpr std::string_view kTopicAdjectives[] = {
    "cardiac",      "chronic",        "acute",         "neural",          "pediatric",
    "renal",        "hepatic",        "pulmonary",     "metabolic",       "genetic",
    "clinical",     "cognitive",      "maternal",      "vascular",        "immune",
    "oral",         "mental",         "social",        "digital",         "surgical",
    "viral",        "bacterial",      "molecular",     "cellular",        "inflammatory",
    "integrated",   "primary",        "community",     "palliative",      "preventive",
    "geriatric",    "oncological",    "nutritional",   "behavioural",     "environmental",
    "occupational", "perinatal",      "antimicrobial", "musculoskeletal", "endocrine",
    "respiratory",  "dermatological", "ocular",        "spinal",          "hormonal",
    "epigenetic",   "microbial",      "transitional",  "emergency",       "rural"};
constexpr std::string_view kTopicNouns[] = {
    "care",           "health",          "disease",
    "therapy",        "imaging",         "inflammation",
    "resistance",     "outcomes",        "screening",
    "rehabilitation", "transplantation", "infection",
    "surveillance",   "signalling",      "regulation",
    "expression",     "function",        "disorders",
    "injury",         "failure",         "nursing",
    "policy",         "services",        "management",
    "risk",           "mortality",       "biomarkers",
    "networks",       "adherence",       "prescribing",
    "vaccination",    "cancer",          "stroke",
    "diabetes",       "obesity",         "depression",
    "dementia",       "anxiety",         "pain",
    "fibrosis",       "sepsis",          "asthma",
    "hypertension",   "frailty",         "wellbeing",
    "education",      "telemedicine",    "genomics",
    "epidemiology",   "microbiome",      "pharmacology",
    "toxicity",       "immunotherapy",   "neurodegeneration",
    "homeostasis",    "metabolism",      "development",
    "ageing",         "equity",          "collaboration"};
constexpr std::string_view kPopulations[] = {
    "older adults",         "children",          "adolescents",
    "pregnant women",       "primary care",      "hospitalised patients",
    "a national cohort",    "rural communities", "patients with type 2 diabetes",
    "intensive care units", "care homes",        "low-income countries",
    "healthcare workers",   "veterans",          "a population-based sample"};
constexpr std::string_view kDesigns[] = {
    "systematic review",     "randomised controlled trial", "cohort study",
    "cross-sectional study", "qualitative study",           "meta-analysis",
    "case-control study",    "multicentre study",           "mixed-methods evaluation"};

// Journal titles: {A} an adjective, {N} a noun, both capitalised.
struct JournalTemplate {
  std::string_view a, b, c;  // a + Adjective + b + Noun + c; an empty b means no adjective
  bool adjective;
};
constexpr JournalTemplate kJournalTemplates[] = {{"Journal of ", " ", "", true},
                                                 {"", " ", " Research", true},
                                                 {"International Journal of ", " ", "", true},
                                                 {"", "", " Reports", false},
                                                 {"Annals of ", " ", "", true},
                                                 {"", " ", " Review", true},
                                                 {"Journal of ", "", "", false},
                                                 {"", " ", " and Society", true}};

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2024;
constexpr std::size_t kMaxTeam = 99;  // of the log-normal body; consortia go beyond
constexpr std::uint32_t kNone = 0xFFFFFFFFu;
constexpr std::uint16_t kNoGiven = 0xFFFF;

// ---- small helpers ----

template <class Rng>
std::string_view pick(Rng& rng, Words words) {
  return words[below(rng, words.size())];
}

std::string capitalised(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

std::string lowered(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

void append_number(std::string& out, std::uint64_t n, int width = 0) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  const int digits = static_cast<int>(end - buffer);
  for (int i = digits; i < width; ++i) out += '0';
  out.append(buffer, end);
}

// The key the WoS reader matches C1 and OI names with: ASCII letters and digits lower-cased,
// other bytes of UTF-8 letters kept, punctuation and spaces dropped; hashed (FNV-1a).
std::uint64_t name_key_hash(std::string_view surname, std::string_view given) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::string_view part : {surname, given}) {
    for (char c : part) {
      const auto u = static_cast<unsigned char>(c);
      const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c + 32);
      } else if (!keep) {
        continue;
      }
      h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    }
  }
  return h;
}

// "Jana Marie" -> "JM", "Xiao-Ming" -> "XM": the first letter of each word and hyphenated
// part (the generator's given names start with an ASCII capital).
std::string initials_of(std::string_view given) {
  std::string out;
  bool start = true;
  for (char c : given) {
    if (c == ' ' || c == '-') {
      start = true;
    } else {
      if (start) out += c;
      start = false;
    }
  }
  return out;
}

// Replaces the last `from` after the first letter with `to` (an accented letter).
void accent(std::string& name, char from, std::string_view to) {
  const std::size_t at = name.rfind(from);
  if (at != std::string::npos && at > 0) name.replace(at, 1, to);
}

// ORCID check character, ISO 7064 MOD 11-2.
char orcid_check(std::string_view digits) {
  int total = 0;
  for (char c : digits) total = (total + (c - '0')) * 2 % 11;
  const int result = (12 - total) % 11;
  return result == 10 ? 'X' : static_cast<char>('0' + result);
}

}  // namespace

// ---- the population ----

struct SynthGenerator::Population {
  struct AuthorData {
    std::uint32_t surname = 0;
    std::array<std::uint16_t, 2> given = {kNoGiven, kNoGiven};
    std::uint32_t institution = 0;
    std::uint32_t second_institution = kNone;
    std::uint8_t department = kNoDepartment;
    bool has_orcid = false;
    std::uint64_t name_key = 0;
  };
  struct Institution {
    std::string name;
    std::string place;  // ", City, Country."
    std::uint16_t country = 0;
  };
  struct Journal {
    std::string name;
    std::string cited_as;  // "INT J CARD IMAGING", as cited references name it
    std::string doi_code;  // "ijci"
    int first_year = 1950;
  };
  struct Header {  // what a reference to the paper needs, recomputable from its index
    std::uint32_t community = 0;
    AliasTable::Draw first_author_draw{};
    std::uint32_t first_author = 0;  // author_table.resolve(first_author_draw)
    std::uint32_t journal = 0;
    int year = kFirstYear;
    int month = 1;
    int day = 1;
    int volume = 1;
    int first_page = 1;
    int last_page = 1;
  };

  Population(std::uint64_t records, std::uint64_t seed);

  // The header with its first author drawn but not yet looked up (see AliasTable::Draw).
  Header unresolved_header(std::uint64_t paper) const;
  Header header(std::uint64_t paper) const {
    Header h = unresolved_header(paper);
    h.first_author = author_table.resolve(h.first_author_draw);
    return h;
  }
  int year_of(std::uint64_t paper) const {
    const auto it = std::upper_bound(year_start.begin(), year_start.end(), paper);
    return kFirstYear + static_cast<int>(it - year_start.begin()) - 1;
  }
  std::uint64_t stream_seed(std::uint64_t paper, std::uint64_t kind) const {
    return mix64(seed_key ^ mix64(paper * 4 + kind));
  }
  void append_doi(std::string& out, const Header& h, std::uint64_t paper) const {
    out += "10.5555/";
    out += journals[h.journal].doi_code;
    out += '.';
    append_number(out, static_cast<std::uint64_t>(h.year));
    out += '.';
    append_number(out, paper + 1, 7);
  }
  void append_affiliation(std::string& out, std::uint32_t institution,
                          std::uint8_t department) const {
    if (department != kNoDepartment) {
      out += kDepartments[department];
      out += ", ";
    }
    out += institutions[institution].name;
    out += institutions[institution].place;
  }
  void append_orcid(std::string& out, std::uint32_t author) const {
    // A bijection of the author id into 0000-0001-5000-000x .. 0000-0003-9999-999x.
    constexpr std::uint64_t kRange = 25'000'000;
    const std::uint64_t n = 15'000'000 + (author * 7'777'777ULL + orcid_offset) % kRange;
    std::string digits;
    append_number(digits, n, 15);
    for (std::size_t i = 0; i < 15; ++i) {
      if (i > 0 && i % 4 == 0) out += '-';
      out += digits[i];
    }
    out += orcid_check(digits);
  }

  std::uint64_t seed_key = 0;
  std::uint64_t orcid_offset = 0;
  std::uint64_t records = 0;
  std::vector<std::string> surnames;
  std::vector<std::string> givens;
  std::vector<std::uint8_t> given_style_of_surname;  // style of each surname
  AliasTable surname_table;                          // blocks: styles
  AliasTable given_table;                            // blocks: styles
  std::vector<Institution> institutions;
  AliasTable institution_table;
  std::vector<Journal> journals;
  AliasTable journal_table;
  std::vector<std::string> keywords;
  AliasTable keyword_table;
  std::vector<AuthorData> authors;
  std::vector<std::uint32_t> community;   // by author
  AliasTable community_table;             // by summed productivity
  AliasTable author_table;                // blocks: communities, by productivity
  AliasTable team_size_table;             // k - 1
  AliasTable citation_table;              // k
  std::vector<std::uint64_t> year_start;  // first paper index of each year
};

namespace {

template <class Rng>
std::string make_surname(Rng& rng, Style style) {
  const NameStyle& s = kNameStyles[style];
  std::string name(pick(rng, s.roots));
  if (!s.mids.empty()) name += pick(rng, s.mids);
  name += pick(rng, s.suffixes);
  switch (style) {
    case kAnglo:
      if (chance(rng, 0.03)) name = "O'" + name;
      break;
    case kRomance:
      if (chance(rng, 0.06)) accent(name, 'e', "\xC3\xA9");  // é
      if (chance(rng, 0.05)) {
        name += '-';
        name += pick(rng, s.roots);
        name += pick(rng, s.suffixes);
      }
      break;
    case kNordic:
      if (chance(rng, 0.06)) accent(name, 'o', "\xC3\xB6");  // ö
      if (chance(rng, 0.12)) name = std::string(pick(rng, kNordicParticles)) + name;
      break;
    default:
      break;
  }
  return name;
}

template <class Rng>
std::string make_given(Rng& rng, Style style) {
  const NameStyle& s = kNameStyles[style];
  if (style == kChinese) {
    // Two syllables: "Xiaoming", sometimes hyphenated "Xiao-Ming".
    std::string name(pick(rng, kZhInitials));
    name += pick(rng, kZhFinals);
    const bool hyphen = chance(rng, 0.15);
    std::string second(pick(rng, kZhInitials));
    second += pick(rng, kZhFinals);
    if (hyphen) {
      name += '-';
      name += second;
    } else {
      name += lowered(second);
    }
    return name;
  }
  std::string name(pick(rng, s.given_roots));
  name += pick(rng, s.given_suffixes);
  if (style == kRomance && chance(rng, 0.05)) accent(name, 'e', "\xC3\xA8");  // è
  return name;
}

template <class Rng>
std::string make_city(Rng& rng) {
  std::string name(pick(rng, kCityRoots));
  name += pick(rng, kCityMids);
  name += pick(rng, kCitySuffixes);
  return name;
}

// Distinct strings from `make`, at most `target`, giving up after 8 * target tries.
template <class Make>
std::vector<std::string> distinct(std::size_t target, Make make) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (std::size_t tries = 0; out.size() < target && tries < 8 * target + 16; ++tries) {
    std::string s = make();
    if (seen.insert(s).second) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

SynthGenerator::Population::Population(std::uint64_t record_count, std::uint64_t seed)
    : seed_key(mix64(seed ^ 0x5eed5eed5eed5eedULL)), records(record_count) {
  std::mt19937_64 rng(seed);
  orcid_offset = below(rng, 25'000'000);
  const std::size_t author_total =
      std::max<std::size_t>(20, static_cast<std::size_t>(record_count * 4 / 5));

  // Names: per style, Zipf over the order of discovery.
  std::vector<std::uint32_t> surname_starts;
  std::vector<std::uint32_t> given_starts;
  std::vector<double> surname_weights;
  std::vector<double> given_weights;
  for (int style = 0; style < kStyles; ++style) {
    const NameStyle& s = kNameStyles[style];
    const auto st = static_cast<Style>(style);
    surname_starts.push_back(static_cast<std::uint32_t>(surnames.size()));
    const std::size_t target =
        std::clamp<std::size_t>(static_cast<std::size_t>(author_total * s.share / 5), 50, 20000);
    for (std::string& name : distinct(target, [&] { return make_surname(rng, st); })) {
      surnames.push_back(std::move(name));
    }
    const std::size_t made = surnames.size() - surname_starts.back();
    for (double w : synth::power_law_weights(made, 0.8)) surname_weights.push_back(w);

    given_starts.push_back(static_cast<std::uint32_t>(givens.size()));
    for (std::string& name : distinct(s.givens, [&] { return make_given(rng, st); })) {
      givens.push_back(std::move(name));
    }
    for (double w : synth::power_law_weights(givens.size() - given_starts.back(), 0.7)) {
      given_weights.push_back(w);
    }
  }
  surname_table = AliasTable(surname_weights, surname_starts);
  given_table = AliasTable(given_weights, given_starts);
  std::vector<double> style_shares;
  for (const NameStyle& s : kNameStyles) style_shares.push_back(s.share);
  const AliasTable style_table(style_shares);

  // Places: cities in countries, institutions in cities, both Zipf.
  const AliasTable country_table(synth::power_law_weights(std::size(kCountries), 1.1));
  const std::size_t institution_total = std::max<std::size_t>(10, author_total / 50);
  const std::size_t city_target = std::clamp<std::size_t>(institution_total / 2, 8, 4000);
  const std::vector<std::string> cities = distinct(city_target, [&] { return make_city(rng); });
  std::vector<std::uint16_t> city_country(cities.size());
  for (auto& c : city_country) c = static_cast<std::uint16_t>(country_table.sample(rng));
  std::vector<double> template_weights;
  for (const auto& t : kInstitutionTemplates) template_weights.push_back(t.weight);
  const AliasTable template_table(template_weights);
  std::unordered_set<std::string> institution_names;
  for (std::size_t i = 0; i < institution_total; ++i) {
    Institution inst;
    for (int attempt = 0; attempt < 20; ++attempt) {
      const std::size_t city = below(rng, cities.size());
      const InstitutionTemplate& t = kInstitutionTemplates[template_table.sample(rng)];
      std::string core = t.surname ? make_surname(rng, kAnglo) : cities[city];
      inst.name = std::string(t.before) + core + std::string(t.after);
      inst.country = city_country[city];
      inst.place = ", " + cities[city] + ", " + std::string(kCountries[inst.country]) + ".";
      if (institution_names.insert(inst.name).second) break;
    }
    institutions.push_back(std::move(inst));
  }
  institution_table = AliasTable(synth::power_law_weights(institutions.size(), 1.0));

  // Topics: adjective-noun terms and bare nouns, shuffled, Zipf.
  for (std::string_view a : kTopicAdjectives) {
    for (std::string_view n : kTopicNouns)
      keywords.push_back(std::string(a) + " " + std::string(n));
  }
  for (std::string_view n : kTopicNouns) keywords.emplace_back(n);
  for (std::size_t i = keywords.size(); i > 1; --i)
    std::swap(keywords[i - 1], keywords[below(rng, i)]);
  keyword_table = AliasTable(synth::power_law_weights(keywords.size(), 1.0));

  // Journals.
  const std::size_t journal_target =
      std::clamp<std::size_t>(static_cast<std::size_t>(record_count / 150), 20, 3000);
  const std::vector<std::string> journal_names = distinct(journal_target, [&] {
    const JournalTemplate& t = kJournalTemplates[below(rng, std::size(kJournalTemplates))];
    std::string name(t.a);
    if (t.adjective) {
      name += capitalised(pick(rng, kTopicAdjectives));
      name += t.b;
    }
    name += capitalised(pick(rng, kTopicNouns));
    name += t.c;
    return name;
  });
  for (const std::string& name : journal_names) {
    Journal j;
    j.name = name;
    const std::string abbreviation = abbreviate_journal(name);
    bool word_start = true;
    for (char c : abbreviation) {
      j.cited_as += c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
      if (word_start && c != ' ') j.doi_code += lowered(std::string_view(&c, 1));
      word_start = c == ' ';
    }
    j.first_year = 1950 + static_cast<int>(below(rng, 50));
    journals.push_back(std::move(j));
  }
  journal_table = AliasTable(synth::power_law_weights(journals.size(), 0.9));

  // Communities of 200-500 authors (one when there are fewer), each recruiting mostly from
  // three home institutions; productivity after Lotka.
  std::vector<std::uint32_t> community_starts;
  for (std::size_t start = 0; start < author_total;) {
    std::size_t size = 200 + below(rng, 301);
    if (author_total - start < size + 200) size = author_total - start;
    community_starts.push_back(static_cast<std::uint32_t>(start));
    start += size;
  }
  const AliasTable lotka(synth::power_law_weights(300, 2.0));
  authors.resize(author_total);
  community.resize(author_total);
  std::vector<double> productivity(author_total);
  std::vector<double> community_weights(community_starts.size());
  for (std::size_t c = 0; c < community_starts.size(); ++c) {
    const std::uint32_t end =
        c + 1 < community_starts.size() ? community_starts[c + 1] : author_total;
    std::array<std::uint32_t, 3> home;
    for (auto& h : home) h = institution_table.sample(rng);
    for (std::uint32_t a = community_starts[c]; a < end; ++a) {
      AuthorData& d = authors[a];
      const auto style = static_cast<Style>(style_table.sample(rng));
      d.surname = surname_table.sample_in(style, rng);
      d.given[0] = static_cast<std::uint16_t>(given_table.sample_in(style, rng));
      if (chance(rng, style == kChinese ? 0.05 : 0.35)) {
        const auto second = static_cast<std::uint16_t>(given_table.sample_in(style, rng));
        if (second != d.given[0]) d.given[1] = second;
      }
      d.institution = chance(rng, 0.75) ? home[below(rng, 3)] : institution_table.sample(rng);
      if (chance(rng, 0.10)) {
        const std::uint32_t second = institution_table.sample(rng);
        if (second != d.institution) d.second_institution = second;
      }
      if (chance(rng, 0.85))
        d.department = static_cast<std::uint8_t>(below(rng, std::size(kDepartments)));
      d.has_orcid = chance(rng, 0.30);
      std::string given = givens[d.given[0]];
      if (d.given[1] != kNoGiven) given += " " + givens[d.given[1]];
      d.name_key = name_key_hash(surnames[d.surname], given);
      community[a] = static_cast<std::uint32_t>(c);
      productivity[a] = static_cast<double>(lotka.sample(rng) + 1);
      community_weights[c] += productivity[a];
    }
  }
  author_table = AliasTable(productivity, community_starts);
  community_table = AliasTable(community_weights);

  team_size_table = AliasTable(synth::discrete_log_normal(kMaxTeam, 5.0, 0.65));
  std::vector<double> citation_weights(3001);
  for (std::size_t k = 0; k < citation_weights.size(); ++k) {
    citation_weights[k] = std::pow(static_cast<double>(k + 2), -1.8);
  }
  citation_table = AliasTable(citation_weights);

  // Papers by year grow 6% a year; record order is year order.
  std::vector<double> cumulative;
  double total = 0;
  for (int y = kFirstYear; y <= kLastYear; ++y) {
    cumulative.push_back(total);
    total += std::pow(1.06, y - kFirstYear);
  }
  for (double c : cumulative) {
    year_start.push_back(static_cast<std::uint64_t>(c / total * static_cast<double>(records)));
  }
}

SynthGenerator::Population::Header SynthGenerator::Population::unresolved_header(
    std::uint64_t paper) const {
  SplitMix64 rng(stream_seed(paper, 0));
  Header h;
  h.community = community_table.sample(rng);
  h.first_author_draw = author_table.draw_in(h.community, rng);
  h.journal = journal_table.sample(rng);
  h.year = year_of(paper);
  h.month = 1 + static_cast<int>(below(rng, 12));
  h.day = 1 + static_cast<int>(below(rng, 28));
  h.volume = std::max(1, h.year - journals[h.journal].first_year + 1);
  h.first_page = 1 + static_cast<int>(below(rng, 2000));
  h.last_page = h.first_page + 2 + static_cast<int>(below(rng, 14));
  return h;
}

// ---- the generator ----

SynthGenerator::SynthGenerator(const SynthOptions& options)
    : population_(std::make_unique<Population>(options.records, options.seed)),
      options_(options),
      stamp_(population_->authors.size(), 0) {}

SynthGenerator::~SynthGenerator() = default;

std::size_t SynthGenerator::author_count() const { return population_->authors.size(); }
std::size_t SynthGenerator::community_count() const { return population_->author_table.blocks(); }
std::size_t SynthGenerator::institution_count() const { return population_->institutions.size(); }
std::uint32_t SynthGenerator::community_of(std::uint32_t author) const {
  return population_->community[author];
}
std::uint32_t SynthGenerator::institution_of(std::uint32_t author) const {
  return population_->authors[author].institution;
}
const std::string& SynthGenerator::institution_name(std::uint32_t institution) const {
  return population_->institutions[institution].name;
}
const std::string& SynthGenerator::country_of_institution(std::uint32_t institution) const {
  static const std::vector<std::string> names(std::begin(kCountries), std::end(kCountries));
  return names[population_->institutions[institution].country];
}

namespace {

// A date `months` before `d` (day kept; days never exceed 28).
Date months_before(Date d, int months) {
  int m = d.year * 12 + (d.month - 1) - months;
  return Date{m / 12, m % 12 + 1, d.day};
}

void set_text(std::string& field, std::string_view value) { field.assign(value); }

}  // namespace

bool SynthGenerator::next(Record& r) {
  if (next_ >= options_.records) return false;
  const std::uint64_t paper = next_++;
  const Population& p = *population_;
  const Population::Header h = p.header(paper);
  SplitMix64 rng(p.stream_seed(paper, 1));
  const auto stamp = static_cast<std::uint32_t>(paper + 1);

  // The team: the first author, then co-authors mostly from the same community; distinct
  // people with distinct names (the WoS reader matches C1 and OI names by name).
  std::size_t size = chance(rng, 0.001) ? 100 + below(rng, 401) : p.team_size_table.sample(rng) + 1;
  size = std::min(size, p.authors.size());
  const bool consortium = size >= 100;
  const std::size_t communities = p.author_table.blocks();
  team_.clear();
  team_keys_.clear();
  team_.push_back(h.first_author);
  team_keys_.push_back(p.authors[h.first_author].name_key);
  stamp_[h.first_author] = stamp;
  const auto fits = [&](std::uint32_t a) {
    if (stamp_[a] == stamp) return false;
    const std::uint64_t key = p.authors[a].name_key;
    return std::find(team_keys_.begin(), team_keys_.end(), key) == team_keys_.end();
  };
  for (std::size_t slot = 1; slot < size; ++slot) {
    std::size_t c = h.community;
    if (consortium) {
      c = (h.community + slot / 150) % communities;
    } else if (!chance(rng, 0.92)) {
      c = p.community_table.sample(rng);
    }
    std::uint32_t chosen = kNone;
    for (int attempt = 0; attempt < 32 && chosen == kNone; ++attempt) {
      const std::uint32_t a = p.author_table.sample_in(c, rng);
      if (fits(a)) chosen = a;
    }
    // Heavy authors taken: walk the communities from a random member for anyone free.
    for (std::size_t k = 0; k < communities && chosen == kNone; ++k) {
      const std::size_t cc = (c + k) % communities;
      const std::uint32_t begin = p.author_table.block_start(cc);
      const std::uint32_t end = p.author_table.block_end(cc);
      const std::uint32_t from = begin + static_cast<std::uint32_t>(below(rng, end - begin));
      for (std::uint32_t i = 0; i < end - begin && chosen == kNone; ++i) {
        const std::uint32_t a = begin + (from - begin + i) % (end - begin);
        if (fits(a)) chosen = a;
      }
    }
    if (chosen == kNone) break;  // a population smaller than the team
    stamp_[chosen] = stamp;
    team_.push_back(chosen);
    team_keys_.push_back(p.authors[chosen].name_key);
  }

  // Identity and venue.
  r.source = "synth";
  r.line = 0;
  r.format = "synth";
  r.number = static_cast<int>(paper + 1);
  r.journal = p.journals[h.journal].name;
  r.year = h.year;
  r.volume.clear();
  append_number(r.volume, static_cast<std::uint64_t>(h.volume));
  r.issue.clear();
  append_number(r.issue, static_cast<std::uint64_t>(h.month));
  r.pages.clear();
  append_number(r.pages, static_cast<std::uint64_t>(h.first_page));
  r.pages += '-';
  append_number(r.pages, static_cast<std::uint64_t>(h.last_page));
  r.doi.clear();
  p.append_doi(r.doi, h, paper);
  r.pmid.clear();
  append_number(r.pmid, 30'000'001 + paper);
  r.database_id = "WOS:";
  append_number(r.database_id, 100'000'000'000 + paper, 15);

  // Authors.
  r.authors.resize(team_.size());
  for (std::size_t k = 0; k < team_.size(); ++k) {
    const Population::AuthorData& d = p.authors[team_[k]];
    Author& a = r.authors[k];
    set_text(a.surname, p.surnames[d.surname]);
    set_text(a.given, p.givens[d.given[0]]);
    if (d.given[1] != kNoGiven) {
      a.given += ' ';
      a.given += p.givens[d.given[1]];
    }
    a.initials = initials_of(a.given);
    a.as_printed = a.surname;
    a.as_printed += ' ';
    a.as_printed += a.initials;
    a.full_name = a.given;
    a.full_name += ' ';
    a.full_name += a.surname;
    a.affiliations.resize(d.second_institution == kNone ? 1 : 2);
    a.affiliations[0].clear();
    p.append_affiliation(a.affiliations[0], d.institution, d.department);
    if (d.second_institution != kNone) {
      a.affiliations[1].clear();
      p.append_affiliation(a.affiliations[1], d.second_institution, kNoDepartment);
    }
    a.orcid.clear();
    if (d.has_orcid) p.append_orcid(a.orcid, team_[k]);
    a.scopus_id.clear();
  }
  r.addresses.clear();

  // Topic: keywords and a title built from them.
  const std::size_t keyword_count = 3 + below(rng, 6);
  std::array<std::uint32_t, 8> chosen_keywords{};
  std::size_t kept = 0;
  for (std::size_t k = 0; k < keyword_count; ++k) {
    const std::uint32_t id = p.keyword_table.sample(rng);
    if (std::find(chosen_keywords.begin(), chosen_keywords.begin() + kept, id) ==
        chosen_keywords.begin() + kept) {
      chosen_keywords[kept++] = id;
    }
  }
  r.keywords.resize(kept);
  for (std::size_t k = 0; k < kept; ++k) {
    set_text(r.keywords[k].text, p.keywords[chosen_keywords[k]]);
    r.keywords[k].origin = KeywordOrigin::author;
  }
  const std::string_view first = p.keywords[chosen_keywords[0]];
  const std::string_view second = p.keywords[chosen_keywords[kept > 1 ? 1 : 0]];
  const std::string_view population = kPopulations[below(rng, std::size(kPopulations))];
  const std::string_view design = kDesigns[below(rng, std::size(kDesigns))];
  std::string& t = r.title;
  t.clear();
  switch (below(rng, 7)) {
    case 0:
      t.append(first).append(" and ").append(second).append(" in ").append(population);
      break;
    case 1:
      t.append("Effect of ")
          .append(first)
          .append(" on ")
          .append(second)
          .append(": a ")
          .append(design);
      break;
    case 2:
      t.append(first).append(" in ").append(population).append(": a ").append(design);
      break;
    case 3:
      t.append("Association between ").append(first).append(" and ").append(second).append(" in ");
      t.append(population);
      break;
    case 4:
      t.append("The role of ").append(first).append(" in ").append(second);
      break;
    case 5:
      t.append(first).append(" and ").append(second).append(": a ").append(design);
      break;
    default:
      t.append("Is ").append(first).append(" associated with ").append(second).append("?");
      break;
  }
  if (t[0] >= 'a' && t[0] <= 'z') t[0] = static_cast<char>(t[0] - 32);

  // Type, dates, access, counts.
  r.document_type = chance(rng, 0.12) ? "Review" : "Article";
  r.language = "English";
  r.abstract.clear();
  r.published = Date{h.year, h.month, h.day};
  r.indexed = r.published;
  r.accepted = months_before(r.published, 1 + static_cast<int>(below(rng, 3)));
  r.received = months_before(r.accepted, 2 + static_cast<int>(below(rng, 7)));
  r.revised = Date{};
  r.open_access = chance(rng, 0.30);
  r.pmcid.clear();
  if (r.open_access) {
    r.pmcid = "PMC";
    append_number(r.pmcid, 5'000'001 + paper);
  }
  const int age = kLastYear - h.year;
  const int citations = static_cast<int>(p.citation_table.sample(rng) * (age + 2) / 6);
  r.citations = citations;
  r.impact_index = static_cast<double>(citations * 10 / (age + 1)) / 10.0;

  // References, from their own stream so that leaving them out changes nothing else.
  if (!options_.references) {
    r.cited_references.clear();
    return true;
  }
  SplitMix64 refs(p.stream_seed(paper, 2));
  const std::size_t count = 10 + below(refs, 51);
  // First what each reference points at, prefetching the cited authors' names, then the
  // strings: the authors are scattered over O(authors) memory, and waiting for each in
  // turn would dominate the time.
  struct Cited {
    std::uint64_t paper;  // kNotInCorpus for outside works
    AliasTable::Draw author_draw;
    std::uint32_t author;
    std::uint32_t journal;
    int year;
    int volume;
    int page;
    std::uint64_t doi;  // outside works: registrant * 10^8 + suffix, 0 for none
  };
  constexpr std::uint64_t kNotInCorpus = ~std::uint64_t{0};
  std::array<Cited, 64> cited;
  std::size_t n = 0;
  for (std::size_t k = 0; k < count; ++k) {
    Cited c{};
    if (paper >= 10 && chance(refs, 0.6)) {
      // Old papers attract most citations (in-degree falls off as a power of the index);
      // the rest go to recent work.
      if (chance(refs, 0.5)) {
        const double u = synth::unit(refs);
        c.paper = static_cast<std::uint64_t>(static_cast<double>(paper) * u * u * u);
      } else {
        c.paper = paper - 1 - below(refs, std::max<std::uint64_t>(1, paper / 5));
      }
      const bool repeated = std::any_of(cited.begin(), cited.begin() + n,
                                        [&](const Cited& o) { return o.paper == c.paper; });
      if (repeated) continue;
      const Population::Header ch = p.unresolved_header(c.paper);
      c.author_draw = ch.first_author_draw;
      c.journal = ch.journal;
      c.year = ch.year;
      c.volume = ch.volume;
      c.page = ch.first_page;
    } else {
      c.paper = kNotInCorpus;
      c.author_draw = p.author_table.draw_in(p.community_table.sample(refs), refs);
      c.year = h.year - 1 - static_cast<int>(below(refs, 40));
      c.journal = p.journal_table.sample(refs);
      c.volume = std::max(1, c.year - p.journals[c.journal].first_year + 1);
      c.page = 1 + static_cast<int>(below(refs, 2000));
      // Registrant codes below 5000: never the corpus's own 10.5555.
      if (chance(refs, 0.6))
        c.doi = (1000 + below(refs, 4000)) * 100'000'000 + below(refs, 100'000'000);
    }
    p.author_table.prefetch(c.author_draw);
    cited[n++] = c;
  }
  for (std::size_t k = 0; k < n; ++k) {
    cited[k].author = p.author_table.resolve(cited[k].author_draw);
    __builtin_prefetch(&p.authors[cited[k].author]);
  }
  r.cited_references.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const Cited& c = cited[k];
    const Population::AuthorData& d = p.authors[c.author];
    std::string& cr = r.cited_references[k];
    cr.clear();
    cr += p.surnames[d.surname];
    cr += ' ';
    cr += initials_of(p.givens[d.given[0]]);
    if (d.given[1] != kNoGiven) cr += initials_of(p.givens[d.given[1]]);
    cr += ", ";
    append_number(cr, static_cast<std::uint64_t>(c.year));
    cr += ", ";
    cr += p.journals[c.journal].cited_as;
    cr += ", V";
    append_number(cr, static_cast<std::uint64_t>(c.volume));
    cr += ", P";
    append_number(cr, static_cast<std::uint64_t>(c.page));
    if (c.paper != kNotInCorpus) {
      cr += ", DOI ";
      Population::Header ch;
      ch.journal = c.journal;
      ch.year = c.year;
      p.append_doi(cr, ch, c.paper);
    } else if (c.doi != 0) {
      cr += ", DOI 10.";
      append_number(cr, c.doi / 100'000'000);
      cr += "/ext.";
      append_number(cr, c.doi % 100'000'000, 8);
    }
  }
  return true;
}

std::string abbreviate_journal(std::string_view journal) {
  static constexpr std::pair<std::string_view, std::string_view> kWords[] = {
      {"Journal", "J"},    {"International", "Int"},
      {"Research", "Res"}, {"Annals", "Ann"},
      {"Reports", "Rep"},  {"Review", "Rev"},
      {"Society", "Soc"},  {"of", ""},
      {"and", ""},         {"the", ""},
      {"The", ""}};
  std::string out;
  std::size_t i = 0;
  while (i < journal.size()) {
    const std::size_t end = std::min(journal.find(' ', i), journal.size());
    std::string_view word = journal.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    std::string_view short_form = word.size() > 8 ? word.substr(0, 6) : word;
    for (const auto& [full, abbreviation] : kWords) {
      if (word == full) short_form = abbreviation;
    }
    if (short_form.empty()) continue;
    if (!out.empty()) out += ' ';
    out += short_form;
  }
  return out;
}

}  // namespace citenet
