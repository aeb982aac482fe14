// One self-contained HTML page about a corpus: summary figures, a papers-per-year bar chart
// drawn as inline SVG, tables, and maps rendered elsewhere (Graphviz SVG) inlined as they are.
// Nothing is loaded from outside the file (no scripts, fonts, stylesheets or images), so the
// page opens offline, can be mailed, and prints as it shows.
//
// The page is well-formed XML as well as HTML5 (polyglot markup: every element closed, void
// elements self-closed, only the five XML entities and numeric references), so `xmllint
// --noout` checks it. Every text of ReportData is input text and is escaped here
// (xml_escape: markup, quotes, control characters and broken UTF-8); names are wrapped in
// <bdi> so that a right-to-left override inside one name cannot reorder its neighbours.
// The builder knows nothing of corpora or networks: the report command fills the struct.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace citenet {

// One table cell: a text, or a list of texts shown comma-separated (community members).
struct ReportCell {
  std::vector<std::string> texts;
  ReportCell(std::string text) : texts{std::move(text)} {}  // NOLINT: cells read as strings
  ReportCell(const char* text) : texts{text} {}             // NOLINT
  ReportCell(std::vector<std::string> list) : texts(std::move(list)) {}  // NOLINT
};

struct ReportRow {
  std::vector<ReportCell> cells;
  // "#RRGGBB": a colour swatch before the text of ReportTable::colour_column (a community's
  // map colour); anything else draws none.
  std::string colour = {};
};

struct ReportTable {
  std::string caption;
  std::vector<std::string> header;
  std::vector<bool> numeric;  // per column: right-aligned, tabular figures
  std::vector<ReportRow> rows;
  std::size_t colour_column = 0;  // where the rows' colour swatches go
  std::string note = {};          // under the table, e.g. "12 more communities of 1-2 authors"
};

struct ReportFigure {
  std::string label;  // "papers", "authors"
  std::string value;  // "15", "2019-2024"
};

struct YearCount {
  int year = 0;
  std::size_t count = 0;
};

struct ReportSection {
  std::string anchor;                   // id of the section: ASCII letters, digits and '-' are kept
  std::string heading;                  // "Co-authorship"
  std::vector<std::string> paragraphs;  // what the section shows, and what was left out
  // A rendered map: an SVG document (XML prolog, DOCTYPE and comments are dropped; the root
  // loses its fixed width and height so it scales to the page). Its ids must already be
  // unique on the page (MapOptions::id_prefix). Empty: no map.
  std::string svg = {};
  std::string svg_label = {};  // what the map shows, for screen readers
  std::vector<ReportTable> tables = {};
};

struct ReportData {
  std::string title;
  std::string subtitle;               // e.g. the input files
  std::string generator;              // "citenet 0.1.0", in the footer and <meta name="generator">
  std::vector<ReportFigure> figures;  // the corpus summary
  std::vector<YearCount> per_year;    // any order; missing years between are drawn as 0
  std::size_t without_year = 0;       // papers with no year, said under the chart
  std::string per_year_noun = "papers";
  std::vector<ReportTable> summary_tables;  // under the chart (top journals)
  std::vector<ReportSection> sections;
  std::vector<std::string> footer;  // settings the page was made with
};

// The whole page. Deterministic: the same data gives the same bytes.
std::string html_report(const ReportData& data);

// html_report written to `path` atomically (render/atomic_file.h).
bool write_html_report(const ReportData& data, const std::string& path, std::string* err);

// --- Parts, exposed for the tests. -------------------------------------------------------

// The bar chart: one <rect class="bar" data-year="Y" data-count="N"> per year from the
// first to the last (gaps drawn as empty bars), heights proportional to the counts, a
// y axis with round ticks, the years under the bars (every k-th when there are many).
std::string year_chart_svg(const std::vector<YearCount>& per_year, std::string_view noun);

// `svg` ready to sit inside HTML: from the root <svg ...> to its </svg>, without comments;
// the root's width and height are dropped (its viewBox stays) and class="map" is added.
// Empty when `svg` has no <svg> element.
std::string inline_svg(std::string_view svg);

// xml_escape(text) inside <bdi>...</bdi>.
std::string isolated_text(std::string_view text);

}  // namespace citenet
