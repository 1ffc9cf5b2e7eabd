"""``factsuite findings record|refresh``: write reviewed findings, with their fingerprints.

A finding's fingerprint says which failure was reviewed (see ``checking.findings_review``);
nobody should have to compute one by hand.  claims.yaml is edited in place with ruamel.yaml's
round trip, so that its comments, order and block text are kept.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from datetime import date
from pathlib import Path
from typing import Any

from factsuite.checking.engine import Outcome, evaluate, load_articles
from factsuite.files.article import Article
from factsuite.files.model import Verdict
from factsuite.meaning.lexicon import DEFAULT_READING, Reading
from factsuite.reports.wording import FIX_THE_FILE_RULES


def _evaluated(folder: Path, reading: Reading) -> tuple[Article, dict[str, Outcome]] | None:
    evaluation = evaluate(load_articles([folder]), reading)
    (article,) = evaluation.articles
    if not article.is_valid:
        print(f"{article.claims_path}: fix these errors first:", file=sys.stderr)
        for error in article.errors:
            print(f"  {error}", file=sys.stderr)
        return None
    return article, {outcome.item.name: outcome for outcome in evaluation.of(article)}


def _yaml() -> Any:
    from ruamel.yaml import YAML  # only this command edits files

    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _folded(text: str, width: int = 88) -> Any:
    """Long text as a folded block (``>-``), wrapped as the seed's reasons are."""
    from ruamel.yaml.scalarstring import FoldedScalarString

    text = " ".join(text.split())
    if len(text) <= width:
        return text
    folded = FoldedScalarString(text)
    positions, start = [], 0
    while len(text) - start > width:
        space = text.rfind(" ", start, start + width)
        if space <= start:
            break
        positions.append(space)
        start = space + 1
    folded.fold_pos = positions
    return folded


def _edit(path: Path, change: Any) -> None:
    """Load claims.yaml as a round-trip document, let ``change`` edit it, write it back."""
    yaml = _yaml()
    text = path.read_text(encoding="utf-8-sig")
    document = yaml.load(text)
    change(document)
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(document, out)


def _record(arguments: argparse.Namespace) -> int:
    found = _evaluated(arguments.folder, Reading(arguments.reading))
    if found is None:
        return 1
    article, outcomes = found
    outcome = outcomes.get(arguments.check)
    if outcome is None:
        close = difflib.get_close_matches(arguments.check, list(outcomes), n=3)
        hint = f" (did you mean {' or '.join(map(repr, close))}?)" if close else ""
        print(f"no check is named {arguments.check!r}{hint}", file=sys.stderr)
        return 1
    if outcome.passed:
        print(f"{arguments.check} passes: there is no failure to record", file=sys.stderr)
        return 1
    if outcome.item.rule in FIX_THE_FILE_RULES or outcome.item.name == "schema":
        print(
            f"{arguments.check} is a mistake in the files ({outcome.item.rule}): fix it "
            "instead of recording it",
            file=sys.stderr,
        )
        return 1
    entry: dict[str, object] = {
        "check": arguments.check,
        "verdict": arguments.verdict,
        "reason": _folded(arguments.reason),
    }
    if arguments.evidence:
        entry["evidence"] = _folded(arguments.evidence)
    if arguments.reviewed_by:
        entry["reviewed_by"] = arguments.reviewed_by
    entry["reviewed_on"] = arguments.reviewed_on or date.today()
    entry["fingerprint"] = outcome.fingerprint

    def change(document: Any) -> None:
        findings = document.setdefault("findings", [])
        for existing in findings:
            if existing.get("check") == arguments.check:
                existing.update(entry)
                return
        findings.append(entry)

    _edit(article.claims_path, change)
    print(f"{article.claims_path}: recorded {arguments.check} (fingerprint {outcome.fingerprint})")
    return 0


def _refresh(arguments: argparse.Namespace) -> int:
    """Fingerprint every finding whose check still fails, as it fails now."""
    found = _evaluated(arguments.folder, Reading(arguments.reading))
    if found is None:
        return 1
    article, outcomes = found
    stale = 0
    messages = []

    def change(document: Any) -> None:
        nonlocal stale
        for finding in document.get("findings") or []:
            outcome = outcomes.get(str(finding.get("check")))
            if outcome is None or outcome.passed:
                stale += 1
                messages.append(f"{finding.get('check')}: passes or is unknown: remove the finding")
                continue
            before = finding.get("fingerprint")
            finding["fingerprint"] = outcome.fingerprint
            was = f" (was {before})" if before and before != outcome.fingerprint else ""
            messages.append(f"{finding.get('check')}: fingerprint {outcome.fingerprint}{was}")

    _edit(article.claims_path, change)
    for message in messages:
        print(f"{article.claims_path}: {message}")
    return 1 if stale else 0


def add_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``factsuite findings record FOLDER --check ID ...`` and ``findings refresh FOLDER``."""
    findings = subparsers.add_parser("findings", help="record reviewed findings in claims.yaml")
    actions = findings.add_subparsers(dest="action", required=True)
    record = actions.add_parser("record", help="record a failing check as a reviewed finding")
    record.add_argument("folder", type=Path, help="an article folder")
    record.add_argument("--check", required=True, help="the check's name, as pytest shows it")
    record.add_argument("--verdict", required=True, choices=[v.value for v in Verdict])
    record.add_argument("--reason", required=True, help="what the reviewer found")
    record.add_argument("--evidence", help="the sources the reviewer used")
    record.add_argument("--reviewed-by", help="who reviewed it")
    record.add_argument(
        "--reviewed-on", type=date.fromisoformat, help="YYYY-MM-DD (default: today)"
    )
    refresh = actions.add_parser(
        "refresh", help="write the fingerprints of findings whose checks still fail"
    )
    refresh.add_argument("folder", type=Path, help="an article folder")
    for command in (record, refresh):
        command.add_argument(
            "--reading", choices=[r.value for r in Reading], default=DEFAULT_READING.value
        )
    record.set_defaults(run=_record)
    refresh.set_defaults(run=_refresh)
