"""No member recap, in any format, holds team-only text.

Team-only text is: notes marked `team` (or taken while our side or a joint sidebar is out),
proposals' internal notes, caucus purposes, supposals, and embargoed proposals' details. It
is removed in `models/recap.py` before a member snapshot exists; these tests prove that no
built-in format, and no user template printing every field, can show it. The generated
journals are made in tests/team_only_journals.py.
"""

from __future__ import annotations

import email
import html
import json
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
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
from models.recap import RecapSnapshot, build_snapshot
from models.store import Store
from tests.team_only_journals import Secrets, journal, operation, replay

NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")


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
