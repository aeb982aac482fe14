#include "records/keywords.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "records/text.h"

namespace citenet {
namespace {

// English function words and fillers: articles, pronouns, auxiliaries, prepositions,
// conjunctions, quantifiers and frequent adverbs (after the SMART and NLTK lists, without
// content words a bibliometric term may need). Sorted, for binary search.
// clang-format off
constexpr std::array kStopWords = std::to_array<std::string_view>({
    "a", "able", "about", "above", "according", "accordingly", "across", "actually",
    "additionally", "after", "afterwards", "again", "against", "ago", "al", "all", "almost",
    "alone", "along", "alongside", "already", "also", "although", "always", "am", "amid", "among",
    "amongst", "an", "and", "another", "any", "anybody", "anyhow", "anyone", "anything", "anyway",
    "anywhere", "apart", "are", "around", "as", "aside", "at", "away", "be", "became", "because",
    "become", "becomes", "becoming", "been", "before", "beforehand", "behind", "being", "below",
    "beneath", "beside", "besides", "best", "better", "between", "beyond", "both", "but", "by",
    "can", "cannot", "certain", "consequently", "could", "despite", "did", "do", "does", "doing",
    "done", "down", "due", "during", "each", "eg", "either", "else", "elsewhere", "enough",
    "especially", "et", "etc", "even", "ever", "every", "everyone", "everything", "everywhere",
    "except", "far", "few", "fewer", "for", "former", "formerly", "from", "further", "furthermore",
    "generally", "had", "has", "have", "having", "he", "hence", "her", "here", "hereafter",
    "hereby", "herein", "hers", "herself", "him", "himself", "his", "how", "however", "i", "ie",
    "if", "in", "indeed", "inside", "instead", "into", "is", "it", "its", "itself", "just", "last",
    "later", "latter", "least", "less", "lest", "like", "likely", "mainly", "many", "may", "me",
    "meanwhile", "merely", "might", "mine", "more", "moreover", "most", "mostly", "much", "must",
    "my", "myself", "namely", "near", "nearly", "neither", "never", "nevertheless", "next", "no",
    "nobody", "non", "none", "nor", "not", "nothing", "notwithstanding", "now", "nowhere", "of",
    "off", "often", "on", "once", "one", "only", "onto", "or", "other", "others", "otherwise",
    "ought", "our", "ours", "ourselves", "out", "outside", "over", "overall", "own",
    "particularly", "per", "perhaps", "previously", "quite", "rather", "really", "regarding",
    "respectively", "same", "several", "shall", "she", "should", "similarly", "simply", "since",
    "so", "some", "somehow", "someone", "something", "sometimes", "somewhat", "somewhere",
    "specifically", "still", "subsequently", "such", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "thence", "there", "thereafter", "thereby", "therefore",
    "therein", "thereof", "these", "they", "this", "those", "though", "through", "throughout",
    "thus", "to", "together", "too", "toward", "towards", "under", "unless", "until", "up", "upon",
    "us", "usually", "various", "very", "via", "was", "we", "well", "were", "what", "whatever",
    "when", "whence", "whenever", "where", "whereas", "whereby", "wherein", "whereupon", "whether",
    "which", "while", "whilst", "who", "whoever", "whole", "whom", "whose", "why", "will", "with",
    "within", "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
});
// clang-format on

static_assert(std::ranges::is_sorted(kStopWords), "is_stop_word() searches a sorted list");

// Headings of structured abstracts.
// clang-format off
constexpr std::array kLabels = std::to_array<std::string_view>({
    "aim", "aims", "background", "conclusion", "conclusions", "context", "design", "discussion",
    "findings", "importance", "interpretation", "interventions", "introduction", "limitations",
    "measurements", "method", "methods", "objective", "objectives", "participants", "purpose",
    "result", "results", "setting", "settings", "significance", "summary",
});
// clang-format on

bool is_label(std::string_view folded) {
  return std::ranges::find(kLabels, folded) != kLabels.end();
}

bool is_number(std::string_view folded) {
  return std::ranges::all_of(folded, [](char c) { return c >= '0' && c <= '9'; });
}

bool is_one_letter(std::string_view folded) {
  if (folded.size() == 1) return true;
  const auto lead = static_cast<unsigned char>(folded[0]);
  const std::size_t length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  return lead >= 0xC0 && folded.size() == length;
}

// ASCII punctuation that ends a clause; '-', '\'', '/' and '&' stay inside it.
bool ends_clause(char c) {
  static constexpr std::string_view kPunctuation = ".,;:!?()[]{}\"|";
  return kPunctuation.find(c) != std::string_view::npos;
}

// UTF-8 punctuation that ends a clause: curly double quotes, guillemets, ellipsis, and en
// and em dashes (which in running text set off a clause). Returns its length, or 0.
std::size_t unicode_clause_end(std::string_view text, std::size_t at) {
  static constexpr std::string_view kMarks[] = {"\u201C", "\u201D", "\u00AB", "\u00BB",
                                                "\u2026", "\u2013", "\u2014", "\u00B7"};
  for (std::string_view mark : kMarks) {
    if (text.substr(at).starts_with(mark)) return mark.size();
  }
  return 0;
}

struct Word {
  std::string text;  // folded
  bool stop = false;
  bool breaks = false;  // number, one letter, label: no term goes through it
};

// Appends the folded words of one raw clause.
void fold_clause(std::string_view clause, std::vector<Word>& words) {
  const std::size_t first_word = words.size();
  std::size_t start = 0;
  while (start < clause.size()) {
    std::size_t end = clause.find_first_of(" \t\r\n", start);
    if (end == std::string_view::npos) end = clause.size();
    const std::string_view raw = clause.substr(start, end - start);
    start = end + 1;
    if (raw.empty()) continue;
    const bool capitals = is_upper_case(raw);
    const std::string folded = fold_key(raw);
    std::size_t from = 0;
    while (from < folded.size()) {
      std::size_t to = folded.find(' ', from);
      if (to == std::string::npos) to = folded.size();
      Word word;
      word.text = folded.substr(from, to - from);
      word.stop = is_stop_word(word.text);
      word.breaks = !word.stop && (is_number(word.text) || is_one_letter(word.text) ||
                                   (capitals && is_label(word.text)));
      words.push_back(std::move(word));
      from = to + 1;
    }
  }
  // "Background:" alone before its colon is a heading in any case.
  if (words.size() == first_word + 1 && is_label(words.back().text)) words.back().breaks = true;
}

void add_terms(const std::vector<Word>& words, std::unordered_set<std::string>& seen,
               std::vector<std::string>& terms) {
  for (std::size_t begin = 0; begin < words.size(); ++begin) {
    if (words[begin].stop || words[begin].breaks) continue;
    std::string term;
    for (std::size_t end = begin; end < words.size() && end < begin + 3; ++end) {
      if (words[end].breaks) break;
      if (end > begin) term.push_back(' ');
      term.append(words[end].text);
      if (words[end].stop) continue;
      if (seen.insert(term).second) terms.push_back(term);
    }
  }
}

void extract_from(std::string_view text, std::unordered_set<std::string>& seen,
                  std::vector<std::string>& terms) {
  std::vector<Word> words;
  std::size_t clause_start = 0;
  const auto close_clause = [&](std::size_t end) {
    words.clear();
    fold_clause(text.substr(clause_start, end - clause_start), words);
    add_terms(words, seen, terms);
  };
  for (std::size_t at = 0; at < text.size();) {
    std::size_t length = ends_clause(text[at]) ? 1 : unicode_clause_end(text, at);
    // A hyphen between spaces is a dash.
    if (length == 0 && text[at] == '-' && at > 0 && text[at - 1] == ' ' && at + 1 < text.size() &&
        text[at + 1] == ' ') {
      length = 1;
    }
    if (length == 0) {
      ++at;
      continue;
    }
    close_clause(at);
    at += length;
    clause_start = at;
  }
  close_clause(text.size());
}

}  // namespace

bool is_stop_word(std::string_view folded_word) {
  return std::ranges::binary_search(kStopWords, folded_word);
}

std::vector<std::string> extract_terms(std::string_view title, std::string_view abstract) {
  std::vector<std::string> terms;
  std::unordered_set<std::string> seen;
  extract_from(title, seen, terms);
  extract_from(abstract, seen, terms);
  return terms;
}

}  // namespace citenet
