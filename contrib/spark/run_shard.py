#!/usr/bin/env python3
"""One shard of a manifest through `doccanon batch`, without Spark (Slurm array jobs,
Kubernetes indexed jobs, plain loops).

Shard I of size N is manifest lines I*N+1 … (I+1)*N (blank lines count, so every
task sees the same numbering); its records go to OUTPUT_DIR/shard-IIIII.ndjson,
written to a temporary name and renamed when complete, so a retried task never
leaves half a file. Concatenating the shard files in name order gives the
records in manifest order, the same bytes the Spark job writes. A record that
crashes or hangs the tool becomes a tool.crashed / tool.timeout record, as in
the Spark job (same code: doccanon_spark.PartitionRunner).

    run_shard.py --manifest paths.txt --shard-size 1000 --index $SLURM_ARRAY_TASK_ID \
                 --output out/ --doccanon ./doccanon
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from doccanon_spark import PartitionRunner, resolve_tool, tool_version  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--manifest", required=True)
    p.add_argument("--manifest-format", choices=["paths", "ndjson"], default="paths")
    p.add_argument("--base", help="directory relative paths are resolved against (default: the manifest's)")
    p.add_argument("--shard-size", type=int, required=True, help="manifest lines per shard")
    p.add_argument("--index", type=int, help="shard number from 0 (default: $SLURM_ARRAY_TASK_ID "
                                              "or $JOB_COMPLETION_INDEX)")
    p.add_argument("--output", required=True, help="directory for shard-IIIII.ndjson")
    p.add_argument("--doccanon", default="doccanon")
    p.add_argument("--kind", choices=["report", "document"], default="report")
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--timeout", type=float, default=120.0)
    args = p.parse_args(argv)
    index = args.index
    if index is None:
        env = os.environ.get("SLURM_ARRAY_TASK_ID") or os.environ.get("JOB_COMPLETION_INDEX")
        if env is None:
            p.error("--index missing and neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set")
        index = int(env)
    first, last = index * args.shard_size, (index + 1) * args.shard_size
    records = []
    with open(args.manifest, "r", encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            if number >= last:
                break
            line = line.rstrip("\r\n")
            if number >= first and line.strip():
                records.append((number, line))
    tool = resolve_tool(args.doccanon)
    base = args.base or os.path.dirname(os.path.abspath(args.manifest))
    runner = PartitionRunner(tool, ["--kind", args.kind, "--jobs", str(args.jobs)], args.timeout,
                             args.manifest_format, base)
    os.makedirs(args.output, exist_ok=True)
    final = os.path.join(args.output, "shard-%05d.ndjson" % index)
    temp = final + ".tmp-%d" % os.getpid()
    with open(temp, "w", encoding="utf-8", newline="\n") as out:
        for _, text in runner.run(records):
            out.write(text + "\n")
    os.replace(temp, final)
    if index == 0:
        with open(os.path.join(args.output, "_doccanon_version"), "w", encoding="utf-8") as fh:
            fh.write(tool_version(tool) + "\n")
    print("shard %d: %d records -> %s" % (index, len(records), final), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
