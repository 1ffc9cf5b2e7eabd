"""Greens that could lie, found by trying the ways people run the suite (round five's hunt).

Each test breaks the seed as a user's slip would (a misspelled setting in the ini file, a
baseline path that does not exist, a draft left in an article checked as one item) and
asserts what the user needs: the run does not pass, the exit code says so, and the message
names the file and the setting.  The paths that held up are listed in docs/robustness.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_plugin import (
    MUTATION_FAILURES,
    SEED_ID,
    failed_ids,
    mutate_children,
    replace_in,
    run,
    seed,
)

from factsuite.checking.rules.quote_in_article import other_spacing

__all__ = ["seed"]  # the fixture, used by name

DRAFT_CHILDREN = ("    as_of: 2022-03-15\n", "    as_of: 2022-03-15\n    status: draft\n")


def run_apart(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """``pytest facts`` in a process of its own, as a user runs it (an evaluation in this one
    would import numpy a second time)."""
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", *args, "facts")


def make_children_a_draft(folder: Path) -> None:
    """The wrong children's figure, left as a draft: its 7 checks need review."""
    mutate_children(folder)
    replace_in(folder / "claims.yaml", *DRAFT_CHILDREN)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("factsuite_fail_on_draft = true", "factsuite_fail_on_drafts"),
        ("factsuite-fail-on-drafts = true", "factsuite_fail_on_drafts"),
        ("facsuite_reading = strict", "factsuite_reading"),
    ],
)
def test_a_misspelled_setting_stops_the_run_instead_of_being_ignored(
    pytester: pytest.Pytester, seed: Path, written: str, meant: str
) -> None:
    """pytest only warns about an unknown ini key, so a CI file that meant to fail drafts ran
    green with the wrong figure skipped.  A key that is, or nearly is, one of factsuite's own
    stops the run with the file and the key."""
    make_children_a_draft(seed)
    pytester.makeini(f"[pytest]\n{written}\n")
    result = run(pytester)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    error = result.stderr.str()
    key = written.split(" =")[0]
    assert f"tox.ini: {key}: not a factsuite setting; did you mean {meant}?" in error
    assert "Traceback" not in error


def test_other_plugins_settings_are_left_to_pytest(pytester: pytest.Pytester, seed: Path) -> None:
    """Only factsuite's own settings are ours to judge: another unknown key keeps pytest's
    warning, and the run goes on."""
    pytester.makeini("[pytest]\ntimeout_method = thread\n")
    result = run_apart(pytester)
    assert result.ret == pytest.ExitCode.OK
    result.stdout.fnmatch_lines(["*Unknown config option: timeout_method*"])


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("factsuite_reading = stricct", "factsuite_reading = 'stricct': give one of strict, "),
        ("factsuite_fail_on_drafts = ture", "factsuite_fail_on_drafts: invalid truth value 'ture'"),
        ("factsuite_cache = flase", "factsuite_cache = 'flase': give true or false"),
    ],
)
def test_a_setting_with_a_wrong_value_is_a_usage_error_not_a_traceback(
    pytester: pytest.Pytester, seed: Path, written: str, said: str
) -> None:
    """Before, a misspelled reading raised a ValueError with a traceback from collection, and
    a misspelled false for the cache was read as true."""
    pytester.makeini(f"[pytest]\n{written}\n")
    result = run(pytester)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert said in result.stderr.str()
    assert "Traceback" not in result.stdout.str() + result.stderr.str()


def test_a_baseline_that_cannot_be_read_stops_the_run_before_any_check(
    pytester: pytest.Pytester, seed: Path
) -> None:
    """A misspelled baseline path used to be read only when a check failed: a passing run
    never said the file was missing, and a failing one turned each failure and each recorded
    finding into a traceback of a UsageError."""
    for article in (seed, None):
        if article is not None:
            mutate_children(article)
        result = run(pytester, "--factsuite-baseline", "verdict.json")
        assert result.ret == pytest.ExitCode.USAGE_ERROR
        assert "verdict.json: not a verdicts file written by factsuite check" in (
            result.stderr.str()
        )


