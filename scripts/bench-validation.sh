#!/usr/bin/env bash
# Submission validation benchmark (`docket validate` on filled documents):
#   - each shipped example filled as .docx and .md, validated RUNS times: ms per run (read,
#     answers back, schema + named rules, file name, leftovers),
#   - the hostile cases that cost the most to refuse (ratio bomb, 100 MB file, billion laughs):
#     wall time and max RSS per run.
#   bash scripts/bench-validation.sh [path/to/docket]     (run by `make bench`)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
RUNS=${BENCH_VALIDATE_RUNS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }

for id in pip-midyear-report hqe-strategic-plan ia-midpoint-assessment; do
  for fmt in docx md; do
    "$bin" fill "$id" --data "Templates/$id/example.yaml" --format "$fmt" --out-dir "$work/$fmt" --date 2023-09-29 >/dev/null 2>&1
  done
done
for fmt in docx md; do
  for f in "$work/$fmt"/*; do
    t0=$(now)
    for _ in $(seq "$RUNS"); do "$bin" validate "$f" 2>/dev/null; done
    t1=$(now)
    printf 'validate %-45s %6.1f ms/run (%d runs, %d bytes)\n' "$(basename "$f")" \
      "$(echo "($t1 - $t0) * 1000 / $RUNS" | bc -l)" "$RUNS" "$(wc -c < "$f")"
  done
done

base=$(ls "$work"/docx/MBRH_*.docx)
python3 - "$base" "$work" <<'PY'
import sys, zipfile, os
base, d = sys.argv[1], sys.argv[2]
src = zipfile.ZipFile(base); parts = {n: src.read(n) for n in src.namelist()}
def write(name, extra=(), replace=None, method=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(d, name), 'w', method) as z:
        for n, b in list(parts.items()) + list(extra):
            z.writestr(n, (replace or {}).get(n, b))
write('bomb.docx', extra=[('word/media/bomb.bin', b'\0' * (20 << 20))])
write('huge.docx', replace={'word/document.xml': parts['word/document.xml'] + b' ' * (100 << 20)}, method=zipfile.ZIP_STORED)
body = parts['word/document.xml'].decode()
laughs = '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">' + ''.join('<!ENTITY a%d "%s">' % (i, ('&a%d;' % (i - 1) if i > 1 else '&a;') * 10) for i in range(1, 10)) + ']>'
write('laughs.docx', replace={'word/document.xml': ('<?xml version="1.0"?>' + laughs + body[body.index('<w:document'):]).encode()})
PY
for f in bomb huge laughs; do
  t0=$(now)
  rss=$( { /usr/bin/time -f '%M' "$bin" validate --deliverable pip-midyear-report "$work/$f.docx" 2>&1 >/dev/null || true; } | tail -1)
  t1=$(now)
  printf 'hostile %-8s refused in %6.1f ms, max RSS %d MB\n' "$f" "$(echo "($t1 - $t0) * 1000" | bc -l)" "$((rss / 1024))"
done

# Batch: N filled PIP reports validated in one run (parallel) against filling them (issue 13:
# validating should cost at most twice filling).
N=${BENCH_VALIDATE_BATCH:-200}
mkdir -p "$work/batch-data"
python3 - "$work/batch-data" "$N" <<'PY'
import sys
d, n = sys.argv[1], int(sys.argv[2])
text = open('Templates/pip-midyear-report/example.yaml').read()
for i in range(n):
    open(f'{d}/e{i:04d}.yaml', 'w').write(text.replace('abbreviation: MBRH', f'abbreviation: MB{i:04d}', 1))
PY
t0=$(now)
"$bin" fill pip-midyear-report --batch "$work/batch-data" --out-dir "$work/batch-out" --date 2023-09-29 >/dev/null 2>&1
t1=$(now)
"$bin" validate "$work"/batch-out/*.docx >/dev/null 2>&1 || true
t2=$(now)
"$bin" validate --jobs 1 "$work"/batch-out/*.docx >/dev/null 2>&1 || true
t3=$(now)
fill_s=$(echo "$t1 - $t0" | bc -l); val_s=$(echo "$t2 - $t1" | bc -l); val1_s=$(echo "$t3 - $t2" | bc -l)
printf 'batch: %d PIP reports\n' "$N"
printf '  docket fill --batch        : %6.2f s (%5.2f ms/doc)\n' "$fill_s" "$(echo "$fill_s * 1000 / $N" | bc -l)"
printf '  docket validate (parallel) : %6.2f s (%5.2f ms/doc) = %.2fx filling\n' "$val_s" "$(echo "$val_s * 1000 / $N" | bc -l)" "$(echo "$val_s / $fill_s" | bc -l)"
printf '  docket validate --jobs 1   : %6.2f s (%5.2f ms/doc) = %.2fx filling\n' "$val1_s" "$(echo "$val1_s * 1000 / $N" | bc -l)" "$(echo "$val1_s / $fill_s" | bc -l)"
