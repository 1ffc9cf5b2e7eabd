"""The HTML report in a real browser: headless Chromium runs the page's script, which shows
the selected claim's panel, and takes the screenshot kept as a test artefact.

Chromium comes from the system packages (``apt-get install chromium``).  Without it these
tests are skipped, except under CI (``CI`` set), where a missing browser is a failure.

The README's screenshot is made by the same code; regenerate it with
``python tests/test_html_browser.py`` (writes docs/report.png).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from factsuite.checking.engine import evaluate, load_articles
from factsuite.reports.html import write_html

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
    """Regenerate docs/report.png: the seed's report with its recorded finding selected."""
    os.chdir(ROOT)  # the report names the folder as a reader of the README would type it
    target = Path("docs", "report.png")
    with tempfile.TemporaryDirectory() as folder:
        screenshot(seed_report(Path(folder) / "report.html", SEED.relative_to(ROOT)), target)
    print(f"wrote {target} {png_size(target)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
