#include "records/affiliations.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <functional>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "records/text.h"

namespace citenet {
namespace {

// ---------------------------------------------------------------------------------------
// Segments: the comma-separated parts of an affiliation, folded once.

struct Token {
  std::uint32_t begin;  // offset into Segment::folded
  std::uint32_t size;
  std::uint32_t word;  // index of the printed word it came from
};

// One part of an affiliation: the printed text, its words, and their folded tokens (one
// printed word may fold to several tokens, "15-17" -> "15 17", or to none, "&" -> "and").
struct Segment {
  std::string_view text;
  std::vector<std::string_view> words;
  std::string folded;
  std::vector<Token> tokens;

  std::size_t size() const { return tokens.size(); }
  std::string_view token(std::size_t i) const {
    return std::string_view(folded).substr(tokens[i].begin, tokens[i].size);
  }
  // Folded tokens [first, end) as one key ("new south wales").
  std::string_view tokens_text(std::size_t first, std::size_t end) const {
    const std::size_t begin = tokens[first].begin;
    return std::string_view(folded).substr(begin,
                                           tokens[end - 1].begin + tokens[end - 1].size - begin);
  }
  // The printed text from the word of token `first` to the end of the segment.
  std::string_view text_from(std::size_t first) const {
    return text.substr(static_cast<std::size_t>(words[tokens[first].word].data() - text.data()));
  }
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && (is_space(text.back()) || text.back() == '.')) text.remove_suffix(1);
  return text;
}

Segment make_segment(std::string_view text) {
  Segment segment;
  segment.text = trim(text);
  std::size_t start = 0;
  const std::string_view trimmed = segment.text;
  while (start < trimmed.size()) {
    const std::size_t end = std::min(trimmed.find(' ', start), trimmed.size());
    if (end > start) segment.words.push_back(trimmed.substr(start, end - start));
    start = end + 1;
  }
  for (std::uint32_t word = 0; word < segment.words.size(); ++word) {
    std::string& folded = segment.folded;
    const std::size_t separator = folded.size();
    if (!folded.empty()) folded.push_back(' ');
    const std::size_t word_begin = folded.size();
    append_fold_key(segment.words[word], folded);
    if (folded.size() == word_begin) {
      folded.resize(separator);  // the word folded to nothing ("-")
      continue;
    }
    for (std::size_t begin = word_begin; begin < folded.size();) {
      const std::size_t end = std::min(folded.find(' ', begin), folded.size());
      segment.tokens.push_back(
          {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end - begin), word});
      begin = end + 1;
    }
  }
  return segment;
}

// A company's legal form, written after a comma: "Genentech, Inc.", "Ducks Unlimited, Inc".
// Folded; "s l" is "S.L.".
constexpr std::string_view kLegalForms[] = {
    "inc",  "incorporated", "ltd", "limited", "llc", "llp",     "plc", "corp", "co",
    "gmbh", "ag",           "bv",  "nv",      "sa",  "s a",     "sl",  "s l",  "srl",
    "spa",  "ab",           "as",  "oy",      "kk",  "pty ltd", "lp",  "sas",  "sarl"};

bool is_legal_form(std::string_view part) {
  const std::string folded = fold_key(part);
  return std::find(std::begin(kLegalForms), std::end(kLegalForms), folded) != std::end(kLegalForms);
}

// Splits on "," and ";" outside brackets: "ACE (Action in Caerau, Ely)" stays whole. A part
// that is only a legal form stays with the name before it ("Genentech, Inc."), which alone
// would otherwise become an institution called "Inc".
std::vector<std::string_view> split_separators(std::string_view affiliation) {
  std::vector<std::string_view> parts;
  int depth = 0;
  std::size_t start = 0;
  const auto push = [&](std::size_t end) {
    const std::string_view part = affiliation.substr(start, end - start);
    if (!parts.empty() && is_legal_form(part)) {
      const std::size_t begin = static_cast<std::size_t>(parts.back().data() - affiliation.data());
      parts.back() = affiliation.substr(begin, end - begin);
    } else {
      parts.push_back(part);
    }
  };
  for (std::size_t i = 0; i < affiliation.size(); ++i) {
    const char c = affiliation[i];
    if (c == '(' || c == '[') {
      ++depth;
    } else if ((c == ')' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0 && (c == ',' || c == ';')) {
      push(i);
      start = i + 1;
    }
  }
  push(affiliation.size());
  return parts;
}

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) { return is_lower(c) || is_upper(c); }

