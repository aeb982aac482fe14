#!/usr/bin/python3
"""One peer's run of the benchmark pipeline on a MEDLINE file, step by step.

    /usr/bin/python3 tests/bench/peers.py igraph|networkx FILE OUT_DIR

Steps, as citenet's `map FILE --network coauthor --community leiden --metrics
degree,pagerank -o out.graphml -o nodes.csv` does them: parse the MEDLINE records, key each
author exactly as citenet's `--author-key full` does (author_key() below: folded surname +
folded full given names, or + initials when only initials are known), build the weighted
co-authorship graph (weight = shared papers), connected components, Leiden (igraph) or
Louvain (networkx has no Leiden), PageRank, write GraphML and a node CSV. Prints one JSON
line: seconds per step, nodes, edges, components, modularity.

The keying is citenet's `--author-key full`, not its default (`smart`, which also joins
initials-only forms to full names and splits homonyms on ORCID, co-author and affiliation
evidence); compare.sh compares these graphs with a `--author-key full` run of citenet.
Records are taken as they come: citenet also merges duplicate records (same DOI, PMID, or
title and year) and skips records without PMID or title, which synthetic corpora do not
have (compare.sh checks citenet's "0 skipped, 0 merged").

Importable: read_medline_authors(), author_key() and fold_key() are used by
tests/bench/author_key_check.py to diff these keys against citenet's.
"""
import collections
import csv
import functools
import itertools
import json
import re
import sys
import time
import unicodedata

# ---- citenet's author key, in Python ----------------------------------------------------
#
# Three parts, each mirroring the C++ code named in its comment:
#   1. medline_author(): the MEDLINE reader's split of FAU "Surname, Given Names" and AU
#      "Surname Initials" into surname, given names, initials (src/formats/medline_reader.cc).
#   2. fold_key(): the comparison key of a text (src/records/text.cc).
#   3. author_key(): fold_name() + build_key() + person_key() of --author-key full
#      (src/records/author_identity.cc).
# With these, `citenet map FILE --author-key full --author-merges m.csv` writes exactly
# these keys in m.csv's key column (author_key_check.py checks that).

# C++ reader_text::is_space: what trim() strips (not Python's str.strip(), which also strips
# non-breaking and other Unicode spaces).
_SPACE = " \t\r\n\f"

