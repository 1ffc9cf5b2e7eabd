"""Save and compare every verdict the suite gives, to prove a refactor changed none of them.

Black-box on purpose: the verdicts are read from pytest's JUnit XML (item id, status and the
whole failure text), so the comparison survives any rewrite of the engine's internals.
Covers `facts/` and three synthetic archives with injected errors, under both readings.

    python scripts/verdicts.py save verdicts-before.json
    python scripts/verdicts.py compare verdicts-before.json verdicts-after.json
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYNTH_SEEDS = (3, 17, 101)
SYNTH_ARTICLES = 40
SYNTH_ERROR_RATE = "0.05"
READINGS = ("pragmatic", "strict")


def junit_verdicts(target: Path, reading: str, workdir: Path) -> dict[str, dict[str, str]]:
    """Every item's status and message from one pytest run over ``target``."""
    xml = workdir / "junit.xml"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(target),
            "-q",
            "-p",
            "no:cacheprovider",
            "--factsuite-items=check",
            f"--factsuite-reading={reading}",
            f"--junitxml={xml}",
            f"--rootdir={target}",
            "-o",
            "testpaths=",
        ],
        cwd=workdir,
        capture_output=True,
        check=False,
    )
    verdicts: dict[str, dict[str, str]] = {}
    for case in ET.parse(xml).getroot().iter("testcase"):
        key = f"{case.get('classname')}::{case.get('name')}"
        status, text = "passed", ""
        for child in case:
            if child.tag in {"failure", "error", "skipped"}:
                status = child.tag
                if child.get("type") == "pytest.xfail":
                    status = "xfail"
                text = (child.get("message") or "") + "\n" + (child.text or "")
        verdicts[key] = {"status": status, "text": text.replace(str(target), "<archive>")}
    return verdicts


def save(out: Path) -> None:
    """Write the verdicts of facts/ and of the synthetic archives to ``out``."""
    result: dict[str, dict[str, dict[str, str]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        archives = {"facts": ROOT / "facts"}
        for seed in SYNTH_SEEDS:
            archive = workdir / f"synth-{seed}" / "facts"
            subprocess.run(
                [
                    "factsuite",
                    "synth",
                    str(archive),
                    "--articles",
                    str(SYNTH_ARTICLES),
                    "--seed",
                    str(seed),
                    "--error-rate",
                    SYNTH_ERROR_RATE,
                ],
                check=True,
                capture_output=True,
            )
            archives[f"synth-{seed}"] = archive
        for name, archive in archives.items():
            for reading in READINGS:
                result[f"{name}/{reading}"] = junit_verdicts(archive, reading, workdir)
    out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
    counts = {key: len(value) for key, value in result.items()}
    print(f"wrote {out}: {counts}")


def compare(before: Path, after: Path) -> int:
    """Print every verdict that differs; exit 1 if any does."""
    old, new = json.loads(before.read_text()), json.loads(after.read_text())
    differences = 0
    for run in sorted(set(old) | set(new)):
        a, b = old.get(run, {}), new.get(run, {})
        for item in sorted(set(a) | set(b)):
            if a.get(item) != b.get(item):
                differences += 1
                print(f"{run} {item}:\n  before: {a.get(item)}\n  after:  {b.get(item)}")
    total = sum(len(value) for value in old.values())
    print(f"{differences} of {total} verdicts differ")
    return 1 if differences else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("save").add_argument("out", type=Path)
    compare_parser = commands.add_parser("compare")
    compare_parser.add_argument("before", type=Path)
    compare_parser.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "save":
        save(args.out)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    raise SystemExit(main())