// A lower-case letter directly followed by an upper-case one is where a comma was lost
// ("SchoolBoston"), unless the word so far is a name prefix: "McDonald" (2 letters) and
// "MacDonald" stay whole.
bool is_lost_comma(std::string_view text, std::size_t i) {
  if (i + 1 >= text.size() || !is_lower(text[i]) || !is_upper(text[i + 1])) return false;
  std::size_t begin = i;
  while (begin > 0 && is_letter(text[begin - 1])) --begin;
  const std::string_view word = text.substr(begin, i + 1 - begin);
  return word.size() >= 3 && word != "Mac";
}

std::vector<std::string_view> split_lost_commas(std::string_view part) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (!is_lost_comma(part, i)) continue;
    pieces.push_back(part.substr(start, i + 1 - start));
    start = i + 1;
  }
  pieces.push_back(part.substr(start));
  return pieces;
}

// The affiliation's segments; with `repair`, lost commas are put back first.
std::vector<Segment> segments_of(std::string_view affiliation, bool repair) {
  std::vector<Segment> segments;
  for (std::string_view part : split_separators(affiliation)) {
    const auto pieces = repair ? split_lost_commas(part) : std::vector<std::string_view>{part};
    for (std::string_view piece : pieces) {
      Segment segment = make_segment(piece);
      if (segment.size() > 0) segments.push_back(std::move(segment));
    }
  }
  return segments;
}

bool has_lost_comma(std::string_view affiliation) {
  for (std::size_t i = 0; i < affiliation.size(); ++i) {
    if (is_lost_comma(affiliation, i)) return true;
  }
  return false;
}

bool contains(std::span<const std::string_view> list, std::string_view token) {
  return std::find(list.begin(), list.end(), token) != list.end();
}

// ---------------------------------------------------------------------------------------
// Countries.

