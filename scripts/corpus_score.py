"""Score the suite's verdicts on the labelled corpus: real failures, false alarms, missed errors.

The corpus (``corpus/<part>/<writer>/``, parts ``tuning``, ``holdout`` and ``unseen``) holds
articles written and encoded by people who read only the README, each with
``labels/<slug>.yaml`` naming the errors planted in it and the claims that reveal each one.
A failing check is *true* when it involves a claim of a planted error, a *false alarm*
otherwise; a planted error is *caught* when some failing check involves one of its claims,
and its *culprit is first* when the "most likely wrong" line the report leads with names the
claim the label says is wrong (``wrong:``; without it, any claim of the error).  Read
black-box from pytest's JUnit XML and its printed culprit, so the score measures what a
user sees.

    python scripts/corpus_score.py                 # the tuning part
    python scripts/corpus_score.py --part holdout  # the first part kept aside (tuned to since)
    python scripts/corpus_score.py --part unseen   # the part kept aside in this round
    python scripts/corpus_score.py --part unseen --writer c  # one writer's articles only
    python scripts/corpus_score.py --part all --json score.json
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


RULES_FOR_KIND = {
    "headline_body": {"same_figure", "record"},
    "part_of": {"part_of", "sum_of", "total"},
    "total": {"total", "sum_of"},
    "share_count": {"share_count", "share_of", "partition"},
    "shares_over_100": {"partition", "schema"},
    "change": {"change"},
    "rate": {"rate"},
    "weekday": {"calendar"},
    "duration": {"spans"},
    "date_order": {"before"},
    "reference": {"record", "population", "stale"},
    "event_count": {"event_count"},
    "comparison": {"exceeds"},
    "average": {"rate"},
}
"""The rules that name each kind of planted error rightly: caught by another is caught by luck.

A share given with its count is checked against its count and whole (``share_count``, or
``share_of`` when the writer chose the one-sided relation) and against the other shares of
the same whole (``partition``): both fail because of the wrong share and name it, so both
are the right rule (docs/verdict-quality.md says why the second was added)."""


@dataclass
class Failure:
    """One failing pytest item, with what it names."""

    item: str
    rule: str
    claims: set[str]

    def involves(self, claims: list[str]) -> bool:
        return bool(self.claims & set(claims))


@dataclass
class ArticleScore:
    article: str
    part: str
    true_failures: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)
    caught: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    rules: dict[str, int] = field(default_factory=dict)
    culprit: list[str] = field(default_factory=list)
    culprit_missed: list[str] = field(default_factory=list)


SUSPECT = re.compile(r"\((?:article\.txt:\d+|not in article\.txt), claim ([^)\s]+)\)")
"""A claim named in the "most likely wrong" line the run prints for an article."""
TALLY = ("planted", "caught", "right_rule", "culprit_first", "culprit_of_error")


def culprit_first(error: dict[str, object], suspects: list[str], key: str = "wrong") -> bool:
    """The culprit the report leads with names the claim the label says is wrong (or,
    without ``wrong:``, or with ``key="claims"``, one of the error's claims)."""
    wrong = error.get(key) or error["claims"]
    return bool(set(suspects) & set(wrong if isinstance(wrong, list) else [wrong]))


def culprits(stdout: str) -> dict[str, list[str]]:
    """Each article's culprit, as printed by the run: its claims, most suspected first."""
    found = {}
    for line in stdout.splitlines():
        label, sep, told = line.partition(": most likely wrong")
        if sep:
            found[Path(label.strip()).parent.name] = SUSPECT.findall(told)
    return found


def failures_by_article(
    facts: Path, workdir: Path
) -> tuple[dict[str, list[Failure]], dict[str, list[str]]]:
    """Every failing item of one pytest run over ``facts``, and the culprit it printed, by
    article folder name."""
    xml = workdir / f"{facts.parent.parent.name}-{facts.parent.name}.xml"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(facts),
            "-q",
            "-p",
            "no:cacheprovider",
            "--factsuite-items=check",
            f"--junitxml={xml}",
            f"--rootdir={facts.parent}",
            "-o",
            "testpaths=",
        ],
        cwd=workdir,
        capture_output=True,
        text=True,
        check=False,
    )
    found: dict[str, list[Failure]] = {}
    for case in ET.parse(xml).getroot().iter("testcase"):
        if not any(child.tag in {"failure", "error"} for child in case):
            continue
        properties = {prop.get("name"): prop.get("value") or "" for prop in case.iter("property")}
        article = Path(properties.get("article") or case.get("classname", "").replace(".", "/"))
        failure = Failure(
            item=case.get("name", ""),
            rule=properties.get("rule", ""),
            claims=set(properties.get("claims", "").split()),
        )
        found.setdefault(article.name, []).append(failure)
    return found, culprits(run.stdout)


