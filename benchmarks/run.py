"""Benchmarks: the suite's cost on synthetic archives, side by side with merely reading them.

For each size, one run synthesizes an archive (``factsuite.commands.synth``) and measures, each in a
fresh process so that timings and peak memory do not leak between them:

  (a)  floor      read every file, parse the YAML with PyYAML's C loader
  (b)  engine     ``batch.verdicts`` in-process: chunks of 500 articles, in this process
                  (jobs=1) and on two processes (jobs=2); ``factsuite check`` as a command,
                  with one process (-j 1) and its default, one per core
  (c)  pytest     ``pytest -q -p no:cacheprovider ARCHIVE``, per-check and per-article items
                  (each asked for: plain ``pytest`` picks per check up to 1,000 articles)
  (c2) pytest -n 2 the same with pytest-xdist, if it is installed
  (d)  naive      benchmarks/naive_suite.py (on the first --naive-limit articles, scaled up).
                  Since #18 that is the fair naive suite (C loader, each file loaded once);
                  the (d) figures in results.json were measured with the earlier suite,
                  which re-parsed the YAML in pure Python in every test, and are withdrawn.

The headline figures are whole commands, alternated, medians: benchmarks/commands.py.  The
in-process timings here are secondary.

    python benchmarks/run.py --sizes 100 1000          # results merged into --json
    python benchmarks/run.py --sizes 10000 --skip naive
    python benchmarks/run.py --report                  # the table from --json
    python benchmarks/run.py --profile 10000           # where the engine's time goes

This is a script, never a test: pytest collects only tests/ and facts/ (and no test_*.py
lives here).
"""

from __future__ import annotations

import argparse
import cProfile
import importlib.util
import json
import os
import pstats
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import yaml

from factsuite.commands.synth import GROUND_TRUTH, read_ground_truth, write_archive
from factsuite.files.article import discover
from factsuite.reports.wording import problem_texts

HERE = Path(__file__).resolve().parent
NAIVE = HERE / "naive_suite.py"
RULE = re.compile(r"^\[(\w+)\]", re.MULTILINE)
PYTEST = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]

# -- stages run in a child process: python benchmarks/run.py --stage NAME ARCHIVE -------------


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def floor(archive: Path) -> dict:
    """(a): what any suite must pay, reading the files and parsing their YAML."""
    started = time.perf_counter()
    for folder in discover([archive]):
        (folder / "article.txt").read_text("utf-8")
        for name in ("meta.yaml", "claims.yaml"):
            yaml.load((folder / name).read_text("utf-8"), Loader=yaml.CSafeLoader)
    return {"seconds": time.perf_counter() - started, "rss_mb": _peak_mb()}


def engine(archive: Path, jobs: int = 1) -> dict:
    """(b) in-process, with detection scored against the archive's ground truth."""
    import resource

    from factsuite.checking.chunks import verdicts
    from factsuite.meaning.lexicon import DEFAULT_READING

    started = time.perf_counter()
    items, outcomes = 0, []  # outcomes: the checks that did not simply pass
    for article in verdicts(discover([archive]), DEFAULT_READING, jobs=jobs):
        items += article.passed + len(article.others)
        outcomes += [(article.claims_path.parent.name, outcome) for outcome in article.others]
    done = time.perf_counter()
    failing = {
        (folder, outcome.item.name): set(RULE.findall("\n".join(problem_texts(outcome))))
        for folder, outcome in outcomes
        if not outcome.passed
    }
    truth = {(e.article, e.item): {e.rule} for e in read_ground_truth(archive / GROUND_TRUTH)}
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "seconds": done - started,
        "rss_mb": max(_peak_mb(), workers_mb),
        "items": items,
        "injected": len(truth),
        "caught": sum(1 for key, rules in truth.items() if failing.get(key) == rules),
        "false_alarms": sum(1 for key in failing if key not in truth),
    }


def profile(archive: Path) -> dict:
    """The engine under cProfile: the functions that take the time, for docs/benchmarks.md."""
    from factsuite.checking.chunks import verdicts
    from factsuite.meaning.lexicon import DEFAULT_READING

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in verdicts(discover([archive]), DEFAULT_READING, jobs=1):
        pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = [
        {
            "function": f"{Path(file).name}:{line}({name})",
            "calls": calls,
            "own_s": round(own, 2),
            "cumulative_s": round(cumulative, 2),
            "cumulative_pct": round(100 * cumulative / total, 1),
        }
        for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items()  # type: ignore[attr-defined]
    ]
    rows.sort(key=lambda row: row["cumulative_s"], reverse=True)
    return {"total_s": round(total, 2), "functions": rows[:100]}


