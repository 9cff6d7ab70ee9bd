"""Write the recap's headline and lead: prefilled with what the recap shows now (the comms
lead's words, or the suggestion from the day's events, marked as one)."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.widgets import Input

from models.event_recap import RecapWritten
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line, field_of

_NOUNS = {"headline": "the headline", "lead": "the lead"}


class HeadlineDialog(FormDialog[RecapWritten]):
    """The headline and lead of one session's recap; dismisses the `recap.written` line."""

    DIALOG_TITLE = "Headline and lead, session {self.session}"

    def __init__(
        self,
        *,
        session: int,
        headline: str,
        lead: str,
        suggested: bool,
        on_save: Callable[[RecapWritten], object] | None = None,
    ) -> None:
        super().__init__(
            on_save, session=session, headline=headline, lead=lead, suggested=suggested
        )

    def intro(self) -> str:
        if self.suggested:
            return (
                "SUGGESTED from the day's events: edit them into your own words. They open "
                "every format, the e-mail's subject and the text blast."
            )
        return "Your words open every format, the e-mail's subject and the text blast."

    def compose_fields(self) -> ComposeResult:
        yield FieldRow("Headline", Input(self.headline, id="headline", compact=True))
        yield FieldRow("Lead", Input(self.lead, id="lead", compact=True))

    def check(self) -> tuple[RecapWritten | None, dict[str, str]]:
        line = {
            "type": "recap.written",
            "session": self.session,
            "headline": self.query_one("#headline", Input).value,
            "lead": self.query_one("#lead", Input).value,
        }
        result, found = check_line(RecapWritten, line, _NOUNS)
        problems = {f: field_of(found, f) for f in ("headline", "lead") if field_of(found, f)}
        return (result, {}) if result is not None else (None, problems)
