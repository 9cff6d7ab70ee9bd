"""The keys of the session console as one table: key -> guard -> dialog -> `models.actions`.

Each record (`tui.screens.table_action.TableAction`) declares one thing the console does; the
main screen runs them (`MainScreen.action_table(name)`, each binding runs `table('<name>')`).
To add a key: add a record to `TABLE_ACTIONS` and, when it writes, its write function in
`tui.screens.table_writes`,
typed with the dialog's result; the main screen needs nothing else. A record with no key reaches
the palette through `tui.commands.EXTRA_COMMANDS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType

from models.domain import Campaign, CaucusSide
from models.filters import latest_ta, next_waiting_session, sides_out
from tui.attributes import attributes
from tui.screens import table_writes as writes
from tui.screens.session_end import ask_end_session, end_session
from tui.screens.table_action import (
    CAUCUS_OUT,
    PROPOSAL_ON_TABLE,
    RUNNING,
    SESSION,
    TableAction,
    Write,
)

if TYPE_CHECKING:
    pass


def side_name(campaign: Campaign, side: CaucusSide) -> str:
    """A side that caucuses, as the console names it: its short name, or the joint sidebar."""
    return "The joint sidebar" if side is CaucusSide.JOINT else campaign.short(side)


def agenda_step(
    name: str, description: str, tooltip: str, write: Write, **binding: Any
) -> TableAction:
    """A key that moves the session's agenda on at once (no dialog)."""
    return TableAction(
        name, description, tooltip, needs=(SESSION,), write=write, parts=("agenda",), **binding
    )


# ---------------------------------------------------------------------- the table

TABLE_ACTIONS = (
    TableAction(
        "pass_proposal",
        "Pass",
        "Log a proposal passed across the table",
        key="p",
        id="main.pass",
        needs=(SESSION,),
        dialog="tui.dialogs.pass_proposal:PassProposalDialog",
        ask=lambda t: attributes(t, "store", "campaign", "board", "selected"),
        write=writes.pass_proposal,
        parts=("board",),
    ),
    TableAction(
        "ta",
        "TA",
        "Record a tentative agreement (both sides' initials)",
        key="t",
        needs=(SESSION,),
        dialog="tui.dialogs.ta:TADialog",
        ask=lambda t: (
            attributes(t, "board", "campaign", "selected")
            | {"proposals": t.store.proposals(), "last_ta": latest_ta(t.store.tas())}
        ),
        write=writes.sign_ta,
        parts=("board",),
    ),
    TableAction(
        "caucus",
        "Caucus",
        "Call a caucus: side, minutes, purpose",
        key="c",
        needs=(SESSION, RUNNING),
        dialog="tui.dialogs.caucus:CaucusDialog",
        ask=lambda t: {"campaign": t.campaign, "out": sides_out(t.open_caucuses)},
        write=writes.call_caucus,
        parts=("caucuses",),
    ),
    TableAction(
        "end_caucus",
        "End caucus",
        "A side is back at the table",
        key="e",
        show=False,
        needs=(SESSION, CAUCUS_OUT),
        dialog="tui.dialogs.pick_caucus:PickCaucusDialog",
        ask=lambda t: {
            "caucuses": t.open_caucuses,
            "campaign": t.campaign,
            "title": "End which caucus?",
        },
        returns=True,
        known=lambda t: t.open_caucuses[0] if len(t.open_caucuses) == 1 else None,
        write=writes.end_caucus,
        parts=("caucuses",),
        done=lambda t, caucus: f"{side_name(t.campaign, caucus.side)} is back at the table.",
    ),
    TableAction(
        "extend_caucus",
        "Extend",
        "Give a running caucus more minutes",
        key="plus",
        key_display="+",
        show=False,
        needs=(SESSION, CAUCUS_OUT),
        dialog="tui.dialogs.extend_caucus:ExtendCaucusDialog",
        ask=lambda t: {"caucuses": t.open_caucuses, "campaign": t.campaign},
        write=writes.extend_caucus,
        parts=("caucuses",),
    ),
    agenda_step(
        "next_item",
        "Next",
        "Start the next agenda item (the active one is done)",
        writes.next_item,
        key="a",
    ),
    agenda_step(
        "skip_item",
        "Skip item",
        "Skip the next upcoming agenda item",
        writes.skip_item,
        key="A",
        key_display="A",
        show=False,
    ),
    TableAction(
        "withdraw",
        "Withdraw",
        "Withdraw a proposal on the table",
        key="w",
        show=False,
        needs=(PROPOSAL_ON_TABLE,),
        dialog="tui.dialogs.withdraw:WithdrawDialog",
        ask=lambda t: {
            "proposals": t.proposals_on_table,
            "campaign": t.campaign,
            "article": t.selected.number if t.selected else None,
        },
        write=writes.withdraw,
        parts=("board",),
    ),
    TableAction(
        "info_request",
        "Info request",
        "Make an information request, or mark one answered",
        key="i",
        show=False,
        needs=(SESSION,),
        dialog="tui.dialogs.info_request:InfoRequestDialog",
        ask=lambda t: {"requests": t.store.info_requests(), "campaign": t.campaign, "now": t.now},
        write=writes.make_request,
        also={"on_answer": writes.answer_request},
        parts=("requests",),
    ),
    TableAction(
        "session",
        "Session",
        "Start the next session, or end this one",
        key="s",
        choose=lambda t: "end_session" if t.session and t.session.running else "start_session",
    ),
    TableAction(
        "read_notes",
        "Notes",
        "Read back every note of the session",
        key="N",
        key_display="N",
        show=False,
        needs=(SESSION,),
        dialog="tui.dialogs.session_notes:SessionNotesDialog",
        ask=lambda t: {
            "session": t.number,
            "notes": t.store.notes(t.number),
            "campaign": t.campaign,
            "reload": lambda: t.store.notes(t.number),
        },
        also={
            "on_edit": writes.edit_note,
            "on_switch": writes.switch_note,
            "on_undo": writes.undo_note,
        },
        parts=("notes",),
    ),
    # No key of their own: the palette's, and the two sides of `s`.
    TableAction(
        "add_agenda_item",
        needs=(SESSION,),
        dialog="tui.dialogs.agenda_item:AgendaItemDialog",
        ask=lambda t: {"articles": t.store.articles(), "session": t.number},
        write=writes.add_agenda_item,
        parts=("agenda",),
    ),
    TableAction(
        "edit_agenda",
        needs=(SESSION,),
        dialog="tui.dialogs.agenda_edit:AgendaEditDialog",
        ask=lambda t: {
            "session": t.number,
            "items": t.store.agenda(t.number),
            "reload": lambda: t.store.agenda(t.number),
        },
        also={"on_remove": writes.remove_agenda_item, "on_move": writes.move_agenda_item},
        parts=("agenda",),
    ),
    TableAction(
        "start_session",
        dialog="tui.dialogs.start_session:StartSessionDialog",
        ask=lambda t: {
            "campaign": t.campaign,
            "waiting": next_waiting_session(t.store.sessions()),
            "now": t.now,
        },
        write=writes.start_session,
        parts=("session",),
    ),
    TableAction(
        "end_session",
        needs=(SESSION, RUNNING),
        dialog="tui.dialogs.end_session:EndSessionDialog",
        ask=ask_end_session,
        write=end_session,
        parts=("session",),
    ),
)

