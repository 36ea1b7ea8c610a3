#!/usr/bin/env python3
"""Reference PySpark job: convert a collection of reports with `doccanon batch`.

Input is a manifest (one path a line, or one NDJSON record a line with
--manifest-format ndjson) or a folder. The manifest is cut into contiguous
partitions; each partition is streamed through one `doccanon batch` process.
A record that crashes or hangs the tool becomes an error record
(`tool.crashed`, `tool.timeout`) and the tool is restarted after it, so the
rest of the partition continues. Output, under --output DIR:

    DIR/ndjson/part-*      one line per input, in manifest order: the line
                           `doccanon batch` printed for it, byte for byte
    DIR/parquet/           the same records as columns (with --parquet)
    DIR/_doccanon_version  `doccanon --version`, from the binary the job ran
    DIR/_summary.json      counts by status and error code

Run locally:   python3 doccanon_spark.py --manifest paths.txt --output out \
                   --doccanon .build/release/doccanon
On a cluster:  see README.md beside this file (spark-submit --files doccanon).
"""
import argparse
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time

# Exit statuses of `doccanon batch` that mean the run itself is misconfigured
# (spec §6: 64 bad flags, 74 output cannot be written); they fail the task
# instead of turning every record into an error record.
FATAL_EXITS = {64: "bad flags", 74: "output cannot be written"}
TIMEOUT_EXIT = 124  # exitCode of a `tool.timeout` record, as timeout(1) uses
STDERR_KEEP = 4096


# ---------------------------------------------------------------------------
# Records


def error_record(rec_id, code, exit_code, message):
    """An error record in the shape `doccanon batch` prints (keys sorted)."""
    obj = {"error": {"code": code, "message": message}, "exitCode": exit_code,
           "id": rec_id, "status": "error"}
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def record_id(line, manifest_format):
    """The id `doccanon batch` gives a record: the path itself, or the NDJSON id."""
    if manifest_format == "paths":
        return line
    try:
        obj = json.loads(line)
        return obj.get("id") if isinstance(obj, dict) else None
    except ValueError:
        return None


# ---------------------------------------------------------------------------
# One `doccanon batch` process, fed and read by threads


