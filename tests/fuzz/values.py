"""The values the fuzz test writes: ordinary ones, and the awkward ones issue 12 found."""

from __future__ import annotations

import json
import os
from typing import Any

from hypothesis import strategies as st

SKIP = set(filter(None, os.environ.get("FUZZ_SKIP", "").split(",")))
"""Families of inputs or checks left out while a known defect is fixed on another branch
(`FUZZ_SKIP=unicode-digits,raw-values,board-embargo,tracebacks`); empty by default, so
everything runs."""

CANARY = "ZQCANARYQZ"
"""Written only into team-only fields; no member output may ever contain it."""

SECRET_TERM = 4242.4242
"""The term value of every team-only proposal (supposal or embargoed): no member's money
table, chart or output may hold it ("4,242.42" as the recap writes it)."""

_DIGITS = "" if "unicode-digits" in SKIP else "²①٣"
article_numbers = st.sampled_from(
    ["1", "2", "3", "10", "12.3", "Appendix A", "MOU Distance Learning", " 5", *_DIGITS, "٣.٢"][
        : None if _DIGITS else -1
    ]
) | st.text(st.sampled_from("0123456789.ab -" + _DIGITS), min_size=1, max_size=5)

LONG = "The district will not move on class size until the budget study is in. " * 40

texts = st.sampled_from(
    ["", "  leading spaces", LONG, "Ñandú — “quoted”", "=SUM(A1)", "<b>x</b> & {{ 7*7 }}", "a\nb"]
) | st.text(max_size=20)

labels = st.sampled_from(["REA #1", "rea #1", "RUSD #2", " X ", "X"]) | st.text(
    min_size=1, max_size=10
)

_RAW = "raw-values" not in SKIP
minutes = st.sampled_from(
    [10, 0, -5, 2.5, 10**6, True, "10", None] + ([10.0] if _RAW else [])
) | st.integers(1, 600)


@st.composite
def _instant(draw: st.DrawFn) -> str:
    year = draw(st.sampled_from([1, 2, 1969, 2026, 2026, 2026, 9998, 9999] if _RAW else [2026]))
    month, day = draw(st.integers(1, 12)), draw(st.integers(1, 28))
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    offset = draw(st.sampled_from(["Z", "+00:00", "-08:00", "+05:30", "+14:00", "-12:00", ""]))
    text = f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:00{offset}"
    return draw(st.sampled_from(["", " ", "  "] if _RAW else [""])) + text


awkward_instants = _instant() | st.sampled_from(
    ["0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"] if _RAW else ["2026-03-10T17:00Z"]
)


@st.composite
def _line(draw: st.DrawFn) -> str:
    at = draw(awkward_instants)
    session = draw(st.integers(1, 3))
    line: dict[str, Any] = draw(
        st.sampled_from(
            [
                {"type": "note.added", "session": session, "text": "imported"},
                {"type": "note.added", "session": session, "text": " spaced", "visibility": "team"},
                {"type": "article.added", "number": draw(article_numbers), "title": "Imported"},
                {"type": "agenda.item_added", "session": session, "title": "i", "minutes": 10},
                {"type": "session.scheduled", "session": session, "starts": at},
                {"type": "session.started", "session": session},
                {"type": "caucus.started", "session": session, "by": "joint", "minutes": 10},
                {"type": "event.undone", "event": "ev-nowhere"},
                {"type": "note.edited", "note": "imported-1", "text": "edited", "kind": "quote"},
                {"type": "proposal.amended", "proposal": "dup", "summary": "amended"},
                {"type": "session.rescheduled", "session": session, "starts": at},
                {"type": "session.cancelled", "session": session},
                {"type": "agenda.item_removed", "session": session, "item": "imported-2"},
                {"type": "agenda.item_moved", "session": session, "item": 1, "to": 2},
                {"type": "campaign.created", "union": {"name": "U", "short": "U"}},
                {"type": "member.added", "name": "  Ana Ruiz "},
                {"type": "no.such_type"},
            ]
        )
    )
    line["at"] = at
    if draw(st.booleans()):
        line["id"] = draw(st.sampled_from(["dup", "imported-1", "imported-2"]))
    return json.dumps(line, ensure_ascii=draw(st.booleans()))


_BROKEN_LINES = [
    '{"type":"note.added","at":"2026-03-10T17:00:00-07:00","session":1,"text":"\\ud800"}',
    '{"type":"attendance.recorded","at":"2026-03-10T17:00:00-07:00","session":1,"observers":'
    + "9" * 5000
    + "}",
    '{"type":"note.added","at":"2026-03-10T17:00:00-07:00","session":1,"text":'
    + "[" * 3000
    + "]" * 3000
    + "}",
]
"""Lines that made tracebacks (issue 12, defect 9): a lone surrogate, thousands of digits,
deep nesting."""

journal_lines = st.lists(
    _line()
    | st.sampled_from(
        [
            "",
            "not json",
            "[]",
            '{"type": "note.added", "session": 1, "text": "no time"}',
            *([] if "tracebacks" in SKIP else _BROKEN_LINES),
        ]
    ),
    min_size=1,
    max_size=3,
)
