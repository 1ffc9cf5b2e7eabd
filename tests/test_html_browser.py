"""The HTML report in a real browser: headless Chromium runs the page's script, which shows
the selected claim's panel, and takes the screenshot kept as a test artefact.

Chromium comes from the system packages (``apt-get install chromium``).  Without it these
tests are skipped, except under CI (``CI`` set), where a missing browser is a failure.

The README's screenshot is made by the same code; regenerate it with
``python tests/test_html_browser.py`` (writes docs/report.png).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from factsuite.checking.engine import Evaluation, evaluate, load_articles
from factsuite.files.article import discover
from factsuite.reports.html import write_html, write_report, write_site

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "2022-03-22-kremlin-talks"
SEED = ROOT / "facts" / SEED_NAME
CHROMIUM = Path("/usr/bin/chromium")
WINDOW = (1280, 1600)
SELECTED = f"#claim={SEED_NAME}/refugees-body"  # the seed's recorded finding
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # the page must need no network; make sure
    "--virtual-time-budget=5000",  # run the page's script before the DOM or the picture
]


def browse(page: Path, fragment: str, *arguments: str) -> str:
    """Open ``page#fragment`` in a fresh headless Chromium; what it prints."""
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                str(CHROMIUM),
                *FLAGS,
                f"--user-data-dir={profile}",
                *arguments,
                page.as_uri() + fragment,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(f"chromium exited with {result.returncode}:\n{result.stderr[-3000:]}")
    return result.stdout


def screenshot(page: Path, picture: Path, fragment: str = SELECTED) -> None:
    width, height = WINDOW
    browse(page, fragment, f"--window-size={width},{height}", f"--screenshot={picture}")


def seed_report(path: Path, seed: Path = SEED) -> Path:
    write_html(evaluate(load_articles([seed])), path)
    return path


def png_size(picture: Path) -> tuple[int, int]:
    data = picture.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


def elements(document: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element's tag and attributes, in document order."""
    found: list[tuple[str, dict[str, str | None]]] = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: found.append((tag, dict(attrs)))  # type: ignore[method-assign]
    parser.feed(document)
    return found


def with_class(document: str, tag: str, css_class: str) -> list[dict[str, str | None]]:
    return [
        attrs
        for name, attrs in elements(document)
        if name == tag and css_class in (attrs.get("class") or "").split()
    ]


def shown_panels(document: str) -> list[str | None]:
    return [p["data-claim"] for p in with_class(document, "section", "detail") if "hidden" not in p]


def current_marks(document: str) -> set[str | None]:
    return {m["data-claim"] for m in with_class(document, "a", "claim") if m.get("aria-current")}


@pytest.fixture(scope="module")
def chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: CI must install it (apt-get install -y chromium)")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium); CI runs these tests")


