#include "records/corpus.h"

#include <algorithm>

#include "records/affiliations.h"
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

void push_distinct(std::vector<std::uint32_t>& ids, std::uint32_t id) {
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
}

}  // namespace

void IdLists::push(std::span<const std::uint32_t> ids) {
  ids_.insert(ids_.end(), ids.begin(), ids.end());
  offsets_.push_back(static_cast<std::uint32_t>(ids_.size()));
}

std::uint32_t CorpusBuilder::EntityTable::intern(const std::string& key, std::string_view printed) {
  auto [it, inserted] = ids_.try_emplace(key, static_cast<std::uint32_t>(entities_.size()));
  if (inserted) entities_.emplace_back();
  auto& forms = entities_[it->second].forms;
  auto form =
      std::find_if(forms.begin(), forms.end(), [&](const auto& f) { return f.first == printed; });
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
      const bool tie_better =
          f->second == best->second && is_upper_case(best->first) && !is_upper_case(f->first);
      if (more || tie_better) best = f;
    }
    labels.push_back(display_form(best->first));
  }
  return labels;
}

void CorpusBuilder::add(const Record& record) {
  std::vector<std::uint32_t> forms;
  std::vector<std::uint32_t> institutions;
  std::vector<std::uint32_t> countries;
  forms.reserve(record.authors.size());
  for (const Author& author : record.authors) {
    forms.push_back(identity_.add(author));
    for (const std::string& affiliation : author.affiliations) {
      const std::string institution = extract_institution(affiliation);
      if (!institution.empty()) {
        const std::string key = institution_key(institution);
        if (!key.empty()) push_distinct(institutions, institutions_.intern(key, institution));
      }
      const std::string country = extract_country(affiliation);
      if (!country.empty()) push_distinct(countries, countries_.intern(country, country));
    }
  }
  author_forms_.push(forms);
  corpus_.institutions.push(institutions);
  corpus_.countries.push(countries);
  corpus_.papers.push_back(
      {paper_label(record), record.year, static_cast<std::uint32_t>(record.citations.value_or(0))});
}

Corpus CorpusBuilder::finish() {
  identity_.resolve();
  // Slots keep their order (readers of the corpus align them with the record's authors);
  // the same person twice on one paper is folded by the network builder.
  for (std::uint32_t& form : author_forms_.mutable_ids()) form = identity_.person_of(form);
  corpus_.authors = std::move(author_forms_);
  corpus_.author_labels.reserve(identity_.person_count());
  for (std::uint32_t person = 0; person < identity_.person_count(); ++person)
    corpus_.author_labels.push_back(identity_.label(person));
  corpus_.institution_labels = institutions_.labels();
  corpus_.country_labels = countries_.labels();
  return std::move(corpus_);
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
