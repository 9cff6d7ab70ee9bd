"""Fixtures for the app's tests: a demo database built once, and a clock that stands still."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from models.demo import demo_events
from models.store import Store
from tests.tui.console_pilot import SIZES

DEMO_DAY = date(2026, 3, 22)
"""The demo's `today`: session 5 runs that evening, 16:30 Pacific (PDT, -07:00)."""
FROZEN_AT = datetime(2026, 3, 23, 1, 20, tzinfo=UTC)
"""18:20 Pacific on the demo's day: session 5 has run for 1:48, agenda item 5 is active."""


class FrozenClock:
    """A clock that only moves when told to: `clock()` is now; `clock.advance(minutes=5)`."""

    def __init__(self, at: datetime = FROZEN_AT) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **delta: float) -> None:
        self.at += timedelta(**delta)

    def set(self, at: datetime) -> None:
        self.at = at


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo campaign, built once per test run (copied for each test)."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.db"
    with Store(path, create=True, seat="demo") as store:
        store.record_numbered(enumerate(demo_events(DEMO_DAY), 1))
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo database for one test."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def demo_store(demo_db: Path) -> Iterator[Store]:
    """The demo database open as the lead's seat (closed after the test)."""
    store = Store(demo_db, seat="lead")
    yield store
    store.close()


@pytest.fixture
def clock() -> FrozenClock:
    """The frozen clock, at 18:20 Pacific on the demo's day."""
    return FrozenClock()


@pytest.fixture
def open_store() -> Callable[[Path], Store]:
    """Open a second connection on a database file, as another program would (closed after)."""
    opened: list[Store] = []

    def opener(path: Path) -> Store:
        store = Store(path, seat="checker")
        opened.append(store)
        return store

    yield opener  # type: ignore[misc]
    for store in opened:
        store.close()


@pytest.fixture(params=SIZES)
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    """Each of the console's two sizes, 80x24 and 160x48 (the key tests run at both)."""
    return request.param  # type: ignore[no-any-return]
