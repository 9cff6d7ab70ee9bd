"""What must hold after every step of the fuzz test, whatever was written or refused."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from pydantic import BaseModel

from exports import FORMATS, LANGS, render_recap
from models import filters
from models.recap import AUDIENCES, build_snapshot
from models.store import Store
from tests.fuzz.values import CANARY, SECRET_TERM, SKIP
from tui import format as screen


def reads(store: Store) -> dict[str, Any]:
    """Every read the CLI, the recap and the main screen make, keyed by what it is."""
    sessions = store.sessions()
    articles = store.articles()
    found: dict[str, Any] = {
        "campaign": store.campaign(),
        "timezone": store.timezone(),
        "articles": articles,
        "titles": store.article_titles(),
        "board": store.board(),
        "member board": store.board(audience="members"),
        "sessions": sessions,
        "current": store.current_session(),
        "proposals": store.proposals(),
        "tas": store.tas(),
        "requests": store.info_requests(),
        "dues": store.open_request_dues(),
        "members": store.members(),
        "caucuses": store.caucuses(),
        "notes": store.notes(),
        "embargoed": store.embargoed_seqs(),
        "embargo rule": store.embargo_rule(),
        "events": store.events(),
        "last_seq": store.last_seq(),
    }
    for session in sessions:
        n = session.number
        found[f"agenda {n}"] = store.agenda(n)
        found[f"attendance {n}"] = store.attendance(n)
        found[f"open caucuses {n}"] = store.caucuses(n, open_only=True)
        found[f"caucuses {n}"] = store.caucuses(n)
        found[f"active item {n}"] = filters.active_item(store.agenda(n))
        found[f"latest notes {n}"] = store.notes(n, limit=50)
    for article in articles:
        found[f"history {article.number}"] = store.article_history(article.number)
    return found


def _instants(value: object) -> list[datetime]:
    """Every aware instant inside a read (records, tuples, lists, dicts)."""
    if isinstance(value, datetime):
        return [value]
    if hasattr(value, "_asdict"):  # a NamedTuple record
        return _instants(value._asdict())
    if isinstance(value, (list, tuple, set, frozenset)):
        return [moment for item in value for moment in _instants(item)]
    if isinstance(value, dict):
        return [moment for item in value.values() for moment in _instants(item)]
    if isinstance(value, BaseModel):
        return _instants(dict(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _instants({f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
    return []


def _screen_faces(found: dict[str, Any], now: datetime) -> None:
    """What the main screen does with the reads: every instant shown on the campaign's clock."""
    tz = found["timezone"]
    for moment in _instants(list(found.values())):
        screen.day_and_time(moment, tz)
        screen.clock(moment, tz)
        screen.age(now - moment)


def _recaps(store: Store, found: dict[str, Any], now: datetime) -> None:
    started = [s.number for s in found["sessions"] if s.started_at is not None]
    if not started:
        return
    for session in {None, started[0]}:
        for audience in AUDIENCES:
            snapshot = build_snapshot(store, session, audience, now)
            outputs = []
            for lang in LANGS:
                translated = build_snapshot(store, session, audience, now, lang=lang)
                outputs += [render_recap(translated, format=f, lang=lang) for f in FORMATS]
                if audience == "members":
                    outputs += [item.text for item in translated.untranslated]
            if audience == "members":
                outputs.append(json.dumps(snapshot.model_dump(mode="json"), ensure_ascii=False))
                for output in outputs:
                    assert CANARY not in output, _around(output)
                    assert "4,242.42" not in output and "4242.42" not in output
                _money_holds_no_secret(snapshot.money)


def _money_holds_no_secret(money: Any) -> None:
    """A member's money table and chart never hold a team-only proposal's term."""
    from exports.chart import chart_numbers

    for term in money.terms:
        values = (term.ours, term.theirs, *term.ours_series, *term.theirs_series)
        assert SECRET_TERM not in values, f"a team-only term in the money table: {term}"
    assert SECRET_TERM not in chart_numbers(money), "a team-only term in the chart"


def _member_board(store: Store) -> None:
    from tui.cli import main

    runner = CliRunner()
    for fmt in ("csv", "json", "table"):
        result = runner.invoke(main, ["--db", str(store.path), "board", "--format", fmt])
        assert result.exit_code == 0, result.output
        if "board-embargo" not in SKIP:
            assert CANARY not in result.output, _around(result.output)


def _around(text: str) -> str:
    at = text.find(CANARY)
    return f"team-only text in a member output: ...{text[max(at - 120, 0) : at + 40]!r}..."


def _rebuilt_matches(store: Store, found: dict[str, Any], folder: Path) -> None:
    """Export, import into an empty file: the same journal, line for line, and every read."""
    lines = list(store.journal())
    for line in lines:
        json.loads(line)
    path = folder / "rebuilt.db"
    try:
        with Store(path, create=True, seat=store.seat) as rebuilt:
            assert rebuilt.import_journal(lines) == len(lines)
            assert list(rebuilt.journal()) == lines
            again = reads(rebuilt)
        for key, value in found.items():
            assert again.get(key) == value, f"{key} differs once rebuilt from the journal"
        assert again.keys() == found.keys()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _once(what: str, keys: list[object]) -> None:
    repeated = sorted({str(key) for key in keys if keys.count(key) > 1})
    assert not repeated, f"{what} more than once: {repeated}"


def _rules_hold(found: dict[str, Any]) -> None:
    """What every write refuses to break, so no undo or redo may break it either."""
    active = [e for e in found["events"] if not e.undone]

    def subjects(kind: str, field: str) -> list[object]:
        return [e.data[field] for e in active if e.type == kind]

    _once("an article TA'd", [number for ta in found["tas"] for number in ta.articles])
    _once("a label used", [p.label.casefold() for p in found["proposals"]])
    _once("an article number added", [a.number for a in found["articles"]])
    _once("a session number scheduled", [s.number for s in found["sessions"]])
    _once("a member added", [m.name.casefold() for m in found["members"]])
    _once("a session started", subjects("session.started", "session"))
    _once("a session ended", subjects("session.ended", "session"))
    _once("a request answered", subjects("info_request.answered", "request"))
    _once("a proposal withdrawn", subjects("proposal.withdrawn", "proposal"))
    _once("a caucus open", [(c.session, c.side) for c in found["caucuses"] if c.ended_at is None])
    assert len([s for s in found["sessions"] if s.running]) <= 1, "two sessions running"
    assert not [s for s in found["sessions"] if s.cancelled and s.started_at], "cancelled, ran"
    withdrawn = set(subjects("proposal.withdrawn", "proposal"))
    assert not [t for t in found["tas"] if t.proposal in withdrawn], "a TA from a withdrawn one"
    for key, items in found.items():
        if key.startswith("agenda "):
            assert len([i for i in items if i.status.value == "active"]) <= 1, key


def check_all(store: Store, folder: Path, now: datetime) -> None:
    found = reads(store)
    _rules_hold(found)
    _screen_faces(found, now)
    _recaps(store, found, now)
    _member_board(store)
    _rebuilt_matches(store, found, folder)
