"""The engine: plan each article's checks, evaluate all articles in bulk, attach verdicts.

Used alike by the pytest plugin and by ``factsuite check``, so that both say the same.
What pulls in pandas and pandera (tables, rules, reference series) is imported in the
functions that plan and evaluate: reports and the culprit import ``Evaluation`` from here,
and a run whose verdicts are all stored (``verdict_cache.py``) must not pay for them.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from factsuite.checking.covering import covers
from factsuite.checking.findings import Problem
from factsuite.checking.findings_review import finding_errors, fingerprint
from factsuite.checking.outcome import CheckItem as CheckItem
from factsuite.checking.outcome import Outcome as Outcome
from factsuite.files.article import Article, load_article, tree_of
from factsuite.files.loading import LocatedError
from factsuite.files.model import Relation, ShareCount, roles
from factsuite.meaning.grounding import find_quote, place_of
from factsuite.meaning.lexicon import DEFAULT_READING, Reading
from factsuite.meaning.mentions import find_mentions
from factsuite.meaning.readings import ClaimReading

if TYPE_CHECKING:  # pandas and pandera, imported where articles are evaluated (see below)
    from factsuite.checking.rule import Failure, Rule
    from factsuite.files.reference import Reference
    from factsuite.files.reference_library import ReferenceLibrary

SCHEMA_ITEM = "schema"
IGNORED_ITEM = "ignored-mentions"
COVERAGE_ITEM = "coverage"
RESERVED_ITEMS = {SCHEMA_ITEM, IGNORED_ITEM, COVERAGE_ITEM}
CLAIM_RULES = ("schema", "grounding", "calendar")


def plan(article: Article, reference: Reference | None = None) -> list[CheckItem]:
    """The checks an article gets; a file that does not validate gets its schema item only.

    Planned once per article and reference: loading, collection and evaluation all ask.
    """
    from factsuite.checking.implied import implied_relations

    key = id(article)
    planned = _PLANS.get(key)
    valid = article.is_valid  # an article found invalid after planning loses its checks
    if planned is None or planned[0] is not reference or planned[1] is not valid:
        if planned is None:
            weakref.finalize(article, _PLANS.pop, key, None)
        implied = implied_relations(article, reference)
        _PLANS[key] = planned = (reference, valid, _plan(article, reference, implied), implied)
    return planned[2]


def planned_implied(article: Article, reference: Reference | None) -> list[Relation]:
    """The implied relations the article's plan was made with: found once, not again for
    the tables."""
    plan(article, reference)
    return _PLANS[id(article)][3]


_PLANS: dict[int, tuple[Reference | None, bool, list[CheckItem], list[Relation]]] = {}
"""Each live article's plan, with the reference it was planned with and whether the article
was valid then: an entry goes when its article is freed, so the model of the files holds no
state of the engine's."""


def _plan(
    article: Article, reference: Reference | None, implied: list[Relation]
) -> list[CheckItem]:
    from factsuite.checking.implied import with_implied_whole
    from factsuite.checking.rules import CLAIM_ITEM

    if not article.is_valid:
        return [CheckItem(SCHEMA_ITEM, "schema", 1)]
    assert article.claims is not None
    items = [CheckItem(SCHEMA_ITEM, "schema", 1)]
    for index, claim in enumerate(article.claims.claims):
        line = article.line("claims", index)
        for rule in CLAIM_RULES:
            if rule == "calendar" and claim.unit != "date":
                continue
            items.append(
                CheckItem(CLAIM_ITEM.format(rule=rule, claim=claim.id), rule, line, (claim.id,))
            )
    relations = article.claims.relations
    for index, relation in enumerate(relations):
        items.append(
            CheckItem(
                relation.id,
                relation.rule,
                article.line("relations", index),
                _relation_claims(with_implied_whole(relation, relations)),
            )
        )
    lines = {claim.id: article.line("claims", i) for i, claim in enumerate(article.claims.claims)}
    for relation in implied:
        claims = _relation_claims(relation)
        items.append(CheckItem(relation.id, relation.rule, lines[claims[0]], claims))
    if article.claims.ignored:
        items.append(CheckItem(IGNORED_ITEM, "grounding", article.line("ignored", 0)))
    items.append(CheckItem(COVERAGE_ITEM, "coverage", 1))
    drafts = {claim.id for claim in article.claims.claims if claim.status == "draft"}
    return [
        replace(item, draft=True) if drafts.intersection(item.claims) else item
        for item in items + _reference_items(article, reference)
    ]


