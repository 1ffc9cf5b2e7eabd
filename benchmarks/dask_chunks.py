"""Dask: the per-task overhead apart from the work, by chunk size, against local processes.

    python benchmarks/dask_chunks.py --articles 1000 --sizes 25 50 100 250 500 --repeats 3

writes an archive with ``factsuite synth`` (seed 1, error rate 0.02), starts a
``LocalCluster`` of two single-threaded worker processes, and for each chunk size runs
``chunks.verdicts`` on the cluster and, alternated with it, on two local processes
(``jobs=2``), both with the cache off.  For each cluster run, Dask's task stream gives each
task's compute time on its worker: the work.  The rest of the wall time, times the two
workers, is the overhead (scheduling, sending the chunk and its results, idle ends), given
per task.  An empty task (``client.map`` of a no-op) gives Dask's own floor per task.
Results go to ``--json`` (default benchmarks/dask_chunks.json).  A script, never a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from distributed import Client, LocalCluster, get_task_stream

from factsuite.checking.chunks import verdicts
from factsuite.files.article import discover
from factsuite.meaning.lexicon import Reading

HERE = Path(__file__).resolve().parent
WORKERS = 2


def _noop(index: int) -> int:
    return index


def timed_run(folders: list[Path], size: int, scheduler: str | None) -> float:
    started = time.perf_counter()
    for _ in verdicts(folders, Reading.PRAGMATIC, None, WORKERS, size, None, scheduler):
        pass
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 50, 100, 250, 500])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path, default=HERE / "dask_chunks.json")
    arguments = parser.parse_args()
    factsuite = str(Path(sys.executable).parent / "factsuite")
    results: dict[str, object] = {"articles": arguments.articles, "workers": WORKERS}
    with tempfile.TemporaryDirectory(prefix="factsuite-dask-") as folder:
        archive = Path(folder) / "archive"
        synth = [factsuite, "synth", str(archive), "--articles", str(arguments.articles)]
        subprocess.run([*synth, "--seed", "1", "--error-rate", "0.02"], check=True)
        folders = discover([archive])
        with (
            LocalCluster(n_workers=WORKERS, threads_per_worker=1, processes=True) as cluster,
            Client(cluster) as client,
        ):
            address = cluster.scheduler_address
            timed_run(folders, max(arguments.sizes), address)  # warm: imports on the workers
            started = time.perf_counter()
            client.gather(client.map(_noop, range(1000), pure=False))
            results["empty_task_ms"] = (time.perf_counter() - started) * WORKERS
            rows = []
            for size in arguments.sizes:
                cluster_s, local_s, overhead_ms, work_s = [], [], [], []
                for _ in range(arguments.repeats):
                    with get_task_stream(client=client) as stream:
                        cluster_s.append(timed_run(folders, size, address))
                    compute = sum(
                        part["stop"] - part["start"]
                        for task in stream.data
                        for part in task["startstops"]
                        if part["action"] == "compute"
                    )
                    tasks = len(stream.data)
                    work_s.append(compute)
                    overhead_ms.append((cluster_s[-1] * WORKERS - compute) / tasks * 1000)
                    local_s.append(timed_run(folders, size, None))
                row = {
                    "chunk_size": size,
                    "tasks": -(-len(folders) // size),
                    "cluster_s": statistics.median(cluster_s),
                    "local_s": statistics.median(local_s),
                    "work_s": statistics.median(work_s),
                    "overhead_ms_per_task": statistics.median(overhead_ms),
                    "uptime": subprocess.run(["uptime"], capture_output=True, text=True).stdout,
                }
                row["ratio"] = row["cluster_s"] / row["local_s"]
                rows.append(row)
                print(json.dumps(row), file=sys.stderr, flush=True)
            results["rows"] = rows
    arguments.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
