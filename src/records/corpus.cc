#include "records/corpus.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <future>

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

// 0 stands for "no key"; a real key hashing to 0 is moved to 1.
std::uint64_t key_hash(std::string_view key) {
  if (key.empty()) return 0;
  const std::uint64_t h = std::hash<std::string_view>{}(key);
  return h ? h : 1;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_year(std::string_view s) {
  return s.size() == 4 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// fold_key() without its spaces: "ARNAUD JA", "Arnaud J. A." -> "arnaudja".
std::string author_key(std::string_view author) {
  std::string key = fold_key(author);
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  return key;
}

// The first "10.<digits>/<suffix>" in the text, cut at a space, comma, ']' or ';' and
// stripped of a trailing '.'; "" when there is none.
std::string_view find_doi(std::string_view text) {
  for (std::size_t at = text.find("10."); at != std::string_view::npos;
       at = text.find("10.", at + 1)) {
    if (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1]))) continue;
    std::size_t i = at + 3;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == at + 3 || i >= text.size() || text[i] != '/') continue;
    std::size_t end = i + 1;
    while (end < text.size() && text[end] != ' ' && text[end] != ',' && text[end] != ']' &&
           text[end] != ';')
      ++end;
    std::string_view doi = text.substr(at, end - at);
    const auto unbalanced = [&] {
      return std::count(doi.begin(), doi.end(), ')') > std::count(doi.begin(), doi.end(), '(');
    };
    while (!doi.empty() && (doi.back() == '.' || (doi.back() == ')' && unbalanced())))
      doi.remove_suffix(1);
    if (doi.size() > i + 1 - at) return doi;
  }
  return {};
}

}  // namespace

std::uint32_t CorpusBuilder::EntityTable::intern(const std::string& key, std::string_view printed,
                                                 bool verbatim, std::uint32_t* form_index) {
  auto [it, inserted] = ids_.try_emplace(key, static_cast<std::uint32_t>(entities_.size()));
  if (inserted) entities_.emplace_back();
  entities_[it->second].verbatim |= verbatim;
  auto& forms = entities_[it->second].forms;
  auto form =
      std::find_if(forms.begin(), forms.end(), [&](const auto& f) { return f.first == printed; });
  if (form == forms.end()) {
    forms.emplace_back(std::string(printed), 1);
    form = forms.end() - 1;
  } else {
    ++form->second;
  }
  if (form_index) *form_index = static_cast<std::uint32_t>(form - forms.begin());
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
    labels.push_back(e.verbatim ? best->first : display_form(best->first));
  }
  return labels;
}

CorpusBuilder::CorpusBuilder(CorpusOptions options)
    : options_(options), identity_(options.author_key, options.thesaurus, &affiliations_) {}

void CorpusBuilder::reserve(std::size_t records) {
  // Per record, about what MEDLINE exports carry: 6 to 7 author slots, each with an
  // affiliation, 4 to 5 institutions and up to 4 countries. Distinct author forms: one per
  // record at most in large corpora (0.62 at a million synthetic records).
  constexpr std::size_t kSlotsPerRecord = 8;
  constexpr std::size_t kInstitutionsPerRecord = 6;
  constexpr std::size_t kCountriesPerRecord = 5;
  identity_.reserve(records, records * kSlotsPerRecord, records);
  record_paper_.reserve(record_paper_.size() + records);
  record_info_.reserve(record_info_.size() + records);
  record_institutions_.reserve(records, records * kInstitutionsPerRecord);
  record_countries_.reserve(records, records * kCountriesPerRecord);
  record_slot_institutions_.reserve(records, records * kSlotsPerRecord);
  if (options_.keywords != KeywordSource::none) record_keywords_.reserve(records, records * 8);
  paper_doi_.reserve(paper_doi_.size() + records);
  paper_pmid_.reserve(paper_pmid_.size() + records);
  paper_database_id_.reserve(paper_database_id_.size() + records);
  // The paper-key tables take a key of nearly every record. Grown by doubling, each step
  // rehashes into fresh pages on the thread every record waits for (at a million records,
  // perf counted 0.38 s of page faults under these tables). A table reserved too large
  // costs 16 bytes a slot.
  if (options_.merge_duplicates) {
    doi_papers_.reserve(doi_papers_.size() + records);
    pmid_papers_.reserve(pmid_papers_.size() + records);
    title_papers_.reserve(title_papers_.size() + records);
  }
}

