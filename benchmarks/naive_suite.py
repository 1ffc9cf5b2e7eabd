"""The fair naive baseline: the suite a competent pytest user writes without factsuite.

It uses only pytest and PyYAML (no factsuite import), reads each file of the archive once,
parses the YAML once with the C loader (``yaml.CSafeLoader``) and caches it, and collects one
parametrized item per claim and one per relation it can check.  It is the yardstick the
benchmarks compare factsuite's commands against, not a second implementation to trust.

What it checks, each simply:

- ``test_claim`` (one item per claim):
  - the claim's ``quote`` occurs verbatim in ``article.txt``;
  - a ``percent`` claim whose value is a plain number ("31 per cent", "55%") lies in 0-100;
  - a ``date`` claim whose value names a weekday ("Monday, December 21") has an ``as_of``
    that falls on that weekday.
- ``test_relation`` (one item per ``part_of``, ``sum_of`` and ``before`` relation):
  - ``part_of``: part <= whole, and ``sum_of``: sum of parts <= whole, on the values as
    plain numbers ("12,400", "3.5 million", "3.5m"), qualifiers ignored;
  - ``before``: the earlier date's ``as_of`` (or ISO date, or the publication date) is not
    after the later one's.
- ``test_ignored`` (one item per article): every ``ignored:`` quote occurs in the text.

What it does not check, and factsuite does: qualifier intervals ("more than", "nearly",
"around") and the lexicon's literal and pragmatic readings; values written in words or as
fractions ("eight", "a quarter", "nine in 10": such a value is simply not compared); that
the figure in a quote is the claim's value and carries its qualifier; the ``same_figure``,
``share_of`` and ``spans`` relations (figures agreeing, a share holding its parts, a
duration fitting its dates); relative dates ("last week") against the publication date;
population and measure agreement; uncovered mentions (coverage); schema validation of the
files; reference records; the editor's explanations of a failure.  Because it compares
plain values without their qualifiers, it can also raise a false alarm where an interval
check would not (e.g. "almost 37,800 + more than 52,200" against a total near their sum).

Run it with the archive in ``NAIVE_ARCHIVE`` (and optionally ``NAIVE_LIMIT``, the first
articles only), without the factsuite plugin, from a folder with no factsuite conftest:

    NAIVE_ARCHIVE=/tmp/a1k pytest -q -p no:factsuite -p no:cacheprovider naive_suite.py

``benchmarks/commands.py`` copies it into its work folder and runs it exactly so.  pytest
never collects it by default (its name is not ``test_*.py``).
"""

from __future__ import annotations

import os
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

PLAIN = re.compile(r"^\s*(\d[\d,]*(?:\.\d+)?)\s*(million|m|billion|bn|thousand)?\s*$", re.I)
PERCENT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:%|per ?cent)\s*$", re.I)
SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMERIC_UNITS = {"people", "count", "money"}


@cache
def load(folder: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    """claims.yaml, meta.yaml and article.txt of one folder: read and parsed once."""
    path = Path(folder)

    def parse(name: str) -> Any:
        return yaml.load((path / name).read_text("utf-8"), Loader=yaml.CSafeLoader)

    return parse("claims.yaml"), parse("meta.yaml"), (path / "article.txt").read_text("utf-8")


def _folders() -> list[str]:
    archive = Path(os.environ.get("NAIVE_ARCHIVE", "facts"))
    folders = sorted(str(path.parent) for path in archive.rglob("claims.yaml"))
    return folders[: int(os.environ.get("NAIVE_LIMIT", len(folders)))]


def _cases() -> tuple[list, list, list]:
    claims, relations, articles = [], [], []
    for folder in _folders():
        data = load(folder)[0]
        name = Path(folder).name
        claims += [
            pytest.param(folder, index, id=f"{name}/{claim['id']}")
            for index, claim in enumerate(data.get("claims") or [])
        ]
        relations += [
            pytest.param(folder, index, id=f"{name}/{relation['id']}")
            for index, relation in enumerate(data.get("relations") or [])
            if relation.get("rule") in {"part_of", "sum_of", "before"}
        ]
        articles.append(pytest.param(folder, id=name))
    return claims, relations, articles


CLAIMS, RELATIONS, ARTICLES = _cases()


def plain_number(value: object) -> float | None:
    """ "190,000" -> 190000.0, "3.5 million" -> 3500000.0; None for words and fractions."""
    if isinstance(value, int | float):
        return float(value)
    match = PLAIN.match(str(value))
    if match is None:
        return None
    number = float(match.group(1).replace(",", ""))
    return number * SCALE.get((match.group(2) or "").lower(), 1)


def _by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {claim["id"]: claim for claim in data.get("claims") or []}


def _day(end: str, data: dict[str, Any], meta: dict[str, Any]) -> date | None:
    if end == "publication":
        return meta["published"]
    claim = _by_id(data).get(end)
    if claim is not None:
        return claim.get("as_of")
    try:
        return date.fromisoformat(str(end))
    except ValueError:
        return None


@pytest.mark.parametrize(("folder", "index"), CLAIMS)
def test_claim(folder: str, index: int) -> None:
    data, _, text = load(folder)
    claim = data["claims"][index]
    assert claim["quote"] in text, f"quote not in the article: {claim['quote']!r}"
    value = str(claim["value"])
    if claim.get("unit") == "percent":
        match = PERCENT.match(value)
        if match is not None:
            assert 0 <= float(match.group(1)) <= 100, f"share out of 0-100: {value}"
    if claim.get("unit") == "date" and isinstance(claim.get("as_of"), date):
        named = [day for day in WEEKDAYS if re.search(rf"\b{day}\b", value, re.I)]
        if named:
            actual = WEEKDAYS[claim["as_of"].weekday()]
            assert actual in named, f"{value!r} but {claim['as_of']} is a {actual}"


@pytest.mark.parametrize(("folder", "index"), RELATIONS)
def test_relation(folder: str, index: int) -> None:
    data, meta, _ = load(folder)
    relation = data["relations"][index]
    claims = _by_id(data)
    rule = relation["rule"]
    if rule in {"part_of", "sum_of"}:
        parts = [relation["part"]] if rule == "part_of" else relation["parts"]
        whole = claims[relation["whole"]]
        if whole.get("unit") not in NUMERIC_UNITS:
            return
        values = [plain_number(claims[part]["value"]) for part in parts]
        total = plain_number(whole["value"])
        if total is None or None in values:
            return  # words or fractions: not compared
        assert sum(values) <= total, f"parts {sum(values):,.0f} > whole {total:,.0f}"
    elif rule == "before":
        earlier = _day(relation["earlier"], data, meta)
        later = _day(relation["later"], data, meta)
        if isinstance(earlier, date) and isinstance(later, date):
            assert earlier <= later, f"{earlier} is after {later}"


@pytest.mark.parametrize("folder", ARTICLES)
def test_ignored(folder: str) -> None:
    data, _, text = load(folder)
    for ignored in data.get("ignored") or []:
        assert ignored["quote"] in text, f"ignored quote not in the article: {ignored['quote']!r}"