def _reference_items(article: Article, reference: Reference | None) -> list[CheckItem]:
    """record/population/stale for claims a series speaks to; event for dates naming one."""
    from factsuite.checking.reference_tables import citations
    from factsuite.checking.rules import CLAIM_ITEM
    from factsuite.meaning.dated import is_dated

    assert article.claims is not None
    lines = {claim.id: article.line("claims", i) for i, claim in enumerate(article.claims.claims)}
    items = []
    for citation in citations(article, reference):
        rules: tuple[str, ...] = ("record",)
        if not citation.as_part:  # a dated figure cannot go stale: see meaning/dated.py
            rules = (
                ("record", "population")
                if is_dated(citation.claim, article.text)
                else (*rules, "population", "stale")
            )
        claim_id = citation.claim.id
        items += [
            CheckItem(
                CLAIM_ITEM.format(rule=rule, claim=claim_id), rule, lines[claim_id], (claim_id,)
            )
            for rule in rules
        ]
    for claim in article.claims.claims:
        if claim.event is not None:
            name = CLAIM_ITEM.format(rule="event", claim=claim.id)
            items.append(CheckItem(name, "event", lines[claim.id], (claim.id,)))
    return items


def _relation_claims(relation: Relation) -> tuple[str, ...]:
    """The ids a relation names, its single roles first, then its lists (see ``roles``)."""
    singles, groups = roles(type(relation))
    ids = [getattr(relation, name) for name in singles if getattr(relation, name) is not None]
    for name in groups:
        ids.extend(getattr(relation, name))
    return tuple(ids)


def cross_reference_errors(article: Article, reference: Reference | None) -> list[LocatedError]:
    """What one file's model cannot see: repeated ids (findings: see ``findings_review``)."""
    if article.claims is None:
        return []
    errors = []
    path = article.claims_path
    for section, entries in (
        ("claims", article.claims.claims),
        ("relations", article.claims.relations),
    ):
        counts = Counter(entry.id for entry in entries)
        for index, entry in enumerate(entries):
            if counts[entry.id] > 1:
                errors.append(
                    LocatedError(
                        path,
                        article.line(section, index, "id"),
                        f"{section}[{index + 1}].id",
                        f"id {entry.id!r} is used more than once",
                        "give each entry an id of its own",
                    )
                )
            elif section == "relations" and entry.id in RESERVED_ITEMS:
                errors.append(
                    LocatedError(
                        path,
                        article.line(section, index, "id"),
                        f"{section}[{index + 1}].id",
                        f"id {entry.id!r} is reserved for a check",
                        "choose another id",
                    )
                )
    return errors + _whole_errors(article) + _ignore_implied_errors(article, reference)


def _whole_errors(article: Article) -> list[LocatedError]:
    """A share_count with no whole whose part no one total or sum_of lists."""
    from factsuite.checking.implied import implied_wholes

    assert article.claims is not None
    relations = article.claims.relations
    errors = []
    for index, relation in enumerate(relations):
        if not isinstance(relation, ShareCount) or relation.whole or relation.whole_parts:
            continue
        wholes = implied_wholes(relation, relations)
        if len(wholes) == 1:
            continue
        found = f"the wholes {', '.join(wholes)} all hold" if wholes else "no total or sum_of lists"
        errors.append(
            LocatedError(
                article.claims_path,
                article.line("relations", index),
                f"relations[{index + 1}]",
                f"share_count {relation.id!r} names no whole, and {found} its part "
                f"{relation.part!r}",
                "name the whole (whole: <claim>), or list the counts that make it up "
                "(whole_parts: [...])",
            )
        )
    return errors


def _ignore_implied_errors(article: Article, reference: Reference | None) -> list[LocatedError]:
    """Names under ignore_implied that switch off no implied relation: a typo must not pass."""
    from factsuite.checking.implied import candidate_relations

    assert article.claims is not None
    if not article.claims.ignore_implied:
        return []
    vocabulary = reference.populations if reference else None
    known = {relation.id for relation in candidate_relations(article, vocabulary)}
    return [
        LocatedError(
            article.claims_path,
            article.line("ignore_implied", index),
            f"ignore_implied[{index + 1}]",
            f"no implied relation is named {name!r}",
            "copy the name of an implied check as the report shows it, or remove the entry",
        )
        for index, name in enumerate(article.claims.ignore_implied)
        if name not in known
    ]