std::uint32_t CorpusBuilder::intern(EntityTable& table, ThesaurusKind kind, const std::string& key,
                                    std::string_view printed, std::uint32_t* form_index) {
  if (options_.thesaurus) {
    if (const Thesaurus::Target* target = options_.thesaurus->find(kind, printed)) {
      if (target->label.empty()) return kNoEntity;
      return table.intern("\x01" + target->key, target->label, /*verbatim=*/true, form_index);
    }
  }
  return table.intern(key, printed, /*verbatim=*/false, form_index);
}

// An address seen before costs one cache lookup: its entity ids and printed-form indices
// are remembered in the cache entry, and counting the form again is all that is left.
void CorpusBuilder::add_affiliation(AffiliationParts& parts,
                                    std::vector<std::uint32_t>& institutions,
                                    std::vector<std::uint32_t>& countries) {
  if (parts.institution_entity == AffiliationParts::kUnset) {
    parts.institution_entity =
        parts.institution_key.empty()
            ? kNoEntity
            : intern(institutions_, ThesaurusKind::institution, parts.institution_key,
                     parts.institution, &parts.institution_form);
  } else if (parts.institution_entity != kNoEntity) {
    institutions_.count(parts.institution_entity, parts.institution_form);
  }
  if (parts.institution_entity != kNoEntity) push_distinct(institutions, parts.institution_entity);
  if (parts.country_entity == AffiliationParts::kUnset) {
    parts.country_entity = parts.country.empty()
                               ? kNoEntity
                               : intern(countries_, ThesaurusKind::country, parts.country,
                                        parts.country, &parts.country_form);
  } else if (parts.country_entity != kNoEntity) {
    countries_.count(parts.country_entity, parts.country_form);
  }
  if (parts.country_entity != kNoEntity) push_distinct(countries, parts.country_entity);
}

// After add_affiliation() set the entity ids of scratch_parts_ (every author's affiliations,
// author by author): each slot's own institutions, kNoEntity for a slot whose affiliations
// name none. Slots without affiliations are left out; finish() decides for them.
void CorpusBuilder::add_author_institutions(const RecordView& record) {
  auto& pairs = scratch_slot_institutions_;
  pairs.clear();
  std::size_t next = 0;
  for (std::uint32_t slot = 0; slot < record.authors.size(); ++slot) {
    const std::size_t affiliations = record.authors[slot].affiliations.size();
    if (affiliations == 0) continue;
    const std::size_t begin = pairs.size();
    for (std::size_t k = 0; k < affiliations; ++k) {
      const std::uint32_t institution = scratch_parts_[next++]->institution_entity;
      if (institution == kNoEntity) continue;
      if (std::find(pairs.begin() + static_cast<std::ptrdiff_t>(begin), pairs.end(),
                    std::pair{slot, institution}) == pairs.end())
        pairs.emplace_back(slot, institution);
    }
    if (pairs.size() == begin) pairs.emplace_back(slot, kNoEntity);
  }
  record_slot_institutions_.push(pairs);
}

// One paper's author-institution pairs from its records (`group`): each author's own
// institutions; for an author without affiliations of their own on any of the records, the
// paper's institution when it names exactly one. `people`: the paper's distinct persons;
// `institutions`: its distinct institutions.
void CorpusBuilder::author_institutions_of(std::span<const std::uint32_t> group,
                                           std::span<const std::uint32_t> people,
                                           std::span<const std::uint32_t> institutions,
                                           Corpus& corpus) {
  std::vector<AuthorInstitution>& pairs = scratch_pairs_;
  std::vector<std::uint32_t>& own = scratch_own_;  // persons with affiliations of their own
  pairs.clear();
  own.clear();
  for (std::uint32_t r : group) {
    const auto persons = identity_.people_of_paper(r);
    for (const auto& [slot, institution] : record_slot_institutions_[r]) {
      const std::uint32_t person = persons[slot];
      if (person == AuthorIdentity::kDropped) continue;
      own.push_back(person);
      if (institution != kNoEntity) pairs.push_back({person, institution});
    }
  }
  std::sort(own.begin(), own.end());
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  std::uint32_t unattributed = 0;
  if (!institutions.empty()) {
    const std::size_t attributed = pairs.size();
    for (const std::uint32_t person : people) {
      const auto end = pairs.begin() + static_cast<std::ptrdiff_t>(attributed);
      const auto first = std::lower_bound(pairs.begin(), end, AuthorInstitution{person, 0});
      if (first != end && first->person == person) continue;
      if (institutions.size() == 1 && !std::binary_search(own.begin(), own.end(), person))
        pairs.push_back({person, institutions.front()});
      else
        ++unattributed;
    }
    std::inplace_merge(pairs.begin(), pairs.begin() + static_cast<std::ptrdiff_t>(attributed),
                       pairs.end());
  }
  corpus.author_institutions.push(pairs);
  corpus.unattributed_authors.push_back(unattributed);
}

