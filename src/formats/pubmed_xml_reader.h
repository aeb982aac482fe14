// Reader of PubMed XML: the "XML" download of pubmed.ncbi.nlm.nih.gov and E-utilities'
// efetch output (db=pubmed, retmode=xml).
//
//     <PubmedArticleSet>
//       <PubmedArticle>
//         <MedlineCitation> <PMID/> <Article> <Journal/> <ArticleTitle/> <Abstract/>
//           <AuthorList/> ... </Article> <MeshHeadingList/> <KeywordList/> </MedlineCitation>
//         <PubmedData> <ArticleIdList/> <ReferenceList/> </PubmedData>
//       </PubmedArticle>
//     </PubmedArticleSet>
//
// Affiliations go to their <Author>. Those tied to no author (the article-level
// <Affiliation> of the DTDs before 2014, those of an <Author> entry without a name) go to
// Record::addresses, once each, in order; a retracted name entry's (ValidYN="N") and
// investigators' are dropped.
//
// The document is streamed with libxml2's xmlTextReader: one <PubmedArticle> is expanded at a
// time and freed when the reader moves past it. The external DTD named by the DOCTYPE is never
// fetched or loaded (no network, no DTD loading) and entities other than the predefined ones
// and character references are not expanded.
#pragma once

#include <istream>
#include <string>
#include <string_view>

#include "formats/diagnostics.h"
#include "formats/record_sink.h"
#include "records/record.h"

namespace citenet {

// True when the head of a file (a UTF-8 BOM allowed) is XML with a PubmedArticleSet or
// PubmedArticle element (or the PubMed DOCTYPE) in it.
bool looks_like_pubmed_xml(std::string_view head);

// Streams records from `in`, one <PubmedArticle> at a time, calling `sink` for each good
// record. An article without a title is skipped and reported as `source:line: record N: no
// title`; a <PubmedBookArticle> is skipped with a warning. A document that stops being
// well-formed keeps the records read before the error, which is reported as
// `source:line: <libxml2 message>` (and the article it cut counted as skipped). Returns false
// only when nothing of this format could be read (not XML, or another root element), with
// *error set to "source:line: what".
bool read_pubmed_xml(std::istream& in, const std::string& source, const RecordSink& sink,
                     ReadStats& stats, std::string* error);

}  // namespace citenet
