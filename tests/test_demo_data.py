"""The demo and benchmark journals keep the rules of the table, checked on the plain dicts.

No store is involved: these tests walk the events in journal order and check what any
replay relies on (unique ids, instants with offsets, references to earlier events, the
order of a session's life, TAs and caucuses) and what the demo promises to show.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from models.demo import demo_events, large_demo_events

TODAY = date(2025, 3, 12)  # session 4 falls in PST, session 5 in PDT
REQUIRED = {
    "campaign.created": {"union", "employer", "timezone"},
    "campaign.updated": set(),
    "article.added": {"number", "title"},
    "member.added": {"name"},
    "session.scheduled": {"session", "starts"},
    "session.started": {"session"},
    "session.ended": {"session"},
    "attendance.recorded": {"session"},
    "agenda.item_added": {"session", "title"},
    "agenda.item_started": {"session", "item"},
    "agenda.item_done": {"session", "item"},
    "agenda.item_skipped": {"session", "item"},
    "proposal.passed": {"session", "by", "articles", "label"},
    "proposal.withdrawn": {"proposal", "by"},
    "ta.signed": {"session", "initials"},
    "caucus.started": {"session", "by", "minutes"},
    "caucus.extended": {"session", "by", "minutes"},
    "caucus.ended": {"session", "by"},
    "note.added": {"session", "text"},
    "info_request.made": {"session", "by", "text"},
    "info_request.answered": {"request"},
    "recap.written": {"session"},
    "text.translated": {"event", "field", "lang", "text"},
}
OPTIONAL = {
    "campaign.created": {"title", "our_side"},
    "campaign.updated": {"title", "union", "employer", "timezone", "our_side", "recap"},
    "member.added": {"role", "site"},
    "session.scheduled": {"location", "mode", "kind", "mediator"},
    "session.ended": {"next", "call_to_action"},
    "attendance.recorded": {"present", "observers", "sites"},
    "agenda.item_added": {"minutes", "articles"},
    "proposal.passed": {"kind", "summary", "internal_note", "embargoed", "link", "terms"},
    "ta.signed": {"articles", "summary", "proposal"},
    "caucus.started": {"purpose"},
    "note.added": {"kind", "speaker", "party", "visibility"},
    "info_request.made": {"due"},
    "info_request.answered": {"session"},
    "recap.written": {"headline", "lead"},
}
IN_SESSION = {
    "attendance.recorded",
    "agenda.item_added",
    "agenda.item_started",
    "agenda.item_done",
    "agenda.item_skipped",
    "proposal.passed",
    "ta.signed",
    "caucus.started",
    "caucus.extended",
    "caucus.ended",
    "note.added",
    "info_request.made",
    "info_request.answered",
}


Events = tuple[dict[str, Any], ...]


@cache
def small() -> Events:
    return tuple(demo_events(TODAY))


@cache
def large() -> Events:
    return tuple(large_demo_events())


def instant(value: object) -> datetime:
    assert isinstance(value, str), value
    moment = datetime.fromisoformat(value)
    assert moment.tzinfo is not None and moment.utcoffset() is not None, value
    return moment


def check_journal(events: Events) -> None:
    """Every structural rule a replay relies on, in one walk over the journal."""
    assert events and events[0]["type"] == "campaign.created"
    ids: set[str] = set()
    last: datetime | None = None
    articles: set[str] = set()
    agreed: set[str] = set()
    scheduled: set[int] = set()
    started: set[int] = set()
    ended: set[int] = set()
    agenda: dict[int, list[str]] = {}
    proposals: dict[str, dict[str, Any]] = {}
    withdrawn: set[str] = set()
    open_caucuses: set[tuple[Any, Any]] = set()
    requests: set[str] = set()
    answered: set[str] = set()
    for index, event in enumerate(events):
        where = f"event {index} {event.get('id')} {event['type']}"
        kind = event["type"]
        assert isinstance(kind, str) and kind in REQUIRED, where
        assert kind != "campaign.created" or index == 0, where
        event_id = event.get("id")
        assert isinstance(event_id, str) and event_id not in ids, where
        ids.add(event_id)
        assert event.get("seat") in ("lead", "notes"), where
        keys = set(event) - {"type", "at", "id", "seat"}
        assert REQUIRED[kind] <= keys, where
        assert keys <= REQUIRED[kind] | OPTIONAL.get(kind, set()), where
        moment = instant(event["at"])
        assert last is None or moment >= last, where
        last = moment

        session: Any = event.get("session")
        if kind == "session.scheduled":
            assert isinstance(session, int) and session not in scheduled, where
            instant(event["starts"])
            scheduled.add(session)
        elif "session" in event:
            assert session in scheduled, where
        if kind == "session.started":
            assert session not in started, where
            started.add(session)
        if kind in IN_SESSION and "session" in event:
            assert session in started and session not in ended, where
        if kind == "session.ended":
            assert session in started and session not in ended, where
            ended.add(session)
            nxt = event.get("next")
            if nxt is not None:
                assert isinstance(nxt, dict)
                instant(nxt["starts"])

        if kind == "article.added":
            assert event["number"] not in articles, where
            articles.add(event["number"])
        named: Any = event.get("articles")
        if named is not None:
            assert isinstance(named, list) and named, where
            assert all(isinstance(a, str) and a in articles for a in named), where

        if kind == "agenda.item_added":
            agenda.setdefault(session, []).append("upcoming")
        elif kind.startswith("agenda.item_"):
            items = agenda.get(session, [])
            position = event["item"]
            assert isinstance(position, int) and 1 <= position <= len(items), where
            status = items[position - 1]
            if kind == "agenda.item_started":
                assert status == "upcoming", where
                assert "active" not in items, where
                items[position - 1] = "active"
            elif kind == "agenda.item_done":
                assert status == "active", where
                items[position - 1] = "done"
            else:
                assert status == "upcoming", where
                items[position - 1] = "skipped"

        if kind == "proposal.passed":
            assert event["by"] in ("union", "employer"), where
            assert event.get("kind", "counter") in ("initial", "counter", "package", "supposal")
            assert not set(named) & agreed, f"{where}: proposal on a TA'd article"
            if event.get("kind") == "package":
                assert len(named) >= 2, where
            terms = event.get("terms", {})
            assert isinstance(terms, dict)
            assert all(isinstance(v, int | float) for v in terms.values()), where
            link = event.get("link")
            assert link is None or (isinstance(link, str) and link.startswith("https://"))
            proposals[event_id] = event
        if kind == "proposal.withdrawn":
            target = proposals.get(event["proposal"])
            assert target is not None, f"{where}: withdraws an unknown proposal"
            assert event["proposal"] not in withdrawn, where
            assert target["by"] == event["by"], where
            withdrawn.add(event["proposal"])
        if kind == "ta.signed":
            initials = event["initials"]
            assert isinstance(initials, dict) and set(initials) == {"union", "employer"}, where
            covered = list(named or [])
            if "proposal" in event:
                package = proposals.get(event["proposal"])
                assert package is not None and event["proposal"] not in withdrawn, where
                if not covered:
                    assert package.get("kind") == "package", where
                    covered = list(package["articles"])
            assert covered, where
            assert not set(covered) & agreed, f"{where}: article TA'd twice"
            agreed.update(covered)

        if kind.startswith("caucus."):
            side = event["by"]
            assert side in ("union", "employer", "joint"), where
            key = (session, side)
            if kind == "caucus.started":
                assert key not in open_caucuses, f"{where}: two open caucuses for {side}"
                assert isinstance(event["minutes"], int) and event["minutes"] > 0
                open_caucuses.add(key)
            else:
                assert key in open_caucuses, f"{where}: no open {side} caucus"
                if kind == "caucus.ended":
                    open_caucuses.discard(key)

        if kind == "note.added":
            assert event.get("kind", "note") in ("note", "quote", "commitment", "action")
            assert event.get("visibility", "members") in ("members", "team"), where
            assert event.get("party") in (None, "union", "employer"), where
            if event.get("kind") == "quote":
                assert event.get("speaker"), where
            if (session, "union") in open_caucuses or (session, "joint") in open_caucuses:
                assert event.get("visibility", "team") == "team", f"{where}: caucus note"

        if kind == "info_request.made":
            assert event["by"] in ("union", "employer"), where
            if "due" in event:
                date.fromisoformat(event["due"])
            requests.add(event_id)
        if kind == "info_request.answered":
            assert event["request"] in requests and event["request"] not in answered, where
            answered.add(event["request"])
    json.dumps(list(events))


def count(events: Events, kind: str) -> int:
    return sum(1 for event in events if event["type"] == kind)


def of(events: Events, kind: str) -> list[dict[str, Any]]:
    return [event for event in events if event["type"] == kind]


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


# -- the benchmark -----------------------------------------------------------------------


def test_large_keeps_the_rules() -> None:
    check_journal(large())


def test_large_counts() -> None:
    events = large()
    kinds = Counter(e["type"] for e in events)
    assert kinds["article.added"] == 60
    for kind in ("session.scheduled", "session.started", "session.ended"):
        assert kinds[kind] == 150
    assert kinds["attendance.recorded"] == 150
    assert kinds["agenda.item_added"] == 450
    assert kinds["proposal.passed"] == 3000
    assert kinds["caucus.started"] == 1200
    assert kinds["caucus.ended"] == 1200
    assert kinds["note.added"] == 40000
    assert kinds["info_request.made"] == 300
    assert kinds["info_request.answered"] == 150
    assert 1 <= kinds["proposal.withdrawn"] <= 50
    assert kinds["caucus.extended"] >= 1
    per_session = Counter(e["session"] for e in events if e["type"] == "note.added")
    assert set(per_session.values()) <= {266, 267}
    per_session = Counter(e["session"] for e in events if e["type"] == "proposal.passed")
    assert set(per_session.values()) == {20}
    passed = of(events, "proposal.passed")
    kinds_of = Counter(p["kind"] for p in passed)
    assert 1 <= kinds_of["supposal"] <= 100 and kinds_of["package"] >= 50
    assert Counter(p["by"] for p in passed)["union"] in range(1200, 1800)


def test_large_ta_about_40_articles() -> None:
    events = large()
    ids = {e["id"]: e for e in events}
    agreed: set[str] = set()
    for ta in of(events, "ta.signed"):
        named = ta.get("articles") or ids[ta["proposal"]]["articles"]
        agreed.update(named)
    assert 35 <= len(agreed) <= 45


def test_large_is_deterministic_and_independent_of_today() -> None:
    first = large()
    again = list(large_demo_events())
    assert list(first) == again
    assert first[0]["at"].startswith("2024-01-")
    starts = [e["starts"] for e in of(first, "session.scheduled")]
    assert starts[0].startswith("2024-01-08T16:30:00-08:00")


def test_large_is_a_generator_and_fast() -> None:
    begun = time.perf_counter()
    stream = large_demo_events()
    assert next(iter(stream))["type"] == "campaign.created"
    events = list(stream)
    elapsed = time.perf_counter() - begun
    assert len(events) + 1 == len(large())
    assert elapsed < 5.0, f"large_demo_events() took {elapsed:.2f} s"


@pytest.mark.parametrize("maker", [small, lambda: large()[:5000]])
def test_ids_are_short_and_readable(maker: Callable[[], Events]) -> None:
    for event in maker():
        assert str(event["id"]).startswith("ev-") and len(str(event["id"])) <= 12
