#include "formats/chunked_input.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "formats/input.h"
#include "formats/listing_reader.h"
#include "formats/medline_reader.h"
#include "formats/wos_reader.h"
#include "records/corpus.h"
#include "records/text.h"
#include "tests/formats/reader_test_support.h"

namespace citenet {
namespace {

using testing_support::ReadFunction;
using testing_support::ReadResult;
using testing_support::slurp;

const std::string kCorpora = std::string(CITENET_TEST_DATA) + "/corpora/";

const ChunkedFormat kMedline{next_medline_record, read_medline_chunk, medline_format_error};
const ChunkedFormat kWos{next_wos_record, read_record_chunk<read_wos_chunk>, wos_format_error};
const ChunkedFormat kListing{next_listing_record, read_record_chunk<read_listing_chunk>,
                             listing_format_error};

// Every field of a record, so two reads can be compared whole.
std::string dump(const Record& r) {
  std::ostringstream out;
  const auto date = [&](const Date& d) { out << d.year << '-' << d.month << '-' << d.day << '|'; };
  out << r.source << '|' << r.line << '|' << r.format << '|' << r.number << '|';
  for (const Author& a : r.authors) {
    out << "A:" << a.as_printed << '/' << a.surname << '/' << a.given << '/' << a.initials << '/'
        << a.full_name << '/' << a.orcid << '/' << a.scopus_id;
    for (const std::string& s : a.affiliations) out << "/@" << s;
    out << '|';
  }
  for (const std::string& s : r.addresses) out << "AD:" << s << '|';
  out << r.title << '|' << r.journal << '|' << r.year << '|' << r.volume << '|' << r.pages << '|'
      << r.doi << '|' << r.pmid << '|' << r.pmcid << '|' << r.database_id << '|' << r.issue << '|'
      << r.document_type << '|' << r.language << '|' << r.citations.value_or(-1) << '|'
      << r.impact_index.value_or(-1) << '|' << r.open_access << '|' << r.abstract << '|';
  date(r.received), date(r.revised), date(r.accepted), date(r.indexed), date(r.published);
  for (const Keyword& k : r.keywords) out << "K:" << k.text << static_cast<int>(k.origin) << '|';
  for (const std::string& s : r.cited_references) out << "CR:" << s << '|';
  return out.str();
}

std::vector<std::string> dump_all(const ReadResult& result) {
  std::vector<std::string> out;
  for (const Record& r : result.records) out.push_back(dump(r));
  return out;
}

ReadResult read_in_chunks(const ChunkedFormat& format, const std::string& text,
                          std::size_t chunk_bytes, unsigned threads,
                          const std::string& source = "mem.txt") {
  ReadResult result;
  ChunkedReadOptions options;
  options.chunk_bytes = chunk_bytes;
  options.threads = threads;
  result.ok = read_chunked(
      text, source, format, [&](RecordView& r) { result.records.push_back(to_record(r)); },
      result.stats, &result.error, options);
  return result;
}

// Chunked reading must give exactly what the streaming reader gives: records, warnings
// with their line and record numbers, the error.
void expect_same_as_streaming(ReadFunction read, const ChunkedFormat& format,
                              const std::string& text, const std::string& what) {
  const ReadResult streamed = testing_support::read_text(read, text, "mem.txt");
  for (std::size_t bytes : {std::size_t{1}, std::size_t{7}, std::size_t{300}, std::size_t{4096},
                            std::size_t{1} << 22}) {
    for (unsigned threads : {1u, 4u}) {
      SCOPED_TRACE(what + ", chunks of " + std::to_string(bytes) + " bytes, " +
                   std::to_string(threads) + " threads");
      const ReadResult chunked = read_in_chunks(format, text, bytes, threads);
      EXPECT_EQ(chunked.ok, streamed.ok);
      EXPECT_EQ(chunked.error, streamed.error);
      EXPECT_EQ(chunked.stats.records_read, streamed.stats.records_read);
      EXPECT_EQ(chunked.stats.records_skipped, streamed.stats.records_skipped);
      EXPECT_EQ(chunked.warnings(), streamed.warnings());
      EXPECT_EQ(dump_all(chunked), dump_all(streamed));
    }
  }
}

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ChunkedInputTest, MedlineCorporaReadAsWhenStreamed) {
  std::string all;
  for (const std::string& path : files_in(kCorpora + "medline")) {
    expect_same_as_streaming(read_medline, kMedline, slurp(path), path);
    all += slurp(path) + "\n";
  }
  expect_same_as_streaming(read_medline, kMedline, all, "all MEDLINE files in one");
}

TEST(ChunkedInputTest, WosCorporaReadAsWhenStreamed) {
  std::string all;
  for (const std::string& path : files_in(kCorpora + "wos")) {
    expect_same_as_streaming(read_wos, kWos, slurp(path), path);
    all += slurp(path);
  }
  expect_same_as_streaming(read_wos, kWos, all, "all WoS files in one");
}

TEST(ChunkedInputTest, ListingFilesReadAsWhenStreamed) {
  const std::string sample = slurp(std::string(CITENET_SAMPLES) + "/integrated-care-listing.txt");
  expect_same_as_streaming(read_listing, kListing, sample, "the sample");
  for (const std::string& path : files_in(std::string(CITENET_TEST_DATA) + "/listing"))
    expect_same_as_streaming(read_listing, kListing, slurp(path), path);
}

const std::string kTwoRecords =
    "PMID- 1\nTI  - First title.\nFAU - Smith, John\nAU  - Smith J\n\n"
    "PMID- 2\nTI  - Second\n      title.\nFAU - Doe, Jane\nAU  - Doe J\nXX junk\n";

TEST(ChunkedInputTest, RecordStraddlingACutIsReadWholeWithItsLineNumbers) {
  // A cut wanted inside record 1 moves to the next "PMID- ": record 1 stays whole.
  for (std::size_t bytes = 1; bytes < kTwoRecords.size(); ++bytes) {
    const ReadResult r = read_in_chunks(kMedline, kTwoRecords, bytes, 2);
    ASSERT_EQ(r.records.size(), 2u) << bytes;
    EXPECT_EQ(r.records[0].title, "First title");
    EXPECT_EQ(r.records[0].line, 1u);
    EXPECT_EQ(r.records[1].title, "Second title");
    EXPECT_EQ(r.records[1].line, 6u);
    EXPECT_EQ(r.warnings(),
              std::vector<std::string>{"mem.txt:11: record 2: unexpected line, ignored"});
  }
}

TEST(ChunkedInputTest, CutsFallOnlyAtRecordStarts) {
  EXPECT_EQ(next_medline_record(kTwoRecords, 0), 0u);
  EXPECT_EQ(next_medline_record(kTwoRecords, 1), kTwoRecords.find("PMID- 2"));
  EXPECT_EQ(next_medline_record(kTwoRecords, kTwoRecords.find("PMID- 2") + 1), kTwoRecords.size());
  // "PMID-x" is not a tag line, so no record starts there.
  EXPECT_EQ(next_medline_record("TI  - a\nPMID-x\n", 0), 15u);
  const std::string wos = "FN Clarivate\nVR 1.0\nPT J\nTI A\nER\n\nPT J\nTI B\nER\nEF\n";
  EXPECT_EQ(next_wos_record(wos, 0), wos.find("PT J\nTI B"));
  EXPECT_EQ(next_listing_record("1\n|\ncitation\n 12 \n|\n", 1), 13u);
}

TEST(ChunkedInputTest, TextBeforeTheFirstRecordIsReportedOnce) {
  const std::string text = std::string(5000, 'x') + "\n" + kTwoRecords;
  expect_same_as_streaming(read_medline, kMedline, text, "junk first");
  const ReadResult r = read_in_chunks(kMedline, text, 10, 4);
  ASSERT_FALSE(r.warnings().empty());
  EXPECT_EQ(r.warnings().front(), "mem.txt:1: text outside any record, ignored");
}

TEST(ChunkedInputTest, NoRecordGivesTheReadersError) {
  const ReadResult r = read_in_chunks(kMedline, "\n\nhello\nworld\n", 1, 4);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "mem.txt:3: not a MEDLINE file (no \"PMID- \" line)");
}

