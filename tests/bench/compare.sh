#!/usr/bin/env bash
# Side-by-side benchmark: citenet against python-igraph and networkx on the same synthetic
# MEDLINE corpora. For each size: generate the corpus, run each tool RUNS times, report the
# median wall time, the ratio citenet/peer, peak memory (GNU time's max RSS), and the graph
# sizes so one can see the tools built the same network.
#
#   tests/bench/compare.sh [SIZES...]      e.g. tests/bench/compare.sh 10000 100000
# Environment: CITENET (default build/citenet), RUNS (default 3), PEERS (default "igraph networkx").
set -euo pipefail
cd "$(dirname "$0")/../.."
citenet=${CITENET:-build/citenet}
runs=${RUNS:-3}
peers=${PEERS:-igraph networkx}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '| records | tool | median s | ratio citenet/tool | peak MB | nodes | edges |\n|---|---|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  corpus="$work/synth-$n.medline"
  "$citenet" synth --records "$n" --seed 1 --format medline -o "$corpus" 2>/dev/null
  declare -A secs mem nodes edges
  for tool in citenet $peers; do
    times=()
    for _ in $(seq "$runs"); do
      if [ "$tool" = citenet ]; then
        cmd=("$citenet" map "$corpus" --network coauthor --community leiden --metrics degree,pagerank
             -o "$work/out.graphml" -o "$work/nodes.csv" --quiet)
      else
        cmd=(/usr/bin/python3 tests/bench/peers.py "$tool" "$corpus" "$work")
      fi
      /usr/bin/time -f '%e %M' -o "$work/time" "${cmd[@]}" > "$work/stdout" 2> "$work/stderr"
      read -r s kb < "$work/time"
      times+=("$s"); mem[$tool]=$((kb / 1024))
    done
    secs[$tool]=$(printf '%s\n' "${times[@]}" | median)
    if [ "$tool" = citenet ]; then
      line=$(grep -m1 'coauthor network:' "$work/stderr")
      nodes[$tool]=$(sed -E 's/.*: ([0-9]+) author nodes.*/\1/' <<<"$line")
      edges[$tool]=$(sed -E 's/.*nodes, ([0-9]+) links.*/\1/' <<<"$line")
    else
      nodes[$tool]=$(/usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["nodes"])' < "$work/stdout")
      edges[$tool]=$(/usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["edges"])' < "$work/stdout")
    fi
  done
  for tool in citenet $peers; do
    ratio=$(awk -v a="${secs[citenet]}" -v b="${secs[$tool]}" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$tool" "${secs[$tool]}" "$ratio" "${mem[$tool]}" "${nodes[$tool]}" "${edges[$tool]}"
  done
  unset secs mem nodes edges
done
