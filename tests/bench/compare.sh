#!/usr/bin/env bash
# Side-by-side benchmark: citenet against python-igraph and networkx on the same synthetic
# MEDLINE corpora (python3-graph-tool is not packaged for Debian 12, so it is not run).
# For each size: generate the corpus, run each tool RUNS times doing the same steps (parse,
# build the weighted co-authorship graph, components, communities, PageRank, GraphML + node
# CSV), and print one Markdown row per tool: median wall seconds, the ratio peer/citenet
# (how many times faster citenet is), peak memory (GNU time's max RSS), median seconds per
# step, the graph's size and modularity, and whether it agrees with citenet's.
#
# Agreement: the timed citenet run keys authors its default way (--author-key smart: ORCID,
# then full names, initials forms joined to a full name or split between homonyms on
# co-author and affiliation evidence), which a notebook does not reproduce. So each size also
# gets one untimed run of the same command with --author-key full (folded surname + folded
# full given names, or initials when only initials are known), and peers.py keys authors
# exactly that way (peers.author_key(); tests/bench/author_key_check.py diffs the two). The
# table shows that run as its own row, "citenet --author-key full (untimed)", with its nodes,
# links and modularity, and the "agrees" column compares each peer with that row: same nodes,
# same links, modularity within 1% of it (igraph runs Leiden with its defaults, networkx
# Louvain, so modularity is not expected to be equal). The timed citenet row says "-" there.
# The peers take records as they come; the untimed run must read them the same way (no
# record skipped or merged as a duplicate), else the script warns on stderr.
#
#   tests/bench/compare.sh [SIZES...]      e.g. tests/bench/compare.sh 10000 100000 1000000
# Environment: CITENET (default build/citenet), RUNS (default 3), PEERS (default
# "igraph networkx"; "none" or empty: citenet alone), THREADS (citenet --threads, default
# 0 = every core).
set -euo pipefail
cd "$(dirname "$0")/../.."
citenet=${CITENET:-build/citenet}
runs=${RUNS:-3}
peers=${PEERS-igraph networkx}
[ "$peers" = none ] && peers=
threads=${THREADS:-0}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

# A tool that fails stops the script with its own last words, not with an empty table.
failed() {
  echo "compare.sh: $1 failed on $2 records; the end of its standard error:" >&2
  tail -n 5 "$work/stderr" >&2
  exit 1
}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# citenet's CITENET_TIMINGS lines folded into the peers' steps (citenet_steps.awk).
citenet_steps() { awk -f tests/bench/citenet_steps.awk "$1"; }
peer_steps() {
  /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); t=d["seconds"]
print("%.2f %.2f %.2f %.2f" % (t["parse"], t["build"], t["components"]+t["communities"]+t["pagerank"], t["write"]))' < "$1"
}

