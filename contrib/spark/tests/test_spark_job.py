#!/usr/bin/env python3
"""Local-mode test of contrib/spark/doccanon_spark.py (run by scripts/test-spark).

1. Generates ~200 reports from the text seeds (Samples/text/*.txt), each seed
   with its table cells scaled by a factor, so the tables' arithmetic still
   holds), plus a corrupt DOCX and a missing path.
2. Runs the job in local[2] and checks that its output holds one record per
   input, in manifest order, each the same bytes `doccanon batch` prints for
   that input run on its own, and that the bad inputs became error records.
3. Runs the job through a test double that crashes, hangs or garbles its
   output on marked records and passes the rest to the real tool; checks the
   marked records became tool.crashed / tool.timeout / tool.badOutput and every
   other record is still the real tool's line.

Usage: test_spark_job.py --doccanon PATH [--reports 200] [--keep DIR]
"""
import argparse
import base64
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
JOB = os.path.join(HERE, "..", "doccanon_spark.py")
SHARD = os.path.join(HERE, "..", "run_shard.py")
DOUBLE = os.path.join(HERE, "doccanon_test_double.py")
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
NUMBER = re.compile(r"^(\s*)(-?[0-9]+(?:\.[0-9]+)?)(\s*)$")
FAILURES = []


def check(cond, message):
    if not cond:
        FAILURES.append(message)
        print("FAIL: " + message, file=sys.stderr)


# ---------------------------------------------------------------------------
# Corpus


def scale_cell(field, factor):
    """A table cell that is only a number, multiplied by factor (decimals kept exact)."""
    m = NUMBER.match(field)
    if not m:
        return field
    value = Decimal(m.group(2)) * factor
    return m.group(1) + str(value) + m.group(3)


def vary(text, factor):
    """The seed with every number-only table cell (tab- or pipe-separated) scaled.

    Sums and carried-over counts are linear, so the tables' own checks hold as
    in the seed. Years, dates and list numbers are inside longer text and stay.
    """
    out = []
    for line in text.split("\n"):
        parts = re.split(r"(\t|\|)", line)
        out.append("".join(p if p in ("\t", "|") else scale_cell(p, factor) for p in parts))
    return "\n".join(out)


def make_corpus(directory, count):
    seeds = sorted(glob.glob(os.path.join(ROOT, "Samples", "text", "*.txt")))
    if not seeds:
        sys.exit("no seeds under Samples/text")
    names = []
    os.makedirs(os.path.join(directory, "reports"))
    for i in range(count):
        seed = seeds[i % len(seeds)]
        factor = 1 + i // len(seeds)
        with open(seed, "r", encoding="utf-8") as fh:
            text = vary(fh.read(), factor)
        name = "reports/%03d_%s_x%d.txt" % (i, os.path.basename(seed)[:3], factor)
        with open(os.path.join(directory, name), "w", encoding="utf-8") as fh:
            fh.write(text)
        names.append(name)
    return names


