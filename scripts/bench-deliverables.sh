#!/usr/bin/env bash
# Deliverables benchmark: each shipped deliverable's example filled N times with
# `docket fill <id> --batch` into docx and md (derived fields, schema check, OnBase names included).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
N=${BENCH_DELIVERABLES_N:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'deliverables: %d fills each (docket fill <id> --batch)\n' "$N"
for id in pip-midyear-report hqe-strategic-plan ia-midpoint-assessment; do
  mkdir -p "$work/$id"
  # N copies of the example, each with its own abbreviation so the OnBase names differ.
  for i in $(seq -w 1 "$N"); do
    sed "0,/abbreviation: [A-Za-z0-9]*/s//abbreviation: E$i/" "Templates/$id/example.yaml" > "$work/$id/e$i.yaml"
  done
  for fmt in docx md; do
    start=$(date +%s.%N)
    "$bin" fill "$id" --batch "$work/$id" --format "$fmt" --out-dir "$work/out-$id-$fmt" --date 2023-09-29 >/dev/null 2>&1
    end=$(date +%s.%N)
    s=$(echo "$end - $start" | bc -l)
    made=$(ls "$work/out-$id-$fmt" | wc -l)
    printf '  %-24s %-4s %6.1f docs/s  (%d files, %.2f s)\n' "$id" "$fmt" "$(echo "$made / $s" | bc -l)" "$made" "$s"
  done
done
