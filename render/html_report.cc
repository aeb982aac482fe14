#include "render/html_report.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "render/atomic_file.h"
#include "render/escape.h"

namespace citenet {
namespace {

// Print rules: every section starts a page, maps and the chart shrink to the page instead of
// being cut, a table that fits a page is not split from its caption, backgrounds go (but
// community swatches keep their colour), and text is black.
constexpr std::string_view kStyle = R"css(
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--band:#f6f8fa;--accent:#2f5f8f}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.wrap,main{max-width:1120px;margin:0 auto;padding:0 24px}
header.page{background:var(--band);border-bottom:1px solid var(--line);padding:24px 0 14px}
h1{font-size:28px;line-height:1.2;margin:0 0 4px}
h2{font-size:22px;margin:0 0 8px}
.subtitle{color:var(--muted);margin:0 0 10px;overflow-wrap:anywhere}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 20px}
nav a{color:var(--accent);text-decoration:none}
nav a:hover{text-decoration:underline}
section{border-top:1px solid var(--line);margin-top:28px;padding-top:24px}
section:first-child{border-top:none;margin-top:0}
p{max-width:80ch}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:16px 0 20px}
.figures div{border:1px solid var(--line);border-radius:6px;background:var(--band);padding:8px 12px}
.figures dt{font-size:13px;color:var(--muted)}
.figures dd{margin:0;font-size:21px;font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
figure{margin:16px 0 20px}
figcaption{color:var(--muted);font-size:13px;margin-top:4px}
figure.chart svg{display:block;width:100%;max-width:880px;height:auto}
figure.map svg{display:block;width:100%;height:auto;max-height:92vh;border:1px solid var(--line);border-radius:6px;background:#fff}
.year-chart .bar{fill:#4477aa}
.year-chart text{font-size:13px;fill:var(--ink)}
.year-chart .count{font-size:12px}
.year-chart .axis{stroke:var(--muted);stroke-width:1}
.year-chart .grid{stroke:var(--line);stroke-width:1}
.tables{display:flex;flex-wrap:wrap;gap:0 32px;align-items:flex-start}
.table{max-width:100%;overflow-x:auto}
table{border-collapse:collapse;font-size:14px;margin:8px 0 4px}
caption{caption-side:top;text-align:left;font-weight:600;padding:4px 0}
th,td{padding:3px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td{max-width:46ch;overflow-wrap:anywhere}
th{background:var(--band);font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px;border:1px solid rgba(0,0,0,.35);border-radius:2px}
.note{color:var(--muted);font-size:13px;margin:2px 0 16px}
footer{color:var(--muted);font-size:13px;border-top:1px solid var(--line);margin-top:32px;padding:12px 0 32px}
footer p{margin:2px 0}
@media print{
@page{margin:15mm}
body{font-size:10.5pt;background:#fff}
*{color:#000!important}
.wrap,main{max-width:none;padding:0}
header.page{background:none;border:none;padding:0}
nav{display:none}
section{break-before:page;border:none;margin:0;padding:0}
section:first-child{break-before:auto}
h1,h2,caption{break-after:avoid}
figure{break-inside:avoid}
figure.map svg{max-height:235mm;border:none}
figure.chart svg{max-width:100%}
.year-chart text{fill:#000}
.figures div,th{background:none}
.tables{display:block}
.table{overflow:visible;break-inside:avoid}
thead{display:table-header-group}
tr{break-inside:avoid}
.swatch,.year-chart,figure.map svg{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
)css";

std::string number(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// The anchor an id can be: ASCII letters, digits and '-', never empty.
std::string anchor_id(std::string_view wanted) {
  std::string id;
  for (const char c : wanted) {
    const bool keep =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    if (keep) id += c;
  }
  if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) id = "s-" + id;
  return id;
}

bool is_colour(std::string_view colour) {
  if (colour.size() != 7 || colour[0] != '#') return false;
  return std::all_of(colour.begin() + 1, colour.end(),
                     [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

// "964pt", "120px", "88": a length that can go into a style attribute as it is.
bool is_length(std::string_view value) {
  std::string_view number = value;
  if (number.ends_with("pt") || number.ends_with("px")) number.remove_suffix(2);
  return !number.empty() && std::isdigit(static_cast<unsigned char>(number[0])) &&
         number.find_first_not_of("0123456789.") == std::string_view::npos;
}

// 1, 2 or 5 times a power of ten: about five gridlines from 0 to `max`.
double tick_step(double max) {
  if (max <= 5) return 1;
  const double raw = max / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double scaled = raw / magnitude;
  const double step = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10;
  return step * magnitude;
}

void append_table(std::string& h, const ReportTable& table) {
  h += "<div class=\"table\">\n<table>\n";
  if (!table.caption.empty()) h += "<caption>" + xml_escape(table.caption) + "</caption>\n";
  const auto numeric = [&](std::size_t column) {
    return column < table.numeric.size() && table.numeric[column];
  };
  h += "<thead><tr>";
  for (std::size_t c = 0; c < table.header.size(); ++c)
    h += std::string(numeric(c) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">") +
         xml_escape(table.header[c]) + "</th>";
  h += "</tr></thead>\n<tbody>\n";
  for (const ReportRow& row : table.rows) {
    h += "<tr>";
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      h += numeric(c) ? "<td class=\"num\">" : "<td>";
      if (c == table.colour_column && is_colour(row.colour))
        h += "<span class=\"swatch\" style=\"background:" + row.colour + "\"></span>";
      const std::vector<std::string>& texts = row.cells[c].texts;
      for (std::size_t t = 0; t < texts.size(); ++t) {
        if (t) h += ", ";
        h += numeric(c) ? xml_escape(texts[t]) : isolated_text(texts[t]);
      }
      h += "</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody>\n</table>\n";
  if (!table.note.empty()) h += "<p class=\"note\">" + xml_escape(table.note) + "</p>\n";
  h += "</div>\n";
}

void append_tables(std::string& h, const std::vector<ReportTable>& tables) {
  if (tables.empty()) return;
  h += "<div class=\"tables\">\n";
  for (const ReportTable& table : tables) append_table(h, table);
  h += "</div>\n";
}

void append_paragraphs(std::string& h, const std::vector<std::string>& paragraphs) {
  for (const std::string& p : paragraphs) h += "<p>" + xml_escape(p) + "</p>\n";
}

}  // namespace

std::string isolated_text(std::string_view text) { return "<bdi>" + xml_escape(text) + "</bdi>"; }

std::string year_chart_svg(const std::vector<YearCount>& per_year, std::string_view noun) {
  if (per_year.empty()) return "";
  std::map<int, std::size_t> counts;
  for (const YearCount& y : per_year) counts[y.year] += y.count;
  const int first = counts.begin()->first;
  const int last = counts.rbegin()->first;
  const std::size_t years = static_cast<std::size_t>(last - first) + 1;
  std::size_t max = 0;
  for (const auto& [year, count] : counts) max = std::max(max, count);

  constexpr double kWidth = 880, kHeight = 320;
  constexpr double kLeft = 64, kRight = 16, kTop = 28;
  const bool slanted = years > 12;
  const double bottom = slanted ? 78 : 56;
  const double plot_width = kWidth - kLeft - kRight;
  const double plot_height = kHeight - kTop - bottom;
  const double baseline = kTop + plot_height;
  const double step = tick_step(static_cast<double>(max));
  const double top = std::max(step, std::ceil(static_cast<double>(max) / step) * step);
  const double slot = plot_width / static_cast<double>(years);
  const double bar_width = std::max(1.0, slot * 0.72);
  // About 24 year labels fit under the axis; beyond that every k-th year is named.
  const std::size_t label_every = (years + 23) / 24;
  const std::string noun_text = xml_escape(noun);

  std::string s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"year-chart\" viewBox=\"0 0 " +
                  number(kWidth, 0) + " " + number(kHeight, 0) + "\" role=\"img\" aria-label=\"" +
                  noun_text + " per year, " + std::to_string(first) + " to " +
                  std::to_string(last) + "\">\n";
  s += "<title>" + noun_text + " per year</title>\n";
  for (double tick = 0; tick <= top + 1e-9; tick += step) {
    const double y = baseline - tick / top * plot_height;
    s += "<line class=\"grid\" x1=\"" + number(kLeft, 2) + "\" y1=\"" + number(y, 2) + "\" x2=\"" +
         number(kWidth - kRight, 2) + "\" y2=\"" + number(y, 2) + "\"/>\n";
    s += "<text x=\"" + number(kLeft - 8, 2) + "\" y=\"" + number(y + 4, 2) +
         "\" text-anchor=\"end\">" + number(tick, 0) + "</text>\n";
  }
  for (std::size_t i = 0; i < years; ++i) {
    const int year = first + static_cast<int>(i);
    const auto found = counts.find(year);
    const std::size_t count = found == counts.end() ? 0 : found->second;
    const double height = static_cast<double>(count) / top * plot_height;
    const double x = kLeft + slot * static_cast<double>(i) + (slot - bar_width) / 2;
    const double centre = x + bar_width / 2;
    s += "<rect class=\"bar\" data-year=\"" + std::to_string(year) + "\" data-count=\"" +
         std::to_string(count) + "\" x=\"" + number(x, 2) + "\" y=\"" +
         number(baseline - height, 2) + "\" width=\"" + number(bar_width, 2) + "\" height=\"" +
         number(height, 2) + "\"><title>" + std::to_string(year) + ": " + std::to_string(count) +
         " " + noun_text + "</title></rect>\n";
    if (count > 0 && years <= 30)
      s += "<text class=\"count\" x=\"" + number(centre, 2) + "\" y=\"" +
           number(baseline - height - 5, 2) + "\" text-anchor=\"middle\">" + std::to_string(count) +
           "</text>\n";
    if (i % label_every == 0) {
      if (slanted)
        s += "<text x=\"" + number(centre, 2) + "\" y=\"" + number(baseline + 16, 2) +
             "\" text-anchor=\"end\" transform=\"rotate(-45 " + number(centre, 2) + " " +
             number(baseline + 16, 2) + ")\">" + std::to_string(year) + "</text>\n";
      else
        s += "<text x=\"" + number(centre, 2) + "\" y=\"" + number(baseline + 18, 2) +
             "\" text-anchor=\"middle\">" + std::to_string(year) + "</text>\n";
    }
  }
  s += "<line class=\"axis\" x1=\"" + number(kLeft, 2) + "\" y1=\"" + number(baseline, 2) +
       "\" x2=\"" + number(kWidth - kRight, 2) + "\" y2=\"" + number(baseline, 2) + "\"/>\n";
  s += "<line class=\"axis\" x1=\"" + number(kLeft, 2) + "\" y1=\"" + number(kTop, 2) + "\" x2=\"" +
       number(kLeft, 2) + "\" y2=\"" + number(baseline, 2) + "\"/>\n";
  s += "<text x=\"" + number(kLeft + plot_width / 2, 2) + "\" y=\"" + number(kHeight - 8, 2) +
       "\" text-anchor=\"middle\">year of publication</text>\n";
  s += "<text x=\"16\" y=\"" + number(kTop + plot_height / 2, 2) +
       "\" text-anchor=\"middle\" transform=\"rotate(-90 16 " + number(kTop + plot_height / 2, 2) +
       ")\">" + noun_text + "</text>\n";
  s += "</svg>";
  return s;
}

std::string inline_svg(std::string_view svg) {
  std::size_t start = 0;
  for (;;) {
    start = svg.find("<svg", start);
    if (start == std::string_view::npos) return "";
    const char next = start + 4 < svg.size() ? svg[start + 4] : '\0';
    if (next == ' ' || next == '\n' || next == '\t' || next == '\r' || next == '>') break;
    start += 4;
  }
  const std::size_t end = svg.rfind("</svg>");
  if (end == std::string_view::npos || end < start) return "";
  const std::string_view body = svg.substr(start, end + 6 - start);
  // Comments go: Graphviz writes one per node and edge, and they are nothing to a reader.
  std::string out;
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size();) {
    const std::size_t open = body.find("<!--", i);
    if (open == std::string_view::npos) {
      out.append(body.substr(i));
      break;
    }
    out.append(body.substr(i, open - i));
    const std::size_t close = body.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    i = close + 3;
    if (i < body.size() && body[i] == '\n') ++i;
  }
  // The root's fixed size in points would overflow the page: it becomes a maximum width (a
  // five-node map is not blown up to the page's width), and the viewBox keeps the shape.
  const std::size_t root_end = out.find('>');
  std::string root = out.substr(0, root_end);
  std::string natural_width;
  if (root.find(" viewBox=\"") != std::string::npos) {
    for (const char* attribute : {"width", "height"}) {
      const std::string key = std::string(attribute) + "=\"";
      for (std::size_t at = root.find(key); at != std::string::npos; at = root.find(key, at + 1)) {
        const char before = at > 0 ? root[at - 1] : ' ';
        if (before != ' ' && before != '\n' && before != '\t') continue;
        const std::size_t close = root.find('"', at + key.size());
        if (close == std::string::npos) break;
        const std::string value = root.substr(at + key.size(), close - at - key.size());
        if (key[0] == 'w' && is_length(value)) natural_width = value;
        std::size_t erase_from = at;
        while (erase_from > 4 && (root[erase_from - 1] == ' ' || root[erase_from - 1] == '\n'))
          --erase_from;
        root.erase(erase_from, close + 1 - erase_from);
        break;
      }
    }
  }
  if (!natural_width.empty()) root.insert(4, " style=\"max-width:" + natural_width + "\"");
  root.insert(4, " class=\"map\"");
  return root + out.substr(root_end);
}

std::string html_report(const ReportData& data) {
  std::string h;
  h.reserve(64 * 1024);
  h += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n";
  h += "<meta charset=\"utf-8\"/>\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  if (!data.generator.empty())
    h += "<meta name=\"generator\" content=\"" + xml_escape(data.generator) + "\"/>\n";
  h += "<title>" + xml_escape(data.title) + "</title>\n";
  h += "<style>";
  h += kStyle;
  h += "</style>\n</head>\n<body>\n";

  // Anchors are made unique here, so a section named like another cannot break the links.
  std::set<std::string> used = {"corpus"};
  std::vector<std::string> anchors;
  for (const ReportSection& section : data.sections) {
    std::string id = anchor_id(section.anchor);
    for (int n = 2; used.count(id); ++n) id = anchor_id(section.anchor) + "-" + std::to_string(n);
    used.insert(id);
    anchors.push_back(id);
  }

  h += "<header class=\"page\"><div class=\"wrap\">\n<h1>" + xml_escape(data.title) + "</h1>\n";
  if (!data.subtitle.empty()) h += "<p class=\"subtitle\">" + xml_escape(data.subtitle) + "</p>\n";
  h += "<nav aria-label=\"sections\"><ul><li><a href=\"#corpus\">Corpus</a></li>";
  for (std::size_t i = 0; i < data.sections.size(); ++i)
    h +=
        "<li><a href=\"#" + anchors[i] + "\">" + xml_escape(data.sections[i].heading) + "</a></li>";
  h += "</ul></nav>\n</div></header>\n<main>\n";

  h += "<section id=\"corpus\">\n<h2>Corpus</h2>\n<dl class=\"figures\">\n";
  for (const ReportFigure& figure : data.figures)
    h += "<div><dt>" + xml_escape(figure.label) + "</dt><dd>" + xml_escape(figure.value) +
         "</dd></div>\n";
  h += "</dl>\n";
  const std::string chart = year_chart_svg(data.per_year, data.per_year_noun);
  if (!chart.empty()) {
    h += "<figure class=\"chart\">\n" + chart + "\n<figcaption>" + xml_escape(data.per_year_noun) +
         " per year of publication";
    if (data.without_year)
      h += "; " + std::to_string(data.without_year) + " without a year are not shown";
    h += "</figcaption>\n</figure>\n";
  } else {
    h += "<p>No " + xml_escape(data.per_year_noun) + " with a year of publication.</p>\n";
  }
  append_tables(h, data.summary_tables);
  h += "</section>\n";

  for (std::size_t i = 0; i < data.sections.size(); ++i) {
    const ReportSection& section = data.sections[i];
    h += "<section id=\"" + anchors[i] + "\">\n<h2>" + xml_escape(section.heading) + "</h2>\n";
    append_paragraphs(h, section.paragraphs);
    const std::string map = inline_svg(section.svg);
    if (!map.empty()) {
      h += "<figure class=\"map\" role=\"group\" aria-label=\"" + xml_escape(section.svg_label) +
           "\">\n" + map + "\n</figure>\n";
    }
    append_tables(h, section.tables);
    h += "</section>\n";
  }
  h += "</main>\n<footer><div class=\"wrap\">\n";
  for (const std::string& line : data.footer) h += "<p>" + xml_escape(line) + "</p>\n";
  if (!data.generator.empty()) h += "<p>Made by " + xml_escape(data.generator) + ".</p>\n";
  h += "</div></footer>\n</body>\n</html>\n";
  return h;
}

bool write_html_report(const ReportData& data, const std::string& path, std::string* err) {
  const std::string page = html_report(data);
  return write_atomically(
      path,
      [&](std::ostream& out, std::string*) {
        out << page;
        return true;
      },
      err);
}

}  // namespace citenet
