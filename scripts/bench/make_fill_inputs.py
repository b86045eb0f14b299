"""Builds the fill benchmark's inputs: one realistic template in two dialects (Docket's Mustache,
docxtpl's Jinja) with the same layout -- ~40 static paragraphs, a key-contacts table whose row
repeats, a narrative -- and N data files. Usage: make_fill_inputs.py OUTDIR N"""
import json, os, sys
from docx import Document

out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(os.path.join(out, "data"), exist_ok=True)

STATIC = [
    "Performance Improvement Projects (PIPs) Key Contact Form & Mid-Year Planning Report.",
    "This report should be submitted to EOHHS via OnBase with the document name given below.",
    "Submission is a two-step process: after uploading the deliverable, click submit to finalize.",
    "Please send any questions to the MassHealth Health Equity Team.",
]

def build(path, dialect):
    d = Document()
    d.add_heading("Key Contact Form & Mid-Year Planning Report", 0)
    d.add_paragraph("Entity: {{entity.name}} ({{entity.abbreviation}})" if dialect == "mustache"
                    else "Entity: {{ entity.name }} ({{ entity.abbreviation }})")
    for i in range(40):
        d.add_paragraph(f"{i + 1}. " + STATIC[i % len(STATIC)])
    t = d.add_table(rows=1, cols=3)
    t.style = "Table Grid"
    for c, h in zip(t.rows[0].cells, ["Role", "Name", "Email/Contact Information"]):
        c.text = h
    if dialect == "mustache":
        r = t.add_row().cells
        r[0].text, r[1].text, r[2].text = "{{#contacts}}{{role}}", "{{name}}", "{{email}}{{/contacts}}"
    else:
        t.add_row().cells[0].text = "{%tr for c in contacts %}"
        r = t.add_row().cells
        r[0].text, r[1].text, r[2].text = "{{ c.role }}", "{{ c.name }}", "{{ c.email }}"
        t.add_row().cells[0].text = "{%tr endfor %}"
    d.add_heading("Mid-Year Planning for PIP 1", 1)
    d.add_paragraph("{{markdown(narrative)}}" if dialect == "mustache" else "{{ narrative }}")
    d.save(path)

build(os.path.join(out, "docket-template.docx"), "mustache")
build(os.path.join(out, "docxtpl-template.docx"), "jinja")

narrative = ("Our partnered ACO and hospital met four times between June and August to review "
             "stratified data on care coordination. ") * 6
for i in range(n):
    data = {
        "entity": {"name": f"Example Health Partners {i}", "abbreviation": f"EHP{i:04d}"},
        "contacts": [
            {"role": r, "name": f"Person {i}-{k}", "email": f"person{i}.{k}@example.org"}
            for k, r in enumerate(["Executive Sponsor", "Clinical Lead", "Project Manager",
                                   "Data Analyst", "Quality Director", "Care Coordinator"])
        ],
        "narrative": narrative,
    }
    with open(os.path.join(out, "data", f"entity{i:04d}.json"), "w") as f:
        json.dump(data, f)
