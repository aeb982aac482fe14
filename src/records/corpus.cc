#include "records/corpus.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "records/affiliations.h"
#include "records/keywords.h"
#include "records/text.h"

namespace citenet {

namespace {

// Small words stay lower case when an all-capitals name is shown in title case.
std::string display_form(std::string_view printed) {
  if (!is_upper_case(printed)) return std::string(printed);
  std::string titled = title_case(printed);
  static constexpr std::string_view kSmall[] = {"Of", "And", "The", "For", "In", "At", "De", "La"};
  std::string out;
  std::size_t start = 0;
  while (start <= titled.size()) {
    std::size_t end = titled.find(' ', start);
    if (end == std::string::npos) end = titled.size();
    std::string_view word(titled.data() + start, end - start);
    const bool small =
        start > 0 && std::find(std::begin(kSmall), std::end(kSmall), word) != std::end(kSmall);
    if (small) {
      std::string lower(word);
      lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
      out += lower;
    } else {
      out += word;
    }
    if (end < titled.size()) out += ' ';
    start = end + 1;
  }
  return out;
}

constexpr std::uint32_t kNoEntity = 0xFFFFFFFFu;  // dropped by the thesaurus

void push_distinct(std::vector<std::uint32_t>& ids, std::uint32_t id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

}  // namespace

void IdLists::push(std::span<const std::uint32_t> ids) {
  ids_.insert(ids_.end(), ids.begin(), ids.end());
  offsets_.push_back(static_cast<std::uint32_t>(ids_.size()));
}

std::uint32_t CorpusBuilder::EntityTable::intern(const std::string& key, std::string_view printed,
                                                 bool verbatim) {
  auto [it, inserted] = ids_.try_emplace(key, static_cast<std::uint32_t>(entities_.size()));
  if (inserted) entities_.emplace_back();
  entities_[it->second].verbatim |= verbatim;
  auto& forms = entities_[it->second].forms;
  auto form = std::find_if(forms.begin(), forms.end(),
                           [&](const auto& f) { return f.first == printed; });
  if (form == forms.end())
    forms.emplace_back(std::string(printed), 1);
  else
    ++form->second;
  return it->second;
}

std::vector<std::string> CorpusBuilder::EntityTable::labels() const {
  std::vector<std::string> labels;
  labels.reserve(entities_.size());
  for (const Entity& e : entities_) {
    // Most frequent form; on a tie a mixed-case form beats an all-capitals one, then the
    // first seen.
    auto best = e.forms.begin();
    for (auto f = e.forms.begin(); f != e.forms.end(); ++f) {
      const bool more = f->second > best->second;
      const bool tie_better = f->second == best->second && is_upper_case(best->first) &&
                              !is_upper_case(f->first);
      if (more || tie_better) best = f;
    }
    labels.push_back(e.verbatim ? best->first : display_form(best->first));
  }
  return labels;
}

CorpusBuilder::CorpusBuilder(CorpusOptions options)
    : options_(options), identity_(options.author_key, options.thesaurus) {}

std::uint32_t CorpusBuilder::intern(EntityTable& table, ThesaurusKind kind, const std::string& key,
                                    std::string_view printed) {
  if (options_.thesaurus) {
    if (const Thesaurus::Target* target = options_.thesaurus->find(kind, printed)) {
      if (target->label.empty()) return kNoEntity;
      return table.intern("\x01" + target->key, target->label, /*verbatim=*/true);
    }
  }
  return table.intern(key, printed);
}

void CorpusBuilder::add_affiliation(std::string_view affiliation,
                                    std::vector<std::uint32_t>& institutions,
                                    std::vector<std::uint32_t>& countries) {
  const std::string institution = extract_institution(affiliation);
  if (!institution.empty()) {
    const std::string key = institution_key(institution);
    if (!key.empty()) {
      const std::uint32_t id = intern(institutions_, ThesaurusKind::institution, key, institution);
      if (id != kNoEntity) push_distinct(institutions, id);
    }
  }
  const std::string country = extract_country(affiliation);
  if (!country.empty()) {
    const std::uint32_t id = intern(countries_, ThesaurusKind::country, country, country);
    if (id != kNoEntity) push_distinct(countries, id);
  }
}

void CorpusBuilder::add_keywords(const Record& record, std::vector<std::uint32_t>& keywords) {
  const KeywordSource source = options_.keywords;
  if (source == KeywordSource::none) return;
  const auto add = [&](const std::string& text) {
    const std::string key = fold_key(text);
    if (key.empty()) return;
    const std::uint32_t id = intern(keywords_, ThesaurusKind::keyword, key, text);
    if (id != kNoEntity) push_distinct(keywords, id);
  };
  const bool explicit_wanted = source == KeywordSource::explicit_only ||
                               source == KeywordSource::all || source == KeywordSource::automatic;
  if (explicit_wanted)
    for (const Keyword& k : record.keywords)
      if (k.origin != KeywordOrigin::extracted) add(k.text);
  const bool extract = source == KeywordSource::extracted || source == KeywordSource::all ||
                       (source == KeywordSource::automatic && keywords.empty());
  if (extract)
    for (const std::string& term : extract_terms(record.title, record.abstract)) add(term);
}

std::uint32_t CorpusBuilder::find_or_register_paper(const Record& record) {
  const std::uint32_t fresh = paper_count_;
  if (!options_.merge_duplicates) return paper_count_++;
  // 0 stands for "no key"; a real key hashing to 0 is moved to 1.
  const auto hash = [](const std::string& key) -> std::uint64_t {
    if (key.empty()) return 0;
    const std::uint64_t h = std::hash<std::string>{}(key);
    return h ? h : 1;
  };
  const std::uint64_t doi = hash(doi_key(record.doi));
  const std::uint64_t pmid = hash(record.pmid);
  std::uint64_t title = 0;
  if (!record.title.empty() && record.year)
    title = hash(fold_key(record.title) + "|" + std::to_string(record.year));
  // Two records with different DOIs (or PMIDs) are different papers, whatever else agrees.
  const auto compatible = [&](std::uint32_t paper) {
    return (!doi || !paper_doi_[paper] || paper_doi_[paper] == doi) &&
           (!pmid || !paper_pmid_[paper] || paper_pmid_[paper] == pmid);
  };
  // Keys in the order of trust: a DOI match beats a PMID match beats a title match.
  std::pair<std::unordered_map<std::uint64_t, std::uint32_t>*, std::uint64_t> keys[] = {
      {&doi_papers_, doi}, {&pmid_papers_, pmid}, {&title_papers_, title}};
  std::uint32_t paper = fresh;
  for (const auto& [index, key] : keys) {
    if (!key) continue;
    const auto found = index->find(key);
    if (found != index->end() && compatible(found->second)) {
      paper = found->second;
      break;
    }
  }
  if (paper == fresh) {
    ++paper_count_;
    paper_doi_.push_back(0);
    paper_pmid_.push_back(0);
  }
  if (!paper_doi_[paper]) paper_doi_[paper] = doi;
  if (!paper_pmid_[paper]) paper_pmid_[paper] = pmid;
  // Every key of this record now leads to the paper, so a third source can match on any.
  for (const auto& [index, key] : keys)
    if (key) index->try_emplace(key, paper);
  return paper;
}

void CorpusBuilder::add(const Record& record) {
  std::vector<std::uint32_t> institutions;
  std::vector<std::uint32_t> countries;
  std::vector<std::uint32_t> keywords;
  identity_.add_paper(record.authors);
  for (const Author& author : record.authors)
    for (const std::string& affiliation : author.affiliations)
      add_affiliation(affiliation, institutions, countries);
  for (const std::string& address : record.addresses)
    add_affiliation(address, institutions, countries);
  add_keywords(record, keywords);
  record_paper_.push_back(find_or_register_paper(record));
  record_institutions_.push(institutions);
  record_countries_.push(countries);
  record_keywords_.push(keywords);
  record_info_.push_back(
      {paper_label(record), record.year, static_cast<std::uint32_t>(record.citations.value_or(0))});
}

Corpus CorpusBuilder::finish() {
  identity_.resolve();
  Corpus corpus;
  const std::size_t records = record_paper_.size();
  // Records grouped by paper (counting sort), so each paper's union is built in one place.
  std::vector<std::uint32_t> first(paper_count_ + 1, 0);
  for (std::uint32_t paper : record_paper_) ++first[paper + 1];
  for (std::size_t p = 0; p < paper_count_; ++p) first[p + 1] += first[p];
  std::vector<std::uint32_t> by_paper(records);
  std::vector<std::uint32_t> fill(first.begin(), first.end() - 1);
  for (std::uint32_t r = 0; r < records; ++r) by_paper[fill[record_paper_[r]]++] = r;

  std::vector<std::uint32_t> ids;
  const auto union_of = [&](std::span<const std::uint32_t> group, const auto& list_of) {
    ids.clear();
    for (std::uint32_t r : group)
      for (std::uint32_t id : list_of(r))
        if (id != AuthorIdentity::kDropped) push_distinct(ids, id);
    return std::span<const std::uint32_t>(ids);
  };
  corpus.papers.reserve(paper_count_);
  for (std::uint32_t p = 0; p < paper_count_; ++p) {
    const std::span<const std::uint32_t> group(by_paper.data() + first[p], first[p + 1] - first[p]);
    corpus.authors.push(union_of(group, [&](std::uint32_t r) { return identity_.people_of_paper(r); }));
    corpus.institutions.push(union_of(group, [&](std::uint32_t r) { return record_institutions_[r]; }));
    corpus.countries.push(union_of(group, [&](std::uint32_t r) { return record_countries_[r]; }));
    corpus.keywords.push(union_of(group, [&](std::uint32_t r) { return record_keywords_[r]; }));
    PaperInfo info = record_info_[group.front()];
    for (std::uint32_t r : group.subspan(1)) {
      if (!info.year) info.year = record_info_[r].year;
      info.citations = std::max(info.citations, record_info_[r].citations);
    }
    corpus.papers.push_back(std::move(info));
  }
  corpus.duplicates_merged = records - paper_count_;
  for (std::uint32_t r = 0; r < records; ++r) corpus.record_authors.push(identity_.people_of_paper(r));
  corpus.record_paper = std::move(record_paper_);
  corpus.author_labels.reserve(identity_.person_count());
  for (std::uint32_t person = 0; person < identity_.person_count(); ++person)
    corpus.author_labels.push_back(identity_.label(person));
  corpus.institution_labels = institutions_.labels();
  corpus.country_labels = countries_.labels();
  corpus.keyword_labels = keywords_.labels();
  return corpus;
}

std::string doi_key(std::string_view doi) {
  std::string key;
  for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                  "http://dx.doi.org/", "doi:"})
    if (doi.size() >= prefix.size() && fold_key(doi.substr(0, prefix.size())) == fold_key(prefix)) {
      doi.remove_prefix(prefix.size());
      break;
    }
  key.reserve(doi.size());
  for (char c : doi)
    if (c != ' ') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

std::string paper_label(const Record& record, std::size_t max_title_chars) {
  std::string label;
  if (!record.authors.empty()) {
    const Author& first = record.authors.front();
    label = display_form(first.surname.empty() ? first.as_printed : first.surname);
  } else {
    label = "Anonymous";
  }
  if (record.year) label += " " + std::to_string(record.year);
  std::string_view title = record.title;
  if (title.size() > max_title_chars) {
    std::size_t cut = title.rfind(' ', max_title_chars);
    if (cut == std::string_view::npos || cut < max_title_chars / 2) cut = max_title_chars;
    // Never cut inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
    label += " " + std::string(title.substr(0, cut)) + "…";
  } else if (!title.empty()) {
    label += " " + std::string(title);
  }
  return label;
}

}  // namespace citenet
