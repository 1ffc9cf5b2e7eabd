"""The synthetic archive: accepted whole by the engine, and scored exactly by its ground truth.

A clean archive must give no failure at all, and an archive with injected errors must fail
exactly the items its ground truth lists, each by the listed rule: every error caught, no
false alarm.  That is what makes it a fair yardstick for detection at scale.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from factsuite.checking.engine import evaluate, load_articles
from factsuite.checking.implied import is_implied
from factsuite.commands.synth import (
    ERROR_KINDS,
    GROUND_TRUTH,
    add_command,
    read_ground_truth,
    write_archive,
)
from factsuite.files.article import discover
from factsuite.files.model import RELATION_MODELS
from factsuite.meaning.lexicon import Reading
from factsuite.reports.wording import problem_texts

ARTICLES = 50
pytest_plugins = ["pytester"]
RULE = re.compile(r"^\[(\w+)\]", re.MULTILINE)


def failing(archive: Path, reading: Reading = Reading.PRAGMATIC) -> dict[tuple[str, str], set]:
    """Each failing (article folder name, item) and the rules its explanation names."""
    evaluation = evaluate(load_articles(discover([archive])), reading)
    return {
        (Path(folder).name, item): set(RULE.findall("\n".join(problem_texts(outcome))))
        for (folder, item), outcome in evaluation.outcomes.items()
        if not outcome.passed
    }


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("clean")
    write_archive(out, ARTICLES, seed=1, error_rate=0.0)
    return out


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("broken")
    write_archive(out, ARTICLES, seed=2, error_rate=0.5)
    return out


@pytest.mark.parametrize("reading", list(Reading))
def test_a_clean_archive_passes_every_check(clean: Path, reading: Reading) -> None:
    assert len(discover([clean])) == ARTICLES
    assert failing(clean, reading) == {}
    assert read_ground_truth(clean / GROUND_TRUTH) == []


def test_the_failing_items_are_exactly_the_injected_errors(broken: Path) -> None:
    truth = read_ground_truth(broken / GROUND_TRUTH)
    expected = {(error.article, error.item): {error.rule} for error in truth}
    assert len(expected) == len(truth), "one injected error per item"
    got = failing(broken)
    # An implied relation fails only beside an injected error that makes two claims disagree
    # (a body figure's population edited to "children" is no longer the children's figure).
    implied = {key for key in got if is_implied(key[1])}
    assert {article for article, _ in implied} <= {error.article for error in truth}
    got = {key: rules for key, rules in got.items() if key not in implied}
    missed = {key: rules for key, rules in expected.items() if key not in got}
    false_alarms = {key: rules for key, rules in got.items() if key not in expected}
    assert (missed, false_alarms) == ({}, {})
    assert got == expected


def test_every_error_kind_is_injected(broken: Path) -> None:
    kinds = Counter(error.kind for error in read_ground_truth(broken / GROUND_TRUTH))
    assert set(kinds) == set(ERROR_KINDS)


def test_the_archive_covers_every_rule_unit_and_qualifier_family(clean: Path) -> None:
    claims, rules, qualifiers = Counter(), Counter(), Counter()
    for folder in discover([clean]):
        data = yaml.safe_load((folder / "claims.yaml").read_text("utf-8"))
        claims.update(claim["unit"] for claim in data["claims"])
        qualifiers.update(claim.get("qualifier", "") for claim in data["claims"])
        rules.update(relation["rule"] for relation in data["relations"])
    # event_count counts the meetings of the archive's one reference/events file (read once
    # for all its articles: see ReferenceLibrary).
    assert set(rules) == set(RELATION_MODELS)
    assert {
        "people",
        "count",
        "money",
        "percent",
        "date",
        "days",
        "weeks",
        "months",
        "years",
    } <= set(claims)
    assert {"", "more than", "almost", "about", "at least", "late on"} <= set(qualifiers)


def test_every_quote_of_a_clean_archive_is_in_its_article(clean: Path) -> None:
    for folder in discover([clean]):
        text = (folder / "article.txt").read_text("utf-8")
        data = yaml.safe_load((folder / "claims.yaml").read_text("utf-8"))
        meta = yaml.safe_load((folder / "meta.yaml").read_text("utf-8"))
        assert text.splitlines()[0] == meta["headline"]
        for entry in [*data["claims"], *data.get("ignored", [])]:
            assert entry["quote"] in text


def test_the_same_seed_writes_the_same_archive(tmp_path: Path) -> None:
    def contents(out: Path) -> dict[str, bytes]:
        return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        write_archive(tmp_path / name, 5, seed=seed, error_rate=0.5)
    assert contents(tmp_path / "a") == contents(tmp_path / "b")
    assert contents(tmp_path / "a") != contents(tmp_path / "c")


def test_a_small_archive_is_the_start_of_a_larger_one(tmp_path: Path) -> None:
    small = write_archive(tmp_path / "small", 3, seed=5, error_rate=0.5)
    large = write_archive(tmp_path / "large", 6, seed=5, error_rate=0.5)
    names = {folder.name for folder in discover([tmp_path / "small"])}
    assert names <= {folder.name for folder in discover([tmp_path / "large"])}
    assert [error for error in large.errors if error.article in names] == small.errors


def test_pytest_fails_the_items_the_ground_truth_names(pytester: pytest.Pytester) -> None:
    truth = write_archive(pytester.path / "archive", 4, seed=6, error_rate=1.0).errors
    result = pytester.runpytest("-p", "no:cacheprovider", "-rf", "archive")
    failed = set(
        re.findall(r"^FAILED archive/([^/]+)/claims\.yaml::(\S+)", result.stdout.str(), re.M)
    )
    assert failed == {(error.article, error.item) for error in truth}


def command(argv: list[str]) -> int:
    """Run ``factsuite synth`` through the subcommand this module registers."""
    parser = argparse.ArgumentParser(prog="factsuite")
    add_command(parser.add_subparsers(dest="command", required=True))
    arguments = parser.parse_args(argv)
    return arguments.run(arguments)


def test_the_command_writes_an_archive_and_its_ground_truth(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "archive"
    assert command(["synth", str(out), "--articles", "4", "--seed", "9", "--error-rate", "1"]) == 0
    printed = capsys.readouterr().out
    truth = read_ground_truth(out / GROUND_TRUTH)
    assert "wrote 4 articles" in printed
    assert f"{len(truth)} injected errors" in printed
    assert len(discover([out])) == 4
    assert truth


def test_the_command_refuses_to_write_over_an_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "archive"
    assert command(["synth", str(out), "--articles", "1"]) == 0
    assert command(["synth", str(out), "--articles", "1"]) == 2
    assert "is not empty" in capsys.readouterr().out


def test_the_command_rejects_a_rate_that_is_no_probability() -> None:
    with pytest.raises(SystemExit):
        command(["synth", "out", "--error-rate", "1.5"])
