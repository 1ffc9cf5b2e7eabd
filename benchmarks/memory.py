"""Peak memory of ``factsuite check`` against the archive's size: is it flat per article?

    python benchmarks/memory.py --sizes 10000 20000 30000

writes one archive of the largest size with ``factsuite synth`` (seed 1, error rate 0.02),
makes the smaller ones from its first articles (hard links: article *i* is the same at every
size), and runs ``factsuite check -j 1 --no-cache ARCHIVE`` once per size as a fresh
process, reading its peak resident set from ``wait4``.  Memory, unlike time, hardly depends
on the machine's load, so one run per size is enough.  Results go to ``--json``
(default benchmarks/memory.json).  A script, never a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
FACTSUITE = str(Path(sys.executable).parent / "factsuite")


def peak(argv: list[str], cwd: Path) -> dict[str, float | int]:
    """Wall time, exit code and peak RSS (MB) of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return {
        "seconds": round(time.perf_counter() - started, 2),
        "exit": os.waitstatus_to_exitcode(status),
        "rss_mb": round(usage.ru_maxrss / 1024, 1),
    }


def subset(archive: Path, size: int, into: Path) -> Path:
    """The archive's first ``size`` article folders, hard-linked into ``into``."""
    folders = sorted(path for path in archive.iterdir() if (path / "claims.yaml").exists())
    for folder in folders[:size]:
        target = into / folder.name
        target.mkdir(parents=True)
        for file in folder.iterdir():
            os.link(file, target / file.name)
    return into


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 20000, 30000])
    parser.add_argument("--json", type=Path, default=HERE / "memory.json")
    arguments = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="factsuite-memory-") as folder:
        work = Path(folder)
        largest = max(arguments.sizes)
        synth = [FACTSUITE, "synth", str(work / "all"), "--articles", str(largest), "--seed", "1"]
        subprocess.run([*synth, "--error-rate", "0.02"], check=True, capture_output=True)
        for size in sorted(arguments.sizes):
            archive = subset(work / "all", size, work / f"a{size}")
            uptime = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
            result = peak([FACTSUITE, "check", "-j", "1", "--no-cache", "-q", str(archive)], work)
            row = {"articles": size, "uptime": uptime, **result}
            row["kb_per_article"] = round(float(result["rss_mb"]) * 1024 / size, 1)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    arguments.json.write_text(json.dumps(rows, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
