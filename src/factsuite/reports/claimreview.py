"""Recorded findings as schema.org ClaimReview JSON-LD, the markup fact-check tools read.

A review is written only for what a person has judged: a finding in claims.yaml whose check
still fails.  A passing check is no verdict on its claim, and a finding that no longer holds
(the article was corrected) must not be published.

Which claim a finding rates.  A check on one claim (schema, grounding, calendar) rates that
claim.  A relation relates several, and the finding rates the ones the rule tests against a
reference, never the reference itself:

    same_figure  every claim but the first (the first is the mention the others must match)
    part_of      the part            sum_of   the parts
    share_of     the share           spans    the duration
    before       both dates          total    the parts
    share_count  the share           partition  the shares
    change       the change (by)     rate     the average per day
    event_count  the count       exceeds  both figures

So the seed's ``body-matches-headline`` finding rates the body's "Ukrainians", not the
headline it is compared with.

Ratings: Google recommends a numeric ``ratingValue`` between ``worstRating`` and
``bestRating`` beside the textual ``alternateName`` (also given as ``name``).  The verdicts
are placed on a 1 to 5 scale by how far the wording is from what the evidence supports:

    1 inaccurate -> Inaccurate    2 misleading -> Misleading    3 unsupported -> Unsupported
    4 outdated   -> Outdated      5 acceptable -> Acceptable

One review per claim: when several findings rate the same claim (a wrong figure fails its
relation and its record), they make one review with the lowest rating, every reason and
every piece of evidence.

Who reviewed: ``reviewed_by`` names a person (``Person``); with no reviewer named, the
outlet of meta.yaml is the reviewing ``Organization``; with neither, no author is given.

Nothing is invented: an unknown outlet, address or date is left out, never guessed.  The
claim's author is the outlet that printed the words, not the source the article attributes
them to: a finding rates the article's wording (the seed's body says "Ukrainians" where
UNHCR counted people), so the attribution is given as a description instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from factsuite.checking.contained import evaluate_contained
from factsuite.checking.engine import CheckItem, Evaluation, load_articles
from factsuite.commands.given import NothingToCheck, article_folders, usage_error
from factsuite.files.addresses import web_address
from factsuite.files.article import Article
from factsuite.files.model import Claim, Finding, SameFigure, Verdict
from factsuite.reports.escaping import json_for_html
from factsuite.reports.verdicts import not_reviewed

RATING_VALUES = {
    Verdict.INACCURATE: 1,
    Verdict.MISLEADING: 2,
    Verdict.UNSUPPORTED: 3,
    Verdict.OUTDATED: 4,
    Verdict.ACCEPTABLE: 5,
}
WORST_RATING, BEST_RATING = 1, 5
TEXTUAL_RATINGS = {
    Verdict.INACCURATE: "Inaccurate",
    Verdict.MISLEADING: "Misleading",
    Verdict.UNSUPPORTED: "Unsupported",
    Verdict.OUTDATED: "Outdated",
    Verdict.ACCEPTABLE: "Acceptable",
}
RATED_FIELDS = {
    "part_of": ("part",),
    "sum_of": ("parts",),
    "share_of": ("share",),
    "total": ("parts",),
    "share_count": ("share",),
    "partition": ("shares",),
    "change": ("by",),
    "rate": ("per_period",),
    "spans": ("duration",),
    "before": ("earlier", "later"),
    "event_count": ("count",),
    "exceeds": ("larger", "smaller"),
}


def reviewed_claims(article: Article, check: CheckItem) -> tuple[str, ...]:
    """The ids of the claims a finding on ``check`` rates (see the module docstring)."""
    assert article.claims is not None
    known = {claim.id for claim in article.claims.claims}
    relation = next((r for r in article.claims.relations if r.id == check.name), None)
    if relation is None:
        named: list[str] = list(check.claims)
    elif isinstance(relation, SameFigure):
        named = relation.claims[1:]
    else:
        named = []
        for field in RATED_FIELDS[relation.rule]:
            value = getattr(relation, field)
            named += value if isinstance(value, list) else [value]
    return tuple(claim_id for claim_id in named if claim_id in known)


def _appearance(article: Article) -> dict[str, Any]:
    """The article the claim appeared in, as far as meta.yaml knows it."""
    meta = article.meta
    assert meta is not None
    work: dict[str, Any] = {
        "@type": "NewsArticle" if meta.outlet or meta.url else "CreativeWork",
        "datePublished": meta.published.isoformat(),
    }
    if meta.headline:
        work["headline"] = meta.headline
    if meta.url:
        work["url"] = meta.url
    if meta.outlet:
        work["publisher"] = {"@type": "Organization", "name": meta.outlet}
    return work


def _claim(article: Article, claim: Claim) -> dict[str, Any]:
    meta = article.meta
    assert meta is not None
    item: dict[str, Any] = {
        "@type": "Claim",
        "datePublished": meta.published.isoformat(),
        "appearance": _appearance(article),
    }
    if meta.outlet:
        item["author"] = {"@type": "Organization", "name": meta.outlet}
    if claim.attributed:
        item["description"] = f"Attributed in the article to {claim.attributed}."
    return item


def rating(verdict: Verdict) -> dict[str, Any]:
    """A verdict as a schema.org Rating: the scale's value and its words."""
    words = TEXTUAL_RATINGS[verdict]
    return {
        "@type": "Rating",
        "ratingValue": RATING_VALUES[verdict],
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "name": words,
        "alternateName": words,
    }


