"""Every user-written string, made safe for where it is written: a terminal, Markdown, HTML,
JSON inside a ``<script>``, a URL fragment.

A fact file is written by whoever opens a pull request, and its folder names, quotes and
reasons end up in a CI log, a job summary, a report and published JSON-LD: none of them
may format, run or hide anything there.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls but tab and newline (an ANSI escape starts with ESC or CSI), and the
bidirectional marks and overrides that make text read otherwise than it is stored."""


def visible(text: str) -> str:
    """Controls shown as ``\\x1b`` (or ``\\u202e``) instead of acting on a terminal or a page."""
    return CONTROLS.sub(_escape_code, text)


NAME_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""``CONTROLS`` with tab and the line ends too: what a name shown on one line may not hold."""


def one_line(text: str) -> str:
    """A name (a folder, a node id) on one line: a newline in a folder's name would start a
    forged line of its own in a log, so it is shown as ``\\x0a`` like every other control."""
    return NAME_CONTROLS.sub(_escape_code, text)


def _escape_code(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>&|#~!()$:])")
"""The punctuation that can format mid-line: emphasis, code spans, links and images, raw
HTML and entities, table cells, headings, strikethrough, maths, and the ``:`` of an
autolink.  CommonMark shows each escaped character as itself; the text is one line and
never starts one, so the marks that only count at a line's start (``-``, ``+``, ``1.``)
stay readable."""


def markdown_inline(text: str) -> str:
    """Text shown as written on one line of Markdown (a table cell, a list item, a summary)."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", " ".join(visible(text).split()))


def json_for_html(data: Any) -> str:
    """JSON that can stand inside ``<script type="application/ld+json">``: ``<``, ``>`` and
    ``&`` (and the two line separators JavaScript once refused) as ``\\u`` escapes, so no
    string can close the script or open a comment; the data reads back the same."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    for character in "<>&\u2028\u2029":
        text = text.replace(character, f"\\u{ord(character):04x}")
    return text


def fragment(key: str) -> str:
    """A claim's key as a URL fragment: percent-encoded, so that ``%`` or ``#`` in a folder's
    name still decodes to the key."""
    return quote(visible(key), safe="/-._~")


MAX_LINES = 60
"""Lines of one failure in a terminal: a coverage failure of a 20 MB article had 114,842."""


def capped(text: str, see: str, lines: int = MAX_LINES) -> str:
    """At most ``lines`` lines of ``text``, then how many more and where to see them."""
    shown = text.split("\n")
    if len(shown) <= lines:
        return text
    more = len(shown) - lines
    return "\n".join([*shown[:lines], f"  …and {more:,} more lines: {see}"])
