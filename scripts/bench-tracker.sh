#!/usr/bin/env bash
# Tracker benchmark (DocketTracker, `docket track`): a realistic compliance portfolio of N ACO +
# N hospital partnerships synced from the shipped calendar, then
#   - sync time (every instance created in one transaction),
#   - committed writes per second (`track stress`: one transaction + fsync'd WAL commit per event),
#   - the same with two writer processes at once (WAL + busy wait, no "busy" failures expected),
#   - board rendering time (text, json, csv) over the whole database,
#   - integrity_check.
#   bash scripts/bench-tracker.sh [path/to/docket]     (run by `make bench`)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
N=${BENCH_TRACK_PAIRS:-25}
W=${BENCH_TRACK_WRITES:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOCKET_DB="$work/tracker.sqlite" DOCKET_NOW=2024-06-01 DOCKET_USER=bench

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }

"$bin" track init >/dev/null
for i in $(seq -w 1 "$N"); do
  "$bin" track entity add "H$i" --name "Hospital $i" --type hospital >/dev/null
  "$bin" track entity add "A$i" --name "ACO $i" --type acpp --partner "H$i" >/dev/null
done

t0=$(now); "$bin" track sync >/dev/null; t1=$(now)
instances=$("$bin" track board --all --format csv | tail -n +2 | wc -l)
printf 'tracker: %d entities, %d instances\n' "$((2 * N))" "$instances"
printf '  sync (one transaction)       : %8.3f s\n' "$(secs "$t0" "$t1")"

t0=$(now); "$bin" track stress "H01/pip.hospital.pip1.midyear-planning" --events "$W" >/dev/null; t1=$(now)
s=$(secs "$t0" "$t1")
printf '  committed writes, 1 process  : %8.0f events/s (%d in %.2f s)\n' "$(echo "$W / $s" | bc -l)" "$W" "$s"

t0=$(now)
"$bin" track stress "H02/pip.hospital.pip1.midyear-planning" --events "$W" >/dev/null &
p1=$!
"$bin" track stress "A02/pip.aco.pip1.midyear-planning" --events "$W" >/dev/null &
p2=$!
wait $p1; wait $p2
t1=$(now)
s=$(secs "$t0" "$t1")
printf '  committed writes, 2 processes: %8.0f events/s (%d in %.2f s, both exited 0)\n' "$(echo "2 * $W / $s" | bc -l)" "$((2 * W))" "$s"

for f in text json csv; do
  t0=$(now); "$bin" track board --all --format $f >/dev/null; t1=$(now)
  printf '  board --all --format %-4s     : %8.3f s\n' "$f" "$(secs "$t0" "$t1")"
done
"$bin" track check | sed 's/^/  /' | grep -E 'events|integrity'
printf '  database size                : %8d KiB\n' "$(( $(du -k "$work/tracker.sqlite" | cut -f1) ))"
