"""The reference layer catches what the article alone cannot: mutated copies of the seed
and of its reference records, each caught by the right rule with the right words."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from factsuite.checking.engine import Evaluation, evaluate, load_articles
from factsuite.files.reference import load_reference
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
SEED = "2022-03-22-kremlin-talks"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of facts/ and reference/ side by side, as in a newsroom's repository."""
    shutil.copytree(ROOT / "facts" / SEED, tmp_path / "facts" / SEED)
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    return tmp_path


def replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text("utf-8")
    assert text.count(old) == count, f"{old!r} appears {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), "utf-8")


def failing(evaluation: Evaluation) -> dict[str, list[str]]:
    """Items that fail without a recorded finding, or whose finding no longer holds."""
    return {
        outcome.item.name: problem_texts(outcome)
        for (_, _), outcome in evaluation.outcomes.items()
        if (outcome.finding is None and not outcome.passed)
        or (outcome.finding is not None and outcome.passed)
    }


def checked(project: Path) -> Evaluation:
    return evaluate(load_articles([project / "facts" / SEED]))


def test_the_seed_agrees_with_its_records(project: Path) -> None:
    evaluation = checked(project)
    assert failing(evaluation) == {}
    names = {name for (_, name) in evaluation.outcomes}
    assert {
        "record[refugees-lead]",
        "stale[children-refugees]",
        "event[invasion-announced]",
    } <= names
    findings = {o.item.name for o in evaluation.outcomes.values() if o.finding is not None}
    assert findings == {"body-matches-headline", "population[refugees-body]"}


def inflate_total(project: Path) -> None:
    """Every mention of the total says 4.5 million: the article agrees with itself."""
    article = project / "facts" / SEED / "article.txt"
    claims = project / "facts" / SEED / "claims.yaml"
    replace(article, "3.5 million", "4.5 million", count=3)
    replace(claims, "3.5 million", "4.5 million", count=7)


def shift_invasion_event(project: Path) -> None:
    replace(project / "reference" / "events" / "events.csv", "invasion-announced,2022-02-24",
            "invasion-announced,2022-02-23")  # fmt: skip


def stale_children(project: Path) -> None:
    """UNICEF's 1.8 million moves to 20 March: replaced before publication on 22 March."""
    replace(project / "reference" / "unicef-child-refugees" / "records.csv",
            "2022-03-24,1800000", "2022-03-20,2500000")  # fmt: skip


HEADLINE_TAIL = "\n    as_of: 2022-03-22\n    attributed: UNHCR\n\n  - id: refugees-body"
LEAD_TAIL = "\n    attributed: UNHCR\n    notes: The lead"


def headline_counts_ukrainians(project: Path) -> None:
    replace(project / "facts" / SEED / "claims.yaml",
            "population: people who fled Ukraine" + HEADLINE_TAIL,
            "population: Ukrainians who fled Ukraine" + HEADLINE_TAIL)  # fmt: skip


def cite_unknown_series(project: Path) -> None:
    replace(project / "facts" / SEED / "claims.yaml", "    attributed: UNICEF\n",
            "    attributed: UNICEF\n    cites: unicef-child-refugee\n")  # fmt: skip


def figure_from_before_the_lag(project: Path) -> None:
    """The lead's figure as of 22 March, but 3.5 million was only reached that day: as of
    the 19th (lag 1 day) the records say 3.33 or 3.39 million."""
    replace(project / "facts" / SEED / "claims.yaml",
            "as_of: 2022-03-22" + LEAD_TAIL, "as_of: 2022-03-20" + LEAD_TAIL)  # fmt: skip


# Each case: the mutation, and every item that must fail with words its report must hold.
CASES: dict[str, tuple[Callable[[Path], None], dict[str, list[str]]]] = {
    "inflated-total": (inflate_total, {
        "record[refugees-lead]": ["[record_matches]", "3,557,245", "Tuesday 22 March 2022",
                                  "(4,500,000, 5,000,000]", "data.unhcr.org"],
        "record[refugees-headline]": ["[record_matches]", "3,557,245"],
        # The body's "Ukrainians" no longer gives UNHCR's figure: not matched to the series,
        # so its population finding names no check any more, and says why.
        "schema": ["no check is named 'population[refugees-body]'",
                   "'refugees-body' is not matched to a reference series"],
    }),
    "shifted-event-date": (shift_invasion_event, {
        "event[invasion-announced]": ["[event_in_date]", "Wednesday 23 February 2022",
                                      "Thursday 24 February 2022"],
    }),
    "stale-figure": (stale_children, {
        "stale[children-refugees]": ["[not_replaced]", "replaced it before the article",
                                     "2,500,000 on Sunday 20 March 2022"],
    }),
    "population-differs": (headline_counts_ukrainians, {
        "population[refugees-headline]": ["[population_matches]", "Ukrainians who fled Ukraine",
                                          "people who fled Ukraine"],
        "headline-matches-lead": ["[same_population]"],
        "body-matches-headline": [],  # the finding no longer holds: both count Ukrainians
    }),
    "unknown-series": (cite_unknown_series, {
        **{f"{rule}[children-refugees]": ["[series_known]", "'unicef-child-refugee'",
                                          "unicef-child-refugees"]
           for rule in ("record", "population", "stale")},
    }),
    "figure-older-than-its-date": (figure_from_before_the_lag, {
        "record[refugees-lead]": ["[record_matches]", "3,389,044"],
        "stale[refugees-lead]": ["[not_replaced]", "3,489,644 on Monday 21 March 2022"],
    }),
}  # fmt: skip