TABLE: Mapping[str, TableAction] = MappingProxyType({a.name: a for a in TABLE_ACTIONS})
"""The table's actions by name."""

TABLE_BINDINGS = [action.binding() for action in TABLE_ACTIONS if action.key]
"""The table's keys, in the order the footer and the help show them."""


def action_string(name: str) -> str:
    """What a binding or a palette command runs for the table action `name`."""
    return TABLE[name].action


CONSOLE_BINDINGS: list[BindingType] = [
    Binding(
        "n",
        "note",
        "Note",
        tooltip="Go to the note line (Enter saves it)",
        id="main.note",
        # Priority: handled before the keys typed after it, so a fast typist's first
        # letters land on the note line and not on the board's own keys.
        priority=True,
    ),
    Binding(
        "enter",
        "note_enter",
        "Save note",
        tooltip="On the note line: save the note (then back to the board, unless note-taker)",
        show=False,
        id="main.note_enter",
        # Priority, and only on the note line: the focus leaves the line before the keys
        # typed after Enter are dispatched, so they reach the board, not the next note.
        priority=True,
    ),
    Binding(
        "ctrl+n",
        "note_taker",
        "Note-taker mode",
        tooltip="Note-taker mode on or off: on, to the note line; Enter keeps it for the next note",
        show=False,
        id="main.note_taker",
    ),
    *TABLE_BINDINGS,  # p t c e + a A w i s N
    Binding(
        "slash",
        "filter",
        "Filter",
        key_display="/",
        tooltip="Filter the board by text, status or holder",
        show=False,
        id="main.filter",
    ),
    Binding(
        "ctrl+t",
        "toggle_team",
        "Team-only",
        tooltip="Team-only on or off for the notes on the line (stays on until turned off)",
        show=False,
        id="main.toggle_team",
    ),
    Binding(
        "escape",
        "leave",
        "Board",
        show=False,
        tooltip="Back to the board (clears a filter)",
        id="main.leave",
    ),
]
"""Every key of the main screen, in the order the key bar and the help show them: the note
line's, the table's, the board filter's."""
