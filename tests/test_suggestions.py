"""The scaffold's suggested relations: each wording that states a relation, and near misses
that must not be read as one (a wrong suggestion costs more than a missing one)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from factsuite.commands.scaffold import draft_claims
from factsuite.commands.suggestions import Suggestion, suggest_relations
from factsuite.meaning.mentions import find_mentions

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = date(2024, 6, 13)


def _suggest(text: str) -> list[tuple[str, dict[str, object]]]:
    """Each suggestion as its rule and its fields written with the figures' values."""
    drafts = draft_claims(text, find_mentions(text), PUBLISHED)
    value = {draft.id: draft.mention.value for draft in drafts}

    def named(field: object) -> object:
        return (
            [value[str(f)] for f in field]
            if isinstance(field, list)
            else value.get(str(field), field)
        )

    return [
        (s.rule, {key: named(field) for key, field in s.fields.items()})
        for s in suggest_relations(text, drafts)
    ]


@pytest.mark.parametrize(
    ("text", "rule", "fields"),
    [
        (
            "She carried 41 of the county's 56 precincts.",
            "part_of",
            {"part": "41", "whole": "56"},
        ),
        (
            "Two countries together have received 43,000 people, of whom 26,000 arrived in "
            "Ethiopia and 17,000 in the Central African Republic.",
            "sum_of",
            {"parts": ["26,000", "17,000"], "whole": "43,000"},
        ),
        (
            "Of the 347 cases, 216 were in Birmingham, 88 in Coventry and 61 in Wolverhampton.",
            "sum_of",
            {"parts": ["216", "88", "61"], "whole": "347"},
        ),
        (
            "More than 3,100 doses have been given since 10 March, including 1,250 last week.",
            "part_of",
            {"part": "1,250", "whole": "3,100"},
        ),
        (
            "She carried 41 of the county's 56 precincts, including all nine in Riverton.",
            "part_of",
            {"part": "nine", "whole": "41"},
        ),
        (
            "Some 570,000 people remain in about 3,400 shelters, and nearly half of the "
            "shelters have no clean water.",
            "share_of",
            {"share": "half", "whole": "3,400"},
        ),
        (
            "Of the 265,000 patients referred in July, 76.3 percent, or about 202,000, were "
            "seen within 28 days, above the 75 percent standard.",
            "share_of",
            {"share": "76.3 percent", "whole": "265,000", "parts": ["202,000"]},
        ),
        (
            "Egypt has taken in about 230,000, followed by Chad with some 150,000 and South "
            "Sudan with 118,000. Nearly nine in 10 of those crossing into Chad are women and "
            "children, and more than half of them are children.",
            "share_of",
            {"share": "half", "whole": "150,000"},
        ),
        (
            "The number of unemployed people rose by 42,000 to 1.44 million from 1.36 million.",
            "change",
            {"before": "1.36 million", "after": "1.44 million", "by": "42,000"},
        ),
        (
            "Turnout was 19 percent, down 5 percentage points from 24 percent in 2020.",
            "change",
            {
                "before": "24 percent",
                "after": "19 percent",
                "by": "5 percentage points",
                "kind": "points",
                "direction": "down",
            },
        ),
        (
            "Donors have pledged $214 million in the eight days since the appeal, an average "
            "of about $45 million a day, up from $20 million a day in May.",
            "rate",
            {"total": "214 million", "per_period": "45 million", "period": "eight days"},
        ),
        (
            "Cases have climbed to 347 since October.\nOf the 347 cases, most are children.",
            "same_figure",
            {"claims": ["347", "347"]},
        ),
        (
            "UN seeks $1.1 billion for flood-hit Bangladesh\nThe UN appealed for $1.1 billion.",
            "same_figure",
            {"claims": ["1.1 billion", "1.1 billion"]},
        ),
    ],
)
def test_a_stated_relation_is_suggested(text: str, rule: str, fields: dict[str, object]) -> None:
    assert (rule, fields) in _suggest(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same figure counting different things, in the body only
        "Nearly 45,000 people waited more than 12 hours. About 45,000 patients were still "
        "in that category in July.",
        # a share "of the elite field" is not of the fastest 10
        "The fastest 10 women all finished within three minutes, and nine in 10 of the "
        "elite field completed the course.",
        # "the members who voted" are not all 40,000 members
        "The union has some 40,000 members. In a ballot, 97 percent of the members who "
        "voted backed strikes.",
        # a subgroup larger than the only count before it is not a part of it
        "A single case can infect as many as 15 people. Some 1,100 children were vaccinated.",
        # a daily figure with no average is no rate of the total beside it
        "The agency recorded 147 cases in the seven days to Jan. 24, up from about 20 a day.",
        # a round figure twice may count two things
        "About 45,000 waited over a year.\nAbout 45,000 were still waiting in July.",
        # a share of a group the text never counts
        "Only 81 per cent of children in the city had received both doses; six children "
        "were treated in intensive care.",
    ],
)
def test_figures_merely_near_each_other_are_not_related(text: str) -> None:
    assert _suggest(text) == []


def test_the_suggestion_keeps_its_reason() -> None:
    text = "She carried 41 of the county's 56 precincts."
    drafts = draft_claims(text, find_mentions(text), PUBLISHED)
    (suggestion,) = suggest_relations(text, drafts)
    assert isinstance(suggestion, Suggestion)
    assert suggestion.reason == '"41" of the "56"'


def test_suggestion_precision_on_the_tuning_corpus_meets_the_target() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "suggestion_score.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
