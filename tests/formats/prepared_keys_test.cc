// Keys worked out on the parsing threads (ReadOptions::prepare with prepare_keys()) must
// give the corpus the builder gives when it works them out itself, on real exports.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "formats/input.h"
#include "records/corpus.h"

namespace citenet {
namespace {

const std::string kCorpora = std::string(CITENET_TEST_DATA) + "/corpora/";

Corpus read_corpus(const std::string& path, const CorpusOptions& options, bool prepared,
                   unsigned threads) {
  CorpusBuilder builder(options);
  ReadOptions read;
  read.threads = threads;
  read.chunk_bytes = 64 << 10;  // several chunks even for the small test files
  if (prepared) read.prepare = [&](RecordView& record) { prepare_keys(record, options); };
  std::size_t ready = 0;
  ReadStats stats;
  std::string error;
  EXPECT_TRUE(read_input_views(
      path,
      [&](RecordView& record) {
        ready += record.keys.ready;
        builder.add(record);
      },
      stats, &error, "", read))
      << error;
  EXPECT_EQ(ready, prepared ? stats.records_read : 0u) << path;
  return builder.finish();
}

template <class T>
std::vector<std::vector<T>> lists(const FlatLists<T>& flat) {
  std::vector<std::vector<T>> out;
  for (std::size_t i = 0; i < flat.size(); ++i) out.emplace_back(flat[i].begin(), flat[i].end());
  return out;
}

void expect_same(const Corpus& a, const Corpus& b, const std::string& what) {
  ASSERT_EQ(a.papers.size(), b.papers.size()) << what;
  for (std::size_t p = 0; p < a.papers.size(); ++p) {
    EXPECT_EQ(a.papers[p].label, b.papers[p].label) << what;
    EXPECT_EQ(a.papers[p].year, b.papers[p].year) << what;
  }
  EXPECT_EQ(lists(a.authors), lists(b.authors)) << what;
  EXPECT_EQ(lists(a.institutions), lists(b.institutions)) << what;
  EXPECT_EQ(lists(a.countries), lists(b.countries)) << what;
  EXPECT_EQ(lists(a.author_institutions), lists(b.author_institutions)) << what;
  EXPECT_EQ(a.author_labels, b.author_labels) << what;
  EXPECT_EQ(a.institution_labels, b.institution_labels) << what;
  EXPECT_EQ(a.country_labels, b.country_labels) << what;
  EXPECT_EQ(a.record_paper, b.record_paper) << what;
  EXPECT_EQ(a.duplicates_merged, b.duplicates_merged) << what;
  EXPECT_EQ(lists(a.references), lists(b.references)) << what;
  EXPECT_EQ(a.reference_labels, b.reference_labels) << what;
  EXPECT_EQ(a.paper_work, b.paper_work) << what;
}

TEST(PreparedKeys, GiveTheSameCorpusAsKeysWorkedOutByTheBuilder) {
  const char* files[] = {"medline/pybibx-pubmed-part1.txt", "wos/metaknowledge-ManyAuthors.isi",
                         "scopus/litstudy-scopus.csv", "bibtex/pybibx-wos_m.bib"};
  for (const char* file : files) {
    for (const AuthorKeyMode mode : {AuthorKeyMode::smart, AuthorKeyMode::full,
                                     AuthorKeyMode::initials, AuthorKeyMode::initial}) {
      CorpusOptions options;
      options.author_key = mode;
      const std::string what = std::string(file) + " mode " + std::to_string(int(mode));
      const Corpus builder_keys = read_corpus(kCorpora + file, options, false, 1);
      ASSERT_GT(builder_keys.author_labels.size(), 50u) << what;
      expect_same(builder_keys, read_corpus(kCorpora + file, options, true, 1), what);
      expect_same(builder_keys, read_corpus(kCorpora + file, options, true, 3), what + " threads");
    }
  }
}

// Citation kinds key every cited reference and each record's own DOI and author/year/source
// on the parsing threads as well.
TEST(PreparedKeys, CitedReferencesResolveAsWhenTheBuilderKeysThem) {
  const char* files[] = {"wos/metaknowledge-ManyAuthors.isi", "scopus/litstudy-scopus.csv"};
  for (const char* file : files) {
    CorpusOptions options;
    options.references = true;
    const Corpus builder_keys = read_corpus(kCorpora + file, options, false, 1);
    ASSERT_GT(builder_keys.reference_labels.size(), 100u) << file;
    expect_same(builder_keys, read_corpus(kCorpora + file, options, true, 1), file);
    expect_same(builder_keys, read_corpus(kCorpora + file, options, true, 3), file);
  }
}

// Without duplicate merging the paper keys are not needed and every record is a paper.
TEST(PreparedKeys, KeepDuplicatesGivesOnePaperPerRecord) {
  CorpusOptions options;
  options.merge_duplicates = false;
  const std::string path = kCorpora + "medline/pybibx-pubmed-part1.txt";
  const Corpus corpus = read_corpus(path, options, true, 2);
  EXPECT_EQ(corpus.papers.size(), corpus.record_paper.size());
  expect_same(read_corpus(path, options, false, 1), corpus, "keep duplicates");
}

}  // namespace
}  // namespace citenet
