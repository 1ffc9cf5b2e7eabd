"""Recorded findings against the checks they name: located errors, and what a review covered.

A finding covers the failure a person reviewed, not the check forever: its ``fingerprint``
is a short hash of what that failure was made of (the rules that failed, the claims' quotes,
values and dates, the records and populations they clashed with), never of line numbers or
wording that cosmetic edits change.  A different failure of the same check then has another
fingerprint, and fails CI instead of hiding behind the old finding.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from factsuite.checking.findings import Problem
from factsuite.files.article import Article
from factsuite.files.loading import LocatedError
from factsuite.files.names import checks_the_files

REFERENCE_RULES = ("record", "population", "stale", "event")
CLAIM_FIELDS = ("quote", "value", "qualifier", "unit", "population", "as_of", "attributed")
ROW_FIELDS = ("record_date", "record_value", "series", "series_population", "event_date")
"""What a failing row adds to the fingerprint: the reference figures the claim clashed with."""
FINGERPRINT_LENGTH = 8
_LINE_REFERENCE = re.compile(r"(claims\.yaml|article\.txt|meta\.yaml|\.csv):\d+(:\d+)?")


def without_lines(words: str) -> str:
    """A problem's words with file line numbers left out: moving a line is not a new failure."""
    return _LINE_REFERENCE.sub(r"\1", words)


def finding_errors(
    article: Article, names: list[str], reference_folder: Path | None
) -> list[LocatedError]:
    """Findings that name no planned check, a check of the files, or a check twice: each its
    own located error."""
    assert article.claims is not None
    errors = []
    seen: set[str] = set()
    for index, finding in enumerate(article.claims.findings):
        where = (article.claims_path, article.line("findings", index, "check"))
        field = f"findings[{index + 1}].check"
        if finding.check not in names:
            message, hint = _unknown_check(article, finding.check, names, reference_folder)
            errors.append(LocatedError(*where, field, message, hint))
        elif checks_the_files(finding.check):
            message = f"{finding.check!r} checks the files, not the article: it covers nothing"
            errors.append(LocatedError(*where, field, message, "fix the file and drop this"))
        elif finding.check in seen:
            errors.append(
                LocatedError(*where, field, f"{finding.check!r} has two findings", "keep one")
            )
        seen.add(finding.check)
    return errors


def _unknown_check(
    article: Article, check: str, names: list[str], reference_folder: Path | None
) -> tuple[str, str]:
    """Why no check has this name, and the nearest names there are."""
    message = f"no check is named {check!r}"
    rule, _, rest = check.partition("[")
    close = difflib.get_close_matches(check, names, n=3)
    hint = (
        "did you mean " + " or ".join(repr(name) for name in close) + "?"
        if close
        else "name a check that pytest lists"
    )
    if rule in REFERENCE_RULES[:3] and rest.endswith("]"):
        if reference_folder is None:
            message += (
                f": no reference/ folder found beside facts/ (looked upward from "
                f"{article.folder}), so no claim gets {rule}[...] checks"
            )
        elif f"record[{rest}" not in names:
            message += (
                f": claim {rest[:-1]!r} is not matched to a reference series (give it "
                "cites: <series folder>, or the series' measure, agency, unit and population)"
            )
    return message, hint


def fingerprint(
    article: Article,
    rule: str,
    claims: Iterable[str],
    rows: Iterable[Mapping[Any, object]],
    problems: Iterable[Problem],
    rule_names: Iterable[str] = (),
) -> str:
    """The short hash a finding stores: what the failure was made of, not where it stood."""
    assert article.claims is not None
    by_id = {claim.id: claim for claim in article.claims.claims}
    wanted = set(claims)
    parts: dict[str, object] = {
        "rule": rule,
        "failed": sorted(set(rule_names)),
        "claims": {
            key: [str(getattr(by_id[key], name)) for name in CLAIM_FIELDS]
            for key in sorted(wanted)
            if key in by_id
        },
        "endpoints": sorted(wanted - by_id.keys()),
        "rows": sorted(
            {json.dumps({k: str(row[k]) for k in ROW_FIELDS if k in row}) for row in rows}
        ),
    }
    if not parts["failed"]:  # a check outside the rules' tables: its words, lines left out
        parts["problems"] = [
            without_lines(" ".join([problem.summary, *map(str, problem.body)]))
            for problem in problems
        ]
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
    return digest[:FINGERPRINT_LENGTH]
