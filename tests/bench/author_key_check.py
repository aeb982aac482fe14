#!/usr/bin/python3
"""Checks that peers.py keys authors exactly as citenet's `--author-key full` does.

    author_key_check.py names FILE MERGES.csv   # FILE: MEDLINE; MERGES.csv from
        citenet map FILE --author-key full --author-merges MERGES.csv ...
    author_key_check.py fold DUMP.tsv           # DUMP.tsv: build-bench/fold_dump output
    author_key_check.py table DUMP.tsv          # prints peers.py's _LATIN_ASCII entries

names: every key in one table and not the other, and every key whose papers differ, with
the FAU/AU lines behind it (in --author-key full each citenet person is one key, and the
merge table's key column is the text peers.author_key() returns). Exit status 1 on any
difference.

fold: peers.fold_key() against citenet::fold_key() for every code point, skipping those
Python's Unicode database does not know (citenet's ICU may be newer). Exit status 1 on any
difference.

table: the entries of peers.py's _LATIN_ASCII literal: each letter or digit that NFKD leaves
as it is and that citenet folds to an ASCII text other than itself ("ø" -> "o", "Æ" -> "ae").
"""
import collections
import csv
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peers  # noqa: E402


def read_dump(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            code, _, key = line.rstrip("\n").partition("\t")
            yield chr(int(code, 16)), key


def check_fold(path):
    differences = checked = 0
    for c, key in read_dump(path):
        if unicodedata.category(c) == "Cn":
            continue
        checked += 1
        mine = peers.fold_key(c)
        if mine != key:
            differences += 1
            if differences <= 50:
                print(f"U+{ord(c):04X} {c!r}: citenet {key!r}, peers {mine!r}")
    print(f"{checked} code points checked, {differences} differ")
    return differences == 0


def print_table(path):
    entries = []
    for c, key in read_dump(path):
        if unicodedata.normalize("NFKD", c) != c:
            continue
        if unicodedata.category(c) not in peers._WORD_CATEGORIES:
            continue
        if key != c and key.isascii():
            entries.append(f"{c}:{key}")
    line = "   "
    for entry in entries:
        if len(line) + len(entry) + 1 > 92:
            print(line)
            line = "   "
        line += " " + entry
    print(line)
    return True


def check_names(medline, merges):
    # Peers' side: key -> paper indices (0-based, file order) and the lines behind the key.
    papers_of = collections.defaultdict(list)
    lines_of = collections.defaultdict(set)
    for paper, authors in enumerate(peers.read_medline_authors(medline)):
        for fau, au in authors:
            key = peers.author_key(fau, au)
            if not papers_of[key] or papers_of[key][-1] != paper:
                papers_of[key].append(paper)
            lines_of[key].add(f"FAU {fau!r} AU {au!r}")
    # citenet's side: the merge table.
    citenet = {}
    forms = {}
    with open(merges, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            citenet[row["key"]] = [int(p) for p in row["records"].split(";") if p]
            forms[row["key"]] = row["forms"]
    only_citenet = sorted(set(citenet) - set(papers_of))
    only_peers = sorted(set(papers_of) - set(citenet))
    differ = sorted(k for k in set(citenet) & set(papers_of) if citenet[k] != papers_of[k])
    for key in only_citenet:
        print(f"citenet only: {key!r} forms {forms[key]!r} papers {citenet[key][:5]}")
    for key in only_peers:
        print(f"peers only:   {key!r} from {sorted(lines_of[key])} papers {papers_of[key][:5]}")
    for key in differ:
        print(f"papers differ: {key!r} citenet {citenet[key][:5]} peers {papers_of[key][:5]}")
    print(f"{len(citenet)} citenet keys, {len(papers_of)} peers keys: {len(only_citenet)} only "
          f"in citenet, {len(only_peers)} only in peers, {len(differ)} with other papers")
    return not (only_citenet or only_peers or differ)


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "names" and len(sys.argv) == 4:
        ok = check_names(sys.argv[2], sys.argv[3])
    elif mode == "fold" and len(sys.argv) == 3:
        ok = check_fold(sys.argv[2])
    elif mode == "table" and len(sys.argv) == 3:
        ok = print_table(sys.argv[2])
    else:
        sys.exit(__doc__)
    sys.exit(0 if ok else 1)
