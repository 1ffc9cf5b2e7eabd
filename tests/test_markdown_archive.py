"""The Markdown summary of a 3,000-article archive (issue #17: it was 202,324 characters, a
3,000-row table) fits a pull-request comment (65,536 characters) and a job summary (1 MiB),
failing articles first, then the counts, then "N more".

What is measured is the rendering of 3,000 articles' outcomes, not their evaluation: 60
synthetic articles (``factsuite synth``, some or all with planted errors) are evaluated once,
and the archive is those outcomes repeated under 3,000 folder names.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from markdown_it import MarkdownIt

from factsuite.checking.engine import Evaluation, evaluate, load_articles
from factsuite.commands.synth import write_archive
from factsuite.files.article import discover
from factsuite.reports.markdown import MAX_FAILURES, MAX_ROWS, render_markdown
from factsuite.reports.verdicts import Status, status

ARTICLES = 3_000
COMMENT_LIMIT = 65_536  # characters of a GitHub pull-request comment
JOB_SUMMARY_LIMIT = 1024 * 1024  # bytes of a GitHub Actions job summary


@pytest.fixture(scope="module", params=[0.15, 1.0], ids=["some-failing", "all-failing"])
def archive(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Evaluation:
    out = tmp_path_factory.mktemp("synth") / "facts"
    write_archive(out, 60, seed=17, error_rate=request.param)
    base = evaluate(load_articles(discover([out])))
    articles = []
    outcomes = {}
    for index in range(ARTICLES):
        original = base.articles[index % len(base.articles)]
        copy = dataclasses.replace(original, folder=out / f"{index:04d}-{original.folder.name}")
        articles.append(copy)
        for outcome in base.of(original):
            outcomes[(str(copy.folder), outcome.item.name)] = outcome
    return Evaluation(articles, outcomes, base.reading, base.library, {})


def table_rows(rendered: str) -> list[list[str]]:
    body = rendered.split("<tbody>")[1].split("</tbody>")[0]
    return [
        re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_the_summary_of_3000_articles_fits_a_comment_and_a_job_summary(
    archive: Evaluation,
) -> None:
    failing_articles = sum(
        any(status(o) is Status.FAILED for o in archive.of(article)) for article in archive.articles
    )
    assert MAX_ROWS < failing_articles <= ARTICLES

    summary = render_markdown(archive)
    assert len(summary) <= COMMENT_LIMIT
    assert len(summary.encode("utf-8")) <= JOB_SUMMARY_LIMIT

    rendered = MarkdownIt("commonmark").enable("table").render(summary)
    assert rendered.startswith("<h2>factsuite: ❌")
    rows = table_rows(rendered)
    *listed, rest = rows
    assert len(listed) == MAX_ROWS
    failed = [int(cells[3]) for cells in listed]
    assert all(failed)  # failing articles first: more than fill the table
    assert rest[0].startswith(f"…and {ARTICLES - MAX_ROWS:,} more articles")
    assert f"({failing_articles - MAX_ROWS:,} failing" in rest[0]  # then the counts
    # every failure folded is whole: its block closes, and the rest are counted
    assert rendered.count("<details>") == rendered.count("</details>") <= MAX_FAILURES
    assert re.search(r"…and [\d,]+ more (failures|sections)", rendered)