void CorpusBuilder::add_keywords(const RecordView& record, std::vector<std::uint32_t>& keywords) {
  const KeywordSource source = options_.keywords;
  if (source == KeywordSource::none) return;
  const auto add = [&](std::string_view text) {
    const std::string key = fold_key(text);
    if (key.empty()) return;
    const std::uint32_t id = intern(keywords_, ThesaurusKind::keyword, key, text);
    if (id != kNoEntity) push_distinct(keywords, id);
  };
  const bool explicit_wanted = source == KeywordSource::explicit_only ||
                               source == KeywordSource::all || source == KeywordSource::automatic;
  if (explicit_wanted)
    for (const KeywordView& k : record.keywords)
      if (k.origin != KeywordOrigin::extracted) add(k.text);
  const bool extract = source == KeywordSource::extracted || source == KeywordSource::all ||
                       (source == KeywordSource::automatic && keywords.empty());
  if (extract)
    for (const std::string& term : extract_terms(record.title, record.abstract)) add(term);
}

std::uint32_t CorpusBuilder::find_or_register_paper(const RecordKeys& keys) {
  const std::uint32_t fresh = paper_count_;
  if (!options_.merge_duplicates) return paper_count_++;
  const std::uint64_t doi = keys.doi;
  const std::uint64_t pmid = keys.pmid;
  const std::uint64_t database_id = keys.database_id;
  const std::uint64_t title = keys.title;
  // Two records with different DOIs, PMIDs or database ids are different papers, whatever
  // else agrees (four chapters titled after their proceedings volume, one title and year).
  const auto agree = [](std::uint64_t a, std::uint64_t b) { return !a || !b || a == b; };
  const auto compatible = [&](std::uint32_t paper) {
    return agree(doi, paper_doi_[paper]) && agree(pmid, paper_pmid_[paper]) &&
           agree(database_id, paper_database_id_[paper]);
  };
  // Keys in the order of trust: a DOI match beats a PMID match beats a title match.
  std::pair<absl::flat_hash_map<std::uint64_t, std::uint32_t>*, std::uint64_t> indexes[] = {
      {&doi_papers_, doi}, {&pmid_papers_, pmid}, {&title_papers_, title}};
  std::uint32_t paper = fresh;
  for (const auto& [index, key] : indexes) {
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
    paper_database_id_.push_back(0);
  }
  if (!paper_doi_[paper]) paper_doi_[paper] = doi;
  if (!paper_pmid_[paper]) paper_pmid_[paper] = pmid;
  if (!paper_database_id_[paper]) paper_database_id_[paper] = database_id;
  // Every key of this record now leads to the paper, so a third source can match on any.
  for (const auto& [index, key] : indexes)
    if (key) index->try_emplace(key, paper);
  return paper;
}

