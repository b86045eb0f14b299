#!/usr/bin/env bash
# Calendar benchmark (DocketCalendar, `docket calendar`):
#   - whole shipped schedule → .ics / .json / .csv, wall time per run (load + schema check + rules + export),
#   - a synthetic large schedule (the shipped one plus an annual rule over YEARS years per entity
#     type) → .ics, with the event count and output size, and the largest physical line in octets.
#   bash scripts/bench-calendar.sh [path/to/docket]     (run by `make bench`)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
RUNS=${BENCH_CAL_RUNS:-20}
YEARS=${BENCH_CAL_YEARS:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

for fmt in ics json csv; do
  t0=$(now)
  for _ in $(seq "$RUNS"); do "$bin" calendar --format "$fmt" --remind 30,7,1 --output "$work/all.$fmt"; done
  t1=$(now)
  printf 'calendar %-4s whole schedule: %6.1f ms/run (%d runs, %d bytes)\n' "$fmt" \
    "$(echo "($t1 - $t0) * 1000 / $RUNS" | bc -l)" "$RUNS" "$(wc -c < "$work/all.$fmt")"
done

# Synthetic: copy the schema beside the schedule, append one annual rule per entity type.
cp Schemas/schedule/schedule.schema.json "$work/"
cp Schemas/schedule/masshealth-schedule.yaml "$work/big.yaml"
for t in aco acpp pcaco mco hospital cp csa dsti-hospital; do
  cat >> "$work/big.yaml" <<YAML
  - id: "bench.$t.{year}"
    title: "Synthetic annual report for $t, with commas, semicolons; and a long title to force folding of the SUMMARY line"
    program: pip
    entityTypes: [$t]
    rule: {kind: annual, monthDay: "02-29", fromYear: 2000, throughYear: $((2000 + YEARS - 1))}
    status: assumed
    source: {doc: "000", line: "3", quote: "Due September 30, 2023"}
YAML
done
t0=$(now)
"$bin" calendar --schedule "$work/big.yaml" --format ics --remind 30,7,1 --adjust next-business-day --output "$work/big.ics"
t1=$(now)
events=$(grep -c '^BEGIN:VEVENT' "$work/big.ics")
longest=$(awk '{ sub(/\r$/, ""); if (length($0) > m) m = length($0) } END { print m }' LC_ALL=C "$work/big.ics")
printf 'calendar ics synthetic: %d events in %.2f s (%.0f events/s), %d bytes, longest line %d octets\n' \
  "$events" "$(echo "$t1 - $t0" | bc -l)" "$(echo "$events / ($t1 - $t0)" | bc -l)" "$(wc -c < "$work/big.ics")" "$longest"
