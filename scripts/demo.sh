#!/usr/bin/env bash
# Fills every shipped example into out/ as docx, md and html, and writes the deadline calendar.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
mkdir -p out
"$bin" list
for dir in Templates/*/; do
  id=$(basename "$dir")
  for example in "$dir"example*.yaml; do
    [ -f "$example" ] || continue
    # example-<variant>.yaml (e.g. the Strategic Plan's 2024 iteration) has the same OnBase name:
    # it goes to out/<id>-<variant>/.
    variant=$(basename "$example" .yaml); dest=out
    [ "$variant" = example ] || dest="out/$id-${variant#example-}"
    for fmt in docx md html; do
      "$bin" fill "$id" --data "$example" --format "$fmt" --out-dir "$dest"
    done
  done
done
# The 2024 Strategic Plan's Spanish Executive Summary (translations.es; fixed form text in English).
"$bin" fill hqe-strategic-plan --data Templates/hqe-strategic-plan/example-2024.yaml --lang es --out-dir out/hqe-strategic-plan-2024-es
if "$bin" calendar --help >/dev/null 2>&1; then
  "$bin" calendar --format ics --output out/docket-deadlines.ics
  "$bin" calendar --format csv --output out/docket-deadlines.csv
fi
echo "demo: wrote $(ls out | wc -l) files to out/"
ls -l out
