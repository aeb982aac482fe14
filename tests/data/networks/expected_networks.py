#!/usr/bin/python3
"""Independent counts for tests/graph/build_test.cc (BuildOnRealExports.*).

Reads `citenet parse FILE --to json` output (records as read, with each record's merged
paper id and each author's person id) and computes, without citenet's graph code, the node
and edge counts and the strongest edge of each network kind the tests build. For the
author-institution network it reads which author each affiliation belongs to from the raw
MEDLINE file itself (tests/graph/build_test.cc and tests/cli/author_institution_cli_test.cc).

Regenerate (from the repository root, with a built citenet):
    for f in medline/pybibx-pubmed-part1.txt wos/metaknowledge-testFile.isi \
             wos/metaknowledge-ManyAuthors.isi bibtex/pybibx-wos_m.bib; do
      ./build/citenet parse tests/data/corpora/$f --to json > /tmp/$(basename ${f%.*}).json
    done
    python3 tests/data/networks/expected_networks.py /tmp > tests/data/networks/expected.txt

The strongest edge is the one of highest weight; a tie goes to the pair whose sorted labels
come first. Paper nodes are named by their paper id (the corpus' order of first appearance).
"""
import itertools
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict


def fold(text):
    """Lower case, accents dropped, '&' read as 'and', anything else not a letter or digit
    separates words (citenet's fold_key, re-written)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("&", " and ")
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def load(path):
    records = json.load(open(path))
    papers = defaultdict(list)
    for r in records:
        papers[r["paper"]].append(r)
    return [papers[p] for p in sorted(papers)]


def distinct(items):
    seen = []
    for i in items:
        if i not in seen:
            seen.append(i)
    return seen


def strongest(weights, label):
    best = max(weights.values())
    pairs = sorted(tuple(sorted((label(a), label(b)))) for (a, b), w in weights.items()
                   if abs(w - best) < 1e-9)
    return pairs[0], best


def report(name, kind, nodes, weights, label):
    line = f"{name} {kind}: nodes={nodes} edges={len(weights)}"
    if weights:
        (a, b), w = strongest(weights, label)
        line += f' strongest="{a}" -- "{b}" weight={w:.6g}'
    print(line)


def cooccurrence(units, fractional=False):
    weights = Counter()
    for members in units:
        members = sorted(set(members))
        if len(members) < 2:
            continue
        w = 1.0 / (len(members) - 1) if fractional else 1.0
        for a, b in itertools.combinations(members, 2):
            weights[(a, b)] += w
    return weights


def keyword_label(forms):
    count = Counter(forms)
    best = forms[0]
    for f in distinct(forms):
        upper = lambda s: s.upper() == s and s.lower() != s
        if count[f] > count[best] or (count[f] == count[best] and upper(best) and not upper(f)):
            best = f
    return best


def medline(name, papers):
    # Keyword co-occurrence: explicit keywords (author and index terms), folded.
    forms = defaultdict(list)
    units = []
    for group in papers:
        keys = []
        for r in group:
            for k in r["keywords"]:
                if k["origin"] == "extracted" or not fold(k["text"]):
                    continue
                forms[fold(k["text"])].append(k["text"])
                keys.append(fold(k["text"]))
        units.append(distinct(keys))
    label = lambda key: keyword_label(forms[key])
    report(name, "keyword", len(forms), cooccurrence(units), label)
    report(name, "keyword-fractional", len(forms), cooccurrence(units, True), label)
    # Papers linked by shared keywords: invert.
    by_key = defaultdict(list)
    for p, keys in enumerate(units):
        for k in keys:
            by_key[k].append(p)
    report(name, "paper-keywords", len(papers), cooccurrence(by_key.values()), str)
    # Co-authors, fractional.
    labels = {}
    authors = []
    for group in papers:
        people = []
        for r in group:
            for a in r["authors"]:
                labels[a["person"]] = a["label"]
                people.append(a["person"])
        authors.append(distinct(people))
    report(name, "coauthor-fractional", len(labels), cooccurrence(authors, True),
           lambda p: labels[p])
    # Author-paper bipartite: one edge per distinct author of each paper.
    print(f"{name} author-paper: nodes={len(labels) + len(papers)} "
          f"edges={sum(len(a) for a in authors)}")


def medline_authors(path):
    """Per record of a MEDLINE file, in order: each author slot's AD lines, read from the raw
    text (FAU starts an author, an AU right after its FAU is the same author, any other AU
    starts one; AD lines belong to the author before them; a value continues on lines
    indented by six spaces). Records are keyed by PMID."""
    records, fields = {}, []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("      ") and fields:
            fields[-1][1] += " " + line.strip()
        elif len(line) > 4 and line[4] == "-":
            fields.append([line[:4].strip(), line[5:].strip()])
        if line.startswith("PMID-") and len(fields) > 1:
            records.update(medline_record(fields[:-1]))
            fields = fields[-1:]
    records.update(medline_record(fields))
    return records


def medline_record(fields):
    pmid, authors, after_fau, collective = None, [], False, False
    for tag, value in fields:
        if tag == "PMID":
            pmid = value
        elif tag == "FAU" or (tag == "AU" and not after_fau):
            authors.append([])
            collective = False
        elif tag == "CN":
            collective = True
        elif tag == "AD":
            # Not met in the fixture: AD lines before any author or after a collective name
            # are the record's, not an author's.
            assert authors and not collective, f"PMID {pmid}: an AD line of the record"
            authors[-1].append(value)
        after_fau = tag == "FAU"
    return {pmid: authors} if pmid else {}


def institution_key(name):
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


def author_institution(name, papers, medline_path):
    """Author-institution bipartite network: each author linked to the institutions of their
    own AD lines; an author without AD lines to the paper's institution when it names exactly
    one; otherwise unlinked and counted. The institution of an AD text is the one citenet's
    parse prints for it (extract_institution is tested on its own); which author each AD
    belongs to is read here from the raw file."""
    raw = medline_authors(medline_path)
    labels, forms, pairs, unattributed, old_edges = {}, defaultdict(list), Counter(), 0, set()
    fractional = Counter()
    for group in papers:
        own, people, institutions = defaultdict(set), [], []
        for r in group:
            slots = raw[r["pmid"]]
            assert len(slots) == len(r["authors"]), r["pmid"]
            for a, ads in zip(r["authors"], slots):
                assert ads == [x["text"] for x in a["affiliations"]], (r["pmid"], ads)
                labels[a["person"]] = a["label"]
                people.append(a["person"])
                for x in a["affiliations"]:
                    own[a["person"]]  # an author with AD lines, even naming no institution
                    if x["institution"]:
                        key = institution_key(x["institution"])
                        forms[key].append(x["institution"])
                        own[a["person"]].add(key)
                        institutions.append(key)
        people, institutions = distinct(people), distinct(institutions)
        links = {p: own[p] for p in people if own.get(p)}
        for p in people:
            if p in links or not institutions:
                continue
            if len(institutions) == 1 and p not in own:
                links[p] = {institutions[0]}
            else:
                unattributed += 1
        for p, keys in links.items():
            for k in keys:
                pairs[(p, k)] += 1
                fractional[(p, k)] += 1 / (len(people) * len(keys))
        old_edges.update((p, k) for p in people for k in institutions)
    def label(node):
        if isinstance(node, int):
            return labels[node]
        form = keyword_label(forms[node])
        assert not form.isupper(), form  # citenet shows all-capitals names in title case
        return form

    nodes = len(labels) + len(forms)
    report(name, "author-institution", nodes, pairs, label)
    report(name, "author-institution-fractional", nodes, fractional, label)
    top = max(pairs.values())
    heaviest = sorted(f"{label(p)} -- {label(k)}" for (p, k), w in pairs.items() if w == top)
    print(f"{name} author-institution: unattributed={unattributed} weight {top}: {heaviest} "
          f"(every author to every institution: {len(old_edges)} edges)")


def collaboration(name, papers):
    """Co-authorship (full counting), institution and country collaboration networks: each
    paper links every pair of its distinct authors / institutions / countries once, weight =
    papers. Institutions are keyed as citenet keys them (folded, a leading "the" dropped) and
    shown in their commonest spelling; countries are the names citenet's parse prints."""
    labels, forms = {}, defaultdict(list)
    authors, institutions, countries = [], [], []
    for group in papers:
        people, places, lands = [], [], []
        for r in group:
            for a in r["authors"]:
                labels[a["person"]] = a["label"]
                people.append(a["person"])
                for x in a["affiliations"]:
                    if x["institution"]:
                        key = institution_key(x["institution"])
                        forms[key].append(x["institution"])
                        places.append(key)
                    if x["country"]:
                        lands.append(x["country"])
        authors.append(distinct(people))
        institutions.append(distinct(places))
        countries.append(distinct(lands))
    report(name, "coauthor", len(labels), cooccurrence(authors), lambda p: labels[p])
    report(name, "institution", len(forms), cooccurrence(institutions),
           lambda k: keyword_label(forms[k]))
    report(name, "country", len({c for cs in countries for c in cs}), cooccurrence(countries),
           str)


