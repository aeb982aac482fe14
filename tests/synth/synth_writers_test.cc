// The writers' output read back by citenet's own readers: every record, nothing skipped,
// no warnings, and the authors, affiliations, ORCIDs, ids and counts as generated.
#include "synth/synth_writers.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "formats/listing_reader.h"
#include "formats/medline_reader.h"
#include "formats/wos_reader.h"
#include "synth/synth.h"

namespace citenet {
namespace {

using Reader = std::function<bool(std::istream&, const std::string&, const RecordSink&, ReadStats&,
                                  std::string*)>;

struct ReadBack {
  bool ok = false;
  std::string error;
  std::vector<Record> records;
  ReadStats stats;
};

ReadBack read_back(const std::string& text, const Reader& reader) {
  ReadBack result;
  std::istringstream in(text);
  result.ok = reader(
      in, "synth", [&](Record&& r) { result.records.push_back(std::move(r)); }, result.stats,
      &result.error);
  return result;
}

std::string corpus(const SynthOptions& options) {
  std::ostringstream out;
  std::string err;
  EXPECT_EQ(write_synthetic_corpus(options, out, &err), 0) << err;
  return out.str();
}

std::vector<Record> generate(SynthOptions options) {
  SynthGenerator generator(options);
  std::vector<Record> records;
  Record r;
  while (generator.next(r)) records.push_back(r);
  return records;
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> warnings_of(const ReadStats& stats) {
  std::vector<std::string> out;
  for (const Diagnostic& d : stats.warnings) out.push_back(d.to_string());
  return out;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

// WoS lists addresses once each (C1 lines) and an author's come back in C1 order, which
// need not be the order generated; the other formats keep each author's order.
enum class Check { all, no_orcid, address_set };

void expect_same_authors(const Record& generated, const Record& read, Check check) {
  ASSERT_EQ(read.authors.size(), generated.authors.size()) << read.pmid;
  for (std::size_t k = 0; k < read.authors.size(); ++k) {
    const Author& g = generated.authors[k];
    const Author& a = read.authors[k];
    SCOPED_TRACE(read.pmid + " author " + std::to_string(k) + " " + g.full_name);
    EXPECT_EQ(a.surname, g.surname);
    EXPECT_EQ(a.initials, g.initials);
    EXPECT_EQ(a.given, g.given);
    EXPECT_EQ(a.full_name, g.full_name);
    if (check == Check::address_set) {
      EXPECT_EQ(sorted(a.affiliations), sorted(g.affiliations));
    } else {
      EXPECT_EQ(a.affiliations, g.affiliations);
    }
    if (check != Check::no_orcid) {
      EXPECT_EQ(a.orcid, g.orcid);
    }
  }
}

class RoundTrip : public ::testing::Test {
 protected:
  static constexpr std::uint64_t kRecords = 3000;
  static constexpr std::uint64_t kSeed = 12;
  SynthOptions options(const char* format) const {
    SynthOptions o;
    o.records = kRecords;
    o.seed = kSeed;
    o.format = format;
    return o;
  }
};

TEST_F(RoundTrip, MedlineReadsBackEveryRecordAsGenerated) {
  const ReadBack back = read_back(corpus(options("medline")), read_medline);
  ASSERT_TRUE(back.ok) << back.error;
  EXPECT_EQ(back.records.size(), kRecords);
  EXPECT_EQ(back.stats.records_skipped, 0u);
  EXPECT_EQ(warnings_of(back.stats), std::vector<std::string>{});
  SynthOptions o = options("medline");
  o.references = false;
  const std::vector<Record> generated = generate(o);
  ASSERT_EQ(back.records.size(), generated.size());
  std::size_t largest_team = 0;
  for (std::size_t i = 0; i < generated.size(); ++i) {
    const Record& g = generated[i];
    const Record& r = back.records[i];
    EXPECT_EQ(r.pmid, g.pmid);
    EXPECT_EQ(r.doi, g.doi);
    EXPECT_EQ(r.pmcid, g.pmcid);
    EXPECT_EQ(r.title, g.title);
    EXPECT_EQ(r.journal, g.journal);
    EXPECT_EQ(r.year, g.year);
    EXPECT_EQ(r.volume, g.volume);
    EXPECT_EQ(r.issue, g.issue);
    EXPECT_EQ(r.pages, g.pages);
    EXPECT_EQ(r.published, g.published);
    EXPECT_EQ(r.received, g.received);
    EXPECT_EQ(r.accepted, g.accepted);
    EXPECT_EQ(r.indexed, g.indexed);
    EXPECT_EQ(r.keywords.size(), g.keywords.size());
    for (std::size_t k = 0; k < std::min(r.keywords.size(), g.keywords.size()); ++k) {
      EXPECT_EQ(r.keywords[k].text, g.keywords[k].text);
      EXPECT_EQ(r.keywords[k].origin, KeywordOrigin::author);
    }
    expect_same_authors(g, r, Check::all);
    largest_team = std::max(largest_team, r.authors.size());
    if (HasFailure()) return;  // one record's worth of messages is enough
  }
  EXPECT_GE(largest_team, 100u) << "the seed should give a consortium paper";
}

TEST_F(RoundTrip, WosReadsBackEveryRecordAsGenerated) {
  const ReadBack back = read_back(corpus(options("wos")), read_wos);
  ASSERT_TRUE(back.ok) << back.error;
  EXPECT_EQ(back.records.size(), kRecords);
  EXPECT_EQ(back.stats.records_skipped, 0u);
  EXPECT_EQ(warnings_of(back.stats), std::vector<std::string>{});
  const std::vector<Record> generated = generate(options("wos"));
  ASSERT_EQ(back.records.size(), generated.size());
  for (std::size_t i = 0; i < generated.size(); ++i) {
    const Record& g = generated[i];
    const Record& r = back.records[i];
    EXPECT_EQ(r.pmid, g.pmid);
    EXPECT_EQ(r.doi, g.doi);
    EXPECT_EQ(r.database_id, g.database_id);
    EXPECT_EQ(r.title, g.title);
    EXPECT_EQ(r.journal, upper(g.journal));
    EXPECT_EQ(r.year, g.year);
    EXPECT_EQ(r.published, g.published);
    EXPECT_EQ(r.volume, g.volume);
    EXPECT_EQ(r.pages, g.pages);
    EXPECT_EQ(r.citations, g.citations);
    EXPECT_EQ(r.document_type, g.document_type);
    EXPECT_EQ(r.open_access, g.open_access);
    EXPECT_EQ(r.cited_references, g.cited_references);
    EXPECT_EQ(r.keywords.size(), g.keywords.size());
    expect_same_authors(g, r, Check::address_set);
    if (HasFailure()) return;
  }
}

TEST_F(RoundTrip, ListingReadsBackEveryRecordAsGenerated) {
  const ReadBack back = read_back(corpus(options("listing")), read_listing);
  ASSERT_TRUE(back.ok) << back.error;
  EXPECT_EQ(back.records.size(), kRecords);
  EXPECT_EQ(back.stats.records_skipped, 0u);
  EXPECT_EQ(warnings_of(back.stats), std::vector<std::string>{});
  SynthOptions o = options("listing");
  o.references = false;
  const std::vector<Record> generated = generate(o);
  ASSERT_EQ(back.records.size(), generated.size());
  for (std::size_t i = 0; i < generated.size(); ++i) {
    const Record& g = generated[i];
    const Record& r = back.records[i];
    EXPECT_EQ(r.number, g.number);
    EXPECT_EQ(r.pmid, g.pmid);
    EXPECT_EQ(r.pmcid, g.pmcid);
    EXPECT_EQ(r.doi, g.doi);
    EXPECT_EQ(r.title, g.title);
    EXPECT_EQ(r.journal, g.journal);
    EXPECT_EQ(r.year, g.year);
    EXPECT_EQ(r.volume, g.volume);
    EXPECT_EQ(r.pages, g.pages);
    EXPECT_EQ(r.citations, g.citations);
    EXPECT_EQ(r.impact_index, g.impact_index);
    EXPECT_EQ(r.received, g.received);
    EXPECT_EQ(r.accepted, g.accepted);
    EXPECT_EQ(r.indexed, g.indexed);
    EXPECT_EQ(r.open_access, g.open_access);
    expect_same_authors(g, r, Check::no_orcid);  // the listing prints no ORCIDs
    if (HasFailure()) return;
  }
}

// Internal references name an earlier record of the corpus by its DOI, first author, year
// and journal, as that record has them.
TEST_F(RoundTrip, ReferencesPointAtEarlierRecordsAsTheyAre) {
  const std::vector<Record> records = generate(options("wos"));
  std::unordered_map<std::string, std::size_t> by_doi;
  std::size_t internal = 0;
  std::size_t external = 0;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    EXPECT_GE(r.cited_references.size(), 5u);
    for (const std::string& cr : r.cited_references) {
      const std::size_t at = cr.find(", DOI 10.5555/");
      if (at == std::string::npos) {
        ++external;
        continue;
      }
      ++internal;
      const auto it = by_doi.find(cr.substr(at + 6));
      ASSERT_NE(it, by_doi.end()) << "record " << i << " cites a later or unknown paper: " << cr;
      const Record& cited = records[it->second];
      const Author& first = cited.authors.front();
      EXPECT_EQ(cr.substr(0, cr.find(',')), first.surname + " " + first.initials) << cr;
      EXPECT_NE(cr.find(", " + std::to_string(cited.year) + ", "), std::string::npos) << cr;
      EXPECT_NE(cr.find(upper(abbreviate_journal(cited.journal))), std::string::npos) << cr;
      EXPECT_LE(cited.year, r.year);
    }
    by_doi.emplace(r.doi, i);
  }
  EXPECT_GT(internal, external);
  EXPECT_GT(external, 0u);
}

TEST(WriteSyntheticCorpus, RejectsAnUnknownFormat) {
  SynthOptions o;
  o.format = "bibtex";
  std::ostringstream out;
  std::string err;
  EXPECT_EQ(write_synthetic_corpus(o, out, &err), 2);
  EXPECT_EQ(err, "unknown format \"bibtex\" (expected medline, wos or listing)");
  EXPECT_EQ(out.str(), "");
}

TEST(WriteSyntheticCorpus, ReportsAFailedStream) {
  SynthOptions o;
  o.records = 10;
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  std::string err;
  EXPECT_EQ(write_synthetic_corpus(o, out, &err), 1);
  EXPECT_EQ(err, "writing the synthetic corpus failed");
}

TEST(WriteSyntheticCorpus, ZeroRecordsMakeAnEmptyButValidFile) {
  SynthOptions o;
  o.records = 0;
  o.format = "wos";
  EXPECT_EQ(corpus(o), "FN Clarivate Analytics Web of Science\nVR 1.0\nEF\n");
  o.format = "medline";
  EXPECT_EQ(corpus(o), "");
}

// The writers on a hand-made record: the exact text of each format.
Record hand_made() {
  Record r;
  r.number = 7;
  r.pmid = "30000007";
  r.doi = "10.5555/jcr.2019.0000007";
  r.title = "Cardiac imaging in older adults: a cohort study";
  r.journal = "Journal of Cardiac Research";
  r.year = 2019;
  r.volume = "12";
  r.issue = "3";
  r.pages = "101-108";
  r.published = {2019, 3, 5};
  r.received = {2018, 10, 1};
  r.accepted = {2019, 1, 20};
  r.indexed = {2019, 3, 5};
  r.citations = 4;
  r.impact_index = 0.6;
  r.document_type = "Article";
  r.language = "English";
  r.keywords = {{"cardiac imaging", KeywordOrigin::author}};
  Author a;
  a.surname = "van der Berg";
  a.given = "Lars Ingrid";
  a.initials = "LI";
  a.full_name = "Lars Ingrid van der Berg";
  a.affiliations = {"Department of Cardiology, University of Velmora, Velmora, Netherlands."};
  a.orcid = "0000-0002-1825-0097";
  Author b;
  b.surname = "Zhang";
  b.given = "Xiao-Ming";
  b.initials = "XM";
  b.full_name = "Xiao-Ming Zhang";
  b.affiliations = a.affiliations;
  r.authors = {a, b};
  r.cited_references = {"Zhang XM, 2015, J CARDIAC RES, V8, P12, DOI 10.5555/jcr.2015.0000001"};
  r.database_id = "WOS:000100000000006";
  return r;
}

TEST(AppendMedline, PrintsTheTaggedFields) {
  std::string out;
  append_medline(hand_made(), out);
  EXPECT_EQ(out,
            "PMID- 30000007\n"
            "OWN - NLM\n"
            "STAT- MEDLINE\n"
            "VI  - 12\n"
            "IP  - 3\n"
            "DP  - 2019 Mar 5\n"
            "TI  - Cardiac imaging in older adults: a cohort study.\n"
            "PG  - 101-108\n"
            "LID - 10.5555/jcr.2019.0000007 [doi]\n"
            "FAU - van der Berg, Lars Ingrid\n"
            "AU  - van der Berg LI\n"
            "AUID- ORCID: 0000-0002-1825-0097\n"
            "AD  - Department of Cardiology, University of Velmora, Velmora, Netherlands.\n"
            "FAU - Zhang, Xiao-Ming\n"
            "AU  - Zhang XM\n"
            "AD  - Department of Cardiology, University of Velmora, Velmora, Netherlands.\n"
            "LA  - eng\n"
            "PT  - Journal Article\n"
            "TA  - J Cardiac Res\n"
            "JT  - Journal of Cardiac Research\n"
            "OTO - NOTNLM\n"
            "OT  - cardiac imaging\n"
            "EDAT- 2019/03/05 06:00\n"
            "PHST- 2018/10/01 [received]\n"
            "PHST- 2019/01/20 [accepted]\n"
            "AID - 10.5555/jcr.2019.0000007 [doi]\n"
            "PST - ppublish\n"
            "SO  - J Cardiac Res. 2019 Mar 5;12(3):101-108. doi: 10.5555/jcr.2019.0000007.\n"
            "\n");
}

TEST(AppendMedline, WrapsLongValuesBetweenWords) {
  Record r = hand_made();
  r.title = std::string(70, 'a') + " " + std::string(30, 'b') + " c";
  std::string out;
  append_medline(r, out);
  EXPECT_NE(out.find("TI  - " + std::string(70, 'a') + "\n      " + std::string(30, 'b') + " c.\n"),
            std::string::npos)
      << out;
}

TEST(AppendWos, PrintsTheTaggedFields) {
  std::string out;
  append_wos(hand_made(), out);
  EXPECT_EQ(out,
            "PT J\n"
            "AU van der Berg, LI\n"
            "   Zhang, XM\n"
            "AF van der Berg, Lars Ingrid\n"
            "   Zhang, Xiao-Ming\n"
            "TI Cardiac imaging in older adults: a cohort study\n"
            "SO JOURNAL OF CARDIAC RESEARCH\n"
            "LA English\n"
            "DT Article\n"
            "DE cardiac imaging\n"
            "C1 [van der Berg, Lars Ingrid; Zhang, Xiao-Ming] Department of Cardiology, "
            "University of Velmora, Velmora, Netherlands.\n"
            "RP van der Berg, LI (corresponding author), Department of Cardiology, University "
            "of Velmora, Velmora, Netherlands.\n"
            "OI van der Berg, Lars Ingrid/0000-0002-1825-0097\n"
            "CR Zhang XM, 2015, J CARDIAC RES, V8, P12, DOI 10.5555/jcr.2015.0000001\n"
            "NR 1\n"
            "TC 4\n"
            "Z9 4\n"
            "J9 J CARDIAC RES\n"
            "JI J Cardiac Res\n"
            "PD MAR 5\n"
            "PY 2019\n"
            "VL 12\n"
            "IS 3\n"
            "BP 101\n"
            "EP 108\n"
            "DI 10.5555/jcr.2019.0000007\n"
            "UT WOS:000100000000006\n"
            "PM 30000007\n"
            "ER\n"
            "\n");
}

TEST(AppendListing, PrintsTheCitationLineAndAffiliationBlock) {
  std::string out;
  append_listing(hand_made(), out);
  EXPECT_EQ(out,
            "7\n"
            "|\n"
            "van der Berg LI, Zhang XM. Cardiac imaging in older adults: a cohort study. "
            "Journal of Cardiac Research 2019; 12:101-108. [PMID: 30000007 DOI: "
            "10.5555/jcr.2019.0000007] [Citation(s) in RCA: 4] [Impact Index Per Article: 0.6] "
            "[Reference Citation Analysis] [Key Words] [Received: 10/01/2018] [Accepted: "
            "01/20/2019] [Indexed: 03/05/2019]\n"
            "Affiliation(s)\n"
            "- Lars Ingrid van der Berg\n"
            "- Department of Cardiology, University of Velmora, Velmora, Netherlands.\n"
            "| | - Xiao-Ming Zhang\n"
            "- Department of Cardiology, University of Velmora, Velmora, Netherlands.\n"
            "| |\n"
            "Collapse\n"
            "|\n");
}

// An author with neither name nor address keeps its slot, so the others stay in place.
TEST(AppendListing, KeepsAnEmptySlotForAnAuthorWithoutEntries) {
  Record r = hand_made();
  r.authors.insert(r.authors.begin() + 1, Author{});
  r.authors[1].surname = "Doe";
  r.authors[1].initials = "J";
  std::string out;
  append_listing(r, out);
  EXPECT_NE(out.find("| | | | - Xiao-Ming Zhang\n"), std::string::npos) << out;
  const ReadBack back = read_back(out, read_listing);
  ASSERT_EQ(back.records.size(), 1u);
  EXPECT_EQ(warnings_of(back.stats), std::vector<std::string>{});
  EXPECT_EQ(back.records[0].authors[2].full_name, "Xiao-Ming Zhang");
}

}  // namespace
}  // namespace citenet
