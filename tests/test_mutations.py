"""Mutation tests: every check must be able to fail, and must say why in the right words.

Each case copies the seed article (facts/2022-03-22-kremlin-talks) to a temporary folder,
breaks it the way a careless writer would (the article and its claim edited alike, or one of
them forgotten), evaluates it, and asserts that exactly the expected checks fail (no
collateral false alarms) with the expected rule and numbers in their explanations.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from factsuite.checking.engine import SCHEMA_ITEM, Evaluation, evaluate, load_articles
from factsuite.checking.rules import rules
from factsuite.meaning.lexicon import Reading
from factsuite.reports.wording import problem_texts

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "facts" / "2022-03-22-kremlin-talks"
REFERENCE = ROOT / "reference"
ARTICLE, META, CLAIMS = "article.txt", "meta.yaml", "claims.yaml"

# -- editing a copy of the seed ------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    """Replace ``old`` by ``new`` in one file of the copy; ``old`` must occur exactly once.

    ``file`` is relative to the article folder, or with ``in_reference`` to ``reference/``.
    """

    file: str
    old: str
    new: str
    reference: bool = False

    def apply(self, folder: Path) -> None:
        # The article folder is <project>/facts/<seed>; reference/ is beside facts/.
        path = (folder.parents[1] / "reference" if self.reference else folder) / self.file
        text = path.read_text("utf-8")
        count = text.count(self.old)
        assert count == 1, f"{self.file}: {self.old!r} occurs {count} times, not once"
        path.write_text(text.replace(self.old, self.new), "utf-8")


@dataclass(frozen=True)
class FieldEdit:
    """Set (or, with ``value=None``, remove) one key of one claim, found by its id."""

    claim: str
    key: str
    value: str | None

    def apply(self, folder: Path) -> None:
        path = folder / CLAIMS
        text = path.read_text("utf-8")
        block = re.search(
            rf"^  - id: {re.escape(self.claim)}\n(?:    .*\n)*", text, flags=re.MULTILINE
        )
        assert block, f"no claim {self.claim!r} in {CLAIMS}"
        lines = block.group(0).splitlines(keepends=True)
        keyed = [i for i, line in enumerate(lines) if line.startswith(f"    {self.key}:")]
        assert len(keyed) == 1, f"claim {self.claim!r} has no single {self.key!r} key"
        if self.value is None:
            del lines[keyed[0]]
        else:
            lines[keyed[0]] = f"    {self.key}: {self.value}\n"
        path.write_text(text[: block.start()] + "".join(lines) + text[block.end() :], "utf-8")


def in_article(old: str, new: str) -> Edit:
    return Edit(ARTICLE, old, new)


def in_claims(old: str, new: str) -> Edit:
    return Edit(CLAIMS, old, new)


def in_meta(old: str, new: str) -> Edit:
    return Edit(META, old, new)


def in_reference(file: str, old: str, new: str) -> Edit:
    """An edit of the reference records the seed's claims are checked against."""
    return Edit(file, old, new, reference=True)


def in_both(old: str, new: str) -> tuple[Edit, Edit]:
    """The careless writer's edit: the article and the claim's quote changed alike."""
    return in_article(old, new), in_claims(old, new)


def set_field(claim: str, key: str, value: str | None) -> FieldEdit:
    return FieldEdit(claim, key, value)


# -- what a mutation must make fail ----------------------------------------------------------


@dataclass(frozen=True)
class At:
    """A place named by its text, rendered with its line once the copy is mutated.

    ``At(CLAIMS, "qualifer:", "claims.yaml:{line}: ...")`` finds the one line of the mutated
    claims.yaml holding ``qualifer:`` and puts its number in the template, so that the
    expected line numbers follow the seed when it changes; ``{column}`` is the (1-based)
    column where the needle starts on that line.
    """

    file: str
    needle: str
    template: str = "{file}:{line}"
    nth: int | None = None  # which of several lines holding the needle; None: the only one

    def render(self, folder: Path) -> str:
        lines = (folder / self.file).read_text("utf-8").splitlines()
        numbers = [n for n, line in enumerate(lines, start=1) if self.needle in line]
        if self.nth is None:
            assert len(numbers) == 1, f"{self.file}: {self.needle!r} is on lines {numbers}"
        line = numbers[self.nth or 0]
        column = lines[line - 1].index(self.needle) + 1
        return self.template.format(file=self.file, line=line, column=column)


Fragment = str | At
FILE_ERROR = None  # a located error of the files: it starts with the file's path


@dataclass(frozen=True)
class Problem:
    """One expected explanation: how it starts, the words it holds and those it must not."""

    start: str | None
    fragments: tuple[Fragment, ...] = ()
    absent: tuple[str, ...] = ()


def problem(rule: str, *fragments: Fragment) -> Problem:
    """A rule's explanation, which starts with ``[rule]``."""
    return Problem(f"[{rule}] ", fragments)


def file_error(*fragments: Fragment, absent: tuple[str, ...] = ()) -> Problem:
    """The ``schema`` item of a file that does not validate: located errors, one per line."""
    return Problem(FILE_ERROR, fragments, absent)


@dataclass(frozen=True)
class Mutation:
    edits: tuple[Edit | FieldEdit, ...]
    fails: dict[str, tuple[Problem, ...]]
    stale_findings: frozenset[str] = field(default_factory=frozenset)


def mutation(
    *edits: Edit | FieldEdit | tuple[Edit, ...],
    fails: dict[str, Problem | tuple[Problem, ...]],
    stale_findings: tuple[str, ...] = (),
) -> Mutation:
    flat: list[Edit | FieldEdit] = []
    for edit in edits:
        flat.extend(edit if isinstance(edit, tuple) else (edit,))
    expected = {
        item: problems if isinstance(problems, tuple) else (problems,)
        for item, problems in fails.items()
    }
    return Mutation(tuple(flat), expected, frozenset(stale_findings))


