#include "render/records_table.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "records/affiliations.h"
#include "render/table_export.h"

namespace citenet {

namespace {

std::string format_date(const Date& d) {
  if (!d.known()) return "";
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

nlohmann::json optional_date(const Date& d) {
  return d.known() ? nlohmann::json(format_date(d)) : nlohmann::json();
}

const char* origin_name(KeywordOrigin origin) {
  switch (origin) {
    case KeywordOrigin::author:
      return "author";
    case KeywordOrigin::index_term:
      return "index";
    case KeywordOrigin::extracted:
      return "extracted";
  }
  return "?";
}

class JsonRecordWriter final : public RecordWriter {
 public:
  explicit JsonRecordWriter(std::ostream& out) : out_(out) {}
  void begin() override { out_ << "["; }
  void write(const Record& r, const NormalisedAuthors& normalised) override {
    nlohmann::ordered_json j;
    j["source"] = r.source;
    j["line"] = r.line;
    j["format"] = r.format;
    if (r.number) j["number"] = r.number;
    j["paper"] = normalised.paper;
    j["duplicate"] = normalised.duplicate;
    nlohmann::ordered_json authors = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < r.authors.size(); ++i) {
      const Author& a = r.authors[i];
      nlohmann::ordered_json author;
      author["as_printed"] = a.as_printed;
      author["label"] = i < normalised.labels.size() ? normalised.labels[i] : a.as_printed;
      if (i < normalised.people.size()) author["person"] = normalised.people[i];
      author["surname"] = a.surname;
      author["given"] = a.given;
      author["initials"] = a.initials;
      author["full_name"] = a.full_name;
      if (!a.orcid.empty()) author["orcid"] = a.orcid;
      if (!a.scopus_id.empty()) author["scopus_id"] = a.scopus_id;
      nlohmann::ordered_json affiliations = nlohmann::ordered_json::array();
      for (const std::string& text : a.affiliations)
        affiliations.push_back({{"text", text},
                                {"institution", extract_institution(text)},
                                {"country", extract_country(text)}});
      author["affiliations"] = std::move(affiliations);
      authors.push_back(std::move(author));
    }
    j["authors"] = std::move(authors);
    j["title"] = r.title;
    j["journal"] = r.journal;
    j["year"] = r.year ? nlohmann::ordered_json(r.year) : nlohmann::ordered_json();
    j["volume"] = r.volume;
    j["issue"] = r.issue;
    j["pages"] = r.pages;
    j["doi"] = r.doi;
    j["pmid"] = r.pmid;
    j["pmcid"] = r.pmcid;
    j["database_id"] = r.database_id;
    j["document_type"] = r.document_type;
    j["language"] = r.language;
    j["citations"] = r.citations ? nlohmann::ordered_json(*r.citations) : nlohmann::ordered_json();
    j["impact_index"] =
        r.impact_index ? nlohmann::ordered_json(*r.impact_index) : nlohmann::ordered_json();
    j["received"] = optional_date(r.received);
    j["revised"] = optional_date(r.revised);
    j["accepted"] = optional_date(r.accepted);
    j["indexed"] = optional_date(r.indexed);
    j["published"] = optional_date(r.published);
    j["open_access"] = r.open_access;
    j["abstract"] = r.abstract;
    nlohmann::ordered_json keywords = nlohmann::ordered_json::array();
    for (const Keyword& k : r.keywords)
      keywords.push_back({{"text", k.text}, {"origin", origin_name(k.origin)}});
    j["keywords"] = std::move(keywords);
    j["cited_references"] = r.cited_references;
    out_ << (first_ ? "\n" : ",\n")
         << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    first_ = false;
  }
  void end() override { out_ << (first_ ? "]\n" : "\n]\n"); }

 private:
  std::ostream& out_;
  bool first_ = true;
};

std::string joined(const std::vector<std::string>& parts) {
  std::string s;
  for (const std::string& p : parts) s += (s.empty() ? "" : "; ") + p;
  return s;
}

class CsvRecordWriter final : public RecordWriter {
 public:
  explicit CsvRecordWriter(std::ostream& out) : out_(out) {}
  void begin() override {
    out_ << "source,line,format,number,paper,duplicate,authors,title,journal,year,volume,issue,"
            "pages,doi,pmid,"
            "pmcid,database_id,document_type,citations,impact_index,received,revised,accepted,"
            "indexed,published,open_access,institutions,countries,keywords,references,"
            "abstract\r\n";
  }
  void write(const Record& r, const NormalisedAuthors& normalised) override {
    std::vector<std::string> institutions;
    std::vector<std::string> countries;
    for (const Author& a : r.authors)
      for (const std::string& text : a.affiliations) {
        add_distinct(institutions, extract_institution(text));
        add_distinct(countries, extract_country(text));
      }
    std::vector<std::string> keywords;
    for (const Keyword& k : r.keywords) keywords.push_back(k.text);
    const std::string fields[] = {
        r.source,
        std::to_string(r.line),
        r.format,
        r.number ? std::to_string(r.number) : "",
        std::to_string(normalised.paper),
        normalised.duplicate ? "true" : "false",
        joined(normalised.labels),
        r.title,
        r.journal,
        r.year ? std::to_string(r.year) : "",
        r.volume,
        r.issue,
        r.pages,
        r.doi,
        r.pmid,
        r.pmcid,
        r.database_id,
        r.document_type,
        r.citations ? std::to_string(*r.citations) : "",
        r.impact_index ? nlohmann::json(*r.impact_index).dump() : "",
        format_date(r.received),
        format_date(r.revised),
        format_date(r.accepted),
        format_date(r.indexed),
        format_date(r.published),
        r.open_access ? "true" : "false",
        joined(institutions),
        joined(countries),
        joined(keywords),
        std::to_string(r.cited_references.size()),
        r.abstract,
    };
    bool first = true;
    for (const std::string& f : fields) {
      if (!first) out_ << ',';
      out_ << csv_field(f);
      first = false;
    }
    out_ << "\r\n";
  }
  void end() override {}

 private:
  static void add_distinct(std::vector<std::string>& v, std::string s) {
    if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
  }
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<RecordWriter> make_record_writer(const std::string& format, std::ostream& out) {
  if (format == "json") return std::make_unique<JsonRecordWriter>(out);
  if (format == "csv") return std::make_unique<CsvRecordWriter>(out);
  return nullptr;
}

}  // namespace citenet