// "Canonical|alias|alias": aliases are matched folded, so "U.K." also covers "U K".
constexpr std::string_view kCountries[] = {
    "Afghanistan",
    "Albania",
    "Algeria",
    "Andorra",
    "Angola",
    "Antigua and Barbuda",
    "Argentina",
    "Armenia",
    "Australia|New South Wales|Queensland|Tasmania",
    "Austria|Österreich",
    "Azerbaijan",
    "Bahamas|The Bahamas",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium|België|Belgique",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia and Herzegovina|Bosnia-Herzegovina",
    "Botswana",
    "Brazil|Brasil",
    "Brunei|Brunei Darussalam",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "Cabo Verde|Cape Verde",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Central African Republic",
    "Chad",
    "Chile",
    "China|PR China|P.R. China|PRC|Peoples R China|People's Republic of China|Mainland China",
    "Colombia",
    "Comoros",
    "Congo|Republic of the Congo|Congo-Brazzaville",
    "Democratic Republic of the Congo|DR Congo|DRC|Democratic Republic of "
    "Congo|Congo-Kinshasa|Zaire",
    "Costa Rica",
    "Côte d'Ivoire|Ivory Coast",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic|Czechia",
    "Denmark|Danmark",
    "Djibouti",
    "Dominica",
    "Dominican Republic",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "Equatorial Guinea",
    "Eritrea",
    "Estonia",
    "Eswatini|Swaziland",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Gambia|The Gambia",
    "Georgia",
    "Germany|Deutschland|Federal Republic of Germany",
    "Ghana",
    "Greece",
    "Grenada",
    "Guatemala",
    "Guinea",
    "Guinea-Bissau",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hong Kong|Hong Kong SAR",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran|Islamic Republic of Iran",
    "Iraq",
    "Ireland|Republic of Ireland|Eire",
    "Israel",
    "Italy|Italia",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kiribati",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Laos|Lao PDR",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Macau|Macao",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Maldives",
    "Mali",
    "Malta",
    "Marshall Islands",
    "Mauritania",
    "Mauritius",
    "Mexico|México",
    "Micronesia",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar|Burma",
    "Namibia",
    "Nauru",
    "Nepal",
    "Netherlands|The Netherlands|Holland|Nederland",
    "New Zealand",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "North Korea|Democratic People's Republic of Korea|DPRK",
    "North Macedonia|Macedonia",
    "Norway|Norge",
    "Oman",
    "Pakistan",
    "Palau",
    "Palestine|State of Palestine|West Bank|Gaza",
    "Panama",
    "Papua New Guinea",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland|Polska",
    "Portugal",
    "Puerto Rico",
    "Qatar",
    "Romania",
    "Russia|Russian Federation",
    "Rwanda",
    "Saint Kitts and Nevis",
    "Saint Lucia",
    "Saint Vincent and the Grenadines",
    "Samoa",
    "San Marino",
    "Sao Tome and Principe",
    "Saudi Arabia|KSA",
    "Senegal",
    "Serbia",
    "Seychelles",
    "Sierra Leone",
    "Singapore",
    "Slovakia|Slovak Republic",
    "Slovenia",
    "Solomon Islands",
    "Somalia",
    "South Africa",
    "South Korea|Korea|Republic of Korea|Korea Republic|S Korea",
    "South Sudan",
    "Spain|España",
    "Sri Lanka",
    "Sudan",
    "Suriname",
    "Sweden|Sverige",
    "Switzerland|Schweiz|Suisse",
    "Syria|Syrian Arab Republic",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Timor-Leste|East Timor",
    "Togo",
    "Tonga",
    "Trinidad and Tobago",
    "Tunisia",
    "Turkey|Türkiye",
    "Turkmenistan",
    "Tuvalu",
    "Uganda",
    "Ukraine",
    "United Arab Emirates|UAE|U.A.E.",
    "United Kingdom|UK|U.K.|Great Britain|Britain|England|Scotland|Wales|Northern Ireland|GB",
    "United States|USA|U.S.A.|US|U.S.|United States of America|New England",
    "Uruguay",
    "Uzbekistan",
    "Vanuatu",
    "Vatican City|Holy See",
    "Venezuela",
    "Vietnam|Viet Nam",
    "Yemen",
    "Zambia",
    "Zimbabwe",
};

// "Name|code". Codes count only standing alone after a comma or before a ZIP code.
constexpr std::string_view kUsStates[] = {
    "Alabama|AL",        "Alaska|AK",        "Arizona|AZ",
    "Arkansas|AR",       "California|CA",    "Colorado|CO",
    "Connecticut|CT",    "Delaware|DE",      "Florida|FL",
    "Georgia|GA",        "Hawaii|HI",        "Idaho|ID",
    "Illinois|IL",       "Indiana|IN",       "Iowa|IA",
    "Kansas|KS",         "Kentucky|KY",      "Louisiana|LA",
    "Maine|ME",          "Maryland|MD",      "Massachusetts|MA",
    "Michigan|MI",       "Minnesota|MN",     "Mississippi|MS",
    "Missouri|MO",       "Montana|MT",       "Nebraska|NE",
    "Nevada|NV",         "New Hampshire|NH", "New Jersey|NJ",
    "New Mexico|NM",     "New York|NY",      "North Carolina|NC",
    "North Dakota|ND",   "Ohio|OH",          "Oklahoma|OK",
    "Oregon|OR",         "Pennsylvania|PA",  "Rhode Island|RI",
    "South Carolina|SC", "South Dakota|SD",  "Tennessee|TN",
    "Texas|TX",          "Utah|UT",          "Vermont|VT",
    "Virginia|VA",       "Washington|WA",    "West Virginia|WV",
    "Wisconsin|WI",      "Wyoming|WY",       "District of Columbia|DC",
};

// Cities that make "Georgia" the US state rather than the country.
constexpr std::string_view kGeorgiaCities[] = {
    "atlanta", "savannah", "augusta", "athens",   "macon",    "columbus",
    "decatur", "marietta", "albany",  "valdosta", "kennesaw", "statesboro",
};

constexpr std::string_view kUnitedStates = "United States";
constexpr std::size_t kLongestCountryName = 6;  // tokens, "democratic people s republic of korea"

