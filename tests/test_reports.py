"""The reports people read: HTML article view, Markdown summary, ClaimReview JSON-LD.

Each is checked against the seed (what it must show) and against edits of it (a failing
figure, a finding that no longer holds, hostile text), so that a report never says less, or
other, than the checks.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from factsuite.checking.engine import Evaluation, evaluate, load_articles
from factsuite.files.model import Verdict
from factsuite.reports import claimreview
from factsuite.reports import html as html_report
from factsuite.reports.claimreview import TEXTUAL_RATINGS, claim_reviews, reviewed_claims
from factsuite.reports.html import Span, paragraphs, render_html
from factsuite.reports.markdown import Tally, render_markdown

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "2022-03-22-kremlin-talks"
SEED = ROOT / "facts" / SEED_NAME
BODY_QUOTE = "more than 3.5 million Ukrainians have fled the country"


def copy_of_seed(folder: Path) -> Path:
    """The seed, beside a copy of the reference data its checks read from a parent folder."""
    shutil.copytree(ROOT / "reference", folder / "reference")
    return Path(shutil.copytree(SEED, folder / SEED_NAME))


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def children_become(folder: Path, figure: str) -> None:
    """The children's figure changes in the article and in its claim alike."""
    replace_in(
        folder / "article.txt", "more than 1.5 million children", f"more than {figure} children"
    )
    replace_in(
        folder / "claims.yaml", "more than 1.5 million children", f"more than {figure} children"
    )
    replace_in(folder / "claims.yaml", "value: 1.5 million", f"value: {figure}")


def evaluated(*folders: Path) -> Evaluation:
    return evaluate(load_articles(list(folders)))


@pytest.fixture(scope="module")
def seed() -> Evaluation:
    return evaluated(SEED)


class Elements(HTMLParser):
    """Every element's tag and attributes, in document order."""

    def __init__(self, document: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(document)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))

    def by(self, tag: str, css_class: str) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.found
            if name == tag and css_class in (attrs.get("class") or "").split()
        ]


def marks(document: str) -> dict[str, set[str]]:
    """Each highlighted passage's key and the classes of its highlight."""
    result: dict[str, set[str]] = {}
    for attrs in Elements(document).by("a", "claim"):
        result.setdefault(str(attrs["data-claim"]), set()).update(str(attrs["class"]).split())
    return result


def text_of(document: str) -> str:
    """What a reader sees, roughly: tags gone, entities decoded, spaces collapsed."""
    words = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", document)).split())
    return re.sub(r" ([,.])", r"\1", words)


# -- HTML ----------------------------------------------------------------------------------


def test_html_highlights_every_claim_of_the_seed_by_status(seed: Evaluation) -> None:
    document = render_html(seed)
    (article,) = seed.articles
    assert article.claims is not None
    expected = {f"{SEED_NAME}/{claim.id}": "status-consistent" for claim in article.claims.claims}
    expected[f"{SEED_NAME}/refugees-body"] = "status-finding"
    for number in range(1, len(article.claims.ignored) + 1):
        expected[f"{SEED_NAME}/ignored-{number}"] = "status-unchecked"
    found = marks(document)
    assert {
        key: {c for c in classes if c.startswith("status-")} for key, classes in found.items()
    } == {key: {status} for key, status in expected.items()}
    details = {attrs["data-claim"] for attrs in Elements(document).by("section", "detail")}
    assert details == set(expected)


def test_html_shows_the_recorded_finding_and_its_reason(seed: Evaluation) -> None:
    shown = text_of(render_html(seed))
    assert "recorded finding body-matches-headline same_figure" in shown
    assert "Verdict: inaccurate, on refugees-body" in shown
    assert 'the body\'s "Ukrainians" overstates how many Ukrainians had fled' in shown
    assert "Reviewed by factsuite maintainers on 2026-11-25" in shown


def test_html_panel_shows_intervals_under_both_readings(seed: Evaluation) -> None:
    shown = text_of(render_html(seed))
    assert "strict (3,500,000, no upper bound)" in shown
    assert "pragmatic (this run) (3,500,000, 4,000,000]" in shown
    assert "date Tuesday 22 March 2022" in shown
    assert "attributed to UNHCR" in shown
    assert "The lead does not attribute the figure; the body gives it to UNHCR." in shown


def test_html_says_the_counts_of_each_article(seed: Evaluation) -> None:
    (article,) = seed.articles
    tally = Tally.of(seed, article)
    shown = text_of(render_html(seed))
    assert (
        f"claims {tally.claims} checks passed {tally.passed} failed {tally.failed} "
        f"recorded findings {tally.findings} unchecked mentions 3"
    ) in shown
    assert "outlet unknown · address unknown" in shown