def test_an_article_item_with_drafts_is_not_reported_as_passed(
    pytester: pytest.Pytester, seed: Path
) -> None:
    """One item per article: its draft checks were not evaluated, so the item is skipped as
    needing review, as each of them is in per-check mode; never counted as passed."""
    make_children_a_draft(seed)
    result = run_apart(pytester, "--factsuite-items=article", "-rs")
    assert result.ret == pytest.ExitCode.OK
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) == 0
    assert outcomes["skipped"] == 1
    result.stdout.fnmatch_lines(["*7 checks of draft claims need review*"])
    failing = run_apart(pytester, "--factsuite-items=article", "--factsuite-fail-on-drafts")
    assert failing.ret == pytest.ExitCode.TESTS_FAILED


def test_an_article_item_with_drafts_still_fails_on_a_reviewed_failure(
    pytester: pytest.Pytester, seed: Path
) -> None:
    """Skipping for the drafts never hides a failure of the reviewed claims."""
    make_children_a_draft(seed)
    replace_in(seed / "article.txt", "some 90 percent", "some 20 percent")
    replace_in(seed / "claims.yaml", "value: 90 percent", "value: 20 percent")
    per_check = run_apart(pytester)
    assert per_check.ret == pytest.ExitCode.TESTS_FAILED
    assert failed_ids(per_check)
    assert not failed_ids(per_check) & MUTATION_FAILURES  # the draft's checks are skipped
    result = run_apart(pytester, "--factsuite-items=article")
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_the_settings_judged_are_the_ones_registered(pytestconfig: pytest.Config) -> None:
    """``settings.SETTINGS`` (what a misspelling is matched against) is every ini setting the
    plugin registers, so a new setting is not judged unknown."""
    from factsuite.pytest_plugin.settings import SETTINGS

    registered = {name for name in pytestconfig._parser._inidict if name.startswith("factsuite")}
    assert registered == set(SETTINGS)


@pytest.mark.parametrize(
    ("file", "old", "new", "said"),
    [
        (
            "unicef-child-refugees/series.yaml",
            "agency:",
            "agncy:",
            "unicef-child-refugees/series.yaml:4: agncy: unknown key 'agncy'",
        ),
        (
            "populations.yaml",
            "part_of: [people-who-fled-ukraine]",
            "part-of: [people-who-fled-ukraine]",
            "reference/populations.yaml:",
        ),
    ],
)
@pytest.mark.parametrize("items", ["check", "article"])
def test_a_typo_in_the_reference_folder_fails_pytest_facts(
    pytester: pytest.Pytester, seed: Path, file: str, old: str, new: str, said: str, items: str
) -> None:
    """``pytest facts/`` (the README's main job) does not collect ``reference/``, and a series
    whose series.yaml does not validate matches no claim: the children's record, population
    and stale checks were not collected at all and the run was green (``factsuite check``
    said it).  Now the first article checked against the folder fails with its mistakes."""
    replace_in(pytester.path / "reference" / file, old, new)
    result = run_apart(pytester, f"--factsuite-items={items}")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert said in result.stdout.str()
    if items == "check":
        assert failed_ids(result) == {"reference"}


def test_a_series_with_no_records_leaves_its_claims_not_checked_with_the_reason(
    pytester: pytest.Pytester, seed: Path
) -> None:
    """A records.csv with its header alone made the evaluation raise (a comparison of dates
    with nothing): every check of the article failed as "could not be evaluated", with the
    advice to fix the claims.  Now the series is unusable, said with its file, and only the
    claims it would check fail, as not checked."""
    records = pytester.path / "reference" / "unicef-child-refugees" / "records.csv"
    records.write_text(records.read_text("utf-8").split("\n")[0] + "\n", "utf-8")
    result = run_apart(pytester)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    output = result.stdout.str()
    assert "could not check this article" not in output
    assert "unicef-child-refugees/records.csv: holds no records" in output
    assert failed_ids(result) == {
        "record[children-refugees]",
        "population[children-refugees]",
        "stale[children-refugees]",
        "reference",
    }


