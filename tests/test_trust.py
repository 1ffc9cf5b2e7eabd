"""No check is reported passed without being evaluated; a finding covers the failure reviewed.

Each broken file of an article is combined with a real error (4.5 million children inside
3.5 million refugees): whatever else is wrong, that error is either caught or the article's
checks are visibly not checked, never passed.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factsuite.checking.engine import Evaluation, Outcome, evaluate, load_articles
from factsuite.commands.cli import main
from factsuite.files.article import Article
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.reports.verdicts import Status, status
from factsuite.reports.wording import failure_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
CLAIMS = "claims.yaml"
CHILDREN = "children-within-refugees"


def copy_of_seed(tmp_path: Path, reference: bool = True) -> Path:
    if reference:
        shutil.copytree(ROOT / "reference", tmp_path / "reference")
    return Path(shutil.copytree(SEED, tmp_path / "facts" / SEED.name))


def replace(folder: Path, old: str, new: str, file: str = CLAIMS) -> None:
    text = (folder / file).read_text("utf-8")
    assert old in text, f"{old!r} not in {file}"
    (folder / file).write_text(text.replace(old, new, 1), "utf-8")


def children_to_4_5_million(folder: Path) -> None:
    replace(
        folder, "more than 1.5 million children", "more than 4.5 million children", "article.txt"
    )
    text = (folder / CLAIMS).read_text("utf-8")
    text = text.replace("more than 1.5 million children", "more than 4.5 million children")
    start = text.index("  - id: children-refugees")
    end = text.index("\n\n", start)
    block = text[start:end].replace("value: 1.5 million", "value: 4.5 million")
    (folder / CLAIMS).write_text(text[:start] + block + text[end:], "utf-8")


def checked(folder: Path) -> tuple[Article, Evaluation]:
    """Loaded and evaluated with one reference library, as the plugin and the command do
    (a fresh library at evaluation would plan the article again and hide a stale plan)."""
    library = ReferenceLibrary()
    articles = load_articles([folder], library)
    evaluation = evaluate(articles, library=library)
    return articles[0], evaluation


def by_name(evaluation: Evaluation, article: Article) -> dict[str, Outcome]:
    return {outcome.item.name: outcome for outcome in evaluation.of(article)}


Breakage = Callable[[Path], None]
BROKEN_FILES: dict[str, Breakage] = {
    "finding-typo": lambda f: replace(f, "- check: body-matches-headline", "- check: body-match"),
    "finding-duplicate": lambda f: replace(
        f, "- check: population[refugees-body]", "- check: body-matches-headline"
    ),
    "relation-dangling": lambda f: replace(
        f, "claims: [refugees-headline, refugees-lead]", "claims: [refugees-headline, nobody]"
    ),
    "relation-unknown-rule": lambda f: replace(f, "rule: same_figure", "rule: same_figures"),
    "claim-typo": lambda f: replace(f, "    qualifier: more than\n", "    qualifer: more than\n"),
    "meta-bad-date": lambda f: replace(
        f, "published: 2022-03-22", "published: 2022-13-22", "meta.yaml"
    ),
    "reference-bad-records": lambda f: (
        f.parents[1] / "reference/unicef-child-refugees/records.csv"
    ).write_text("date,value\nnot-a-date,-3\n", "utf-8"),
}


@pytest.mark.parametrize("kind", BROKEN_FILES)
def test_no_check_of_a_broken_article_passes_unevaluated(tmp_path: Path, kind: str) -> None:
    folder = copy_of_seed(tmp_path)
    children_to_4_5_million(folder)
    BROKEN_FILES[kind](folder)
    article, evaluation = checked(folder)
    outcomes = by_name(evaluation, article)
    if kind.startswith("relation-dangling"):  # a relation's own item says so
        assert not outcomes["headline-matches-lead"].passed
    elif not kind.startswith("reference"):  # a series' errors fail its own schema item
        assert not outcomes["schema"].passed
    if article.is_valid:  # evaluated: the real error is caught
        assert not outcomes[CHILDREN].passed
        assert not outcomes["record[children-refugees]"].passed
    else:  # not evaluated: nothing passes
        assert all(not outcome.passed for outcome in outcomes.values())
    passed = [name for name, o in outcomes.items() if status(o) is Status.PASSED]
    assert CHILDREN not in passed


def test_a_reference_finding_without_reference_folder_says_why(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path, reference=False)
    children_to_4_5_million(folder)
    article, evaluation = checked(folder)
    outcomes = by_name(evaluation, article)
    (error,) = article.finding_errors
    assert "no check is named 'population[refugees-body]'" in error.message
    assert "no reference/ folder found beside facts/" in error.message
    assert not outcomes["schema"].passed
    assert not outcomes[CHILDREN].passed  # the rest is still checked
    assert status(outcomes["body-matches-headline"]) is Status.FINDING  # and its finding holds


def test_a_finding_for_an_unmatched_claim_says_it_is_not_matched(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    replace(folder, "- check: population[refugees-body]", "- check: population[several-rounds]")
    article, _ = checked(folder)
    (error,) = article.finding_errors
    assert "'several-rounds' is not matched to a reference series" in error.message


# -- fingerprints --------------------------------------------------------------------------


def test_the_seed_findings_hold_with_their_fingerprints(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    article, evaluation = checked(folder)
    for outcome in evaluation.of(article):
        if outcome.finding is not None:
            assert outcome.finding.fingerprint == outcome.fingerprint
            assert status(outcome) is Status.FINDING


def test_a_cosmetic_edit_keeps_the_fingerprint(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    text = (folder / CLAIMS).read_text("utf-8")
    (folder / CLAIMS).write_text(text.replace("claims:\n", "# a comment\n\nclaims:\n", 1), "utf-8")
    replace(folder, "\n", "\n\n\n", "article.txt")  # every line of the article moves
    article, evaluation = checked(folder)
    statuses = {o.item.name: status(o) for o in evaluation.of(article)}
    assert statuses["population[refugees-body]"] is Status.FINDING
    assert statuses["body-matches-headline"] is Status.FINDING


def test_a_different_failure_of_a_reviewed_check_fails(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    replace(folder, "population: Ukrainians who fled Ukraine", "population: Poles who fled Ukraine")
    article, evaluation = checked(folder)
    outcome = by_name(evaluation, article)["population[refugees-body]"]
    assert status(outcome) is Status.FAILED
    text = failure_text(f"{article.claims_path}:1", outcome)
    assert "This is not the failure that was reviewed." in text
    assert outcome.finding is not None
    assert f"reviewed   fingerprint {outcome.finding.fingerprint}" in text
    assert f"now        fingerprint {outcome.fingerprint}" in text
    assert "Poles who fled Ukraine" in text


def test_a_finding_without_fingerprint_covers_any_failure(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    text = (folder / CLAIMS).read_text("utf-8")
    text = "\n".join(line for line in text.split("\n") if "fingerprint:" not in line)
    (folder / CLAIMS).write_text(text, "utf-8")
    replace(folder, "population: Ukrainians who fled Ukraine", "population: Poles who fled Ukraine")
    article, evaluation = checked(folder)
    assert status(by_name(evaluation, article)["population[refugees-body]"]) is Status.FINDING


def test_findings_record_writes_a_fingerprint_and_keeps_comments(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_of_seed(tmp_path)
    children_to_4_5_million(folder)
    before = (folder / CLAIMS).read_text("utf-8")
    code = main(
        ["findings", "record", str(folder), "--check", CHILDREN, "--verdict", "inaccurate",
         "--reason", "UNICEF said 1.5 million.", "--reviewed-on", "2026-12-01"]
    )  # fmt: skip
    assert code == 0
    after = (folder / CLAIMS).read_text("utf-8")
    assert after.startswith(before.split("\n", 1)[0])  # the schema comment line is kept
    assert all(line in after for line in before.split("\n") if line.strip().startswith("#"))
    article, evaluation = checked(folder)
    outcome = by_name(evaluation, article)[CHILDREN]
    assert outcome.finding is not None
    assert outcome.finding.fingerprint == outcome.fingerprint
    assert status(outcome) is Status.FINDING
    # A file mistake cannot be recorded: it is fixed.
    assert main(["findings", "record", str(folder), "--check", "coverage", "--verdict",
                 "inaccurate", "--reason", "x"]) == 1  # fmt: skip
    assert "no failure to record" in capsys.readouterr().err


def test_findings_refresh_rewrites_fingerprints(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    replace(folder, "population: Ukrainians who fled Ukraine", "population: Poles who fled Ukraine")
    assert main(["findings", "refresh", str(folder)]) == 0
    article, evaluation = checked(folder)
    for outcome in evaluation.of(article):
        if outcome.finding is not None and not outcome.passed:
            assert status(outcome) is Status.FINDING


# -- drafts and footers ------------------------------------------------------------------------


def test_drafts_fail_the_command_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_of_seed(tmp_path)
    replace(folder, "  - id: children-refugees\n", "  - id: children-refugees\n    status: draft\n")
    assert main(["check", str(folder), "-j", "1"]) == 0
    capsys.readouterr()
    assert main(["check", str(folder), "-j", "1", "--fail-on-drafts"]) == 1
    out = capsys.readouterr().out
    assert "it checks a draft claim (children-refugees)" in out


def test_the_footer_fits_the_rule(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    children_to_4_5_million(folder)
    replace(folder, "quote: Since the start of the war", "quote: Since the start of the wars")
    article, evaluation = checked(folder)
    outcomes = by_name(evaluation, article)
    ignored = failure_text("x/claims.yaml:1", outcomes["ignored-mentions"])
    assert "Fix the file" in ignored
    assert "findings record" not in ignored
    relation = failure_text(f"{article.claims_path}:1", outcomes[CHILDREN])
    assert f"factsuite findings record {folder} --check '{CHILDREN}'" in relation


pytest_plugins = ["pytester"]


def test_pytest_fails_drafts_and_unreviewed_failures_when_asked(pytester: pytest.Pytester) -> None:
    folder = copy_of_seed(pytester.path)
    replace(folder, "  - id: children-refugees\n", "  - id: children-refugees\n    status: draft\n")
    replace(folder, "population: Ukrainians who fled Ukraine", "population: Poles who fled Ukraine")
    args = ("-p", "no:cacheprovider", "facts")
    result = pytester.runpytest(*args)
    outcomes = result.parseoutcomes()
    assert "population[refugees-body] failed" in result.stdout.str()
    assert "This is not the failure that was reviewed." in result.stdout.str()
    skipped = outcomes["skipped"]
    assert skipped > 0
    assert "failed" in outcomes
    failed_before = outcomes["failed"]
    result = pytester.runpytest("--factsuite-fail-on-drafts", *args)
    assert result.parseoutcomes()["failed"] == failed_before + skipped
    assert "not checked: it checks a draft claim (children-refugees)" in result.stdout.str()
    pytester.makeini("[pytest]\nfactsuite_fail_on_drafts = true\n")
    assert pytester.runpytest(*args).parseoutcomes()["failed"] == failed_before + skipped


def test_an_unreadable_series_leaves_its_claims_not_checked(tmp_path: Path) -> None:
    """Whatever their population, claims of a series whose records cannot be read fail
    visibly (series_known), and a finding recorded for another failure does not hide it."""
    folder = copy_of_seed(tmp_path)
    records = tmp_path / "reference" / "unhcr-refugees" / "records.csv"
    records.write_text("date,value\nnot-a-date,-3\n", "utf-8")
    article, evaluation = checked(folder)
    outcomes = by_name(evaluation, article)
    for claim in ("refugees-lead", "refugees-headline", "refugees-body"):
        for rule in ("record", "population", "stale"):
            outcome = outcomes[f"{rule}[{claim}]"]
            assert status(outcome) is Status.FAILED, outcome.item.name
            assert outcome.problems[0].rule == "series_known"


def test_one_item_per_article_fails_on_drafts_and_unreviewed_failures(
    pytester: pytest.Pytester,
) -> None:
    folder = copy_of_seed(pytester.path)
    replace(folder, "  - id: children-refugees\n", "  - id: children-refugees\n    status: draft\n")
    args = ("-p", "no:cacheprovider", "--factsuite-items=article", "facts")
    # skipped as needing review, as its draft checks are in per-check mode, never passed
    assert pytester.runpytest(*args).parseoutcomes() == {"skipped": 1}
    result = pytester.runpytest("--factsuite-fail-on-drafts", *args)
    assert result.parseoutcomes() == {"failed": 1}
    assert "it checks a draft claim (children-refugees)" in result.stdout.str()
    replace(folder, "    status: draft\n", "")
    replace(folder, "population: Ukrainians who fled Ukraine", "population: Poles who fled Ukraine")
    result = pytester.runpytest(*args)
    assert result.parseoutcomes() == {"failed": 1}
    assert "This is not the failure that was reviewed." in result.stdout.str()


@settings(max_examples=25, deadline=None)
@given(
    file=st.sampled_from(["claims.yaml", "meta.yaml", "article.txt"]),
    fraction=st.floats(min_value=0, max_value=1, exclude_max=True),
)
def test_deleting_any_line_never_lets_the_real_error_pass(file: str, fraction: float) -> None:
    """With 4.5 million children inside 3.5 million refugees, no single deleted line of any
    file makes the part check pass: it fails, or the article is visibly not checked."""
    with tempfile.TemporaryDirectory() as temporary:
        folder = copy_of_seed(Path(temporary))
        children_to_4_5_million(folder)
        lines = (folder / file).read_text("utf-8").split("\n")
        del lines[int(fraction * len(lines))]
        (folder / file).write_text("\n".join(lines), "utf-8")
        article, evaluation = checked(folder)
        outcomes = by_name(evaluation, article)
        if CHILDREN in outcomes:
            assert status(outcomes[CHILDREN]) is not Status.PASSED
        if not article.is_valid:
            assert all(not outcome.passed for outcome in outcomes.values())


def test_pytest_reports_a_bad_finding_and_still_checks_the_article(
    pytester: pytest.Pytester,
) -> None:
    """The case of #14: a finding's typo used to leave every other check passed unevaluated."""
    folder = copy_of_seed(pytester.path)
    children_to_4_5_million(folder)
    BROKEN_FILES["finding-typo"](folder)
    result = pytester.runpytest("-p", "no:cacheprovider", "-rf", "facts")
    out = result.stdout.str()
    failed = {
        line.split("::", 1)[1].split(" ")[0]
        for line in out.split("\n")
        if line.startswith("FAILED ")
    }
    assert failed == {
        "schema",  # the bad finding, located
        "body-matches-headline",  # the check it meant: no finding covers it now
        CHILDREN,  # and the real error, evaluated
        "share-holds-children",
        "record[children-refugees]",
    }
    assert "no check is named 'body-match'" in out
    assert "did you mean 'body-matches-headline'" in out
    assert "XPASS" not in out  # the other finding still holds: no advice to delete it
    assert result.parseoutcomes()["xfailed"] == 1
