"""The journal: export, import all-or-nothing, round trips, and a killed import."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import DomainError
from models.store import Store
from tests.support import board_by_walking, file_digest


def state_of(store: Store) -> tuple[object, ...]:
    """Everything a screen or a recap can see."""
    return (
        store.campaign(),
        store.board(),
        store.proposals(),
        store.tas(),
        store.sessions(),
        [store.agenda(s.number) for s in store.sessions()],
        store.caucuses(),
        store.notes(),
        store.info_requests(),
        store.members(),
    )


def export(store: Store) -> str:
    return "".join(line + "\n" for line in store.journal())


def test_export_import_export_gives_the_same_journal(small_store: Store, tmp_path: Path) -> None:
    first = export(small_store)
    with Store(tmp_path / "again.db", create=True) as again:
        again.import_journal(first.splitlines())
        assert export(again) == first
        assert state_of(again) == state_of(small_store)


def test_exported_lines_carry_ids_and_times_as_recorded(small_store: Store) -> None:
    lines = [json.loads(line) for line in export(small_store).splitlines()]
    assert lines[0]["id"] == "c1" and lines[0]["at"] == "2026-03-01T16:00:00-08:00"
    note = next(line for line in lines if line["id"] == "n1")
    assert note["visibility"] == "team"  # taken while the union was in caucus
    assert all(line["at"][-6] in "+-" or line["at"].endswith("Z") for line in lines)


BAD_LINES = [
    (
        '{"type": "note.added", "at": "2026-03-10T17:00:00", "session": 1, "text": "x"}',
        "line 3: at 2026-03-10T17:00:00 has no UTC offset",
    ),
    (
        '{"type": "proposal.passed", "at": "2026-03-10T17:00:00-07:00", "session": 1,'
        ' "by": "union", "articles": ["14"], "label": "X"}',
        "line 3: article 14 does not exist; known articles: 1-4, 10",
    ),
    (
        '{"type": "note.added", "at": "2026-03-10T17:00:00-07:00", "session": 7, "text": "x"}',
        "line 3: session 7 is not scheduled; known sessions: 1",
    ),
    (
        '{"type": "proposal.passed", "at": "2026-03-10T17:00:00-07:00", "session": 1,'
        ' "by": "union", "articles": ["2"], "label": "REA #1"}',
        "line 3: label 'REA #1' is already used",
    ),
    ('{"type": "note.added", "at": "2026-03-10T17:00:00-07:00", "session": 1', "line 3: not JSON"),
    ('["note.added"]', "line 3: each line must be a JSON object"),
    (
        '{"type": "note.typed", "at": "2026-03-10T17:00:00-07:00"}',
        "line 3: unknown event type 'note.typed'",
    ),
    (
        '{"type": "note.added", "at": "2026-03-10T17:00:00-07:00", "session": 1}',
        "line 3: text is missing",
    ),
    (
        '{"type": "note.added", "at": "2026-03-10T17:00:00-07:00", "session": 1, "text": "x",'
        ' "colour": "red"}',
        "line 3: unknown field 'colour'",
    ),
    (
        '{"type": "note.added", "id": "n1", "at": "2026-03-10T17:00:00-07:00", "session": 1,'
        ' "text": "x"}',
        "line 3: event id 'n1' is already in the journal",
    ),
    (
        '{"type": "caucus.started", "at": "2026-03-10T17:00:00-07:00", "session": 1,'
        ' "by": "union", "minutes": 0}',
        "line 3: minutes must be between 1 and 480",
    ),
    (
        '{"type": "campaign.created", "at": "2026-03-10T17:00:00-07:00", "union": {"name": "A",'
        ' "short": "A"}, "employer": {"name": "B", "short": "B"}, "timezone": "UTC"}',
        "line 3: this database already has its campaign",
    ),
    (
        '{"type": "note.added", "at": "2026-02-30T17:00:00-08:00", "session": 1, "text": "x"}',
        "line 3: at '2026-02-30T17:00:00-08:00' is not an ISO 8601 time",
    ),
]


@pytest.mark.parametrize(("bad", "message"), BAD_LINES, ids=[m for _, m in BAD_LINES])
def test_the_first_bad_line_refuses_the_whole_file(
    small_store: Store, db_path: Path, bad: str, message: str
) -> None:
    good = '{"type": "note.added", "at": "2026-03-10T18:00:00-07:00", "session": 1, "text": "fine"}'
    before = file_digest(db_path)
    with pytest.raises(DomainError) as refused:
        small_store.import_journal([good, "", bad, good])
    assert str(refused.value).startswith(message)
    assert file_digest(db_path) == before


def test_a_journal_with_undos_replays_to_the_same_state(live_store: Store, tmp_path: Path) -> None:
    from models import actions
    from models.domain import CaucusSide, Party

    p = actions.pass_proposal(
        live_store, session=2, by=Party.EMPLOYER, articles=["2"], label="RUSD #2"
    )
    live_store.undo(p.id)
    undo = live_store.last_redoable()
    assert undo is not None
    live_store.undo(undo.id)  # redo
    c = actions.call_caucus(live_store, session=2, side=CaucusSide.UNION, minutes=5)
    live_store.undo(c.id)
    actions.add_note(live_store, session=2, text="after the undone caucus")
    with Store(tmp_path / "replay.db", create=True) as replay:
        replay.import_journal(export(live_store).splitlines())
        assert state_of(replay) == state_of(live_store)
        assert replay.notes(2)[-1].visibility.value == "members"


# ------------------------------------------------------- generated journals

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp")),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "")
OFFSETS = st.sampled_from(
    [UTC, timezone(timedelta(hours=-7)), timezone(timedelta(hours=5, minutes=30))]
)
ACTION = st.one_of(
    st.tuples(
        st.just("propose"),
        st.sampled_from(["union", "employer"]),
        st.lists(st.integers(0, 5), min_size=1, max_size=3),
        st.sampled_from(["initial", "counter", "package", "supposal"]),
        TEXT,
    ),
    st.tuples(st.just("note"), TEXT, st.sampled_from([None, "members", "team"])),
    st.tuples(
        st.just("caucus"), st.sampled_from(["union", "employer", "joint"]), st.integers(1, 90)
    ),
    st.tuples(st.just("end_caucus"), st.sampled_from(["union", "employer", "joint"])),
    st.tuples(st.just("ta"), st.integers(0, 5)),
    st.tuples(st.just("withdraw"), st.integers(0, 20)),
    st.tuples(st.just("request"), TEXT),
    st.tuples(st.just("answer"), st.integers(0, 5)),
    st.tuples(st.just("undo"), st.integers(0, 60)),
)


def _line(action: tuple[object, ...], index: int, store: Store) -> dict[str, object] | None:
    kind = action[0]
    session = 1
    if kind == "propose":
        _, by, numbers, pkind, summary = action
        return {
            "type": "proposal.passed",
            "session": session,
            "by": by,
            "articles": [str(n) for n in numbers],
            "label": f"L{index}",
            "kind": pkind,
            "summary": summary,
            "internal_note": f"secret {index}",
        }
    if kind == "note":
        line: dict[str, object] = {"type": "note.added", "session": session, "text": action[1]}
        if action[2]:
            line["visibility"] = action[2]
        return line
    if kind == "caucus":
        return {"type": "caucus.started", "session": session, "by": action[1], "minutes": action[2]}
    if kind == "end_caucus":
        return {"type": "caucus.ended", "session": session, "by": action[1]}
    if kind == "ta":
        return {
            "type": "ta.signed",
            "session": session,
            "articles": [str(action[1])],
            "initials": {"union": "AA", "employer": "BB"},
        }
    if kind == "withdraw":
        proposals = store.proposals()
        if not proposals:
            return None
        chosen = proposals[int(action[1]) % len(proposals)]
        return {"type": "proposal.withdrawn", "proposal": chosen.id, "by": chosen.by.value}
    if kind == "request":
        return {
            "type": "info_request.made",
            "session": session,
            "by": "union",
            "text": action[1],
            "due": "2026-04-01",
        }
    if kind == "answer":
        requests = store.info_requests()
        if not requests:
            return None
        return {
            "type": "info_request.answered",
            "request": requests[int(action[1]) % len(requests)].id,
        }
    events = store.events()
    return {"type": "event.undone", "event": events[int(action[1]) % len(events)].id}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    actions_=st.lists(ACTION, max_size=40),
    offsets=st.lists(OFFSETS, min_size=1),
    shuffle_minutes=st.lists(st.integers(-30, 30), min_size=1),
)
def test_generated_journals_round_trip(
    tmp_path_factory: pytest.TempPathFactory,
    actions_: list[tuple[object, ...]],
    offsets: list[timezone],
    shuffle_minutes: list[int],
) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    start = datetime(2026, 3, 10, 23, 0, tzinfo=UTC)
    with Store(folder / "a.db", create=True, seat="gen") as store:
        store.record(
            {
                "type": "campaign.created",
                "at": start.isoformat(),
                "union": {"name": "Union", "short": "U"},
                "employer": {"name": "Employer", "short": "E"},
                "timezone": "UTC",
            }
        )
        for number in range(6):
            store.record(
                {
                    "type": "article.added",
                    "at": start.isoformat(),
                    "number": str(number),
                    "title": f"Article {number}",
                }
            )
        store.record(
            {
                "type": "session.scheduled",
                "at": start.isoformat(),
                "session": 1,
                "starts": start.isoformat(),
            }
        )
        for index, action in enumerate(actions_):
            line = _line(action, index, store)
            if line is None:
                continue
            moment = start + timedelta(
                minutes=index + shuffle_minutes[index % len(shuffle_minutes)]
            )
            line["at"] = moment.astimezone(offsets[index % len(offsets)]).isoformat()
            with contextlib.suppress(DomainError):
                store.record(line)
        assert store.board() == board_by_walking(store)
        journal = export(store)
        with Store(folder / "b.db", create=True) as again:
            again.import_journal(journal.splitlines())
            assert export(again) == journal
            assert state_of(again) == state_of(store)


# ---------------------------------------------------------- a killed import

KILLED_IMPORT = """
import sys
from pathlib import Path
from models.store import Store
store = Store(Path(sys.argv[1]), create=True)
print("ready", flush=True)
store.import_journal(Path(sys.argv[2]).read_text(encoding="utf-8").splitlines())
print("done", flush=True)
"""


@pytest.mark.parametrize("delay", [0.2, 0.6, 1.0])
def test_a_killed_import_keeps_nothing_or_everything(tmp_path: Path, delay: float) -> None:
    from models.demo import large_demo_events

    journal = tmp_path / "large.jsonl"
    events = [json.dumps(e) for _, e in zip(range(12_000), large_demo_events(), strict=False)]
    journal.write_text("\n".join(events) + "\n", encoding="utf-8")
    path = tmp_path / "killed.db"
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(path), str(journal)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    assert count in (0, len(events))
    with Store(path) as store:
        assert store.last_seq() == count
