"""The end of a session as the console's `s` records it (a table action's write and the
arguments of its dialog), kept apart from `table_actions.py` so that file stays a table."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from models.filters import active_item
from tui.attributes import attributes

if TYPE_CHECKING:
    from models.domain import JournalEvent
    from tui.dialogs.end_session import EndSessionRequest
    from tui.screens.table_action import Table


def ask_end_session(table: Table) -> Mapping[str, Any]:
    """The end-session dialog's arguments: the session, and what it would leave open."""
    return {
        "campaign": table.campaign,
        "session": table.session,
        "now": table.now,
        "open_caucuses": table.open_caucuses,
        "active_item": active_item(table.store.agenda(table.number)),
    }


def end_session(table: Table, request: EndSessionRequest) -> JournalEvent:
    """Close what the user chose to close (each caucus still out, the active agenda item; one
    action each), then end the session."""
    from models import actions

    for side in request.close_caucuses:
        actions.end_caucus(table.store, session=table.number, side=side)
    if request.finish_item is not None:
        actions.finish_agenda_item(table.store, table.number, request.finish_item)
    return actions.end_session(
        table.store,
        table.number,
        **attributes(request, "next_starts", "next_location", "call_to_action"),
    )
