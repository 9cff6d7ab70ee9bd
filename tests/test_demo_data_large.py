"""The benchmark's large journal keeps the rules of the table (tests/journal_checker.py), has
the promised size, and is made fast and the same every time; every journal's ids are short.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

import pytest

from models.demo import large_demo_events
from tests.journal_checker import Events, check_journal, large, of, small

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
