"""The note line's marks (issue 14, item 10): `"` a quote, `+` a commitment, `!` an action
item; a `+` before a figure (`+3% on the salary schedule`) stays a plain note."""

from __future__ import annotations

import pytest

from models.domain import NoteKind
from models.note_rules import parse_note_line


@pytest.mark.parametrize(
    ("typed", "kind", "text", "speaker"),
    [
        (
            "+ RUSD will send staffing by site by Friday",
            NoteKind.COMMITMENT,
            "RUSD will send staffing by site by Friday",
            "",
        ),
        (
            "+RUSD: we will send the staffing numbers",
            NoteKind.COMMITMENT,
            "we will send the staffing numbers",
            "RUSD",
        ),
        ('"Dana Ortiz: we hear you', NoteKind.QUOTE, "we hear you", "Dana Ortiz"),
        ("! Send the class counts", NoteKind.ACTION, "Send the class counts", ""),
        (
            "+3% on the salary schedule was floated",
            NoteKind.NOTE,
            "+3% on the salary schedule was floated",
            "",
        ),
        ("plain words", NoteKind.NOTE, "plain words", ""),
    ],
)
def test_marks(typed: str, kind: NoteKind, text: str, speaker: str) -> None:
    parsed = parse_note_line(typed)
    assert (parsed.kind, parsed.text, parsed.speaker) == (kind, text, speaker)


def test_a_lone_plus_is_an_empty_commitment() -> None:
    assert parse_note_line(" + ").text == ""