NOT_AN_ENDPOINT = (
    "neither a claim of this file, nor a date, nor an event of reference/events, nor 'publication'."
)


def bug(reason: str) -> pytest.MarkDecorator:
    """A mutation that shows a bug in src/: expected to fail until the bug is fixed."""
    return pytest.mark.xfail(strict=True, reason=f"bug in src/: {reason}")


PRAGMATIC_ONLY = "the strict, literal reading would allow it"
BOTH_READINGS = "fails under both readings"
CHILDREN_TO_4_5_MILLION = (
    in_both("more than 1.5 million children", "more than 4.5 million children"),
    set_field("children-refugees", "value", "4.5 million"),
)
# A relation waiting for a value points to the item that reports it: schema[...] for a
# figure, calendar[...] for a date.
BLOCKED_BY_CHILDREN = problem(
    "references_readable",
    "A relation cannot be checked.\n"
    "  It cannot be checked until these values can be read: see schema[children-refugees].",
)
BLOCKED_BY_INVASION = problem(
    "references_readable",
    "A relation cannot be checked.\n"
    "  It cannot be checked until these values can be read: see calendar[invasion-announced].",
)
UNHCR_22_MARCH = (
    "3,557,245 on Tuesday 22 March 2022: UNHCR Operational Data Portal (Ukraine situation)"
)
UNICEF_15_MARCH = (
    "about 1,500,000 on Tuesday 15 March 2022: UNICEF spokesperson James Elder at the UN "
    "Geneva press briefing"
)
UNHCR_SHARE_18_MARCH = "some 90 on Friday 18 March 2022: UNHCR spokesperson Matthew Saltmarsh"

