#include "formats/pubmed_xml_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include "formats/reader_text.h"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace citenet {
namespace {

using namespace reader_text;

// ---- libxml2 handles and tree access ----

struct ReaderDeleter {
  void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};
using ReaderPtr = std::unique_ptr<xmlTextReader, ReaderDeleter>;

struct XmlCharDeleter {
  void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharDeleter>;

std::string_view as_view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

bool is_element(const xmlNode* node, std::string_view name) {
  return node && node->type == XML_ELEMENT_NODE && as_view(node->name) == name;
}

// The element children of a node named `name`, in order.
std::vector<xmlNode*> children(xmlNode* parent, std::string_view name) {
  std::vector<xmlNode*> out;
  if (!parent) return out;
  for (xmlNode* c = parent->children; c; c = c->next) {
    if (is_element(c, name)) out.push_back(c);
  }
  return out;
}

xmlNode* child(xmlNode* parent, std::string_view name) {
  if (!parent) return nullptr;
  for (xmlNode* c = parent->children; c; c = c->next) {
    if (is_element(c, name)) return c;
  }
  return nullptr;
}

std::string attribute(xmlNode* node, const char* name) {
  if (!node) return {};
  XmlCharPtr value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  return std::string(trim(as_view(value.get())));
}

// Text and CDATA below `node`, inline markup (<i>, <sup>, <sub>) included. Entity references
// are left out on purpose: expanding user entities is how "billion laughs" documents explode.
void append_text(const xmlNode* node, std::string& out) {
  for (const xmlNode* c = node->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
      out += as_view(c->content);
    } else if (c->type == XML_ELEMENT_NODE) {
      append_text(c, out);
    }
  }
}

// The element's text with runs of white space (indentation, line breaks) made one space.
std::string text(const xmlNode* node) {
  if (!node) return {};
  std::string raw;
  append_text(node, raw);
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (!is_space(c)) {
      out += c;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// ---- field values ----

constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};

// "Jun", "06", "6" -> 6; 0 when unknown.
int month_of(std::string_view s) {
  if (auto n = parse_int(s); n && *n >= 1 && *n <= 12) return *n;
  if (s.size() < 3) return 0;
  std::string head(s.substr(0, 3));
  for (char& c : head) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (int m = 0; m < 12; ++m) {
    if (kMonths[m] == head) return m + 1;
  }
  return 0;
}

// <PubDate><Year/><Month/><Day/></PubDate>, or <MedlineDate>1998 Dec-1999 Jan</MedlineDate>.
Date parse_pub_date(xmlNode* date) {
  Date out;
  if (!date) return out;
  if (xmlNode* medline = child(date, "MedlineDate")) {
    const std::string s = text(medline);
    if (s.size() >= 4 && std::all_of(s.begin(), s.begin() + 4, is_digit)) {
      out.year = *parse_int(std::string_view(s).substr(0, 4));
      out.month = month_of(trim(std::string_view(s).substr(4)));
    }
    return out;
  }
  out.year = parse_int(text(child(date, "Year"))).value_or(0);
  out.month = month_of(text(child(date, "Month")));
  const int day = parse_int(text(child(date, "Day"))).value_or(0);
  if (out.month && day >= 1 && day <= 31) out.day = day;
  return out;
}

std::string normalize_doi(std::string_view raw) {
  std::string doi(trim(raw));
  for (char& c : doi) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view prefix : {"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                                  "http://dx.doi.org/", "doi:"}) {
    if (std::string_view(doi).starts_with(prefix)) doi.erase(0, prefix.size());
  }
  return doi;
}

// "http://orcid.org/0000-0002-1825-0097", "0000000218250097" -> "0000-0002-1825-0097".
std::string normalize_orcid(std::string_view raw) {
  std::string_view id = trim(raw);
  if (const std::size_t slash = id.rfind('/'); slash != npos) id = id.substr(slash + 1);
  std::string digits;
  for (char c : id) {
    if (is_digit(c) || c == 'X' || c == 'x') digits += c == 'x' ? 'X' : c;
  }
  if (digits.size() != 16) return {};
  return digits.substr(0, 4) + "-" + digits.substr(4, 4) + "-" + digits.substr(8, 4) + "-" +
         digits.substr(12, 4);
}

// "T C" and "J M" are initials spelled out, not given names.
bool only_initials(std::string_view fore_name) {
  std::size_t i = 0;
  bool any = false;
  while (i < fore_name.size()) {
    while (i < fore_name.size() && is_space(fore_name[i])) ++i;
    std::size_t start = i;
    while (i < fore_name.size() && !is_space(fore_name[i]) && fore_name[i] != '.') ++i;
    if (i - start > 1) return false;
    any = any || i > start;
    if (i < fore_name.size() && fore_name[i] == '.') ++i;
  }
  return any;
}

// First letter of each word and hyphenated part: "Yi-Chung" -> "YC" (UTF-8 kept whole).
std::string initials_of(std::string_view given) {
  std::string out;
  bool at_start = true;
  for (std::size_t i = 0; i < given.size(); ++i) {
    const char c = given[i];
    if (is_space(c) || c == '-' || c == '.') {
      at_start = true;
      continue;
    }
    if (at_start) {
      out += c;
      while (i + 1 < given.size() && (static_cast<unsigned char>(given[i + 1]) & 0xC0) == 0x80) {
        out += given[++i];
      }
      if (c >= 'a' && c <= 'z') out.back() = static_cast<char>(c - 'a' + 'A');
    }
    at_start = false;
  }
  return out;
}

std::optional<Author> parse_author(xmlNode* node) {
  if (attribute(node, "ValidYN") == "N") return std::nullopt;  // a retracted name entry
  Author author;
  if (xmlNode* collective = child(node, "CollectiveName")) {
    author.surname = text(collective);
    author.as_printed = author.surname;
  } else {
    author.surname = text(child(node, "LastName"));
    const std::string fore = text(child(node, "ForeName"));
    const std::string suffix = text(child(node, "Suffix"));
    author.initials = text(child(node, "Initials"));
    if (author.initials.empty()) author.initials = initials_of(fore);
    if (!only_initials(fore)) author.given = fore;
    if (!author.given.empty()) {
      author.full_name = author.given + " " + author.surname;
      if (!suffix.empty()) author.full_name += " " + suffix;
    }
    author.as_printed = author.surname;
    if (!author.initials.empty()) author.as_printed += " " + author.initials;
    if (!suffix.empty()) author.as_printed += " " + suffix;
  }
  if (author.surname.empty()) return std::nullopt;
  for (xmlNode* info : children(node, "AffiliationInfo")) {
    std::string affiliation = text(child(info, "Affiliation"));
    if (!affiliation.empty()) author.affiliations.push_back(std::move(affiliation));
  }
  for (xmlNode* id : children(node, "Identifier")) {
    if (attribute(id, "Source") == "ORCID" && author.orcid.empty()) {
      author.orcid = normalize_orcid(text(id));
    }
  }
  return author;
}

// Several <AbstractText Label="METHODS"> parts become "METHODS: text METHODS: text".
std::string abstract_of(xmlNode* abstract) {
  std::string out;
  for (xmlNode* part : children(abstract, "AbstractText")) {
    const std::string body = text(part);
    if (body.empty()) continue;
    if (!out.empty()) out += ' ';
    const std::string label = attribute(part, "Label");
    if (!label.empty()) out += label + ": ";
    out += body;
  }
  return out;
}

// KeywordList Owner="NOTNLM" holds the authors' keywords; other owners (NLM, KIE, NASA,
// PIP, HMD) are indexers' terms.
KeywordOrigin keyword_origin(xmlNode* list) {
  const std::string owner = attribute(list, "Owner");
  return owner.empty() || owner == "NOTNLM" ? KeywordOrigin::author : KeywordOrigin::index_term;
}

// <ReferenceList> may hold nested <ReferenceList>s (titled sections of a reference list).
void add_references(xmlNode* list, std::vector<std::string>& out) {
  for (xmlNode* c = list->children; c; c = c->next) {
    if (is_element(c, "Reference")) {
      std::string citation = text(child(c, "Citation"));
      if (!citation.empty()) out.push_back(std::move(citation));
    } else if (is_element(c, "ReferenceList")) {
      add_references(c, out);
    }
  }
}

// An affiliation the article gives without tying it to an author: kept once, in order.
void add_record_address(Record& record, std::string address) {
  if (address.empty()) return;
  if (std::find(record.addresses.begin(), record.addresses.end(), address) ==
      record.addresses.end()) {
    record.addresses.push_back(std::move(address));
  }
}

void fill_article(xmlNode* article_node, Record& record) {
  xmlNode* citation = child(article_node, "MedlineCitation");
  xmlNode* article = child(citation, "Article");
  xmlNode* journal = child(article, "Journal");
  xmlNode* issue = child(journal, "JournalIssue");

  record.pmid = text(child(citation, "PMID"));
  record.title = text(child(article, "ArticleTitle"));
  if (record.title.empty()) record.title = text(child(article, "VernacularTitle"));
  record.journal = text(child(journal, "Title"));
  if (record.journal.empty()) record.journal = text(child(journal, "ISOAbbreviation"));
  record.volume = text(child(issue, "Volume"));
  record.issue = text(child(issue, "Issue"));
  record.published = parse_pub_date(child(issue, "PubDate"));
  if (!record.published.known()) record.published = parse_pub_date(child(article, "ArticleDate"));
  record.year = record.published.year;

  xmlNode* pagination = child(article, "Pagination");
  record.pages = text(child(pagination, "MedlinePgn"));
  if (record.pages.empty()) {
    record.pages = text(child(pagination, "StartPage"));
    const std::string end = text(child(pagination, "EndPage"));
    if (!record.pages.empty() && !end.empty()) record.pages += "-" + end;
  }
  for (xmlNode* location : children(article, "ELocationID")) {
    if (attribute(location, "EIdType") == "doi" && attribute(location, "ValidYN") != "N") {
      record.doi = normalize_doi(text(location));
      break;
    }
  }
  record.abstract = abstract_of(child(article, "Abstract"));
  for (xmlNode* node : children(child(article, "AuthorList"), "Author")) {
    if (std::optional<Author> author = parse_author(node)) {
      record.authors.push_back(std::move(*author));
    } else if (attribute(node, "ValidYN") != "N") {
      // An author entry without a name: its affiliations are the record's.
      for (xmlNode* info : children(node, "AffiliationInfo")) {
        add_record_address(record, text(child(info, "Affiliation")));
      }
    }
  }
  // Documents of the DTDs before 2014 give one <Affiliation> for the whole article.
  add_record_address(record, text(child(article, "Affiliation")));
  // What an author has is not repeated for the record.
  std::erase_if(record.addresses, [&](const std::string& address) {
    return std::any_of(record.authors.begin(), record.authors.end(), [&](const Author& a) {
      return std::find(a.affiliations.begin(), a.affiliations.end(), address) !=
             a.affiliations.end();
    });
  });
  record.language = text(child(article, "Language"));
  // PubMed lists publication types alphabetically, so no one of them is "the" type: all are
  // kept, joined as Web of Science joins its document types ("Journal Article; Review").
  for (xmlNode* type : children(child(article, "PublicationTypeList"), "PublicationType")) {
    if (!record.document_type.empty()) record.document_type += "; ";
    record.document_type += text(type);
  }

  for (xmlNode* list : children(citation, "KeywordList")) {
    const KeywordOrigin origin = keyword_origin(list);
    for (xmlNode* keyword : children(list, "Keyword")) {
      std::string k = text(keyword);
      if (!k.empty()) record.keywords.push_back(Keyword{std::move(k), origin});
    }
  }
  for (xmlNode* heading : children(child(citation, "MeshHeadingList"), "MeshHeading")) {
    std::string descriptor = text(child(heading, "DescriptorName"));
    if (!descriptor.empty()) {
      record.keywords.push_back(Keyword{std::move(descriptor), KeywordOrigin::index_term});
    }
  }

  xmlNode* data = child(article_node, "PubmedData");
  for (xmlNode* id : children(child(data, "ArticleIdList"), "ArticleId")) {
    const std::string type = attribute(id, "IdType");
    if (type == "doi") {
      record.doi = normalize_doi(text(id));  // the article's DOI beats an ELocationID
    } else if (type == "pmc") {
      record.pmcid = text(id);
    } else if (type == "pubmed" && record.pmid.empty()) {
      record.pmid = text(id);
    }
  }
  for (xmlNode* list : children(data, "ReferenceList"))
    add_references(list, record.cited_references);
}

// ---- streaming ----

// The stream, and whether it held anything but white space (and a BOM), to tell an empty
// input from a broken one.
struct Source {
  std::istream& in;
  bool content = false;
};

int read_from_stream(void* context, char* buffer, int length) {
  auto* source = static_cast<Source*>(context);
  if (!source->in) return 0;
  source->in.read(buffer, length);
  const auto got = static_cast<int>(source->in.gcount());
  for (int i = 0; i < got && !source->content; ++i) {
    const auto byte = static_cast<unsigned char>(buffer[i]);
    source->content = !is_space(buffer[i]) && byte != 0xEF && byte != 0xBB && byte != 0xBF;
  }
  return got;
}

int close_nothing(void*) { return 0; }

// The first error libxml2 reports; later ones follow from it.
struct XmlError {
  bool set = false;
  std::size_t line = 0;
  std::string message;
  bool in_article = false;  // the error cut a PubmedArticle the reader had not reached yet
};

void on_xml_error(void* context, xmlErrorPtr error) {
  auto* first = static_cast<XmlError*>(context);
  if (first->set || !error || error->level < XML_ERR_ERROR) return;
  first->set = true;
  first->line = error->line > 0 ? static_cast<std::size_t>(error->line) : 0;
  first->message = std::string(trim(error->message ? error->message : "XML error"));
  // The parser's open element says whether the error fell inside an article.
  const auto* parser = static_cast<const xmlParserCtxt*>(error->ctxt);
  for (const xmlNode* n = parser ? parser->node : nullptr; n; n = n->parent) {
    if (is_element(n, "PubmedArticle")) first->in_article = true;
  }
}

// Roots that hold PubMed articles: the download and efetch's set, a lone article, and
// efetch's wrapper (seen when it reports an error).
constexpr std::string_view kRoots[] = {"PubmedArticleSet", "PubmedArticle", "eFetchResult"};

class PubmedXmlParser {
 public:
  PubmedXmlParser(const std::string& source, const RecordSink& sink, ReadStats& stats)
      : source_(source), sink_(sink), stats_(stats) {}

  bool run(std::istream& in, std::string* error) {
    // No XML_PARSE_NOENT (no entity substitution), no DTD loading, no network.
    const int options = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING;
    Source input{in};
    ReaderPtr reader(
        xmlReaderForIO(read_from_stream, close_nothing, &input, source_.c_str(), nullptr, options));
    if (!reader) return fail(error, 1, "cannot start the XML parser");
    xmlTextReaderSetStructuredErrorHandler(reader.get(), on_xml_error, &xml_error_);
    int status = xmlTextReaderRead(reader.get());
    while (status == 1) {
      if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT) {
        status = xmlTextReaderRead(reader.get());
        continue;
      }
      const std::string_view name = as_view(xmlTextReaderConstLocalName(reader.get()));
      if (xmlTextReaderDepth(reader.get()) == 0) {
        if (std::find(std::begin(kRoots), std::end(kRoots), name) == std::end(kRoots)) {
          const long line = xmlGetLineNo(xmlTextReaderCurrentNode(reader.get()));
          return fail(error, line > 0 ? static_cast<std::size_t>(line) : line_of(reader.get()),
                      "not PubMed XML (root element <" + std::string(name) + ">)");
        }
        root_seen_ = true;
      }
      if (name == "PubmedArticle" || name == "PubmedBookArticle") {
        if (!on_article(reader.get(), name == "PubmedBookArticle")) break;
        status = xmlTextReaderNext(reader.get());  // past the subtree, which is then freed
        continue;
      }
      status = xmlTextReaderRead(reader.get());
    }
    if (!root_seen_ && !input.content) {
      return fail(error, 1, "empty input");
    }
    if (status < 0 || xml_error_.set) {
      const std::size_t line = xml_error_.line ? xml_error_.line : line_of(reader.get());
      const std::string message = xml_error_.set ? xml_error_.message : "malformed XML";
      if (!root_seen_) return fail(error, line, message);
      if (in_article_ || xml_error_.in_article) ++stats_.records_skipped;
      stats_.warnings.push_back(Diagnostic{source_, line, message});
    }
    if (!root_seen_) return fail(error, 1, "empty input");
    return true;
  }

 private:
  static std::size_t line_of(xmlTextReader* reader) {
    const int line = xmlTextReaderGetParserLineNumber(reader);
    return line > 0 ? static_cast<std::size_t>(line) : 1;
  }

  bool fail(std::string* error, std::size_t line, const std::string& what) const {
    if (error) *error = source_ + ":" + std::to_string(line) + ": " + what;
    return false;
  }

  // Returns false when the article could not be expanded (the document is malformed there).
  bool on_article(xmlTextReader* reader, bool book) {
    ++number_;
    in_article_ = true;
    xmlNode* node = xmlTextReaderExpand(reader);
    if (!node) return false;
    in_article_ = false;
    const long node_line = xmlGetLineNo(node);
    const std::size_t line = node_line > 0 ? static_cast<std::size_t>(node_line) : line_of(reader);
    if (book) {
      skip(line, "a book (PubmedBookArticle), not read");
      return true;
    }
    Record record;
    record.source = source_;
    record.line = line;
    record.format = "pubmed-xml";
    fill_article(node, record);
    if (record.title.empty()) {
      skip(line, "no title");
      return true;
    }
    ++stats_.records_read;
    sink_(std::move(record));
    return true;
  }

  void skip(std::size_t line, const std::string& what) {
    ++stats_.records_skipped;
    stats_.warnings.push_back(
        Diagnostic{source_, line, "record " + std::to_string(number_) + ": " + what});
  }

  const std::string& source_;
  const RecordSink& sink_;
  ReadStats& stats_;
  XmlError xml_error_;
  bool root_seen_ = false;
  bool in_article_ = false;  // an article's start tag was read but not its whole subtree
  int number_ = 0;
};

}  // namespace

bool looks_like_pubmed_xml(std::string_view head) {
  if (head.starts_with(kBom)) head.remove_prefix(kBom.size());
  head = trim(head);
  if (!head.starts_with('<')) return false;
  for (std::string_view marker :
       {"<PubmedArticleSet", "<PubmedArticle>", "<PubmedArticle ", "<!DOCTYPE PubmedArticleSet"}) {
    if (head.find(marker) != npos) return true;
  }
  return false;
}

bool read_pubmed_xml(std::istream& in, const std::string& source, const RecordSink& sink,
                     ReadStats& stats, std::string* error) {
  PubmedXmlParser parser(source, sink, stats);
  return parser.run(in, error);
}

}  // namespace citenet
