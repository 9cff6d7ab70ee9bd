"""The rules of the table, checked on a journal's plain dicts: what any replay relies on (unique
ids, instants with offsets, references to earlier events, the order of a session's life, TAs
and caucuses), and the demo and benchmark journals the tests walk (built once per run).

Shared by tests/test_demo_data.py and tests/test_demo_data_large.py.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import cache
from typing import Any

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
    "campaign.updated": {"title", "union", "employer", "timezone", "our_side", "recap", "terms"},
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
