"""What `bargain recap` says on stderr besides the recap: the text blast's length and segments,
and every member-facing text shown untranslated in a recap in another language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.recap import RecapSnapshot


def recap_notes(snapshot: RecapSnapshot, fmt: str, text: str) -> Iterator[str]:
    """The lines for stderr (none for an English recap that is not a text blast)."""
    if fmt == "sms":
        from exports.sms_count import segments

        yield f"text blast: {segments(text.rstrip(chr(10))).describe()}"
    missing = snapshot.untranslated
    if missing:
        yield (
            f"{len(missing)} text{'s' if len(missing) != 1 else ''} shown untranslated "
            f"in {snapshot.lang} (translate each in the recap screen, or import "
            "text.translated lines):"
        )
        for item in missing:
            shown = " ".join(item.text.split())
            shown = shown if len(shown) <= 70 else shown[:69] + "…"
            yield f"  {item.event} {item.field}: {shown}"
