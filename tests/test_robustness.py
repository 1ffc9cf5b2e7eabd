"""Hostile input beyond tests/test_bad_input.py: limits, huge figures and links.

Each case breaks a copy of the seed article and checks it beside an untouched copy, through
the engine as the plugin and the command run it.  Nothing may raise; the broken article
fails with its file, line and a hint, and the untouched one keeps every verdict it has alone.
"""

from __future__ import annotations

import shutil
import tracemalloc
from pathlib import Path

import pytest

from factsuite.checking.engine import Evaluation, evaluate, load_articles
from factsuite.files.article import Article, discover
from factsuite.files.loading import FactFileError, LocatedError, load_yaml
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "2022-03-22-kremlin-talks"
SEED = ROOT / "facts" / SEED_NAME
CLAIMS = "claims.yaml"

pytest_plugins = ["pytester"]

BILLION_LAUGHS = "\n".join(
    [
        'lol1: &lol1 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(
            f"lol{level}: &lol{level} [{', '.join([f'*lol{level - 1}'] * 9)}]"
            for level in range(2, 10)
        ),
        "claims: *lol9",
        "",
    ]
)
"""Nine levels of nine aliases: 10**9 strings once expanded, from 700 bytes."""


# -- helpers -------------------------------------------------------------------------------


@pytest.fixture
def facts(tmp_path: Path) -> Path:
    """A facts tree with the reference folder beside it, as in the repository."""
    if (ROOT / "reference").is_dir():
        shutil.copytree(ROOT / "reference", tmp_path / "reference")
    return tmp_path / "facts"


def copy_of_seed(facts: Path, name: str = SEED_NAME) -> Path:
    return Path(shutil.copytree(SEED, facts / name))


def edit(folder: Path, old: str, new: str, file: str = CLAIMS, count: int = 1) -> None:
    text = (folder / file).read_text("utf-8")
    assert old in text, f"{old!r} is not in the seed's {file}"
    (folder / file).write_text(text.replace(old, new, count), "utf-8")


def line_of(folder: Path, text: str, file: str = CLAIMS) -> int:
    lines = (folder / file).read_text("utf-8").split("\n")
    return next(number for number, line in enumerate(lines, 1) if text in line)


def checked(*folders: Path) -> tuple[list[Article], Evaluation]:
    articles = load_articles(list(folders))
    return articles, evaluate(articles)


def verdicts(evaluation: Evaluation, article: Article) -> list[tuple]:
    return [
        (o.item.name, o.item.line, o.problems, o.finding is not None)
        for o in evaluation.of(article)
    ]


def beside_a_valid_copy(broken: Path) -> tuple[Article, Evaluation]:
    """Check ``broken`` beside an untouched copy, which must keep all its verdicts."""
    valid = copy_of_seed(broken.parent, "untouched")
    (alone,), alone_evaluation = checked(valid)
    assert alone.errors == [], "\n".join(map(str, alone.errors))
    (article, untouched), evaluation = checked(broken, valid)
    assert untouched.claim_count == alone.claim_count > 0
    assert verdicts(evaluation, untouched) == verdicts(alone_evaluation, alone)
    assert len(evaluation.of(untouched)) > 40
    return article, evaluation


def refusal(article: Article, evaluation: Evaluation, path: Path) -> LocatedError:
    """The one error of an article that fails as a whole, as its schema item shows it."""
    assert [o.item.name for o in evaluation.of(article)] == ["schema"]
    (error,) = article.errors
    assert error.path == path
    (text,) = problem_texts(evaluation.outcome(article, "schema"))
    assert text == str(error)
    assert "Traceback" not in text
    return error


def claim_failure(evaluation: Evaluation, article: Article, item: str, line: int) -> str:
    """The text of a claim's failing item, which must point at the claim's line."""
    outcome = evaluation.outcome(article, item)
    assert not outcome.passed
    assert outcome.item.line == line
    (text,) = problem_texts(outcome)
    assert f"(claims.yaml:{line})" in text
    return text


