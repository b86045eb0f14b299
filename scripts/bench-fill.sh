#!/usr/bin/env bash
# Fill benchmark (issue: Docket core): one realistic DOCX template (contacts row loop, a Markdown
# narrative, ~40 static paragraphs) filled N times by `docket fill --batch` and by docxtpl.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
N=${BENCH_FILL_N:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
py=.venv/bin/python
$py scripts/bench/make_fill_inputs.py "$work" "$N"

start=$(date +%s.%N)
"$bin" fill "$work/docket-template.docx" --batch "$work/data" --out-dir "$work/docket-out" --date 2023-09-29 2>/dev/null
end=$(date +%s.%N)
docket_s=$(echo "$end - $start" | bc -l)
# The same batch writing to memory (tmpfs), to separate Docket's own cost from the disk's.
shm_s=""
if [ -d /dev/shm ]; then
  shm=$(mktemp -d /dev/shm/docket-bench.XXXXXX)
  start=$(date +%s.%N)
  "$bin" fill "$work/docket-template.docx" --batch "$work/data" --out-dir "$shm/out" --date 2023-09-29 2>/dev/null
  end=$(date +%s.%N)
  shm_s=$(echo "$end - $start" | bc -l)
  rm -rf "$shm"
fi
/usr/bin/time -f "%M" -o "$work/docket.mem" "$bin" fill "$work/docket-template.docx" --batch "$work/data" --out-dir "$work/docket-out2" --date 2023-09-29 >/dev/null 2>&1
docket_mem=$(tail -1 "$work/docket.mem")
one=$("$bin" fill "$work/docket-template.docx" --data "$work/data/entity0000.json" --output "$work/one.docx" --date 2023-09-29 --timing 2>&1 | grep -o 'fill [0-9.]* ms' || true)

read -r tpl_n tpl_s < <($py scripts/bench/docxtpl_fill.py "$work" "$work/docxtpl-out")
/usr/bin/time -f "%M" -o "$work/docxtpl.mem" $py scripts/bench/docxtpl_fill.py "$work" "$work/docxtpl-out2" >/dev/null
tpl_mem=$(tail -1 "$work/docxtpl.mem")

docket_rate=$(echo "$N / $docket_s" | bc -l)
tpl_rate=$(echo "$tpl_n / $tpl_s" | bc -l)
printf 'fill: %d documents\n' "$N"
printf '  docket fill --batch : %8.1f docs/s  (%.2f s, peak %s KiB)\n' "$docket_rate" "$docket_s" "$docket_mem"
printf '  docxtpl (python)    : %8.1f docs/s  (%.2f s, peak %s KiB)\n' "$tpl_rate" "$tpl_s" "$tpl_mem"
printf '  ratio               : %8.1fx docxtpl (both writing to disk)\n' "$(echo "$docket_rate / $tpl_rate" | bc -l)"
if [ -n "$shm_s" ]; then
  shm_rate=$(echo "$N / $shm_s" | bc -l)
  printf '  docket, out to tmpfs: %8.1f docs/s  (%.2f s) = %.1fx docxtpl (disk metadata excluded)\n' "$shm_rate" "$shm_s" "$(echo "$shm_rate / $tpl_rate" | bc -l)"
fi
[ -n "$one" ] && printf '  one fill in process: %s\n' "$one"
