#!/usr/bin/env python3
"""Generates a deliverable's DOCX template body (word/document.xml, header1.xml, footer1.xml)
from its Markdown template, so both templates carry the same text in the same order.

    python3 Templates/tools/md2docx.py <id>      # rewrites Templates/<id>/docx/word/{document,header1,footer1}.xml
    python3 Templates/tools/md2docx.py --check   # exit 1 if a docx/ folder is out of date with its template.md

The shared parts (styles.xml, numbering.xml, settings.xml, content types, relationships) are
copied from Templates/tools/docx-common/. Answer fields become content controls tagged
`docket:<field path>` (docs/template-language.md); `{{check(x)}}`/`{{checkNo(x)}}` become
w14 checkbox controls; `{{{x}}}` alone on a line becomes `{{markdown(x)}}` in its own paragraph;
`{{image(x)}}` stays a tag in its run (the fill writes the picture there). Every header starts with
the entity's logo when the data gives `entity.logo` (HEADER_LOGO).
Which variables are answers is configured per deliverable in ANSWERS below.
"""
import os
import re
import sys
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Per deliverable: list sections whose items are data (prefix of their fields' paths) and which
# of their fields are answers ("outer>inner" applies only inside the outer section); top-level
# answer paths (regex); header text.
ANSWERS = {
    "pip-midyear-report": {
        "sections": {
            "derived.contactCells.executiveSponsor": ("{{path}}", {"name", "email", "phone"}),
            "derived.contactCells.clinicalLead": ("{{path}}", {"name", "email", "phone"}),
            "derived.contactCells.projectManager": ("{{path}}", {"name", "email", "phone"}),
            "derived.contactCells.other": ("{{path}}", {"name", "role", "email", "phone"}),
            "derived.rubric": ("review.criteria.{{key}}", {"rating", "comments"}),
        },
        "top": r"^(entity\.(name|abbreviation)|midYearPlanning\.response|review\.(reviewer|date))$",
        "title": "PIP Key Contact Form & Mid-Year Planning Report",
    },
    # The PIP reports after the Mid-Year report (outlines from the seed's Description of Elements): the
    # narratives, the goals and each measure's name, stratification and period are answers; the figures
    # (numerator, denominator, rate) and the carried-forward comparison are derived text.
    "pip-baseline-report": None, "pip-remeasurement-report": None, "pip-closure-report": None,
    "hqe-strategic-plan": {
        "sections": {
            "preparers": ("preparers.{{@index}}", {"name", "title", "email"}),
            "derived.goals": ("{{path}}", {"title", "actions", "kpis"}),
            "derived.progress": ("{{path}}", {"title", "status", "kpiThen", "kpiNow", "narrative", "newWording", "reason"}),
            "swot.strengths": ("{{path}}.swot.strengths.{{@index}}", {"."}),
            "swot.weaknesses": ("{{path}}.swot.weaknesses.{{@index}}", {"."}),
            "swot.opportunities": ("{{path}}.swot.opportunities.{{@index}}", {"."}),
            "swot.threats": ("{{path}}.swot.threats.{{@index}}", {"."}),
        },
        "top": r"^(year|entity\.(name|abbreviation)|commitment\..*|plan\..*|appendixA)$",
        "title": "Health Quality and Equity Strategic Plan",
    },
    "ia-midpoint-assessment": {
        "sections": {
            "derived.focusAreas": ("{{path}}", {"rating", "results"}),
            # only the per-area lists: the Overall Findings lists are derived, not answers
            "derived.focusAreas>recommendations": ("{{path}}.recommendations.{{@index}}", {"."}),
        },
        "top": r"^(entity\.(name|abbreviation|typeDescription)|background\..*|comment)$",
        "title": "Independent Assessor Midpoint Assessment",
    },
}



def pip_report(section, title):
    """A PIP report's answers: `aim`, `goals`, its own section (planning, assessment, closure) and the measures."""
    return {
        "sections": {
            "goals": ("goals.{{@index}}", {"."}),
            "derived.measures": ("{{path}}", {"name", "stratification", "period"}),
        },
        "top": r"^(entity\.(name|abbreviation)|aim|%s\..*)$" % section,
        "title": title,
    }


ANSWERS.update({
    "pip-baseline-report": pip_report("planning", "PIP Baseline/Planning Report"),
    "pip-remeasurement-report": pip_report("assessment", "PIP Remeasurement Report"),
    "pip-closure-report": pip_report("closure", "PIP Closure Report"),
})

W = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
     'xmlns:o="urn:schemas-microsoft-com:office:office" '
     'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
     'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
     'xmlns:v="urn:schemas-microsoft-com:vml" '
     'xmlns:w10="urn:schemas-microsoft-com:office:word" '
     'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
     'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
     'mc:Ignorable="w14"')