template <typename F>
void for_each_field(std::string_view entry, F f) {
  std::size_t start = 0;
  while (start <= entry.size()) {
    const std::size_t end = std::min(entry.find('|', start), entry.size());
    f(entry.substr(start, end - start));
    start = end + 1;
  }
}

// Lets the tables be probed with string_views into folded segments.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

struct CountryTable {
  // folded name -> canonical
  std::unordered_map<std::string, std::string_view, StringHash, std::equal_to<>> by_name;
  std::unordered_set<std::string, StringHash, std::equal_to<>> state_codes;  // folded: "ma"

  CountryTable() {
    for (std::string_view entry : kCountries) {
      const std::string_view canonical = entry.substr(0, entry.find('|'));
      for_each_field(entry,
                     [&](std::string_view name) { by_name.emplace(fold_key(name), canonical); });
    }
    for (std::string_view entry : kUsStates) {
      const std::size_t bar = entry.find('|');
      // The country Georgia is in kCountries already; the state wins only with evidence.
      by_name.emplace(fold_key(entry.substr(0, bar)), kUnitedStates);
      state_codes.insert(fold_key(entry.substr(bar + 1)));
    }
    by_name.emplace("washington dc", kUnitedStates);
  }

  std::string_view find(std::string_view folded) const {
    const auto found = by_name.find(folded);
    return found == by_name.end() ? std::string_view() : found->second;
  }
};

const CountryTable& country_table() {
  static const CountryTable table;
  return table;
}

