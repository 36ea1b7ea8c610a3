#!/usr/bin/env python3
"""Reads a `doccanon export` CSV and XLSX back with readers that are not doccanon's (Python's
csv module and openpyxl) and checks every cell against the reports' JSON.

    scripts/check-export.py EXPECTED.jsonl EXPORT.csv EXPORT.xlsx

EXPECTED.jsonl holds one line per report, {"id": the export's id, "report": the report JSON},
in export order. Prints one line per wrong cell and exits 1 when there is one; prints the
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
    for p in problems[:50]:
        print(p)
    if problems:
        print(f"{len(problems)} problems")
        sys.exit(1)
    print(f"{len(items)} reports, {cells} cells: CSV and XLSX equal the report JSON")


main()