# -- limits: aliases, nesting, size --------------------------------------------------------


def test_an_alias_bomb_is_refused_at_once(facts: Path) -> None:
    folder = copy_of_seed(facts)
    (folder / CLAIMS).write_text(BILLION_LAUGHS, "utf-8")

    article, evaluation = beside_a_valid_copy(folder)
    error = refusal(article, evaluation, folder / CLAIMS)
    # lol3 stands for 820 values, so the first *lol3 takes the total over 1,000.
    assert error.line == line_of(folder, "lol4:")
    assert error.message == "aliases expand to more than 1,000 values (here, at *lol3)"
    assert error.hint == (
        "write the values out, or raise the limit: FACTSUITE_MAX_ALIASES (now 1000)"
    )
    assert article.claim_count == 0

    tracemalloc.start()
    with pytest.raises(FactFileError):
        load_yaml(folder / CLAIMS)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 10_000_000  # a billion values expanded would need gigabytes


def shared_as_of(folder: Path) -> list[int]:
    """Write the seed's repeated ``as_of: 2022-03-22`` once, as an anchor, then as aliases."""
    edit(folder, "    as_of: 2022-03-22\n", "    as_of: &today 2022-03-22\n")
    edit(folder, "    as_of: 2022-03-22\n", "    as_of: *today\n", count=-1)
    text = (folder / CLAIMS).read_text("utf-8").split("\n")
    return [number for number, line in enumerate(text, 1) if line == "    as_of: *today"]