class ToolProcess:
    """A running `doccanon batch`; lines in through a writer thread, out through a queue."""

    def __init__(self, argv, lines, cwd):
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            cwd=cwd, start_new_session=True)  # own process group: a timeout kills wrappers too
        self.out = queue.Queue()
        self.stderr_tail = b""
        self._threads = [
            threading.Thread(target=self._write, args=(lines,), daemon=True),
            threading.Thread(target=self._read, daemon=True),
            threading.Thread(target=self._drain_stderr, daemon=True),
        ]
        for t in self._threads:
            t.start()

    def _write(self, lines):
        try:
            for line in lines:
                self.proc.stdin.write(line.encode("utf-8") + b"\n")
                self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            pass  # the tool died; the reader sees end of file
        finally:
            try:
                self.proc.stdin.close()
            except (BrokenPipeError, OSError):
                pass

    def _read(self):
        for raw in self.proc.stdout:
            self.out.put(raw)
        self.out.put(None)

    def _drain_stderr(self):
        for chunk in iter(lambda: self.proc.stderr.read(8192), b""):
            self.stderr_tail = (self.stderr_tail + chunk)[-STDERR_KEEP:]

    def next_line(self, timeout):
        """The next stdout line (bytes), None at end of output, or raises queue.Empty."""
        return self.out.get(timeout=timeout)

    def kill(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self.wait()

    def wait(self):
        rc = self.proc.wait()
        for t in self._threads:
            t.join(timeout=5)
        for stream in (self.proc.stdout, self.proc.stderr):
            try:
                stream.close()
            except OSError:
                pass
        return rc

    def last_stderr_line(self):
        text = self.stderr_tail.decode("utf-8", "replace").strip()
        return text.splitlines()[-1] if text else ""


def describe_exit(rc):
    if rc < 0:
        try:
            name = signal.Signals(-rc).name
        except ValueError:
            name = "signal %d" % -rc
        return "killed by %s" % name, 128 - rc
    return "exited with status %d" % rc, rc


# ---------------------------------------------------------------------------
# A partition


class PartitionRunner:
    """Streams (index, line) records through `doccanon batch`, restarting it after a bad record."""

    def __init__(self, tool, batch_args, timeout, manifest_format, cwd):
        self.argv = [tool, "batch", "--input", manifest_format] + list(batch_args)
        self.timeout = timeout
        self.manifest_format = manifest_format
        self.cwd = cwd

    def run(self, records):
        """Yields (index, line) for every record, in order, as the tool answers."""
        records = list(records)
        start = 0
        while start < len(records):
            outcome = {}
            for item in self._stream(records[start:], outcome):
                yield item
            produced, failure = outcome["count"], outcome["failure"]
            start += produced
            if failure is None:
                continue
            index, line = records[start]
            ran_alone = produced == 0 and start == len(records) - 1
            if failure[0] == "crashed" and not ran_alone:
                # The first record without output is the suspect; run it alone to be sure it
                # brings the tool down by itself (not a line read ahead, not earlier records).
                alone = {}
                answer = list(self._stream([records[start]], alone))
                if alone["failure"] is None:
                    yield answer[0]
                    start += 1
                    continue
                failure = alone["failure"]
            yield index, self._failure_record(line, failure)
            start += 1

    def _stream(self, records, outcome):
        """Runs one process over records, yielding its answers; outcome gets "count" (records
        answered, a prefix) and "failure" (None, or why the next record got no answer)."""
        tool = ToolProcess(self.argv, [line for _, line in records], self.cwd)
        outcome.update(count=0, failure=None)
        try:
            for index, line in records:
                try:
                    raw = tool.next_line(self.timeout)
                except queue.Empty:
                    tool.kill()
                    outcome["failure"] = ("timeout", None, tool.last_stderr_line())
                    return
                if raw is None:
                    rc = tool.wait()
                    tool.kill()  # anything it started and left behind
                    if rc in FATAL_EXITS:
                        raise RuntimeError("%s exited %d (%s): %s" % (
                            " ".join(self.argv), rc, FATAL_EXITS[rc], tool.last_stderr_line()))
                    outcome["failure"] = ("crashed", rc, tool.last_stderr_line())
                    return
                text = self._checked_line(raw, line)
                if text is None:
                    tool.kill()
                    outcome["failure"] = ("badOutput", raw[:200], tool.last_stderr_line())
                    return
                outcome["count"] += 1
                yield index, text
            tool.wait()
        finally:
            if tool.proc.poll() is None:
                tool.kill()

    def _checked_line(self, raw, line):
        """The output line as text when it is one JSON record for this input, else None."""
        try:
            text = raw.rstrip(b"\n").decode("utf-8")
            obj = json.loads(text)
        except ValueError:
            return None
        if not isinstance(obj, dict) or "status" not in obj:
            return None
        expected = record_id(line, self.manifest_format)
        # A record the tool could not parse (a line over its length limit) has id null.
        if expected is not None and obj.get("id") is not None and obj["id"] != expected:
            return None
        return text

    def _failure_record(self, line, failure):
        kind, detail, stderr = failure
        rec_id = record_id(line, self.manifest_format)
        note = ("; stderr: " + stderr) if stderr else ""
        if kind == "timeout":
            return error_record(rec_id, "tool.timeout", TIMEOUT_EXIT,
                                "doccanon gave no output for this record within %g s and was killed%s"
                                % (self.timeout, note))
        if kind == "crashed":
            how, exit_code = describe_exit(detail)
            return error_record(rec_id, "tool.crashed", exit_code,
                                "doccanon %s on this record before writing its line%s" % (how, note))
        return error_record(rec_id, "tool.badOutput", 70,
                            "doccanon wrote a line that is not this record's JSON: %r%s" % (detail, note))


# ---------------------------------------------------------------------------
# Locating the binary on driver and executors


def resolve_tool(name):
    """An executable path for --doccanon: as given, shipped with --files, or on PATH."""
    candidates = []
    if os.path.sep in name:
        candidates.append(os.path.abspath(name))
    try:
        from pyspark import SparkFiles
        candidates.append(SparkFiles.get(os.path.basename(name)))
    except Exception:  # no SparkContext in this process, or no files shipped
        pass
    found = shutil.which(name)
    if found:
        candidates.append(found)
    for path in candidates:
        if os.path.isfile(path):
            if not os.access(path, os.X_OK):
                try:
                    os.chmod(path, 0o755)
                except OSError:
                    continue
            return path
    raise FileNotFoundError("doccanon binary %r not found (give a path, ship it with "
                            "spark-submit --files, or put it on PATH)" % name)


def tool_version(path):
    out = subprocess.run([path, "--version"], capture_output=True, timeout=60, check=True)
    return out.stdout.decode("utf-8").strip()


def make_partition_fn(tool_name, batch_args, timeout, manifest_format, cwd, expected_version):
    def run_partition(iterator):
        records = list(iterator)
        if not records:
            return
        if not os.path.isdir(cwd):
            raise RuntimeError("base directory %s (relative paths are resolved against it) is not on "
                               "this executor: mount the shared filesystem at the same place" % cwd)
        tool = resolve_tool(tool_name)
        version = tool_version(tool)
        if expected_version is not None and version != expected_version:
            raise RuntimeError("executor's doccanon is %r, the driver's %r" % (version, expected_version))
        runner = PartitionRunner(tool, batch_args, timeout, manifest_format, cwd)
        for _, text in runner.run(records):
            yield text
    return run_partition


# ---------------------------------------------------------------------------
# Driver


def read_manifest(args):
    """(records, base directory) from --manifest or --folder; blank manifest lines are skipped."""
    if args.folder:
        base = os.path.abspath(args.folder)
        paths = []
        for root, dirs, files in os.walk(base):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            paths.extend(os.path.relpath(os.path.join(root, name), base)
                         for name in files if not name.startswith("."))
        return sorted(paths), base
    with open(args.manifest, "r", encoding="utf-8") as fh:
        lines = [line.rstrip("\r\n") for line in fh]
    base = args.base or os.path.dirname(os.path.abspath(args.manifest))
    return [line for line in lines if line.strip()], base


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--manifest", help="file with one path (or NDJSON record) a line")
    src.add_argument("--folder", help="convert every file under this folder (ids are paths relative to it)")
    p.add_argument("--manifest-format", choices=["paths", "ndjson"], default="paths")
    p.add_argument("--base", help="directory relative paths are resolved against "
                                  "(default: the manifest's directory, or the folder)")
    p.add_argument("--output", required=True, help="output directory (must not exist)")
    p.add_argument("--doccanon", default="doccanon", help="path or name of the doccanon binary")
    p.add_argument("--kind", choices=["report", "document"], default="report")
    p.add_argument("--strict", action="store_true")
    p.add_argument("--jobs", type=int, default=1,
                   help="threads per doccanon process (default 1: Spark runs one task per core; "
                        "with 1, a hang is pinned on the record being converted)")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="seconds one record may take before it becomes tool.timeout")
    p.add_argument("--partitions", type=int, default=0, help="default: 4 per core, at most one per record")
    p.add_argument("--parquet", action="store_true", help="also write DIR/parquet")
    p.add_argument("--master", help="Spark master when not run by spark-submit (default local[2])")
    return p.parse_args(argv)


