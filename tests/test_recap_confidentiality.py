"""No member recap, in any format, holds team-only text.

Team-only text is: notes marked `team` (or taken while our side or a joint sidebar is out),
proposals' internal notes, caucus purposes, supposals, and embargoed proposals' details. It
is removed in `models/recap.py` before a member snapshot exists; these tests prove that no
built-in format, and no user template printing every field, can show it.
"""

from __future__ import annotations

import email
import html
import json
import tempfile
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from email import policy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports import FORMATS, render_recap
from exports.templating import clear_cache
from models.demo import demo_events
from models.domain import Visibility
from models.errors import DomainError
from models.recap import RecapSnapshot, build_snapshot
from models.store import Store

NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")
START = datetime.fromisoformat("2026-03-10T16:00:00-07:00")
ARTICLES = ("1", "2", "3", "4")

# A template that prints every field of the snapshot, however deep.
DUMP_TEMPLATE = """\
{%- macro dump(value) -%}
{%- set named = fields(value) -%}
{%- if named is not none -%}
{%- for key, item in named.items() %}{{ key }}={{ dump(item) }};{% endfor -%}
{%- elif value is mapping -%}
{%- for key, item in value.items() %}{{ key }}={{ dump(item) }};{% endfor -%}
{%- elif value is iterable and value is not string -%}
{%- for item in value %}{{ dump(item) }},{% endfor -%}
{%- else -%}
{{ value }}
{%- endif -%}
{%- endmacro -%}
{{ dump(recap) }}
{% for name in fields(recap) %}{{ name }}: {{ recap[name] }}
{% endfor %}
"""


@pytest.fixture(autouse=True)
def no_user_templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
        clear_cache()
        yield
    clear_cache()


def member_outputs(snapshot: RecapSnapshot, extra: Path | None = None) -> list[str]:
    """Every member format in both languages, each also decoded and unescaped."""
    texts: list[str] = []
    for fmt in FORMATS:
        for lang in ("en", "es"):
            text = render_recap(snapshot, format=fmt, lang=lang)
            texts.append(text)
            if fmt == "eml":
                message = email.message_from_string(text, policy=policy.default)
                texts += [
                    part.get_content()
                    for part in message.walk()
                    if part.get_content_maintype() == "text"
                ]
    if extra is not None:
        for fmt in ("md", "html"):
            texts.append(render_recap(snapshot, format=fmt, template=extra))
    return texts + [html.unescape(t) for t in texts] + [t.replace("\\", "") for t in texts]


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


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(ops=st.lists(operation, min_size=1, max_size=20))
def test_no_member_format_ever_holds_team_only_text(ops: list[tuple[Any, ...]]) -> None:
    secrets = Secrets()
    events = journal(ops, secrets)
    with (
        tempfile.TemporaryDirectory() as folder,
        Store(Path(folder) / "p.db", create=True) as store,
    ):
        replay(store, events)
        # Notes the store made team-only (taken while our side was out) are secret too.
        hidden = [n.text.split()[-1] for n in store.notes() if n.visibility is Visibility.TEAM]
        markers = secrets.all + [m for m in hidden if m.startswith(("NOTE", "TEAMONLY"))]
        for session in store.sessions():
            if session.started_at is None:
                continue
            for lang in ("en", "es"):
                snapshot = build_snapshot(store, session.number, "members", NOW, lang=lang)
                for output in member_outputs(snapshot):
                    for marker in markers:
                        assert marker not in output, (marker, session.number)
                assert not any(m in item.text for item in snapshot.untranslated for m in markers)
            # And the team's own minutes do carry what the team wrote.
            team = render_recap(build_snapshot(store, session.number, "team", NOW), format="json")
            written = {note["text"] for note in json.loads(team)["recap"]["notes"]}
            assert written == {note.text for note in store.notes(session.number)}


# --------------------------------------------------------------------- the demo campaign


def demo_team_texts(events: list[dict[str, Any]], store: Store) -> list[str]:
    """Every team-only text of the demo journal, as written."""
    texts: list[str] = []
    for event in events:
        if event["type"] == "proposal.passed":
            if event.get("internal_note"):
                texts.append(str(event["internal_note"]))
            if event.get("kind") == "supposal" or event.get("embargoed"):
                texts += [str(event["label"]), str(event.get("summary", ""))]
                if event.get("link"):
                    texts.append(str(event["link"]))
        elif event["type"] == "caucus.started" and event.get("purpose"):
            texts.append(str(event["purpose"]))
    texts += [note.text for note in store.notes() if note.visibility is Visibility.TEAM]
    return [t for t in texts if t]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, list[str]]]:
    events = demo_events(date(2026, 3, 22))
    path = tmp_path_factory.mktemp("confidential") / "demo.db"
    with Store(path, create=True) as store:
        store.import_journal(json.dumps(event) for event in events)
        yield store, demo_team_texts(events, store)


def test_demo_has_team_only_text_to_hide(demo: tuple[Store, list[str]]) -> None:
    store, secret = demo
    assert len(secret) >= 15
    team = render_recap(build_snapshot(store, 4, "team", NOW), format="md")
    assert "RUSD supposal 1" in team and "REA #6" in team


def test_no_demo_member_recap_holds_team_text(demo: tuple[Store, list[str]]) -> None:
    store, secret = demo
    for number in range(1, 6):
        snapshot = build_snapshot(store, number, "members", NOW)
        for output in member_outputs(snapshot):
            for text in secret:
                assert text not in output, (number, text)


def test_user_template_printing_every_field_finds_no_team_text(
    demo: tuple[Store, list[str]], tmp_path: Path
) -> None:
    store, secret = demo
    template = tmp_path / "everything.j2"
    template.write_text(DUMP_TEMPLATE, encoding="utf-8")
    printed_something = False
    for number in range(1, 6):
        snapshot = build_snapshot(store, number, "members", NOW)
        for output in member_outputs(snapshot, extra=template):
            for text in secret:
                assert text not in output, (number, text)
        dump = render_recap(snapshot, format="md", template=template)
        printed_something |= "did not return" in render_recap(snapshot, format="md")
        assert "audience=members" in dump
        assert all(note.text.split()[0] in dump.replace("\\", "") for note in snapshot.notes)
    assert printed_something
    # The same template on the team's snapshot does print the team's text.
    team_dump = render_recap(
        build_snapshot(store, 1, "team", NOW), format="html", template=template
    )
    assert any(text in html.unescape(team_dump) for text in secret)
