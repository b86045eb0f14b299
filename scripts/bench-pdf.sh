#!/usr/bin/env bash
# PDF benchmark (issue 11): N PIP Mid-Year Planning Reports (N entities) as PDF, on the same
# machine from the same .docx files:
#   docket fill --batch --format pdf   Docket's pool of long-lived LibreOffice converters (render + convert)
#   soffice --convert-to pdf, per file what a user's script does: one soffice start per document
# and, for a fair picture, the same per-file starts run in parallel (xargs -P, one profile each)
# and one soffice converting all N files in one start. Every soffice run has a warmed profile.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
N=${BENCH_PDF_N:-100}
JOBS=${BENCH_PDF_JOBS:-$(nproc)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice=$(command -v soffice) || { echo "bench-pdf: soffice not found (apt-get install libreoffice-writer-nogui)"; exit 2; }
mkdir -p "$work/data" "$work/docx"
for i in $(seq 0 $((N - 1))); do
  abbr=$(printf 'E%03d' "$i")
  sed "s/abbreviation: MBRH/abbreviation: $abbr/" Templates/pip-midyear-report/example.yaml > "$work/data/e$i.yaml"
done
"$bin" fill pip-midyear-report --batch "$work/data" --out-dir "$work/docx" --date 2023-09-29 2>/dev/null
count=$(ls "$work/docx"/*.docx | wc -l)
[ "$count" = "$N" ] || { echo "bench-pdf: expected $N .docx, got $count"; exit 1; }

now() { date +%s.%N; }
warm() { "$soffice" "-env:UserInstallation=file://$1" --headless --norestore --convert-to pdf --outdir "$work/warm" "$(ls "$work/docx"/*.docx | head -1)" >/dev/null 2>&1; }

start=$(now)
"$bin" fill pip-midyear-report --batch "$work/data" --format pdf --out-dir "$work/pool" --date 2023-09-29 --jobs "$JOBS" 2>/dev/null
docket_s=$(echo "$(now) - $start" | bc -l)

warm "$work/profile"
start=$(now)
for f in "$work/docx"/*.docx; do
  "$soffice" "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf --outdir "$work/serial" "$f" >/dev/null 2>&1
done
serial_s=$(echo "$(now) - $start" | bc -l)

for j in $(seq 1 "$JOBS"); do warm "$work/profile$j"; done
start=$(now)
ls "$work/docx"/*.docx | awk -v j="$JOBS" '{ print (NR % j) + 1, $0 }' | xargs -P "$JOBS" -L 1 sh -c \
  '"$0" "-env:UserInstallation=file://'"$work"'/profile$1" --headless --norestore --convert-to pdf --outdir "'"$work"'/parallel" "$2" >/dev/null 2>&1' "$soffice"
parallel_s=$(echo "$(now) - $start" | bc -l)

start=$(now)
"$soffice" "-env:UserInstallation=file://$work/profile" --headless --norestore --convert-to pdf --outdir "$work/single" "$work/docx"/*.docx >/dev/null 2>&1
single_s=$(echo "$(now) - $start" | bc -l)

for d in pool serial parallel single; do
  n=$(ls "$work/$d"/*.pdf 2>/dev/null | wc -l)
  [ "$n" = "$N" ] || echo "bench-pdf: warning: $d wrote $n of $N PDFs"
done
rate() { echo "$N / $1" | bc -l; }
printf 'pdf: %d PIP Mid-Year Planning Reports, %d jobs\n' "$N" "$JOBS"
printf '  docket fill --format pdf (pool)      : %6.2f docs/s  (%.1f s)\n' "$(rate "$docket_s")" "$docket_s"
printf '  soffice --convert-to pdf per file    : %6.2f docs/s  (%.1f s)\n' "$(rate "$serial_s")" "$serial_s"
printf '  ... per file, %d in parallel          : %6.2f docs/s  (%.1f s)\n' "$JOBS" "$(rate "$parallel_s")" "$parallel_s"
printf '  one soffice for all %d files         : %6.2f docs/s  (%.1f s)\n' "$N" "$(rate "$single_s")" "$single_s"
printf '  ratio: %.1fx soffice per file; %.1fx per file in parallel; %.1fx one soffice for all\n' \
  "$(echo "$serial_s / $docket_s" | bc -l)" "$(echo "$parallel_s / $docket_s" | bc -l)" "$(echo "$single_s / $docket_s" | bc -l)"