def find_doi(text):
    for m in re.finditer(r"(?<![0-9A-Za-z])10\.[0-9]+/[^ ,\];]+", text):
        doi = m.group(0)
        while doi and (doi[-1] == "." or (doi[-1] == ")" and doi.count(")") > doi.count("("))):
            doi = doi[:-1]
        if len(doi) > doi.index("/") + 1:
            return doi
    return ""


def reference_keys(text):
    doi = find_doi(text)
    fields = [f.strip(" \t") for f in text.split(",")]
    if len(fields) >= 3 and re.fullmatch(r"[0-9]{4}", fields[1]) and fields[0]:
        ays = fold(fields[0]).replace(" ", "") + "|" + fields[1] + "|" + fold(fields[2])
    else:
        ays = fold(text.replace(doi, "", 1) if doi else text)
    return doi.lower(), ays


class Works:
    """Cited works: the DOI where the reference has one, else author|year|source; a DOI and a
    DOI-less form of one key are one work unless two DOIs share that key."""

    def __init__(self):
        self.doi, self.ays, self.ays_only, self.labels, self.has_doi = {}, {}, {}, [], []

    def fresh(self, text):
        self.labels.append(text.strip(" \t"))
        self.has_doi.append(False)
        return len(self.labels) - 1

    def intern(self, text):
        doi, ays = reference_keys(text)
        if not doi and not ays:
            return None
        if doi:
            if doi in self.doi:
                w = self.doi[doi]
            else:
                w = None
                alias = self.ays.get(ays) if ays else None
                if alias is not None and alias != "ambiguous" and not self.has_doi[alias]:
                    w = alias
                if w is None:
                    w = self.fresh(text)
                self.has_doi[w] = True
                self.doi[doi] = w
            if ays:
                if ays not in self.ays:
                    self.ays[ays] = w
                elif self.ays[ays] != w:
                    self.ays[ays] = "ambiguous"
            return w
        alias = self.ays.get(ays)
        if alias is not None and alias != "ambiguous":
            return alias
        if ays not in self.ays_only:
            self.ays_only[ays] = self.fresh(text)
            self.ays.setdefault(ays, self.ays_only[ays])
        return self.ays_only[ays]