def write_manifest(path, lines):
    with open(path, "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line + "\n")


# ---------------------------------------------------------------------------
# Running


def run_job(manifest, output, tool, extra=(), env=None):
    cmd = [sys.executable, JOB, "--manifest", manifest, "--output", output,
           "--doccanon", tool, "--master", "local[2]"] + list(extra)
    started = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    elapsed = time.time() - started
    if proc.returncode != 0:
        print(proc.stdout[-4000:], proc.stderr[-8000:], sep="\n", file=sys.stderr)
        sys.exit("the job failed with status %d" % proc.returncode)
    return elapsed


def job_lines(output):
    lines = []
    for part in sorted(glob.glob(os.path.join(output, "ndjson", "part-*"))):
        with open(part, "rb") as fh:
            lines.extend(fh.read().splitlines())
    return lines


def batch_lines(tool, entries, cwd):
    """What `doccanon batch` prints for each entry on its own (one process per entry)."""
    lines = []
    for entry in entries:
        proc = subprocess.run([tool, "batch", "--input", "paths", "--kind", "report"],
                              input=(entry + "\n").encode("utf-8"), capture_output=True, cwd=cwd)
        out = proc.stdout.splitlines()
        check(proc.returncode == 0 and len(out) == 1,
              "doccanon batch on %s alone: status %d, %d lines" % (entry, proc.returncode, len(out)))
        lines.append(out[0] if out else b"")
    return lines


def batch_lines_one_process(tool, entries, cwd, input_format="paths"):
    proc = subprocess.run([tool, "batch", "--input", input_format, "--kind", "report"],
                          input="".join(e + "\n" for e in entries).encode("utf-8"),
                          capture_output=True, cwd=cwd)
    check(proc.returncode == 0, "doccanon batch over the manifest exited %d" % proc.returncode)
    return proc.stdout.splitlines()


def error_code(line):
    obj = json.loads(line)
    return obj.get("status"), (obj.get("error") or {}).get("code"), obj.get("id")


# ---------------------------------------------------------------------------
# Tests


def test_job_matches_batch(tool, work, count):
    names = make_corpus(work, count)
    with open(os.path.join(work, "corrupt.docx"), "wb") as fh:
        fh.write(b"PK\x03\x04" + b"\x00" * 26 + b"not a zip archive after all" * 10)
    with open(os.path.join(work, "garbage.txt"), "wb") as fh:
        fh.write(bytes(range(256)) * 8)
    entries = names[:count // 2] + ["corrupt.docx", "missing/nowhere.txt", "garbage.txt"] + names[count // 2:]
    manifest = os.path.join(work, "manifest.txt")
    write_manifest(manifest, entries)

    elapsed = run_job(manifest, os.path.join(work, "out"), tool, ["--parquet"])
    got = job_lines(os.path.join(work, "out"))
    check(len(got) == len(entries), "job wrote %d records for %d inputs" % (len(got), len(entries)))

    started = time.time()
    whole = batch_lines_one_process(tool, entries, work)
    single_seconds = time.time() - started
    check(len(whole) == len(entries), "doccanon batch wrote %d lines for %d inputs" % (len(whole), len(entries)))
    mismatched = [e for e, a, b in zip(entries, got, whole) if a != b]
    check(not mismatched, "%d records differ from doccanon batch, first %s" % (len(mismatched), mismatched[:3]))
    # Same bytes when each record runs alone (a sample: one process per record is slow).
    sample = list(range(0, len(entries), max(1, len(entries) // 12))) + [entries.index("corrupt.docx")]
    alone = batch_lines(tool, [entries[i] for i in sample], work)
    for i, line in zip(sample, alone):
        check(got[i] == line, "record %s differs from doccanon batch run on it alone" % entries[i])

    by_id = {error_code(line)[2]: error_code(line) for line in got}
    check(by_id.get("corrupt.docx", (None, None))[:2] == ("error", "input.corrupt"),
          "corrupt.docx gave %r" % (by_id.get("corrupt.docx"),))
    check(by_id.get("garbage.txt", (None, None))[:2] == ("error", "input.unreadable"),
          "garbage.txt gave %r" % (by_id.get("garbage.txt"),))
    check(by_id.get("missing/nowhere.txt", (None, None))[:2] == ("error", "input.unreadable"),
          "the missing path gave %r" % (by_id.get("missing/nowhere.txt"),))
    ok = sum(1 for line in got if error_code(line)[0] == "ok")
    check(ok == len(names), "%d of %d generated reports converted" % (ok, len(names)))

    with open(os.path.join(work, "out", "_doccanon_version"), encoding="utf-8") as fh:
        version = fh.read().strip()
    expected = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout.strip()
    check(version == expected and version, "_doccanon_version %r, tool says %r" % (version, expected))
    check_parquet(os.path.join(work, "out", "parquet"), got)
    with open(os.path.join(work, "out", "_summary.json"), encoding="utf-8") as fh:
        summary = json.load(fh)
    print("job: %d records in %.1f s wall (%.1f s in the conversion stage, %.1f records/s); "
          "doccanon batch alone: %.1f s" % (len(got), elapsed, summary["seconds"],
                                            summary["recordsPerSecond"], single_seconds))
    return names, manifest, got


def test_shards(tool, work, manifest, spark_lines):
    """run_shard.py (the Slurm / Kubernetes path): shards concatenated = the Spark job's records."""
    with open(manifest, encoding="utf-8") as fh:
        count = sum(1 for _ in fh)
    size = 37
    out = os.path.join(work, "out-shards")
    started = time.time()
    for index in range((count + size - 1) // size):
        env = dict(os.environ, SLURM_ARRAY_TASK_ID=str(index))  # the index as a Slurm array task sees it
        proc = subprocess.run([sys.executable, SHARD, "--manifest", manifest, "--shard-size", str(size),
                               "--output", out, "--doccanon", tool], capture_output=True, text=True, env=env)
        check(proc.returncode == 0, "run_shard.py shard %d exited %d: %s" % (index, proc.returncode, proc.stderr[-500:]))
    lines = []
    for name in sorted(os.listdir(out)):
        check(name.startswith("shard-") and name.endswith(".ndjson") or name == "_doccanon_version",
              "stray file %s in the shard output" % name)
        if name.startswith("shard-"):
            with open(os.path.join(out, name), "rb") as fh:
                lines.extend(fh.read().splitlines())
    check(lines == spark_lines, "shards concatenated differ from the Spark job's records (%d vs %d lines)"
          % (len(lines), len(spark_lines)))
    print("run_shard.py: %d shards of %d, %.1f s" % ((count + size - 1) // size, size, time.time() - started))


def check_parquet(directory, lines):
    """The Parquet copy holds the same records, with the columns taken from each."""
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[1]").appName("doccanon-spark-test")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        spark.sparkContext.setLogLevel("ERROR")
        rows = spark.read.parquet(directory).collect()
    finally:
        spark.stop()
    check(sorted(r["record"] for r in rows) == sorted(l.decode("utf-8") for l in lines),
          "Parquet records differ from the NDJSON ones")
    for r in rows:
        obj = json.loads(r["record"])
        cols = (r["id"], r["status"], r["exitCode"], r["errorCode"])
        want = (obj["id"], obj["status"], obj["exitCode"], (obj.get("error") or {}).get("code"))
        if cols != want:
            check(False, "Parquet columns %r for a record with %r" % (cols, want))
            break


def test_spark_submit_files(tool, work, names):
    """The cluster recipe in local mode: spark-submit --files ships the binary, the job finds
    it by name with SparkFiles (it is on no PATH and under no given path)."""
    ship = os.path.join(work, "ship")
    os.makedirs(ship)
    shipped = os.path.join(ship, "doccanon-shipped")
    shutil.copy(tool, shipped)
    entries = names[:20]
    manifest = os.path.join(work, "manifest-submit.txt")
    write_manifest(manifest, entries)
    submit = shutil.which("spark-submit") or os.path.join(
        os.path.dirname(__import__("pyspark").__file__), "bin", "spark-submit")
    out = os.path.join(work, "out-submit")
    cmd = [submit, "--master", "local[2]", "--conf", "spark.driver.host=127.0.0.1",
           "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.ui.enabled=false",
           "--files", shipped, JOB, "--manifest", manifest, "--output", out, "--doccanon", "doccanon-shipped"]
    started = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ship)
    check(proc.returncode == 0, "spark-submit exited %d: %s" % (proc.returncode, proc.stderr[-3000:]))
    got = job_lines(out)
    check(got == batch_lines_one_process(tool, entries, work), "spark-submit --files run differs from doccanon batch")
    print("spark-submit --files: %d records in %.1f s" % (len(got), time.time() - started))


def test_runner_blames_only_the_guilty(tool, work, names):
    """PartitionRunner without Spark: a process that dies on every 3rd record it reads is not
    the records' fault (each converts when run alone); a record that crashes alone is."""
    sys.path.insert(0, os.path.join(HERE, ".."))
    from doccanon_spark import PartitionRunner
    entries = names[:7]
    expected = batch_lines_one_process(tool, entries, work)
    os.environ.update(DOCCANON_REAL=os.path.abspath(tool), DOUBLE_CRASH_EVERY="3")
    try:
        runner = PartitionRunner(DOUBLE, ["--kind", "report"], 60, "paths", work)
        got = [text.encode("utf-8") for _, text in runner.run(list(enumerate(entries)))]
        check(got == expected, "a fault of the process, not of a record, gave error records: %r"
              % [g[:120] for g, e in zip(got, expected) if g != e])
        os.environ["DOUBLE_CRASH_EVERY"] = "1"  # every record crashes, even alone
        got = [json.loads(text) for _, text in runner.run(list(enumerate(entries[:3])))]
        check([r["error"]["code"] for r in got] == ["tool.crashed"] * 3 and [r["exitCode"] for r in got] == [139] * 3,
              "records that crash alone: %r" % got)
    finally:
        del os.environ["DOCCANON_REAL"], os.environ["DOUBLE_CRASH_EVERY"]


def test_folder_listing(work):
    """--folder: every file under it, sorted by relative path, dot files and folders left out."""
    sys.path.insert(0, os.path.join(HERE, ".."))
    from doccanon_spark import parse_args, read_manifest
    folder = os.path.join(work, "folder")
    for name in ["b.txt", "a/z.txt", "a/.hidden", "A.txt", "a/b/c.html", ".git/x"]:
        os.makedirs(os.path.dirname(os.path.join(folder, name)), exist_ok=True)
        open(os.path.join(folder, name), "w").close()
    records, base = read_manifest(parse_args(["--folder", folder, "--output", "x"]))
    check((records, base) == (["A.txt", "a/b/c.html", "a/z.txt", "b.txt"], os.path.abspath(folder)),
          "folder listing %r from %s" % (records, base))


def test_crash_hang_garble(tool, work, names):
    """Through the test double, with an NDJSON manifest (integer ids, one record by content)."""
    plain = names[:30]
    marked = {"CRASH_ME.txt": "tool.crashed", "HANG_ME.txt": "tool.timeout", "GARBLE_ME.txt": "tool.badOutput"}
    for name in marked:
        shutil.copy(os.path.join(work, plain[0]), os.path.join(work, name))
    # Two partitions of 16: a crash and a hang in the first, a garbled line and a crash
    # as the last record of the second, so each recovery has records after it too.
    entries = (plain[:4] + ["CRASH_ME.txt"] + plain[4:8] + ["HANG_ME.txt"] + plain[8:14]
               + plain[14:20] + ["GARBLE_ME.txt"] + plain[20:28] + ["CRASH_ME.txt"])
    records = []
    for number, entry in enumerate(entries):
        if entry == plain[5]:
            with open(os.path.join(work, entry), "rb") as fh:
                content = base64.b64encode(fh.read()).decode("ascii")
            records.append(json.dumps({"id": number, "name": os.path.basename(entry), "contentBase64": content}))
        else:
            records.append(json.dumps({"id": number, "path": entry}))
    manifest = os.path.join(work, "manifest-faults.ndjson")
    write_manifest(manifest, records)
    env = dict(os.environ, DOCCANON_REAL=os.path.abspath(tool))
    elapsed = run_job(manifest, os.path.join(work, "out-faults"), DOUBLE,
                      ["--manifest-format", "ndjson", "--partitions", "2", "--timeout", "15"], env=env)
    got = job_lines(os.path.join(work, "out-faults"))
    check(len(got) == len(entries), "fault run wrote %d records for %d inputs" % (len(got), len(entries)))
    plain_records = [r for r, e in zip(records, entries) if e not in marked]
    expected = iter(batch_lines_one_process(tool, plain_records, work, "ndjson"))
    ok = 0
    for number, (entry, line) in enumerate(zip(entries, got)):
        if entry in marked:
            status, code, rec_id = error_code(line)
            check((status, code, rec_id) == ("error", marked[entry], number),
                  "%s gave %s" % (entry, line[:300]))
        else:
            check(line == next(expected, None), "%s differs from doccanon batch after a fault" % entry)
            ok += error_code(line)[0] == "ok"
    check(ok == len(plain_records), "%d of %d unmarked records converted" % (ok, len(plain_records)))
    print("fault run: %d records in %.1f s (one %d s timeout)" % (len(got), elapsed, 15))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--doccanon", required=True)
    p.add_argument("--reports", type=int, default=200)
    p.add_argument("--keep", help="work in this directory and keep it")
    args = p.parse_args()
    tool = os.path.abspath(args.doccanon)
    work = args.keep or tempfile.mkdtemp(prefix="doccanon-spark-")
    if args.keep:
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
    try:
        names, manifest, got = test_job_matches_batch(tool, work, args.reports)
        test_shards(tool, work, manifest, got)
        test_runner_blames_only_the_guilty(tool, work, names)
        test_folder_listing(work)
        test_spark_submit_files(tool, work, names)
        test_crash_hang_garble(tool, work, names)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if FAILURES:
        print("test-spark: %d failures" % len(FAILURES), file=sys.stderr)
        return 1
    print("test-spark: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
