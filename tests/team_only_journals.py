"""Generated journals for the confidentiality tests: hypothesis operations (notes, proposals of
every kind, caucuses, TAs, requests, translations) turned into a campaign's events, where every
team-only text carries a unique marker (Secrets) and no member text carries one.

Used by tests/test_recap_confidentiality.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from models.errors import DomainError
from models.store import Store

START = datetime.fromisoformat("2026-03-10T16:00:00-07:00")
ARTICLES = ("1", "2", "3", "4")


# --------------------------------------------------------------- generated journals


class Secrets:
    """Unique markers: every team-only text carries one, every member text carries none."""

    def __init__(self) -> None:
        self.count = 0
        self.all: list[str] = []

    def new(self, text: str) -> str:
        self.count += 1
        marker = f"TEAMONLY{self.count:03d}Q"
        self.all.append(marker)
        return f"{text} {marker}".strip()


text = st.text(
    alphabet=st.characters(
        codec="utf-8",
        exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"),
    )
    | st.sampled_from(["<", ">", "|", "*", "_", "[", "]", "(", ")", "#", "\n", "&", "`"]),
    max_size=30,
)
articles = st.lists(st.sampled_from(ARTICLES), min_size=1, max_size=3, unique=True)
operation = st.one_of(
    st.tuples(st.just("note"), text, st.sampled_from(["members", "team", None]),
              st.sampled_from(["note", "quote", "commitment", "action"])),
    st.tuples(st.just("proposal"), text, articles, st.sampled_from(["union", "employer"]),
              st.sampled_from(["initial", "counter", "package", "supposal"]), st.booleans(),
              text),
    st.tuples(st.just("caucus"), text, st.sampled_from(["union", "employer", "joint"])),
    st.tuples(st.just("end_caucus"), st.sampled_from(["union", "employer", "joint"])),
    st.tuples(st.just("ta"), articles, text),
    st.tuples(st.just("ta_last"), text),
    st.tuples(st.just("withdraw_last")),
    st.tuples(st.just("request"), text, st.sampled_from(["union", "employer"])),
    st.tuples(st.just("next_session")),
    st.tuples(st.just("written"), text, text),
    st.tuples(st.just("translate"), text,
              st.sampled_from(["note.added", "proposal.passed", "ta.signed", "caucus.started"])),
)  # fmt: skip


def journal(ops: list[tuple[Any, ...]], secrets: Secrets) -> list[dict[str, Any]]:
    """A journal from the operations; each operation may be refused later by the store."""
    clock = [START]

    def at() -> str:
        clock[0] += timedelta(minutes=3)
        return clock[0].isoformat()

    events: list[dict[str, Any]] = [
        {
            "type": "campaign.created",
            "at": "2026-03-01T09:00:00-08:00",
            "union": {"name": "Union", "short": "UN"},
            "employer": {"name": "District", "short": "DI"},
            "timezone": "America/Los_Angeles",
        }
    ]
    events += [
        {"type": "article.added", "at": START.isoformat(), "number": n, "title": f"Art {n}"}
        for n in ARTICLES
    ]
    session = 1
    events.append(
        {"type": "session.scheduled", "at": at(), "session": 1, "starts": START.isoformat()}
    )
    events.append({"type": "session.started", "at": at(), "session": 1})
    labels = 0
    for op in ops:
        kind = op[0]
        if kind == "note":
            _, body, visibility, note_kind = op
            event = {"type": "note.added", "at": at(), "session": session, "kind": note_kind}
            if visibility is None or visibility == "team":
                # Left unmarked, it is team-only exactly when our side is out: mark it as a
                # secret only when the store will make it team (checked after the replay).
                event["text"] = f"{body} NOTE{len(events):04d}X".strip()
            else:
                event["text"] = f"{body} public".strip()
            if visibility is not None:
                event["visibility"] = visibility
                if visibility == "team":
                    event["text"] = secrets.new(body)
            events.append(event)
        elif kind == "proposal":
            _, body, numbers, by, proposal_kind, embargoed, note = op
            labels += 1
            secret = proposal_kind == "supposal" or embargoed
            label = f"P{labels}" + (f" {secrets.new('')}" if secret else "")
            event = {
                "type": "proposal.passed",
                "at": at(),
                "session": session,
                "by": by,
                "articles": numbers,
                "label": label[:80],
                "kind": proposal_kind,
                "summary": secrets.new(body) if secret else f"{body} summary".strip(),
                "internal_note": secrets.new(note),
                "embargoed": embargoed,
                "terms": {"secret_term": 1.5} if secret else {},
            }
            if secret:
                event["link"] = f"https://example.org/{secrets.new('')}"
            events.append(event)
        elif kind == "caucus":
            _, purpose, side = op
            events.append(
                {
                    "type": "caucus.started",
                    "at": at(),
                    "session": session,
                    "by": side,
                    "minutes": 10,
                    "purpose": secrets.new(purpose),
                }
            )
        elif kind == "end_caucus":
            events.append({"type": "caucus.ended", "at": at(), "session": session, "by": op[1]})
        elif kind == "ta":
            _, numbers, summary = op
            events.append(
                {
                    "type": "ta.signed",
                    "at": at(),
                    "session": session,
                    "articles": numbers,
                    "summary": f"{summary} agreed".strip(),
                    "initials": {"union": "AA", "employer": "BB"},
                }
            )
        elif kind == "ta_last":
            last = next((e for e in reversed(events) if e["type"] == "proposal.passed"), None)
            if last is not None:
                events.append(
                    {
                        "type": "ta.signed",
                        "at": at(),
                        "session": session,
                        "proposal": last.get("id", ""),
                        "summary": f"{op[1]} agreed".strip(),
                        "initials": {"union": "AA", "employer": "BB"},
                    }
                )
        elif kind == "withdraw_last":
            last = next((e for e in reversed(events) if e["type"] == "proposal.passed"), None)
            if last is not None:
                events.append(
                    {"type": "proposal.withdrawn", "at": at(), "proposal": "", "by": last["by"]}
                )
        elif kind == "request":
            _, body, by = op
            events.append(
                {
                    "type": "info_request.made",
                    "at": at(),
                    "session": session,
                    "by": by,
                    "text": f"{body} request".strip(),
                    "due": "2026-03-11",
                }
            )
        elif kind == "written":
            _, headline, lead = op
            events.append(
                {
                    "type": "recap.written",
                    "at": at(),
                    "session": session,
                    "headline": " ".join(f"{headline} headline".split())[:120],
                    "lead": f"{lead} lead".strip(),
                }
            )
        elif kind == "translate":
            # A Spanish translation of the latest event of a kind: of a team-only text it is
            # team-only too (it carries the original's marker, or a new secret).
            _, body, target_type = op
            target = next((e for e in reversed(events) if e["type"] == target_type), None)
            if target is not None:
                field = {"note.added": "text", "caucus.started": "purpose"}.get(
                    target_type, "summary"
                )
                original = str(target.get(field, ""))
                marker = original.split()[-1] if original.split() else ""
                secret = target_type == "caucus.started" or (
                    target_type == "proposal.passed"
                    and (target.get("kind") == "supposal" or target.get("embargoed"))
                )
                translated = secrets.new(body) if secret else f"{body} traducido {marker}"
                events.append(
                    {
                        "type": "text.translated",
                        "at": at(),
                        "event": target,  # replaced by its id below
                        "field": field,
                        "lang": "es",
                        "text": translated.strip(),
                    }
                )
        elif kind == "next_session":
            events.append({"type": "session.ended", "at": at(), "session": session})
            session += 1
            events.append(
                {"type": "session.scheduled", "at": at(), "session": session, "starts": at()}
            )
            events.append({"type": "session.started", "at": at(), "session": session})
    # Give every event an id, and point "the last proposal" at its real id.
    last_proposal = ""
    for index, event in enumerate(events):
        event["id"] = f"e{index}"
    for event in events:
        if event["type"] == "text.translated":
            event["event"] = event["event"]["id"]
    for event in events:
        if event["type"] == "proposal.passed":
            last_proposal = event["id"]
        elif event["type"] == "proposal.withdrawn" or (
            event["type"] == "ta.signed" and "proposal" in event
        ):
            event["proposal"] = last_proposal
    return events


def replay(store: Store, events: list[dict[str, Any]]) -> None:
    """Record what the store accepts; skip what it refuses (a TA'd article, no caucus...)."""
    for event in events:
        try:
            store.record(event)
        except DomainError:
            continue
