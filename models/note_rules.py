"""The note line's rules: what its marks mean, and which visibility a note gets when nobody
chooses one (the caucus rule of DESIGN.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from models.domain import Campaign, Caucus, CaucusSide, NoteKind, Visibility


def default_visibility(campaign: Campaign, open_caucuses: Iterable[Caucus]) -> Visibility:
    """`team` while our side is in caucus or a joint sidebar is open, `members` otherwise.

    The same rule the store applies to a note recorded without a visibility.
    """
    ours = CaucusSide(campaign.our_side.value)
    for caucus in open_caucuses:
        if caucus.open and caucus.side in (ours, CaucusSide.JOINT):
            return Visibility.TEAM
    return Visibility.MEMBERS


class NoteLine(NamedTuple):
    """What a typed note line means: its kind, speaker and text."""

    kind: NoteKind
    text: str
    speaker: str = ""


_SPEAKER = re.compile(r"^\s*([^:\n]{1,60}?)\s*:\s+(.+)$", re.S)


def parse_note_line(typed: str) -> NoteLine:
    """Read the note line's marks: a leading `"` makes a quote (`"Name: words`), a leading
    `+` a commitment (`+Name: words` names who made it), a leading `!` an action item;
    anything else is a plain note. A `+` before a figure (`+3% floated`) is a plain note."""
    text = typed.strip()
    if text.startswith('"'):
        body = text[1:].strip().removesuffix('"').strip()
        match = _SPEAKER.match(body)
        if match:
            return NoteLine(NoteKind.QUOTE, match.group(2).strip(), match.group(1).strip())
        return NoteLine(NoteKind.QUOTE, body)
    if text.startswith("+") and not text[1:2].isdigit():
        body = text[1:].strip()
        match = _SPEAKER.match(body)
        if match:
            return NoteLine(NoteKind.COMMITMENT, match.group(2).strip(), match.group(1).strip())
        return NoteLine(NoteKind.COMMITMENT, body)
    if text.startswith("!"):
        return NoteLine(NoteKind.ACTION, text[1:].strip())
    return NoteLine(NoteKind.NOTE, text)
