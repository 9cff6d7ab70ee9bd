"""`bargain board --audience members|team` and the ground rules' embargo (issue 12, defect 5).

Members (the default) never see an embargoed proposal's label; under `embargo: all` the
proposal does not exist for them and holders are computed as if it had not been passed. The
recap's board follows the very same rule.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from models.errors import DomainError
from models.recap import build_snapshot
from models.store import Store
from tui.cli import main

SECRET_COUNTER = "RUSD Secret Counter"
SECRET_OPENER = "REA Hidden Opener"
NOW = datetime(2026, 3, 10, 23, 0, tzinfo=UTC)


def _at(hour: int, minute: int = 0) -> str:
    return datetime(2026, 3, 10, hour, minute, tzinfo=UTC).isoformat()


def _journal(embargo: str | None) -> list[dict[str, object]]:
    lines: list[dict[str, object]] = [
        {
            "type": "campaign.created",
            "at": _at(16),
            "union": {"name": "Riverbend Education Association", "short": "REA"},
            "employer": {"name": "Riverbend Unified School District", "short": "RUSD"},
            "timezone": "UTC",
        },
        {"type": "article.added", "at": _at(16), "number": "1", "title": "Salary"},
        {"type": "article.added", "at": _at(16), "number": "2", "title": "Leaves"},
        {"type": "article.added", "at": _at(16), "number": "3", "title": "Class Size"},
        {"type": "session.scheduled", "at": _at(16), "session": 1, "starts": _at(17)},
        {"type": "session.started", "at": _at(17), "session": 1},
        {
            "type": "proposal.passed",
            "at": _at(17, 10),
            "session": 1,
            "by": "union",
            "articles": ["1"],
            "label": "REA #1",
            "kind": "initial",
        },
        {
            "type": "proposal.passed",
            "at": _at(18),
            "session": 1,
            "by": "employer",
            "articles": ["1"],
            "label": SECRET_COUNTER,
            "summary": "the district's real number",
            "embargoed": True,
        },
        {
            "type": "proposal.passed",
            "at": _at(18, 30),
            "session": 1,
            "by": "union",
            "articles": ["2"],
            "label": SECRET_OPENER,
            "kind": "initial",
            "embargoed": True,
        },
        {"type": "session.ended", "at": _at(20), "session": 1},
    ]
    if embargo is not None:
        lines.insert(
            1, {"type": "campaign.updated", "at": _at(16), "ground_rules": {"embargo": embargo}}
        )
    return lines


@pytest.fixture(params=[None, "details", "all"], ids=["default", "details", "all"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "b.db"
    with Store(path, create=True) as store:
        store.record_many(_journal(request.param))
    return path, request.param or "details"


def _board(path: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(path), "board", *args])
    assert result.exit_code == 0, result.output
    return result.output


def _csv_rows(text: str) -> dict[str, dict[str, str]]:
    return {row["article"]: row for row in csv.DictReader(io.StringIO(text))}


def test_member_board_withholds_embargoed_labels_in_every_format(db: tuple[Path, str]) -> None:
    path, embargo = db
    for args in ((), ("--audience", "members"), ("--format", "csv"), ("--format", "json")):
        text = _board(path, *args)
        assert SECRET_COUNTER not in text and SECRET_OPENER not in text, (args, text)
    rows = _csv_rows(_board(path, "--format", "csv"))
    by_json = {row["article"]: row for row in json.loads(_board(path, "--format", "json"))}
    assert rows == by_json
    if embargo == "details":
        # members see that the district answered on 1 (and when): the ball is with the union
        assert rows["1"]["holder"] == "union"
        assert rows["1"]["holding_since"] == _at(18)
        assert rows["1"]["last_proposal"] == ""
        assert rows["2"]["status"] == "open" and rows["2"]["holder"] == "employer"
        assert rows["2"]["last_proposal"] == ""
    else:
        # as if the embargoed proposals had never been passed
        assert rows["1"]["holder"] == "employer"
        assert rows["1"]["holding_since"] == _at(17, 10)
        assert rows["1"]["last_proposal"] == "REA #1"
        assert rows["2"]["status"] == "not_opened" and rows["2"]["holder"] == ""
    assert rows["3"]["status"] == "not_opened"


def test_team_board_shows_everything_whatever_the_ground_rules(db: tuple[Path, str]) -> None:
    path, _embargo = db
    rows = _csv_rows(_board(path, "--format", "csv", "--audience", "team"))
    assert rows["1"]["holder"] == "union" and rows["1"]["last_proposal"] == SECRET_COUNTER
    assert rows["2"]["holder"] == "employer" and rows["2"]["last_proposal"] == SECRET_OPENER
    json_rows = json.loads(_board(path, "--format", "json", "--audience", "team"))
    assert {row["article"]: row for row in json_rows} == rows
    table = _board(path, "--audience", "team")
    assert "team only" in table and "RUSD Secret" in table


def test_recap_board_and_cli_board_follow_one_rule(db: tuple[Path, str]) -> None:
    path, embargo = db
    with Store(path) as store:
        for audience in ("members", "team"):
            recap = build_snapshot(store, 1, audience, NOW)  # type: ignore[arg-type]
            board = store.board(audience=audience)
            assert [
                (r.number, r.status, r.holder, r.holding_since, r.last_proposal)
                for r in recap.board
            ] == [
                (r.number, r.status, r.holder, r.holding_since, r.last_proposal) for r in board
            ], (audience, embargo)


def test_embargo_all_removes_the_proposal_from_the_member_recap(db: tuple[Path, str]) -> None:
    path, embargo = db
    with Store(path) as store:
        members = build_snapshot(store, 1, "members", NOW)
        team = build_snapshot(store, 1, "team", NOW)
    assert len(team.proposals) == 3 and team.totals.proposals_employer == 1
    if embargo == "all":
        assert [p.label for p in members.proposals] == ["REA #1"]
        assert members.totals.proposals_employer == 0
        assert members.totals.articles_opened == 1
    else:
        assert len(members.proposals) == 3
        assert [p.withheld for p in members.proposals] == [False, True, True]
        assert members.totals.articles_opened == 2


def test_ground_rules_are_checked_when_recorded(tmp_path: Path) -> None:
    with Store(tmp_path / "b.db", create=True) as store:
        store.record_many(_journal(None)[:1])
        line = {"type": "campaign.updated", "at": _at(16), "ground_rules": {"embargo": "some"}}
        with pytest.raises(DomainError, match=r"ground_rules\.embargo"):
            store.record(line)
        assert store.embargo_rule() == "details"
        store.record({**line, "ground_rules": {"embargo": "all"}})
        assert store.embargo_rule() == "all"


def test_board_refuses_an_unknown_audience(db: tuple[Path, str]) -> None:
    path, _embargo = db
    result = CliRunner().invoke(main, ["--db", str(path), "board", "--audience", "public"])
    assert result.exit_code == 2
