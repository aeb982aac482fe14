#!/usr/bin/env bash
# How parse and build time grow with records, measured so the machine's drift cancels out.
# On shared virtual machines the speed moves by half within minutes, and a slow spell slows
# a large run, which waits on memory, more than a small one whose tables stay in the caches;
# sizes timed one after another (as compare.sh does) can therefore show growth that is only
# drift. Here the sizes take turns: each round runs every size once, in order, and the
# growth from one size to the next is the ratio within a round, its median over the rounds
# reported beside the medians of the times themselves.
#
# The command timed is issue 6's map command (CITENET_TIMINGS=1), its timing lines folded
# into steps as compare.sh does (citenet_steps.awk): parse = read + authors, build = network.
#
# Every run waits PAUSE seconds first, so that no run starts in the memory the run before it
# has just freed. On virtual machines whose kernel reports free memory to the host (the
# Firecracker VMs measured in docs/scaling.md), pages freed less than a second before cost
# 0.07 s a GiB to touch again and pages freed ten seconds before about 1.6 s, near the 2.2 s
# of memory never touched (build-bench/page_cost). Without the pause each 100k run inherited the gigabytes
# the previous round's 1M run had freed, and the 1M run only what the 100k run freed: the
# sizes were not measured alike. PAUSE=0 gives back-to-back runs.
#
#   tests/bench/growth.sh [SIZES...]      e.g. tests/bench/growth.sh 10000 100000 1000000
# Environment: CITENET (default build/citenet), ROUNDS (default 5), THREADS (default 0),
# PAUSE (default 10).
set -euo pipefail
cd "$(dirname "$0")/../.."
citenet=${CITENET:-build/citenet}
rounds=${ROUNDS:-5}
threads=${THREADS:-0}
pause=${PAUSE:-10}
sizes=("$@"); [ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

for n in "${sizes[@]}"; do
  "$citenet" synth --records "$n" --seed 1 --format medline -o "$work/synth-$n.medline" 2>/dev/null
done

# One line per run: size round total parse build.
for ((r = 1; r <= rounds; r++)); do
  for n in "${sizes[@]}"; do
    sleep "$pause"
    start=$(date +%s.%N)
    CITENET_TIMINGS=1 "$citenet" map "$work/synth-$n.medline" --network coauthor \
      --community leiden --metrics degree,pagerank --threads "$threads" \
      -o "$work/out.graphml" -o "$work/nodes.csv" >/dev/null 2>"$work/err"
    end=$(date +%s.%N)
    total=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
    read -r parse build _ < <(awk -v digits=3 -f tests/bench/citenet_steps.awk "$work/err")
    echo "$n $r $total $parse $build" >>"$work/runs"
    rm -f "$work/out.graphml" "$work/nodes.csv"
  done
done

python3 - "$work/runs" "$pause" "${sizes[@]}" <<'EOF'
import statistics, sys
runs, pause, sizes = sys.argv[1], sys.argv[2], [int(s) for s in sys.argv[3:]]
t = {}  # (size, round) -> (total, parse, build)
for line in open(runs):
    n, r, total, parse, build = line.split()
    t[(int(n), int(r))] = (float(total), float(parse), float(build))
rounds = sorted({r for _, r in t})
print("| records | median s | parse s | build s | parse ×, round by round | parse × (median) | build ×, round by round | build × (median) |")
print("|---|---|---|---|---|---|---|---|")
for i, n in enumerate(sizes):
    med = [statistics.median(t[(n, r)][k] for r in rounds) for k in range(3)]
    cells = [f"{n:,}", f"{med[0]:.2f}", f"{med[1]:.3f}", f"{med[2]:.3f}"]
    if i == 0:
        cells += ["", "", "", ""]
    else:
        for k in (1, 2):
            ratios = [t[(n, r)][k] / t[(sizes[i - 1], r)][k] for r in rounds
                      if t[(sizes[i - 1], r)][k] > 0]
            cells += [", ".join(f"{x:.1f}" for x in ratios),
                      f"{statistics.median(ratios):.1f}" if ratios else "-"]
    print("| " + " | ".join(cells) + " |")
print(f"\n{len(rounds)} rounds, sizes in turn, each run after a {pause} s pause; × is the growth "
      "from the size above, within each round, and its median.")
EOF