# Latin letters without a decomposition and their ASCII reading: ICU's Latin-ASCII
# transliterator followed by case folding, as citenet's latin_ascii() applies it to the
# letters left after case folding and NFKD. Generated from citenet's own fold_key() (ICU 72)
# over every code point with `author_key_check.py table DUMP` (see that script); the rest of
# fold_key() is plain Unicode data, which Python has.
_LATIN_ASCII = dict(entry.split(":") for entry in """
    Æ:ae Ð:d Ø:o Þ:th ß:ss æ:ae ð:d ø:o þ:th Đ:d đ:d Ħ:h ħ:h ı:i ĸ:q Ł:l ł:l Ŋ:n ŋ:n Œ:oe
    œ:oe Ŧ:t ŧ:t ƀ:b Ɓ:b Ƃ:b ƃ:b Ƈ:c ƈ:c Ɖ:d Ɗ:d Ƌ:d ƌ:d Ɛ:e Ƒ:f ƒ:f Ɠ:g ƕ:hv Ɨ:i Ƙ:k ƙ:k
    ƚ:l Ɲ:n ƞ:n Ƣ:oi ƣ:oi Ƥ:p ƥ:p Ʀ:r ƫ:t Ƭ:t ƭ:t Ʈ:t Ʋ:v Ƴ:y ƴ:y Ƶ:z ƶ:z Ǥ:g ǥ:g Ƕ:hv Ƞ:n
    ȡ:d Ȥ:z ȥ:z ȴ:l ȵ:n ȶ:t ȷ:j ȸ:db ȹ:qp Ⱥ:a Ȼ:c ȼ:c Ƚ:l Ⱦ:t ȿ:s ɀ:z Ƀ:b Ʉ:u Ɇ:e ɇ:e Ɉ:j
    ɉ:j Ɍ:r ɍ:r Ɏ:y ɏ:y ɓ:b ɕ:c ɖ:d ɗ:d ɛ:e ɟ:j ɠ:g ɡ:g ɢ:g ɦ:h ɧ:h ɨ:i ɪ:i ɫ:l ɬ:l ɭ:l ɱ:m
    ɲ:n ɳ:n ɴ:n ɶ:oe ɼ:r ɽ:r ɾ:r ʀ:r ʂ:s ʈ:t ʉ:u ʋ:v ʏ:y ʐ:z ʑ:z ʙ:b ʛ:g ʜ:h ʝ:j ʟ:l ʠ:q
    ʣ:dz ʥ:dz ʦ:ts ʪ:ls ʫ:lz ᴀ:a ᴁ:ae ᴃ:b ᴄ:c ᴅ:d ᴆ:d ᴇ:e ᴊ:j ᴋ:k ᴌ:l ᴍ:m ᴏ:o ᴘ:p ᴛ:t ᴜ:u
    ᴠ:v ᴡ:w ᴢ:z ᵫ:ue ᵬ:b ᵭ:d ᵮ:f ᵯ:m ᵰ:n ᵱ:p ᵲ:r ᵳ:r ᵴ:s ᵵ:t ᵶ:z ᵺ:th ᵻ:i ᵽ:p ᵾ:u ᶀ:b ᶁ:d
    ᶂ:f ᶃ:g ᶄ:k ᶅ:l ᶆ:m ᶇ:n ᶈ:p ᶉ:r ᶊ:s ᶌ:v ᶍ:x ᶎ:z ᶏ:a ᶑ:d ᶒ:e ᶓ:e ᶖ:i ᶙ:u ẜ:s ẝ:s ẞ:ss
    Ỻ:ll ỻ:ll Ỽ:v ỽ:v Ỿ:y ỿ:y Ⱡ:l ⱡ:l Ɫ:l Ᵽ:p Ɽ:r ⱥ:a ⱦ:t Ⱨ:h ⱨ:h Ⱪ:k ⱪ:k Ⱬ:z ⱬ:z Ɱ:m ⱱ:v
    Ⱳ:w ⱳ:w ⱴ:v ⱸ:e ⱺ:o Ȿ:s Ɀ:z ꜰ:f ꜱ:s Ꜳ:aa ꜳ:aa Ꜵ:ao ꜵ:ao Ꜷ:au ꜷ:au Ꜹ:av ꜹ:av Ꜻ:av ꜻ:av
    Ꜽ:ay ꜽ:ay Ꝁ:k ꝁ:k Ꝃ:k ꝃ:k Ꝅ:k ꝅ:k Ꝇ:l ꝇ:l Ꝉ:l ꝉ:l Ꝋ:o ꝋ:o Ꝍ:o ꝍ:o Ꝏ:oo ꝏ:oo Ꝑ:p ꝑ:p Ꝓ:p
    ꝓ:p Ꝕ:p ꝕ:p Ꝗ:q ꝗ:q Ꝙ:q ꝙ:q Ꝟ:v ꝟ:v Ꝡ:vy ꝡ:vy Ꝥ:th ꝥ:th Ꝧ:th ꝧ:th ꝱ:d ꝲ:l ꝳ:m ꝴ:n ꝵ:r
    ꝶ:r ꝷ:t Ꝺ:d ꝺ:d Ꝼ:f ꝼ:f Ꞇ:t ꞇ:t Ꞑ:n ꞑ:n Ꞓ:c ꞓ:c Ꞡ:g ꞡ:g Ꞣ:k ꞣ:k Ꞥ:n ꞥ:n Ꞧ:r ꞧ:r Ꞩ:s ꞩ:s
    Ɦ:h Ɡ:g Ɬ:l Ɪ:i Ʝ:j Ʂ:s Ᶎ:z""".split())

_WORD_CATEGORIES = {"Lu", "Ll", "Lt", "Lm", "Lo", "Nd"}  # ICU u_isalnum(): letters, digits
_ASCII_TOKEN = re.compile(r"[a-z0-9]+|&")


