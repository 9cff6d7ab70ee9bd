"""The demo journal keeps the rules of the table, checked on the plain dicts.

No store is involved: these tests walk the events in journal order and check what any
replay relies on (unique ids, instants with offsets, references to earlier events, the
order of a session's life, TAs and caucuses; tests/journal_checker.py) and what the demo
promises to show. The benchmark's large journal is in tests/test_demo_data_large.py.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from models.demo import demo_events
from tests.journal_checker import IN_SESSION, TODAY, check_journal, count, instant, of, small

# -- the demo ----------------------------------------------------------------------------


def test_demo_keeps_the_rules() -> None:
    check_journal(small())


def test_demo_keeps_the_rules_on_other_days() -> None:
    for day in (date(2024, 11, 5), date(2025, 1, 1), date(2026, 6, 30)):
        check_journal(tuple(demo_events(day)))


def test_demo_is_deterministic_and_defaults_to_today() -> None:
    assert demo_events(TODAY) == demo_events(TODAY)
    assert demo_events() == demo_events(date.today())


def test_demo_campaign_roster_and_articles() -> None:
    events = small()
    created = events[0]
    assert created["union"] == {"name": "Riverbend Education Association", "short": "REA"}
    assert created["timezone"] == "America/Los_Angeles"
    assert created["our_side"] == "union"
    members = of(events, "member.added")
    assert 6 <= len(members) <= 12
    roles = " ".join(str(m.get("role", "")).lower() for m in members)
    for role in ("lead negotiator", "note-taker", "communications lead", "site rep"):
        assert role in roles
    numbers = [a["number"] for a in of(events, "article.added")]
    assert len(numbers) >= 20
    assert "Appendix A" in numbers and "MOU Distance Learning" in numbers
    assert all(isinstance(n, str) for n in numbers)


def test_demo_sessions_end_today_with_session_5_live() -> None:
    events = small()
    scheduled = {e["session"]: e for e in of(events, "session.scheduled")}
    assert sorted(scheduled) == [1, 2, 3, 4, 5]
    assert sorted(e["session"] for e in of(events, "session.started")) == [1, 2, 3, 4, 5]
    assert sorted(e["session"] for e in of(events, "session.ended")) == [1, 2, 3, 4]
    tz = ZoneInfo("America/Los_Angeles")
    starts = {n: instant(e["starts"]) for n, e in scheduled.items()}
    assert starts[5].astimezone(tz).date() == TODAY
    for n in range(1, 5):
        gap = starts[n + 1].astimezone(tz).date() - starts[n].astimezone(tz).date()
        assert gap == timedelta(days=7)
    for moment in starts.values():
        local = moment.astimezone(tz)
        assert (local.hour, local.minute) == (16, 30)
        assert moment.utcoffset() == local.utcoffset()
    assert starts[4].utcoffset() == timedelta(hours=-8)
    assert starts[5].utcoffset() == timedelta(hours=-7)
    assert scheduled[4]["kind"] == "mediation" and scheduled[4]["mediator"]
    assert {e.get("mode", "in_person") for e in scheduled.values()} >= {"in_person", "zoom"}
    for ended in of(events, "session.ended"):
        assert ended["call_to_action"]
        assert ended["next"]["starts"] == scheduled[ended["session"] + 1]["starts"]


def test_demo_events_stay_inside_their_session() -> None:
    events = small()
    started = {e["session"]: instant(e["at"]) for e in of(events, "session.started")}
    ended = {e["session"]: instant(e["at"]) for e in of(events, "session.ended")}
    for event in events:
        if event["type"] in IN_SESSION and "session" in event:
            moment = instant(event["at"])
            assert started[event["session"]] <= moment
            if event["session"] in ended:
                assert moment <= ended[event["session"]]


def test_demo_agendas_and_attendance() -> None:
    events = small()
    per_session = Counter(e["session"] for e in of(events, "agenda.item_added"))
    assert set(per_session) == {1, 2, 3, 4, 5}
    assert all(3 <= n <= 6 for n in per_session.values())
    assert count(events, "agenda.item_skipped") >= 1
    active = {e["item"] for e in of(events, "agenda.item_started") if e["session"] == 5}
    done = {e["item"] for e in of(events, "agenda.item_done") if e["session"] == 5}
    assert len(active - done) == 1
    attendance = of(events, "attendance.recorded")
    assert sorted(e["session"] for e in attendance) == [1, 2, 3, 4, 5]
    names = {e["name"] for e in of(events, "member.added")}
    for record in attendance:
        assert set(record["present"]) <= names
        assert 40 <= record["observers"] <= 180
        assert 5 <= record["sites"] <= 23


def test_demo_proposals_of_every_kind() -> None:
    events = small()
    passed = of(events, "proposal.passed")
    assert {p["by"] for p in passed} == {"union", "employer"}
    assert {p["kind"] for p in passed} == {"initial", "counter", "package", "supposal"}
    assert all(p["kind"] == "initial" for p in passed if p["session"] == 1)
    assert any(p.get("internal_note") for p in passed)
    assert any(p.get("link") for p in passed)
    assert any(p.get("terms") for p in passed)
    embargoed = [p for p in passed if p.get("embargoed")]
    assert embargoed and all(p["session"] == 4 for p in embargoed)
    assert len({p["label"] for p in passed}) == len(passed)
    assert all(p.get("summary") for p in passed)
    withdrawals = of(events, "proposal.withdrawn")
    assert withdrawals


def test_demo_tas_single_and_package() -> None:
    events = small()
    tas = of(events, "ta.signed")
    assert sum(1 for t in tas if "articles" in t) >= 3
    package_tas = [t for t in tas if "proposal" in t and "articles" not in t]
    assert package_tas
    ids = {e["id"]: e for e in events}
    assert ids[package_tas[0]["proposal"]]["kind"] == "package"


def test_demo_caucuses() -> None:
    events = small()
    starts = of(events, "caucus.started")
    assert {c["by"] for c in starts} == {"union", "employer", "joint"}
    assert count(events, "caucus.extended") >= 1
    ended = {(c["session"], c["by"]) for c in of(events, "caucus.ended")}
    unended = [c for c in starts if (c["session"], c["by"]) not in ended]
    assert [(c["session"], c["by"]) for c in unended] == [(4, "employer")]
    # one caucus ran past start + minutes + extensions
    overruns = 0
    for caucus in starts:
        key = (caucus["session"], caucus["by"])
        if key not in ended:
            continue
        extra = sum(
            e["minutes"] for e in of(events, "caucus.extended") if (e["session"], e["by"]) == key
        )
        end = next(e for e in of(events, "caucus.ended") if (e["session"], e["by"]) == key)
        due = instant(caucus["at"]) + timedelta(minutes=caucus["minutes"] + extra)
        overruns += instant(end["at"]) > due
    assert overruns >= 1
    assert any(c.get("purpose") for c in starts)


def test_demo_notes() -> None:
    events = small()
    notes = of(events, "note.added")
    assert 30 <= len(notes) <= 60
    assert {n.get("kind", "note") for n in notes} == {"note", "quote", "commitment", "action"}
    assert {n.get("visibility") for n in notes} == {"members", "team", None}
    quotes = [n for n in notes if n.get("kind") == "quote"]
    assert all(n.get("speaker") for n in quotes)
    assert {n.get("party") for n in quotes} >= {"union", "employer"}


def test_demo_information_requests() -> None:
    events = small()
    made = of(events, "info_request.made")
    answered = {a["request"] for a in of(events, "info_request.answered")}
    assert answered
    open_requests = [r for r in made if r["id"] not in answered]
    dues = [date.fromisoformat(r["due"]) for r in open_requests if "due" in r]
    assert any(due < TODAY for due in dues), "an overdue open request"
    assert any(due >= TODAY for due in dues), "an open request not yet due"
    assert Counter(r["by"] for r in made).most_common(1)[0][0] == "union"


def test_the_checker_refuses_broken_journals() -> None:
    events = list(small())
    ta = next(e for e in events if e["type"] == "ta.signed" and "articles" in e)
    late = dict(next(e for e in events if e["type"] == "proposal.passed"))
    late.update(id="ev-late", at=events[-1]["at"], articles=ta["articles"], session=5)
    with pytest.raises(AssertionError, match="TA'd article"):
        check_journal(tuple([*events, late]))
    swapped = [*events[:50], events[51], events[50], *events[52:]]
    with pytest.raises(AssertionError):
        check_journal(tuple(swapped))
    at = next(i for i, e in enumerate(events) if e["type"] == "caucus.started")
    twice = [*events[: at + 1], dict(events[at], id="ev-again"), *events[at + 1 :]]
    with pytest.raises(AssertionError, match="two open caucuses"):
        check_journal(tuple(twice))
