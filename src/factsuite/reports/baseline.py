"""``--baseline verdicts.json``: only the failures a change introduced.

A failure is known when the baseline (a saved ``factsuite check --format json``) holds a
failing check of the same claims file with the same check name and the same fingerprint.
The fingerprint is the one findings record (``checking/findings_review.py``): what the
failure was made of, not its line numbers, so moving a claim keeps it known while a
different failure of the same check is new.  A check without one (a file that does not
validate) is known by its problems' words with line numbers left out.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from factsuite.checking.engine import Outcome
from factsuite.checking.findings_review import FINGERPRINT_LENGTH, without_lines
from factsuite.reports.wording import problem_texts

Identity = tuple[str, str, str]
"""Claims file (as written in the run), check name, fingerprint."""


class BaselineError(Exception):
    """The baseline file cannot be read as a verdicts document."""


def identity_fingerprint(outcome: Outcome) -> str:
    """The fingerprint a finding would record, or one of the problems' words."""
    if outcome.fingerprint is not None:
        return outcome.fingerprint
    words = without_lines("\n".join(problem_texts(outcome)))
    return "t" + hashlib.sha256(words.encode()).hexdigest()[: FINGERPRINT_LENGTH - 1]


def identity(claims_file: str, outcome: Outcome) -> Identity:
    return (Path(claims_file).as_posix(), outcome.item.name, identity_fingerprint(outcome))


def load_baseline(path: Path) -> set[Identity]:
    """The failing checks a saved run holds."""
    try:
        data: Any = json.loads(path.read_text("utf-8"))
        known = {
            (Path(article["claims_file"]).as_posix(), check["check"], check["identity"])
            for article in data["articles"]
            for check in article["checks"]
            if check["failing"]
        }
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BaselineError(
            f"{path}: not a verdicts file written by factsuite check --format json ({error})"
        ) from None
    return known