MUTATIONS = [
    # -- the kinds the project standard names --------------------------------------------------
    pytest.param(
        mutation(
            *CHILDREN_TO_4_5_MILLION,
            fails={
                "children-within-refugees": problem(
                    "part_within_whole",
                    "A part cannot be larger than its whole.",
                    '"more than 4.5 million" reads as (4,500,000, 5,000,000]',
                    '"more than 3.5 million" reads as (3,500,000, 4,000,000]',
                    "The part is at least 4,500,000, but the whole is at most 4,000,000.",
                    PRAGMATIC_ONLY,
                ),
                # Also legitimate: 4.5 million children cannot be among "some 90 percent"
                # of at most 4 million people.
                "share-holds-children": problem(
                    "share_holds_parts",
                    '"some 90 percent" of the whole is at most 3,800,000',
                    "but the parts are at least 4,500,000",
                    PRAGMATIC_ONLY,
                ),
                # And UNICEF's record: about 1.5 million children as of its statement of 15
                # March, which no reading of "more than 4.5 million" allows.
                "record[children-refugees]": problem(
                    "record_matches",
                    "The record does not support the claim: UNICEF's figure at its date lies "
                    "outside what the claim's words allow.",
                    '"more than 4.5 million" reads as (4,500,000, 5,000,000]',
                    "\n  as of     Tuesday 15 March 2022 (records up to 1 day(s) earlier count)\n",
                    UNICEF_15_MARCH,
                    BOTH_READINGS,
                ),
            },
        ),
        id="part-larger-than-whole",
    ),
    pytest.param(
        mutation(
            in_both("some 90 percent", "some 190 percent"),
            set_field("women-children-share", "value", "190 percent"),
            fails={
                "schema[women-children-share]": problem(
                    "share_within_bounds",
                    'A share must lie between 0 and 100 percent, but "some 190 percent" is '
                    "190 percent.",
                ),
                # The share is read ([185 %, 195 %)), so it is also checked against UNHCR's
                # statements of some 90 percent.
                "record[women-children-share]": problem(
                    "record_matches",
                    '"some 190 percent" reads as [185 %, 195 %)',
                    UNHCR_SHARE_18_MARCH,
                    BOTH_READINGS,
                ),
            },
        ),
        id="share-above-100-percent",
    ),
    pytest.param(
        mutation(
            in_both("More than 3.5 million people flee", "More than 2.5 million people flee"),
            in_meta("More than 3.5 million people flee", "More than 2.5 million people flee"),
            set_field("refugees-headline", "value", "2.5 million"),
            fails={
                "headline-matches-lead": problem(
                    "figures_agree",
                    "Two mentions of the same figure give values that cannot both be true.",
                    At(
                        ARTICLE,
                        "More than 2.5 million",
                        '"More than 2.5 million people flee Ukraine: UN" (article.txt:{line})',
                    ),
                    "(2,500,000, 3,000,000] and (3,500,000, 4,000,000] do not overlap.",
                    # Strictly, "more than 2.5 million" has no upper bound.
                    PRAGMATIC_ONLY,
                ),
                # body-matches-headline fails too, but under its recorded finding.
                "record[refugees-headline]": problem(
                    "record_matches",
                    "The record does not support the claim: UNHCR's figure at its date lies "
                    "outside what the claim's words allow.",
                    '"more than 2.5 million" reads as (2,500,000, 3,000,000]',
                    "3,489,644 on Monday 21 March 2022",
                    UNHCR_22_MARCH,
                    PRAGMATIC_ONLY,
                ),
            },
        ),
        id="headline-disagrees-with-lead",
    ),
    pytest.param(
        mutation(
            in_both("Late Monday,", "Late Sunday,"),
            set_field("zelensky-offer-monday", "value", "Sunday"),
            fails={
                "calendar[zelensky-offer-monday]": problem(
                    "date_matches_as_of",
                    '"late Sunday" in an article published Tuesday 22 March 2022 means '
                    "Sunday 20 March 2022, but the claim says it is Monday 21 March 2022.",
                ),
                # The date the article now gives is not the day of the event it names.
                "event[zelensky-offer-monday]": problem(
                    "event_in_date",
                    "The date in the article does not match the event it names.",
                    '"late Sunday" reads as exactly Sunday 20 March 2022',
                    "\n  event     zelensky-renews-offer: Zelensky renews the offer of direct "
                    "talks with Putin (interview with Ukrainian media late on Monday) on Monday "
                    "21 March 2022",
                ),
            },
        ),
        id="wrong-weekday",
    ),
    pytest.param(
        mutation(
            in_both("almost a month of conflict", "almost two months of conflict"),
            set_field("conflict-almost-a-month", "value", "two months"),
            fails={
                "conflict-duration": problem(
                    "duration_fits_dates",
                    "A stated duration does not fit the dates it spans.",
                    '"almost two months" reads as [45.66 days, 60.87 days)',
                    "\n  start     'invasion-announced' (Thursday 24 February 2022)\n",
                    "\n  end       publication (Tuesday 22 March 2022)\n",
                    "The dates are exactly 26 days apart",
                    BOTH_READINGS,
                ),
            },
        ),
        id="duration-does-not-fit-dates",
    ),
    pytest.param(
        mutation(
            in_article("Ukrainians have fled the country", "Ukrainians have left the country"),
            fails={
                "grounding[refugees-body]": problem(
                    "quote_in_article",
                    "The quote is not in the article, word for word.",
                    At(
                        CLAIMS,
                        "  - id: refugees-body",
                        '\n  quote     "more than 3.5 million Ukrainians have fled the country" '
                        "(claims.yaml:{line})\n",
                    ),
                    At(
                        ARTICLE,
                        "have left the country",
                        '\n  nearest   "more than 3.5 million Ukrainians have left the country" '
                        "(article.txt:{line}, column",
                    ),
                ),
                # No grounded quote holds the article's figure any more.
                "coverage": problem(
                    "mention_covered",
                    "1 numeric or temporal mention(s) of the article are neither a claim nor "
                    "ignored:",
                    At(
                        ARTICLE,
                        "more than 3.5 million Ukrainians",
                        '\n  article.txt:{line}:{column}  "more than 3.5 million" (count)\n',
                    ),
                ),
            },
        ),
        id="quote-drifted-from-article",
    ),
    pytest.param(
        mutation(
            set_field("refugees-lead", "value", "3.6 million"),
            fails={
                "grounding[refugees-lead]": problem(
                    "figure_in_quote",
                    "The claim and its quote disagree: the quote does not contain the value "
                    '"3.6 million".',
                    '\n  claim     value "3.6 million", qualifier "more than"',
                ),
                # The article's "more than 3.5 million" is inside the quote of a claim that
                # holds another value, so no claim covers it.
                "coverage": problem(
                    "mention_covered",
                    "1 numeric or temporal mention(s) of the article are neither a claim nor "
                    "ignored:",
                    At(
                        ARTICLE,
                        "more than 3.5 million people to flee",
                        '\n  article.txt:{line}:{column}  "more than 3.5 million" (count)\n',
                    ),
                ),
                # The claim as written, 3.6 million, is not what UNHCR recorded.
                "record[refugees-lead]": problem(
                    "record_matches",
                    '"more than 3.6 million" reads as (3,600,000, 3,700,000]',
                    UNHCR_22_MARCH,
                    BOTH_READINGS,
                ),
            },
        ),
        id="value-disagrees-with-quote",
    ),
    pytest.param(
        mutation(
            set_field("children-refugees", "qualifier", "some"),
            fails={
                "grounding[children-refugees]": problem(
                    "figure_in_quote",
                    'the quote has "more than" before "1.5 million", but the claim\'s '
                    'qualifier is "some"',
                ),
            },
        ),
        id="qualifier-disagrees-with-quote",
    ),
    pytest.param(
        mutation(
            # With its year: a yearless "March 24" in a report is the last one (2021).
            in_both("On February 24, Putin", "On March 24, 2022, Putin"),
            set_field("invasion-announced", "value", "March 24, 2022"),
            set_field("invasion-announced", "as_of", "2022-03-24"),
            fails={
                "calendar[invasion-announced]": problem(
                    "date_not_after_publication",
                    '"March 24, 2022" is Thursday 24 March 2022, after the article was '
                    "published on Tuesday 22 March 2022",
                ),
                "schema[invasion-announced]": problem(
                    "as_of_not_after_publication",
                    "The claim is as of Thursday 24 March 2022, after the article was "
                    "published on Tuesday 22 March 2022.",
                ),
                # Legitimately broken too: both durations now start after publication, and
                # the invasion now follows the Kremlin's conditions ("earlier this month"), and
                # the date is not the day of the event it names.  persecution-duration still
                # holds: donbas-war-begins (2014-04-06) to 2022-03-24 is eight years.
                "conflict-duration": problem(
                    "duration_fits_dates",
                    "\n  start     'invasion-announced' (Thursday 24 March 2022)\n",
                    "\n  end       publication (Tuesday 22 March 2022)\n",
                    # Said as such, not as a negative number of days.
                    "The end comes 2 days before the start; the duration allows "
                    "[15.22 days, 30.44 days).",
                    BOTH_READINGS,
                ),
                "milestone-duration": problem(
                    "duration_fits_dates",
                    "\n  start     'invasion-announced' (Thursday 24 March 2022)\n",
                    "The end comes 2 days before the start; the duration allows "
                    "[15.22 days, 30.44 days).",
                    BOTH_READINGS,
                ),
                "invasion-before-conditions": problem(
                    "dates_in_order",
                    # each date claim located, so the culprit can name it
                    "\n  earlier   invasion-announced (claims.yaml:",
                    '"March 24, 2022" reads as exactly Thursday 24 March 2022',
                    "\n  later     conditions-earlier-this-month (claims.yaml:",
                    '"earlier this month" reads as [Tuesday 1 March 2022, Monday 21 March 2022]',
                ),
                "event[invasion-announced]": problem(
                    "event_in_date",
                    '"March 24, 2022" reads as exactly Thursday 24 March 2022',
                    "\n  event     invasion-announced: Putin announces the 'special military "
                    "operation' (a Thursday) on Thursday 24 February 2022",
                ),
            },
        ),
        id="date-after-publication",
    ),
    pytest.param(
        mutation(
            in_both("more than 1.5 million children", "more than 3.5 million children"),
            set_field("children-refugees", "value", "3.5 million"),
            in_both("some 90 percent", "some 40 percent"),
            set_field("women-children-share", "value", "40 percent"),
            fails={
                # Only the share fails: "more than 3.5 million" children among "more than
                # 3.5 million" people is possible (both up to 4 million), and 40 percent is a
                # valid share; but 40 percent of at most 4 million cannot hold 3.5 million.
                # Strictly, "more than 3.5 million" people has no upper bound.
                "share-holds-children": problem(
                    "share_holds_parts",
                    '"some 40 percent" reads as [35 %, 45 %)',
                    '"some 40 percent" of the whole is at most 1,800,000',
                    "but the parts are at least 3,500,000",
                    PRAGMATIC_ONLY,
                ),
                # Both new figures also contradict the records, under either reading.
                "record[women-children-share]": problem(
                    "record_matches",
                    '"some 40 percent" reads as [35 %, 45 %)',
                    UNHCR_SHARE_18_MARCH,
                    BOTH_READINGS,
                ),
                "record[children-refugees]": problem(
                    "record_matches",
                    '"more than 3.5 million" reads as (3,500,000, 4,000,000]',
                    UNICEF_15_MARCH,
                    BOTH_READINGS,
                ),
            },
        ),
        id="share-cannot-hold-counts",
    ),
    pytest.param(
        mutation(
            in_claims(
                "part: children-refugees\n    whole: refugees-lead",
                "part: children-refugees\n    whole: refugees-leed",
            ),
            fails={
                "children-within-refugees": problem(
                    "references_resolve",
                    "A relation names something that does not exist.",
                    f"It names 'refugees-leed', which is {NOT_AN_ENDPOINT}",
                ),
            },
        ),
        id="dangling-reference",
    ),
    pytest.param(
        mutation(
            in_claims("    qualifier: almost\n", "    qualifer: almost\n"),
            fails={
                SCHEMA_ITEM: file_error(
                    At(
                        CLAIMS,
                        "qualifer: almost",
                        "claims.yaml:{line}: claims[1] (conflict-almost-a-month).qualifer: "
                        "unknown key 'qualifer'",
                    ),
                    "hint: did you mean 'qualifier'?",
                ),
            },
        ),
        id="misspelled-key",
    ),
    pytest.param(
        mutation(
            set_field("invasion-announced", "as_of", "2022-02-30"),
            fails={
                SCHEMA_ITEM: file_error(
                    At(
                        CLAIMS,
                        "as_of: 2022-02-30",
                        "claims.yaml:{line}: claims[7] (invasion-announced).as_of: ",
                    ),
                    "valid date",
                ),
            },
        ),
        id="impossible-date",
    ),
    pytest.param(
        mutation(
            set_field("several-rounds", "unit", "12"),
            fails={
                SCHEMA_ITEM: file_error(
                    # YAML's 12 stays the text "12": an unknown unit, not a wrong type.
                    At(
                        CLAIMS,
                        "unit: 12",
                        "claims.yaml:{line}: claims[5] (several-rounds).unit: unknown unit '12'",
                    ),
                    "hint: expected one of: 'people', ",
                ),
            },
        ),
        id="unit-of-wrong-type",
    ),
    pytest.param(
        mutation(
            set_field("conditions-earlier-this-month", "as_of", "2022-02-28"),
            fails={
                "calendar[conditions-earlier-this-month]": problem(
                    "date_matches_as_of",
                    '"earlier this month" in an article published Tuesday 22 March 2022 means '
                    "Tuesday 1 March 2022 to Monday 21 March 2022, but the claim says it is "
                    "Monday 28 February 2022.",
                ),
            },
        ),
        id="relative-date-out-of-range",
    ),
    pytest.param(
        mutation(
            in_both("3.5 million Ukrainians have fled", "3.5 million people have fled"),
            set_field("refugees-body", "population", "people who fled Ukraine"),
            fails={},
            # The article was corrected: both recorded findings (against the headline and
            # against UNHCR's series) no longer hold, and pytest reports each check as a
            # strict XPASS until its finding is removed.
            stale_findings=("body-matches-headline", "population[refugees-body]"),
        ),
        id="finding-no-longer-holds",
    ),
    pytest.param(
        mutation(
            in_both("for eight years are suffering", "for three years are suffering"),
            set_field("persecution-eight-years", "value", "three years"),
            fails={
                "persecution-duration": problem(
                    "duration_fits_dates",
                    "\n  start     'donbas-war-begins' (Sunday 6 April 2014)\n",
                    "\n  end       'invasion-announced' (Thursday 24 February 2022)\n",
                    "The dates are exactly 2,881 days apart",
                    BOTH_READINGS,
                ),
            },
        ),
        id="duration-in-years-too-short",
    ),
    pytest.param(
        mutation(
            # A copied claim block whose id was not changed.
            in_claims("  - id: refugees-body\n", "  - id: refugees-lead\n"),
            fails={
                SCHEMA_ITEM: file_error(
                    At(
                        CLAIMS,
                        "  - id: refugees-lead",
                        "claims.yaml:{line}: claims[2].id: id 'refugees-lead' is used more than "
                        "once",
                        nth=0,
                    ),
                    At(
                        CLAIMS,
                        "  - id: refugees-lead",
                        "claims.yaml:{line}: claims[11].id: id 'refugees-lead' is used more than "
                        "once",
                        nth=1,
                    ),
                    "hint: give each entry an id of its own",
                ),
            },
        ),
        id="duplicate-claim-id",
    ),
    pytest.param(
        mutation(
            in_both("more than 1.5 million children are", "lots of children are"),
            set_field("children-refugees", "value", "lots"),
            set_field("children-refugees", "qualifier", None),
            fails={
                "schema[children-refugees]": problem(
                    "value_readable", 'The value "lots" cannot be read in people: '
                ),
                # The relations that use the claim cannot be checked, and say so once each.
                "children-within-refugees": BLOCKED_BY_CHILDREN,
                "share-holds-children": BLOCKED_BY_CHILDREN,
            },
        ),
        id="unreadable-value",
    ),
    # -- more checks that must be able to fail -----------------------------------------------
    pytest.param(
        mutation(
            in_article("Since the start of the war,", "Since the war began,"),
            fails={
                "ignored-mentions": Problem(
                    '[ignored_quote_in_article] The ignored mention "Since the start of the war" ',
                    (
                        At(CLAIMS, "quote: Since the start of the war", "(claims.yaml:{line})"),
                        "is not in the article any more",
                    ),
                ),
            },
        ),
        id="ignored-mention-gone",
    ),
    pytest.param(
        mutation(
            set_field("refugees-lead", "population", "Ukrainians who fled Ukraine"),
            fails={
                "headline-matches-lead": problem(
                    "same_population",
                    "Two mentions of the same figure count different things (population).",
                    'population: "people who fled Ukraine"',
                    'population: "Ukrainians who fled Ukraine"',
                ),
                # UNHCR's series counts people of every nationality.
                "population[refugees-lead]": problem(
                    "population_matches",
                    "The claim and the record it is checked against count different people.",
                    '\n            population: "Ukrainians who fled Ukraine"\n',
                    '\n  series    unhcr-refugees counts "people who fled Ukraine"',
                ),
            },
        ),
        id="populations-differ",
    ),
    pytest.param(
        mutation(
            set_field("refugees-lead", "measure", "refugees from Ukraine since 1 March 2022"),
            fails={
                "headline-matches-lead": problem(
                    "same_measure",
                    "Two mentions of the same figure count different things (measure).",
                    'measure: "refugees from Ukraine since 24 February 2022"',
                    'measure: "refugees from Ukraine since 1 March 2022"',
                ),
            },
        ),
        id="measures-differ",
    ),
    pytest.param(
        mutation(
            # A negative figure cannot be a count: the value is unreadable, with its reason,
            # and the relations that use it wait for it, pointing to schema[...].
            in_both("more than 1.5 million children", "more than -1.5 million children"),
            set_field("children-refugees", "value", "-1.5 million"),
            fails={
                "schema[children-refugees]": problem(
                    "value_readable",
                    'The value "-1.5 million" cannot be read in people: "-1.5 million" is '
                    "negative: a count cannot be.",
                    At(
                        CLAIMS,
                        "  - id: children-refugees",
                        "\n  claim     children-refugees (claims.yaml:{line})\n",
                    ),
                ),
                "children-within-refugees": BLOCKED_BY_CHILDREN,
                "share-holds-children": BLOCKED_BY_CHILDREN,
                # The mention finder reads no sign (a '-' before a figure is a hyphen or a
                # range to it), so the article's figure is the mention "1.5 million", which
                # the claim's value "-1.5 million" does not cover.
                "coverage": problem(
                    "mention_covered",
                    At(
                        ARTICLE,
                        "1.5 million children",
                        '\n  article.txt:{line}:{column}  "1.5 million" (count)\n',
                    ),
                ),
            },
        ),
        id="negative-value",
    ),
    pytest.param(
        mutation(
            set_field("children-refugees", "unit", "count"),
            fails={
                "children-within-refugees": problem(
                    "units_agree",
                    "The claims of this relation are in different units",
                    At(
                        CLAIMS,
                        "  - id: children-refugees",
                        "\n  part      children-refugees (claims.yaml:{line})\n",
                    ),
                    At(
                        CLAIMS,
                        "  - id: refugees-lead",
                        "\n  whole     refugees-lead (claims.yaml:{line})\n",
                    ),
                ),
                "share-holds-children": problem(
                    "units_agree", "The claims of this relation are in different units"
                ),
            },
        ),
        id="units-differ",
    ),
    pytest.param(
        mutation(
            in_claims("share: women-children-share", "share: children-refugees"),
            fails={
                "share-holds-children": problem(
                    "kinds_fit",
                    "This rule needs a share (percent) of a count.",
                    "\n  share     children-refugees (claims.yaml:",
                ),
            },
        ),
        id="share-of-a-count",
    ),
    pytest.param(
        mutation(
            in_claims("duration: conflict-almost-a-month", "duration: invasion-announced"),
            fails={
                # Reported once: duration_fits_dates does not also read the date as days.
                "conflict-duration": problem(
                    "kinds_fit",
                    "This rule needs a duration.",
                    At(
                        CLAIMS,
                        "  - id: invasion-announced",
                        "\n  duration  invasion-announced (claims.yaml:{line})\n",
                    ),
                ),
            },
        ),
        id="spans-without-a-duration",
    ),
    pytest.param(
        mutation(
            in_claims(
                "    start: invasion-announced\n    end: publication\n\n  - id: milestone",
                "    start: refugees-lead\n    end: publication\n\n  - id: milestone",
            ),
            fails={
                "conflict-duration": problem(
                    "endpoints_are_dates",
                    "A date in this relation is not a date",
                    "\n  start     'refugees-lead'\n",
                    "\n  end       publication (Tuesday 22 March 2022)",
                ),
            },
        ),
        id="spans-from-a-count",
    ),
    pytest.param(
        mutation(
            in_claims("earlier: invasion-announced", "earlier: refugees-lead"),
            fails={
                "invasion-before-conditions": problem(
                    "endpoints_are_dates",
                    "A date in this relation is not a date",
                    "\n  earlier   'refugees-lead'\n",
                    "\n  later     'conditions-earlier-this-month'",
                ),
            },
        ),
        id="before-from-a-count",
    ),
    pytest.param(
        mutation(
            in_claims("    start: donbas-war-begins", "    start: 2014-04-31"),
            fails={
                "persecution-duration": problem(
                    "references_resolve",
                    f"It names '2014-04-31', which is {NOT_AN_ENDPOINT}",
                ),
            },
        ),
        id="impossible-endpoint-date",
    ),
    pytest.param(
        mutation(
            in_both("On February 24, Putin", "On Friday, February 24, Putin"),
            set_field("invasion-announced", "value", "Friday, February 24"),
            fails={
                # A calendar problem; the date itself is still read, so the relations using
                # it are checked (and hold), not blocked (#14).
                "calendar[invasion-announced]": problem(
                    "date_matches_as_of",
                    "'Friday, February 24': Thursday 24 February 2022 was a Thursday, "
                    "not a Friday.",
                ),
            },
        ),
        id="weekday-contradicts-date",
    ),
    pytest.param(
        mutation(
            in_both("On February 24, Putin", "On Febtober 24, Putin"),
            set_field("invasion-announced", "value", "Febtober 24"),
            fails={
                # A date that cannot be read is a calendar problem, not a schema one.
                "calendar[invasion-announced]": problem(
                    "date_readable",
                    'The value "Febtober 24" cannot be read as a date',
                ),
                "conflict-duration": BLOCKED_BY_INVASION,
                "milestone-duration": BLOCKED_BY_INVASION,
                "persecution-duration": BLOCKED_BY_INVASION,
                "invasion-before-conditions": BLOCKED_BY_INVASION,
            },
        ),
        id="unreadable-date",
    ),
    pytest.param(
        mutation(
            # A past date marked as looking ahead (tense: future) cannot lie before publication
            # (with its year: a yearless one would be read as the next February 24).
            in_both("On February 24, Putin", "On February 24, 2022, Putin"),
            set_field("invasion-announced", "value", "February 24, 2022"),
            in_claims(
                "    event: invasion-announced\n",
                "    event: invasion-announced\n    tense: future\n",
            ),
            fails={
                "calendar[invasion-announced]": problem(
                    "date_not_before_publication",
                    '"February 24, 2022" is Thursday 24 February 2022, before the article was '
                    "published on Tuesday 22 March 2022, but the claim looks ahead to it",
                ),
            },
        ),
        id="future-date-before-publication",
    ),
    pytest.param(
        mutation(
            # A relation added by a writer who forgot the children are among the refugees.
            in_claims(
                "\nignored:\n",
                "\n  - id: body-and-children-within-lead\n    rule: sum_of\n"
                "    parts: [refugees-body, children-refugees]\n    whole: refugees-lead\n"
                "\nignored:\n",
            ),
            fails={
                "body-and-children-within-lead": problem(
                    "parts_within_whole",
                    "The parts together cannot be larger than their whole.",
                    "The parts add up to at least 5,000,000, but the whole is at most 4,000,000.",
                    PRAGMATIC_ONLY,
                ),
            },
        ),
        id="parts-larger-than-whole",
    ),
    pytest.param(
        mutation(
            in_claims("  - check: body-matches-headline", "  - check: body-matches-headlin"),
            fails={
                SCHEMA_ITEM: file_error(
                    At(
                        CLAIMS,
                        "check: body-matches-headlin",
                        "claims.yaml:{line}: findings[1].check: no check is named "
                        "'body-matches-headlin'",
                    ),
                    "hint: did you mean 'body-matches-headline'",
                ),
                # The misspelt finding covers nothing: the check it meant fails as it is.
                "body-matches-headline": problem(
                    "same_population",
                    "Two mentions of the same figure count different things (population).",
                ),
            },
        ),
        id="finding-names-no-check",
    ),
    pytest.param(
        mutation(
            in_claims("  - id: headline-matches-lead\n", "  - id: schema\n"),
            fails={
                SCHEMA_ITEM: file_error(
                    At(CLAIMS, "id: schema", "claims.yaml:{line}: relations[1].id: "),
                    "id 'schema' is reserved for a check",
                ),
            },
        ),
        id="reserved-relation-id",
    ),
    pytest.param(
        mutation(
            in_claims(
                "    value: 1.5 million\n", "    value: 1.5 million\n    value: 1.6 million\n"
            ),
            fails={
                SCHEMA_ITEM: file_error(
                    At(
                        CLAIMS,
                        "value: 1.6 million",
                        "claims.yaml:{line}: key 'value' is written twice",
                    ),
                    At(CLAIMS, "value: 1.5 million", "(first on line {line})"),
                ),
            },
        ),
        id="key-written-twice",
    ),
    pytest.param(
        mutation(
            in_claims("    value: 1.5 million\n", "\tvalue: 1.5 million\n"),
            fails={
                SCHEMA_ITEM: file_error(
                    At(CLAIMS, "\tvalue: 1.5 million", "claims.yaml:{line}: "),
                    "hint: indent with spaces, not tabs",
                ),
            },
        ),
        id="tab-indentation",
    ),
    pytest.param(
        mutation(
            set_field("children-refugees", "unit", "peple"),
            fails={
                SCHEMA_ITEM: file_error(
                    At(
                        CLAIMS,
                        "unit: peple",
                        "claims.yaml:{line}: claims[15] (children-refugees).unit: "
                        "unknown unit 'peple'",
                    ),
                    "hint: did you mean 'people'?",
                ),
            },
        ),
        id="misspelled-unit",
    ),
    pytest.param(
        mutation(
            in_meta("published: 2022-03-22", "publised: 2022-03-22"),
            fails={
                SCHEMA_ITEM: file_error(
                    At(META, "publised:", "meta.yaml:{line}: publised: unknown key 'publised'"),
                    "hint: did you mean 'published'?",
                    absent=("no check is named",),
                ),
            },
        ),
        id="misspelled-meta-key",
    ),
    # -- checks against the reference records (reference/ beside facts/) ----------------------
    pytest.param(
        mutation(
            set_field("zelensky-offer-monday", "event", "zelensky-renews-ofer"),
            fails={
                "event[zelensky-offer-monday]": problem(
                    "event_known",
                    "The claim names the event 'zelensky-renews-ofer', which reference/events "
                    "does not hold.",
                    At(
                        CLAIMS,
                        "  - id: zelensky-offer-monday",
                        "\n  claim     zelensky-offer-monday (claims.yaml:{line})\n",
                    ),
                ),
            },
        ),
        id="unknown-event",
    ),
    pytest.param(
        mutation(
            in_claims(
                "    attributed: UNICEF\n",
                "    attributed: UNICEF\n    cites: unicef-child-refugee\n",
            ),
            fails={
                # Each reference item of the claim says it has no series to be checked against.
                f"{item}[children-refugees]": problem(
                    "series_known",
                    "The claim cites the series 'unicef-child-refugee', which reference/ does "
                    "not hold.",
                    "unhcr-women-children-share, unicef-child-refugees.",
                )
                for item in ("record", "population", "stale")
            },
        ),
        id="unknown-series",
    ),
    pytest.param(
        mutation(
            # UNICEF's first statement is of 15 March: nothing on or before 1 March.
            set_field("children-refugees", "as_of", "2022-03-01"),
            fails={
                "record[children-refugees]": problem(
                    "record_exists",
                    "The series 'unicef-child-refugees' (UNICEF) has no record on or before "
                    "Tuesday 1 March 2022.",
                ),
            },
        ),
        id="no-record-at-the-date",
    ),
    pytest.param(
        mutation(
            # UNICEF's next statement made the day before publication, and higher: the
            # article repeats a figure already replaced.  (The series is cumulative, so the
            # row of 24 March becomes this one rather than stay below it.)
            in_reference(
                "unicef-child-refugees/records.csv",
                '\n2022-03-24,1800000,about,"UNICEF statement after one month of war: 4.3 '
                "million of Ukraine's 7.5 million children displaced, 1.8 million of them "
                'refugees",https://www.unicef.org/press-releases,',
                "\n2022-03-21,2500000,about,a later UNICEF statement,https://www.unicef.org,",
            ),
            fails={
                "stale[children-refugees]": problem(
                    "not_replaced",
                    "The figure was out of date: UNICEF had replaced it before the article was "
                    "published on Tuesday 22 March 2022.",
                    '"more than 1.5 million" reads as (1,500,000, 2,000,000]',
                    "\n  record    about 2,500,000 on Monday 21 March 2022: a later UNICEF "
                    "statement (https://www.unicef.org)",
                    # Strictly, "more than 1.5 million" allows 2.5 million too.
                    PRAGMATIC_ONLY,
                ),
            },
        ),
        id="figure-replaced-before-publication",
    ),
    pytest.param(
        mutation(
            in_claims("    start: donbas-war-begins", "    start: donbas-war-begin"),
            fails={
                "persecution-duration": problem(
                    "references_resolve",
                    "A relation names something that does not exist.",
                    "It names 'donbas-war-begin', which is neither a claim of this file, nor a "
                    "date, nor an event",
                ),
            },
        ),
        id="endpoint-names-no-event",
    ),
]


