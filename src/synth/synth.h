// A synthetic, realistic-looking bibliographic corpus for benchmarks and large tests
// (`citenet synth --records N --seed S --format medline|wos|listing`).
//
// The model, built once per (records, seed) and held in O(authors) memory; records are
// made one at a time and never held:
//   - authors: about 0.8 per record, named from syllable tables in six styles (Anglo,
//     Chinese-like, Romance, Slavic, Nordic/Dutch with "van der" particles, South Asian),
//     surnames and given names Zipf-distributed so that many share a surname and initials
//     (the author-identity ladder's hard case); ~30% hold an ORCID.
//   - productivity after Lotka's law (Lotka 1926): each author has an integer weight k
//     drawn with P(k) ∝ 1/k^2, and authors are drawn into papers in proportion to it.
//   - communities of 200-500 authors; a paper's first author fixes its community and each
//     co-author comes from it with probability 0.92, from anywhere otherwise.
//   - institutions with Zipf sizes ("University of X", "X General Hospital", ...), each in
//     a generated city of one of 60 real countries (Zipf over a realistic ranking); a
//     community recruits mostly from three home institutions. An author has one
//     department and institution, ~10% a second one; the affiliation string is
//     "Department of D, Institution, City, Country."
//   - team sizes log-normal (median 5, sigma 0.65, at most 99), plus 0.1% consortium
//     papers with 100-500 authors spanning neighbouring communities.
//   - years 2000-2024 growing 6% a year, in record order (paper i is never younger than
//     paper j > i); keywords Zipf over a vocabulary of biomedical two-word terms; journals
//     Zipf; citation counts heavy-tailed ((k+2)^-1.8) and growing with age; 10-60
//     references, most to earlier synthetic papers (by their DOI, first author, year,
//     journal, volume and page, biased to old papers so in-degree is heavy-tailed), the
//     rest to outside works.
//   - unique PMIDs (30000001 + i), DOIs (10.5555/<journal>.<year>.<i>) and WoS UTs.
//
// Determinism: the population comes from std::mt19937_64 seeded with the seed; paper i
// from SplitMix64 streams seeded by hashing (seed, i), so any paper can be recomputed
// alone. No std::*_distribution is used (see sampling.h): a seed gives byte-identical
// output on every standard library.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "records/record.h"

namespace citenet {

struct SynthOptions {
  std::uint64_t records = 1000;
  std::uint64_t seed = 1;
  std::string format = "medline";  // "medline", "wos" or "listing" (write_synthetic_corpus)
  bool references = true;          // fill cited_references (only WoS prints them)
};

// The generator: construct (builds the population), then call next() until it returns
// false. Records come in order 0..records-1; the same options give the same records.
class SynthGenerator {
 public:
  explicit SynthGenerator(const SynthOptions& options);
  ~SynthGenerator();
  SynthGenerator(const SynthGenerator&) = delete;
  SynthGenerator& operator=(const SynthGenerator&) = delete;

  // Overwrites `record` with the next paper (reusing its buffers); false when all
  // options.records have been made.
  bool next(Record& record);
  std::uint64_t produced() const { return next_; }

  // Ground truth, for tests and benchmarks. Authors are numbered 0..author_count()-1;
  // last_team() holds the ids of the last record's authors in citation order.
  const std::vector<std::uint32_t>& last_team() const { return team_; }
  std::size_t author_count() const;
  std::size_t community_count() const;
  std::size_t institution_count() const;
  std::uint32_t community_of(std::uint32_t author) const;
  std::uint32_t institution_of(std::uint32_t author) const;  // the primary one
  // The country every affiliation of the institution names.
  const std::string& country_of_institution(std::uint32_t institution) const;
  const std::string& institution_name(std::uint32_t institution) const;

 private:
  struct Population;
  std::unique_ptr<Population> population_;
  SynthOptions options_;
  std::uint64_t next_ = 0;
  std::vector<std::uint32_t> team_;
  std::vector<std::uint64_t> team_keys_;  // the team's name keys, kept distinct
  std::vector<std::uint32_t> stamp_;      // stamp_[author] == paper index + 1: already on team
};

// The abbreviation of a journal title as MEDLINE's TA and WoS's JI give it:
// "International Journal of Cardiac Imaging" -> "Int J Card Imaging".
std::string abbreviate_journal(std::string_view journal);

}  // namespace citenet
