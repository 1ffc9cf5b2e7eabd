"""Populations and reference series: wording, sub-groups, the seed's finding, envelopes.

Each test copies the seed into a temporary newsroom, adds or mutates a claim, and asserts
which items fail and with which words.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factsuite.checking.engine import Evaluation, evaluate, load_articles
from factsuite.files.populations import Relation, Vocabulary, normalise, relate
from factsuite.files.reference import load_populations
from factsuite.reports.verdicts import Status, status
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
SEED_FINDINGS = {"body-matches-headline", "population[refugees-body]"}


def copy_of_seed(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    return Path(shutil.copytree(SEED, tmp_path / "facts" / SEED.name))


def add_claim(folder: Path, sentence: str, claim: str) -> None:
    """A sentence at the end of the article, and its claim at the end of the claims."""
    with (folder / "article.txt").open("a", encoding="utf-8") as text:
        text.write("\n" + sentence)
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    claims.write_text(text.replace("\nrelations:\n", claim + "\nrelations:\n", 1), "utf-8")


def country_claim(country: str, figure: str, population: str | None = None) -> tuple[str, str]:
    """A per-country figure written as a careful user would: UNHCR's measure and agency."""
    sentence = f"More than {figure} of them have fled to {country}, UNHCR said."
    claim = f"""
  - id: fled-to-{country.lower()}
    quote: More than {figure} of them have fled to {country}
    value: {figure}
    qualifier: more than
    unit: people
    measure: refugees from Ukraine since 24 February 2022
    population: {population or f"people who fled Ukraine to {country}"}
    as_of: 2022-03-22
    attributed: UNHCR
"""
    return sentence, claim


def failing(evaluation: Evaluation) -> dict[str, str]:
    (article,) = evaluation.articles
    return {
        o.item.name: "\n".join(problem_texts(o))
        for o in evaluation.of(article)
        if status(o) is not Status.PASSED and o.item.name not in SEED_FINDINGS
    }


def checked(folder: Path) -> Evaluation:
    return evaluate(load_articles([folder]))


def names(evaluation: Evaluation) -> set[str]:
    (article,) = evaluation.articles
    return {o.item.name for o in evaluation.of(article)}


# -- wording --------------------------------------------------------------------------------


def test_wordings_of_one_population_are_the_same() -> None:
    assert normalise("people displaced within Ukraine") == normalise(
        "People displaced inside Ukraine"
    )
    assert normalise("people who have fled") == normalise("people who fled")
    assert normalise("the people who had fled Ukraine") == normalise("people who fled Ukraine")
    assert normalise("Ukrainians who fled Ukraine") != normalise("people who fled Ukraine")
    assert normalise("children who fled") != normalise("people who fled")


