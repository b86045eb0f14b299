#!/usr/bin/env bash
# DOCX engine benchmark (DocketXML, DocketDOCX): `docket fill --timing` on the test template
# (split runs, row/paragraph/nested/table loops, Markdown narrative with lists, links and a table,
# checkboxes, header/footer/footnotes), and the time to refuse hostile uploads.
#   bash scripts/bench-docx.sh [path/to/docket]     (run by `make bench`)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/docket}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tpl=Tests/DocketDOCXTests/Fixtures/report-template
data=Tests/DocketDOCXTests/Fixtures/report-data.json

"$bin" fill "$tpl" --data "$data" --output "$work/out.docx" --date 2023-09-29 --timing 2>&1 | grep -E 'timing|fill' | sed 's/^/docx fill (test template): /'
printf 'docx fill output: %d bytes\n' "$(wc -c < "$work/out.docx")"
"$bin" fill "$tpl" --data "$data" --output "$work/out2.docx" --date 2023-09-29 >/dev/null 2>&1
cmp -s "$work/out.docx" "$work/out2.docx" && echo "docx fill: two runs byte-identical" || echo "docx fill: OUTPUTS DIFFER"

# Hostile: a 100 MB document.xml (stored) and a 1 GB-ratio zip bomb, filled as templates.
python3 - "$work" <<'PY'
import sys, zipfile
w = sys.argv[1]
ct = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
with zipfile.ZipFile(f"{w}/big.docx", "w", zipfile.ZIP_STORED) as z:
    z.writestr("[Content_Types].xml", ct)
    z.writestr("word/document.xml", "<w:p/>" * (100_000_000 // 6))
with zipfile.ZipFile(f"{w}/bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", ct)
    z.writestr("word/document.xml", b"\0" * (30 << 20))
PY
for f in big bomb; do
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/mem" "$bin" fill "$work/$f.docx" --data "$data" --output "$work/x.docx" >/dev/null 2>"$work/err" || true
  mem=$(tail -1 "$work/mem")
  t1=$(date +%s.%N)
  printf 'docx hostile %-4s: refused in %.0f ms, peak %s KiB: %s\n' "$f" "$(echo "($t1 - $t0) * 1000" | bc -l)" "$mem" "$(grep -m1 -o 'error.*' "$work/err" | cut -c1-90)"
done