@pytest.mark.parametrize("name", CASES)
def test_reference_mutation_is_caught(project: Path, name: str) -> None:
    mutate, expected = CASES[name]
    mutate(project)
    failures = failing(checked(project))
    assert set(failures) == set(expected)
    for item, words in expected.items():
        text = "\n".join(failures[item])
        for word in words:
            assert word in text, f"{word!r} not in:\n{text}"


def test_the_inflated_total_is_caught_by_the_reference_alone(project: Path) -> None:
    """Without UNHCR's series, the same inflated article passes: only the record can tell."""
    inflate_total(project)
    shutil.rmtree(project / "reference" / "unhcr-refugees")
    claims = project / "facts" / SEED / "claims.yaml"
    text = claims.read_text("utf-8")
    claims.write_text(text[: text.index("\n  - check: population[refugees-body]")] + "\n")
    assert failing(checked(project)) == {}


BROKEN_TABLES = {
    "falling-cumulative": (
        "unhcr-refugees/records.csv", "2022-03-15,2969600", "2022-03-15,2000000",
        ["records.csv:8", "column value", "falls below an earlier figure", "'2000000'"],
    ),
    "missing-source": (
        "unhcr-refugees/records.csv",
        "2022-03-02,874026,,UNHCR Operational Data Portal (Ukraine situation)",
        "2022-03-02,874026,,",
        ["records.csv:3", "column source", "is empty", "every row needs its source"],
    ),
    "impossible-date": (
        "unicef-child-refugees/records.csv", "2022-03-15,1500000", "2022-02-30,1500000",
        ["records.csv:2", "column date", "is not a real date", "'2022-02-30'"],
    ),
    "negative-value": (
        "iom-internally-displaced/records.csv", "2022-03-16,6480000", "2022-03-16,-6480000",
        ["records.csv:2", "column value", "is not a non-negative number"],
    ),
    "duplicate-event-id": (
        "events/events.csv", "talks-round-2,2022-03-03", "talks-round-1,2022-03-03",
        ["events.csv:", "column id", "appears twice"],
    ),
    "unknown-meta-key": (
        "unhcr-refugees/series.yaml", "cumulative: true", "cumulativ: true",
        ["series.yaml:6", "unknown key 'cumulativ'", "did you mean 'cumulative'?"],
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", BROKEN_TABLES)
def test_a_broken_reference_table_is_rejected_with_file_row_and_column(
    project: Path, name: str
) -> None:
    relative, old, new, words = BROKEN_TABLES[name]
    replace(project / "reference" / relative, old, new)
    reference = load_reference(project / "reference")
    (errors,) = reference.errors.values()
    text = "\n".join(map(str, errors))
    for word in words:
        assert word in text, f"{word!r} not in:\n{text}"
    series = relative.split("/")[0]
    assert series not in reference.series, "a series that does not validate is not used"


def test_claims_citing_a_broken_series_say_why(project: Path) -> None:
    replace(project / "reference" / "unicef-child-refugees" / "records.csv",
            "2022-03-15,1500000", "2022-02-30,1500000")  # fmt: skip
    replace(project / "facts" / SEED / "claims.yaml", "    attributed: UNICEF\n",
            "    attributed: UNICEF\n    cites: unicef-child-refugees\n")  # fmt: skip
    failures = failing(checked(project))
    items = {f"{rule}[children-refugees]" for rule in ("record", "population", "stale")}
    assert set(failures) == items, "each reference item of the claim says why it cannot run"
    for item in items:
        text = "\n".join(failures[item])
        assert "[series_known]" in text
        assert "It could not be read" in text
        assert "is not a real date" in text


def test_pytest_collects_each_reference_series(pytester: pytest.Pytester, project: Path) -> None:
    replace(project / "reference" / "unhcr-refugees" / "records.csv",
            "2022-03-15,2969600", "2022-03-15,2000000")  # fmt: skip
    result = pytester.runpytest(str(project / "reference"), "-p", "no:cacheprovider", "-v")
    result.assert_outcomes(passed=6, failed=1)  # 5 series and events pass, populations too
    result.stdout.fnmatch_lines(["*unhcr-refugees/series.yaml::schema FAILED*"])
    result.stdout.fnmatch_lines(["*records.csv:8: column value: falls below*"])
    assert "Traceback" not in result.stdout.str()


def test_the_readmes_series_yaml_is_a_valid_series_with_every_key() -> None:
    """The README lists series.yaml's keys for users who write one by hand: keep it true."""
    import re

    import yaml

    from factsuite.files.reference import SeriesMeta

    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"```yaml\n(measure: .*?)```", readme, re.DOTALL)
    assert block is not None, "the README shows a series.yaml"
    example = yaml.safe_load(block.group(1))
    SeriesMeta.model_validate(example)
    assert set(example) == set(SeriesMeta.model_fields)
