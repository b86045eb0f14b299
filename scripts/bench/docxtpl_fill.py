"""Fills the docxtpl template with every data file: what a team would script without Docket."""
import glob, json, os, sys, time
from docxtpl import DocxTemplate

src, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
files = sorted(glob.glob(os.path.join(src, "data", "*.json")))
start = time.perf_counter()
for f in files:
    with open(f) as fh:
        data = json.load(fh)
    tpl = DocxTemplate(os.path.join(src, "docxtpl-template.docx"))
    tpl.render(data)
    tpl.save(os.path.join(out, os.path.basename(f).replace(".json", ".docx")))
elapsed = time.perf_counter() - start
print(f"{len(files)} {elapsed:.3f}")