@pytest.fixture(scope="module")
def page(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return seed_report(tmp_path_factory.mktemp("html") / "report.html")


def test_the_address_selects_a_claim_and_shows_its_panel(page: Path) -> None:
    dom = browse(page, SELECTED, "--dump-dom")
    (html_tag,) = [attrs for tag, attrs in elements(dom) if tag == "html"]
    assert "js" in (html_tag.get("class") or "").split()
    assert shown_panels(dom) == [f"{SEED_NAME}/refugees-body"]
    assert current_marks(dom) == {f"{SEED_NAME}/refugees-body"}
    assert all("hidden" in hint for hint in with_class(dom, "p", "panel-hint"))
    statuses = {m["data-claim"]: m["class"] for m in with_class(dom, "a", "claim")}
    assert statuses[f"{SEED_NAME}/refugees-body"] == "claim status-finding"
    assert statuses[f"{SEED_NAME}/refugees-headline"] == "claim status-consistent"
    assert statuses[f"{SEED_NAME}/ignored-1"] == "claim status-unchecked"


def test_without_a_selection_the_panel_invites_one(page: Path) -> None:
    dom = browse(page, "", "--dump-dom")
    assert shown_panels(dom) == []
    assert current_marks(dom) == set()
    assert all("hidden" not in hint for hint in with_class(dom, "p", "panel-hint"))


def test_clicking_a_claim_selects_it_and_moves_focus_to_its_panel(page: Path) -> None:
    """A click (what Enter on a focused link also sends) selects, keeps the address, focuses."""
    key = f"{SEED_NAME}/children-refugees"
    probe = (
        "<script>"
        f"document.querySelector('a.claim[data-claim=\"{key}\"]').click();"
        "document.body.setAttribute('data-address', decodeURIComponent(location.hash));"
        "document.body.setAttribute('data-focused', document.activeElement.dataset.claim);"
        "</script></body>"
    )
    clicked = page.with_name("clicked.html")
    clicked.write_text(page.read_text("utf-8").replace("</body>", probe), "utf-8")
    dom = browse(clicked, "", "--dump-dom")
    (body,) = [attrs for tag, attrs in elements(dom) if tag == "body"]
    assert body["data-address"] == f"#claim={key}"
    assert body["data-focused"] == key
    assert shown_panels(dom) == [key]
    assert current_marks(dom) == {key}


def test_screenshot_of_the_selected_finding(page: Path, tmp_path: Path) -> None:
    picture = tmp_path / "html-report.png"
    screenshot(page, picture)
    assert png_size(picture) == WINDOW
    assert picture.stat().st_size > 50_000  # a blank page compresses to a few kilobytes
    artefacts = Path(os.environ.get("FACTSUITE_ARTIFACTS", "artifacts"))
    artefacts.mkdir(parents=True, exist_ok=True)
    shutil.copy(picture, artefacts / picture.name)
    shutil.copy(page, artefacts / "html-report.html")


def main() -> int:
    """Regenerate the README's pictures: docs/report.png (the seed's report with its recorded
    finding selected), docs/site-index.png (the index of a 40-article synthetic archive) and
    docs/site-phone.png (the seed's page at phone width)."""
    from factsuite.commands.synth import write_archive

    os.chdir(ROOT)  # the report names the folder as a reader of the README would type it
    target = Path("docs", "report.png")
    with tempfile.TemporaryDirectory() as folder:
        page = seed_report(Path(folder) / "report.html", SEED.relative_to(ROOT))
        screenshot(page, target)
        phone = Path("docs", "site-phone.png")
        holder = at_phone_width(page, "", "")
        browse(
            holder, "", *PHONE_FLAGS, "--window-size=390,1400", f"--screenshot={phone.resolve()}"
        )
        archive = Path(folder, "facts")
        write_archive(archive, 40, seed=17, error_rate=0.3)
        index = write_site(evaluate(load_articles(discover([archive]))), Path(folder, "site"))
        browse(
            index,
            "",
            "--window-size=1280,1000",
            f"--screenshot={Path('docs', 'site-index.png').resolve()}",
        )
    for picture in ("report.png", "site-index.png", "site-phone.png"):
        print(f"wrote docs/{picture} {png_size(Path('docs', picture))}")
    return 0


# -- issue #15: what an attacker writes stays text in the browser -----------------------------

PAYLOAD = '</script><script>document.title="pwned"</script><!--'


def test_claimreview_json_ld_embedded_in_a_page_runs_nothing(
    chromium: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factsuite.commands.cli import main

    folder = Path(shutil.copytree(SEED, tmp_path / "facts" / SEED_NAME))
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    start = text.index("    reason: ", text.index("\nfindings:")) + len("    reason: ")
    end = text.index("\n  - check:", start)
    claims.write_text(text[:start] + json.dumps(PAYLOAD) + text[end:], "utf-8")
    assert main(["export", "claimreview", str(folder), "--url", "https://example.org/r"]) == 0
    json_ld = capsys.readouterr().out
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>safe</title>"
        f'<script type="application/ld+json">{json_ld}</script></head><body><script>'
        "var data = JSON.parse(document.querySelector(\"script[type='application/ld+json']\")"
        ".textContent);"
        'document.body.setAttribute("data-reviews", String(data.length));'
        "</script></body></html>",
        "utf-8",
    )
    dom = browse(page, "", "--dump-dom")
    assert re.findall(r"<title>(.*?)</title>", dom) == ["safe"]
    (body,) = [attrs for tag, attrs in elements(dom) if tag == "body"]
    assert body["data-reviews"] == str(len(json.loads(json_ld)))


def test_folder_names_with_percent_and_colliding_anchors(chromium: Path, tmp_path: Path) -> None:
    folders = [
        Path(shutil.copytree(SEED, tmp_path / parent / name))
        for parent, name in (("a", "x"), ("b", "x"), ("c", "x-2"), ("d", "50%-off"))
    ]
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    page = tmp_path / "report.html"
    write_html(evaluate(load_articles(folders)), page)
    claim = "refugees-body"
    panels = with_class(page.read_text("utf-8"), "section", "detail")
    keys = [str(panel["data-claim"]).split("/")[0] for panel in panels]
    assert sorted(set(keys)) == ["50%-off", "x", "x-2", "x-2-2"]
    for slug in ("x-2", "x-2-2"):
        dom = browse(page, f"#claim={slug}/{claim}", "--dump-dom")
        assert shown_panels(dom) == [f"{slug}/{claim}"]
    for fragment in (f"#claim=50%-off/{claim}", f"#claim=50%25-off/{claim}"):
        dom = browse(page, fragment, "--dump-dom")
        assert shown_panels(dom) == [f"50%-off/{claim}"]


# -- issue #17: an archive as a site, a page that tells an editor what to do, a phone --------

ARCHIVE_ARTICLES = 1_000
PHONE = (390, 2400)


def probed(page: Path, script: str, name: str) -> Path:
    """A copy of ``page`` that runs ``script`` after its own and records what it finds as
    attributes of <body>: --dump-dom then shows them."""
    copy = page.with_name(name)
    copy.write_text(
        page.read_text("utf-8").replace("</body>", f"<script>{script}</script></body>"), "utf-8"
    )
    return copy


def body_of(dom: str) -> dict[str, str | None]:
    (body,) = [attrs for tag, attrs in elements(dom) if tag == "body"]
    return body


def index_rows(dom: str) -> list[dict[str, str | None]]:
    return [attrs for tag, attrs in elements(dom) if tag == "tr" and "data-status" in attrs]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Evaluation:
    from factsuite.commands.synth import write_archive

    out = tmp_path_factory.mktemp("archive") / "facts"
    write_archive(out, ARCHIVE_ARTICLES, seed=17, error_rate=0.3)
    return evaluate(load_articles(discover([out])))


@pytest.fixture(scope="module")
def site(chromium: Path, archive: Evaluation, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(archive, tmp_path_factory.mktemp("site"))


def test_the_index_of_a_thousand_articles_renders_and_filters(
    site: Path, archive: Evaluation
) -> None:
    dom = browse(site, "", "--dump-dom")
    rows = index_rows(dom)
    assert len(rows) == ARCHIVE_ARTICLES
    assert not any("hidden" in row for row in rows)
    statuses = [row["data-status"] for row in rows]
    assert statuses == sorted(statuses, key=lambda s: s != "failing")  # failing first
    rule = "part_of"
    expected = sum(f" {rule} " in str(row["data-rules"]) for row in rows)
    assert 0 < expected < ARCHIVE_ARTICLES
    dom = browse(site, f"#status=failing&rule={rule}", "--dump-dom")
    shown = [row for row in index_rows(dom) if "hidden" not in row]
    assert len(shown) == expected
    assert f"showing {expected} of {ARCHIVE_ARTICLES} articles" in dom
    # choosing in the form (what a person does) filters too, and the address keeps the choice
    chosen = probed(
        site,
        "var form = document.getElementById('filters');"
        "form.elements.status.value = 'consistent';"
        "form.dispatchEvent(new Event('input', {bubbles: true}));"
        "document.body.setAttribute('data-address', location.hash);",
        "chosen.html",
    )
    dom = browse(chosen, "", "--dump-dom")
    shown = [row for row in index_rows(dom) if "hidden" not in row]
    assert {row["data-status"] for row in shown} <= {"consistent"}
    assert len(shown) == statuses.count("consistent")
    assert body_of(dom)["data-address"] == "#status=consistent"


def test_sorting_the_index_by_a_column(site: Path) -> None:
    sorted_page = probed(
        site,
        "document.querySelector('button[data-column=\"4\"]').click();"
        "document.querySelector('button[data-column=\"4\"]').click();",
        "sorted.html",
    )
    dom = browse(sorted_page, "", "--dump-dom")
    failed = [int(n) for n in re.findall(r'<td class="number" data-label="failed">(\d+)</td>', dom)]
    assert len(failed) == ARCHIVE_ARTICLES
    assert failed == sorted(failed, reverse=True)


def test_every_index_link_opens_an_article_page_that_links_back(site: Path) -> None:
    links = [
        a["href"] for a in (attrs for tag, attrs in elements(site.read_text("utf-8")) if tag == "a")
    ]
    assert len(links) == ARCHIVE_ARTICLES
    first = site.parent / str(links[0])
    assert first.is_file()
    dom = browse(first, "", "--dump-dom")
    assert '<a href="../index.html">' in dom
    assert len(with_class(dom, "article", "report-article")) == 1


def test_an_article_page_says_what_to_do_and_links_its_files(page: Path) -> None:
    document = page.read_text("utf-8")
    files = {str(a["href"]) for a in with_class(document, "a", "file")}
    assert files  # article.txt and claims.yaml, each relative to the page
    for href in files:
        assert not href.startswith(("/", "file:")), href
        assert (page.parent / unquote(href)).is_file(), href
    assert "<pre>" not in document.replace("<pre><code>factsuite findings record", "")
    assert with_class(document, "dl", "problem-body")
    for link in with_class(document, "a", "source"):
        assert str(link["href"]).startswith(("http://", "https://"))


def test_a_failure_shows_the_advice_of_the_terminal(chromium: Path, tmp_path: Path) -> None:
    from factsuite.reports.wording import next_step

    folder = Path(shutil.copytree(SEED, tmp_path / "facts" / SEED_NAME))
    shutil.copytree(ROOT / "reference", tmp_path / "reference")
    text = folder / "article.txt"
    text.write_text(text.read_text("utf-8").replace("3.5 million", "2.5 million", 1), "utf-8")
    evaluation = evaluate(load_articles([folder]))
    report = tmp_path / "report.html"
    write_report(evaluation, report)
    document = report.read_text("utf-8")
    failing = [o for o in evaluation.outcomes.values() if not o.passed and o.finding is None]
    assert failing
    for outcome in failing:
        advice, _ = next_step(f"{folder}/claims.yaml:1", outcome)
        assert html.escape(" ".join(advice), quote=False) in document
    dom = browse(report, "", "--dump-dom")
    assert "What to do:" in dom


def at_phone_width(page: Path, fragment: str, probe: str) -> Path:
    """A page holding ``page`` in a frame 390 px wide: headless Chromium lays a window out
    at least 500 px wide, a frame as wide as it is.  ``probe`` runs once the frame has
    loaded, with ``d`` its document and ``w`` its window."""
    width, height = PHONE
    holder = page.with_name(f"phone-{page.name}")
    holder.write_text(
        '<!doctype html><html><body style="margin:0">'
        f'<iframe id="frame" style="border:0;width:{width}px;height:{height}px" '
        f'src="{page.name}{fragment}"></iframe><script>'
        "document.getElementById('frame').onload = function () {"
        "var w = this.contentWindow, d = this.contentDocument;"
        f"{probe}}};</script></body></html>",
        "utf-8",
    )
    return holder


PHONE_FLAGS = ("--allow-file-access-from-files",)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_at_phone_width_the_text_comes_soon_and_nothing_overflows(page: Path, dark: bool) -> None:
    holder = at_phone_width(
        page,
        SELECTED,
        "var b = document.body;"
        "b.setAttribute('data-text-top', String(Math.round("
        "d.querySelector('.text').getBoundingClientRect().top + w.scrollY)));"
        "b.setAttribute('data-width', String(d.documentElement.scrollWidth));"
        "b.setAttribute('data-background', w.getComputedStyle(d.body).backgroundColor);",
    )
    flags = [*PHONE_FLAGS, *(["--force-dark-mode"] if dark else [])]
    body = body_of(browse(holder, "", *flags, "--dump-dom"))
    assert int(str(body["data-width"])) <= PHONE[0]
    assert int(str(body["data-text-top"])) < 1_200  # was 2,300 px down
    assert body["data-background"] == ("rgb(18, 18, 18)" if dark else "rgb(255, 255, 255)")


# -- the audit of issue #17: dark mode at desktop width, links only to web addresses --------


def test_at_desktop_width_dark_mode_follows_the_system(page: Path) -> None:
    probe = probed(
        page,
        "var b = document.body, s = getComputedStyle(b);"
        "b.setAttribute('data-background', s.backgroundColor);"
        "b.setAttribute('data-colour', s.color);"
        "var mark = document.querySelector('a.claim.status-failing, a.claim.status-finding');"
        "b.setAttribute('data-mark', getComputedStyle(mark).backgroundColor);",
        "dark.html",
    )
    width, height = WINDOW
    light = body_of(browse(probe, SELECTED, f"--window-size={width},{height}", "--dump-dom"))
    dark = body_of(
        browse(
            probe, SELECTED, f"--window-size={width},{height}", "--force-dark-mode", "--dump-dom"
        )
    )
    assert light["data-background"] == "rgb(255, 255, 255)"
    assert dark["data-background"] == "rgb(18, 18, 18)"
    assert dark["data-colour"] != light["data-colour"]  # light text on the dark page
    assert dark["data-mark"] != light["data-mark"]  # the highlights change with it


def test_only_web_addresses_become_links_and_they_can_be_clicked(
    chromium: Path, tmp_path: Path
) -> None:
    """A record's source (http(s)) is a link in the failure that names it; an address of
    another scheme in a reviewer's words stays text."""
    from tests.test_cli import copy_of_seed, mutate_children

    folder = copy_of_seed(tmp_path)
    mutate_children(folder)
    claims = folder / "claims.yaml"
    text = claims.read_text("utf-8")
    old = "    evidence: UNHCR Operational Data Portal"
    assert old in text
    claims.write_text(
        text.replace(old, f"{old} javascript:alert(1) ftp://example.org/x data:text/html,x", 1),
        "utf-8",
    )
    report = tmp_path / "report.html"
    write_report(evaluate(load_articles([folder])), report)
    probe = probed(
        report,
        "var links = Array.from("
        "  document.querySelectorAll('section.detail:not([hidden]) a.source'));"
        "document.body.setAttribute('data-links', links.map(function (a) {"
        "  a.scrollIntoView({block: 'center'});"
        "  var r = a.getBoundingClientRect();"
        "  var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        "  return (hit === a ? 'clickable ' : 'covered ') + a.href;"
        "}).join(' | '));",
        "links.html",
    )
    dom = browse(probe, f"#claim={SEED_NAME}/children-refugees", "--dump-dom")
    links = str(body_of(dom)["data-links"]).split(" | ")
    assert "clickable https://www.unicef.org/press-releases" in links
    assert all(link.startswith("clickable http") for link in links), links
    hrefs = [str(attrs.get("href")) for tag, attrs in elements(dom) if tag == "a"]
    assert not [h for h in hrefs if h.startswith(("javascript:", "ftp:", "data:"))]
    assert "javascript:alert(1) ftp://example.org/x" in html.unescape(dom)  # shown as text


def test_the_index_filters_by_outlet_with_its_counts(site: Path) -> None:
    dom = browse(site, "", "--dump-dom")
    rows = index_rows(dom)
    outlets = {str(row["data-outlet"]) for row in rows}
    assert len(outlets) > 1
    outlet = sorted(outlets)[0]
    expected = sum(row["data-outlet"] == outlet for row in rows)
    assert f"{html.escape(outlet)} ({expected})</option>" in dom  # the count beside the choice
    dom = browse(site, f"#outlet={quote(outlet)}", "--dump-dom")
    shown = [row for row in index_rows(dom) if "hidden" not in row]
    assert len(shown) == expected
    assert {row["data-outlet"] for row in shown} == {outlet}


def test_the_index_of_a_thousand_articles_renders_in_seconds(site: Path) -> None:
    """One page of 3,000 articles did not render in 3 minutes; the index of 1,000 opens,
    runs its script and is laid out in seconds (a generous bound: the machine is shared)."""
    started = time.monotonic()
    browse(site, "", f"--window-size={WINDOW[0]},{WINDOW[1]}", "--dump-dom")
    assert time.monotonic() - started < 30


if __name__ == "__main__":
    sys.exit(main())
