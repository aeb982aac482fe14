#!/usr/bin/python3
"""How well author keys agree with ORCIDs, per --author-key mode.

The ORCIDs of a MEDLINE file are the truth; the ladder must not see them, so the AUID
lines are removed from a copy before citenet reads it. Then, per mode:
  split  = ORCID-identified people whose author slots got more than one key (person id)
  joined = keys that hold author slots of two or more different ORCIDs
Usage (from the repository root, after building):
    /usr/bin/python3 tests/bench/orcid_agreement.py build/citenet tests/data/corpora/medline/pybibx-pubmed-part1.txt
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

citenet, medline = sys.argv[1], sys.argv[2]
orcids = []  # per record, per author slot: ORCID or None
with open(medline, encoding="utf-8") as f:
    record = None
    for line in f:
        if line.startswith("PMID-"):
            record = []
            orcids.append(record)
        elif line.startswith("FAU -"):
            record.append(None)
        elif line.startswith("AUID-") and record:
            m = re.search(r"(\d{4}-\d{4}-\d{4}-\d{3}[\dX])", line)
            if m:
                record[-1] = m.group(1)

with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as hidden:
    with open(medline, encoding="utf-8") as f:
        hidden.writelines(l for l in f if not l.startswith("AUID-"))
try:
    print(f"{'mode':8} {'ORCIDs':>6} {'split':>5} {'joined':>6} {'people':>6}")
    for mode in ("smart", "full", "initials", "initial"):
        out = subprocess.run([citenet, "parse", hidden.name, "--to", "json", "--author-key", mode,
                              "--keep-duplicates", "--quiet"], check=True, capture_output=True).stdout
        records = json.loads(out)
        keys_of = collections.defaultdict(set)
        orcids_of = collections.defaultdict(set)
        people = set()
        for rec, truth in zip(records, orcids):
            for author, orcid in zip(rec["authors"], truth):
                people.add(author["person"])
                if orcid:
                    keys_of[orcid].add(author["person"])
                    orcids_of[author["person"]].add(orcid)
        split = sum(1 for keys in keys_of.values() if len(keys) > 1)
        joined = sum(1 for ids in orcids_of.values() if len(ids) > 1)
        print(f"{mode:8} {len(keys_of):6} {split:5} {joined:6} {len(people):6}")
finally:
    os.unlink(hidden.name)
