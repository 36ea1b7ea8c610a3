#!/usr/bin/env python3
"""Reads a `doccanon export` CSV and XLSX back with readers that are not doccanon's (Python's
csv module and openpyxl) and checks every cell against the reports' JSON.

    scripts/check-export.py EXPECTED.jsonl EXPORT.csv EXPORT.xlsx [--sources]

EXPECTED.jsonl holds one line per report, {"id": the export's id, "report": the report JSON},
in export order. With --sources (an export made with --provenance, the reports' JSON with
`sources`), the sources sheet of the XLSX and the companion EXPORT.sources.csv are checked too:
the same rows and leading columns as the reports, and in each cell's column its source (「raw」
first, 推断 for an inferred value) exactly where the report has one. Prints one line per wrong cell and exits 1 when there is one; prints the
number of reports and cells checked otherwise.
"""
import csv
import decimal
import json
import sys

import openpyxl

MISSING = object()


def walk(report, path):
    node = report
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return MISSING
        node = node[part]
    return node


def expected_row(item, columns):
    report = item["report"]
    meta = report["metadata"]
    counts = {s: sum(1 for f in report["findings"] if f["severity"] == s) for s in ("error", "warning", "info")}
    fixed = {
        "id": item["id"], "source": report["source"]["name"], "agency": meta["agency"], "year": meta["year"],
        "template": meta["template"], "publishedOn": meta["publishedOn"],
        "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"],
    }
    return [fixed[c] if c in fixed else walk(report, c) for c in columns]


def csv_text(value):
    if value is None or value is MISSING:
        return ""
    if isinstance(value, decimal.Decimal):
        return str(value)
    return str(value)


def same_xlsx(cell, value):
    if value is None or value is MISSING:
        return cell is None
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, decimal.Decimal)):
        return isinstance(cell, (int, float)) and not isinstance(cell, bool) and float(cell) == float(value)
    return cell == value


def main():
    expected_path, csv_path, xlsx_path = sys.argv[1:4]
    items = [json.loads(line, parse_float=decimal.Decimal) for line in open(expected_path, encoding="utf-8") if line.strip()]
    raw = open(csv_path, "rb").read()
    problems = []
    if not raw.startswith(b"\xef\xbb\xbf"):
        problems.append("CSV: no UTF-8 byte-order mark")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    columns = rows[0]
    workbook = openpyxl.load_workbook(xlsx_path, read_only=False)
    sheet = workbook.active
    if sheet.freeze_panes != "B3":
        problems.append(f"XLSX: frozen panes {sheet.freeze_panes}, expected B3 (two header rows, the id column)")
    xrows = list(sheet.iter_rows(values_only=True))
    if list(xrows[0]) != columns:
        problems.append("XLSX: first header row differs from the CSV header")
    if len(rows) - 1 != len(items) or len(xrows) - 2 != len(items):
        problems.append(f"rows: CSV {len(rows) - 1}, XLSX {len(xrows) - 2}, reports {len(items)}")
    cells = 0
    for n, item in enumerate(items):
        want = expected_row(item, columns)
        got_csv = rows[n + 1] if n + 1 < len(rows) else []
        got_xlsx = list(xrows[n + 2]) + [None] * len(columns) if n + 2 < len(xrows) else [None] * len(columns)
        for c, column in enumerate(columns):
            cells += 1
            if c >= len(got_csv) or got_csv[c] != csv_text(want[c]):
                problems.append(f"CSV {item['id']} {column}: {got_csv[c] if c < len(got_csv) else '(none)'!r} != {csv_text(want[c])!r}")
            if not same_xlsx(got_xlsx[c], want[c]):
                problems.append(f"XLSX {item['id']} {column}: {got_xlsx[c]!r} != {want[c] if want[c] is not MISSING else None!r}")
    if "--sources" in sys.argv[4:]:
        problems += check_sources(items, columns, rows, csv_path[:-4] + ".sources.csv", workbook)
    for p in problems[:50]:
        print(p)
    if problems:
        print(f"{len(problems)} problems")
        sys.exit(1)
    print(f"{len(items)} reports, {cells} cells: CSV and XLSX equal the report JSON")


def check_sources(items, columns, rows, csv_path, workbook):
    """The sources file and sheet against each report's `sources` and the reports' rows."""
    problems = []
    srows = list(csv.reader(open(csv_path, encoding="utf-8-sig", newline="")))
    if "sources" not in workbook.sheetnames:
        return problems + ["XLSX: no sheet sources"]
    xrows = list(workbook["sources"].iter_rows(values_only=True))
    if srows[0] != columns or list(xrows[0]) != columns:
        problems.append("sources: header differs from the reports' header")
    if len(srows) != len(rows) or len(xrows) - 2 != len(items):
        problems.append(f"sources rows: CSV {len(srows) - 1}, XLSX {len(xrows) - 2}, reports {len(items)}")
        return problems
    for n, item in enumerate(items):
        sources = item["report"].get("sources", {})
        got_csv, got_xlsx = srows[n + 1], [c or "" for c in list(xrows[n + 2]) + [None] * len(columns)]
        for c, column in enumerate(columns):
            if c < 6:
                if got_csv[c] != rows[n + 1][c]:
                    problems.append(f"sources {item['id']} {column}: {got_csv[c]!r} != {rows[n + 1][c]!r}")
                continue
            text, source = got_csv[c], sources.get(column)
            if text != got_xlsx[c]:
                problems.append(f"sources {item['id']} {column}: CSV {text!r} != XLSX {got_xlsx[c]!r}")
            if source is None:
                if text:
                    problems.append(f"sources {item['id']} {column}: {text!r} for a value without a source")
                continue
            if "raw" in source and not text.startswith("「" + source["raw"] + "」"):
                problems.append(f"sources {item['id']} {column}: {text!r} does not start with the raw {source['raw']!r}")
            if ("推断" in text) != bool(source.get("inferred")):
                problems.append(f"sources {item['id']} {column}: {text!r} inferred is {bool(source.get('inferred'))}")
    return problems


main()