TEST(ChunkedInputTest, ExceptionInTheSinkStopsTheWorkers) {
  std::string text;
  for (int i = 1; i <= 200; ++i)
    text += "PMID- " + std::to_string(i) + "\nTI  - Title " + std::to_string(i) + ".\n\n";
  ReadStats stats;
  std::string error;
  ChunkedReadOptions options;
  options.chunk_bytes = 16;
  options.threads = 3;
  int seen = 0;
  EXPECT_THROW(read_chunked(
                   text, "mem.txt", kMedline,
                   [&](RecordView&) {
                     if (++seen == 50) throw std::runtime_error("stop");
                   },
                   stats, &error, options),
               std::runtime_error);
  EXPECT_EQ(seen, 50);
}

// Fields the view reader cannot leave in their line (continuation lines joined, names
// rebuilt, early AD lines moved to the first author, a DOI lower-cased, an ORCID's 'x') go
// to the chunk's arena; they must survive chunk cuts anywhere and threads parsing ahead.
const std::string kJoinedFields =
    "PMID- 7\n"
    "TI  - A title that spans\n"
    "      two lines.\n"
    "AD  - Early Dept, Univ A,\n"
    "      Paris, France.\n"
    "AD  - Early Lab, Univ B, Berlin, Germany.\n"
    "FAU - van der  Berg, Jan  Peter\n"
    "AU  - van der Berg JP\n"
    "AD  - Univ C, Rome, Italy.\n"
    "AUID- ORCID: https://orcid.org/0000-0002-1825-009x\n"
    "FAU - Cruz,Maria Jose Jr\n"
    "AD  - Univ C, Rome, Italy.\n"
    "CN  - The Group\n"
    "AD  - Univ C, Rome, Italy.\n"
    "AD  - Group Office, London, UK.\n"
    "AU  - de  Hoon MJ\n"
    "LID - https://doi.org/10.1000/ABC [doi]\n"
    "PT  -\n"
    "PT  - Journal Article\n"
    "PT  - Review\n"
    "LA  - eng\n"
    "AB  - First part\n"
    "      continued.\n"
    "AB  - Second part.\n"
    "\n"
    "PMID- 8\n"
    "TI  - Second.\n"
    "AD  - Alone, Tokyo, Japan.\n"
    "LID - 10.1/lower [doi]\n";