# -- the fixture and the runner ------------------------------------------------------------


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A private copy of the seed article, safe to break, laid out as in a newsroom's
    repository: ``facts/<seed>`` with ``reference/`` beside ``facts/``, where the engine
    finds the records and events the seed's claims are checked against."""
    shutil.copytree(REFERENCE, tmp_path / "reference")
    return Path(shutil.copytree(SEED, tmp_path / "facts" / SEED.name))


def mutate_and_evaluate(
    folder: Path, edits: tuple[Edit | FieldEdit, ...], reading: Reading = Reading.PRAGMATIC
) -> Evaluation:
    for edit in edits:
        edit.apply(folder)
    return evaluate(load_articles([folder]), reading)


def failing(evaluation: Evaluation) -> dict[str, list[str]]:
    """The items that fail with no recorded finding, and their explanations."""
    (article,) = evaluation.articles
    return {
        outcome.item.name: problem_texts(outcome)
        for outcome in evaluation.of(article)
        if not outcome.passed and outcome.finding is None
    }


def stale_findings(evaluation: Evaluation) -> set[str]:
    """Items that pass although a finding is recorded: pytest reports them as strict XPASS."""
    (article,) = evaluation.articles
    return {
        outcome.item.name
        for outcome in evaluation.of(article)
        if outcome.passed and outcome.finding is not None
    }