def spark_session(master):
    from pyspark.sql import SparkSession
    builder = SparkSession.builder.appName("doccanon-batch")
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started this interpreter
    if master or not submitted:
        master = master or "local[2]"
        builder = builder.master(master)
    if (master or "").startswith("local"):
        # Local mode: listen on the loopback only, no web UI, workers on this interpreter.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = (builder.config("spark.driver.host", "127.0.0.1")
                   .config("spark.driver.bindAddress", "127.0.0.1")
                   .config("spark.ui.enabled", "false"))
    spark = builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()
    spark.sparkContext.setLogLevel(os.environ.get("DOCCANON_SPARK_LOG_LEVEL", "WARN"))
    return spark


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    records, base = read_manifest(args)
    spark = spark_session(args.master)
    sc = spark.sparkContext
    started = time.time()
    try:
        if hadoop_exists(spark, args.output):
            sys.exit("doccanon_spark: %s exists; give a new output directory" % args.output)
        driver_tool = resolve_tool(args.doccanon)
        version = tool_version(driver_tool)
        partitions = args.partitions or max(1, min(len(records), sc.defaultParallelism * 4))
        batch_args = ["--kind", args.kind, "--jobs", str(args.jobs)] + (["--strict"] if args.strict else [])
        fn = make_partition_fn(args.doccanon, batch_args, args.timeout, args.manifest_format, base, version)
        rdd = sc.parallelize(list(enumerate(records)), partitions)  # contiguous slices: order kept
        ndjson_dir = os.path.join(args.output, "ndjson")
        rdd.mapPartitions(fn).saveAsTextFile(ndjson_dir)
        elapsed = time.time() - started
        summary = summarize(sc, ndjson_dir, len(records), elapsed, version)
        if args.parquet:
            write_parquet(spark, ndjson_dir, os.path.join(args.output, "parquet"))
        hadoop_write(spark, args.output + "/_doccanon_version", version + "\n")
        hadoop_write(spark, args.output + "/_summary.json", json.dumps(summary, indent=2, sort_keys=True) + "\n")
        print(json.dumps(summary, sort_keys=True), file=sys.stderr)
        if summary["records"] != len(records):
            sys.exit("doccanon_spark: %d inputs but %d records" % (len(records), summary["records"]))
    finally:
        spark.stop()


