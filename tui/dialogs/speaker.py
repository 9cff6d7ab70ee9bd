"""Who said it: asked when a quote is typed without `Name:`."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select

from models.domain import Campaign, NoteParty
from models.events import NoteAdded
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line, one_of

UNKNOWN = "-"
"""The side of a note nobody is said to have said."""


def party_choices(campaign: Campaign) -> list[tuple[str, str]]:
    """Who said a note: "not said" (UNKNOWN), then each side by its short name (`REA (union)`)."""
    return [("not said", UNKNOWN)] + [
        (p.value if campaign.short(p) == p.value else f"{campaign.short(p)} ({p})", p.value)
        for p in NoteParty
    ]


class SpeakerDialog(
    FormDialog[tuple[str, NoteParty | None]],
    title="Who said it?",
    save="Save the quote",
    refusal="speaker-name",
    first="speaker-name",
):
    """Dismisses (speaker, party); an empty speaker saves the quote unattributed."""

    def __init__(self, campaign: Campaign, quote: str) -> None:
        super().__init__(campaign=campaign, quote=quote)

    def intro(self) -> str:
        clipped = self.quote if len(self.quote) <= 70 else self.quote[:69] + "…"
        return f"“{clipped}”"

    def compose_fields(self) -> ComposeResult:
        yield FieldRow(
            "Speaker",
            Input(placeholder="Name (leave empty if unknown)", compact=True, id="speaker-name"),
        )
        yield FieldRow(
            "Side",
            one_of(party_choices(self.campaign), UNKNOWN, "speaker-party"),
        )

    def check(self) -> tuple[tuple[str, NoteParty | None] | None, dict[str, str]]:
        name = self.query_one("#speaker-name", Input).value
        party = self.query_one("#speaker-party", Select).value
        parsed, found = check_line(
            NoteAdded,
            {
                "type": "note.added",
                "session": 1,
                "text": self.quote or "-",
                "speaker": name,
            },
        )
        if parsed is None or found:
            return None, {"speaker-name": found.get("speaker", "cannot be used")}
        return (parsed.speaker, NoteParty(str(party)) if party != UNKNOWN else None), {}