def test_the_alias_limit_is_set_by_its_variable(
    facts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_of_seed(facts, "aliased")
    aliases = shared_as_of(folder)
    assert len(aliases) >= 3

    monkeypatch.setenv("FACTSUITE_MAX_ALIASES", "2")
    (article,), evaluation = checked(folder)
    error = refusal(article, evaluation, folder / CLAIMS)
    assert error.line == aliases[2]
    assert "aliases expand to more than 2 values (here, at *today)" in error.message
    assert error.hint == "write the values out, or raise the limit: FACTSUITE_MAX_ALIASES (now 2)"

    monkeypatch.delenv("FACTSUITE_MAX_ALIASES")
    article, evaluation = beside_a_valid_copy(folder)
    untouched = next(a for a in evaluation.articles if a is not article)
    assert article.errors == []
    assert [v[2:] for v in verdicts(evaluation, article)] == [
        v[2:] for v in verdicts(evaluation, untouched)
    ]


def test_ten_thousand_brackets_are_a_located_error(facts: Path) -> None:
    folder = copy_of_seed(facts)
    (folder / CLAIMS).write_text("claims: " + "[" * 10_000 + "]" * 10_000 + "\n", "utf-8")
    article, evaluation = beside_a_valid_copy(folder)  # no RecursionError, no crash
    error = refusal(article, evaluation, folder / CLAIMS)
    assert error.line == 1
    assert "maximum nesting depth" in error.message
    assert "FACTSUITE_MAX_DEPTH" in error.hint


def test_five_hundred_nested_lists_are_a_located_error(facts: Path) -> None:
    """Block style, a level a line: the YAML parser would take it, the depth limit does not."""
    folder = copy_of_seed(facts)
    nested = "".join("  " * level + "-\n" for level in range(500))
    (folder / CLAIMS).write_text("claims:\n" + nested, "utf-8")
    article, evaluation = beside_a_valid_copy(folder)
    error = refusal(article, evaluation, folder / CLAIMS)
    assert error.line == 51  # the file's mapping, then a list a line from line 2
    assert error.message == "nested more than 50 levels deep"
    assert error.hint == "flatten the structure, or raise the limit: FACTSUITE_MAX_DEPTH (now 50)"


def test_the_depth_limit_is_set_by_its_variable(
    facts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_of_seed(facts)
    notes = "    notes: " + "[" * 60 + "]" * 60
    measure = "    measure: duration of the war so far\n"
    edit(folder, measure, f"{notes}\n{measure}")
    line = line_of(folder, notes)

    (article,), evaluation = checked(folder)
    error = refusal(article, evaluation, folder / CLAIMS)
    assert (error.line, error.message) == (line, "nested more than 50 levels deep")

    monkeypatch.setenv("FACTSUITE_MAX_DEPTH", "100")
    article, evaluation = beside_a_valid_copy(folder)
    # Read now, the list is what the model refuses, with its field.
    (error,) = article.errors
    assert (error.line, error.field) == (line, "claims[1] (conflict-almost-a-month).notes")
    assert "valid string" in error.message


def test_a_depth_limit_raised_past_the_stack_still_gives_an_error(
    facts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_of_seed(facts)
    (folder / CLAIMS).write_text("claims: " + "[" * 900 + "]" * 900 + "\n", "utf-8")
    monkeypatch.setenv("FACTSUITE_MAX_DEPTH", "100000")
    article, evaluation = beside_a_valid_copy(folder)  # the RecursionError stays inside
    error = refusal(article, evaluation, folder / CLAIMS)
    assert error.message == "nested too deeply to be built"
    assert "FACTSUITE_MAX_DEPTH (now 100000)" in error.hint


def padded(folder: Path, size: int) -> int:
    """Pad claims.yaml with comment lines to ``size`` bytes; the claims stay as they were."""
    path = folder / CLAIMS
    text = path.read_text("utf-8")
    line = "# padding: a very large file that holds nothing more\n"
    path.write_text(text + line * ((size - len(text)) // len(line) + 1), "utf-8")
    return path.stat().st_size


def test_a_very_large_file_is_refused_before_it_is_parsed(facts: Path) -> None:
    folder = copy_of_seed(facts)
    size = padded(folder, 1_200_000)
    article, evaluation = beside_a_valid_copy(folder)
    error = refusal(article, evaluation, folder / CLAIMS)
    assert error.line is None
    assert error.message == f"the file is {size:,} bytes, over the limit of 1,000,000"
    assert error.hint == (
        "split the file, or raise the limit: FACTSUITE_MAX_FILE_BYTES (now 1000000)"
    )


def test_the_size_limit_is_set_by_its_variable(
    facts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_of_seed(facts)
    padded(folder, 1_200_000)
    monkeypatch.setenv("FACTSUITE_MAX_FILE_BYTES", "2000000")
    article, evaluation = beside_a_valid_copy(folder)
    untouched = next(a for a in evaluation.articles if a is not article)
    assert article.errors == []
    assert [v[2:] for v in verdicts(evaluation, article)] == [
        v[2:] for v in verdicts(evaluation, untouched)
    ]


def test_the_size_limit_covers_the_article_text(facts: Path) -> None:
    folder = copy_of_seed(facts)
    (folder / "article.txt").write_text("A wall of text. " * 70_000, "utf-8")
    article, _ = beside_a_valid_copy(folder)
    (error,) = article.errors
    assert error.path == folder / "article.txt"
    assert "over the limit of 1,000,000" in error.message


@pytest.mark.parametrize("written", ["lots", "-1", "1e6", "2.5"])
def test_a_limit_set_to_nonsense_is_named_in_every_file(
    facts: Path, monkeypatch: pytest.MonkeyPatch, written: str
) -> None:
    folder = copy_of_seed(facts)
    monkeypatch.setenv("FACTSUITE_MAX_FILE_BYTES", written)
    (article,), evaluation = checked(folder)
    assert [o.item.name for o in evaluation.of(article)] == ["schema"]
    assert {error.path.name for error in article.errors} == {
        "article.txt",
        "meta.yaml",
        CLAIMS,
    }
    for error in article.errors:
        assert error.message == (
            f"FACTSUITE_MAX_FILE_BYTES={written!r} is not a whole number: set it to one, "
            "such as 1000000 (the default), or unset it"
        )


# -- figures: infinity, huge and negative counts -------------------------------------------


@pytest.mark.parametrize("written", [".inf", "-.inf", "1e400", "1e308 million"])
def test_infinity_is_not_a_figure(facts: Path, written: str) -> None:
    folder = copy_of_seed(facts)
    edit(folder, "    value: 3.5 million\n", f"    value: {written}\n")
    article, evaluation = beside_a_valid_copy(folder)
    assert article.is_valid  # the file is fine; the claim's own schema item fails
    line = line_of(folder, "  - id: refugees-lead")
    text = claim_failure(evaluation, article, "schema[refugees-lead]", line)
    assert text.startswith(f'[value_readable] The value "{written}" cannot be read')


def test_a_huge_count_is_checked_not_crashed_on(facts: Path) -> None:
    folder = copy_of_seed(facts)
    edit(folder, "    value: 3.5 million\n", "    value: 99999999999999999999999 million\n")
    article, evaluation = beside_a_valid_copy(folder)
    line = line_of(folder, "  - id: refugees-lead")
    text = claim_failure(evaluation, article, "grounding[refugees-lead]", line)
    assert 'the quote does not contain the value "99999999999999999999999 million"' in text


def test_a_negative_count_fails_the_claims_schema_item(facts: Path) -> None:
    folder = copy_of_seed(facts)
    edit(folder, "    value: 3.5 million\n", "    value: -5\n")
    article, evaluation = beside_a_valid_copy(folder)
    line = line_of(folder, "  - id: refugees-lead")
    text = claim_failure(evaluation, article, "schema[refugees-lead]", line)
    assert '"-5"' in text
    assert "negative" in text


def test_a_count_beyond_any_float_fails_its_schema_item(facts: Path) -> None:
    folder = copy_of_seed(facts)
    edit(folder, "    value: 3.5 million\n", f"    value: {'9' * 400}\n")
    article, evaluation = beside_a_valid_copy(folder)
    line = line_of(folder, "  - id: refugees-lead")
    assert "more than 30 digits" in claim_failure(
        evaluation, article, "schema[refugees-lead]", line
    )


def test_a_count_too_large_for_any_newsroom_fails_its_schema_item(facts: Path) -> None:
    folder = copy_of_seed(facts)
    edit(folder, "    value: 3.5 million\n", "    value: 99999999999999999999999 million\n")
    article, evaluation = beside_a_valid_copy(folder)
    line = line_of(folder, "  - id: refugees-lead")
    text = claim_failure(evaluation, article, "schema[refugees-lead]", line)
    assert "too large to be a count" in text


def test_a_figure_of_5000_digits_fails_its_schema_item(facts: Path) -> None:
    folder = copy_of_seed(facts)
    edit(folder, "    value: 3.5 million\n", f"    value: {'9' * 5_000}\n")
    article, evaluation = beside_a_valid_copy(folder)
    line = line_of(folder, "  - id: refugees-lead")
    assert "more than 30 digits" in claim_failure(
        evaluation, article, "schema[refugees-lead]", line
    )


# -- empty claims ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        pytest.param("# nothing yet\n\n", "holds 0 YAML documents", None, id="comments-only"),
        pytest.param("claims: []\n", "at least 1 item", 1, id="no-claims"),
        pytest.param("claims:\n", "valid list", 1, id="claims-null"),
    ],
)
def test_a_claims_file_without_claims_fails_and_says_so(
    facts: Path, text: str, message: str, line: int | None
) -> None:
    folder = copy_of_seed(facts)
    (folder / CLAIMS).write_text(text, "utf-8")
    article, evaluation = beside_a_valid_copy(folder)
    error = refusal(article, evaluation, folder / CLAIMS)
    assert message in error.message
    assert error.line == line
    assert article.claim_count == 0


# -- links -------------------------------------------------------------------------------------


def outside_secret(facts: Path) -> Path:
    secret = facts.parent / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("claims: [the password is hunter2]\n", "utf-8")
    return secret


@pytest.mark.parametrize("name", [CLAIMS, "article.txt", "meta.yaml"])
def test_a_file_linked_out_of_the_tree_is_not_read(facts: Path, name: str) -> None:
    folder = copy_of_seed(facts)
    secret = outside_secret(facts)
    (folder / name).unlink()
    (folder / name).symlink_to(secret)

    article, evaluation = beside_a_valid_copy(folder)

    error = refusal(article, evaluation, folder / name)
    assert error.line is None
    assert error.message == f"{name} is a link to {secret.resolve()}, outside {facts.resolve()}"
    assert error.hint == (
        "links are followed only inside the tree being checked: copy the file into it"
    )
    assert "hunter2" not in str(evaluation.outcomes)


def test_a_folder_linked_out_of_the_tree_is_found_and_refused(facts: Path) -> None:
    outside = copy_of_seed(facts.parent / "outside")
    facts.mkdir()
    (facts / "borrowed").symlink_to(outside, target_is_directory=True)

    folders = discover([facts])
    assert folders == [facts / "borrowed"]  # listed, so it cannot vanish unseen
    article, evaluation = beside_a_valid_copy(facts / "borrowed")
    error = refusal(article, evaluation, facts / "borrowed")
    assert error.message == (
        f"borrowed is a link to {outside.resolve()}, outside {facts.resolve()}"
    )


def test_discover_does_not_walk_into_a_linked_tree(facts: Path) -> None:
    copy_of_seed(facts.parent / "elsewhere" / "year")
    copy_of_seed(facts, "here")
    (facts / "archive").symlink_to(facts.parent / "elsewhere", target_is_directory=True)
    assert discover([facts]) == [facts / "here"]


def test_links_inside_the_tree_are_followed(facts: Path) -> None:
    seed = copy_of_seed(facts)
    shared = facts / "shared"
    shared.mkdir()
    shutil.move(seed / "article.txt", shared / "seed-text.txt")  # not an article of its own
    (seed / "article.txt").symlink_to(Path("..") / "shared" / "seed-text.txt")
    (facts / "same-seed").symlink_to(SEED_NAME, target_is_directory=True)

    assert discover([facts]) == [seed]  # the linked folder is the same article, once
    article, evaluation = beside_a_valid_copy(seed)
    assert article.errors == []
    (linked,), linked_evaluation = checked(facts / "same-seed")
    assert linked.errors == []
    assert [v[2:] for v in verdicts(linked_evaluation, linked)] == [
        v[2:] for v in verdicts(evaluation, article)
    ]


# -- the run as a user reads it ----------------------------------------------------------------


def test_the_summary_counts_the_claims_read_in_each_file(pytester: pytest.Pytester) -> None:
    facts = pytester.path / "facts"
    if (ROOT / "reference").is_dir():
        shutil.copytree(ROOT / "reference", pytester.path / "reference")
    copy_of_seed(facts, "valid")
    misspelt = copy_of_seed(facts, "misspelt")
    edit(misspelt, "    qualifier: more than\n", "    qualifer: more than\n")
    bomb = copy_of_seed(facts, "bomb")
    (bomb / CLAIMS).write_text(BILLION_LAUGHS, "utf-8")

    result = pytester.runpytest("-p", "no:cacheprovider", "facts")

    output = result.stdout.str()
    assert "Traceback" not in output
    claims = len(load_articles([facts / "valid"])[0].claims.claims)
    result.stdout.re_match_lines(
        [
            r"facts/bomb/claims\.yaml: 0 claims read, 0 checks passed, 1 failed",
            rf"facts/misspelt/claims\.yaml: {claims} claims read, 0 checks passed, 1 failed",
            rf"facts/valid/claims\.yaml: {claims} claims read, \d+ checks passed, 0 failed",
        ],
        consecutive=True,
    )
    result.stdout.fnmatch_lines(
        [
            "facts/bomb/claims.yaml:*: aliases expand to more than 1,000 values*",
            "*hint: write the values out, or raise the limit: FACTSUITE_MAX_ALIASES*",
        ]
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
