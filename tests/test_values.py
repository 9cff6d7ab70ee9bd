"""No value that is accepted may break a later read (issue 12, defects 3 and 4).

Times and numbers typed loosely are either refused with one line or stored as validation
produced them, and every read (board, articles, recap, export, import) works on what was
stored. Article numbers and a note's party: tests/test_article_numbers_and_parties.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.errors import DomainError
from models.store import Store
from tests.values_support import AT, every_read, export

# ----------------------------------------------------------- values as validated


def stored(store: Store, event_id: str) -> dict[str, Any]:
    line = next(json.loads(text) for text in store.journal() if json.loads(text)["id"] == event_id)
    assert isinstance(line, dict)
    line.pop("origin")  # where it was recorded, not what was typed
    return line


def test_a_time_with_spaces_is_stored_as_the_instant(small_store: Store) -> None:
    small_store.record(
        {
            "type": "note.added",
            "id": "v-sp",
            "at": " 2026-12-03T00:40:00-08:00 ",
            "session": 1,
            "text": "x",
        }
    )
    assert stored(small_store, "v-sp")["at"] == "2026-12-03T00:40:00-08:00"
    every_read(small_store)


def test_a_time_keeps_its_offset_and_z_as_typed(small_store: Store) -> None:
    small_store.record(
        {"type": "note.added", "id": "v-z", "at": "2026-03-10T20:00:00Z", "session": 1, "text": "x"}
    )
    small_store.record(
        {
            "type": "note.added",
            "id": "v-o",
            "at": "2026-03-10T20:00:00+05:30",
            "session": 1,
            "text": "x",
        }
    )
    assert stored(small_store, "v-z")["at"] == "2026-03-10T20:00:00Z"
    assert stored(small_store, "v-o")["at"] == "2026-03-10T20:00:00+05:30"


def test_a_basic_format_time_is_stored_in_the_extended_format(small_store: Store) -> None:
    small_store.record(
        {"type": "note.added", "id": "v-b", "at": "20260310T200000-0700", "session": 1, "text": "x"}
    )
    assert stored(small_store, "v-b")["at"] == "2026-03-10T20:00:00-07:00"
    every_read(small_store)


def test_whole_numbers_typed_as_floats_or_text_are_stored_as_ints(live_store: Store) -> None:
    live_store.record(
        {
            "type": "caucus.started",
            "id": "v-k",
            "at": AT,
            "session": "2",
            "by": "union",
            "minutes": 10.0,
        }
    )
    live_store.record(
        {
            "type": "caucus.extended",
            "id": "v-k2",
            "at": AT,
            "session": 2.0,
            "by": "union",
            "minutes": " 5 ",
        }
    )
    line = stored(live_store, "v-k")
    assert line["minutes"] == 10 and isinstance(line["minutes"], int)
    assert line["session"] == 2 and isinstance(line["session"], int)
    extended = stored(live_store, "v-k2")
    assert extended["minutes"] == 5 and extended["session"] == 2
    every_read(live_store)


def test_texts_are_stored_stripped(small_store: Store) -> None:
    small_store.record({"type": "campaign.updated", "id": "v-tz", "at": AT, "timezone": " UTC "})
    small_store.record(
        {"type": "article.added", "id": "v-ar", "at": AT, "number": " 77 ", "title": " Odd "}
    )
    assert stored(small_store, "v-tz")["timezone"] == "UTC"
    assert stored(small_store, "v-ar") == {
        "type": "article.added",
        "id": "v-ar",
        "at": AT,
        "seat": "lead",
        "number": "77",
        "title": "Odd",
    }
    assert small_store.campaign().timezone == "UTC"
    every_read(small_store)


@pytest.mark.parametrize(
    "at",
    [
        "0001-01-01T00:00:00+05:00",
        "0001-01-01T00:00:00-05:00",
        "9999-12-31T23:59:59-05:00",
        "9999-12-31T23:59:59+05:00",
        "1899-12-31T23:00:00+00:00",
        "2201-01-01T00:00:00+00:00",
    ],
)
def test_instants_far_from_now_are_refused(small_store: Store, db_path: Path, at: str) -> None:
    before = export(small_store)
    with pytest.raises(DomainError, match="between 1900 and 2200"):
        small_store.record({"type": "note.added", "at": at, "session": 1, "text": "x"})
    with pytest.raises(DomainError, match="between 1900 and 2200"):
        small_store.record({"type": "session.scheduled", "at": AT, "session": 5, "starts": at})
    with pytest.raises(DomainError, match=r"^line 1: .*between 1900 and 2200"):
        small_store.import_journal(
            [json.dumps({"type": "note.added", "at": at, "session": 1, "text": "x"})]
        )
    assert export(small_store) == before


@pytest.mark.parametrize("due", ["0001-01-01", "9999-12-31"])
def test_due_dates_far_from_now_are_refused(small_store: Store, due: str) -> None:
    with pytest.raises(DomainError, match="between 1900 and 2200"):
        small_store.record(
            {
                "type": "info_request.made",
                "at": AT,
                "session": 1,
                "by": "union",
                "text": "x",
                "due": due,
            }
        )


def test_the_ends_of_the_sane_range_are_accepted(small_store: Store) -> None:
    # Members: they need only the campaign, which comes first whatever its time.
    small_store.record({"type": "member.added", "at": "1900-01-01T00:00:00+00:00", "name": "X"})
    small_store.record({"type": "member.added", "at": "2200-12-31T23:59:59-00:00", "name": "Y"})
    every_read(small_store)


# A generated line of each kind, with its values typed loosely, as a hostile or careless
# journal would have them.
_spaces = st.sampled_from(["", " ", "  ", "\t"])
_offsets = st.sampled_from(["-08:00", "-07:00", "+00:00", "Z", "+05:30", "+14:00", "-12:00"])


@st.composite
def _instant(draw: st.DrawFn) -> str:
    day = draw(st.integers(1, 28))
    hour = draw(st.integers(0, 23))
    minute = draw(st.integers(0, 59))
    text = f"2026-03-{day:02d}T{hour:02d}:{minute:02d}:00{draw(_offsets)}"
    return draw(_spaces) + text + draw(_spaces)


def _whole(low: int, high: int) -> st.SearchStrategy[object]:
    return st.integers(low, high).flatmap(
        lambda n: st.sampled_from([n, float(n), f" {n} ", str(n)])
    )


_words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() != "")


@st.composite
def _line(draw: st.DrawFn) -> dict[str, object]:
    at = draw(_instant())
    kind = draw(st.sampled_from(["note", "caucus", "agenda", "article", "request", "attend"]))
    if kind == "note":
        return {
            "type": "note.added",
            "at": at,
            "session": draw(_whole(2, 2)),
            "text": draw(_spaces) + draw(_words) + draw(_spaces),
            "speaker": draw(_words),
            "party": draw(st.sampled_from(["union", "employer", "mediator", "other"])),
        }
    if kind == "caucus":
        return {
            "type": "caucus.started",
            "at": at,
            "session": draw(_whole(2, 2)),
            "by": "employer",
            "minutes": draw(_whole(1, 480)),
        }
    if kind == "agenda":
        return {
            "type": "agenda.item_added",
            "at": at,
            "session": draw(_whole(2, 2)),
            "title": draw(_words),
            "minutes": draw(_whole(1, 1440)),
            "articles": [draw(st.sampled_from(["1", "2", " 3 ", 10]))],
        }
    if kind == "article":
        return {"type": "article.added", "at": at, "number": draw(_words), "title": draw(_words)}
    if kind == "request":
        return {
            "type": "info_request.made",
            "at": at,
            "session": draw(_whole(2, 2)),
            "by": "union",
            "text": draw(_words),
            "due": draw(_spaces) + "2026-04-01",
        }
    return {
        "type": "attendance.recorded",
        "at": at,
        "session": draw(_whole(2, 2)),
        "observers": draw(_whole(0, 1000)),
        "present": [draw(_spaces) + draw(_words)],
    }


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.lists(_line(), min_size=1, max_size=6))
def test_accepted_lines_read_and_round_trip(
    small_store: Store, tmp_path_factory: pytest.TempPathFactory, lines: list[dict[str, object]]
) -> None:
    folder = tmp_path_factory.mktemp("trip")
    with Store(folder / "first.db", create=True) as store:
        store.import_journal(export(small_store).splitlines())
        store.record(
            {
                "type": "session.scheduled",
                "session": 2,
                "at": AT,
                "starts": "2026-03-17T16:30:00-07:00",
            }
        )
        store.record({"type": "session.started", "session": 2, "at": AT})
        for line in lines:
            try:
                store.record(dict(line))
            except DomainError:
                continue
        every_read(store)
        first = export(store)
    with Store(folder / "again.db", create=True) as again:
        again.import_journal(first.splitlines())
        assert export(again) == first
        every_read(again)


def test_nested_fields_are_stored_as_validated(live_store: Store) -> None:
    live_store.record(
        {
            "type": "campaign.updated",
            "id": "v-rc",
            "at": AT,
            "recap": {"from": " REA Team <t@x.org> ", "to": "m@x.org "},
        }
    )
    live_store.record(
        {
            "type": "session.ended",
            "id": "v-end",
            "at": "2026-03-17T19:00:00-07:00",
            "session": "2",
            "next": {"starts": " 2026-03-24T16:30:00-07:00", "location": " Room 4 "},
            "call_to_action": " Come! ",
        }
    )
    assert stored(live_store, "v-rc")["recap"] == {"from": "REA Team <t@x.org>", "to": "m@x.org"}
    ended = stored(live_store, "v-end")
    assert ended["next"] == {"starts": "2026-03-24T16:30:00-07:00", "location": "Room 4"}
    assert ended["session"] == 2 and ended["call_to_action"] == "Come!"
    every_read(live_store)
