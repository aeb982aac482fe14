#include "synth/synth_writers.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <utility>

namespace citenet {
namespace {

constexpr std::string_view kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::string_view kWosMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                           "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

void append_int(std::string& out, long long n, int width = 0) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  for (int i = static_cast<int>(end - buffer); i < width; ++i) out += '0';
  out.append(buffer, end);
}

void append_upper(std::string& out, std::string_view text) {
  for (char c : text) out += c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
}

bool ends_sentence(std::string_view text) {
  return text.ends_with('.') || text.ends_with('?') || text.ends_with('!');
}

// "Surname, Given Names" (WoS AF, MEDLINE FAU), or "Surname, Initials" without given names.
void append_inverted_name(std::string& out, const Author& a) {
  out += a.surname;
  out += ", ";
  out += a.given.empty() ? a.initials : a.given;
}

// ---- MEDLINE ----

constexpr std::size_t kMedlineWidth = 88;
constexpr std::string_view kMedlineIndent = "      ";

// "TAG - value", the tag padded to four characters, wrapped between words.
void medline_field(std::string& out, std::string_view tag, std::string_view value) {
  out += tag;
  for (std::size_t i = tag.size(); i < 4; ++i) out += ' ';
  out += "- ";
  if (kMedlineIndent.size() + value.size() <= kMedlineWidth &&
      value.find("  ") == std::string_view::npos) {
    out += value;  // the common case: one line
    out += '\n';
    return;
  }
  std::size_t column = kMedlineIndent.size();
  bool line_empty = true;
  std::size_t i = 0;
  while (i < value.size()) {
    const std::size_t end = std::min(value.find(' ', i), value.size());
    const std::string_view word = value.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;
    if (!line_empty && column + 1 + word.size() > kMedlineWidth) {
      out += '\n';
      out += kMedlineIndent;
      column = kMedlineIndent.size();
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out += word;
    column += word.size();
    line_empty = false;
  }
  out += '\n';
}

void append_slash_date(std::string& out, const Date& d) {
  append_int(out, d.year, 4);
  out += '/';
  append_int(out, d.month, 2);
  out += '/';
  append_int(out, d.day, 2);
}

std::string medline_publication_date(const Date& published, int year) {
  std::string dp;
  append_int(dp, published.known() ? published.year : year);
  if (published.known() && published.month >= 1 && published.month <= 12) {
    dp += ' ';
    dp += kMonthNames[published.month - 1];
    if (published.day > 0) {
      dp += ' ';
      append_int(dp, published.day);
    }
  }
  return dp;
}

// ---- listing ----

void append_us_date(std::string& out, const Date& d) {
  append_int(out, d.month, 2);
  out += '/';
  append_int(out, d.day, 2);
  out += '/';
  append_int(out, d.year, 4);
}

}  // namespace

std::optional<SynthFormat> synth_format_named(std::string_view name) {
  if (name == "medline") return SynthFormat::medline;
  if (name == "wos") return SynthFormat::wos;
  if (name == "listing") return SynthFormat::listing;
  return std::nullopt;
}

std::vector<std::string> synth_format_names() { return {"medline", "wos", "listing"}; }

void append_medline(const Record& r, std::string& out) {
  std::string scratch;
  medline_field(out, "PMID", r.pmid);
  medline_field(out, "OWN", "NLM");
  medline_field(out, "STAT", "MEDLINE");
  if (!r.volume.empty()) medline_field(out, "VI", r.volume);
  if (!r.issue.empty()) medline_field(out, "IP", r.issue);
  const std::string dp = medline_publication_date(r.published, r.year);
  medline_field(out, "DP", dp);
  // MEDLINE ends titles with a period unless they end with other punctuation.
  scratch = r.title;
  if (!ends_sentence(scratch)) scratch += '.';
  medline_field(out, "TI", scratch);
  if (!r.pages.empty()) medline_field(out, "PG", r.pages);
  if (!r.doi.empty()) medline_field(out, "LID", r.doi + " [doi]");
  if (!r.abstract.empty()) medline_field(out, "AB", r.abstract);
  for (const Author& a : r.authors) {
    if (!a.given.empty()) {
      scratch.clear();
      append_inverted_name(scratch, a);
      medline_field(out, "FAU", scratch);
    }
    scratch = a.surname;
    if (!a.initials.empty()) {
      scratch += ' ';
      scratch += a.initials;
    }
    medline_field(out, "AU", scratch);
    if (!a.orcid.empty()) medline_field(out, "AUID", "ORCID: " + a.orcid);
    for (const std::string& affiliation : a.affiliations) medline_field(out, "AD", affiliation);
  }
  medline_field(out, "LA", r.language == "English" || r.language.empty() ? "eng" : r.language);
  medline_field(out, "PT", "Journal Article");
  if (r.document_type == "Review") medline_field(out, "PT", "Review");
  const std::string abbreviation = abbreviate_journal(r.journal);
  medline_field(out, "TA", abbreviation);
  medline_field(out, "JT", r.journal);
  bool any_index_term = false;
  for (const Keyword& k : r.keywords) {
    if (k.origin == KeywordOrigin::index_term) {
      medline_field(out, "MH", k.text);
      any_index_term = true;
    }
  }
  if (any_index_term) medline_field(out, "SB", "IM");
  bool oto_written = false;
  for (const Keyword& k : r.keywords) {
    if (k.origin == KeywordOrigin::index_term) continue;
    if (!oto_written) medline_field(out, "OTO", "NOTNLM");
    oto_written = true;
    medline_field(out, "OT", k.text);
  }
  if (r.indexed.known()) {
    scratch.clear();
    append_slash_date(scratch, r.indexed);
    scratch += " 06:00";
    medline_field(out, "EDAT", scratch);
  }
  for (const auto& [date, status] :
       {std::pair{&r.received, " [received]"}, std::pair{&r.revised, " [revised]"},
        std::pair{&r.accepted, " [accepted]"}}) {
    if (!date->known()) continue;
    scratch.clear();
    append_slash_date(scratch, *date);
    scratch += status;
    medline_field(out, "PHST", scratch);
  }
  if (!r.pmcid.empty()) medline_field(out, "PMC", r.pmcid);
  if (!r.doi.empty()) medline_field(out, "AID", r.doi + " [doi]");
  medline_field(out, "PST", "ppublish");
  // SO: "Int J Card Imaging. 2019 Mar 5;12(3):123-130. doi: 10.5555/x."
  scratch = abbreviation;
  scratch += ". ";
  scratch += dp;
  if (!r.volume.empty()) {
    scratch += ';';
    scratch += r.volume;
    if (!r.issue.empty()) scratch += "(" + r.issue + ")";
  }
  if (!r.pages.empty()) scratch += ":" + r.pages;
  scratch += '.';
  if (!r.doi.empty()) scratch += " doi: " + r.doi + ".";
  medline_field(out, "SO", scratch);
  out += '\n';
}

std::string_view wos_file_header() { return "FN Clarivate Analytics Web of Science\nVR 1.0\n"; }
std::string_view wos_file_footer() { return "EF\n"; }

void append_wos(const Record& r, std::string& out) {
  // A multi-line field: the tag on the first line, three spaces before the others.
  const auto line = [&out](std::string_view tag, bool first) -> std::string& {
    out += first ? tag : std::string_view("  ");
    out += ' ';
    return out;
  };
  const auto field = [&](std::string_view tag, std::string_view value) {
    if (value.empty()) return;
    line(tag, true) += value;
    out += '\n';
  };
  out += "PT J\n";
  for (std::size_t i = 0; i < r.authors.size(); ++i) {
    const Author& a = r.authors[i];
    line("AU", i == 0) += a.surname;
    out += ", ";
    out += a.initials;
    out += '\n';
  }
  for (std::size_t i = 0; i < r.authors.size(); ++i) {
    append_inverted_name(line("AF", i == 0), r.authors[i]);
    out += '\n';
  }
  field("TI", r.title);
  std::string scratch;
  append_upper(scratch, r.journal);
  field("SO", scratch);
  field("LA", r.language);
  field("DT", r.document_type);
  scratch.clear();
  for (const Keyword& k : r.keywords) {
    if (k.origin != KeywordOrigin::author) continue;
    if (!scratch.empty()) scratch += "; ";
    scratch += k.text;
  }
  field("DE", scratch);
  scratch.clear();
  for (const Keyword& k : r.keywords) {
    if (k.origin != KeywordOrigin::index_term) continue;
    if (!scratch.empty()) scratch += "; ";
    append_upper(scratch, k.text);
  }
  field("ID", scratch);
  field("AB", r.abstract);

  // C1: one line per distinct address, naming everyone who has it.
  std::vector<std::pair<std::string_view, std::vector<std::size_t>>> addresses;
  for (std::size_t i = 0; i < r.authors.size(); ++i) {
    for (const std::string& affiliation : r.authors[i].affiliations) {
      auto it = std::find_if(addresses.begin(), addresses.end(),
                             [&](const auto& entry) { return entry.first == affiliation; });
      if (it == addresses.end()) {
        addresses.emplace_back(affiliation, std::vector<std::size_t>{});
        it = addresses.end() - 1;
      }
      it->second.push_back(i);
    }
  }
  for (std::size_t k = 0; k < addresses.size(); ++k) {
    std::string& l = line("C1", k == 0);
    l += '[';
    for (std::size_t n = 0; n < addresses[k].second.size(); ++n) {
      if (n > 0) l += "; ";
      append_inverted_name(l, r.authors[addresses[k].second[n]]);
    }
    l += "] ";
    l += addresses[k].first;
    l += '\n';
  }
  if (!r.authors.empty() && !r.authors[0].affiliations.empty()) {
    std::string& l = line("RP", true);
    l += r.authors[0].surname;
    l += ", ";
    l += r.authors[0].initials;
    l += " (corresponding author), ";
    l += r.authors[0].affiliations[0];
    l += '\n';
  }
  scratch.clear();
  for (const Author& a : r.authors) {
    if (a.orcid.empty()) continue;
    if (!scratch.empty()) scratch += "; ";
    append_inverted_name(scratch, a);
    scratch += '/';
    scratch += a.orcid;
  }
  field("OI", scratch);
  for (std::size_t k = 0; k < r.cited_references.size(); ++k) {
    line("CR", k == 0) += r.cited_references[k];
    out += '\n';
  }
  scratch.clear();
  append_int(scratch, static_cast<long long>(r.cited_references.size()));
  field("NR", scratch);
  if (r.citations) {
    scratch.clear();
    append_int(scratch, *r.citations);
    field("TC", scratch);
    field("Z9", scratch);
  }
  const std::string abbreviation = abbreviate_journal(r.journal);
  scratch.clear();
  append_upper(scratch, abbreviation);
  field("J9", scratch);
  field("JI", abbreviation);
  if (r.published.known() && r.published.month >= 1 && r.published.month <= 12) {
    scratch = kWosMonths[r.published.month - 1];
    if (r.published.day > 0) {
      scratch += ' ';
      append_int(scratch, r.published.day);
    }
    field("PD", scratch);
  }
  if (r.year != 0) {
    scratch.clear();
    append_int(scratch, r.year);
    field("PY", scratch);
  }
  field("VL", r.volume);
  field("IS", r.issue);
  const std::size_t dash = r.pages.find('-');
  if (dash != std::string::npos) {
    field("BP", std::string_view(r.pages).substr(0, dash));
    field("EP", std::string_view(r.pages).substr(dash + 1));
  } else {
    field("BP", r.pages);
  }
  field("DI", r.doi);
  field("UT", r.database_id);
  field("PM", r.pmid);
  if (r.open_access) field("OA", "gold");
  out += "ER\n\n";
}

void append_listing(const Record& r, std::string& out) {
  append_int(out, r.number);
  out += "\n|\n";
  // Authors. Title. Journal Year; Volume:Pages. [PMID: … PMCID: … DOI: …] […] Open
  for (std::size_t i = 0; i < r.authors.size(); ++i) {
    if (i > 0) out += ", ";
    out += r.authors[i].surname;
    if (!r.authors[i].initials.empty()) {
      out += ' ';
      out += r.authors[i].initials;
    }
  }
  if (!r.authors.empty()) out += ". ";
  out += r.title;
  out += ends_sentence(r.title) ? " " : ". ";
  out += r.journal;
  out += ' ';
  append_int(out, r.year);
  if (!r.volume.empty()) {
    out += "; ";
    out += r.volume;
    if (!r.pages.empty()) {
      out += ':';
      out += r.pages;
    }
  }
  out += ". [";
  bool first_id = true;
  for (const auto& [label, value] :
       {std::pair{"PMID: ", &r.pmid}, std::pair{"PMCID: ", &r.pmcid}, std::pair{"DOI: ", &r.doi}}) {
    if (value->empty()) continue;
    if (!first_id) out += ' ';
    first_id = false;
    out += label;
    out += *value;
  }
  out += ']';
  if (r.citations) {
    out += " [Citation(s) in RCA: ";
    append_int(out, *r.citations);
    out += ']';
  }
  if (r.impact_index) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, *r.impact_index).ptr;
    out += " [Impact Index Per Article: ";
    out.append(buffer, end);
    out += ']';
  }
  out += " [Reference Citation Analysis]";
  if (!r.keywords.empty()) out += " [Key Words]";
  for (const auto& [label, date] :
       {std::pair{" [Received: ", &r.received}, std::pair{" [Revised: ", &r.revised},
        std::pair{" [Accepted: ", &r.accepted}, std::pair{" [Indexed: ", &r.indexed}}) {
    if (!date->known()) continue;
    out += label;
    append_us_date(out, *date);
    out += ']';
  }
  if (r.open_access) out += " Open";
  out += '\n';
  if (!r.abstract.empty()) {
    out += "Abstract\n";
    out += r.abstract;
    out += "\nCollapse\n";
  }
  // One slot per author, each closed by "| |"; a slot without a name or address is empty.
  bool any = false;
  for (const Author& a : r.authors) any = any || !a.full_name.empty() || !a.affiliations.empty();
  if (any) {
    out += "Affiliation(s)\n";
    for (std::size_t i = 0; i < r.authors.size(); ++i) {
      const Author& a = r.authors[i];
      if (i > 0) out += "| | ";
      std::string_view name = a.full_name;
      if (name.empty() && a.affiliations.empty()) continue;
      // A slot's first entry is the name; without one the first affiliation would pass for
      // it, so the citation form stands in.
      std::string fallback;
      if (name.empty()) {
        fallback = a.surname + (a.initials.empty() ? "" : " " + a.initials);
        name = fallback;
      }
      out += "- ";
      out += name;
      out += '\n';
      for (const std::string& affiliation : a.affiliations) {
        out += "- ";
        out += affiliation;
        out += '\n';
      }
    }
    out += "| |\nCollapse\n";
  }
  out += "|\n";
}

