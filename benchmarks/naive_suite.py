"""The naive suite that benchmark (d) runs: what a team writes without factsuite's engine.

One parametrized pytest test per claim and rule, each loading the article's YAML itself with
``yaml.safe_load`` and checking its one claim or relation with factsuite's parsers.  It is the
yardstick the plugin's bulk evaluation is measured against, not a second implementation to
trust.  ``benchmarks/run.py`` runs it with ``NAIVE_ARCHIVE`` (and ``NAIVE_LIMIT``, the first
articles only) set; pytest never collects it by default (its name is not ``test_*.py``).
"""

from __future__ import annotations

import os
from datetime import date
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import yaml

from factsuite.files.model import ArticleMeta, Claim
from factsuite.meaning.dates import parse_date
from factsuite.meaning.grounding import figure_problem
from factsuite.meaning.intervals import Interval
from factsuite.meaning.lexicon import Reading
from factsuite.meaning.readings import read_claim

READING = Reading.PRAGMATIC


def _folders() -> list[Path]:
    archive = Path(os.environ.get("NAIVE_ARCHIVE", "facts"))
    folders = sorted(path.parent for path in archive.rglob("claims.yaml"))
    return folders[: int(os.environ.get("NAIVE_LIMIT", len(folders)))]


def _cases() -> tuple[list[tuple[str, int]], list[tuple[str, int]], list[tuple[str, int]]]:
    claims, dates, relations = [], [], []
    for folder in _folders():
        data = yaml.safe_load((folder / "claims.yaml").read_text("utf-8"))
        for index, claim in enumerate(data["claims"]):
            claims.append((str(folder), index))
            if claim["unit"] == "date":
                dates.append((str(folder), index))
        relations += [(str(folder), index) for index in range(len(data.get("relations", [])))]
    return claims, dates, relations


CLAIMS, DATES, RELATIONS = _cases()


def _load(folder: str) -> tuple[dict[str, Any], date, str]:
    """The claims file, the publication date and the text: read again by every test."""
    path = Path(folder)
    data = yaml.safe_load((path / "claims.yaml").read_text("utf-8"))
    meta = ArticleMeta.model_validate(yaml.safe_load((path / "meta.yaml").read_text("utf-8")))
    return data, meta.published, (path / "article.txt").read_text("utf-8")


def _claim(data: dict[str, Any], claim_id: str) -> Claim:
    return Claim.model_validate(next(c for c in data["claims"] if c["id"] == claim_id))


def _interval(data: dict[str, Any], published: date, claim_id: str) -> Interval:
    reading = read_claim(_claim(data, claim_id), published)
    interval = reading.interval(READING)
    assert interval is not None, f"{claim_id}: {reading.error}"
    return interval


@pytest.mark.parametrize(("folder", "index"), CLAIMS)
def test_schema(folder: str, index: int) -> None:
    data, published, _ = _load(folder)
    claim = Claim.model_validate(data["claims"][index])
    reading = read_claim(claim, published)
    assert not reading.error or claim.unit == "date", reading.error
    if claim.unit == "percent":
        assert 0 <= float(reading.figure.value) <= 100
    assert claim.as_of is None or claim.as_of <= published


@pytest.mark.parametrize(("folder", "index"), CLAIMS)
def test_grounding(folder: str, index: int) -> None:
    data, _, text = _load(folder)
    claim = Claim.model_validate(data["claims"][index])
    assert claim.quote in text
    assert figure_problem(claim.quote, claim.value, claim.qualifier) == ""


@pytest.mark.parametrize(("folder", "index"), DATES)
def test_calendar(folder: str, index: int) -> None:
    data, published, _ = _load(folder)
    claim = Claim.model_validate(data["claims"][index])
    span = parse_date(claim.value, published)
    assert claim.as_of in span
    assert span.first <= published


def _endpoint(data: dict[str, Any], end: str, published: date) -> tuple[int, int]:
    if end == "publication":
        return published.toordinal(), published.toordinal()
    if any(c["id"] == end for c in data["claims"]):
        span = parse_date(_claim(data, end).value, published)
        return span.first.toordinal(), span.last.toordinal()
    day = date.fromisoformat(end).toordinal()
    return day, day


def _total(data: dict[str, Any], ids: list[str], published: date) -> Interval:
    total = Interval.point(Fraction(0))
    for claim_id in ids:
        total = total + _interval(data, published, claim_id)
    return total


def _check_relation(relation: dict[str, Any], data: dict[str, Any], published: date) -> None:
    rule = relation["rule"]
    interval = partial(_interval, data, published)
    if rule == "part_of":
        assert interval(relation["part"]).can_be_at_most(interval(relation["whole"]))
    elif rule == "sum_of":
        assert _total(data, relation["parts"], published).can_be_at_most(
            interval(relation["whole"])
        )
    elif rule == "share_of":
        group = (
            interval(relation["share"]).scaled(Fraction(1, 100)).times(interval(relation["whole"]))
        )
        assert _total(data, relation.get("parts", []), published).can_be_at_most(group)
    elif rule == "same_figure":
        first, *others = (_claim(data, claim_id) for claim_id in relation["claims"])
        for other in others:
            assert interval(first.id).intersects(interval(other.id))
            assert (first.measure.casefold(), (first.population or "").casefold()) == (
                other.measure.casefold(),
                (other.population or "").casefold(),
            )
    elif rule == "spans":
        start = _endpoint(data, relation["start"], published)
        end = _endpoint(data, relation.get("end", "publication"), published)
        elapsed = Interval(Fraction(end[0] - start[1]), Fraction(end[1] - start[0]))
        assert interval(relation["duration"]).intersects(elapsed)
    elif rule == "before":
        earlier = _endpoint(data, relation["earlier"], published)
        later = _endpoint(data, relation["later"], published)
        assert earlier[0] <= later[1]


@pytest.mark.parametrize(("folder", "index"), RELATIONS)
def test_relation(folder: str, index: int) -> None:
    data, published, _ = _load(folder)
    _check_relation(data["relations"][index], data, published)


@pytest.mark.parametrize("folder", [str(folder) for folder in _folders()])
def test_ignored_mentions(folder: str) -> None:
    data, _, text = _load(folder)
    for ignored in data.get("ignored", []):
        assert ignored["quote"] in text
