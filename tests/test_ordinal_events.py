"""An ordinal counts events (round five): "the fourth round of talks" is the fourth such
event, so counted from the first to the day it names the record holds four.  Written as
the value of a count (`value: fourth`), an `event_count` up to that event checks it; a
record with a round more or less, or a wrong ordinal, fails."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.first_user import check_failures, write_article

TEXT = (
    "Talks resume in Geneva\n\n"
    "Negotiators met on Monday for the fourth round of talks, the third recall of the"
    " envoys since September behind them, the ministry said.\n"
)
CLAIMS = """claims:
  - id: round-day
    quote: met on Monday
    value: Monday
    unit: date
    measure: day of the latest round of talks
    as_of: 2025-11-17
  - id: round-number
    quote: the fourth round of talks
    value: fourth
    unit: count
    population: rounds of talks
    measure: rounds of talks up to the latest
  - id: recall-number
    quote: the third recall of the envoys since September
    value: third
    unit: count
    population: recalls of the envoys
    measure: recalls of the envoys since September 2025
  - id: recalls-since
    quote: since September
    value: September
    unit: date
    measure: start of the count of recalls
    as_of: 2025-09-01
relations:
  - id: rounds-to-date
    rule: event_count
    count: round-number
    events: talks-round-*
    end: talks-round-4
  - id: recalls-to-date
    rule: event_count
    count: recall-number
    events: envoys-recalled-*
    start: 2025-09-01  # the date claim "September" could start the count as late as the 30th
"""
EVENTS = """id,date,event,source,url,note
talks-round-1,2025-06-02,first round of talks,ministry statements,,
talks-round-2,2025-08-11,second round of talks,ministry statements,,
talks-round-3,2025-10-06,third round of talks,ministry statements,,
talks-round-4,2025-11-17,fourth round of talks,ministry statements,,
envoys-recalled-1,2025-07-14,envoys recalled,ministry statements,,before September
envoys-recalled-2,2025-09-22,envoys recalled,ministry statements,,
envoys-recalled-3,2025-10-20,envoys recalled,ministry statements,,
envoys-recalled-4,2025-11-10,envoys recalled,ministry statements,,
"""


def _talks(tmp_path: Path, claims: str = CLAIMS, events: str = EVENTS) -> Path:
    folder = write_article(tmp_path, "2025-11-18-geneva-talks", "2025-11-18", TEXT, claims)
    reference = tmp_path / "reference" / "events"
    reference.mkdir(parents=True)
    (reference / "events.yaml").write_text(
        "source: ministry statements\nlicence: facts compiled from public reporting\n", "utf-8"
    )
    (reference / "events.csv").write_text(events, "utf-8")
    return folder


def test_the_fourth_round_is_the_fourth_event_on_record(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Failed before: "cannot read 'fourth' as a figure" (and `value: four` did not ground)."""
    assert check_failures(capsys, _talks(tmp_path)) == {}


def test_a_round_missing_from_the_record_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    events = "".join(line for line in EVENTS.splitlines(True) if "talks-round-2" not in line)
    failures = check_failures(capsys, _talks(tmp_path, events=events))
    assert set(failures) == {"rounds-to-date"}
    assert (
        '"fourth" reads as [3.5, 4.5), but the record has 3 such events'
        in failures["rounds-to-date"]
    )


@pytest.mark.parametrize(
    ("old", "new", "check"),
    [
        ("fourth round", "fifth round", "rounds-to-date"),
        ("third recall", "second recall", "recalls-to-date"),
    ],
)
def test_a_wrong_ordinal_fails(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, old: str, new: str, check: str
) -> None:
    folder = _talks(
        tmp_path,
        claims=CLAIMS.replace(old, new).replace(
            f"value: {old.split()[0]}", f"value: {new.split()[0]}"
        ),
    )
    text = folder / "article.txt"
    text.write_text(text.read_text("utf-8").replace(old, new), "utf-8")
    failures = check_failures(capsys, folder)
    assert set(failures) == {check}
