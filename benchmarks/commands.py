"""Whole-command benchmarks: factsuite's commands against a floor and a fair naive suite.

Every measurement is a whole command in a fresh process (interpreter start, imports,
collection and printing included), timed from outside with its peak resident set (from
``wait4``: the largest process of the command's tree).  The commands of one archive are
run alternated (A B C ... A B C ...), ``--repeats`` times, and reported as medians and as
ratios to the floor measured in the same run, because the machine is shared and noisy.

For each size in ``--sizes`` an archive is written with ``factsuite synth`` and timed with:

  floor           python benchmarks/floor.py ARCHIVE       (read every file, CSafeLoader)
  check_j1_cold   factsuite check -j 1 --no-cache ARCHIVE      (every file parsed)
  check_j1        factsuite check -j 1 ARCHIVE             (a re-run: the cache is warm)
  check           factsuite check ARCHIVE                   (default jobs: one per core)
  pytest_check    pytest -q -p no:cacheprovider --factsuite-items=check ARCHIVE
  pytest_article  pytest -q -p no:cacheprovider --factsuite-items=article ARCHIVE
  naive           NAIVE_ARCHIVE=ARCHIVE pytest -q -p no:cacheprovider -p no:factsuite
                  naive_suite.py                            (benchmarks/naive_suite.py)

Sizes in ``--check-only`` time only floor, check_j1 and check (for 10,000 articles).  Sizes
in ``--item-sizes`` that are not in ``--sizes`` time only pytest_check and pytest_article,
for the per-check item cost.  ``--tax`` measures the plugin's cost on an unrelated pytest
run: one trivial ``test_x.py`` in an empty folder, with the plugin and with
``-p no:factsuite``, alternated.

    python benchmarks/commands.py --sizes 100 1000 --item-sizes 300 --tax --repeats 5
    python benchmarks/commands.py --check-only 10000 --repeats 3
    python benchmarks/commands.py --report          # markdown tables from --json

Results are merged into ``--json`` (default benchmarks/commands.json) with the machine, the
date and the commit.  This is a script, never a test: nothing here is named ``test_*.py``
and nothing asserts a time.  It imports nothing from factsuite.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
PYTEST = [str(BIN / "pytest"), "-q", "-p", "no:cacheprovider"]
FACTSUITE = str(BIN / "factsuite")
FULL = ("floor", "check_j1_cold", "check_j1", "check", "pytest_check", "pytest_article", "naive")
CHECK_ONLY = ("floor", "check_j1_cold", "check_j1", "check")
ITEMS_ONLY = ("pytest_check", "pytest_article")
COUNTS = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed)")
FAILED = re.compile(r"^FAILED \S+::(test_\w+)\[([^\]]+)\]", re.MULTILINE)
TRIVIAL = "def test_x():\n    assert 1 + 1 == 2\n"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- one command, timed from outside ----------------------------------------------------------


def run(argv: list[str], cwd: Path, env: dict | None = None, timeout: float = 1800) -> dict:
    """Wall time, CPU time (user + system, of the process and the children it waited for, as
    ``/usr/bin/time`` reports them), peak RSS (largest process of the tree), exit code and
    the whole output."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=env, stdout=output, stderr=output)
        killer = threading.Timer(timeout, process.kill)
        killer.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        killer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
    return {
        "seconds": seconds,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
        "exit": process.returncode,
        "output": text,
    }


def commands(archive: Path, workdir: Path) -> dict[str, tuple[list[str], dict | None]]:
    naive_env = {**os.environ, "NAIVE_ARCHIVE": str(archive)}
    return {
        "floor": ([sys.executable, str(HERE / "floor.py"), str(archive)], None),
        "check_j1_cold": ([FACTSUITE, "check", "-j", "1", "--no-cache", str(archive)], None),
        "check_j1": ([FACTSUITE, "check", "-j", "1", str(archive)], None),
        "check": ([FACTSUITE, "check", str(archive)], None),
        "pytest_check": ([*PYTEST, "--factsuite-items=check", str(archive)], None),
        "pytest_article": ([*PYTEST, "--factsuite-items=article", str(archive)], None),
        "naive": ([*PYTEST, "-p", "no:factsuite", str(workdir / "naive_suite.py")], naive_env),
    }


