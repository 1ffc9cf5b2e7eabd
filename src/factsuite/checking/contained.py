"""Evaluation that one article's unexpected exception cannot take from the others.

A chunk is evaluated in bulk for speed; should that raise (a bug met by odd input), the
chunk is evaluated again one article at a time, and only the article that still raises
fails: its ``schema`` item says what went wrong, located at its claims.yaml, while every
other article of the chunk keeps its verdicts.
"""

from __future__ import annotations

import sys

from factsuite.checking import engine
from factsuite.checking.engine import SCHEMA_ITEM, CheckItem, Evaluation, Outcome, plan
from factsuite.checking.findings import Problem
from factsuite.files.article import Article
from factsuite.files.reference_library import ReferenceLibrary
from factsuite.meaning.lexicon import DEFAULT_READING, Reading


def evaluate_contained(
    articles: list[Article],
    reading: Reading = DEFAULT_READING,
    library: ReferenceLibrary | None = None,
) -> Evaluation:
    """``evaluate``, with an exception contained to the article that raised it."""
    library = library or ReferenceLibrary()
    try:
        return engine.evaluate(articles, reading, library)
    except Exception:  # any bug must cost one article, not the chunk
        if len(articles) <= 1:
            return _failed(articles, reading, library)
    merged = Evaluation([], {}, reading, library)
    for article in articles:
        try:
            single = engine.evaluate([article], reading, library)
        except Exception:
            single = _failed([article], reading, library)
        merged.articles.extend(single.articles)
        merged.outcomes.update(single.outcomes)
        merged.readings.update(single.readings)
    return merged


def _failed(articles: list[Article], reading: Reading, library: ReferenceLibrary) -> Evaluation:
    """Every planned item of the articles failed: the schema item with the exception's kind
    and message (never the traceback), the others as not checked."""
    error = sys.exc_info()[1]
    kind = type(error).__name__ if error is not None else "error"
    outcomes = {}
    for article in articles:
        key = str(article.folder)
        text = (
            f"{article.claims_path}: {COULD_NOT_CHECK} ({kind}: "
            f"{_short(error)}); the other articles were checked. Please report it with "
            "this article attached."
        )
        outcomes[(key, SCHEMA_ITEM)] = Outcome(
            CheckItem(SCHEMA_ITEM, "schema", 1), [Problem(None, text)]
        )
        for item in _planned(article, library):
            if item.name != SCHEMA_ITEM:
                outcomes[(key, item.name)] = Outcome(item, [Problem(None, NOT_CHECKED)])
    return Evaluation(list(articles), outcomes, reading, library)


COULD_NOT_CHECK = "factsuite could not check this article"
"""How an article whose evaluation raised begins its schema item: its verdicts are not
stored (see ``checking/verdict_cache.py``), so that a passing trouble does not stay."""
NOT_CHECKED = "not checked: the article could not be evaluated (see its schema item)"


def _planned(article: Article, library: ReferenceLibrary) -> list[CheckItem]:
    try:
        return plan(article, library.for_article(article.folder))
    except Exception:  # planning raised too: the schema item says so
        return []


def _short(error: BaseException | None, limit: int = 200) -> str:
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[:limit] + "…"