TEST(ChunkedInputTest, TextJoinedOrRebuiltReadsAsWhenStreamed) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += kJoinedFields + "\n";
  expect_same_as_streaming(read_medline, kMedline, text, "joined fields");
  const ReadResult r = read_in_chunks(kMedline, kJoinedFields, 1, 4);
  ASSERT_EQ(r.records.size(), 2u);
  const Record& first = r.records[0];
  EXPECT_EQ(first.title, "A title that spans two lines");
  ASSERT_EQ(first.authors.size(), 3u);
  EXPECT_EQ(
      first.authors[0].affiliations,
      (std::vector<std::string>{"Early Dept, Univ A, Paris, France.",
                                "Early Lab, Univ B, Berlin, Germany.", "Univ C, Rome, Italy."}));
  EXPECT_EQ(first.authors[0].surname, "van der  Berg");
  EXPECT_EQ(first.authors[0].given, "Jan Peter");
  EXPECT_EQ(first.authors[0].full_name, "Jan Peter van der  Berg");
  EXPECT_EQ(first.authors[0].initials, "JP");
  EXPECT_EQ(first.authors[0].orcid, "0000-0002-1825-009X");
  EXPECT_EQ(first.authors[1].given, "Maria Jose");
  EXPECT_EQ(first.authors[1].affiliations, std::vector<std::string>{"Univ C, Rome, Italy."});
  EXPECT_EQ(first.authors[2].surname, "de Hoon");
  EXPECT_EQ(first.addresses, std::vector<std::string>{"Group Office, London, UK."});
  EXPECT_EQ(first.doi, "10.1000/abc");
  EXPECT_EQ(first.document_type, "Journal Article; Review");
  EXPECT_EQ(first.language, "eng");
  EXPECT_EQ(first.abstract, "First part continued. Second part.");
  EXPECT_EQ(r.records[1].addresses, std::vector<std::string>{"Alone, Tokyo, Japan."});
  EXPECT_EQ(r.records[1].doi, "10.1/lower");
}

