"""quote_in_article: a claim's quote is in the article, word for word."""

from __future__ import annotations

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


def explain(failure: Failure, context: Context) -> list[Line]:
    claim = failing_claim(failure, context)
    place, text, ratio = nearest_match(context.article.text, claim.quote)
    return [
        "The quote is not in the article, word for word.",
        labelled("quote", f'"{claim.quote}" (claims.yaml:{context.article.claim_line(claim.id)})'),
        labelled(
            "nearest",
            f'"{text}" (article.txt:{place.line}, column {place.column}, {ratio:.0%} alike)',
        ),
        "  Copy the sentence from article.txt again, or fix the article if it was edited by "
        "mistake.",
    ]


RULES = (Rule("quote_in_article", "claims", "grounding", pa.Check.quote_in_article(), explain),)