# -- the tests -------------------------------------------------------------------------------


def test_the_seed_passes(seed_copy: Path) -> None:
    """The baseline: unmutated, nothing fails, and the one finding still holds."""
    evaluation = mutate_and_evaluate(seed_copy, ())
    assert failing(evaluation) == {}
    assert stale_findings(evaluation) == set()


@pytest.mark.parametrize("case", MUTATIONS)
def test_mutation_is_caught(seed_copy: Path, case: Mutation) -> None:
    evaluation = mutate_and_evaluate(seed_copy, case.edits)
    failed = failing(evaluation)
    assert set(failed) == set(case.fails), "\n\n".join(
        f"{name}:\n" + "\n".join(problems) for name, problems in failed.items()
    )
    for item, expected in case.fails.items():
        problems = failed[item]
        assert len(problems) == len(expected), "\n".join(problems)
        for text, wanted in zip(problems, expected, strict=True):
            start = f"{seed_copy}/" if wanted.start is FILE_ERROR else wanted.start
            assert text.startswith(start), f"{text!r} does not start with {start!r}"
            for fragment in wanted.fragments:
                words = fragment.render(seed_copy) if isinstance(fragment, At) else fragment
                assert words in text, f"{words!r} not in:\n{text}"
            for words in wanted.absent:
                assert words not in text, f"{words!r} in:\n{text}"
    assert stale_findings(evaluation) == case.stale_findings


