"""What `factsuite new` drafted wrong or not at all for a first-time user (round five): a
change written with words between verb and figure ("rose last year by 18%"), a share given
with its count after "of which" ("1,430 complaints, of which 1,120, or 78 percent"), and a
count of events ("twice").  Each is drafted now, and the near wordings that mean something
else are not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factsuite.commands.cli import main
from factsuite.meaning.mentions import find_mentions
from tests.first_user import check_failures, write_article

TEXT = (
    "Complaints about rail delays rise\n\n"
    "Passenger complaints to the regulator rose last year by 18%, after rising by a further"
    " 6% in 2023. The regulator received 1,430 complaints, of which 1,120, or 78 percent,"
    " were about delays, it said on Tuesday. Journey planners were opened 41.2 million"
    " times, and the minister was questioned twice about it. The share of late trains rose"
    " to a record 9%.\n"
)


def _scaffold(tmp_path: Path, text: str = TEXT) -> dict[str, object]:
    source = tmp_path / "article.txt"
    source.write_text(text, "utf-8")
    folder = tmp_path / "facts" / "2025-06-04-rail-complaints"
    code = main(["new", str(folder), "--from", str(source), "--published", "2025-06-04"])
    assert code == 0
    return yaml.safe_load((folder / "claims.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    return _scaffold(tmp_path_factory.mktemp("rail"))


def _claim(drafted: dict[str, object], value: str) -> dict[str, object]:
    (claim,) = [c for c in drafted["claims"] if c["value"] == value]  # type: ignore[attr-defined]
    return claim


@pytest.mark.parametrize(
    ("value", "unit"), [("18%", "percent_change"), ("6%", "percent_change"), ("9%", "percent")]
)
def test_a_change_with_words_before_by_is_a_percent_change(
    drafted: dict[str, object], value: str, unit: str
) -> None:
    """ "rose last year by 18%" and "rising by a further 6%" are changes (were drafted as
    shares); "rose to a record 9%" is a level, a share."""
    assert _claim(drafted, value)["unit"] == unit


def test_a_share_given_with_its_count_after_of_which_is_suggested(
    drafted: dict[str, object],
) -> None:
    relations = {r["rule"]: r for r in drafted["relations"]}  # type: ignore[attr-defined]
    share = relations["share_count"]
    ids = {c["value"]: c["id"] for c in drafted["claims"]}  # type: ignore[attr-defined]
    assert (share["share"], share["part"], share["whole"]) == (
        ids["78 percent"],
        ids["1,120"],
        ids["1,430"],
    )


def test_no_share_count_without_the_share_beside_its_count(tmp_path: Path) -> None:
    """ "of which 1,120 were about delays. 78 percent of trains ..." names no count for the
    share: nothing is suggested for it."""
    text = TEXT.replace("of which 1,120, or 78 percent, were", "of which 1,120 were").replace(
        "The share of late trains", "Some 78 percent of trains ran late; the share of late trains"
    )
    rules = [r["rule"] for r in _scaffold(tmp_path, text)["relations"]]  # type: ignore[index]
    assert "share_count" not in rules


@pytest.mark.parametrize("value", ["41.2 million", "twice"])
def test_counts_of_events_are_drafted(drafted: dict[str, object], value: str) -> None:
    assert _claim(drafted, value)["unit"] == "count"


@pytest.mark.parametrize(
    "text",
    [
        "Pupils were more than twice as likely to pass.",
        "The hospital held nearly twice its capacity.",
        "Trains ran twice a week.",
        "A twice-weekly service.",
    ],
)
def test_twice_as_a_multiplier_or_a_rate_is_no_count(text: str) -> None:
    assert [m.value for m in find_mentions(text) if m.value.lower() == "twice"] == []


def test_coverage_asks_for_an_unclaimed_twice(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = "Minister questioned\n\nThe minister was questioned twice on Tuesday.\n"
    claims = (
        "claims:\n  - id: tuesday\n    quote: on Tuesday\n    value: Tuesday\n    unit: date\n"
        "    measure: day of the questioning\n    as_of: 2025-06-03\n"
    )
    folder = write_article(tmp_path, "2025-06-04-minister", "2025-06-04", text, claims)
    failures = check_failures(capsys, folder)
    assert '"twice" (count)' in failures["coverage"]
