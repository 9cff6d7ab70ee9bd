"""Shared fixtures: real database files in a temporary folder, and the export tests' stores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exports.templating import clear_cache
from models.demo import demo_events
from models.store import Store
from tests.export_support import DEMO_DAY, HOSTILE_NOTES, SETUP
from tests.support import SMALL_JOURNAL


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bargaining.db"


@pytest.fixture
def small_store(db_path: Path) -> Iterator[Store]:
    """A store holding the small journal (session 1 ended), seat `lead`."""
    store = Store(db_path, create=True, seat="lead")
    store.import_journal(SMALL_JOURNAL.read_text(encoding="utf-8").splitlines())
    yield store
    store.close()


@pytest.fixture
def live_store(small_store: Store) -> Store:
    """The small campaign with session 2 scheduled and running."""
    # Times of their own: the rules follow `at` (the shared order), so a test's later lines
    # at fixed times must come after these.
    small_store.record(
        {
            "type": "session.scheduled",
            "at": "2026-03-11T09:00:00-07:00",
            "session": 2,
            "starts": "2026-03-17T16:30:00-07:00",
        }
    )
    small_store.record({"type": "session.started", "at": "2026-03-17T16:31:00-07:00", "session": 2})
    return small_store


# ---------------------------------------------------------------- the export tests' stores


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("exports") / "demo.db"
    with Store(path, create=True) as store:
        store.import_journal(json.dumps(event) for event in demo_events(DEMO_DAY))
        yield store


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A campaign whose every user text tries to break out: HTML, pipes, Markdown, links."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    events: list[dict[str, Any]] = [
        {
            "type": "campaign.created",
            "at": "2026-03-01T09:00:00-08:00",
            "union": {"name": "Union <b>Local</b> | 1", "short": "U|1"},
            "employer": {"name": "District & Co", "short": "<D>"},
            "timezone": "America/Los_Angeles",
            "title": "Contract `2026` *now*",
        },
        {"type": "article.added", "at": SETUP, "number": "1", "title": "Pay | Benefits <b>x</b>"},
        {"type": "article.added", "at": SETUP, "number": "2", "title": "薪水 and 福利 (wide)"},
        {"type": "article.added", "at": SETUP, "number": "3", "title": "Safety"},
        {
            "type": "session.scheduled",
            "at": SETUP,
            "session": 1,
            "starts": "2026-03-10T16:30:00-07:00",
            "location": "<iframe src=javascript:alert(1)> Room | 2",
        },
        {"type": "session.started", "at": "2026-03-10T16:31:00-07:00", "session": 1},
        {
            "type": "proposal.passed",
            "at": "2026-03-10T16:40:00-07:00",
            "session": 1,
            "by": "union",
            "articles": ["1", "2"],
            "label": "U-1 <script>",
            "summary": "<script>alert('summary')</script> | pipe\nsecond line",
            "link": "https://example.org/p?a=1&b=<2>",
        },
        {
            "type": "ta.signed",
            "at": "2026-03-10T16:50:00-07:00",
            "session": 1,
            "articles": ["3"],
            "summary": "<b onmouseover=alert(1)>TA</b>",
            "initials": {"union": "AB", "employer": "CD"},
        },
        {
            "type": "info_request.made",
            "at": "2026-03-10T16:55:00-07:00",
            "session": 1,
            "by": "union",
            "text": "<script>request</script> | data",
            "due": "2026-03-05",
        },
        {
            "type": "attendance.recorded",
            "at": "2026-03-10T16:56:00-07:00",
            "session": 1,
            "present": ["<Ann>", "Bo | Bo"],
            "observers": 3,
            "sites": 1,
        },
    ]
    for index, text in enumerate(HOSTILE_NOTES):
        events.append(
            {
                "type": "note.added",
                "at": f"2026-03-10T17:{index:02d}:00-07:00",
                "session": 1,
                "text": text,
                "kind": "quote" if index % 2 else "note",
                "speaker": "<Speaker>",
                "party": "employer",
                "visibility": "members",
            }
        )
    events.append(
        {
            "type": "session.ended",
            "at": "2026-03-10T18:30:00-07:00",
            "session": 1,
            "call_to_action": "<a href='javascript:alert(3)'>Act</a> now | today",
        }
    )
    with Store(path, create=True) as store:
        store.import_journal(json.dumps(event) for event in events)
        yield store


@pytest.fixture
def isolated_user_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The user's config folder is a fresh, empty one: no override leaks into a test.

    Every export test module uses it for each of its tests
    (`pytestmark = pytest.mark.usefixtures("isolated_user_templates")`)."""
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    clear_cache()
    yield config / "open-bargaining" / "templates"
    clear_cache()