def score_part(part: str, workdir: Path, writers: list[str] | None = None) -> list[ArticleScore]:
    scores = []
    for writer in sorted((CORPUS / part).glob("*/facts")):
        if writers and writer.parent.name not in writers:
            continue
        failures, suspects = failures_by_article(writer, workdir)
        for folder in sorted(path for path in writer.iterdir() if path.is_dir()):
            label_file = writer.parent / "labels" / f"{folder.name}.yaml"
            labels = yaml.safe_load(label_file.read_text()) if label_file.exists() else {}
            planted = (labels or {}).get("planted") or []
            score = ArticleScore(article=f"{writer.parent.name}/{folder.name}", part=part)
            mine = failures.get(folder.name, [])
            for failure in mine:
                real = any(failure.involves(error["claims"]) for error in planted)
                (score.true_failures if real else score.false_alarms).append(
                    f"{failure.item} [{failure.rule}]"
                )
                score.rules[failure.rule] = score.rules.get(failure.rule, 0) + 1
            for error in planted:
                hits = [failure for failure in mine if failure.involves(error["claims"])]
                hit = bool(hits)
                kind = error.get("kind", "other")
                tally = score.by_kind.setdefault(kind, dict.fromkeys(TALLY, 0))
                tally["planted"] += 1
                first = hit and culprit_first(error, suspects.get(folder.name, []))
                tally["culprit_first"] += first
                tally["culprit_of_error"] += hit and culprit_first(
                    error, suspects.get(folder.name, []), "claims"
                )
                if hit:
                    (score.culprit if first else score.culprit_missed).append(error["id"])
                tally["caught"] += hit
                tally["right_rule"] += any(
                    failure.rule in RULES_FOR_KIND.get(kind, set()) for failure in hits
                )
                (score.caught if hit else score.missed).append(
                    f"{error['id']} ({error.get('kind', '?')}): {error.get('description', '')}"
                )
            scores.append(score)
    return scores


def print_scores(scores: list[ArticleScore]) -> None:
    for score in scores:
        print(
            f"{score.part}/{score.article}: {len(score.true_failures)} true, "
            f"{len(score.false_alarms)} false alarms, "
            f"{len(score.caught)}/{len(score.caught) + len(score.missed)} planted caught"
        )
        for alarm in score.false_alarms:
            print(f"    FALSE ALARM {alarm}")
        for missed in score.missed:
            print(f"    MISSED      {missed}")
        for error in score.culprit_missed:
            print(f"    CULPRIT NOT FIRST {error}")
    true = sum(len(score.true_failures) for score in scores)
    false = sum(len(score.false_alarms) for score in scores)
    caught = sum(len(score.caught) for score in scores)
    planted = caught + sum(len(score.missed) for score in scores)
    kinds: dict[str, dict[str, int]] = {}
    for score in scores:
        for kind, tally in score.by_kind.items():
            total = kinds.setdefault(kind, dict.fromkeys(TALLY, 0))
            for key, value in tally.items():
                total[key] += value
    print("\nplanted kind        caught  with the right rule  culprit first  culprit of the error")
    for kind, total in sorted(kinds.items()):
        print(
            f"{kind:<18} {total['caught']:>3}/{total['planted']:<3} "
            f"{total['right_rule']:>3}/{total['planted']:<16} "
            f"{total['culprit_first']:>3}/{total['caught']:<10} "
            f"{total['culprit_of_error']:>3}/{total['caught']}"
        )
    first = sum(len(score.culprit) for score in scores)
    of_error = sum(total["culprit_of_error"] for total in kinds.values())
    print(
        f"\nTOTAL {len(scores)} articles: {true} true failures, {false} false alarms, "
        f"{caught}/{planted} planted errors caught, culprit first for {first}/{caught} "
        f"(of the error: {of_error}/{caught})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parts = sorted(folder.name for folder in CORPUS.iterdir() if folder.is_dir())
    parser.add_argument("--part", choices=[*parts, "all"], default="tuning")
    parser.add_argument("--json", type=Path, help="also write the scores here")
    parser.add_argument(
        "--writer",
        action="append",
        help="score only this writer's folder of the part (repeatable): a part kept aside "
        "while its newest writer's articles are still to be scored once",
    )
    args = parser.parse_args()
    if args.part != "all":
        parts = [args.part]
    with tempfile.TemporaryDirectory() as tmp:
        scores = [score for part in parts for score in score_part(part, Path(tmp), args.writer)]
    print_scores(scores)
    if args.json:
        args.json.write_text(json.dumps([asdict(score) for score in scores], indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