def test_the_design_card_example_depends_on_the_reading(seed_copy: Path) -> None:
    """README's worked example, end to end: "more than 4.5 million" children among "more
    than 3.5 million" people is caught under the default (pragmatic) reading, which allows
    the whole at most 4 million, but not under the strict one, which gives it no upper bound.
    UNICEF's record (about 1.5 million as of 15 March) contradicts it under both readings.
    """
    for edit in mutation(*CHILDREN_TO_4_5_MILLION, fails={}).edits:
        edit.apply(seed_copy)
    articles = load_articles([seed_copy])

    default = evaluate(articles)
    assert default.reading is Reading.PRAGMATIC
    outcome = default.outcome(articles[0], "children-within-refugees")
    assert not outcome.passed
    assert outcome.finding is None
    (text,) = problem_texts(outcome)
    assert text.startswith("[part_within_whole] A part cannot be larger than its whole.")
    assert "The part is at least 4,500,000, but the whole is at most 4,000,000." in text
    assert text.endswith(PRAGMATIC_ONLY + ".")

    strict = evaluate(articles, Reading.STRICT)
    assert strict.outcome(articles[0], "children-within-refugees").passed
    failed = failing(strict)
    assert list(failed) == ["record[children-refugees]"]
    (record,) = failed["record[children-refugees]"]
    assert '"more than 4.5 million" reads as (4,500,000, no upper bound)' in record
    assert UNICEF_15_MARCH in record
    assert stale_findings(strict) == set()