def test_html_fetches_nothing(seed: Evaluation) -> None:
    document = render_html(seed)
    assert not re.search(r"""\b(?:src|href|action)\s*=\s*["']?\s*(?:[a-z]+:)?//""", document, re.I)
    assert not re.search(r"<link\b|@import|url\(", document, re.I)
    assert "default-src 'none'" in document  # the browser refuses anything the page asks for


def test_html_marks_a_failing_claim_and_opens_its_explanation(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    children_become(folder, "4.5 million")
    document = render_html(evaluated(folder))
    found = marks(document)
    for claim in ("children-refugees", "refugees-lead", "women-children-share"):
        assert "status-failing" in found[f"{SEED_NAME}/{claim}"], claim
    assert "status-consistent" in found[f"{SEED_NAME}/refugees-headline"]
    shown = text_of(document)
    assert "failed children-within-refugees part_of" in shown
    assert "A part cannot be larger than its whole." in shown
    assert '<details class="found" open>' in document


def test_html_escapes_what_the_files_say(tmp_path: Path) -> None:
    folder = tmp_path / "2024-01-01-hostile"
    folder.mkdir()
    quote = 'more than 100 people fled <script>alert("x")</script>'
    (folder / "article.txt").write_text(f"Officials said {quote} on Monday.\n", "utf-8")
    (folder / "meta.yaml").write_text(
        'headline: null\npublished: 2024-01-01\noutlet: "<b>Outlet</b>"\nurl: null\n', "utf-8"
    )
    (folder / "claims.yaml").write_text(
        "claims:\n"
        "  - id: fled\n"
        f"    quote: '{quote}'\n"
        "    value: '100'\n"
        "    qualifier: more than\n"
        "    unit: people\n"
        "    measure: people who fled\n"
        "    population: people\n"
        "    notes: <img src=x onerror=alert(1)>\n",
        "utf-8",
    )
    document = render_html(evaluated(folder))
    assert document.count("<script") == 1  # the report's own
    assert "<img" not in document
    assert "<b>Outlet" not in document
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in document
    assert marks(document) == {"2024-01-01-hostile/fled": {"claim", "status-consistent"}}


def test_html_reports_an_article_that_does_not_validate(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    (folder / "claims.yaml").write_text("claims:\n  - id: x\n\tquote: y\n", "utf-8")
    document = render_html(evaluated(folder))
    shown = text_of(document)
    assert "failed schema schema" in shown
    assert "indent with spaces, not tabs" in shown
    assert "Russia says it would like" in shown
    assert marks(document) == {}


def test_html_names_a_finding_that_no_longer_holds(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    with (folder / "claims.yaml").open("a", encoding="utf-8") as file:
        file.write(
            "  - check: children-within-refugees\n"
            "    verdict: misleading\n"
            "    reason: Recorded before the article was corrected.\n"
        )
    document = render_html(evaluated(folder))
    assert "status-failing" in marks(document)[f"{SEED_NAME}/children-refugees"]
    assert "finding no longer holds children-within-refugees" in text_of(document)


def test_a_draft_claim_is_never_shown_as_consistent(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    replace_in(
        folder / "claims.yaml",
        "    population: people who fled Ukraine\n    as_of: 2022-03-22\n    attributed: UNHCR\n"
        "    notes: The lead",
        "    population: people who fled Ukraine\n    as_of: 2022-03-22\n    attributed: UNHCR\n"
        "    status: draft\n    notes: The lead",
    )
    evaluation = evaluated(folder)
    found = marks(render_html(evaluation))
    assert "status-draft" in found[f"{SEED_NAME}/refugees-lead"]
    assert "status-draft" in found[f"{SEED_NAME}/refugees-headline"]  # headline-matches-lead
    assert "status-consistent" in found[f"{SEED_NAME}/invasion-announced"]
    summary = render_markdown(evaluation)
    assert summary.startswith("## factsuite: ✅ no check fails, drafts need review\n")
    assert "checks of draft claims need review." in summary


def test_overlapping_quotes_split_into_runs_and_the_innermost_wins() -> None:
    text = "abcdefghij\nklm"
    spans = [Span(1, 8, "outer", "consistent"), Span(3, 5, "inner", "failing")]
    (first, second) = paragraphs(text, spans)
    assert [(s.text, s.key, s.ends) for s in first] == [
        ("a", "", False),
        ("bc", "outer", False),
        ("de", "inner", True),
        ("fgh", "outer", True),
        ("ij", "", False),
    ]
    assert [(s.text, s.key) for s in second] == [("klm", "")]


# -- Markdown ------------------------------------------------------------------------------


def test_markdown_summarises_the_seed(seed: Evaluation) -> None:
    (article,) = seed.articles
    tally = Tally.of(seed, article)
    summary = render_markdown(seed)
    lines = summary.splitlines()
    assert lines[0] == "## factsuite: ✅ all checks pass"
    row = f"{SEED_NAME} | {tally.claims} | {tally.passed} | 0 | {tally.findings} |"
    assert sum(line.startswith("| ") and line.endswith(row) for line in lines) == 1
    assert "### Failures" not in summary
    assert "### Recorded findings" in summary
    finding = next(line for line in lines if "body-matches-headline" in line)
    assert "**inaccurate** (reviewed by factsuite maintainers on 2026-11-25)." in finding
    assert "third-country nationals" in finding


def test_markdown_folds_each_failure_with_the_words_of_pytest(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    children_become(folder, "4.5 million")
    summary = render_markdown(evaluated(folder))
    failed = _failed_items(folder)
    assert len(failed) >= 2
    assert summary.startswith(f"## factsuite: ❌ {len(failed)} checks failed\n")
    blocks = re.findall(
        r"<details><summary>(.*?)</summary>\n\n```text\n(.*?)\n```\n\n</details>", summary, re.S
    )
    heads = [summary_line.split("): ", 1)[0] + ")" for summary_line, _ in blocks]
    assert heads == [
        f"❌ <code>{folder / 'claims.yaml'}:{line}: {name}</code> ({rule})"
        for line, name, rule in failed
    ]
    text = dict(zip([s for s, _ in blocks], [b for _, b in blocks], strict=True))
    part = next(body for head, body in text.items() if "children-within-refugees" in head)
    assert "[part_within_whole] A part cannot be larger than its whole." in part
    assert "factsuite findings record" in part


def test_markdown_counts_the_failures_past_its_limit(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    children_become(folder, "4.5 million")
    more = len(_failed_items(folder)) - 1
    summary = render_markdown(evaluated(folder), limit=1)
    assert summary.count("<details>") == 1
    assert f"…and {more} more failure{'s' if more > 1 else ''}: see the HTML report" in summary


def _failed_items(folder: Path) -> list[tuple[int | None, str, str]]:
    evaluation = evaluated(folder)
    (article,) = evaluation.articles
    return [
        (o.item.line, o.item.name, o.item.rule)
        for o in evaluation.of(article)
        if not o.passed and o.finding is None
    ]


def test_markdown_counts_agree_with_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factsuite.commands.cli import main

    folder = copy_of_seed(tmp_path)
    children_become(folder, "4.5 million")
    main(["check", str(folder)])
    totals = capsys.readouterr().out.splitlines()[-1]
    passed, failed, recorded = map(int, re.findall(r"(\d+) (?:passed|failed|recorded)", totals))
    summary = render_markdown(evaluated(folder))
    assert f"{passed} checks passed, {failed} failed, {recorded} recorded finding" in summary


def test_markdown_text_cannot_break_out_of_its_block(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    replace_in(
        folder / "claims.yaml",
        "reviewed_by: factsuite maintainers",
        "reviewed_by: '<img src=x> | **bold** `code`'",
    )
    summary = render_markdown(evaluated(folder))
    assert not re.search(r"(?<!\\)<img", summary)
    assert r"\<img src=x\> \| \*\*bold\*\* \`code\`" in summary


# -- ClaimReview ---------------------------------------------------------------------------

# What schema.org and Google's fact-check markup need of a ClaimReview: the claim in words,
# a textual rating, who reviewed and when, and where the claim appeared (the review's own
# page, ``url``, when it is known; Google requires it for rich results).
NAMED = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {
        "@type": {"enum": ["Organization", "Person"]},
        "name": {"type": "string", "minLength": 1},
    },
}
ISO_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
CLAIM_REVIEW_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": [
        "@context",
        "@type",
        "claimReviewed",
        "itemReviewed",
        "reviewRating",
        "author",
        "datePublished",
    ],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "claimReviewed": {"type": "string", "minLength": 1},
        "url": {"type": "string", "pattern": "^https?://"},
        "author": NAMED,
        "datePublished": ISO_DATE,
        "reviewRating": {
            "type": "object",
            "required": [
                "@type",
                "ratingValue",
                "bestRating",
                "worstRating",
                "name",
                "alternateName",
            ],
            "properties": {
                "@type": {"const": "Rating"},
                "ratingValue": {"type": "integer", "minimum": 1, "maximum": 5},
                "bestRating": {"const": 5},
                "worstRating": {"const": 1},
                "name": {"enum": sorted(TEXTUAL_RATINGS.values())},
                "alternateName": {"enum": sorted(TEXTUAL_RATINGS.values())},
            },
        },
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "appearance", "datePublished"],
            "properties": {
                "@type": {"const": "Claim"},
                "author": NAMED,
                "datePublished": ISO_DATE,
                "appearance": {
                    "type": "object",
                    "required": ["@type", "datePublished"],
                    "anyOf": [{"required": ["url"]}, {"required": ["headline"]}],
                    "properties": {
                        "@type": {"enum": ["NewsArticle", "CreativeWork"]},
                        "url": {"type": "string", "pattern": "^https?://"},
                        "headline": {"type": "string", "minLength": 1},
                        "datePublished": ISO_DATE,
                    },
                },
            },
        },
    },
}


@pytest.fixture(scope="module")
def review_validator() -> jsonschema.protocols.Validator:
    validator_class = jsonschema.validators.validator_for(CLAIM_REVIEW_SCHEMA)
    validator_class.check_schema(CLAIM_REVIEW_SCHEMA)
    return validator_class(CLAIM_REVIEW_SCHEMA)


def test_claimreview_of_the_seed_rates_the_body_not_the_headline(
    seed: Evaluation, review_validator: jsonschema.protocols.Validator
) -> None:
    (article,) = seed.articles
    assert article.claims is not None
    reviews = claim_reviews(article, seed)
    assert len(article.claims.findings) == 2  # both rate the body's claim: one review
    (first,) = reviews
    assert [e.message for e in review_validator.iter_errors(first)] == []
    assert first["claimReviewed"] == BODY_QUOTE
    assert first["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "name": "Inaccurate",
        "alternateName": "Inaccurate",
    }
    assert first["author"] == {"@type": "Person", "name": "factsuite maintainers"}
    assert first["datePublished"] == "2026-11-25"
    for finding in article.claims.findings:  # every reason, once
        assert first["reviewBody"].count(" ".join(finding.reason.split())) == 1
    assert "third-country nationals" in first["reviewBody"]
    assert first["itemReviewed"]["description"] == "Attributed in the article to UNHCR."


def test_claimreview_invents_no_address_or_outlet(seed: Evaluation) -> None:
    (article,) = seed.articles
    (first, *_) = claim_reviews(article, seed)
    assert "url" not in first
    assert "author" not in first["itemReviewed"]  # the outlet that printed it is unknown
    assert first["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "datePublished": "2022-03-22",
        "headline": "More than 3.5 million people flee Ukraine: UN",
    }


def test_claimreview_names_a_known_outlet_and_address(
    tmp_path: Path, review_validator: jsonschema.protocols.Validator
) -> None:
    folder = copy_of_seed(tmp_path)
    replace_in(folder / "meta.yaml", "outlet: null", "outlet: Wire Service")
    replace_in(folder / "meta.yaml", "url: null", "url: https://news.example/kremlin-talks")
    evaluation = evaluated(folder)
    (article,) = evaluation.articles
    (first, *_) = claim_reviews(article, evaluation, "https://checks.example/kremlin-talks")
    assert [e.message for e in review_validator.iter_errors(first)] == []
    assert first["url"] == "https://checks.example/kremlin-talks"
    assert first["itemReviewed"]["author"] == {"@type": "Organization", "name": "Wire Service"}
    assert first["itemReviewed"]["appearance"]["@type"] == "NewsArticle"
    assert first["itemReviewed"]["appearance"]["url"] == "https://news.example/kremlin-talks"


def test_claimreview_leaves_out_a_finding_that_no_longer_holds(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    with (folder / "claims.yaml").open("a", encoding="utf-8") as file:
        file.write(
            "  - check: children-within-refugees\n"
            "    verdict: misleading\n"
            "    reason: Recorded before the article was corrected.\n"
        )
    evaluation = evaluated(folder)
    (article,) = evaluation.articles
    assert {review["claimReviewed"] for review in claim_reviews(article, evaluation)} == {
        BODY_QUOTE
    }


@pytest.mark.parametrize(
    ("check", "rated"),
    [
        ("body-matches-headline", ("refugees-body",)),
        ("children-within-refugees", ("children-refugees",)),
        ("share-holds-children", ("women-children-share",)),
        ("conflict-duration", ("conflict-almost-a-month",)),
        ("invasion-before-conditions", ("invasion-announced", "conditions-earlier-this-month")),
        ("grounding[refugees-lead]", ("refugees-lead",)),
    ],
)
def test_which_claims_a_finding_rates(seed: Evaluation, check: str, rated: tuple[str, ...]) -> None:
    (article,) = seed.articles
    assert reviewed_claims(article, seed.outcome(article, check).item) == rated


def test_every_verdict_has_a_textual_rating() -> None:
    assert set(TEXTUAL_RATINGS) == set(Verdict)


# -- the commands --------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    """A command as the factsuite parser registers it, without the rest of the CLI."""
    parser = argparse.ArgumentParser(prog="factsuite")
    commands = parser.add_subparsers(dest="command", required=True)
    html_report.add_command(commands)
    claimreview.add_command(commands)
    parsed = parser.parse_args(arguments)
    capsys.readouterr()
    code = parsed.run(parsed)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_claimreview_prints_json_ld(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", "claimreview", str(SEED))
    assert code == 0
    reviews = json.loads(out)
    assert {review["claimReviewed"] for review in reviews} == {BODY_QUOTE}
    assert "no --url given" in err


def test_report_writes_html_and_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, summary = tmp_path / "report.html", tmp_path / "summary.md"
    code, out, _ = run(capsys, "report", str(SEED), "--html", str(page), "--markdown", str(summary))
    assert code == 0
    assert out.splitlines() == [f"wrote {page}", f"wrote {summary}"]
    assert page.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert summary.read_text("utf-8").startswith("## factsuite: ")


def test_report_prints_markdown_when_no_file_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "report", str(SEED))
    assert code == 0
    assert out.startswith("## factsuite: ✅ all checks pass")


def test_one_article_is_one_file_and_more_are_a_site(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--html: one self-contained file for one article (the default the issue keeps); for
    more, that file is the index of a site with a page per article; --site always a site."""
    one = tmp_path / "one" / "report.html"
    assert run(capsys, "report", str(SEED), "--html", str(one))[0] == 0
    assert sorted(path.name for path in one.parent.iterdir()) == ["report.html"]
    assert f'id="article={SEED_NAME}"' in one.read_text("utf-8")
    first, second = copy_of_seed(tmp_path / "a"), copy_of_seed(tmp_path / "b")
    index = tmp_path / "many" / "report.html"
    assert run(capsys, "report", str(first), str(second), "--html", str(index))[0] == 0
    pages = sorted(path.name for path in (index.parent / "articles").iterdir())
    assert pages == [f"{SEED_NAME}-2.html", f"{SEED_NAME}.html"]
    assert 'id="filters"' in index.read_text("utf-8")
    site = tmp_path / "site"
    assert run(capsys, "report", str(SEED), "--site", str(site))[0] == 0
    assert (site / "index.html").is_file()
    assert (site / "articles" / f"{SEED_NAME}.html").is_file()


# -- CI integration ------------------------------------------------------------------------


def test_the_pre_commit_hook_runs_the_installed_command() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert hook["id"] == "factsuite"
    assert hook["language"] == "python"
    assert hook["entry"].split() == ["factsuite", "check", "--fail-on-drafts"]
    assert "factsuite" in scripts
    assert hook["args"] == ["facts/"]
    assert hook["pass_filenames"] is False
    watched = re.compile(hook["files"])
    for path in (f"facts/{SEED_NAME}/claims.yaml", "a/article.txt", "reference/events/events.csv"):
        assert watched.search(path), path
    assert not watched.search("src/factsuite/cli.py")


def test_the_example_workflow_writes_the_reports_it_publishes(pytester: pytest.Pytester) -> None:
    """The workflow's pytest command, run on the seed, leaves the files its later steps read."""
    workflow = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text("utf-8"))
    steps = workflow["jobs"]["facts"]["steps"]
    command = next(step["run"] for step in steps if step.get("run", "").startswith("pytest "))
    published = next(step for step in steps if "GITHUB_STEP_SUMMARY" in step.get("run", ""))
    uploaded = next(step for step in steps if "upload-artifact" in step.get("uses", ""))
    copy_of_seed(pytester.path / "facts")
    result = pytester.runpytest(*command.split()[1:], "-p", "no:cacheprovider")
    assert result.ret == 0, result.stdout.str()
    summary = pytester.path / published["run"].split()[1]
    assert summary.read_text("utf-8").startswith("## factsuite: ✅ all checks pass")
    reports = pytester.path / uploaded["with"]["path"]
    assert {path.name for path in reports.iterdir()} == {"junit.xml", "report.html", "summary.md"}
    assert "body-matches-headline" in (reports / "report.html").read_text("utf-8")
