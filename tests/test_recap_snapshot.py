"""The recap snapshot: one session and the campaign around it, as of the session's end.

The demo campaign (fixed date) is replayed once per module; `now` is injected so the running
session 5 has a fixed end.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from exports import FORMATS, render_recap
from models.demo import demo_events
from models.domain import ArticleStatus, CaucusSide, NoteKind, Party, ProposalKind
from models.errors import DomainError
from models.recap import (
    RecapCaucus,
    RecapNote,
    RecapProposal,
    RecapSnapshot,
    RecapWithdrawal,
    build_snapshot,
    member_leak,
)
from models.store import Store

DEMO_DAY = date(2026, 3, 22)
NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("recap") / "demo.db"
    store = Store(path, create=True)
    store.import_journal(json.dumps(event) for event in demo_events(DEMO_DAY))
    yield store
    store.close()


def row(snapshot: RecapSnapshot, number: str) -> object:
    return next(r for r in snapshot.board if r.number == number)


def test_latest_started_session_by_default_and_now_ends_a_running_one(demo: Store) -> None:
    snapshot = build_snapshot(demo, None, "members", NOW)
    assert snapshot.session.number == 5
    assert snapshot.session.running
    assert snapshot.as_of == NOW
    assert snapshot.generated_at == NOW
    assert snapshot.totals.session_minutes == 88  # 16:32 to 18:00
    assert snapshot.next_session is None


def test_ended_session_is_as_of_its_end(demo: Store) -> None:
    snapshot = build_snapshot(demo, 1, "members", NOW)
    assert not snapshot.session.running
    assert snapshot.as_of == snapshot.session.ended_at
    assert snapshot.next_session is not None
    assert snapshot.next_session.number == 2
    assert snapshot.next_session.starts.date() == date(2026, 3, 1)
    assert snapshot.call_to_action.startswith("Wear red on Thursday")


def test_times_are_in_the_campaign_timezone(demo: Store) -> None:
    snapshot = build_snapshot(demo, 1, "members", NOW)
    offset = snapshot.session.started_at.utcoffset()
    assert offset is not None and offset.total_seconds() == -8 * 3600  # PST in February
    assert build_snapshot(demo, 5, "members", NOW).session.started_at.hour == 16


def test_unknown_session_is_refused_with_the_known_ones(demo: Store) -> None:
    with pytest.raises(DomainError, match=r"session 42 does not exist; sessions with a recap: 1-5"):
        build_snapshot(demo, 42, "members", NOW)


def test_unstarted_session_is_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "x.db", create=True) as store:
        store.import_journal(json.dumps(e) for e in demo_events(DEMO_DAY))
        store.record(
            {"type": "session.scheduled", "session": 6, "starts": "2026-03-29T16:30:00-07:00"}
        )
        with pytest.raises(DomainError, match="session 6 has not started yet"):
            build_snapshot(store, 6, "members", NOW)
        # The scheduled session 6 is the next one of the running session 5.
        upcoming = build_snapshot(store, 5, "members", NOW).next_session
        assert upcoming is not None and upcoming.number == 6


def test_no_started_session_is_refused(tmp_path: Path) -> None:
    with Store(tmp_path / "x.db", create=True) as store:
        events = demo_events(DEMO_DAY)
        first_start = next(i for i, e in enumerate(events) if e["type"] == "session.started")
        store.import_journal(json.dumps(e) for e in events[:first_start])
        with pytest.raises(DomainError, match="no session has started yet"):
            build_snapshot(store, None, "members", NOW)


def test_naive_now_and_unknown_audience_are_refused(demo: Store) -> None:
    with pytest.raises(DomainError, match="UTC offset"):
        build_snapshot(demo, 1, "members", datetime(2026, 3, 22, 18, 0))
    with pytest.raises(DomainError, match="audience"):
        build_snapshot(demo, 1, "public", NOW)  # type: ignore[arg-type]


def test_standings_and_totals_are_as_of_the_session_end(demo: Store) -> None:
    # Session 2: 9-11 are with the district after REA #3; today they are TA'd (session 5).
    two = build_snapshot(demo, 2, "members", NOW)
    leaves = row(two, "9")
    assert leaves.status is ArticleStatus.OPEN  # type: ignore[attr-defined]
    assert leaves.holder is Party.EMPLOYER  # type: ignore[attr-defined]
    assert row(two, "17").status is ArticleStatus.TA  # type: ignore[attr-defined]
    assert row(two, "3").status is ArticleStatus.NOT_OPENED  # type: ignore[attr-defined]
    assert two.totals.articles_tad_total == 1
    # RUSD #3 on article 7 still stands at the end of session 2 (withdrawn in session 3).
    assert row(two, "7").last_proposal == "RUSD #3"  # type: ignore[attr-defined]
    assert row(two, "7").holder is Party.UNION  # type: ignore[attr-defined]
    five = build_snapshot(demo, 5, "members", NOW)
    assert row(five, "9").status is ArticleStatus.TA  # type: ignore[attr-defined]
    assert five.totals.articles_tad_total == 9
    assert five.totals.articles_opened == 18
    assert two.totals.articles_opened < five.totals.articles_opened


def test_board_lists_every_article_in_natural_order(demo: Store) -> None:
    snapshot = build_snapshot(demo, 3, "members", NOW)
    assert [r.number for r in snapshot.board] == [a.number for a in demo.articles()]
    assert all(r.status is not ArticleStatus.NOT_OPENED for r in snapshot.opened_board)


def test_withdrawal_in_the_session_is_listed(demo: Store) -> None:
    snapshot = build_snapshot(demo, 3, "members", NOW)
    assert [w.label for w in snapshot.withdrawals] == ["RUSD #3"]


def test_package_ta_is_conditional(demo: Store) -> None:
    snapshot = build_snapshot(demo, 5, "members", NOW)
    package = [ta for ta in snapshot.tas if ta.from_package]
    assert [ref.number for ref in package[0].articles] == ["9", "10", "11"]
    assert snapshot.totals.tas_today == 2
    assert snapshot.totals.articles_tad_today == 4


def test_caucus_that_never_ended_did_not_return(demo: Store) -> None:
    snapshot = build_snapshot(demo, 4, "members", NOW)
    employer = [c for c in snapshot.caucuses if c.side is CaucusSide.EMPLOYER]
    assert len(employer) == 1 and not employer[0].returned and not employer[0].still_out
    side = next(s for s in snapshot.caucus_sides if s.side is CaucusSide.EMPLOYER)
    assert side.not_returned == 1
    joint = next(s for s in snapshot.caucus_sides if s.side is CaucusSide.JOINT)
    assert joint.overruns == 1 and joint.overrun_minutes == 2
    t = snapshot.totals
    assert t.table_minutes + t.caucus_minutes == t.session_minutes


def test_caucus_still_out_while_the_session_runs(tmp_path: Path) -> None:
    with Store(tmp_path / "x.db", create=True) as store:
        store.import_journal(json.dumps(e) for e in demo_events(DEMO_DAY))
        store.record(
            {
                "type": "caucus.started",
                "session": 5,
                "by": "employer",
                "minutes": 10,
                "at": "2026-03-22T17:50:00-07:00",
            }
        )
        snapshot = build_snapshot(store, 5, "members", NOW)
        out = [c for c in snapshot.caucuses if c.still_out]
        assert len(out) == 1 and out[0].returned and out[0].minutes == 10


def test_information_requests_ages_and_overdue(demo: Store) -> None:
    four = build_snapshot(demo, 4, "members", NOW)
    staffing = next(r for r in four.requests_open if "special education positions" in r.text)
    assert staffing.age_days == 14
    assert staffing.overdue and staffing.days_overdue == 4
    assert [r.by for r in four.requests_answered] == [Party.EMPLOYER]
    # As of session 2's end, the cost request (answered in session 3) was still open.
    two = build_snapshot(demo, 2, "members", NOW)
    assert any("1% increase" in r.text for r in two.requests_open)
    assert not any("1% increase" in r.text for r in four.requests_open)


def test_member_snapshot_withholds_team_data(demo: Store) -> None:
    four = build_snapshot(demo, 4, "members", NOW)
    embargoed = [p for p in four.proposals if p.withheld]
    assert len(embargoed) == 1
    only = embargoed[0]
    assert (only.label, only.articles, only.summary, only.link, only.kind) == ("", (), "", "", None)
    assert not any(p.kind is ProposalKind.SUPPOSAL for p in four.proposals)
    assert not any(n.team_only for n in four.notes)
    assert not any(c.purpose for c in four.caucuses)
    # The board names no embargoed proposal either.
    assert row(four, "5").last_proposal == ""  # type: ignore[attr-defined]
    assert four.totals.proposals_union == 1 and four.totals.proposals_employer == 1
    for session in range(1, 6):
        assert member_leak(build_snapshot(demo, session, "members", NOW)) == ""


def test_team_snapshot_keeps_team_data(demo: Store) -> None:
    four = build_snapshot(demo, 4, "team", NOW)
    assert any(p.embargoed and not p.withheld and p.label == "REA #6" for p in four.proposals)
    assert any(p.kind is ProposalKind.SUPPOSAL for p in four.proposals)
    assert any(c.purpose for c in four.caucuses)
    assert any(n.team_only for n in build_snapshot(demo, 1, "team", NOW).notes)
    assert any(p.internal_note for p in build_snapshot(demo, 1, "team", NOW).proposals)
    assert row(four, "5").last_proposal == "REA #6"  # type: ignore[attr-defined]
    # Supposals do not count as passes, for the team either.
    assert four.totals.proposals_employer == 1


def test_a_member_snapshot_cannot_hold_team_data(demo: Store) -> None:
    snapshot = build_snapshot(demo, 1, "members", NOW)
    team_note = RecapNote(
        id="n",
        at=NOW,
        kind="note",
        text="secret",
        team_only=True,  # type: ignore[arg-type]
    )
    with pytest.raises(ValidationError, match="team-only note"):
        RecapSnapshot.model_validate({**snapshot.model_dump(), "notes": [team_note]})
    leaky = RecapProposal(id="p", at=NOW, by=Party.UNION, internal_note="floor is 5%")
    with pytest.raises(ValidationError, match="internal note"):
        RecapSnapshot.model_validate({**snapshot.model_dump(), "proposals": [leaky]})
    # The same data is fine for the team.
    RecapSnapshot.model_validate(
        {**snapshot.model_dump(), "audience": "team", "notes": [team_note]}
    )


def leaks() -> dict[str, object]:
    """One piece of team data for each field that could carry it."""
    return {
        "notes": (RecapNote(id="n", at=NOW, kind=NoteKind.NOTE, text="x", team_only=True),),
        "proposals": (RecapProposal(id="p", at=NOW, by=Party.UNION, internal_note="floor is 5%"),),
        "caucuses": (
            RecapCaucus(
                id="c",
                side=CaucusSide.UNION,
                started_at=NOW,
                due_back=NOW,
                planned_minutes=10,
                minutes=10,
                purpose="plan the walkout",
            ),
        ),
        "withdrawals": (
            RecapWithdrawal(id="w", at=NOW, by=Party.UNION, withheld=True, label="REA #9"),
        ),
    }


def test_a_member_snapshot_with_team_data_cannot_be_built_or_rendered(demo: Store) -> None:
    snapshot = build_snapshot(demo, 1, "members", NOW)
    team = build_snapshot(demo, 1, "team", NOW)
    fields = snapshot._asdict()
    for name, value in leaks().items():
        # Every way of making a snapshot runs the check...
        with pytest.raises(ValueError, match="a member snapshot cannot hold"):
            snapshot._replace(**{name: value})
        with pytest.raises(ValueError, match="a member snapshot cannot hold"):
            RecapSnapshot._make({**fields, name: value}.values())
        with pytest.raises(ValueError, match="a member snapshot cannot hold"):
            copy.copy(tuple.__new__(RecapSnapshot, {**fields, name: value}.values()))
        with pytest.raises(ValueError, match="a member snapshot cannot hold"):
            snapshot.model_copy(update={name: value})
        with pytest.raises(ValueError, match="a member snapshot cannot hold"):
            RecapSnapshot(**{**fields, name: value})
        with pytest.raises(ValidationError, match="a member snapshot cannot hold"):
            RecapSnapshot.model_validate({**snapshot.model_dump(), name: value})
        # ...even turning the team's minutes into a member recap...
        with pytest.raises(ValueError, match="a member snapshot cannot hold"):
            team.model_copy(update={"audience": "members"})
        # ...and a member snapshot tampered with after the fact renders in no format.
        forged = tuple.__new__(RecapSnapshot, {**fields, name: value}.values())
        for fmt in FORMATS:
            with pytest.raises(DomainError, match="a member recap cannot hold"):
                render_recap(forged, format=fmt)
        assert render_recap(team._replace(**{name: value}), format="md")
    with pytest.raises(ValueError, match="audience"):
        snapshot._replace(audience="public")


def test_snapshot_is_frozen(demo: Store) -> None:
    snapshot = build_snapshot(demo, 1, "members", NOW)
    with pytest.raises(AttributeError):
        snapshot.audience = "team"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        snapshot.session.number = 2  # type: ignore[misc]
    with pytest.raises(AttributeError):
        snapshot.board[0].status = ArticleStatus.TA  # type: ignore[misc]


def test_snapshot_round_trips_through_its_dump(demo: Store) -> None:
    for audience in ("members", "team"):
        snapshot = build_snapshot(demo, 4, audience, NOW)  # type: ignore[arg-type]
        assert RecapSnapshot.model_validate(snapshot.model_dump()) == snapshot
        assert RecapSnapshot.model_validate(snapshot.model_dump(mode="json")) == snapshot
    with pytest.raises(ValidationError, match=r"secret\s+Extra inputs are not permitted"):
        RecapSnapshot.model_validate({**snapshot.model_dump(), "secret": "x"})


def test_a_recap_loads_no_pydantic(demo: Store) -> None:
    """`bargain recap` must not pay for pydantic's start-up: the snapshot, and the store's
    records it is built from, are plain Python."""
    script = (
        "import sys\n"
        "from datetime import datetime\n"
        "from pathlib import Path\n"
        "from exports import render_recap\n"
        "from models.recap import build_snapshot\n"
        "from models.store import Store\n"
        "store = Store(Path(sys.argv[1]))\n"
        "now = datetime.fromisoformat('2026-03-22T18:00:00-07:00')\n"
        "for number in (1, 4, 5):\n"
        "    for audience in ('members', 'team'):\n"
        "        for fmt in ('md', 'html', 'sms', 'csv'):\n"
        "            snapshot = build_snapshot(store, number, audience, now)\n"
        "            assert render_recap(snapshot, format=fmt)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'sqlite_utils'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(demo.path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.stdout.strip() == "[]"


def test_proposals_without_status_hold_what_the_proposals_hold(demo: Store) -> None:
    """The recap's proposals without their statuses say what `proposals()` says."""
    for session in (None, 1, 3, 4, 5):
        with_status = demo.proposals(session)
        assert all(p.status is not None for p in with_status)
        without = demo.proposals(session, status=False)
        assert all(p.status is None for p in without)
        assert without == [p._replace(status=None) for p in with_status]
    some = [p.id for p in demo.proposals()][::3]
    assert [r.id for r in demo.proposals(ids=some, status=False)] == some
    assert [r.id for r in demo.proposals(ids=some)] == some
    assert demo.proposals(ids=[], status=False) == []
    assert demo.proposals(ids=[]) == []