# Column widths (percent) by the table's first header cell; other tables get equal columns.
WIDTHS = {
    "Submission": [30, 70], "Executive Sponsor and Email/Contact Information": [36, 64],
    "Year": [12, 14, 44, 30], "Domain": [12, 36, 30, 22], "Name": [28, 30, 42],
    "Infographic section": [32, 68], "Focus Area": [38, 62], "Acronym": [18, 82],
    "Strengths": [25, 25, 25, 25], "Goal": [24, 18, 14, 14, 30],
    # PIP reports' measure tables (by column count: figures of one report, comparisons of stages)
    ("Measure", "Period"): [21, 18, 12, 16, 19, 14], ("Measure", "Baseline", 6): [18, 18, 17, 17, 17, 13],
    ("Measure", "Baseline", 5): [26, 18, 22, 22, 12],
}

# Tables whose first column holds the form's own labels and which have no header row: the
# Markdown table's first row is a body row in the DOCX (no header shading), labels on a light fill.
LABEL_TABLES = {"Executive Sponsor and Email/Contact Information"}

TAG = re.compile(r"\{\{\{[^}]*\}\}\}|\{\{[^}]*\}\}")
SECTION_LINE = re.compile(r"^(\{\{[#^/][^}]*\}\})+$")


class Converter:
    def __init__(self, deliverable):
        self.cfg = ANSWERS[deliverable]
        self.stack = []          # open section names
        self.ids = 100
        self.seen_top = set()
        self.links = {}          # url -> relationship id
        self.out = []

    # --- answers -------------------------------------------------------------------------
    def answer_path(self, name):
        """The docket: tag path for variable `name` at this point, or None if not an answer."""
        if name.startswith(("derived.", "docket.", "@")):
            return None
        for k in range(len(self.stack) - 1, -1, -1):
            sec = self.stack[k]
            if re.match(r"^(has|is)[A-Z]", sec):
                continue  # a boolean condition (hasRole, isHospital): names resolve past it
            key = sec if sec in self.cfg["sections"] else next(
                (c for c in self.cfg["sections"] if c.endswith(">" + sec) and c.split(">")[0] in self.stack[:k]), None)
            if key is not None:
                prefix, fields = self.cfg["sections"][key]
                if name in fields:
                    return prefix if name == "." else prefix + "." + name
                if "." not in name:
                    return None
                break
        if re.match(self.cfg["top"], name):
            if name.startswith("entity.") and name in self.seen_top:
                return None
            self.seen_top.add(name)
            return name
        return None

    def next_id(self):
        self.ids += 1
        return self.ids

    def sdt_inline(self, path, inner_runs):
        return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="docket:%s"/><w:id w:val="%d"/></w:sdtPr>'
                '<w:sdtContent>%s</w:sdtContent></w:sdt>' % (escape(path, {'"': "&quot;"}), escape(path), self.next_id(), inner_runs))

    def checkbox(self, kind, path):
        return ('<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
                '<w:alias w:val="%s"/><w:tag w:val="docket:%s:%s"/><w:id w:val="%d"/>'
                '<w14:checkbox><w14:checked w14:val="0"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
                '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
                '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
                '<w:t>{{%s(%s)}}</w:t></w:r></w:sdtContent></w:sdt>'
                % (kind + " " + path, kind, path, self.next_id(), kind, path))

    # --- inline --------------------------------------------------------------------------
    def run(self, text, bold=False, italic=False, style=None, color=None):
        if text == "":
            return ""
        # rPr children in schema order (wml.xsd EG_RPrBase, the order Word writes): rStyle, b, i, color.
        rpr = ""
        if style:
            rpr += '<w:rStyle w:val="%s"/>' % style
        if bold:
            rpr += "<w:b/>"
        if italic:
            rpr += "<w:i/>"
        if color:
            rpr += '<w:color w:val="%s"/>' % color
        rpr = "<w:rPr>%s</w:rPr>" % rpr if rpr else ""
        parts = text.split("\n")
        body = "<w:br/>".join('<w:t xml:space="preserve">%s</w:t>' % escape(p) for p in parts)
        return "<w:r>%s%s</w:r>" % (rpr, body)

    def track_sections(self, text):
        for m in re.finditer(r"\{\{([#^/])\s*([^}]*?)\s*\}\}", text):
            kind, name = m.group(1), m.group(2)
            if kind in "#^":
                self.stack.append(name)
            elif self.stack:
                self.stack.pop()

    FOOTNOTE = re.compile(r"(\[\^[^\]\s]+\])")

    def inline(self, text, bold=False, italic=False, color=None):
        """Runs for a line of Markdown inline text with Mustache tags. A GFM footnote reference
        `[^label]` (the label may hold tags) is one run of its own: the fill turns it into a Word
        footnote reference when a paragraph `[^label]: text` defines it (docs/docx.md)."""
        pieces = self.FOOTNOTE.split(text)
        if len(pieces) > 1:
            return "".join(self.run(p, bold, italic, color=color) if k % 2 else self.inline(p, bold, italic, color)
                           for k, p in enumerate(pieces))
        out = []
        pos = 0
        token = re.compile(r"\*\*(.+?)\*\*|(?<![*\w])\*(?!\s)(.+?)\*(?!\w)|\[([^\]]+)\]\(([^)]+)\)|<(https?://[^>]+)>|"
                           r"\{\{(check|checkNo)\(([^)]+)\)\}\}|\{\{([#^/])\s*([^}]*?)\s*\}\}|\{\{\{?&?\s*([^}]*?)\s*\}?\}\}")
        for m in token.finditer(text):
            out.append(self.run(self.unescape(text[pos:m.start()]), bold, italic, color=color))
            pos = m.end()
            if m.group(1) is not None:
                out.append(self.inline(m.group(1), True, italic, color))
            elif m.group(2) is not None:
                out.append(self.inline(m.group(2), bold, True, color))
            elif m.group(3) is not None:
                out.append(self.hyperlink(m.group(4), m.group(3)))
            elif m.group(5) is not None:
                out.append(self.hyperlink(m.group(5), m.group(5)))
            elif m.group(6) is not None:
                out.append(self.checkbox(m.group(6), m.group(7)))
            elif m.group(8) is not None:
                out.append(self.run(m.group(0), bold, italic, color=color))
                self.track_sections(m.group(0))
            else:
                name = m.group(10)
                inner = name[name.index("(") + 1:-1] if "(" in name else name
                path = self.answer_path(inner)
                r = self.run(m.group(0), bold, italic, color=color)
                out.append(self.sdt_inline(path, r) if path else r)
        out.append(self.run(self.unescape(text[pos:]), bold, italic, color=color))
        return "".join(out)

    @staticmethod
    def unescape(s):
        return re.sub(r"\\([\\`*_\[\]<>#|+\-.!])", r"\1", s)

    def hyperlink(self, url, label):
        if url not in self.links:
            self.links[url] = "rIdLink%d" % (len(self.links) + 1)
        return '<w:hyperlink r:id="%s">%s</w:hyperlink>' % (self.links[url], self.run(label, style="Hyperlink"))

    # --- blocks --------------------------------------------------------------------------
    def para(self, runs, style=None, num=None, keep=False, align=None, page_break=False, num_id=1):
        # pPr children in schema order (wml.xsd CT_PPrBase): pStyle, keepNext, pageBreakBefore, numPr, jc.
        ppr = ""
        if style:
            ppr += '<w:pStyle w:val="%s"/>' % style
        if keep:
            ppr += "<w:keepNext/>"
        if page_break:
            ppr += "<w:pageBreakBefore/>"
        if num is not None:
            ppr += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (num, num_id)
        if align:
            ppr += '<w:jc w:val="%s"/>' % align
        ppr = "<w:pPr>%s</w:pPr>" % ppr if ppr else ""
        return "<w:p>%s%s</w:p>" % (ppr, runs)

    def section_para(self, line):
        self.track_sections(line)
        return "<w:p>%s</w:p>" % self.run(line)

    def table(self, rows):
        """rows: list of (cells or ('section', text)). First row is the header, second the separator."""
        header = [c.strip() for c in rows[0]]
        ncol = len(header)
        h = [self.unescape(c) for c in header]
        pct = (WIDTHS.get((h[0], h[2], ncol)) if ncol > 2 else None) or (WIDTHS.get((h[0], h[2])) if ncol > 2 else None) \
            or WIDTHS.get(h[0], [100 / ncol] * ncol)
        widths = [int(9648 * p / 100) for p in pct]
        grid = "".join('<w:gridCol w:w="%d"/>' % w for w in widths)
        self.widths = widths
        self.labels = self.unescape(header[0]) in LABEL_TABLES
        # Accessibility (docket validate, a11y.table-header): a table's header is marked for screen
        # readers. The first row repeats as a header row (w:tblHeader, below); a label table has no
        # header row, so its first column is the header (Table Design: First Column on, Header Row off).
        look = ('w:val="0480" w:firstRow="0" w:lastRow="0" w:firstColumn="1"' if self.labels
                else 'w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0"')
        xml = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>'
               '<w:tblLook %s w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
               '</w:tblPr><w:tblGrid>%s</w:tblGrid>' % (look, grid)]
        xml.append(self.row(header, header=not self.labels))
        pending_open = ""
        body = rows[2:]
        for i, r in enumerate(body):
            if isinstance(r, str):
                if r.startswith("{{/"):
                    continue  # attached to the previous row below
                pending_open += r
                continue
            close = ""
            j = i + 1
            while j < len(body) and isinstance(body[j], str) and body[j].startswith("{{/"):
                close += body[j]
                j += 1
            cells = [c.strip() for c in r]
            if pending_open:
                cells[0] = pending_open + cells[0]
            if close:
                cells[-1] = cells[-1] + close
            pending_open = ""
            xml.append(self.row(cells))
        xml.append("</w:tbl>")
        return "".join(xml) + "<w:p/>"

    def row(self, cells, header=False):
        # trPr children in schema order (wml.xsd CT_TrPrBase, as Word writes them): cantSplit before tblHeader.
        trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
        tcs = []
        for k, c in enumerate(cells):
            tcw = '<w:tcW w:w="%d" w:type="dxa"/>' % self.widths[k] if k < len(self.widths) else ""
            shade = '<w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>' if header else ""
            if self.labels and k == 0:
                shade = '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>'
                tcs.append("<w:tc><w:tcPr>%s%s</w:tcPr>%s</w:tc>" % (tcw, shade, self.para(self.inline(c.strip(), bold=True), style="TableText")))
                continue
            tcs.append("<w:tc><w:tcPr>%s%s</w:tcPr>%s</w:tc>" % (tcw, shade, self.cell(c.strip(), header)))
        return "<w:tr>%s%s</w:tr>" % (trpr, "".join(tcs))

    # A cell that is one list section of bullet items, "{{#xs}}• {{.}} {{/xs}}" (a bullet list in the
    # Markdown table, which has no block content), becomes one bullet paragraph per item.
    # Section tags of the row's own loop may lead or trail it (they stay in the first / last paragraph).
    CELL_LIST = re.compile(r"^((?:\{\{[#^][^}]+\}\})*)(\{\{#\s*([^}]+?)\s*\}\})• (.*?)\s*(\{\{/\s*\3\s*\}\})((?:\{\{/[^}]+\}\})*)$")

    def cell(self, text, header):
        m = None if header else self.CELL_LIST.match(text)
        if m:
            paras = self.section_para(m.group(1) + m.group(2)).replace("<w:p>", '<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>', 1)
            paras += self.para(self.inline(m.group(4)), style="TableList", num=0, num_id=2)
            paras += self.section_para(m.group(5) + m.group(6)).replace("<w:p>", '<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>', 1)
            return paras
        if not header:
            # The Markdown cell's separators between fields (" · ") and between list items
            # ("{{^@last}}; {{/@last}}") are line breaks in the DOCX cell: an e-mail address
            # gets a line of its own instead of being broken mid-word.
            text = text.replace(" · ", "\n").replace("{{^@last}}; {{/@last}}", "{{^@last}}\n{{/@last}}")
        return self.para(self.inline(text, bold=header, color="FFFFFF" if header else None), style="TableText")

    def markdown_block(self, name):
        path = self.answer_path(name)
        p = "<w:p>%s</w:p>" % self.run("{{markdown(%s)}}" % name)
        if not path:
            return p
        return ('<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="docket:%s"/><w:id w:val="%d"/></w:sdtPr>'
                '<w:sdtContent>%s</w:sdtContent></w:sdt>' % (escape(path), escape(path), self.next_id(), p))

    def convert(self, md):
        md = re.sub(r"\A\{\{!.*?\}\}\n", "", md, flags=re.S)
        lines = md.split("\n")
        out = []
        i = 0
        first_heading = True
        page_break = False
        keep_table = False
        while i < len(lines):
            line = lines[i]
            s = line.rstrip()
            if not s:
                i += 1
                continue
            if re.match(r"^\{\{!\s*toc\s*\}\}$", s):
                out.append(TOC)  # a table of contents field; the fill writes its entries
                i += 1
                continue
            if re.match(r"^\{\{!\s*keep-with-next\s*\}\}$", s):
                keep_table = True  # the next table keeps with what follows it (every row keepNext)
                i += 1
                continue
            if re.match(r"^\{\{!\s*page-break\s*\}\}$", s):
                page_break = True  # the next heading starts a page (in DOCX; Markdown has no pages)
                i += 1
                continue
            if SECTION_LINE.match(s) and not (i + 1 < len(lines) and lines[i + 1].startswith("|") and self.in_table(lines, i)):
                out.append(self.section_para(s))
                i += 1
                continue
            if s.startswith("|") or (SECTION_LINE.match(s) and self.in_table(lines, i)):
                rows = []
                while i < len(lines) and (lines[i].startswith("|") or (SECTION_LINE.match(lines[i].rstrip()) and self.in_table(lines, i))):
                    t = lines[i].rstrip()
                    if t.startswith("|"):
                        cells = [c for c in re.split(r"(?<!\\)\|", t)[1:-1]]
                        rows.append(cells)
                    else:
                        rows.append(t)
                    i += 1
                t = self.table(rows)
                if keep_table:
                    t = re.sub(r'(<w:pStyle w:val="Table(?:Text|List)"/>)', r"\1<w:keepNext/>", t)
                    keep_table = False
                out.append(t)
                continue
            m = re.match(r"^(#{1,6})\s+(.*)$", s)
            if m:
                level = len(m.group(1))
                style = "Title" if first_heading and level == 1 else "Heading%d" % level
                first_heading = False
                out.append(self.para(self.inline(m.group(2)), style=style, keep=True, page_break=page_break))
                page_break = False
                i += 1
                continue
            m = re.match(r"^\{\{\{\s*([^}]+?)\s*\}\}\}$", s)
            if m:
                out.append(self.markdown_block(m.group(1)))
                i += 1
                continue
            m = re.match(r"^( *)- (.*)$", line)
            if m:
                level = len(m.group(1)) // 2
                # an item with nested items keeps with its first one
                keep = re.match(r"^ {%d,}- " % (2 * level + 2), self.next_content(lines, i) or "") is not None
                out.append(self.para(self.inline(m.group(2)), style="ListParagraph", num=level, keep=keep))
                i += 1
                continue
            # paragraph: join lines ending with a backslash (hard break)
            text = s
            while text.endswith("\\") and i + 1 < len(lines) and lines[i + 1].strip():
                i += 1
                text = text[:-1] + "\n" + lines[i].rstrip()
            runs = "".join(self.inline(part) + ("<w:r><w:br/></w:r>" if k < len(text.split("\n")) - 1 else "")
                           for k, part in enumerate(text.split("\n")))
            out.append(self.para(runs, keep=self.leads_in(text, self.next_content(lines, i))))
            i += 1
        return "\n".join(out)

    @staticmethod
    def next_content(lines, i):
        """The next line after i that prints something (not blank, not a section or comment tag)."""
        for l in lines[i + 1:]:
            t = l.rstrip()
            if t and not SECTION_LINE.match(t) and not re.match(r"^\{\{!.*\}\}$", t):
                return l
        return None

    @staticmethod
    def leads_in(text, following):
        """A paragraph that introduces what follows keeps with it (never stranded at a page foot):
        one ending with a colon, a bold prompt, or one followed by a list, a table or an answer."""
        if following is None:
            return False
        f = following.lstrip()
        if f.startswith(("- ", "|", "{{{")) or re.match(r"^\*\*[^*]+\*\*$", text.strip()):
            return True
        return text.rstrip().rstrip("*").endswith(":")

    @staticmethod
    def in_table(lines, i):
        """True when a section line sits between table rows."""
        before = next((l for l in reversed(lines[:i]) if not SECTION_LINE.match(l.rstrip())), "")
        after = next((l for l in lines[i + 1:] if not SECTION_LINE.match(l.rstrip())), "")
        return before.startswith("|") or after.startswith("|")


