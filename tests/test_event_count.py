"""Counts of events (#16): "several rounds of talks" against the dated events on record.

The seed says "after several rounds of talks between their delegations"; reference/events
holds three rounds in person (28 February, 3 and 7 March 2022) and one by video.  The
relation ``event_count`` counts the events matching ``talks-round-*`` and checks the count's
interval holds that number; deleting or adding an event, or changing the count, fails it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from factsuite.checking.engine import evaluate, load_articles
from factsuite.checking.tables import _matching
from factsuite.meaning.lexicon import Reading
from factsuite.meaning.numbers import Quantity, parse_figure
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
ROUNDS = {
    "id": "rounds-in-person",
    "rule": "event_count",
    "count": "several-rounds",
    "events": "talks-round-*",
    "start": "invasion-announced",
}


def seed_copy(tmp_path: Path, relation: dict[str, object] = ROUNDS) -> Path:
    folder = tmp_path / "facts" / SEED.name
    shutil.copytree(SEED, folder)
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    path = folder / "claims.yaml"
    data = yaml.safe_load(path.read_text("utf-8"))
    data["relations"].append(relation)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    return folder


def events_csv(folder: Path) -> Path:
    return folder.parent.parent / "reference" / "events" / "events.csv"


def texts(folder: Path, reading: Reading = Reading.PRAGMATIC, item: str = "rounds-in-person"):
    articles = load_articles([folder])
    outcome = evaluate(articles, reading).outcome(articles[0], item)
    return [] if outcome.passed else problem_texts(outcome)


def test_several_rounds_are_the_three_rounds_on_record(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path)
    for reading in Reading:
        assert texts(folder, reading) == []


def test_mutation_a_round_deleted_from_the_record(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path)
    path = events_csv(folder)
    lines = path.read_text("utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("talks-round-2,")))
    (text,) = texts(folder)
    assert text.startswith("[event_count_fits] A count of events does not match the events on")
    assert "  count     several-rounds (claims.yaml:" in text
    assert "reference/events matching 'talks-round-*', from invasion-announced" in text
    assert "talks-round-1 (Monday 28 February 2022)" in text
    assert "talks-round-3-and-conditions (Monday 7 March 2022)" in text
    assert '"several" reads as [3, 9], but the record has 2 such events.' in text
    assert "fails under both readings" in text


def test_mutation_rounds_added_beyond_several(tmp_path: Path) -> None:
    """Ten rounds are not "several" as a careful writer means it, though the words allow it."""
    folder = seed_copy(tmp_path)
    path = events_csv(folder)
    added = "".join(
        f"talks-round-{n},2022-03-{n + 4:02d},round {n},press reports,,\n" for n in range(4, 11)
    )
    path.write_text(path.read_text("utf-8") + added, "utf-8")
    (text,) = texts(folder)
    assert "but the record has 10 such events." in text
    assert "the strict, literal reading would allow it" in text
    assert texts(folder, Reading.STRICT) == []


def test_mutation_the_count_changed_in_article_and_claims(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path)
    for name in ("article.txt", "claims.yaml"):
        path = folder / name
        path.write_text(path.read_text("utf-8").replace("several rounds", "two rounds"))
    path = folder / "claims.yaml"
    path.write_text(path.read_text("utf-8").replace("value: several", "value: two"), "utf-8")
    (text,) = texts(folder)
    assert '"two" reads as [1.5, 2.5), but the record has 3 such events.' in text


def test_the_period_bounds_the_count(tmp_path: Path) -> None:
    """Up to 2 March, one round had been held: "several" no longer fits."""
    folder = seed_copy(tmp_path, {**ROUNDS, "end": "2022-03-02"})
    (text,) = texts(folder)
    assert "but the record has 1 such event." in text


def test_a_pattern_that_matches_no_event_is_located(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path, {**ROUNDS, "events": "talks-rond-*"})
    (text,) = texts(folder)
    assert text.startswith("[references_resolve]")
    assert "'talks-rond-*'" in text


def test_a_count_of_the_wrong_kind_is_reported(tmp_path: Path) -> None:
    folder = seed_copy(tmp_path, {**ROUNDS, "count": "women-children-share"})
    (text,) = texts(folder)
    assert text.startswith("[kinds_fit] This rule needs a count")


@pytest.mark.parametrize(("word", "number"), [("once", 1), ("twice", 2), ("thrice", 3)])
def test_once_and_twice_are_counts(word: str, number: int) -> None:
    figure = parse_figure(word, "count")
    assert isinstance(figure, Quantity)
    assert figure.value == number


DAYS = st.integers(min_value=0, max_value=60)


@given(
    st.dictionaries(st.sampled_from(["a-1", "a-2", "a-3", "b-1", "a-10"]), DAYS),
    st.tuples(DAYS, DAYS),
    st.tuples(DAYS, DAYS),
)
def test_matching_counts_what_a_person_would(
    days: dict[str, int], outer: tuple[int, int], inner: tuple[int, int]
) -> None:
    widest = (float(min(outer)), float(max(outer)))
    narrowest = (max(widest[0], float(min(inner))), min(widest[1], float(max(inner))))
    names, surely, any_match = _matching(
        {k: float(v) for k, v in days.items()}, "a-*", widest, narrowest
    )
    ours = {name for name, day in days.items() if name.startswith("a-")}
    assert any_match == bool(ours)
    assert set(names) == {name for name in ours if widest[0] <= days[name] <= widest[1]}
    assert [days[name] for name in names] == sorted(days[name] for name in names)
    assert surely == sum(narrowest[0] <= days[name] <= narrowest[1] for name in ours)
    assert surely <= len(names)
