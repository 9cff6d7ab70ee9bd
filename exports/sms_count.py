"""How long a text blast is, as a person counts it and as a carrier bills it.

A person counts characters as they see them (an accent or an emoji's joined parts are one).
A carrier counts segments: a text made only of GSM-7 characters takes 160 septets in one
segment (153 in each part of a longer one), an extension character (`€`, `[`, `{`...) takes
two; one character outside GSM-7 makes the whole text UCS-2: 70 UTF-16 units in one segment,
67 in each part of a longer one.
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")
_JOINERS = {"\u200d", "\ufe0f", "\ufe0e"}


class Segments(NamedTuple):
    """A text blast as carriers count it."""

    characters: int
    """Characters as a person counts them."""
    encoding: str
    """"GSM-7" or "UCS-2"."""
    units: int
    """Septets (GSM-7) or UTF-16 code units (UCS-2)."""
    segments: int

    def describe(self) -> str:
        """ "142 characters, 1 segment (GSM-7)"."""
        parts = "segment" if self.segments == 1 else "segments"
        return f"{self.characters} characters, {self.segments} {parts} ({self.encoding})"


def person_length(text: str) -> int:
    """Characters as a person counts them: combining marks, joiners and what a zero-width
    joiner glues on, and skin-tone modifiers add nothing."""
    count = 0
    glued = False
    for char in unicodedata.normalize("NFC", text):
        if char == "\u200d":
            glued = True
            continue
        if char in _JOINERS or unicodedata.combining(char) or 0x1F3FB <= ord(char) <= 0x1F3FF:
            continue
        if glued:
            glued = False
            continue
        count += 1
    return count


def is_gsm7(text: str) -> bool:
    return all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text)


def segments(text: str) -> Segments:
    """How many segments a carrier bills for `text`."""
    if is_gsm7(text):
        units = sum(2 if c in GSM7_EXTENSION else 1 for c in text)
        single, part, encoding = 160, 153, "GSM-7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, part, encoding = 70, 67, "UCS-2"
    count = 1 if units <= single else -(-units // part)
    return Segments(person_length(text), encoding, units, count)