# A Word table of contents (w:sdt docPartObj "Table of Contents", field TOC \o "1-3" \h \z \u). The fill
# writes an entry per Heading1-3 of the filled document between the field's separate and end
# (DocketDOCX TableOfContents), so it shows before Word updates fields.
TOC = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>'
       '<w:sdtContent><w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r><w:t xml:space="preserve">Contents</w:t></w:r></w:p>'
       '<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Added by Docket (not part of the source report): this table of contents.</w:t></w:r></w:p>'
       '<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr><w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
       '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\h \\z \\u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
       '<w:r><w:t xml:space="preserve">Update the table of contents (F9) to see its entries.</w:t></w:r></w:p>'
       '<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:sdtContent></w:sdt>')

# Added by Docket (not part of the forms): the entity's logo (`entity.logo`, an image with alt text,
# docs/template-language.md#images) at the start of every deliverable's header, when the data gives one.
HEADER_LOGO = '<w:r><w:t xml:space="preserve">{{#entity.logo}}{{image(entity.logo)}} {{/entity.logo}}</w:t></w:r>'

SECT = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/><w:footerReference w:type="default" r:id="rIdFooter1"/>'
        '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1296" w:right="1296" w:bottom="1296" w:left="1296" w:header="576" w:footer="576" w:gutter="0"/>'
        '<w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>')


