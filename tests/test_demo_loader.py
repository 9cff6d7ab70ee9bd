"""The demo as shipped data: the journal files, the package data, and what the loader builds.

tests/test_demo_data.py checks the journals event by event; these tests check the files
themselves and the campaign the store holds once `build_demo` (what `bargain demo` and the
welcome screen's button run) has imported them.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from datetime import date, datetime, timedelta
from fnmatch import fnmatch
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from models import demo
from models.demo import build_demo, demo_events, journal_lines, live_demo_events, load_demo
from models.errors import DomainError
from models.store import Store
from models.vocabulary import AgendaStatus, ArticleStatus, CaucusSide, Party, SessionKind
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
JOURNALS = ROOT / "models" / "demo_journals"
TZ = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 12, 3, 18, 0, tzinfo=TZ)  # a Thursday in PST
SUMMER = datetime(2026, 6, 10, 19, 30, tzinfo=TZ)  # in PDT

HOLDERS = {
    "5": Party.EMPLOYER,
    "6": Party.EMPLOYER,
    "Appendix A": Party.EMPLOYER,
    "7": Party.UNION,
    "8": Party.UNION,
    "12": Party.EMPLOYER,
    "12.3": Party.EMPLOYER,
    "13": Party.EMPLOYER,
    "14": Party.EMPLOYER,
}
AGREED = {"3", "9", "10", "11", "15", "16", "17", "21", "MOU Distance Learning"}
NOT_OPENED = {"1", "2", "4", "18", "19", "20", "22"}


def test_every_shipped_journal_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["models"]
    shipped = sorted(path.name for path in JOURNALS.iterdir())
    assert shipped == sorted([demo.DEMO, demo.LARGE])
    for name in shipped:
        assert any(fnmatch(f"demo_journals/{name}", pattern) for pattern in patterns), name


def test_the_demo_file_is_its_own_day() -> None:
    """Moved to the day it was recorded on, the demo is the file, line for line."""
    recorded = [json.loads(line) for line in journal_lines(demo.DEMO)]
    fifth = next(e for e in recorded if e["type"] == "session.scheduled" and e["session"] == 5)
    day = datetime.fromisoformat(fifth["starts"]).astimezone(TZ).date()
    assert demo_events(day) == recorded


def test_bargain_journal_import_reads_the_demo_file(tmp_path: Path) -> None:
    db = tmp_path / "imported.db"
    result = CliRunner().invoke(
        main, ["--db", str(db), "journal", "import", str(JOURNALS / demo.DEMO)]
    )
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert len(store.events()) == 297
        assert [s.number for s in store.sessions()] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("day", "title"),
    [
        (date(2025, 10, 15), "Successor contract 2025-2028"),
        (date(2026, 7, 20), "Successor contract 2025-2028"),  # session 1 in June
        (date(2026, 7, 29), "Successor contract 2026-2029"),  # session 1 in July
        (date(2027, 3, 1), "Successor contract 2026-2029"),
        (date(2021, 1, 5), "Successor contract 2020-2023"),
    ],
)
def test_the_title_names_the_school_year_of_session_1(day: date, title: str) -> None:
    assert demo_events(day)[0]["title"] == title


@pytest.mark.parametrize("now", [NOW, SUMMER], ids=["pst", "pdt"])
def test_the_built_demo_is_live_now(tmp_path: Path, now: datetime) -> None:
    db = tmp_path / "demo.db"
    assert build_demo(db, now=now) == 297
    with Store(db) as store:
        campaign = store.campaign()
        assert campaign is not None and campaign.union.short == "REA"
        assert store.events()[-1].at == now - timedelta(minutes=2)
        sessions = store.sessions()
        assert [s.number for s in sessions if s.ended_at is not None] == [1, 2, 3, 4]
        current = store.current_session()
        assert current is not None and current.number == 5 and current.running
        assert current.starts.astimezone(TZ).date() == now.date()
        assert [s.starts.astimezone(TZ).time() for s in sessions] == [
            current.starts.astimezone(TZ).time()
        ] * 5, "every session starts at the same local time"
        assert [s.kind for s in sessions].count(SessionKind.MEDIATION) == 1

        rows = {row.number: row for row in store.board()}
        assert {n: r.holder for n, r in rows.items() if r.holder is not None} == HOLDERS
        assert {n for n, r in rows.items() if r.status == ArticleStatus.TA} == AGREED
        assert {n for n, r in rows.items() if r.status == ArticleStatus.NOT_OPENED} == NOT_OPENED
        tas = store.tas()
        assert [t.session for t in tas] == [2, 3, 3, 4, 5, 5]
        assert [t.articles for t in tas if t.from_package] == [("9", "10", "11")]

        agenda = store.agenda(5)
        active = [item.title for item in agenda if item.status == AgendaStatus.ACTIVE]
        assert active == ["Class size and caseloads"]
        assert Counter(item.status for item in agenda) == {
            AgendaStatus.DONE: 4,
            AgendaStatus.ACTIVE: 1,
            AgendaStatus.UPCOMING: 1,
        }
        open_caucuses = [(c.session, c.side) for c in store.caucuses() if c.open]
        assert open_caucuses == [(4, CaucusSide.EMPLOYER)], "the district walked out of mediation"
        assert not store.caucuses(5, open_only=True)

        today = now.date()
        dues = [due for due in store.open_request_dues() if due is not None]
        assert [due < today for due in dues] == [True, False], "one overdue, one not yet due"
        assert len(store.notes()) == 53


def test_load_demo_into_an_open_store_is_the_built_demo(tmp_path: Path) -> None:
    """The welcome screen's path (an empty store already open) and `bargain demo`'s agree."""
    built = tmp_path / "built.db"
    build_demo(built, now=NOW)
    with Store(tmp_path / "open.db", create=True, seat="demo") as store:
        assert load_demo(store, now=NOW) == 297
        loaded = [(e.id, e.type, e.at) for e in store.events()]
    with Store(built) as store:
        assert [(e.id, e.type, e.at) for e in store.events()] == loaded


def test_a_refused_demo_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    events = live_demo_events(NOW)
    broken = [*events[:100], {**events[100], "type": "proposal.teleported"}, *events[101:]]
    monkeypatch.setattr(demo, "live_demo_events", lambda now: broken)
    db = tmp_path / "demo.db"
    with pytest.raises(DomainError, match=r"^line 101: "):
        build_demo(db, now=NOW)
    assert not db.exists()


@pytest.mark.slow
def test_the_large_demo_builds_the_benchmark(tmp_path: Path) -> None:
    db = tmp_path / "large.db"
    assert build_demo(db, large=True) == 48_223
    with Store(db) as store:
        sessions = store.sessions()
        assert len(sessions) == 150 and all(s.ended_at is not None for s in sessions)
        assert sessions[0].starts.isoformat() == "2024-01-08T16:30:00-08:00"
        assert len(store.articles()) == 60
        assert len(store.notes()) == 40_000
        agreed = [r for r in store.board() if r.status == ArticleStatus.TA]
        assert 35 <= len(agreed) <= 45