def test_the_readme_shows_the_worked_example_word_for_word(seed_copy: Path) -> None:
    """The README shows the report of its worked example word for word, seed lines included."""
    from factsuite.reports.conclusion import with_conclusion

    for edit in mutation(*CHILDREN_TO_4_5_MILLION, fails={}).edits:
        edit.apply(seed_copy)
    (article,) = articles = load_articles([seed_copy])
    outcome = evaluate(articles).outcome(article, "children-within-refugees")
    (text,) = problem_texts(outcome)
    readme = (ROOT / "README.md").read_text("utf-8")
    where = f"facts/{SEED.name}/claims.yaml:{outcome.item.line}"
    header = with_conclusion(f"{where}: children-within-refugees failed", outcome)
    assert f"\n{header}\n\n{text}\n" in readme, "README's worked example no longer matches"


def test_a_relation_blocked_by_an_unreadable_date_points_to_its_calendar_check(
    seed_copy: Path,
) -> None:
    """An unreadable date is reported by date_readable under calendar[<claim>], so the
    relations waiting for it send the reader there, not to schema[<claim>] (which passes)."""
    (case,) = [param.values[0] for param in MUTATIONS if param.id == "unreadable-date"]
    failed = failing(mutate_and_evaluate(seed_copy, case.edits))
    assert "calendar[invasion-announced]" in failed
    assert "schema[invasion-announced]" not in failed
    for relation in (
        "conflict-duration",
        "milestone-duration",
        "persecution-duration",
        "invasion-before-conditions",
    ):
        assert failed[relation] == [
            "[references_readable] A relation cannot be checked.\n"
            "  It cannot be checked until these values can be read: "
            "see calendar[invasion-announced]."
        ]


