"""Golden files: every demo session's recap in md, html, sms and json, in English and Spanish.

The demo is generated for a fixed day and the recap's "now" is fixed, so the files are stable.
After a deliberate change, regenerate them and read the diff before committing:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_recap_golden.py
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from exports import render_recap
from models.demo import demo_events
from models.recap import Audience, RecapSnapshot, build_snapshot
from models.store import Store

GOLDEN = Path(__file__).parent / "golden" / "recap"
DEMO_DAY = date(2026, 3, 22)
NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")
SESSIONS = (1, 2, 3, 4, 5)
FORMATS = {"md": "md", "html": "html", "sms": "txt", "json": "json"}
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def snapshots(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[tuple[int, str, str], object]]:
    path = tmp_path_factory.mktemp("golden") / "demo.db"
    with Store(path, create=True) as store:
        store.import_journal(json.dumps(event) for event in demo_events(DEMO_DAY))
        audiences: tuple[Audience, ...] = ("members", "team")
        # Each language's snapshot carries the demo's translations into it (session 4's
        # headline, lead, call to action, the article titles, the sign-off...).
        yield {
            (session, audience, lang): build_snapshot(store, session, audience, NOW, lang=lang)
            for session in SESSIONS
            for audience in audiences
            for lang in ("en", "es")
        }


@pytest.fixture
def no_user_templates(tmp_path: Path) -> Path:
    return tmp_path / "no-user-templates"


def check(name: str, text: str, folder: Path = GOLDEN) -> None:
    path = folder / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        return
    assert path.exists(), f"{path} is missing; run UPDATE_GOLDEN=1 pytest {__file__}"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{name} differs from its golden file; see the diff above"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("session", SESSIONS)
def test_member_recap_matches_golden(
    snapshots: dict[tuple[int, str, str], RecapSnapshot],
    no_user_templates: Path,
    session: int,
    fmt: str,
    lang: str,
) -> None:
    snapshot = snapshots[(session, "members", lang)]
    text = render_recap(snapshot, format=fmt, lang=lang, user_dir=no_user_templates)
    check(f"session-{session}.{lang}.{FORMATS[fmt]}", text)


@pytest.mark.parametrize("session", SESSIONS)
def test_team_minutes_match_golden(
    snapshots: dict[tuple[int, str, str], RecapSnapshot], no_user_templates: Path, session: int
) -> None:
    snapshot = snapshots[(session, "team", "en")]
    text = render_recap(snapshot, format="md", lang="en", user_dir=no_user_templates)
    check(f"team-{session}.en.md", text)


def test_golden_folder_has_no_strays() -> None:
    if UPDATE:
        pytest.skip("regenerating")
    expected = {
        f"session-{s}.{lang}.{ext}"
        for s in SESSIONS
        for lang in ("en", "es")
        for ext in FORMATS.values()
    } | {f"team-{s}.en.md" for s in SESSIONS}
    assert {p.name for p in GOLDEN.iterdir()} == expected
