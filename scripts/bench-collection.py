#!/usr/bin/env python3
"""Writes a collection of report-sized inputs for scripts/bench-batch: DOCX, HTML and text
versions of the sample reports (Samples/text/*.document.json and their .txt), each with its own
agency name, mixed with copies of the DOCX and HTML samples (Samples/docx, Samples/html: a
Word-like package with a 350 KB document part, portal pages of 60-130 KB, one in GBK).

    bench-collection.py OUT_DIR COUNT [--formats docx,html,text]

Python standard library only. DOCX files are WordprocessingML packages with heading styles and
tables carrying their merged cells (w:gridSpan, w:vMerge); HTML pages are UTF-8 with
rowspan/colspan tables; text files are the sample texts themselves.
"""
import argparse
import glob
import html
import json
import os
import shutil
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>"""

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def grid(table):
    """Cells by (row, column) of their top-left position, and the positions each covers."""
    origin = {}
    covered = {}
    for c in table["cells"]:
        origin[(c["row"], c["column"])] = c
        for r in range(c["row"], c["row"] + c["rowSpan"]):
            for k in range(c["column"], c["column"] + c["columnSpan"]):
                covered[(r, k)] = c
    return origin, covered


def docx_paragraph(text, style=None):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx_table(table):
    origin, covered = grid(table)
    rows, cols = table["rowCount"], table["columnCount"]
    out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>']
    out += ['<w:gridCol w:w="1200"/>'] * cols
    out.append("</w:tblGrid>")
    for r in range(rows):
        out.append("<w:tr>")
        k = 0
        while k < cols:
            cell = covered.get((r, k))
            if cell is None:
                out.append("<w:tc><w:p/></w:tc>")
                k += 1
                continue
            span = cell["columnSpan"]
            props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
            if cell["rowSpan"] > 1:
                props += '<w:vMerge w:val="restart"/>' if cell["row"] == r else "<w:vMerge/>"
            text = cell["text"] if cell["row"] == r else ""
            out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{docx_paragraph(text)}</w:tc>")
            k += span
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def blocks_of(doc, agency_suffix):
    blocks = [dict(b) for b in doc["blocks"]]
    # Each copy names a different agency in its title (the first block).
    for b in blocks:
        if b["type"] != "table":
            b["text"] = b["text"].replace("年政府信息公开", f"年{agency_suffix}政府信息公开", 1)
            break
    return blocks


def write_docx(path, blocks):
    body = []
    for b in blocks:
        if b["type"] == "heading":
            body.append(docx_paragraph(b["text"], f"Heading{min(b['level'], 2)}"))
        elif b["type"] == "paragraph":
            body.append(docx_paragraph(b["text"]))
        else:
            body.append(docx_table(b))
            body.append("<w:p/>")
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}<w:sectPr/></w:body></w:document>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/_rels/document.xml.rels", DOC_RELS)
        z.writestr("word/styles.xml", STYLES)
        z.writestr("word/document.xml", document)


def write_html(path, blocks):
    out = ['<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>']
    title = next((b["text"] for b in blocks if b["type"] != "table"), "")
    out.append(html.escape(title) + "</title></head><body>\n")
    for b in blocks:
        if b["type"] == "heading":
            n = min(b["level"] + 1, 6)
            out.append(f"<h{n}>{html.escape(b['text'])}</h{n}>\n")
        elif b["type"] == "paragraph":
            out.append(f"<p>{html.escape(b['text'])}</p>\n")
        else:
            origin, _ = grid(b)
            out.append('<table border="1">\n')
            for r in range(b["rowCount"]):
                out.append("<tr>")
                for k in range(b["columnCount"]):
                    c = origin.get((r, k))
                    if c is None:
                        continue
                    attrs = ""
                    if c["rowSpan"] > 1:
                        attrs += f' rowspan="{c["rowSpan"]}"'
                    if c["columnSpan"] > 1:
                        attrs += f' colspan="{c["columnSpan"]}"'
                    out.append(f"<td{attrs}>{html.escape(c['text'])}</td>")
                out.append("</tr>\n")
            out.append("</table>\n")
    out.append("</body></html>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("count", type=int)
    ap.add_argument("--formats", default="docx,html,text")
    args = ap.parse_args()
    formats = args.formats.split(",")
    seeds = sorted(glob.glob(os.path.join(ROOT, "Samples/text/*.txt")))
    docs = [json.load(open(s[:-4] + ".document.json", encoding="utf-8")) for s in seeds]
    texts = [open(s, encoding="utf-8").read() for s in seeds]
    samples = {f: sorted(glob.glob(os.path.join(ROOT, f"Samples/{f}/*.{f}"))) for f in ("docx", "html")}
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.count):
        fmt = formats[i % len(formats)]
        turn = i // len(formats)
        s = turn % len(seeds)
        suffix = f"第{i}号"
        name = os.path.join(args.out, f"r{i:05d}.{ 'txt' if fmt == 'text' else fmt}")
        copies = samples.get(fmt, [])
        k = turn % (len(seeds) + len(copies))
        if k >= len(seeds):
            shutil.copyfile(copies[k - len(seeds)], name)
        elif fmt == "docx":
            write_docx(name, blocks_of(docs[s], suffix))
        elif fmt == "html":
            write_html(name, blocks_of(docs[s], suffix))
        else:
            with open(name, "w", encoding="utf-8") as f:
                f.write(texts[s].replace("年政府信息公开", f"年{suffix}政府信息公开", 1))
        print(name)


if __name__ == "__main__":
    main()