bool is_digits(std::string_view token) {
  return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

bool is_zip_code(std::string_view token) { return token.size() == 5 && is_digits(token); }

// "Athens, Georgia" or "Atlanta Georgia 30322": the state. Plain "Georgia": the country.
bool georgia_is_state(const Segment& segment, std::size_t name_token, const Segment* previous,
                      bool zip) {
  if (zip) return true;
  if (name_token > 0) return contains(kGeorgiaCities, segment.token(name_token - 1));
  return previous != nullptr && contains(kGeorgiaCities, previous->token(previous->size() - 1));
}

// The country named at the end of a segment; the longest name wins, so "New Mexico" is a
// state, "New South Wales" Australia and "Northern Ireland" the United Kingdom.
std::string_view country_at_end(const Segment& segment, const Segment* previous) {
  const CountryTable& table = country_table();
  std::size_t end = segment.size();
  bool zip = false;
  while (end > 0 && is_digits(segment.token(end - 1))) {
    zip = zip || is_zip_code(segment.token(end - 1));
    --end;
  }
  if (end == 0) return {};
  for (std::size_t length = std::min(end, kLongestCountryName); length > 0; --length) {
    const std::string_view name = segment.tokens_text(end - length, end);
    const std::string_view country = table.find(name);
    if (country.empty()) continue;
    if (country == "Georgia" && georgia_is_state(segment, end - length, previous, zip)) {
      return kUnitedStates;
    }
    return country;
  }
  const bool code_alone = end == 1 && previous != nullptr;
  if ((code_alone || zip) && table.state_codes.contains(segment.token(end - 1))) {
    return kUnitedStates;
  }
  return {};
}

// Countries are named last, so segments are read from the end.
std::string_view country_of(const std::vector<Segment>& segments) {
  for (std::size_t i = segments.size(); i-- > 0;) {
    const Segment* previous = i > 0 ? &segments[i - 1] : nullptr;
    const std::string_view country = country_at_end(segments[i], previous);
    if (!country.empty()) return country;
  }
  return {};
}

bool is_country_or_state(const Segment& segment) {
  const CountryTable& table = country_table();
  return !table.find(segment.folded).empty() ||
         (segment.size() == 1 && table.state_codes.contains(segment.folded));
}

// ---------------------------------------------------------------------------------------
// Institutions.

// How likely a segment names the organisation; higher wins.
enum class Tier {
  kNothing,
  kPlace,         // city, street address, postcode, country
  kSubUnit,       // department, faculty, job title: inside an organisation
  kUnknown,       // no organisation word, but could be a name ("Primary Care Cluster")
  kUnit,          // institute, centre, school: an organisation or a part of one
  kOrganisation,  // hospital, trust, health board, foundation, ministry, company ...
  kUniversity,
};

constexpr std::string_view kUniversityWords[] = {
    "university",   "univ",        "universitat",  "universite",  "universidad",
    "universidade", "universita",  "universiteit", "universitet", "college",
    "polytechnic",  "politecnico", "hochschule",
};
constexpr std::string_view kHospitalWords[] = {"hospital", "hospitals", "infirmary"};
constexpr std::string_view kOrganisationWords[] = {
    "hospital",     "hospitals",   "infirmary",  "clinic",     "clinics",    "klinikum",
    "trust",        "nhs",         "foundation", "ministry",   "commission", "council",
    "agency",       "authority",   "executive",  "government", "company",    "corporation",
    "inc",          "ltd",         "llc",        "plc",        "gmbh",       "organisation",
    "organization", "association", "society",    "fundacion",  "fondazione", "stiftung",
};
constexpr std::string_view kUnitWords[] = {
    "institute", "inst",    "institut", "instituto", "istituto",    "centre", "center",
    "centro",    "centrum", "school",   "academy",   "observatory", "museum",
};
// Words that make a segment a part of an organisation or a person's role.
constexpr std::string_view kSubUnitWords[] = {
    "department", "dept",       "division",   "unit",     "faculty",  "section",
    "laboratory", "lab",        "programme",  "program",  "chair",    "specialty",
    "speciality", "specialist", "registrar",  "trainee",  "fellow",   "professor",
    "lecturer",   "student",    "consultant", "resident", "director",
};
constexpr std::string_view kStreetWords[] = {
    "road",   "rd",  "street", "st",   "avenue",    "ave",     "lane",    "place",
    "square", "way", "drive",  "blvd", "boulevard", "strasse", "terrace", "crescent",
};
// Words that end the head of "Department of X", "Unit for X", "Registrar in X".
constexpr std::string_view kHeadEnds[] = {"of", "for", "in"};
constexpr std::size_t kMaxHeadTokens = 2;

Tier token_tier(const Segment& segment, std::size_t i) {
  const std::string_view token = segment.token(i);
  if (contains(kUniversityWords, token)) return Tier::kUniversity;
  if (contains(kOrganisationWords, token)) return Tier::kOrganisation;
  if (token == "health" && i + 1 < segment.size() && segment.token(i + 1) == "board") {
    return Tier::kOrganisation;
  }
  if (contains(kUnitWords, token)) return Tier::kUnit;
  return Tier::kUnknown;
}

// The strongest organisation word from token `first` on. A university that names a
// hospital ("University College London Hospitals") is a hospital.
Tier organisation_tier(const Segment& segment, std::size_t first) {
  Tier tier = Tier::kUnknown;
  bool hospital = false;
  for (std::size_t i = first; i < segment.size(); ++i) {
    tier = std::max(tier, token_tier(segment, i));
    hospital = hospital || contains(kHospitalWords, segment.token(i));
  }
  return hospital && tier == Tier::kUniversity ? Tier::kOrganisation : tier;
}

// Tokens before the first "of"/"for"/"in", at most two: "research department". More would
// catch names like "Kaiser Permanente Division of Research".
std::size_t head_size(const Segment& segment) {
  std::size_t size = 0;
  while (size < std::min(segment.size(), kMaxHeadTokens) &&
         !contains(kHeadEnds, segment.token(size))) {
    ++size;
  }
  return size;
}

bool is_sub_unit(const Segment& segment) {
  const std::size_t head = head_size(segment);
  for (std::size_t i = 0; i < head; ++i) {
    if (contains(kSubUnitWords, segment.token(i))) return true;
  }
  // "School of Medicine" is a part; "London School of Hygiene" is not.
  return segment.token(0) == "school" && head == 1 && segment.size() > 1;
}

bool is_street(const Segment& segment) {
  return segment.size() >= 2 && contains(kStreetWords, segment.token(segment.size() - 1));
}

bool has_digit(const Segment& segment) {
  return std::any_of(segment.folded.begin(), segment.folded.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Where an organisation named inside a sub-unit segment starts: "School of Medicine
// University of Central Lancashire" -> "University ...", "Research Department II of
// Shenzhen ... Center" -> "Shenzhen ...". npos when there is none.
std::size_t organisation_inside(const Segment& segment) {
  const std::size_t head = head_size(segment);
  for (std::size_t i = head + 1; i < segment.size(); ++i) {
    if (token_tier(segment, i) <= Tier::kUnknown) continue;
    if (i + 1 < segment.size() && segment.token(i + 1) == "of") return i;
    // Otherwise the name is known to start only after an "of" of the sub-unit.
    for (std::size_t of = 1; of < i; ++of) {
      if (segment.token(of) == "of") return of + 1;
    }
    return std::string_view::npos;
  }
  return std::string_view::npos;
}

struct Candidate {
  Tier tier = Tier::kNothing;
  std::string_view text;
};

Candidate classify(const Segment& segment, bool first);

Candidate classify_sub_unit(const Segment& segment) {
  const std::size_t start = organisation_inside(segment);
  if (start == std::string_view::npos) return {Tier::kSubUnit, segment.text};
  const Candidate inner = classify(make_segment(segment.text_from(start)), true);
  return inner.tier > Tier::kUnknown ? inner : Candidate{Tier::kSubUnit, segment.text};
}

Candidate classify(const Segment& segment, bool first) {
  if (segment.size() == 0) return {};
  if (is_street(segment) || segment.token(0) == "campus" || is_country_or_state(segment)) {
    return {Tier::kPlace, segment.text};
  }
  if (is_sub_unit(segment)) return classify_sub_unit(segment);
  const Tier tier = organisation_tier(segment, 0);
  if (tier > Tier::kUnknown) return {tier, segment.text};
  // Without an organisation word: an address or postcode, or a lone word after the first
  // segment, which is a city far more often than an organisation.
  if (has_digit(segment) || (segment.words.size() == 1 && !first))
    return {Tier::kPlace, segment.text};
  return {Tier::kUnknown, segment.text};
}

// Affiliations run from the smallest unit to the largest, so among organisation segments
// of one tier the last wins ("Centre ..., NHS Executive"); among weaker segments the first
// does, since cities and regions follow the name.
Candidate best_candidate(const std::vector<Segment>& segments) {
  Candidate best;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Candidate candidate = classify(segments[i], i == 0);
    const bool later_wins = candidate.tier >= Tier::kUnit;
    if (candidate.tier > best.tier || (later_wins && candidate.tier == best.tier)) best = candidate;
  }
  return best;
}

}  // namespace

std::string extract_institution(std::string_view affiliation) {
  Candidate best = best_candidate(segments_of(affiliation, false));
  // Commas are put back only when that exposes a stronger organisation, so names written
  // in camel case ("AstraZeneca", "KwaZulu-Natal") survive.
  if (has_lost_comma(affiliation)) {
    const Candidate repaired = best_candidate(segments_of(affiliation, true));
    if (repaired.tier > best.tier) best = repaired;
  }
  return best.tier >= Tier::kUnknown ? std::string(best.text) : std::string();
}

std::string institution_key(std::string_view institution) {
  std::string key = fold_key(institution);
  constexpr std::string_view kThe = "the ";
  if (key.starts_with(kThe)) key.erase(0, kThe.size());
  return key;
}

std::string extract_country(std::string_view affiliation) {
  std::string_view country = country_of(segments_of(affiliation, false));
  if (country.empty() && has_lost_comma(affiliation)) {
    country = country_of(segments_of(affiliation, true));
  }
  return std::string(country);
}

}  // namespace citenet

namespace citenet {

AffiliationParts& AffiliationCache::parts(std::string_view affiliation) {
  return parts(PrehashedString{affiliation, SwissStringHash{}(affiliation)});
}

AffiliationParts& AffiliationCache::parts(PrehashedString affiliation) {
  if (const auto found = cache_.find(affiliation); found != cache_.end()) return found->second;
  if (cache_.size() >= kMaxEntries) cache_.clear();
  AffiliationParts parts;
  parts.institution = extract_institution(affiliation.text);
  if (!parts.institution.empty()) parts.institution_key = institution_key(parts.institution);
  parts.country = extract_country(affiliation.text);
  return cache_.emplace(std::string(affiliation.text), std::move(parts)).first->second;
}

}  // namespace citenet