// Records a reader built as Records are viewed where they are kept: adding more must not
// move them (a short string lives inside its Record).
TEST(ChunkedInputTest, KeptRecordsStayWhereTheirViewsSawThem) {
  ChunkRecords records;
  for (int round = 0; round < 2; ++round) {
    records.reuse();
    for (int i = 0; i < 300; ++i) {
      Record record;
      record.title = "t" + std::to_string(i);
      record.authors.emplace_back().affiliations = {"a" + std::to_string(i)};
      records.keep(std::move(record));
    }
    ASSERT_EQ(records.kept().size(), 300u);
    for (int i = 0; i < 300; ++i) {
      const RecordView& view = records.kept()[i];
      EXPECT_EQ(view.title, "t" + std::to_string(i));
      ASSERT_EQ(view.authors.size(), 1u);
      ASSERT_EQ(view.authors[0].affiliations.size(), 1u);
      EXPECT_EQ(view.authors[0].affiliations[0], "a" + std::to_string(i));
    }
  }
}

// ---------------------------------------------------------------- through read_input

class TempFile {
 public:
  TempFile(const std::string& name, const std::string& text)
      : path_((std::filesystem::temp_directory_path() / name).string()) {
    std::ofstream(path_, std::ios::binary) << text;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A few thousand records with every feature the corpora have (duplicates included).
std::string big_medline() {
  std::string one;
  for (const std::string& path : files_in(kCorpora + "medline")) one += slurp(path) + "\n";
  std::string all;
  for (int i = 0; i < 6; ++i) all += one;
  return all;
}

ReadResult read_file_with(const std::string& path, unsigned threads, std::size_t chunk_bytes) {
  ReadResult result;
  ReadOptions options;
  options.threads = threads;
  options.chunk_bytes = chunk_bytes;
  result.ok = read_input(
      path, [&](Record&& r) { result.records.push_back(std::move(r)); }, result.stats,
      &result.error, "", options);
  return result;
}

TEST(ChunkedInputTest, ThreadCountDoesNotChangeRecordsOrWarnings) {
  const TempFile file("citenet-chunked-test.nbib", big_medline() + "PMID- 9\nTI  - \xFF bad.\n");
  const ReadResult one = read_file_with(file.path(), 1, std::size_t{4} << 20);
  ASSERT_TRUE(one.ok) << one.error;
  ASSERT_GT(one.records.size(), 2000u);
  for (std::size_t bytes : {std::size_t{100}, std::size_t{5000}, std::size_t{4} << 20}) {
    const ReadResult four = read_file_with(file.path(), 4, bytes);
    EXPECT_EQ(four.warnings(), one.warnings()) << bytes;
    EXPECT_EQ(dump_all(four), dump_all(one)) << bytes;
  }
  EXPECT_EQ(one.warnings().back(), file.path() + ":" + std::to_string(one.records.back().line) +
                                       ": invalid UTF-8 replaced by U+FFFD");
}

Corpus corpus_of(const std::string& path, unsigned threads, std::size_t chunk_bytes) {
  CorpusOptions options;
  options.keywords = KeywordSource::all;
  options.references = true;
  CorpusBuilder builder(options);
  ReadStats stats;
  std::string error;
  ReadOptions read;
  read.threads = threads;
  read.chunk_bytes = chunk_bytes;
  EXPECT_TRUE(read_input_views(
      path, [&](RecordView& r) { builder.add(r); }, stats, &error, "", read));
  return builder.finish();
}

template <class Lists>
std::vector<std::vector<std::uint32_t>> lists(const Lists& l) {
  std::vector<std::vector<std::uint32_t>> out;
  for (std::size_t i = 0; i < l.size(); ++i) out.emplace_back(l[i].begin(), l[i].end());
  return out;
}

TEST(ChunkedInputTest, ThreadCountDoesNotChangeTheCorpus) {
  const TempFile file("citenet-chunked-corpus.nbib", big_medline());
  const Corpus one = corpus_of(file.path(), 1, std::size_t{4} << 20);
  const Corpus four = corpus_of(file.path(), 4, 3000);
  EXPECT_EQ(four.papers.size(), one.papers.size());
  EXPECT_EQ(four.duplicates_merged, one.duplicates_merged);
  EXPECT_EQ(four.author_labels, one.author_labels);
  EXPECT_EQ(four.institution_labels, one.institution_labels);
  EXPECT_EQ(four.country_labels, one.country_labels);
  EXPECT_EQ(four.keyword_labels, one.keyword_labels);
  EXPECT_EQ(four.record_paper, one.record_paper);
  EXPECT_EQ(lists(four.authors), lists(one.authors));
  EXPECT_EQ(lists(four.record_authors), lists(one.record_authors));
  EXPECT_EQ(lists(four.institutions), lists(one.institutions));
  EXPECT_EQ(lists(four.countries), lists(one.countries));
  EXPECT_EQ(lists(four.keywords), lists(one.keywords));
  ASSERT_EQ(four.author_institutions.size(), one.author_institutions.size());
  for (std::size_t p = 0; p < one.author_institutions.size(); ++p)
    EXPECT_TRUE(std::ranges::equal(four.author_institutions[p], one.author_institutions[p]));
  EXPECT_EQ(four.unattributed_authors, one.unattributed_authors);
  for (std::size_t p = 0; p < one.papers.size(); ++p) {
    EXPECT_EQ(four.papers[p].label, one.papers[p].label);
    EXPECT_EQ(four.papers[p].year, one.papers[p].year);
  }
}

// Broken bytes are repaired in the view, in the fields the reader left in the (mapped) text
// and in those it joined, once per record; a reader that builds Records gets the same.
TEST(ChunkedInputTest, InvalidUtf8IsRepairedInTheView) {
  const std::string medline =
      "PMID- 1\nTI  - Bad \xFF title\n      over two lines.\nFAU - M\xFCller, Hans\n"
      "AD  - Stra\xDF"
      "e 1, Germany.\nOT  - key\xFEword\n\nPMID- 2\nTI  - Fine.\n";
  const std::string ris = "TY  - JOUR\nTI  - Bad \xFF title\nAU  - M\xFCller, Hans\nER  - \n";
  for (const auto& [name, text] : {std::pair{std::string("citenet-repair.nbib"), medline},
                                   std::pair{std::string("citenet-repair.ris"), ris}}) {
    SCOPED_TRACE(name);
    const TempFile file(name, text);
    for (std::size_t bytes : {std::size_t{1}, std::size_t{4} << 20}) {
      ReadOptions options;
      options.threads = 2;
      options.chunk_bytes = bytes;
      ReadStats stats;
      std::string error;
      std::vector<std::string> fields;
      ASSERT_TRUE(read_input_views(
          file.path(),
          [&](RecordView& v) {
            fields.emplace_back(v.title);
            for (const AuthorView& a : v.authors) {
              fields.emplace_back(a.surname);
              for (std::string_view s : a.affiliations) fields.emplace_back(s);
            }
            for (const KeywordView& k : v.keywords) fields.emplace_back(k.text);
          },
          stats, &error, "", options))
          << error;
      for (const std::string& f : fields) EXPECT_TRUE(is_valid_utf8(f)) << f;
      EXPECT_EQ(fields.front(),
                name.ends_with(".ris") ? "Bad \uFFFD title" : "Bad \uFFFD title over two lines");
      EXPECT_EQ(fields[1], "M\uFFFDller");
      ASSERT_EQ(stats.warnings.size(), 1u);
      EXPECT_EQ(stats.warnings[0].to_string(),
                file.path() + ":1: invalid UTF-8 replaced by U+FFFD");
      if (name.ends_with(".nbib")) {
        EXPECT_EQ(fields[2],
                  "Stra\uFFFD"
                  "e 1, Germany.");
        EXPECT_EQ(fields[3], "key\uFFFDword");
        EXPECT_EQ(fields.back(), "Fine");
      }
    }
  }
}

// Addresses that name no author (RIS AD lines of a record with several authors) are repaired
// too: they reach the institution labels and every output from there.
TEST(ChunkedInputTest, InvalidUtf8InARecordsOwnAddressesIsRepaired) {
  const TempFile file("citenet-repair-addresses.ris",
                      "TY  - JOUR\nTI  - Two authors\nAU  - Smith, J\nAU  - Jones, K\n"
                      "AD  - Universit\xE9 de Lyon, France\nER  - \n");
  ReadStats stats;
  std::string error;
  std::vector<std::string> addresses;
  ASSERT_TRUE(read_input_views(
      file.path(), [&](RecordView& v) { addresses.assign(v.addresses.begin(), v.addresses.end()); },
      stats, &error))
      << error;
  ASSERT_EQ(addresses.size(), 1u);
  EXPECT_EQ(addresses[0], "Universit\uFFFD de Lyon, France");
  ASSERT_EQ(stats.warnings.size(), 1u);
  EXPECT_EQ(stats.warnings[0].to_string(), file.path() + ":1: invalid UTF-8 replaced by U+FFFD");
}

}  // namespace
}  // namespace citenet

