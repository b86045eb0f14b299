#!/usr/bin/env bash
# Fills every shipped example into out/ as docx, md and html, and writes the deadline calendar.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
mkdir -p out
"$bin" list
for dir in Templates/*/; do
  id=$(basename "$dir")
  # example.yaml, and further examples beside it (example-aco.yaml: the PIP reports' ACO examples)
  for example in "$dir"example*.yaml; do
    [ -f "$example" ] || continue
    for fmt in docx md html; do
      "$bin" fill "$id" --data "$example" --format "$fmt" --out-dir out
    done
  done
done
if "$bin" calendar --help >/dev/null 2>&1; then
  "$bin" calendar --format ics --output out/docket-deadlines.ics
  "$bin" calendar --format csv --output out/docket-deadlines.csv
fi
echo "demo: wrote $(ls out | wc -l) files to out/"
ls -l out