def fold_key(text):
    """citenet::fold_key: a comparison key. "Müller", "MULLER" -> "muller".

    Case folded (full Unicode case folding, "ß" -> "ss"), then NFKD; combining marks (the
    accents NFKD split off) are dropped without a break ("Mu" + U+0308 + "ller" -> "muller"); Latin
    letters without a decomposition take their ASCII reading ("Ø" -> "o", "ł" -> "l", "æ" ->
    "ae"); "&" becomes the word "and"; every other character that is not a letter or digit
    (hyphen, apostrophe, dot, comma, space, ...) separates words; words are joined by one
    space, without leading or trailing space. Letters of other scripts are kept, case folded.
    """
    if text.isascii():  # citenet's fast path; the same result as the general one
        return " ".join("and" if t == "&" else t for t in _ASCII_TOKEN.findall(text.lower()))
    out = []
    for c in unicodedata.normalize("NFKD", text.casefold()):
        if c < "\x80":
            out.append(c.lower() if c.isalnum() else " and " if c == "&" else " ")
            continue
        category = unicodedata.category(c)
        if category[0] == "M":
            continue  # a combining mark: dropped, the word goes on
        if category not in _WORD_CATEGORIES:
            out.append(" ")
        else:
            out.append(_LATIN_ASCII.get(c, c))
    return " ".join(word for word in "".join(out).split(" ") if word)