def _hadoop_path(spark, path):
    jvm = spark.sparkContext._jvm
    hpath = jvm.org.apache.hadoop.fs.Path(path)
    return hpath, hpath.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())


def hadoop_exists(spark, path):
    """Whether path exists, on whatever filesystem saveAsTextFile would write it."""
    hpath, fs = _hadoop_path(spark, path)
    return fs.exists(hpath)


def hadoop_write(spark, path, text):
    """A small file beside the output, through the same filesystem (local, HDFS, S3…)."""
    hpath, fs = _hadoop_path(spark, path)
    fs.setWriteChecksum(False)  # no .crc file beside it on a local filesystem
    out = fs.create(hpath, True)
    try:
        out.write(bytearray(text.encode("utf-8")))
    finally:
        out.close()


def status_key(text):
    obj = json.loads(text)
    if obj.get("status") == "ok":
        return "ok"
    return "error:" + str((obj.get("error") or {}).get("code"))


def summarize(sc, ndjson_dir, inputs, elapsed, version):
    counts = dict(sc.textFile(ndjson_dir).map(status_key).countByValue())
    total = sum(counts.values())
    return {"inputs": inputs, "records": total, "byStatus": counts, "doccanonVersion": version,
            "seconds": round(elapsed, 3), "recordsPerSecond": round(total / elapsed, 2) if elapsed else None}


def write_parquet(spark, ndjson_dir, parquet_dir):
    from pyspark.sql import Row

    def to_row(text):
        obj = json.loads(text)
        err = obj.get("error") or {}
        return Row(id=None if obj.get("id") is None else str(obj.get("id")), status=obj.get("status"),
                   exitCode=obj.get("exitCode"), errorCode=err.get("code"), record=text)
    rows = spark.sparkContext.textFile(ndjson_dir).map(to_row)
    schema = "id string, status string, exitCode int, errorCode string, record string"
    spark.createDataFrame(rows, schema).write.parquet(parquet_dir)


if __name__ == "__main__":
    main()