def _reviewer(article: Article, findings: list[Finding]) -> dict[str, str] | None:
    """A named reviewer is a Person; else the outlet reviews, as an Organization."""
    named = next((finding.reviewed_by for finding in findings if finding.reviewed_by), None)
    if named:
        return {"@type": "Person", "name": named}
    outlet = article.meta.outlet if article.meta else None
    return {"@type": "Organization", "name": outlet} if outlet else None


def claim_review(
    article: Article, claim: Claim, findings: list[Finding], url: str | None = None
) -> dict[str, Any]:
    """One ClaimReview of a claim: its quote, where it appeared, the lowest rating of the
    findings that rate it, their reasons, and who reviewed it."""
    worst = min(findings, key=lambda finding: RATING_VALUES[finding.verdict])
    reasons = dict.fromkeys(" ".join(finding.reason.split()) for finding in findings)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.quote,
        "itemReviewed": _claim(article, claim),
        "reviewRating": rating(worst.verdict),
        "reviewBody": " ".join(reasons),
    }
    author = _reviewer(article, findings)
    if author:
        review["author"] = author
    dates = [finding.reviewed_on for finding in findings if finding.reviewed_on]
    if dates:
        review["datePublished"] = max(dates).isoformat()
    evidence = list(dict.fromkeys(finding.evidence for finding in findings if finding.evidence))
    if evidence:
        review["citation"] = evidence[0] if len(evidence) == 1 else evidence
    if url:
        review["url"] = url
    return review


def claim_reviews(
    article: Article, evaluation: Evaluation, url: str | None = None
) -> list[dict[str, Any]]:
    """A ClaimReview per claim rated by a finding that still holds, in the findings' order."""
    if not article.is_valid:
        return []
    assert article.claims is not None
    claims = {claim.id: claim for claim in article.claims.claims}
    rated: dict[str, list[Finding]] = {}
    for outcome in evaluation.of(article):
        if outcome.finding is None or outcome.passed or not_reviewed(outcome):
            continue  # a failure other than the one reviewed is no review of it
        for claim_id in reviewed_claims(article, outcome.item):
            rated.setdefault(claim_id, []).append(outcome.finding)
    return [
        claim_review(article, claims[claim_id], findings, url)
        for claim_id, findings in rated.items()
    ]


def _export_claimreview(arguments: argparse.Namespace) -> int:
    """Every article under the folder given (one article, or a whole ``facts/``)."""
    try:
        folders = article_folders([arguments.folder])
    except NothingToCheck as error:
        return usage_error(str(error))
    articles = load_articles(folders, given=[arguments.folder])
    evaluation = evaluate_contained(articles)
    reviews = []
    invalid = 0
    for article in evaluation.articles:
        if not article.is_valid:
            invalid += 1
            print("\n".join(map(str, article.errors)), file=sys.stderr)
            continue
        reviews += claim_reviews(article, evaluation, arguments.url)
    if arguments.url is None:
        print(
            "note: no --url given; Google's fact-check markup requires the address of the page "
            "that publishes these reviews",
            file=sys.stderr,
        )
    if len(folders) > 1:
        print(
            f"{len(reviews)} ClaimReviews from {len(folders) - invalid} of {len(folders)} "
            "articles (every reviewed claim whose finding still holds)",
            file=sys.stderr,
        )
    print(json_for_html(reviews))
    return 1 if invalid else 0


def _web_address(value: str) -> str:
    try:
        return web_address(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def add_command(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``factsuite export claimreview FOLDER [--url URL]``: the reviews as a JSON-LD array."""
    export = subparsers.add_parser("export", help="export reviewed findings for other tools")
    formats = export.add_subparsers(dest="format", required=True)
    command = formats.add_parser(
        "claimreview", help="print schema.org ClaimReview JSON-LD for each reviewed claim"
    )
    command.add_argument(
        "folder", type=Path, help="an article folder, or a folder of them (facts/): every article"
    )
    command.add_argument(
        "--url",
        type=_web_address,
        help="the http(s) address of the page that publishes the reviews (left out if not given)",
    )
    command.set_defaults(run=_export_claimreview)
