"""Large archives: evaluating in chunks, on several processes and xdist workers, changes no
verdict, each worker evaluates only the chunks it runs, and a large archive gets one item per
article."""

from __future__ import annotations

import gc
import re
import shutil
from collections import defaultdict
from pathlib import Path
from types import SimpleNamespace

import pytest
from _pytest.terminal import TerminalReporter

from factsuite.checking import engine
from factsuite.checking.chunks import verdicts
from factsuite.checking.engine import Evaluation, evaluate, load_articles
from factsuite.commands.cli import main
from factsuite.commands.synth import write_archive
from factsuite.files.article import Article, discover
from factsuite.meaning.lexicon import Reading
from factsuite.pytest_plugin import item_mode
from factsuite.pytest_plugin.item_mode import choose_item_mode, count_articles
from factsuite.pytest_plugin.teardown_index import index_teardown_reports

pytest_plugins = ["pytester"]
ARTICLES = 12


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive") / "archive"
    write_archive(out, ARTICLES, seed=3, error_rate=0.5)
    return out


def injected(archive: Path) -> set[tuple[str, str]]:
    """(article, item) of every error the generator planted, from its ground truth."""
    rows = (archive / "ground_truth.csv").read_text().splitlines()[1:]
    return {tuple(row.split(",")[:2]) for row in rows}  # type: ignore[misc]


def problems_in_bulk(archive: Path) -> dict[tuple[str, str], list[str]]:
    evaluation = evaluate(load_articles(discover([archive])), Reading.PRAGMATIC)
    return {key: outcome.problems for key, outcome in evaluation.outcomes.items()}


@pytest.mark.parametrize(("jobs", "chunk_size"), [(1, 5), (2, 4), (2, 500)])
def test_chunks_and_processes_give_the_verdicts_of_one_bulk_evaluation(
    archive: Path, jobs: int, chunk_size: int
) -> None:
    folders = discover([archive])
    chunked = list(verdicts(folders, Reading.PRAGMATIC, jobs=jobs, chunk_size=chunk_size))
    failing = {
        (str(article.claims_path.parent), outcome.item.name): outcome.problems
        for article in chunked
        for outcome in article.others
    }
    bulk = problems_in_bulk(archive)
    assert failing == {key: problems for key, problems in bulk.items() if problems}
    assert sum(article.passed + len(article.others) for article in chunked) == len(bulk)
    assert gc.isenabled(), "the cycle collector is paused only while a chunk is evaluated"
    assert {(Path(folder).name, item) for (folder, item), p in bulk.items() if p} == injected(
        archive
    )


def test_the_command_says_the_same_with_one_or_two_processes(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = []
    for jobs in ("1", "2"):
        assert main(["check", str(archive), "--jobs", jobs, "--chunk-size", "5"]) == 1
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert f"{ARTICLES} articles:" in outputs[0]


def test_the_command_refuses_a_chunk_of_no_articles(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["check", str(archive), "--chunk-size", "0"])
    assert "'0' is not a whole number above 0" in capsys.readouterr().err


def copy_archive(archive: Path, pytester: pytest.Pytester) -> None:
    """The article folders, and the reference/ their event counts are checked against."""
    for folder in discover([archive]):
        for file in folder.iterdir():
            target = pytester.path / "archive" / folder.name / file.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.read_bytes())
    shutil.copytree(archive / "reference", pytester.path / "archive" / "reference")


def failed_items(output: str) -> set[tuple[str, str]]:
    return set(re.findall(r"^FAILED archive/([^/]+)/claims\.yaml::(\S+)", output, re.M))


