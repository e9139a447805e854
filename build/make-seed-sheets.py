#!/usr/bin/env python3
"""Writes a case-level findings document's cases as a case sheet, CSV and Excel .xlsx (docs/findings-format.md,
"Case sheets"), with the Python standard library only, so the sheets come from outside the library they test.

    python3 build/make-seed-sheets.py                       # the Nottinghamshire seed -> seeds/*.csv, seeds/*.xlsx
    python3 build/make-seed-sheets.py DOC.json OUT_STEM     # any case-level document

Columns: id, sentence, start, suspended, exemption, every key question any case answers (in the framework's
order, P2.1.1 ...), then one column per tag. A key question a case leaves out is a blank cell; null is blank.
The xlsx writes text cells inline and dates as date cells (numbers with a date style), as Excel saves them.
"""
import csv
import datetime
import json
import sys
import zipfile
from xml.sax.saxutils import escape

FIELDS = ["id", "sentence", "start", "suspended", "exemption"]


def key_order(kq):
    return [int(p) if p.isdigit() else p for p in kq.replace("P", "").split(".")]


def table(doc):
    cases = doc.get("cases") or []
    questions = sorted({kq for c in cases for kq in (c.get("answers") or {})}, key=key_order)
    tags = sorted({t for c in cases for t in (c.get("tags") or {})})
    header = FIELDS + questions + tags
    rows = []
    for c in cases:
        answers = c.get("answers") or {}
        tagged = c.get("tags") or {}
        row = [c.get(f) for f in FIELDS] + [answers.get(q) for q in questions] + [tagged.get(t) for t in tags]
        rows.append(["" if v is None else v for v in row])
    return header, rows


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(ref, value, is_date):
    if is_date and value:
        serial = (datetime.date.fromisoformat(value) - datetime.date(1899, 12, 30)).days
        return f'<c r="{ref}" s="1"><v>{serial}</v></c>'
    if value == "":
        return ""
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def write_xlsx(path, header, rows):
    dates = {header.index("start"), header.index("suspended")}
    lines = []
    for r, row in enumerate([header] + rows, start=1):
        cells = "".join(cell(f"{col(i)}{r}", v, r > 1 and i in dates) for i, v in enumerate(row))
        lines.append(f'<row r="{r}">{cells}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + "".join(lines) + "</sheetData></worksheet>")
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '</Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Cases" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '</Relationships>',
        "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            # A fixed timestamp: the same document always gives the same bytes.
            z.writestr(zipfile.ZipInfo(name, date_time=(2025, 3, 10, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)


def main(argv):
    source, stem = (argv[1], argv[2]) if len(argv) == 3 else ("seeds/nottinghamshire-pdu-2025-cases.json", "seeds/nottinghamshire-pdu-2025-cases")
    with open(source, encoding="utf-8") as f:
        header, rows = table(json.load(f))
    write_csv(stem + ".csv", header, rows)
    write_xlsx(stem + ".xlsx", header, rows)


if __name__ == "__main__":
    main(sys.argv)