namespace citenet {
namespace {

// A pipe can be read once: the bytes format detection takes must stay in front of the rest.
// Every record of a MEDLINE file (read in chunks) and an RIS file (read as a stream) comes
// through a named pipe as it does from the file.
TEST(PipedInputTest, EveryRecordComesThroughAPipe) {
  const std::string medline = big_medline();
  const std::string ris = slurp(files_in(kCorpora + "ris").front());
  for (const auto& [name, text] :
       {std::pair{std::string("medline"), medline}, std::pair{std::string("ris"), ris}}) {
    SCOPED_TRACE(name);
    const TempFile file("citenet-piped." + name, text);
    const ReadResult from_file = read_file_with(file.path(), 2, std::size_t{4} << 20);
    ASSERT_TRUE(from_file.ok) << from_file.error;
    const std::string fifo =
        (std::filesystem::temp_directory_path() / ("citenet-test-fifo-" + name)).string();
    std::filesystem::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::thread writer([&fifo, &text] { std::ofstream(fifo, std::ios::binary) << text; });
    const ReadResult piped = read_file_with(fifo, 2, std::size_t{4} << 20);
    writer.join();
    std::filesystem::remove(fifo);
    ASSERT_TRUE(piped.ok) << piped.error;
    EXPECT_GT(piped.records.size(), 10u);
    EXPECT_EQ(piped.records.size(), from_file.records.size());
    // Each dump starts with the record's source: the pipe's name or the file's.
    const auto without_source = [](std::vector<std::string> dumps) {
      for (std::string& d : dumps) d.erase(0, d.find('|'));
      return dumps;
    };
    EXPECT_EQ(without_source(dump_all(piped)), without_source(dump_all(from_file)));
    EXPECT_EQ(piped.stats.warnings.size(), from_file.stats.warnings.size());
  }
}

TEST(EstimatedRecords, FromTheFileSizeAndZeroForWhatIsNoFile) {
  const TempFile file("citenet-estimate-test.nbib", std::string(15000, 'x'));
  EXPECT_EQ(estimated_records(file.path()), 10u);  // 1,500 bytes a record
  EXPECT_EQ(estimated_records(file.path() + ".missing"), 0u);
  EXPECT_EQ(estimated_records(std::filesystem::temp_directory_path().string()), 0u);
}

}  // namespace
}  // namespace citenet
