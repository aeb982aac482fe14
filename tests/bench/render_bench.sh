#!/usr/bin/env bash
# Map drawing times: `citenet map` on synthetic MEDLINE corpora, drawing 1,000 and 5,000
# nodes with sfdp (the default layout). Prints one Markdown row per size: the network, the
# median over RUNS runs of the render step alone (CITENET_TIMINGS' "writing m.svg": layout,
# label placement and SVG) and of the whole command, and the SVG's size.
#
#   tests/bench/render_bench.sh [NODES...]      default: 1000 5000
# Environment: CITENET (default build/citenet), RUNS (default 3), RECORDS_PER_NODE (default
# 2: records generated per drawn node, so that the network is bigger than the cap).
set -euo pipefail
cd "$(dirname "$0")/../.."
citenet=${CITENET:-build/citenet}
runs=${RUNS:-3}
per_node=${RECORDS_PER_NODE:-2}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| drawn nodes | records | network | render (median s) | whole command (median s) | SVG |"
echo "|---|---|---|---|---|---|"
for nodes in "${sizes[@]}"; do
  records=$((nodes * per_node))
  corpus="$work/f$records.txt"
  "$citenet" synth --records "$records" --seed 1 --format medline -o "$corpus" 2>/dev/null
  renders=(); totals=()
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    # Degree only: the analysis is not what is timed, and exact betweenness would dominate.
    CITENET_TIMINGS=1 "$citenet" map "$corpus" --max-nodes "$nodes" --metrics degree \
      -o "$work/m.svg" 2>"$work/err.txt"
    end=$(date +%s.%N)
    renders+=("$(awk '/^timing: writing m.svg/ {print $(NF-1)}' "$work/err.txt")")
    totals+=("$(echo "$end - $start" | bc -l)")
  done
  network=$(grep -o '[0-9]* author nodes, [0-9]* links' "$work/err.txt")
  render=$(printf '%s\n' "${renders[@]}" | median)
  total=$(printf '%.2f' "$(printf '%s\n' "${totals[@]}" | median)")
  size=$(du -h "$work/m.svg" | cut -f1)
  echo "| $nodes | $records | $network | $render | $total | $size |"
done
