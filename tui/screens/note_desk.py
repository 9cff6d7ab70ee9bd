"""The main screen's note line at work: what Enter does, the seat's mode, team-only.

- **Enter** saves the note. By default it gives the keys back to the board at once (the focus
  moves before anything typed after Enter is dispatched), so a lead's `p13` opens the pass
  dialog instead of becoming a member-visible note. In **note-taker mode** (`ctrl+n`, kept for
  the seat in `models.seat_settings`) the line stays ready for the next note.
- **Team-only** (`ctrl+t`) stays on, note after note, until it is turned off: forgetting it
  under-shares rather than leaks. Turning a caucus's team-only off ("members" while a side is
  out) holds for the next note only, for the same reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import NoteKind, NoteParty, Visibility
from models.errors import StoreError
from models.note_rules import default_visibility, parse_note_line
from models.seat_settings import SeatSettings, read_seat_settings, save_seat_settings
from tui.attributes import attributes
from tui.screens.note_draft import DraftKeeper
from tui.screens.table_action import SESSION

if TYPE_CHECKING:
    from models.domain import Draft
    from models.note_rules import NoteLine
    from models.store import Store
    from tui.screens.main import MainScreen


class NoteDesk:
    """Runs the note line for the main screen: submitting, visibility, the draft, the mode."""

    def __init__(self, screen: MainScreen, store: Store) -> None:
        self.screen = screen
        self.store = store
        self.choice: Visibility | None = None
        """What ctrl+t chose (None: the caucus rule decides)."""
        self.drafts = DraftKeeper(screen, store, self.draft)
        self.keep_typing = read_seat_settings(store.path, store.seat).keep_typing

    # -------------------------------------------------------------- visibility

    @property
    def visibility(self) -> Visibility:
        """What the note on the line will get: the choice made with ctrl+t, else the rule."""
        if self.choice is not None:
            return self.choice
        assert self.screen.campaign is not None
        return default_visibility(self.screen.campaign, self.screen.open_caucuses)

    def show(self) -> None:
        """Put the visibility and the mode on the note line."""
        if self.screen.campaign is None:
            return
        line = self.screen.note_line
        line.visibility = self.visibility
        line.chosen = self.choice is not None
        line.keep_typing = self.keep_typing

    def toggle_team(self) -> None:
        """Team-only on or off for the notes on the line."""
        assert self.screen.campaign is not None
        flipped = Visibility.MEMBERS if self.visibility is Visibility.TEAM else Visibility.TEAM
        rule = default_visibility(self.screen.campaign, self.screen.open_caucuses)
        self.choice = None if flipped is rule else flipped
        self.show()
        self.drafts.save()

    # -------------------------------------------------------------- the mode

    def toggle_keep_typing(self) -> None:
        """Switch this seat between note-taker mode and giving the keys back to the board."""
        keep = not self.keep_typing
        try:
            save_seat_settings(self.store.path, self.store.seat, SeatSettings(keep_typing=keep))
        except StoreError as error:
            self.screen.notify(str(error), title="Mode not kept", severity="warning")
        self.keep_typing = keep
        self.show()
        said = "note-taker: Enter keeps the line" if keep else "Enter returns to the board"
        self.screen.notify(said, title="Note line", timeout=3)

    # -------------------------------------------------------------- the draft

    def draft(self) -> Draft:
        from models.domain import Draft

        return Draft(text=self.screen.note_line.text, team_only=self.choice is Visibility.TEAM)

    def restore(self) -> None:
        draft = self.store.draft()
        if draft.text:
            self.screen.note_line.set_text(draft.text)
        if draft.team_only:
            self.choice = Visibility.TEAM
        self.show()

    # -------------------------------------------------------------- Enter

    def enter(self) -> None:
        """Enter on the note line. The focus moves first (keys typed after Enter go to the
        board); the note is read and saved once the line has taken every key typed before
        Enter, which may still be on their way to it."""
        screen = self.screen
        line = screen.note_line
        if not self.keep_typing:
            screen.set_focus(screen.board)
        line.input.call_later(lambda: self.submit(line.text))

    def submit(self, text: str) -> None:
        """Save the note typed (a quote without a speaker asks for one first)."""
        screen = self.screen
        if not text.strip():
            return
        table = screen.table_as_loaded()
        if table is None or not screen.table_keys.allowed((SESSION,), table):
            return
        number = table.number
        parsed = parse_note_line(text)
        if not parsed.text:
            screen.notify("The note is empty.", severity="warning")
            return
        if parsed.kind is NoteKind.QUOTE and not parsed.speaker:
            from tui.dialogs.speaker import SpeakerDialog

            assert screen.campaign is not None

            def with_speaker(answer: tuple[str, NoteParty | None] | None) -> None:
                if answer is not None:
                    self.record(number, parsed, *answer)

            screen.app.push_screen(SpeakerDialog(screen.campaign, parsed.text), with_speaker)
            return
        self.record(number, parsed, parsed.speaker, None)

    def record(self, number: int, parsed: NoteLine, speaker: str, party: NoteParty | None) -> None:
        """Save the note line's text and kind, said by `speaker` of `party`."""
        from models import actions

        screen = self.screen
        # Without a choice the store applies the caucus rule itself, so a caucus another seat
        # just called is never missed; the line showed the same rule.
        visibility = self.choice
        event = screen.attempt(
            lambda: actions.add_note(
                self.store,
                session=number,
                speaker=speaker,
                party=party,
                visibility=visibility,
                **attributes(parsed, "text", "kind"),
            )
        )
        if event is None:
            return
        screen.note_line.set_text("")
        if self.choice is Visibility.MEMBERS:
            self.choice = None  # "members" during a caucus was for that note only
        self.drafts.save()
        screen.changed(event, "notes", "caucuses")