def load_articles(
    folders: list[Path], library: ReferenceLibrary | None = None, given: Sequence[Path] = ()
) -> list[Article]:
    """Read article folders, each inside the given path that holds it (see ``tree_of``);
    findings are checked against each article's reference too."""
    from factsuite.files.reference_library import ReferenceLibrary, reference_folder_for

    library = library or ReferenceLibrary()
    articles = [load_article(folder, tree_of(folder, given)) for folder in folders]
    for article in articles:
        reference = library.for_article(article.folder)
        article.errors.extend(cross_reference_errors(article, reference))
        if article.is_valid:
            names = [item.name for item in plan(article, reference)]
            folder = reference.folder if reference else reference_folder_for(article.folder)
            article.finding_errors = finding_errors(article, names, folder)
    return articles


@dataclass
class Evaluation:
    """Every outcome of every article, by (article folder, check name), and what was computed
    on the way that reports show: each claim's reading, by (article folder, claim id)."""

    articles: list[Article]
    outcomes: dict[tuple[str, str], Outcome]
    reading: Reading
    library: ReferenceLibrary
    readings: dict[tuple[str, str], ClaimReading] = field(default_factory=dict)

    def reading_of(self, article: Article, claim_id: str) -> ClaimReading:
        return self.readings[(str(article.folder), claim_id)]

    def outcome(self, article: Article, name: str) -> Outcome:
        return self.outcomes[(str(article.folder), name)]

    def of(self, article: Article) -> list[Outcome]:
        return self.outcomes_of(article.folder)

    def outcomes_of(self, folder: Path) -> list[Outcome]:
        return self._by_article.get(str(folder), [])

    @cached_property
    def _by_article(self) -> dict[str, list[Outcome]]:
        """Outcomes grouped once: looking each article up by scanning all was quadratic."""
        grouped: dict[str, list[Outcome]] = {}
        for (folder, _), outcome in self.outcomes.items():
            grouped.setdefault(folder, []).append(outcome)
        return grouped


def evaluate(
    articles: list[Article],
    reading: Reading = DEFAULT_READING,
    library: ReferenceLibrary | None = None,
    rule_set: tuple[Rule, ...] | None = None,
) -> Evaluation:
    """Run every rule (``rules()`` unless given) over all valid articles at once, then give
    each item its verdict."""
    from factsuite.checking.reference_tables import build_reference_tables, event_days
    from factsuite.checking.rule import Context, explain
    from factsuite.checking.rules import find_failures
    from factsuite.checking.tables import build_tables
    from factsuite.files.reference_library import ReferenceLibrary

    library = library or ReferenceLibrary()
    references = {str(a.folder): library.for_article(a.folder) for a in articles}
    outcomes: dict[tuple[str, str], Outcome] = {}
    for article in articles:
        for item in plan(article, references.get(str(article.folder))):
            outcomes[(str(article.folder), item.name)] = Outcome(
                item, finding=article.finding_for(item.name)
            )
        errors = article.errors + article.finding_errors
        if errors:
            outcomes[(str(article.folder), SCHEMA_ITEM)].problems = [
                Problem(None, "\n".join(str(error) for error in errors))
            ]
    valid = [article for article in articles if article.is_valid]
    events = {key: event_days(reference) for key, reference in references.items()}
    implied = {
        str(article.folder): planned_implied(article, references.get(str(article.folder)))
        for article in valid
    }
    tables = build_tables(valid, events, implied)
    reference_tables = build_reference_tables(valid, tables.claims, references)
    by_folder = {str(article.folder): article for article in valid}
    failures = find_failures(
        {"claims": tables.claims, **tables.relations, **reference_tables}, rule_set
    )
    failed: dict[tuple[str, str], list[Failure]] = {}
    for failure in _failing_under(failures, reading):
        article = by_folder[failure.row["article"]]
        name = _item_name(failure)
        failed.setdefault((str(article.folder), name), []).append(failure)
        context = Context(
            article,
            tables.readings,
            reading,
            _strict_also(failure, failures),
            references.get(str(article.folder)),
        )
        problems = outcomes[(str(article.folder), name)].problems
        problem = explain(failure, context)
        if problem not in problems:  # a rule over groups fails each row of the group alike
            problems.append(problem)
    for article in valid:
        problems = _ignored_problems(article)
        if problems:
            outcomes[(str(article.folder), IGNORED_ITEM)].problems.extend(problems)
        uncovered = uncovered_mentions(article)
        if uncovered:
            outcomes[(str(article.folder), COVERAGE_ITEM)].problems.append(uncovered)
    _fingerprint(outcomes, failed, by_folder)
    return Evaluation(articles, outcomes, reading, library, tables.readings)


