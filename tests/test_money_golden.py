"""Golden files for the money scenario (tests/fixtures/money-journal.jsonl): three sessions of
economic moves with a supposal and an embargoed counter, every format, English and Spanish.

The html and the .eml hold the chart's PNG (a data: URI, a base64 part), so these files also
say that the chart is the same picture from one run to the next. After a deliberate change,
regenerate them, read the diff and look at the PNG before committing:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_money_golden.py
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from exports import render_recap
from models.recap import RecapSnapshot, build_snapshot
from models.store import Store
from tests.test_recap_golden import UPDATE
from tests.test_recap_golden import check as check_golden

FIXTURE = Path(__file__).parent / "fixtures" / "money-journal.jsonl"
GOLDEN = Path(__file__).parent / "golden" / "money"
NOW = datetime.fromisoformat("2026-02-10T20:00:00-08:00")
SESSIONS = (1, 2, 3)
FORMATS = {"md": "md", "html": "html", "eml": "eml", "sms": "txt", "json": "json"}


@pytest.fixture(scope="module")
def snapshots(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[tuple[int, str], RecapSnapshot]]:
    path = tmp_path_factory.mktemp("money-golden") / "money.db"
    with Store(path, create=True) as store:
        with FIXTURE.open(encoding="utf-8") as lines:
            store.import_journal(lines)
        yield {
            (session, audience): build_snapshot(store, session, audience, NOW)
            for session in SESSIONS
            for audience in ("members", "team")
        }


def check(name: str, text: str) -> None:
    check_golden(name, text, GOLDEN)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("session", SESSIONS)
def test_member_recap_matches_golden(
    snapshots: dict[tuple[int, str], RecapSnapshot],
    tmp_path: Path,
    session: int,
    fmt: str,
    lang: str,
) -> None:
    text = render_recap(snapshots[(session, "members")], format=fmt, lang=lang, user_dir=tmp_path)
    check(f"session-{session}.{lang}.{FORMATS[fmt]}", text)


@pytest.mark.parametrize("session", SESSIONS)
def test_board_csv_matches_golden(
    snapshots: dict[tuple[int, str], RecapSnapshot], tmp_path: Path, session: int
) -> None:
    text = render_recap(snapshots[(session, "members")], format="csv", user_dir=tmp_path)
    check(f"session-{session}.csv", text)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_team_minutes_match_golden(
    snapshots: dict[tuple[int, str], RecapSnapshot], tmp_path: Path, lang: str
) -> None:
    text = render_recap(snapshots[(3, "team")], format="md", lang=lang, user_dir=tmp_path)
    check(f"team-3.{lang}.md", text)


def test_golden_folder_has_no_strays() -> None:
    if UPDATE:
        pytest.skip("regenerating")
    expected = {
        f"session-{s}.{lang}.{ext}"
        for s in SESSIONS
        for lang in ("en", "es")
        for ext in FORMATS.values()
    }
    expected |= {f"session-{s}.csv" for s in SESSIONS} | {"team-3.en.md", "team-3.es.md"}
    assert {p.name for p in GOLDEN.iterdir()} == expected
