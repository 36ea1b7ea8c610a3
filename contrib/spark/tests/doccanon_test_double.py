#!/usr/bin/env python3
"""TEST DOUBLE for the Spark job's crash/hang tests. Not a doccanon.

Speaks the `doccanon batch` contract (spec §6) line by line and misbehaves on
marked inputs, so the job's recovery can be tested:

    a record containing CRASH_ME   the process kills itself with SIGSEGV
    a record containing HANG_ME    the process sleeps for an hour
    a record containing GARBLE_ME  the process prints a line that is not JSON
    DOUBLE_CRASH_EVERY=N           the process crashes on its Nth record, whatever
                                   it is (a fault that is not the record's)

Every other record is passed to the real tool when DOCCANON_REAL names it
(`DOCCANON_REAL batch …` runs as a child, fed one line and read one line at a
time), so its output is the real tool's, byte for byte. Without DOCCANON_REAL
a stand-in answers: ok with a tiny fake report for a readable UTF-8 file that
mentions 政府信息公开, input.unreadable for a missing file, input.notAReport else.
"""
import base64
import hashlib
import json
import os
import signal
import subprocess
import sys
import time


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def stand_in(line, input_format):
    if input_format == "ndjson":
        rec = json.loads(line)
        rec_id = rec.get("id")
        if "contentBase64" in rec:
            data = base64.b64decode(rec["contentBase64"])
        else:
            data = read(rec.get("path"))
    else:
        rec_id, data = line, read(line)
    if data is None:
        return dump({"error": {"code": "input.unreadable", "message": "cannot read the file"},
                     "exitCode": 2, "id": rec_id, "status": "error"})
    if data.startswith(b"PK\x03\x04"):
        return dump({"error": {"code": "input.corrupt", "message": "not a ZIP package"},
                     "exitCode": 2, "id": rec_id, "status": "error"})
    if b"\x00" in data:
        return dump({"error": {"code": "input.unreadable", "message": "binary data"},
                     "exitCode": 2, "id": rec_id, "status": "error"})
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    if "政府信息公开" not in text:
        return dump({"error": {"code": "input.notAReport", "message": "not a report"},
                     "exitCode": 2, "id": rec_id, "status": "error"})
    report = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return dump({"exitCode": 0, "id": rec_id, "report": report, "status": "ok"})


def read(path):
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except (OSError, TypeError):
        return None


def main():
    args = sys.argv[1:]
    real = os.environ.get("DOCCANON_REAL")
    if real and os.path.realpath(real) == os.path.realpath(__file__):
        real = None  # the stand-in is standing in for itself
    if args[:1] == ["--version"]:
        if real:
            os.execv(real, [real, "--version"])
        print("doccanon-test-double 0")
        return 0
    if args[:1] != ["batch"]:
        print("test double: only `batch` and `--version`", file=sys.stderr)
        return 64
    input_format = args[args.index("--input") + 1] if "--input" in args else "paths"
    child = None
    if real:
        child = subprocess.Popen([real] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    crash_every = int(os.environ.get("DOUBLE_CRASH_EVERY", "0"))
    for number, raw in enumerate(sys.stdin.buffer, 1):
        line = raw.decode("utf-8").rstrip("\n")
        if "CRASH_ME" in line or number == crash_every:
            print("test double: crashing on purpose", file=sys.stderr, flush=True)
            os.kill(os.getpid(), signal.SIGSEGV)
        if "HANG_ME" in line:
            time.sleep(3600)
        if "GARBLE_ME" in line:
            sys.stdout.write("this is not JSON\n")
            sys.stdout.flush()
            continue
        if child is not None:
            child.stdin.write(raw if raw.endswith(b"\n") else raw + b"\n")
            child.stdin.flush()
            sys.stdout.buffer.write(child.stdout.readline())
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(stand_in(line, input_format) + "\n")
            sys.stdout.flush()
    if child is not None:
        child.stdin.close()
        return child.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