_NAME_SUFFIXES = {"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "2nd", "3rd", "4th"}


def _split(text, separators):
    """reader_text::split: the pieces between any of `separators`, empty ones dropped."""
    return [p for p in re.split("[" + re.escape(separators) + "]", text) if p]


def _is_initial_word(word):
    """A given-name word of initials only, as "M", "J." or "J.-P.": one capital or non-ASCII
    letter per part between dots and hyphens."""
    for part in _split(word, ".-"):
        if len(part) != 1 or not ("A" <= part <= "Z" or part >= "\x80"):
            return False
    return bool(word)


def _initials_of(words):
    """Initials of given-name words: "John Michael" -> "JM", "Ting-Ting" -> "TT"; parts
    starting with an ASCII lower-case letter ("van", "de") give no initial."""
    return "".join(part[0] for word in words for part in _split(word, ".-")
                   if not "a" <= part[0] <= "z")


def _is_initials_token(word):
    """AU "Casbon JA", "Casado MÁ": one to four capital or non-ASCII letters."""
    if any("a" <= c <= "z" or (c < "\x80" and not "A" <= c <= "Z") for c in word):
        return False
    return 1 <= len(word) <= 4


def _short_name(au):
    """AU "Surname Initials" -> (surname, initials)."""
    words = [w for w in au.split(" ") if w]
    if len(words) > 2 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    initials = ""
    if len(words) >= 2 and _is_initials_token(words[-1]):
        initials = words.pop()
    return " ".join(words), initials


def medline_author(fau, au):
    """(surname, given names, initials, as printed) of one MEDLINE author, from its FAU line
    and the AU line that follows it (either may be None), as citenet's reader fills them.
    given is "" when FAU holds only initials ("de Hoon, M J L"); suffixes ("Jr", "III")
    are dropped from the given names."""
    if fau is None:
        surname, initials = _short_name(au)
        return surname, "", initials, au
    comma = fau.find(",")
    surname = (fau if comma < 0 else fau[:comma]).strip(_SPACE)
    given = initials = ""
    if comma >= 0:
        words = _split(fau[comma + 1:], " ,")
        while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
            words.pop()
        initials = _initials_of(words)
        if not all(_is_initial_word(w) for w in words):
            given = " ".join(words)
    if au is not None and not initials:
        initials = _short_name(au)[1]
    return surname, given, initials, au or ""


@functools.lru_cache(maxsize=None)
def author_key(fau, au=None):
    """The author's key under citenet's --author-key full, written as citenet's merge table
    writes it: "folded surname, folded given names" when a full given name is known (some
    given-name word has two or more letters after folding), else "folded surname, i.n.i.".
    "Müller, Anna" and "MULLER, ANNA" -> "muller, anna"; "Li, Xing" -> "li, xing" but
    "Li, X" -> "li, x." (full keying never joins an initials form to a full name);
    "Smith, John A" and "Smith, John" are two keys ("smith, john a", "smith, john")."""
    surname, given, initials, as_printed = medline_author(fau, au)
    surname = fold_key(surname) or fold_key(as_printed)
    given = fold_key(given)
    if any(len(word) > 1 for word in given.split(" ")):
        return f"{surname}, {given}"
    initials = (fold_key(initials) or given).replace(" ", "")
    return f"{surname}, " + "".join(letter + "." for letter in initials)


# The tag lines read_medline_authors() acts on ("FAU - Smith, John", "AU  -" ...).
_AUTHOR_TAGS = ("PMID-", "FAU -", "AU  -", "CN  -", "IR  -", "FIR -")


def read_medline_authors(path):
    """Each record's authors in file order, as [FAU, AU] pairs (None where a line is
    missing), the way citenet's MEDLINE reader pairs them: an FAU opens an author, the next
    AU completes it unless a CN, IR or FIR came between; an AU without its FAU is an author
    of its own. Continuation lines (indented) extend the value; a record starts at PMID and
    ends at a blank line."""
    papers = []
    authors = None  # the current record's authors
    open_fau = None  # the author an AU line would complete
    field = None  # (author, 0 or 1): the value continuation lines extend
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        for line in f:
            if line.startswith(_AUTHOR_TAGS) and line[5:6] in (" ", "\n", ""):
                tag = line[:4].rstrip(" ")
                value = line[5:].strip(_SPACE)
                field = None
                if tag == "PMID":
                    authors = []
                    papers.append(authors)
                    open_fau = None
                elif authors is None:
                    pass
                elif tag == "FAU":
                    open_fau = [value, None]
                    authors.append(open_fau)
                    field = (open_fau, 0)
                elif tag == "AU":
                    if open_fau is not None:
                        open_fau[1] = value
                        field = (open_fau, 1)
                    else:
                        authors.append([None, value])
                        field = (authors[-1], 1)
                    open_fau = None
                else:  # CN, IR, FIR: what follows is not the last FAU's
                    open_fau = None
            elif line[0] in _SPACE:
                content = line.strip(_SPACE)
                if not content:  # a blank line ends the record
                    authors = open_fau = field = None
                elif field is not None:
                    author, index = field
                    author[index] += " " + content
            elif field is not None and line[4:5] == "-":
                field = None  # another field: continuation lines are no longer the author's
    return papers


# ---- the benchmark run --------------------------------------------------------------------

def main():
    peer, path, out_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    t = {}
    start = time.perf_counter()

    def step(name):
        nonlocal start
        now = time.perf_counter()
        t[name] = round(now - start, 3)
        start = now

    papers = [[(author_key(fau, au), fau or au) for fau, au in authors]
              for authors in read_medline_authors(path)]
    step("parse")

    weights = collections.Counter()
    names = {}
    labels = []  # the first printed form of each key
    for authors in papers:
        ids = set()
        for key, printed in authors:
            i = names.setdefault(key, len(names))
            if i == len(labels):
                labels.append(printed)
            ids.add(i)
        for pair in itertools.combinations(sorted(ids), 2):
            weights[pair] += 1

    if peer == "igraph":
        import igraph
        g = igraph.Graph(n=len(names), edges=list(weights.keys()))
        g.es["weight"] = list(weights.values())
        g.vs["label"] = labels
        step("build")
        components = len(g.connected_components())
        step("components")
        # igraph default: 2 iterations
        part = g.community_leiden(objective_function="modularity", weights="weight")
        modularity = g.modularity(part.membership, weights="weight")
        step("communities")
        pr = g.pagerank(weights="weight")
        degree = g.degree()
        step("pagerank")
        g.vs["community"] = part.membership
        g.write_graphml(f"{out_dir}/peer.graphml")
        nodes, edges = g.vcount(), g.ecount()
        membership = part.membership
    else:
        import networkx as nx
        g = nx.Graph()
        g.add_nodes_from(range(len(names)))
        g.add_weighted_edges_from((a, b, w) for (a, b), w in weights.items())
        nx.set_node_attributes(g, dict(enumerate(labels)), "label")
        step("build")
        components = nx.number_connected_components(g)
        step("components")
        comms = nx.algorithms.community.louvain_communities(g, weight="weight", seed=42)
        modularity = nx.algorithms.community.modularity(g, comms, weight="weight")
        membership = [0] * len(names)
        for c, members in enumerate(comms):
            for v in members:
                membership[v] = c
        step("communities")
        prd = nx.pagerank(g, weight="weight")
        pr = [prd[v] for v in range(len(names))]
        degree = [g.degree(v) for v in range(len(names))]
        step("pagerank")
        nx.set_node_attributes(g, dict(enumerate(membership)), "community")
        nx.write_graphml(g, f"{out_dir}/peer.graphml")
        nodes, edges = g.number_of_nodes(), g.number_of_edges()
    with open(f"{out_dir}/peer-nodes.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "label", "degree", "pagerank", "community"])
        for v in range(len(names)):
            w.writerow([v, labels[v], degree[v], pr[v], membership[v]])
    step("write")
    print(json.dumps({"peer": peer, "seconds": t, "nodes": nodes, "edges": edges,
                      "components": components, "modularity": modularity}))


if __name__ == "__main__":
    main()