@pytest.mark.parametrize(
    ("check", "break_it"),
    [
        ("coverage", ("article.txt", "fled.\n", "fled, and 200,000 went to Moldova.\n")),
        (
            "grounding[children-refugees]",
            ("article.txt", "children are among the", "children are amongst the"),
        ),
        ("schema", ("claims.yaml", "- id: refugees-body", "- id: refugees-headline")),
    ],
)
def test_a_hand_written_finding_cannot_cover_a_mistake_in_the_files(
    pytester: pytest.Pytester, seed: Path, check: str, break_it: tuple[str, str, str]
) -> None:
    """``findings record`` refuses a finding for schema, grounding or coverage (a mistake in
    the files is fixed, not recorded), but one written by hand, without a fingerprint, was
    applied: a new unclaimed figure, a misquote or a misspelled key became an xfail and the
    run passed.  Such a finding now fails ``schema`` with its line, and covers nothing."""
    claims = seed / "claims.yaml"
    claims.write_text(
        claims.read_text("utf-8")
        + f"  - check: {check}\n    verdict: acceptable\n    reason: looked at by hand\n",
        "utf-8",
    )
    name, old, new = break_it
    replace_in(seed / name, old, new)
    result = run_apart(pytester, "-rfx")
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    assert "schema" in failed_ids(result)
    output = result.stdout.str()
    if check != "schema":  # a file that does not validate has its findings read no further
        assert f"findings[3].check: {check!r} checks the files, not the article" in output
    assert f"XFAIL {SEED_ID}::{check} " not in output


def test_a_quote_that_differs_only_in_spacing_says_where_and_how(
    pytester: pytest.Pytester, seed: Path
) -> None:
    """A no-break space pasted from a web page made the quote and its nearest text print the
    same: a red with nothing to fix in sight.  The failure now names the character."""
    nbsp = "3.5\u00a0million people to flee"
    replace_in(seed / "article.txt", "3.5 million people to flee", nbsp)
    result = run_apart(pytester, "-rf")
    assert failed_ids(result) >= {"grounding[refugees-lead]"}
    result.stdout.fnmatch_lines(
        [
            "*The article has these words with other spacing (article.txt:1, column *): "
            "U+00A0 NO-BREAK SPACE.*"
        ]
    )


words = st.lists(st.text(alphabet="abcdefghij0123456789.", min_size=1, max_size=6), min_size=2)


@given(words=words, where=st.integers(min_value=0), odd=st.sampled_from(["\u00a0", "\u2009", "  "]))
def test_other_spacing_names_the_odd_space_wherever_it_is(
    words: list[str], where: int, odd: str
) -> None:
    quote = " ".join(words)
    gaps = len(words) - 1
    spaced = [*words[:1]]
    for index, word in enumerate(words[1:]):
        spaced.append(odd if index == where % gaps else " ")
        spaced.append(word)
    article = "Before. " + "".join(spaced) + " after."
    said = other_spacing(article, quote)
    assert said is not None
    assert ("two spaces in a row" if odd == "  " else f"U+{ord(odd):04X}") in said
    assert other_spacing("nothing alike here", quote) is None


def test_an_article_dropped_in_without_claims_fails_until_they_are_drafted(
    pytester: pytest.Pytester, seed: Path
) -> None:
    """A folder holding only article.txt was not collected: an article in facts/ that no
    check saw, and a green run.  It now fails ``schema`` with the command that drafts its
    claims, and that command keeps the text it was given."""
    new = pytester.path / "facts" / "2022-03-23-unclaimed"
    new.mkdir()
    text = new / "article.txt"
    text.write_bytes((seed / "article.txt").read_bytes())

    result = run_apart(pytester)
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    result.stdout.fnmatch_lines(["FAILED facts/2022-03-23-unclaimed/article.txt::schema*"])
    expected = (
        f"factsuite new {new.relative_to(pytester.path)} --from {text.relative_to(pytester.path)}"
    )
    assert "the folder has no claims.yaml" in result.stdout.str()
    assert f"hint: draft them from the text: {expected}" in result.stdout.str()

    drafted = pytester.run(*expected.split(), "--published", "2022-03-22")
    assert drafted.ret == 0, drafted.stderr.str()
    assert "beside its article.txt" in drafted.stdout.str()
    assert text.read_bytes() == (seed / "article.txt").read_bytes()
    assert (new / "claims.yaml").is_file()
    assert (new / "meta.yaml").is_file()


def test_drafting_into_a_folder_whose_text_differs_writes_nothing(
    pytester: pytest.Pytester, seed: Path
) -> None:
    new = pytester.path / "facts" / "2022-03-23-other"
    new.mkdir()
    (new / "article.txt").write_text("An older text of 12 lines.\n", "utf-8")
    drafted = pytester.run(
        "factsuite",
        "new",
        str(new),
        "--from",
        str(seed / "article.txt"),
        "--published",
        "2022-03-22",
    )
    assert drafted.ret == 1
    assert "already has article.txt: nothing written" in drafted.stderr.str()
    assert sorted(path.name for path in new.iterdir()) == ["article.txt"]