def alternate(
    cases: dict[str, tuple[list[str], dict | None]],
    cwd: Path,
    repeats: int,
    timeout: float,
    label: str,
) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Run the cases A B C, A B C, ... ``repeats`` times; the last output of each is kept."""
    runs: dict[str, list[dict]] = {name: [] for name in cases}
    last: dict[str, str] = {}
    for repeat in range(repeats):
        for name, (argv, env) in cases.items():
            result = run(argv, cwd, env, timeout)
            last[name] = result.pop("output")
            result["summary"] = _summary(last[name])
            runs[name].append(result)
            log(
                f"  {label:>8} #{repeat + 1} {name:<15} {result['seconds']:8.2f} s "
                f"({result['cpu_s']:7.2f} s CPU) "
                f"{result['rss_mb']:7.0f} MB  exit {result['exit']}"
            )
    return runs, last


def _uptime() -> str:
    """``uptime``'s line: the machine is shared, and its load goes with every table."""
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _summary(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[-1] if lines else ""


def _items(summary: str) -> int | None:
    counts = COUNTS.findall(summary)
    return sum(int(number) for number, _ in counts) if counts else None


def stats(results: list[dict]) -> dict:
    seconds = [result["seconds"] for result in results]
    return {
        "median_s": statistics.median(seconds),
        "min_s": min(seconds),
        "max_s": max(seconds),
        "median_cpu_s": statistics.median(result["cpu_s"] for result in results),
        "median_rss_mb": statistics.median(result["rss_mb"] for result in results),
        "max_rss_mb": max(result["rss_mb"] for result in results),
        "exits": sorted({result["exit"] for result in results}),
        "items": _items(results[-1]["summary"]),
        "summary": results[-1]["summary"],
        "seconds": [round(value, 3) for value in seconds],
        "cpu_seconds": [round(result["cpu_s"], 3) for result in results],
    }


# -- the naive suite's detection, from its failure summary ------------------------------------


def score_naive(output: str, archive: Path) -> dict:
    """The naive suite's failing items against the archive's ground truth.

    A ground-truth item maps to the naive item that would catch it: ``grounding[c]``,
    ``schema[c]`` and ``calendar[c]`` to ``test_claim[article/c]``, ``ignored-mentions`` to
    ``test_ignored[article]``, a relation to ``test_relation[article/relation]``.
    """
    failing = {(test, item) for test, item in FAILED.findall(output)}
    truth: list[tuple[str, tuple[str, str]]] = []
    with (archive / "ground_truth.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            item, article = row["item"], row["article"]
            bracket = re.fullmatch(r"\w+\[(.+)\]", item)
            if item == "ignored-mentions":
                key = ("test_ignored", article)
            elif bracket:
                key = ("test_claim", f"{article}/{bracket.group(1)}")
            elif item == "coverage":
                key = ("coverage", article)  # no naive item: never caught
            else:
                key = ("test_relation", f"{article}/{item}")
            truth.append((row["kind"], key))
    expected = {key for _, key in truth}
    by_kind: dict[str, list[int]] = {}
    for kind, key in truth:
        counts = by_kind.setdefault(kind, [0, 0])
        counts[0] += 1
        counts[1] += key in failing
    return {
        "injected": len(truth),
        "caught": sum(1 for _, key in truth if key in failing),
        "false_alarms": len(failing - expected),
        "by_kind": {kind: {"injected": a, "caught": b} for kind, (a, b) in sorted(by_kind.items())},
    }


# -- one archive ------------------------------------------------------------------------------


def measure_size(size: int, names: tuple[str, ...], arguments: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"factsuite-commands-{size}-") as folder:
        workdir = Path(folder)
        archive = workdir / "archive"
        shutil.copy(HERE / "naive_suite.py", workdir / "naive_suite.py")
        synth = run(
            [
                FACTSUITE,
                "synth",
                str(archive),
                "--articles",
                str(size),
                "--seed",
                str(arguments.seed),
                "--error-rate",
                str(arguments.error_rate),
            ],
            workdir,
        )
        log(f"  {size:>8} synth {synth['seconds']:.1f} s: {_summary(synth['output'])}")
        everything = commands(archive, workdir)
        chosen = arguments.only or names
        cases = {name: everything[name] for name in names if name in chosen}
        # Warm the page cache and the interpreter's bytecode: one untimed run of the cheap ones.
        for name in ("floor", "check_j1", "check"):
            if name in cases:
                run(*cases[name][:1], workdir, cases[name][1], arguments.timeout)
        loadavg = os.getloadavg()
        uptime_before = _uptime()
        runs, last = alternate(cases, workdir, arguments.repeats, arguments.timeout, str(size))
        row: dict = {
            "articles": size,
            "loadavg_before_after": [loadavg, os.getloadavg()],
            "uptime_before_after": [uptime_before, _uptime()],
            "synth": _summary(synth["output"]),
            "repeats": arguments.repeats,
            "commands": {name: " ".join(cases[name][0]) for name in cases},
            "results": {name: stats(results) for name, results in runs.items()},
        }
        if "floor" in runs:
            floor = row["results"]["floor"]["median_s"]
            for result in row["results"].values():
                result["ratio_to_floor"] = result["median_s"] / floor
            # The ratio within each repetition, then its median: robust to slow drift.
            for name, results in runs.items():
                pairs = zip(results, runs["floor"], strict=True)
                paired = [r["seconds"] / f["seconds"] for r, f in pairs]
                row["results"][name]["median_paired_ratio"] = statistics.median(paired)
        if "naive" in last:
            row["naive_detection"] = score_naive(last["naive"], archive)
        return row


# -- the plugin's cost on a pytest run with no fact files ------------------------------------


def plugin_tax(repeats: int, timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="factsuite-tax-") as folder:
        workdir = Path(folder)
        (workdir / "test_x.py").write_text(TRIVIAL, encoding="utf-8")
        cases = {
            "with_plugin": ([*PYTEST], None),
            "without_plugin": ([*PYTEST, "-p", "no:factsuite"], None),
        }
        for argv, env in cases.values():  # warm: bytecode and page cache
            run(argv, workdir, env, timeout)
        runs, _ = alternate(cases, workdir, repeats, timeout, "tax")
    result = {name: stats(results) for name, results in runs.items()}
    paired = [
        a["seconds"] - b["seconds"]
        for a, b in zip(runs["with_plugin"], runs["without_plugin"], strict=True)
    ]
    return {
        "commands": {
            name: " ".join(argv) + "  (in a folder with one test_x.py)"
            for name, (argv, _) in cases.items()
        },
        "repeats": repeats,
        "results": result,
        "tax_ms": 1000 * (result["with_plugin"]["median_s"] - result["without_plugin"]["median_s"]),
        "median_paired_tax_ms": 1000 * statistics.median(paired),
    }


# -- machine ----------------------------------------------------------------------------------


def machine() -> dict:
    def out(*argv: str) -> str:
        try:
            return subprocess.run(argv, capture_output=True, text=True, cwd=HERE).stdout.strip()
        except OSError:
            return ""

    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    dirty = out("git", "status", "--porcelain", "--", "src")
    versions = out(
        sys.executable,
        "-c",
        "import importlib.metadata as m;"
        "print(' '.join(f'{p} {m.version(p)}' for p in "
        "('pytest','PyYAML','pandas','pandera','pydantic','factsuite')))",
    )
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": out("git", "rev-parse", "--short", "HEAD") + ("+changes" if dirty else ""),
        "nproc": out("nproc"),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
        "loadavg_at_start": os.getloadavg(),
    }


# -- report -----------------------------------------------------------------------------------

LABELS = {
    "floor": "floor (`python benchmarks/floor.py`)",
    "check_j1_cold": "`factsuite check -j 1 --no-cache`",
    "check_j1": "`factsuite check -j 1`, cache warm",
    "check": "`factsuite check` (default jobs)",
    "pytest_check": "`pytest --factsuite-items=check`",
    "pytest_article": "`pytest --factsuite-items=article`",
    "naive": "fair naive suite (pytest)",
}


def _fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares a + b*n."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    b = sum((x - mean_x) * (y - mean_y) for x, y in points) / sxx if sxx else 0.0
    return mean_y - b * mean_x, b


def per_item(data: dict) -> dict:
    """pytest per check against per article at each size: the extra cost of each item."""
    rows, check_t, article_t, check_m, article_m = [], [], [], [], []
    for key in sorted(data.get("sizes", {}), key=int):
        results = data["sizes"][key]["results"]
        if not {"pytest_check", "pytest_article"} <= results.keys():
            continue
        check, article = results["pytest_check"], results["pytest_article"]
        size = int(key)
        extra_items = (check["items"] or 0) - (article["items"] or 0)
        extra_s = check["median_s"] - article["median_s"]
        rows.append(
            {
                "articles": size,
                "check_s": check["median_s"],
                "article_s": article["median_s"],
                "check_items": check["items"],
                "article_items": article["items"],
                "check_rss_mb": check["max_rss_mb"],
                "article_rss_mb": article["max_rss_mb"],
                "extra_ms_per_item": 1000 * extra_s / extra_items if extra_items else None,
                "extra_kb_per_item": 1024
                * (check["max_rss_mb"] - article["max_rss_mb"])
                / extra_items
                if extra_items
                else None,
            }
        )
        check_t.append((size, check["median_s"]))
        article_t.append((size, article["median_s"]))
        check_m.append((size, check["max_rss_mb"]))
        article_m.append((size, article["max_rss_mb"]))
    if len(rows) < 2:
        return {"rows": rows}
    (ca, cb), (aa, ab) = _fit(check_t), _fit(article_t)
    (cma, cmb), (ama, amb) = _fit(check_m), _fit(article_m)
    fit = {
        "check_s": [ca, cb],
        "article_s": [aa, ab],
        "check_rss_mb": [cma, cmb],
        "article_rss_mb": [ama, amb],
    }

    def where(target: float, a: float, b: float) -> float | None:
        return (target - a) / b if b > 0 else None

    # Per check doubles the per-article run where ca + cb n = 2 (aa + ab n).
    double = (2 * aa - ca) / (cb - 2 * ab) if cb > 2 * ab else None
    return {
        "rows": rows,
        "fit": fit,
        "articles_where_check_is_2x_article": double,
        "articles_where_check_extra_is_10_s": 10 / (cb - ab) if cb > ab else None,
        "articles_where_check_rss_is_1_gb": where(1024, cma, cmb),
        "articles_where_check_rss_is_500_mb": where(500, cma, cmb),
    }


def _s(value: float) -> str:
    return f"{value:.2f} s"


def report(data: dict) -> str:
    lines = []
    m = data.get("machine", {})
    lines.append(
        f"Machine: {m.get('nproc')} CPUs ({m.get('cpu')}), Python {m.get('python')}, "
        f"{m.get('versions')}; commit {m.get('commit')}, {m.get('date')}.\n"
    )
    lines.append(
        "| articles | command | median | min-max | ratio to floor | paired ratio "
        "| peak RSS | items |"
    )
    lines.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for key in sorted(data.get("sizes", {}), key=int):
        row = data["sizes"][key]
        for name, result in row["results"].items():
            ratio = result.get("ratio_to_floor")
            paired = result.get("median_paired_ratio")
            lines.append(
                f"| {int(key):,} | {LABELS[name]} | {_s(result['median_s'])} | "
                f"{result['min_s']:.2f}-{result['max_s']:.2f} | "
                f"{f'{ratio:.1f}x' if ratio else '-'} | {f'{paired:.1f}x' if paired else '-'} | "
                f"{result['max_rss_mb']:.0f} MB | {result['items'] or '-'} |"
            )
    lines.append("")
    for key in sorted(data.get("sizes", {}), key=int):
        detection = data["sizes"][key].get("naive_detection")
        if detection:
            kinds = ", ".join(
                f"{kind} {v['caught']}/{v['injected']}" for kind, v in detection["by_kind"].items()
            )
            lines.append(
                f"naive at {int(key):,}: caught {detection['caught']}/{detection['injected']}, "
                f"false alarms {detection['false_alarms']} ({kinds})"
            )
    tax = data.get("plugin_tax")
    if tax:
        r = tax["results"]
        lines.append(
            f"\nplugin tax ({tax['repeats']} alternated pairs): with "
            f"{r['with_plugin']['median_s'] * 1000:.0f} ms, without "
            f"{r['without_plugin']['median_s'] * 1000:.0f} ms, difference of medians "
            f"{tax['tax_ms']:.0f} ms, median paired difference {tax['median_paired_tax_ms']:.0f} ms"
            f"; RSS {r['with_plugin']['max_rss_mb']:.0f} vs "
            f"{r['without_plugin']['max_rss_mb']:.0f} MB"
        )
    items = per_item(data)
    if items["rows"]:
        lines.append(
            "\n| articles | per check | per article | items (check/article) | "
            "RSS (check/article) | extra ms per item | extra KB per item |"
        )
        lines.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for row in items["rows"]:
            lines.append(
                f"| {row['articles']:,} | {_s(row['check_s'])} | {_s(row['article_s'])} | "
                f"{row['check_items']}/{row['article_items']} | "
                f"{row['check_rss_mb']:.0f}/{row['article_rss_mb']:.0f} MB | "
                f"{row['extra_ms_per_item']:.2f} | {row['extra_kb_per_item']:.1f} |"
            )
        if "fit" in items:
            lines.append("\n" + json.dumps({k: v for k, v in items.items() if k != "rows"}))
    return "\n".join(lines)


# -- main -------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[])
    parser.add_argument(
        "--check-only",
        type=int,
        nargs="*",
        default=[],
        help="sizes timed with floor and factsuite check only",
    )
    parser.add_argument(
        "--item-sizes",
        type=int,
        nargs="*",
        default=[],
        help="sizes timed with pytest per check and per article only",
    )
    parser.add_argument(
        "--only", nargs="*", default=[], help="time only these commands (names as above)"
    )
    parser.add_argument("--tax", action="store_true", help="measure the plugin tax")
    parser.add_argument("--tax-repeats", type=int, default=15)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--error-rate", type=float, default=0.02)
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per command")
    parser.add_argument("--json", type=Path, default=HERE / "commands.json")
    parser.add_argument("--report", action="store_true", help="print the tables of --json")
    arguments = parser.parse_args(argv)

    data = json.loads(arguments.json.read_text()) if arguments.json.exists() else {}
    if arguments.report:
        print(report(data))
        return 0
    data["machine"] = machine()
    data.setdefault("sizes", {})
    plan = [(size, CHECK_ONLY) for size in arguments.check_only]
    plan += [(size, FULL) for size in arguments.sizes]
    plan += [(size, ITEMS_ONLY) for size in arguments.item_sizes if size not in arguments.sizes]
    for size, names in plan:
        row = measure_size(size, names, arguments)
        row["machine"] = data["machine"]
        data["sizes"][str(size)] = row
        arguments.json.write_text(json.dumps(data, indent=1) + "\n")
    if arguments.tax:
        data["plugin_tax"] = plugin_tax(arguments.tax_repeats, arguments.timeout) | {
            "machine": data["machine"]
        }
    data["per_item"] = per_item(data)
    arguments.json.write_text(json.dumps(data, indent=1) + "\n")
    print(report(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
