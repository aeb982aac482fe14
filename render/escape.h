// Escaping of input text (names, titles, affiliations) for the formats citenet writes. Input
// comes from bibliographic exports and may contain anything: markup-looking text, quotes,
// control characters, broken UTF-8. Every writer passes input text through one of these.
#pragma once

#include <string>
#include <string_view>

namespace citenet {

// `text` as UTF-8 that XML 1.0 accepts: each malformed UTF-8 byte sequence and each code
// point XML 1.0 forbids (C0 controls other than tab, newline and carriage return; U+FFFE;
// U+FFFF) becomes U+FFFD REPLACEMENT CHARACTER, so the reader sees that something was there.
std::string sanitize_utf8(std::string_view text);

// sanitize_utf8, then escapes & < > " ' and tab, newline, carriage return as character
// references. Safe in element text and in single- or double-quoted attribute values; the
// whitespace references keep a newline from being normalised to a space inside an attribute.
std::string xml_escape(std::string_view text);

// A Graphviz label or tooltip value (as set with agsafeset) that Graphviz shows exactly as
// `text`: sanitize_utf8, then
//  - backslashes doubled, so \N \G \n \l \r in the input are not Graphviz escapes, and a
//    trailing backslash cannot swallow the closing quote when the graph is written as DOT
//    (cgraph's agwrite does not escape backslashes);
//  - '&' written as "&amp;", because Graphviz decodes HTML entities in labels ("&lt;" would
//    otherwise be drawn as "<") and passes entity-looking text through unescaped into SVG;
//  - carriage returns dropped ("\r\n" and "\r" become a plain line break).
// Quotes need nothing: agwrite escapes them.
std::string graphviz_text(std::string_view text);

}  // namespace citenet