@given(st.text(alphabet="abcdefgh ABC-'", max_size=30))
def test_normalising_is_idempotent_and_ignores_case(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert normalise(text.upper()) == normalise(text.lower())
    assert normalise(f"the {text}") == once


def test_a_reworded_population_passes(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    lead = text.index("  - id: refugees-lead")
    head, tail = text[:lead], text[lead:]
    old, new = "people who fled Ukraine", "people who have fled Ukraine"
    tail = tail.replace(f"population: {old}", f"population: {new}", 1)
    claims.write_text(head + tail, "utf-8")
    assert failing(checked(folder)) == {}  # population[refugees-lead], headline-matches-lead


# -- sub-groups -----------------------------------------------------------------------------


def test_per_country_figures_are_not_the_national_series(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    for country, figure in (("Poland", "2 million"), ("Hungary", "250,000")):
        add_claim(folder, *country_claim(country, figure))
    evaluation = checked(folder)
    assert failing(evaluation) == {}
    assert not {name for name in names(evaluation) if "fled-to-" in name and "[" in name} - {
        "schema[fled-to-poland]",
        "grounding[fled-to-poland]",
        "schema[fled-to-hungary]",
        "grounding[fled-to-hungary]",
    }


def add_country_populations(folder: Path) -> None:
    vocabulary = folder.parents[1] / "reference" / "populations.yaml"
    with vocabulary.open("a", encoding="utf-8") as file:
        for country in ("Poland", "Hungary"):
            file.write(
                f"  - id: people-who-fled-ukraine-to-{country.lower()}\n"
                f"    label: people who fled Ukraine to {country}\n"
                "    part_of: [people-who-fled-ukraine]\n"
            )


def test_a_known_part_is_checked_as_a_part(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    add_country_populations(folder)
    add_claim(folder, *country_claim("Poland", "2 million"))
    evaluation = checked(folder)
    assert failing(evaluation) == {}
    assert "record[fled-to-poland]" in names(evaluation)
    assert "population[fled-to-poland]" not in names(evaluation)  # never as the same figure


def test_a_part_larger_than_the_series_fails(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    add_country_populations(folder)
    add_claim(folder, *country_claim("Poland", "4.5 million"))
    failures = failing(checked(folder))
    # The vocabulary also makes the claim an implied part of the lead and the headline (same
    # measure, date and unit), and 4.5 million exceeds "more than 3.5 million" there too.
    assert set(failures) == {
        "record[fled-to-poland]",
        "implied:part_of[fled-to-poland,refugees-lead]",
        "implied:part_of[fled-to-poland,refugees-headline]",
    }
    text = failures["record[fled-to-poland]"]
    assert "[record_matches] The claim counts a part of UNHCR's population" in text
    assert "exceeds the whole series at its date" in text
    assert "3,557,245" in text


def test_the_series_own_figure_for_another_population_is_a_finding(tmp_path: Path) -> None:
    """The seed's case, on a new claim: UNHCR's figure of the day given for Poland."""
    folder = copy_of_seed(tmp_path)
    add_claim(folder, *country_claim("Poland", "3.5 million"))
    failures = failing(checked(folder))
    assert set(failures) == {"population[fled-to-poland]"}
    assert "people who fled Ukraine to Poland" in failures["population[fled-to-poland]"]


def test_an_unknown_population_with_another_figure_is_not_matched(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    add_claim(folder, *country_claim("Poland", "1 million", "pupils who fled Ukraine"))
    evaluation = checked(folder)
    assert failing(evaluation) == {}
    assert "record[fled-to-poland]" not in names(evaluation)


def test_vocabulary_relates_populations(tmp_path: Path) -> None:
    vocabulary, errors = load_populations(ROOT / "reference" / "populations.yaml")
    assert not errors
    assert isinstance(vocabulary, Vocabulary)
    people = "people who fled Ukraine"
    assert relate("children who have fled Ukraine", people, vocabulary) is Relation.PART
    assert relate("refugees from Ukraine", people, vocabulary) is Relation.SAME
    assert relate("Ukrainians who fled Ukraine", people, vocabulary) is Relation.OTHER
    assert relate(people, "children who fled Ukraine", vocabulary) is Relation.OTHER
    broken = tmp_path / "populations.yaml"
    broken.write_text("populations:\n  - id: a\n    label: a\n    part_of: [b]\n", "utf-8")
    _, errors = load_populations(broken)
    assert "no population is named 'b'" in str(errors[0])


# -- envelopes ------------------------------------------------------------------------------


def precise_claim(figure: str) -> tuple[str, str]:
    sentence = f"UNHCR had counted {figure} people by then."
    claim = f"""
  - id: counted-by-then
    quote: UNHCR had counted {figure} people
    value: "{figure}"
    unit: people
    measure: refugees from Ukraine since 24 February 2022
    population: people who fled Ukraine
    as_of: 2022-03-17
    attributed: UNHCR
"""
    return sentence, claim


# A figure as of 17 March is replaced by the 22nd, when the article is published: stale.
REPLACED = "stale[counted-by-then]"


def test_a_figure_between_two_readings_is_consistent(tmp_path: Path) -> None:
    """No reading on 17 March: 3,063,095 on the 16th, 3,270,662 on the 18th."""
    folder = copy_of_seed(tmp_path)
    add_claim(folder, *precise_claim("3,150,000"))
    assert set(failing(checked(folder))) == {REPLACED}


def test_a_figure_outside_the_envelope_says_so(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    add_claim(folder, *precise_claim("3,400,000"))
    failures = failing(checked(folder))
    assert set(failures) == {"record[counted-by-then]", REPLACED}
    assert (
        "envelope  a running total lies between its readings: from 3,063,095 on 2022-03-16 "
        "to 3,270,662 on 2022-03-18; the claim fits neither"
    ) in failures["record[counted-by-then]"]


def sub_group_claim(figure: str) -> tuple[str, str]:
    """A figure of people who fled to Poland, with UNHCR's measure and agency, as of a day
    between two readings of the national series."""
    sentence, claim = precise_claim(figure)
    return sentence, claim.replace(
        "population: people who fled Ukraine", "population: people who fled Ukraine to Poland"
    )


def test_a_sub_group_figure_inside_the_envelope_is_not_the_series_figure(
    tmp_path: Path,
) -> None:
    """Between two readings lies every figure of a sub-group too: only a reading itself,
    given for other people, is the series' figure for the wrong population."""
    folder = copy_of_seed(tmp_path)
    add_claim(folder, *sub_group_claim("3,150,000"))
    evaluation = checked(folder)
    assert failing(evaluation) == {}
    assert "population[counted-by-then]" not in names(evaluation)


def test_a_reading_given_for_a_sub_group_is_still_a_finding(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    add_claim(folder, *sub_group_claim("3,063,095"))
    assert "population[counted-by-then]" in failing(checked(folder))


def test_the_seed_vocabulary_is_valid_under_its_json_schema() -> None:
    import json

    import jsonschema
    import yaml

    schema = json.loads((ROOT / "schemas" / "populations.schema.json").read_text("utf-8"))
    data = yaml.safe_load((ROOT / "reference" / "populations.yaml").read_text("utf-8"))
    jsonschema.validate(data, schema)
    data["populations"][0]["part"] = "typo"
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data))