printf '| records | tool | median s | peer/citenet | peak MB | parse s | build s | analysis s | write s | nodes | edges | modularity | agrees with full-key citenet |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  corpus="$work/synth-$n.medline"
  "$citenet" synth --records "$n" --seed 1 --format medline -o "$corpus" 2>/dev/null
  declare -A secs mem nodes edges modularity steps
  for tool in citenet $peers; do
    times=(); parse=(); build=(); analysis=(); write=()
    for _ in $(seq "$runs"); do
      if [ "$tool" = citenet ]; then
        cmd=("$citenet" map "$corpus" --network coauthor --community leiden --metrics degree,pagerank
             --threads "$threads" -o "$work/out.graphml" -o "$work/nodes.csv" --quiet)
        CITENET_TIMINGS=1 /usr/bin/time -f '%e %M' -o "$work/time" "${cmd[@]}" > "$work/stdout" 2> "$work/stderr" ||
          failed "$tool" "$n"
        read -r p b a w < <(citenet_steps "$work/stderr")
      else
        cmd=(/usr/bin/python3 tests/bench/peers.py "$tool" "$corpus" "$work")
        /usr/bin/time -f '%e %M' -o "$work/time" "${cmd[@]}" > "$work/stdout" 2> "$work/stderr" ||
          failed "$tool" "$n"
        read -r p b a w < <(peer_steps "$work/stdout")
      fi
      read -r s kb < "$work/time"
      times+=("$s"); parse+=("$p"); build+=("$b"); analysis+=("$a"); write+=("$w")
      mem[$tool]=$((kb / 1024))
      rm -f "$work"/*.graphml
    done
    secs[$tool]=$(printf '%s\n' "${times[@]}" | median)
    steps[$tool]="$(printf '%s\n' "${parse[@]}" | median) | $(printf '%s\n' "${build[@]}" | median) | $(printf '%s\n' "${analysis[@]}" | median) | $(printf '%s\n' "${write[@]}" | median)"
    if [ "$tool" = citenet ]; then
      line=$(grep -m1 'coauthor network:' "$work/stderr")
      nodes[$tool]=$(sed -E 's/.*: ([0-9]+) author nodes.*/\1/' <<<"$line")
      edges[$tool]=$(sed -E 's/.*nodes, ([0-9]+) links.*/\1/' <<<"$line")
      modularity[$tool]=$(sed -E 's/.*modularity ([0-9.]+)\).*/\1/' <<<"$line")
    else
      read -r nodes[$tool] edges[$tool] modularity[$tool] < <(/usr/bin/python3 -c \
        'import json,sys; d=json.load(sys.stdin); print(d["nodes"], d["edges"], round(d["modularity"], 6))' < "$work/stdout")
    fi
  done
  # The untimed agreement run, after the timed ones: the timed command with --author-key full
  # (see the header).
  "$citenet" map "$corpus" --network coauthor --community leiden --metrics degree,pagerank \
    --author-key full --threads "$threads" -o "$work/full.graphml" -o "$work/full-nodes.csv" \
    --quiet > /dev/null 2> "$work/full-stderr"
  rm -f "$work/full.graphml" "$work/full-nodes.csv"
  grep -q ' 0 skipped, 0 merged as duplicates' "$work/full-stderr" ||
    echo "compare.sh: citenet skipped or merged records of $corpus; the peers do not" >&2
  line=$(grep -m1 'coauthor network:' "$work/full-stderr")
  full_nodes=$(sed -E 's/.*: ([0-9]+) author nodes.*/\1/' <<<"$line")
  full_edges=$(sed -E 's/.*nodes, ([0-9]+) links.*/\1/' <<<"$line")
  full_modularity=$(sed -E 's/.*modularity ([0-9.]+)\).*/\1/' <<<"$line")
  for tool in citenet $peers; do
    ratio=$(awk -v a="${secs[citenet]}" -v b="${secs[$tool]}" 'BEGIN {printf "%.2f", (a > 0 ? b / a : 0)}')
    if [ "$tool" = citenet ]; then
      agrees=-
    else
      agrees=$(awk -v n1="$full_nodes" -v n2="${nodes[$tool]}" -v e1="$full_edges" -v e2="${edges[$tool]}" \
                   -v q1="$full_modularity" -v q2="${modularity[$tool]}" \
        'BEGIN {d = q1 - q2; if (d < 0) d = -d; print (n1 == n2 && e1 == e2 && d <= 0.01 * q1) ? "yes" : "NO"}')
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$tool" "${secs[$tool]}" "$ratio" \
      "${mem[$tool]}" "${steps[$tool]}" "${nodes[$tool]}" "${edges[$tool]}" "${modularity[$tool]}" "$agrees"
    if [ "$tool" = citenet ]; then
      printf '| %s | citenet --author-key full (untimed) | - | - | - | - | - | - | - | %s | %s | %s | reference |\n' \
        "$n" "$full_nodes" "$full_edges" "$full_modularity"
    fi
  done
  unset secs mem nodes edges modularity steps
done
