#!/usr/bin/env python3
"""Times docling's DOCX and HTML backends on a list of files, in one Python process (its
DocumentConverter imports torch, so the backends are driven directly), for scripts/bench-batch.

    bench-docling.py LIST     (one path a line: .docx and .html files)

Prints one JSON object: files, failures, import seconds, and the wall and CPU seconds spent
converting (imports excluded).
"""
import json
import sys
import time
from pathlib import Path

t0 = time.perf_counter()
from docling.backend.html_backend import HTMLDocumentBackend  # noqa: E402
from docling.backend.msword_backend import MsWordDocumentBackend  # noqa: E402
from docling.datamodel.base_models import InputFormat  # noqa: E402
from docling.datamodel.document import InputDocument  # noqa: E402

import_seconds = time.perf_counter() - t0

BACKENDS = {".docx": (InputFormat.DOCX, MsWordDocumentBackend), ".html": (InputFormat.HTML, HTMLDocumentBackend)}


def convert(path):
    fmt, backend = BACKENDS[path.suffix]
    doc = InputDocument(path_or_stream=path, format=fmt, backend=backend)
    result = backend(in_doc=doc, path_or_stream=path).convert()
    # Serialise, as doccanon does: the comparison includes writing the model out.
    return len(json.dumps(result.export_to_dict(), ensure_ascii=False))


def main():
    paths = [Path(line.strip()) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    failures = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for p in paths:
        try:
            convert(p)
        except Exception as e:  # a peer's failure is counted, not fatal
            failures += 1
            print(f"docling: {p.name}: {e}", file=sys.stderr)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    print(json.dumps({"files": len(paths), "failures": failures, "importSeconds": round(import_seconds, 3),
                      "wallSeconds": round(wall, 3), "cpuSeconds": round(cpu, 3)}))


if __name__ == "__main__":
    main()