def doi_key(doi):
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                   "http://dx.doi.org/", "doi:"):
        if doi.lower().startswith(prefix):
            doi = doi[len(prefix):]
            break
    return doi.replace(" ", "").lower()


def own_ays(r):
    if not r["authors"] or not r["year"] or not r["journal"]:
        return ""
    a = r["authors"][0]
    who = a["surname"] + a["initials"] if a["surname"] else a["as_printed"]
    return fold(who).replace(" ", "") + "|" + str(r["year"]) + "|" + fold(r["journal"])


def citations(name, papers):
    works = Works()
    record_refs = {}
    for group in papers:
        for r in group:
            refs = []
            for text in r["cited_references"]:
                w = works.intern(text)
                if w is not None and w not in refs:
                    refs.append(w)
            record_refs[id(r)] = refs
    refs = [distinct(w for r in group for w in record_refs[id(r)]) for group in papers]
    work_paper = {}
    for p, group in enumerate(papers):
        w = None
        for r in group:
            d = doi_key(r["doi"])
            if d and d in works.doi:
                w = works.doi[d]
                break
        if w is None:
            for r in group:
                k = own_ays(r)
                if not k:
                    continue
                alias = works.ays.get(k)
                if alias is not None and alias != "ambiguous":
                    w = alias
                    break
                if k in works.ays_only:
                    w = works.ays_only[k]
                    break
        if w is not None:
            work_paper.setdefault(w, p)
    arcs = sorted({(p, work_paper[w]) for p, ws in enumerate(refs) for w in ws
                   if w in work_paper and work_paper[w] != p})
    print(f"{name} citation: nodes={len(papers)} arcs={len(arcs)} first={arcs[:3]}")
    report(name, "cocitation", len(works.labels), cooccurrence(refs), lambda w: works.labels[w])
    # --max-authors 100: papers citing more than 100 works still count as citing each of
    # them (every work stays a node) but add no co-citation links.
    report(name, "cocitation-max100", len(works.labels),
           cooccurrence(ws for ws in refs if len(ws) <= 100), lambda w: works.labels[w])
    print(f"{name} papers citing more than 100 works: {sum(len(ws) > 100 for ws in refs)}")
    by_work = defaultdict(list)
    for p, ws in enumerate(refs):
        for w in ws:
            by_work[w].append(p)
    report(name, "coupling", len(papers), cooccurrence(by_work.values()), str)
    report(name, "coupling-fractional", len(papers), cooccurrence(by_work.values(), True), str)


def main():
    folder = sys.argv[1]
    medline("pybibx-pubmed-part1", load(f"{folder}/pybibx-pubmed-part1.json"))
    collaboration("pybibx-pubmed-part1", load(f"{folder}/pybibx-pubmed-part1.json"))
    corpora = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpora")
    author_institution("pybibx-pubmed-part1", load(f"{folder}/pybibx-pubmed-part1.json"),
                       f"{corpora}/medline/pybibx-pubmed-part1.txt")
    for name in ("metaknowledge-testFile", "metaknowledge-ManyAuthors", "pybibx-wos_m"):
        citations(name, load(f"{folder}/{name}.json"))


if __name__ == "__main__":
    main()