void prepare_keys(const RecordView& record, const CorpusOptions& options, RecordKeys& keys) {
  keys.authors.resize(options.thesaurus ? 0 : record.authors.size());
  for (std::size_t i = 0; i < keys.authors.size(); ++i)
    make_author_key(record.authors[i], options.author_key, keys.authors[i]);
  keys.affiliations.clear();
  const SwissStringHash hash;
  for (const AuthorView& author : record.authors)
    for (std::string_view affiliation : author.affiliations)
      keys.affiliations.push_back(hash(affiliation));
  for (std::string_view address : record.addresses) keys.affiliations.push_back(hash(address));
  keys.doi = keys.pmid = keys.database_id = keys.title = 0;
  // The keys are hashed, not kept: built in one buffer per thread, they cost no allocation.
  thread_local std::string key;
  const auto doi_hash = [&] {
    assign_doi_key(key, record.doi);
    return key_hash(key);
  };
  // The same DOI key serves duplicate detection and citation matching: hashed once.
  const std::uint64_t doi = options.merge_duplicates || options.references ? doi_hash() : 0;
  if (options.merge_duplicates) {
    keys.doi = doi;
    keys.pmid = key_hash(record.pmid);
    keys.database_id = key_hash(record.database_id);
    if (!record.title.empty() && record.year) {
      key.clear();
      append_fold_key(record.title, key);
      key += '|';
      key += std::to_string(record.year);
      keys.title = key_hash(key);
    }
  }
  keys.label = paper_label(record);
  keys.cited_as_doi = keys.cited_as_ays = 0;
  keys.references.clear();
  if (options.references) {
    keys.cited_as_doi = doi;
    if (!record.authors.empty() && record.year && !record.journal.empty()) {
      const AuthorView& first = record.authors.front();
      keys.cited_as_ays = key_hash(
          author_key(first.surname.empty() ? std::string(first.as_printed)
                                           : std::string(first.surname).append(first.initials)) +
          "|" + std::to_string(record.year) + "|" + fold_key(record.journal));
    }
    for (std::string_view reference : record.cited_references) {
      const ReferenceKeys found = reference_keys(reference);
      keys.references.push_back({key_hash(found.doi), key_hash(found.author_year_source)});
    }
  }
  keys.ready = true;
}

void prepare_keys(const Record& record, const CorpusOptions& options, RecordKeys& keys) {
  RecordView view;
  view_of(record, view);
  prepare_keys(view, options, keys);
}

void prepare_keys(Record& record, const CorpusOptions& options) {
  prepare_keys(record, options, record.keys);
}

void prepare_keys(RecordView& record, const CorpusOptions& options) {
  prepare_keys(record, options, record.keys);
}

void CorpusBuilder::add(const Record& record) {
  RecordView view;
  view_of(record, view);
  if (record.keys.ready) view.keys = record.keys;
  add(view);
}

void CorpusBuilder::add(const RecordView& record) { add_view(record, nullptr); }

void CorpusBuilder::add(RecordView& record) { add_view(record, &record.keys.label); }

void CorpusBuilder::add_view(const RecordView& record, std::string* label) {
  const RecordKeys* keys = &record.keys;
  // Keys prepared without references (other options) would leave the references unkeyed.
  if (!keys->ready ||
      (options_.references && keys->references.size() != record.cited_references.size())) {
    prepare_keys(record, options_, scratch_keys_);
    keys = &scratch_keys_;
  }
  std::vector<std::uint32_t>& institutions = scratch_institutions_;
  std::vector<std::uint32_t>& countries = scratch_countries_;
  std::vector<std::uint32_t>& keywords = scratch_keywords_;
  institutions.clear();
  countries.clear();
  keywords.clear();
  // The paper-key tables are looked up last: their slots load while the authors are added.
  if (options_.merge_duplicates) {
    if (keys->doi) doi_papers_.prefetch(keys->doi);
    if (keys->pmid) pmid_papers_.prefetch(keys->pmid);
    if (keys->title) title_papers_.prefetch(keys->title);
  }
  // Each address is looked up once, for author identity and for the record's entities: the
  // authors' affiliations in order, then the record's own addresses. Their cache slots are
  // all asked for first (see AuthorIdentity::add_paper).
  std::vector<PrehashedString>& addresses = scratch_addresses_;
  addresses.clear();
  for (const AuthorView& author : record.authors)
    for (std::string_view affiliation : author.affiliations)
      addresses.push_back({affiliation, keys->affiliations[addresses.size()]});
  const std::size_t author_affiliations = addresses.size();
  for (std::string_view address : record.addresses)
    addresses.push_back({address, keys->affiliations[addresses.size()]});
  affiliations_.make_room(addresses.size());
  for (const PrehashedString& address : addresses) affiliations_.prefetch(address);
  std::vector<AffiliationParts*>& parts = scratch_parts_;
  parts.clear();
  for (std::size_t i = 0; i < author_affiliations; ++i)
    parts.push_back(&affiliations_.parts(addresses[i]));
  identity_.add_paper(record.authors, parts, keys->authors);
  for (AffiliationParts* p : parts) add_affiliation(*p, institutions, countries);
  add_author_institutions(record);
  for (std::size_t i = author_affiliations; i < addresses.size(); ++i)
    add_affiliation(affiliations_.parts(addresses[i]), institutions, countries);
  add_keywords(record, keywords);
  if (options_.references) {
    std::vector<std::uint32_t> works;
    for (std::size_t i = 0; i < record.cited_references.size(); ++i) {
      const std::uint32_t work = intern_reference(record.cited_references[i], keys->references[i]);
      if (work != kNoWork) push_distinct(works, work);
    }
    record_references_.push(works);
    record_keys_.emplace_back(keys->cited_as_doi, keys->cited_as_ays);
  }
  record_paper_.push_back(find_or_register_paper(*keys));
  record_institutions_.push(institutions);
  record_countries_.push(countries);
  record_keywords_.push(keywords);
  // A million labels copied would be a million allocations on the thread every record waits for.
  record_info_.push_back({label && keys == &record.keys ? std::move(*label) : keys->label,
                          record.year, static_cast<std::uint32_t>(record.citations.value_or(0))});
}

