"""Web addresses in fact files: http(s) only, since each is written into pages that others
publish (the HTML report, ClaimReview JSON-LD), where ``javascript:`` would run."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+[^\s]*", re.IGNORECASE)
"""``http://`` or ``https://``, a host, then anything without whitespace."""


def web_address(value: str) -> str:
    """The address unchanged, or ValueError saying what an address must look like."""
    if not WEB_ADDRESS.fullmatch(value):
        raise ValueError(
            f"{value[:80]!r} is not a web address: give one starting http:// or https://, or null"
        )
    return value


def is_web_address(value: str) -> bool:
    return WEB_ADDRESS.fullmatch(value) is not None


WebAddress = Annotated[
    str, StringConstraints(min_length=1, max_length=10_000), AfterValidator(web_address)
]
