"""The article folders under the paths a command was given, or why there are none.

``factsuite check``, ``report`` and ``export claimreview`` begin alike; their messages for a
person go to standard error, so that standard output holds only what the command prints for
a script (JSON, annotations, Markdown).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from factsuite.files.article import discover, skipped_link_note
from factsuite.files.loading import FactFileError
from factsuite.reports.escaping import one_line, visible

USAGE_ERROR = 2
"""The exit code of a command given nothing it can check."""


class NothingToCheck(Exception):
    """No claims.yaml under the paths given, or a path that cannot be read."""


def article_folders(paths: Sequence[Path]) -> list[Path]:
    """Every article folder under ``paths``; ``NothingToCheck`` says why there is none.
    Each linked folder not walked into is said (``discover``)."""
    skipped: list[Path] = []
    try:
        folders = discover(list(paths), skipped)
    except FactFileError as error:
        raise NothingToCheck("\n".join(map(str, error.errors))) from None
    for link in skipped:
        say(one_line(skipped_link_note(link, paths)))
    if not folders:
        raise NothingToCheck(
            f"no claims.yaml found under {' '.join(map(str, paths))}: give an article folder "
            "(facts/<article>) or a folder of them (facts/)"
        )
    return folders


def say(text: str) -> None:
    """A message for a person, on standard error, its control characters made visible."""
    print(visible(text), file=sys.stderr)


def usage_error(message: str) -> int:
    """Say why the command cannot run; its exit code."""
    say(message)
    return USAGE_ERROR