// The cited work a paper is: the first of its records whose DOI, else author/year/source
// key, some reference in the corpus carries.
std::uint32_t CorpusBuilder::paper_work(std::span<const std::uint32_t> records) const {
  for (std::uint32_t r : records)
    if (const std::uint64_t doi = record_keys_[r].first) {
      const auto found = doi_works_.find(doi);
      if (found != doi_works_.end()) return found->second;
    }
  for (std::uint32_t r : records)
    if (const std::uint64_t ays = record_keys_[r].second) {
      const auto alias = ays_works_.find(ays);
      if (alias != ays_works_.end() && alias->second != kNoWork) return alias->second;
      const auto only = ays_only_works_.find(ays);
      if (only != ays_only_works_.end()) return only->second;
    }
  return kNoWork;
}

Corpus CorpusBuilder::finish() {
  // Who is who (resolve) is the longest step here and reads only the author forms; the
  // per-paper lists that name no person are built beside it.
  std::future<void> people;
  if (options_.threads != 1)
    people = std::async(std::launch::async, [this] { identity_.resolve(); });
  Corpus corpus;
  const std::size_t records = record_paper_.size();
  // Records grouped by paper (counting sort), so each paper's union is built in one place.
  std::vector<std::uint32_t> first(paper_count_ + 1, 0);
  for (std::uint32_t paper : record_paper_) ++first[paper + 1];
  for (std::size_t p = 0; p < paper_count_; ++p) first[p + 1] += first[p];
  std::vector<std::uint32_t> by_paper(records);
  std::vector<std::uint32_t> fill(first.begin(), first.end() - 1);
  for (std::uint32_t r = 0; r < records; ++r) by_paper[fill[record_paper_[r]]++] = r;
  const auto group_of = [&](std::uint32_t p) {
    return std::span<const std::uint32_t>(by_paper.data() + first[p], first[p + 1] - first[p]);
  };

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
    const std::span<const std::uint32_t> group = group_of(p);
    corpus.institutions.push(
        union_of(group, [&](std::uint32_t r) { return record_institutions_[r]; }));
    corpus.countries.push(union_of(group, [&](std::uint32_t r) { return record_countries_[r]; }));
    corpus.keywords.push(union_of(group, [&](std::uint32_t r) { return record_keywords_[r]; }));
    // finish() runs once, so the first record's label is taken rather than copied.
    PaperInfo info = std::move(record_info_[group.front()]);
    for (std::uint32_t r : group.subspan(1)) {
      if (!info.year) info.year = record_info_[r].year;
      info.citations = std::max(info.citations, record_info_[r].citations);
    }
    corpus.papers.push_back(std::move(info));
    if (options_.references) {
      corpus.references.push(
          union_of(group, [&](std::uint32_t r) { return record_references_[r]; }));
      corpus.paper_work.push_back(paper_work(group));
    }
  }
  if (people.valid()) {
    people.get();
  } else {
    identity_.resolve();
  }
  for (std::uint32_t p = 0; p < paper_count_; ++p) {
    const std::span<const std::uint32_t> group = group_of(p);
    corpus.authors.push(
        union_of(group, [&](std::uint32_t r) { return identity_.people_of_paper(r); }));
    author_institutions_of(group, corpus.authors[p], corpus.institutions[p], corpus);
  }
  corpus.duplicates_merged = records - paper_count_;
  for (std::uint32_t r = 0; r < records; ++r)
    corpus.record_authors.push(identity_.people_of_paper(r));
  corpus.record_paper = std::move(record_paper_);
  corpus.author_labels.reserve(identity_.person_count());
  for (std::uint32_t person = 0; person < identity_.person_count(); ++person)
    corpus.author_labels.push_back(identity_.label(person));
  corpus.institution_labels = institutions_.labels();
  corpus.country_labels = countries_.labels();
  corpus.keyword_labels = keywords_.labels();
  corpus.reference_labels = std::move(work_labels_);
  return corpus;
}

