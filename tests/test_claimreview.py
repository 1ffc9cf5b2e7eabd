"""ClaimReview: one review per claim, Google's rating fields, a Person or an Organization as
the data says, and ``factsuite export claimreview facts/`` for a whole archive."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from factsuite.commands.cli import main
from factsuite.reports.claimreview import claim_reviews
from tests.test_reports import SEED_NAME, copy_of_seed, evaluated, replace_in


def test_claimreview_the_outlet_reviews_when_no_reviewer_is_named(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    replace_in(folder / "meta.yaml", "outlet: null", "outlet: Wire Service")
    text = (folder / "claims.yaml").read_text("utf-8")
    (folder / "claims.yaml").write_text(re.sub(r"\n    reviewed_by: [^\n]*", "", text), "utf-8")
    evaluation = evaluated(folder)
    (article,) = evaluation.articles
    (first,) = claim_reviews(article, evaluation)
    assert first["author"] == {"@type": "Organization", "name": "Wire Service"}


def test_claimreview_lowest_rating_of_a_claims_findings(tmp_path: Path) -> None:
    folder = copy_of_seed(tmp_path)
    replace_in(folder / "claims.yaml", "verdict: inaccurate", "verdict: misleading")
    evaluation = evaluated(folder)
    (article,) = evaluation.articles
    (first,) = claim_reviews(article, evaluation)
    assert first["reviewRating"]["ratingValue"] == 2
    assert first["reviewRating"]["name"] == "Misleading"


def test_export_claimreview_of_a_facts_folder_reads_every_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_of_seed(tmp_path / "facts")
    shutil.copytree(tmp_path / "facts" / SEED_NAME, tmp_path / "facts" / "second")
    assert main(["export", "claimreview", str(tmp_path / "facts")]) == 0
    captured = capsys.readouterr()
    assert len(json.loads(captured.out)) == 2
    assert "2 ClaimReviews from 2 of 2 articles" in captured.err
    (tmp_path / "empty").mkdir()
    assert main(["export", "claimreview", str(tmp_path / "empty")]) == 2
    assert "no claims.yaml found under" in capsys.readouterr().err
