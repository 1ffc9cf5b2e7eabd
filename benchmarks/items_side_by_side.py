"""pytest's items, before and after a change, timed side by side against the floor (#18).

    python benchmarks/items_side_by_side.py --before-src /work/main/src --articles 1000

writes an archive with ``factsuite synth ARCHIVE --articles N --seed 1 --error-rate 0.02``
and runs, alternated, ``--repeats`` times: the floor (``benchmarks/floor.py``), then
``pytest -q -p no:cacheprovider --factsuite-items=check`` and ``--factsuite-items=article``
each with the tree of ``--before-src`` first on ``PYTHONPATH`` ("before") and with this
tree ("after").  Each run is a whole command timed from outside: wall time, CPU time (user +
system, from ``wait4``: less sensitive than wall time to other jobs on a shared machine)
and peak RSS; ``uptime`` goes with every round.  Ratios are to the floor of the same round
(median of the per-round ratios).  A script, never a test: nothing asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from commands import FACTSUITE, PYTEST, _summary, _uptime  # noqa: E402

TREE = HERE.parent / "src"


def run(argv: list[str], cwd: Path, env: dict[str, str]) -> dict[str, object]:
    """Wall and CPU seconds, peak RSS, exit code and the summary line of one command."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=output, stderr=output)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        output.seek(0)
        summary = _summary(output.read())
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "rss_mb": round(usage.ru_maxrss / 1024, 1),
        "exit": os.waitstatus_to_exitcode(status),
        "summary": summary,
    }


def cases(archive: Path, before: Path, after: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    def tree(src: Path) -> dict[str, str]:
        return {**os.environ, "PYTHONPATH": str(src)}

    floor = [sys.executable, str(HERE / "floor.py"), str(archive)]
    check = [*PYTEST, "--factsuite-items=check", str(archive)]
    article = [*PYTEST, "--factsuite-items=article", str(archive)]
    return {
        "floor": (floor, dict(os.environ)),
        "pytest_check before": (check, tree(before)),
        "pytest_check after": (check, tree(after)),
        "pytest_article before": (article, tree(before)),
        "pytest_article after": (article, tree(after)),
    }


def summarize(rounds: list[dict[str, dict[str, object]]]) -> dict[str, dict[str, object]]:
    result = {}
    for name in rounds[0]:
        runs = [one[name] for one in rounds]
        floor = [one["floor"] for one in rounds]
        row: dict[str, object] = {"summary": runs[-1]["summary"]}
        for key in ("wall_s", "cpu_s", "rss_mb"):
            row[f"median_{key}"] = statistics.median(float(run[key]) for run in runs)  # type: ignore[arg-type]
        for key in ("wall_s", "cpu_s"):
            ratios = [float(r[key]) / float(f[key]) for r, f in zip(runs, floor, strict=True)]  # type: ignore[arg-type]
            row[f"ratio_{key}"] = round(statistics.median(ratios), 2)
        result[name] = row
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before-src", type=Path, required=True)
    parser.add_argument("--after-src", type=Path, default=TREE, help="default: this tree")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-warm-up", action="store_true", help="skip the untimed first round")
    parser.add_argument("--json", type=Path, default=HERE / "items_side_by_side.json")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        archive = workdir / "archive"
        synth = ["synth", str(archive), "--articles", str(arguments.articles), "--seed", "1"]
        subprocess.run(
            [FACTSUITE, *synth, "--error-rate", "0.02"],
            check=True,
            capture_output=True,
        )
        todo = cases(archive, arguments.before_src, arguments.after_src)
        for argv, env in [] if arguments.no_warm_up else todo.values():  # page cache
            run(argv, workdir, env)
        rounds = []
        for repeat in range(arguments.repeats):
            load = _uptime()
            results = {name: run(argv, workdir, env) for name, (argv, env) in todo.items()}
            for name, one in results.items():
                print(f"#{repeat + 1} {name:<22} {one}", file=sys.stderr, flush=True)
            rounds.append({**results, "uptime": {"summary": load}})
            print(f"   {load}", file=sys.stderr, flush=True)
    data = {
        "articles": arguments.articles,
        "before_src": str(arguments.before_src),
        "after_src": str(arguments.after_src),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "rounds": rounds,
        "medians": summarize([{k: v for k, v in one.items() if k != "uptime"} for one in rounds]),
    }
    arguments.json.write_text(json.dumps(data, indent=1) + "\n")
    print(json.dumps(data["medians"], indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