def _fingerprint(
    outcomes: dict[tuple[str, str], Outcome],
    failed: dict[tuple[str, str], list[Failure]],
    by_folder: dict[str, Article],
) -> None:
    """Give each failure of a valid article the fingerprint a finding records."""
    for key, outcome in outcomes.items():
        article = by_folder.get(key[0])
        if outcome.passed or article is None:
            continue
        rows = failed.get(key, [])
        outcome.fingerprint = fingerprint(
            article,
            outcome.item.rule,
            outcome.item.claims,
            [failure.row.to_dict() for failure in rows],
            outcome.problems,
            [failure.rule.name for failure in rows],
        )


def _failing_under(failures: list[Failure], reading: Reading) -> list[Failure]:
    return [f for f in failures if f.rule.reading in (None, reading)]


def _strict_also(failure: Failure, failures: list[Failure]) -> bool | None:
    """For a pragmatic failure: does the strict reading fail too?  None when not applicable."""
    if failure.rule.reading is not Reading.PRAGMATIC:
        return None
    return any(
        other.rule.name == failure.rule.name
        and other.rule.reading is Reading.STRICT
        and other.row.name == failure.row.name
        and other.rule.table == failure.rule.table
        for other in failures
    )


def _item_name(failure: Failure) -> str:
    from factsuite.checking.rules import CLAIM_ITEM, CLAIM_TABLES

    row = failure.row
    if failure.rule.table in CLAIM_TABLES:
        return CLAIM_ITEM.format(rule=failure.rule.item, claim=row["claim"])
    return str(row["relation"])


def _ignored_problems(article: Article) -> list[Problem]:
    assert article.claims is not None
    problems = []
    for index, ignored in enumerate(article.claims.ignored):
        if find_quote(article.text, ignored.quote) is None:
            line = article.line("ignored", index, "quote")
            problems.append(
                Problem(
                    "ignored_quote_in_article",
                    f'The ignored mention "{ignored.quote}" (claims.yaml:{line}) is not in the '
                    "article any more: update the quote or remove the entry.",
                )
            )
    return problems


def _spans_of(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(quote)
    while start != -1:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def uncovered_mentions(article: Article) -> Problem | None:
    """Mentions in the text that are neither inside the quote of a claim that covers them
    (see ``covering``) nor inside an ignored quote: what the claims file forgot."""
    assert article.claims is not None
    assert article.meta is not None
    published = article.meta.published
    quoted = [(claim, _spans_of(article.text, claim.quote)) for claim in article.claims.claims]
    ignored = [
        span for item in article.claims.ignored for span in _spans_of(article.text, item.quote)
    ]
    missing = []
    for mention in find_mentions(article.text):
        start, end = mention.start, mention.end
        if any(
            any(first <= start and end <= last for first, last in spans)
            and covers(mention, claim, published, article.text)
            for claim, spans in quoted
        ):
            continue
        if any(first <= start and end <= last for first, last in ignored):
            continue
        missing.append(mention)
    if not missing:
        return None
    summary = (
        f"{len(missing)} numeric or temporal mention(s) of the article are neither a claim nor "
        "ignored:"
    )
    lines = []
    for mention in missing:
        place = place_of(article.text, mention.start)
        lines.append(
            f'  article.txt:{place.line}:{place.column}  "{mention.text}" ({mention.kind})'
        )
    lines.append(
        "  Add a claim for each (factsuite new drafts them), or list it under ignored: with a "
        "reason."
    )
    return Problem("mention_covered", summary, tuple(lines))