SynthRecordWriter::SynthRecordWriter(SynthFormat format, std::ostream& out)
    : format_(format), out_(out) {
  buffer_.reserve(1 << 20);
  if (format_ == SynthFormat::wos) buffer_ += wos_file_header();
}

void SynthRecordWriter::write(const Record& record) {
  switch (format_) {
    case SynthFormat::medline:
      append_medline(record, buffer_);
      break;
    case SynthFormat::wos:
      append_wos(record, buffer_);
      break;
    case SynthFormat::listing:
      append_listing(record, buffer_);
      break;
  }
  if (buffer_.size() >= (1 << 20)) flush();
}

void SynthRecordWriter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

bool SynthRecordWriter::finish() {
  if (format_ == SynthFormat::wos) buffer_ += wos_file_footer();
  flush();
  out_.flush();
  return static_cast<bool>(out_);
}

int write_synthetic_corpus(const SynthOptions& options, std::ostream& out, std::string* err) {
  const std::optional<SynthFormat> format = synth_format_named(options.format);
  if (!format) {
    if (err) {
      *err = "unknown format \"" + options.format + "\" (expected medline, wos or listing)";
    }
    return 2;
  }
  SynthOptions effective = options;
  effective.references = options.references && *format == SynthFormat::wos;
  SynthGenerator generator(effective);
  SynthRecordWriter writer(*format, out);
  Record record;
  while (generator.next(record)) writer.write(record);
  if (!writer.finish()) {
    if (err) *err = "writing the synthetic corpus failed";
    return 1;
  }
  return 0;
}

}  // namespace citenet