@pytest.mark.parametrize("items", ["check", "article"])
def test_the_plugin_evaluates_a_chunk_when_its_first_check_runs(
    archive: Path, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, items: str
) -> None:
    copy_archive(archive, pytester)
    chunks: list[int] = []

    def counting(articles: list[Article], *args: object) -> Evaluation:
        chunks.append(len(articles))
        return evaluate(articles, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "evaluate", counting)
    result = pytester.runpytest(
        "-p", "no:cacheprovider", "-rf", "-o", "factsuite_chunk_size=5", "--factsuite-items", items
    )
    assert chunks == [5, 5, 2]
    failed = failed_items(result.stdout.str())
    if items == "check":
        assert failed == injected(archive)
    else:
        assert failed == {(article, "checks") for article, _ in injected(archive)}


def test_a_chunk_size_that_is_no_number_is_a_usage_error(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("-p", "no:cacheprovider", "-o", "factsuite_chunk_size=many")
    assert "factsuite_chunk_size = 'many': give a whole number" in result.stderr.str()


def workers_by_chunk(output: str, chunk_size: int) -> dict[int, set[str]]:
    """Which xdist workers ran the checks of each chunk of articles (in collection order)."""
    # reference/ (the archive's events) has items of its own, and is no article
    runs = re.findall(
        r"^\[(gw\d+)\] .*?(?:PASSED|FAILED) archive/(?!reference/)([^/]+)/", output, re.M
    )
    order = sorted({article for _, article in runs})
    workers: dict[int, set[str]] = defaultdict(set)
    for worker, article in runs:
        workers[order.index(article) // chunk_size].add(worker)
    return workers


def test_pytest_n_2_sends_each_chunk_to_one_worker(
    archive: Path, pytester: pytest.Pytester
) -> None:
    copy_archive(archive, pytester)
    args = ("-p", "no:cacheprovider", "-rf", "-v", "-o", "factsuite_chunk_size=3")
    result = pytester.runpytest_subprocess("-n", "2", *args)
    workers = workers_by_chunk(result.stdout.str(), chunk_size=3)
    assert len(workers) == ARTICLES // 3
    assert all(len(ran) == 1 for ran in workers.values()), workers
    assert set().union(*workers.values()) == {"gw0", "gw1"}
    assert failed_items(result.stdout.str()) == injected(archive)


def test_a_distribution_the_user_chose_is_kept(archive: Path, pytester: pytest.Pytester) -> None:
    copy_archive(archive, pytester)
    args = ("-p", "no:cacheprovider", "-rf", "-v", "-o", "factsuite_chunk_size=3")
    result = pytester.runpytest_subprocess("-n", "2", "--dist", "load", *args)
    workers = workers_by_chunk(result.stdout.str(), chunk_size=3)
    assert any(len(ran) == 2 for ran in workers.values()), "xdist's load spreads items"
    assert failed_items(result.stdout.str()) == injected(archive)


def test_the_failure_summary_still_shows_teardown_output(
    archive: Path, pytester: pytest.Pytester
) -> None:
    """The indexed teardown lookup (``teardown_index``) prints what pytest's own scan did."""
    copy_archive(archive, pytester)
    pytester.makepyfile(
        test_other="""
        import pytest

        @pytest.fixture
        def noisy():
            yield
            print("said at teardown")

        def test_fails(noisy):
            assert False
        """
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "-rf", "-o", "factsuite_chunk_size=5")
    output = result.stdout.str()
    assert re.search(r"-+ Captured stdout teardown -+\nsaid at teardown", output)
    assert failed_items(output) == injected(archive)
    assert "FAILED test_other.py::test_fails" in output


def test_the_indexed_teardown_lookup_gives_pytests_answer() -> None:
    whens = [("setup", "a"), ("teardown", "a"), ("teardown", "b"), ("call", "a"), ("teardown", "a")]
    reports = [SimpleNamespace(when=when, id=node) for when, node in whens]
    reporter = SimpleNamespace(getreports=lambda name: reports if name == "" else [])
    pytests = [TerminalReporter._get_teardown_reports(reporter, node) for node in "abc"]
    reporter._get_teardown_reports = pytests.__getitem__  # a method to replace
    index_teardown_reports(reporter)
    assert [reporter._get_teardown_reports(node) for node in "abc"] == pytests
    assert [len(found) for found in pytests] == [2, 1, 0]


# -- factsuite_items = auto --------------------------------------------------------------------
def make_articles(root: Path, names: list[str]) -> None:
    for name in names:
        (root / name).mkdir(parents=True)
        (root / name / "claims.yaml").write_text("claims: []\n")


def test_articles_are_counted_in_every_folder_but_those_pytest_skips(tmp_path: Path) -> None:
    make_articles(tmp_path, ["a", "b", "nested/c", ".git/d", "venv/e", "build/f"])
    assert count_articles([tmp_path], [".*", "venv", "build"], stop_after=100) == 3
    assert count_articles([tmp_path / "a" / "claims.yaml"], [], stop_after=100) == 1
    assert count_articles([tmp_path / "a" / "meta.yaml"], [], stop_after=100) == 0


def test_the_count_stops_as_soon_as_it_passes_the_limit(tmp_path: Path) -> None:
    make_articles(tmp_path, [f"article-{index}" for index in range(10)])
    assert count_articles([tmp_path], [], stop_after=3) == 4


@pytest.mark.parametrize(
    ("written", "articles", "per_article", "why"),
    [
        ("auto", 3, False, "factsuite_items = auto: 3 articles"),
        ("auto", 4, True, "factsuite_items = auto: over 3 articles"),
        ("check", 4, False, "factsuite_items = check"),
        ("article", 1, True, "factsuite_items = article"),
    ],
)
def test_auto_chooses_by_size_and_a_written_mode_is_kept(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    written: str,
    articles: int,
    per_article: bool,
    why: str,
) -> None:
    monkeypatch.setattr(item_mode, "AUTO_ARTICLE_LIMIT", 3)
    make_articles(tmp_path, [f"article-{index}" for index in range(articles)])
    mode = choose_item_mode(written, [tmp_path], [])
    assert (mode.per_article, mode.why) == (per_article, why)


@pytest.mark.parametrize(("limit", "per_article"), [(ARTICLES, False), (ARTICLES - 1, True)])
def test_pytest_gives_an_archive_over_the_limit_one_item_per_article(
    archive: Path,
    pytester: pytest.Pytester,
    monkeypatch: pytest.MonkeyPatch,
    limit: int,
    per_article: bool,
) -> None:
    monkeypatch.setattr(item_mode, "AUTO_ARTICLE_LIMIT", limit)
    copy_archive(archive, pytester)
    result = pytester.runpytest("-p", "no:cacheprovider", "-rf", "archive")
    output = result.stdout.str()
    if per_article:
        assert f"one item per article (factsuite_items = auto: over {limit} articles)" in output
        assert failed_items(output) == {(article, "checks") for article, _ in injected(archive)}
    else:
        assert f"one item per check (factsuite_items = auto: {ARTICLES} articles)" in output
        assert failed_items(output) == injected(archive)


def test_a_mode_that_is_not_one_of_the_three_is_a_usage_error(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("-p", "no:cacheprovider", "-o", "factsuite_items=articles")
    assert "factsuite_items = 'articles': give one of auto, check, article" in result.stderr.str()


def test_the_indexed_teardown_lookup_reads_pytest_8s_string_ids() -> None:
    """Before pytest 9 a report had only ``nodeid``; the index keyed on ``id`` raised."""
    whens = [("teardown", "a"), ("teardown", "b"), ("call", "a")]
    reports = [SimpleNamespace(when=when, nodeid=node) for when, node in whens]
    reporter = SimpleNamespace(getreports=lambda name: reports, _get_teardown_reports=None)
    reporter._get_teardown_reports = lambda node: []  # a method to replace
    index_teardown_reports(reporter)
    assert [reporter._get_teardown_reports(node) for node in "abc"] == [
        [reports[0]],
        [reports[1]],
        [],
    ]
