"""The article board as the store reads it (SQLite's latest moves per article) against the
rule walking every move in journal order (`rules.standing_of`)."""

from __future__ import annotations

import contextlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.demo import demo_events
from models.errors import DomainError
from models.store import Store
from tests.support import board_by_walking

START = datetime(2026, 3, 10, 23, 0, tzinfo=UTC)
ARTICLES = ("1", "2", "10")

MOVE = st.one_of(
    st.tuples(
        st.just("pass"),
        st.sampled_from(["union", "employer"]),
        st.lists(st.sampled_from(ARTICLES), min_size=1, max_size=2, unique=True),
        st.sampled_from(["initial", "counter", "package", "supposal"]),
    ),
    st.tuples(st.just("withdraw"), st.integers(0, 30)),
    st.tuples(st.just("ta"), st.sampled_from(ARTICLES)),
    st.tuples(st.just("undo"), st.integers(0, 30)),
)


def _line(move: tuple[object, ...], index: int, store: Store) -> dict[str, object] | None:
    kind = move[0]
    if kind == "pass":
        _, by, numbers, proposal_kind = move
        return {
            "type": "proposal.passed",
            "session": 1,
            "by": by,
            "articles": numbers,
            "label": f"L{index}",
            "kind": proposal_kind,
        }
    if kind == "ta":
        return {
            "type": "ta.signed",
            "session": 1,
            "articles": [move[1]],
            "initials": {"union": "AA", "employer": "BB"},
        }
    proposals = store.proposals()
    if not proposals:
        return None
    if kind == "withdraw":
        chosen = proposals[int(str(move[1])) % len(proposals)]
        return {"type": "proposal.withdrawn", "proposal": chosen.id, "by": chosen.by.value}
    events = store.events(types=("proposal.passed", "proposal.withdrawn", "ta.signed"))
    if not events:
        return None
    return {"type": "event.undone", "event": events[int(str(move[1])) % len(events)].id}


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(moves=st.lists(MOVE, min_size=1, max_size=30))
def test_the_board_agrees_with_the_rule_on_generated_tables(
    tmp_path_factory: pytest.TempPathFactory, moves: list[tuple[object, ...]]
) -> None:
    path = tmp_path_factory.mktemp("board") / "board.db"
    with Store(path, create=True, seat="gen") as store:
        at = START.isoformat()
        store.record(
            {
                "type": "campaign.created",
                "at": at,
                "union": {"name": "Union", "short": "U"},
                "employer": {"name": "Employer", "short": "E"},
                "timezone": "UTC",
            }
        )
        for number in ARTICLES:
            store.record({"type": "article.added", "at": at, "number": number, "title": "T"})
        store.record({"type": "session.scheduled", "at": at, "session": 1, "starts": at})
        for index, move in enumerate(moves):
            line = _line(move, index, store)
            if line is None:
                continue
            line["at"] = (START + timedelta(minutes=index)).isoformat()
            with contextlib.suppress(DomainError):
                store.record(line)
            assert store.board() == board_by_walking(store)


def test_the_board_agrees_with_the_rule_on_the_demo(tmp_path: Path) -> None:
    with Store(tmp_path / "demo.db", create=True) as store:
        store.import_journal(json.dumps(event) for event in demo_events(START.date()))
        board = store.board()
        assert sum(1 for row in board if row.holder is not None) >= 5
        assert board == board_by_walking(store)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    moves=st.lists(MOVE, min_size=1, max_size=20),
    embargoed=st.lists(st.booleans(), min_size=20, max_size=20),
    embargo=st.sampled_from(["details", "all"]),
)
def test_the_member_board_follows_the_embargo_on_generated_tables(
    tmp_path_factory: pytest.TempPathFactory,
    moves: list[tuple[object, ...]],
    embargoed: list[bool],
    embargo: str,
) -> None:
    """Members never see an embargoed label; under `all` the board is the rule's board of the
    moves without the embargoed proposals; the team board stays the whole board."""
    from models.board import board_rows
    from models.rules import standing_of

    path = tmp_path_factory.mktemp("embargo") / "board.db"
    with Store(path, create=True, seat="gen") as store:
        at = START.isoformat()
        store.record(
            {
                "type": "campaign.created",
                "at": at,
                "union": {"name": "Union", "short": "U"},
                "employer": {"name": "Employer", "short": "E"},
                "timezone": "UTC",
            }
        )
        store.record({"type": "campaign.updated", "at": at, "ground_rules": {"embargo": embargo}})
        for number in ARTICLES:
            store.record({"type": "article.added", "at": at, "number": number, "title": "T"})
        store.record({"type": "session.scheduled", "at": at, "session": 1, "starts": at})
        for index, move in enumerate(moves):
            line = _line(move, index, store)
            if line is None:
                continue
            line["at"] = (START + timedelta(minutes=index)).isoformat()
            if line["type"] == "proposal.passed":
                line["embargoed"] = embargoed[index]
            with contextlib.suppress(DomainError):
                store.record(line)
        hidden = store.embargoed_seqs()
        hidden_labels = {m.label for m in store.moves() if m.seq in hidden}
        members = store.board(audience="members")
        assert store.board(audience="team") == store.board() == board_by_walking(store)
        assert not {row.last_proposal for row in members} & hidden_labels
        if embargo == "all":
            kept = [m for m in store.moves() if m.seq not in hidden]
            expected = board_rows(store.article_titles(), standing_of(kept, store.agreements()))
            assert members == expected
        else:
            team = store.board()
            assert [(r.status, r.holder, r.holding_since) for r in members] == [
                (r.status, r.holder, r.holding_since) for r in team
            ]
