"""Two installs of factsuite, before and after a change, timed side by side in one run.

Uses ``commands.py``'s way of measuring (whole commands in fresh processes, alternated,
medians, ratios to the floor measured in the same run) on one synthetic archive, written by
the *before* install so that both can read it.  Each install is a venv's ``bin`` folder:

    python benchmarks/before_after.py --before /tmp/old/venv/bin --after /tmp/new/venv/bin \\
        --articles 1000 --repeats 5 --json /tmp/before-after.json

Prints a markdown table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
from pathlib import Path

from commands import HERE, _summary, _uptime, alternate, log, machine, run, stats

KINDS = {
    "check_j1_cold": ["check", "-j", "1", "--no-cache"],
    "check_j1": ["check", "-j", "1"],
    "check": ["check"],
    "pytest_article": ["--factsuite-items=article"],
    "pytest_check": ["--factsuite-items=check"],
}


def cases(
    bins: dict[str, Path], archive: Path, kinds: list[str]
) -> dict[str, tuple[list[str], dict | None]]:
    result: dict[str, tuple[list[str], dict | None]] = {
        "floor": ([str(bins["before"] / "python"), str(HERE / "floor.py"), str(archive)], None)
    }
    for kind in kinds:
        arguments = KINDS[kind]
        for side, folder in bins.items():
            if kind.startswith("pytest"):
                argv = [str(folder / "pytest"), "-q", "-p", "no:cacheprovider", *arguments]
            else:
                argv = [str(folder / "factsuite"), *arguments]
            result[f"{kind}:{side}"] = ([*argv, str(archive)], None)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--after", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--error-rate", default="0.02")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--kinds", nargs="+", choices=list(KINDS), default=list(KINDS), help="commands to time"
    )
    arguments = parser.parse_args()
    bins = {"before": arguments.before, "after": arguments.after}
    with tempfile.TemporaryDirectory(prefix="factsuite-before-after-") as folder:
        workdir = Path(folder)
        archive = workdir / "archive"
        synth = run(
            [
                str(bins["before"] / "factsuite"),
                "synth",
                str(archive),
                "--articles",
                str(arguments.articles),
                "--seed",
                str(arguments.seed),
                "--error-rate",
                arguments.error_rate,
            ],
            workdir,
        )
        log(f"synth: {_summary(synth['output'])}")
        timed = cases(bins, archive, arguments.kinds)
        first = arguments.kinds[0]
        for name in ("floor", f"{first}:before", f"{first}:after"):  # warm: bytecode, page cache
            run(timed[name][0], workdir, None, arguments.timeout)
        loadavg, uptime = os.getloadavg(), _uptime()
        runs, _ = alternate(timed, workdir, arguments.repeats, arguments.timeout, "run")
        shutil.rmtree(archive)
    results = {name: stats(values) for name, values in runs.items()}
    for name, values in runs.items():
        paired = [r["seconds"] / f["seconds"] for r, f in zip(values, runs["floor"], strict=True)]
        results[name]["median_paired_ratio"] = statistics.median(paired)
        results[name]["ratio_to_floor"] = results[name]["median_s"] / results["floor"]["median_s"]
        floor_cpu = results["floor"]["median_cpu_s"]
        results[name]["cpu_ratio_to_floor"] = results[name]["median_cpu_s"] / floor_cpu
    report = {
        "machine": machine(),
        "articles": arguments.articles,
        "repeats": arguments.repeats,
        "synth": _summary(synth["output"]),
        "loadavg_before_after": [loadavg, os.getloadavg()],
        "uptime_before_after": [uptime, _uptime()],
        "commands": {name: " ".join(argv) for name, (argv, _) in timed.items()},
        "results": results,
    }
    if arguments.json:
        arguments.json.write_text(json.dumps(report, indent=1) + "\n")
    print(table(results, arguments.kinds))


def table(results: dict[str, dict], kinds: list[str]) -> str:
    lines = [
        "| command | before: median (ratio to floor, paired) | after: median (ratio, paired) "
        "| after / before, paired | CPU before / after (ratio to floor's CPU) "
        "| peak RSS before / after | items before / after |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    floor = results["floor"]
    lines.append(
        f"| floor | {floor['median_s']:.2f} s | | | {floor['median_cpu_s']:.2f} s "
        f"| {floor['median_rss_mb']:.0f} MB | |"
    )
    for kind in kinds:
        before, after = results[f"{kind}:before"], results[f"{kind}:after"]
        cells = [
            f"{r['median_s']:.2f} s ({r['ratio_to_floor']:.1f}x, {r['median_paired_ratio']:.1f}x)"
            for r in (before, after)
        ]
        pairs = zip(after["seconds"], before["seconds"], strict=True)
        change = statistics.median(a / b for a, b in pairs)
        cpu = " / ".join(
            f"{r['median_cpu_s']:.2f} s ({r['cpu_ratio_to_floor']:.1f}x)" for r in (before, after)
        )
        lines.append(
            f"| {kind} | {cells[0]} | {cells[1]} | {change:.2f} | {cpu} "
            f"| {before['median_rss_mb']:.0f} / "
            f"{after['median_rss_mb']:.0f} MB | {before['items']} / {after['items']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
