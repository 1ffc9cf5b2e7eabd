"""quote_in_article: a claim's quote is in the article, word for word."""

from __future__ import annotations

import re
import unicodedata

import pandas as pd
import pandera.pandas as pa

from factsuite.checking.check_helpers import registered
from factsuite.checking.explain_helpers import failing_claim, labelled
from factsuite.checking.findings import Line
from factsuite.checking.rule import Context, Failure, Rule
from factsuite.meaning.grounding import nearest_match

ORDER = 50


@registered()
def quote_in_article(df: pd.DataFrame) -> pd.Series:
    return df["quote_found"].astype(bool)


INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
"""Characters that print as nothing: a soft hyphen, zero-width spaces and joiners, a BOM."""


def explain(failure: Failure, context: Context) -> list[Line]:
    claim = failing_claim(failure, context)
    spacing = other_spacing(context.article.text, claim.quote)
    place, text, ratio = nearest_match(context.article.text, claim.quote)
    return [
        "The quote is not in the article, word for word.",
        labelled("quote", f'"{claim.quote}" (claims.yaml:{context.article.claim_line(claim.id)})'),
        labelled(
            "nearest",
            f'"{text}" (article.txt:{place.line}, column {place.column}, {ratio:.0%} alike)',
        ),
        *([spacing] if spacing else []),
        "  Copy the sentence from article.txt again, or fix the article if it was edited by "
        "mistake.",
    ]


def other_spacing(article: str, quote: str) -> str | None:
    """Where the article has the quote's words with spacing that prints alike (a no-break
    space, two spaces, a zero-width space): the quote and its nearest text would look the
    same on screen, and the failure would seem to mean nothing without it."""
    gap = f"[{INVISIBLE}]*"
    parts = [r"\s+" if char.isspace() else re.escape(char) for char in quote.strip()]
    match = re.search(gap.join(parts), article)
    if match is None:
        return None
    found = match.group()
    odd = [char for char in dict.fromkeys(found) if char in INVISIBLE or char.isspace()]
    named = [f"U+{ord(c):04X} {unicodedata.name(c, 'CONTROL')}" for c in odd if c != " "]
    if "  " in found:
        named.append("two spaces in a row")
    line = article.count("\n", 0, match.start()) + 1
    column = match.start() - (article.rfind("\n", 0, match.start()) + 1) + 1
    return (
        f"  The article has these words with other spacing (article.txt:{line}, column "
        f"{column}): {', '.join(named) or 'another space'}."
    )


RULES = (Rule("quote_in_article", "claims", "grounding", pa.Check.quote_in_article(), explain),)