def _caught_rules() -> set[str]:
    """The rules some passing (not xfail) mutation makes fail, read from the expectations;
    the relations of #16 are mutated in corpus articles by tests/test_relations.py and
    tests/test_exceeds.py (and records since a day by tests/test_record_since.py), whose
    ``assert_fails(..., "<rule>", ...)`` calls name the rules they catch."""
    relations = "\n".join(
        (ROOT / "tests" / name).read_text("utf-8")
        for name in ("test_relations.py", "test_exceeds.py", "test_record_since.py")
    )
    caught = r'assert_fails\(\s*(?:\w*problems\([^)]*\)|\w+),\s*"(\w+)"'
    rules_seen = set(re.findall(caught, relations))
    # event_count is mutated in the seed (a round deleted from reference/events) by
    # tests/test_event_count.py, whose failures are asserted to start with "[<rule>]".
    events = (ROOT / "tests" / "test_event_count.py").read_text("utf-8")
    rules_seen |= set(re.findall(r'text\.startswith\("\[(\w+)\] ', events))
    for case in MUTATIONS:
        if case.marks:
            continue
        for problems in case.values[0].fails.values():
            for expected in problems:
                found = re.match(r"\[(\w+)\] ", expected.start or "")
                if found:
                    rules_seen.add(found.group(1))
    return rules_seen


@pytest.mark.parametrize("rule", sorted({rule.name for rule in rules()}))
def test_every_rule_can_fail(rule: str) -> None:
    """The project standard: every check must be able to fail, so some mutation catches it
    (the rules against reference records too: see the last mutations above)."""
    assert rule in _caught_rules()
