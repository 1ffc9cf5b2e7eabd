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

So the seed's ``body-matches-headline`` finding rates the body's "Ukrainians", not the
headline it is compared with.

Textual ratings (``reviewRating.alternateName``), one per verdict; no numeric scale is
given because the verdicts are not ordered:

    inaccurate -> Inaccurate    misleading -> Misleading    unsupported -> Unsupported
    outdated   -> Outdated      acceptable -> Acceptable

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
from factsuite.files.addresses import web_address
from factsuite.files.article import Article
from factsuite.files.model import Claim, Finding, SameFigure, Verdict
from factsuite.reports.escaping import json_for_html
from factsuite.reports.verdicts import not_reviewed

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


def claim_review(
    article: Article, claim: Claim, finding: Finding, url: str | None = None
) -> dict[str, Any]:
    """One ClaimReview: the quote, where it appeared, the rating and who reviewed it."""
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.quote,
        "itemReviewed": _claim(article, claim),
        "reviewRating": {"@type": "Rating", "alternateName": TEXTUAL_RATINGS[finding.verdict]},
        "reviewBody": " ".join(finding.reason.split()),
    }
    if finding.reviewed_by:
        review["author"] = {"@type": "Organization", "name": finding.reviewed_by}
    if finding.reviewed_on:
        review["datePublished"] = finding.reviewed_on.isoformat()
    if finding.evidence:
        review["citation"] = finding.evidence
    if url:
        review["url"] = url
    return review


def claim_reviews(
    article: Article, evaluation: Evaluation, url: str | None = None
) -> list[dict[str, Any]]:
    """A ClaimReview per rated claim of every finding that still holds, in file order."""
    if not article.is_valid:
        return []
    assert article.claims is not None
    claims = {claim.id: claim for claim in article.claims.claims}
    reviews = []
    for outcome in evaluation.of(article):
        if outcome.finding is None or outcome.passed or not_reviewed(outcome):
            continue  # a failure other than the one reviewed is no review of it
        for claim_id in reviewed_claims(article, outcome.item):
            reviews.append(claim_review(article, claims[claim_id], outcome.finding, url))
    return reviews


def _export_claimreview(arguments: argparse.Namespace) -> int:
    evaluation = evaluate_contained(load_articles([arguments.folder], given=[arguments.folder]))
    (article,) = evaluation.articles
    if not article.is_valid:
        for error in article.errors:
            print(error, file=sys.stderr)
        return 1
    if arguments.url is None:
        print(
            "note: no --url given; Google's fact-check markup requires the address of the page "
            "that publishes these reviews",
            file=sys.stderr,
        )
    reviews = claim_reviews(article, evaluation, arguments.url)
    print(json_for_html(reviews))
    return 0


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
    command.add_argument("folder", type=Path, help="an article folder")
    command.add_argument(
        "--url",
        type=_web_address,
        help="the http(s) address of the page that publishes the reviews (left out if not given)",
    )
    command.set_defaults(run=_export_claimreview)
