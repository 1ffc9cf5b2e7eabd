"""Every report opens a failure with the same one-line conclusion (``reports/conclusion.py``):
the terminal, ``--format json``, the Markdown summary and the HTML report; JUnit's message
is tested in ``test_ci.py``."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from factsuite.checking.engine import Evaluation, Outcome, evaluate, load_articles
from factsuite.commands.cli import main
from factsuite.reports.conclusion import MAX_CONCLUSION, conclusion, leading_text
from factsuite.reports.html import render_html
from factsuite.reports.markdown import render_markdown, where
from factsuite.reports.wording import vanished_text
from tests.test_cli import SEED_NAME, copy_of_seed, mutate_children


@pytest.fixture
def wrong(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed under ``tmp_path/facts`` with the children's figure made 4.5 million."""
    monkeypatch.chdir(tmp_path)
    folder = copy_of_seed(tmp_path)
    mutate_children(folder)
    return folder


def failing(evaluation: Evaluation) -> dict[str, Outcome]:
    (article,) = evaluation.articles
    return {
        outcome.item.name: outcome
        for outcome in evaluation.of(article)
        if leading_text(where(article, outcome), outcome) is not None
    }


def words(fragment: str) -> str:
    """Text as a reader sees it: tags gone, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_every_report_leads_a_failure_with_its_conclusion(
    wrong: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evaluation = evaluate(load_articles([Path("facts") / SEED_NAME]))
    outcomes = failing(evaluation)
    assert len(outcomes) == 3
    said = {name: conclusion(outcome) for name, outcome in outcomes.items()}
    assert "The part is at least 4,500,000" in said["children-within-refugees"]

    capsys.readouterr()
    main(["check", "-j", "1", "facts"])
    terminal = capsys.readouterr().out.split("\n")
    main(["check", "-j", "1", "--format", "json", "facts"])
    (article,) = json.loads(capsys.readouterr().out)["articles"]
    checks = {check["check"]: check for check in article["checks"] if check["failing"]}
    summary = MarkdownIt("commonmark").enable("table").render(render_markdown(evaluation))
    folded = [words(s) for s in re.findall(r"<summary>(.*?)</summary>", summary, re.S)]
    page = render_html(evaluation)
    headings = [
        words(s)
        for s in re.findall(r'<details class="found"[^>]*>\s*<summary>(.*?)</summary>', page, re.S)
    ]

    for name, line in said.items():
        head = f"{name} failed: {line}"
        assert any(text.endswith(head) for text in terminal), name
        assert checks[name]["conclusion"] == line
        assert checks[name]["text"].split("\n", 1)[0].endswith(head)
        assert sum(text.endswith(f": {line}") and name in text for text in folded) == 1, name
        assert line in headings, name


def test_a_finding_that_no_longer_holds_is_not_told_twice(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    with (folder / "claims.yaml").open("a", encoding="utf-8") as file:
        file.write(
            "  - check: children-within-refugees\n"
            "    verdict: misleading\n"
            "    reason: Recorded before the article was corrected.\n"
        )
    evaluation = evaluate(load_articles([folder]))
    (article,) = evaluation.articles
    outcome = evaluation.outcome(article, "children-within-refugees")
    place = where(article, outcome)
    assert leading_text(place, outcome) == vanished_text(place, outcome)
    assert "remove the finding" in conclusion(outcome)
    assert "remove the finding" in words(render_markdown(evaluation))


def test_a_long_conclusion_is_cut_at_a_word(tmp_path: Path) -> None:
    """A coverage failure names every uncovered mention; its line stays one short line."""
    folder = copy_of_seed(tmp_path)
    text = folder / "article.txt"
    text.write_text(
        text.read_text("utf-8") + "\n" + " ".join(f"{n} cars," for n in range(11, 400)) + "\n",
        "utf-8",
    )
    evaluation = evaluate(load_articles([folder]))
    (article,) = evaluation.articles
    line = conclusion(evaluation.outcome(article, "coverage"))
    assert len(line) <= MAX_CONCLUSION
    assert line.endswith(" …")
    assert "\n" not in line