CHECK = "--check" in sys.argv
STALE = []


def write(path, text):
    """Writes `path`, or with --check records it when its content differs."""
    if CHECK:
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            STALE.append(os.path.relpath(path, ROOT))
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w", encoding="utf-8").write(text)


def build(deliverable):
    folder = os.path.join(ROOT, deliverable)
    md = open(os.path.join(folder, "template.md"), encoding="utf-8").read()
    conv = Converter(deliverable)
    body = conv.convert(md)
    docx = os.path.join(folder, "docx")
    common = os.path.join(ROOT, "tools", "docx-common")
    for dirpath, _, files in os.walk(common):
        for f in files:
            src = os.path.join(dirpath, f)
            rel = os.path.relpath(src, common)
            if rel == os.path.join("docProps", "core.xml"):
                continue  # written below with the deliverable's title
            dst = os.path.join(docx, rel)
            write(dst, open(src, encoding="utf-8").read())
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>\n%s\n%s</w:body></w:document>\n'
           % (W, body, SECT))
    write(os.path.join(docx, "word", "document.xml"), doc)
    title = escape(ANSWERS[deliverable]["title"])
    header = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr %s><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
              '%s<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{{entity.name}}</w:t></w:r>'
              '<w:r><w:tab/><w:t xml:space="preserve">%s</w:t></w:r></w:p></w:hdr>\n' % (W, HEADER_LOGO, title))
    write(os.path.join(docx, "word", "header1.xml"), header)
    footer = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr %s><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
              '<w:r><w:t xml:space="preserve">{{docket.fileName}}</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
              '<w:r><w:t xml:space="preserve"> of </w:t></w:r>'
              '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>'
              '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
              '</w:p></w:ftr>\n' % W)
    write(os.path.join(docx, "word", "footer1.xml"), footer)
    rels = ['<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>',
            '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>',
            '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>',
            '<Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>',
            '<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>']
    for url, rid in sorted(conv.links.items(), key=lambda kv: kv[1]):
        rels.append('<Relationship Id="%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="%s" TargetMode="External"/>'
                    % (rid, escape(url, {'"': "&quot;"})))
    write(os.path.join(docx, "word", "_rels", "document.xml.rels"),
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\n'
        + "\n".join(rels) + "\n</Relationships>\n")
    core = open(os.path.join(common, "docProps", "core.xml"), encoding="utf-8").read().replace("Docket deliverable", title)
    write(os.path.join(docx, "docProps", "core.xml"), core)


if __name__ == "__main__":
    for d in [a for a in sys.argv[1:] if not a.startswith("--")] or sorted(ANSWERS):
        build(d)
        if not CHECK:
            print("wrote", d)
    if STALE:
        print("out of date (run python3 Templates/tools/md2docx.py):\n  " + "\n  ".join(STALE))
        sys.exit(1)