STAGES: dict[str, Callable[[Path], dict]] = {
    "floor": floor,
    "engine": engine,
    "engine_jobs2": partial(engine, jobs=2),
    "profile": profile,
}


def _stage(name: str, archive: Path) -> dict:
    completed = subprocess.run(
        [sys.executable, __file__, "--stage", name, str(archive)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.splitlines()[-1])


# -- commands, timed from outside with their peak memory -----------------------------------------


def _command(argv: list[str], cwd: Path, env: dict | None = None, timeout: float = 3600) -> dict:
    """Wall time, peak RSS of the largest process of the tree, exit code and summary line."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=output, stderr=output)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        _, status, usage = os.wait4(process.pid, 0)  # Popen.wait would not give the rusage
        killer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        output.seek(0)
        lines = [line for line in output.read().splitlines() if line.strip()]
    return {
        "seconds": seconds,
        "rss_mb": usage.ru_maxrss / 1024,
        "exit": process.returncode,
        "timed_out": process.returncode == -9,
        "summary": lines[-1] if lines else "",
    }


def _version() -> str:
    """The commit measured, marked when the work tree differs from it."""
    git = ["git", "-C", str(HERE.parent)]
    commit = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    changed = subprocess.run(
        [*git, "status", "--porcelain", "--", "src"], capture_output=True, text=True
    )
    return commit.stdout.strip() + ("+changes" if changed.stdout.strip() else "")


def _factsuite() -> list[str]:
    return [str(Path(sys.executable).with_name("factsuite")), "check"]


def _naive(archive: Path, limit: int, articles: int, timeout: float) -> dict:
    """(d) on the first ``limit`` articles, scaled to the archive by its per-article cost."""
    measured = min(limit, articles)
    env = {**os.environ, "NAIVE_ARCHIVE": str(archive), "NAIVE_LIMIT": str(measured)}
    result = _command([*PYTEST, "-p", "no:factsuite", str(NAIVE)], archive, env, timeout)
    result.update(
        measured_articles=measured, scaled_seconds=result["seconds"] * articles / measured
    )
    return result


def _pytest_runs() -> dict[str, list[str]]:
    """(c) and, with pytest-xdist installed, (c2): the options of each pytest run."""
    runs = {
        "pytest_check": ["--factsuite-items=check"],
        "pytest_article": ["--factsuite-items=article"],
    }
    if importlib.util.find_spec("xdist") is not None:
        runs |= {f"{name}_n2": ["-n", "2", *options] for name, options in runs.items()}
    return runs


def measure(
    size: int, seed: int, rate: float, naive_limit: int, skip: set[str], timeout: float
) -> dict:
    """Every figure for one archive size, measured in the same run."""
    with tempfile.TemporaryDirectory(prefix=f"factsuite-bench-{size}-") as workdir:
        archive = Path(workdir) / "archive"
        started = time.perf_counter()
        truth = write_archive(archive, size, seed, rate)
        row: dict = {
            "engine_version": _version(),
            "articles": size,
            "claims": truth.claims,
            "injected": len(truth.errors),
            "synth_seconds": time.perf_counter() - started,
        }
        runs: dict[str, Callable[[], dict]] = {
            "floor": lambda: _stage("floor", archive),
            "engine": lambda: _stage("engine", archive),
            "engine_jobs2": lambda: _stage("engine_jobs2", archive),
            "check_command_j1": lambda: _command(
                [*_factsuite(), "-j", "1", str(archive)], archive, timeout=timeout
            ),
            "check_command": lambda: _command(
                [*_factsuite(), str(archive)], archive, timeout=timeout
            ),
            "naive": lambda: _naive(archive, naive_limit, size, timeout),
        }
        for name, options in _pytest_runs().items():
            argv = [*PYTEST, *options, "archive"]
            runs[name] = partial(_command, argv, archive.parent, timeout=timeout)
        for name, run in runs.items():
            if name not in skip:
                row[name] = run() | {"engine_version": row["engine_version"]}
                print(f"  {size:>6} {name:<18} {row[name]['seconds']:8.2f} s", file=sys.stderr)
        return row


# -- the report -------------------------------------------------------------------------------

COLUMNS = (
    ("floor", "(a) floor"),
    ("engine", "(b) engine"),
    ("engine_jobs2", "(b) engine, 2 processes"),
    ("check_command_j1", "(b) check -j 1"),
    ("check_command", "(b) check"),
    ("pytest_check", "(c) pytest, per check"),
    ("pytest_article", "(c) pytest, per article"),
    ("pytest_check_n2", "(c2) -n 2, per check"),
    ("pytest_article_n2", "(c2) -n 2, per article"),
    ("naive", "(d) naive"),
)


def _seconds(row: dict, name: str) -> float | None:
    result = row.get(name)
    if result is None:
        return None
    return result.get("scaled_seconds", result["seconds"])


def _killed(row: dict, name: str) -> bool:
    """A run stopped at --timeout: its time is a lower bound."""
    return bool(row.get(name, {}).get("timed_out"))


def _ratio(row: dict, top: str, bottom: str) -> str:
    """``top``'s time over ``bottom``'s, marked as a bound when either was stopped."""
    above, below = _seconds(row, top), _seconds(row, bottom)
    if not above or not below or (_killed(row, top) and _killed(row, bottom)):
        return "-"
    bound = ">" if _killed(row, top) else "<" if _killed(row, bottom) else ""
    return f"{bound}{above / below:.1f}x"


def _cell(row: dict, name: str) -> str:
    seconds = _seconds(row, name)
    if seconds is None:
        return "-"
    cell = f"{seconds:.2f} s / {row[name]['rss_mb']:.0f} MB"
    if _killed(row, name):
        cell = f"> {cell} (stopped)"
    measured = row[name].get("measured_articles", row["articles"])
    return cell + (f" (scaled from {measured})" if measured < row["articles"] else "")


def report(results: dict[str, dict]) -> str:
    """Markdown tables: seconds and peak RSS per measurement, then the ratios the issue asks."""
    rows = [results[size] for size in sorted(results, key=int)]
    header = "| articles | claims | " + " | ".join(label for _, label in COLUMNS) + " |"
    lines = [header, "|" + " --- |" * (len(COLUMNS) + 2)]
    for row in rows:
        cells = [_cell(row, name) for name, _ in COLUMNS]
        lines.append(f"| {row['articles']:,} | {row['claims']:,} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| articles | (b)/(a) | (b) 2 processes/(a) | check/(a) | (d)/(c) per check "
        "| (d)/(c) per article | (d)/(c2) per check | (d)/(c2) per article "
        "| engine ms/article | caught / injected | false alarms |",
        "|" + " --- |" * 11,
    ]
    for row in rows:
        engine_s = _seconds(row, "engine")
        detection = row.get("engine", {})
        cells = [
            f"{row['articles']:,}",
            _ratio(row, "engine", "floor"),
            _ratio(row, "engine_jobs2", "floor"),
            _ratio(row, "check_command", "floor"),
            _ratio(row, "naive", "pytest_check"),
            _ratio(row, "naive", "pytest_article"),
            _ratio(row, "naive", "pytest_check_n2"),
            _ratio(row, "naive", "pytest_article_n2"),
            f"{1000 * engine_s / row['articles']:.1f}" if engine_s else "-",
            f"{detection.get('caught', '-')} / {detection.get('injected', '-')}",
            str(detection.get("false_alarms", "-")),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _merge(path: Path, new: dict[str, dict]) -> dict[str, dict]:
    results = json.loads(path.read_text("utf-8")) if path.exists() else {}
    for size, row in new.items():
        results.setdefault(size, {}).update(row)  # a size may be measured in several runs
    path.write_text(json.dumps(results, indent=1) + "\n", "utf-8")
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--error-rate", type=float, default=0.02)
    parser.add_argument("--naive-limit", type=int, default=300, help="articles (d) runs on")
    parser.add_argument("--skip", nargs="*", default=[], help="measurements to leave out")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per command")
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--report", action="store_true", help="print the table of --json")
    parser.add_argument("--profile", type=int, metavar="N", help="profile the engine at N")
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    parser.add_argument("archive", type=Path, nargs="?", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.stage:
        print(json.dumps(STAGES[arguments.stage](arguments.archive)))
        return 0
    if arguments.profile:
        with tempfile.TemporaryDirectory() as workdir:
            archive = Path(workdir) / "archive"
            write_archive(archive, arguments.profile, arguments.seed, arguments.error_rate)
            print(json.dumps(_stage("profile", archive), indent=1))
        return 0
    if not arguments.report:
        new = {}
        for size in arguments.sizes:
            new[str(size)] = measure(
                size,
                arguments.seed,
                arguments.error_rate,
                arguments.naive_limit,
                set(arguments.skip),
                arguments.timeout,
            )
        _merge(arguments.json, new)
    results = json.loads(arguments.json.read_text("utf-8"))
    print(report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