ReferenceKeys reference_keys(std::string_view reference) {
  ReferenceKeys keys;
  const std::string_view doi = find_doi(reference);
  if (!doi.empty()) keys.doi = doi_key(doi);
  // Fields of a WoS reference: author, year, source, V.., P.., DOI ...
  std::vector<std::string_view> fields;
  for (std::size_t start = 0; start <= reference.size();) {
    std::size_t comma = reference.find(',', start);
    if (comma == std::string_view::npos) comma = reference.size();
    fields.push_back(trim(reference.substr(start, comma - start)));
    start = comma + 1;
  }
  if (fields.size() >= 3 && is_year(fields[1]) && !fields[0].empty()) {
    keys.author_year_source =
        author_key(fields[0]) + "|" + std::string(fields[1]) + "|" + fold_key(fields[2]);
  } else {
    std::string text(reference);
    if (!doi.empty())
      text.erase(static_cast<std::size_t>(doi.data() - reference.data()), doi.size());
    keys.author_year_source = fold_key(text);
  }
  return keys;
}

std::uint32_t CorpusBuilder::intern_reference(std::string_view reference,
                                              const RecordKeys::Reference& keys) {
  const std::uint64_t doi = keys.doi;
  const std::uint64_t ays = keys.ays;
  if (!doi && !ays) return kNoWork;
  const auto fresh = [&] {
    work_labels_.emplace_back(trim(reference));
    work_has_doi_.push_back(false);
    return static_cast<std::uint32_t>(work_labels_.size() - 1);
  };
  if (doi) {
    std::uint32_t id = kNoWork;
    if (const auto found = doi_works_.find(doi); found != doi_works_.end()) {
      id = found->second;
    } else {
      // A DOI-less reference with this key came first: it named this work.
      if (const auto alias = ays ? ays_works_.find(ays) : ays_works_.end();
          alias != ays_works_.end() && alias->second != kNoWork && !work_has_doi_[alias->second])
        id = alias->second;
      if (id == kNoWork) id = fresh();
      work_has_doi_[id] = true;
      doi_works_.emplace(doi, id);
    }
    if (ays) {
      auto [alias, added] = ays_works_.try_emplace(ays, id);
      if (!added && alias->second != id) alias->second = kNoWork;  // two DOIs: ambiguous
    }
    return id;
  }
  const auto alias = ays_works_.find(ays);
  if (alias != ays_works_.end() && alias->second != kNoWork) return alias->second;
  auto [it, added] = ays_only_works_.try_emplace(ays, 0);
  if (added) {
    it->second = fresh();
    ays_works_.try_emplace(ays, it->second);
  }
  return it->second;
}

void assign_doi_key(std::string& out, std::string_view doi) {
  assign_clean_doi(out, doi);
  std::erase(out, ' ');
}

std::string doi_key(std::string_view doi) {
  std::string key;
  assign_doi_key(key, doi);
  return key;
}

std::string paper_label(const Record& record, std::size_t max_title_chars) {
  RecordView view;
  view_of(record, view);
  return paper_label(view, max_title_chars);
}

std::string paper_label(const RecordView& record, std::size_t max_title_chars) {
  std::string label;
  if (!record.authors.empty()) {
    const AuthorView& first = record.authors.front();
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
