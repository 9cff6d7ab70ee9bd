"""The console table's writes: each takes what its dialog answered and calls one
`models.actions` function (imported when it first runs: the first frame loads no write)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.domain import Caucus
from tui.attributes import attributes
from tui.screens.table_action import Table

if TYPE_CHECKING:
    from models.domain import AgendaItem, JournalEvent, Note
    from tui.dialogs.agenda_item import AgendaItemRequest
    from tui.dialogs.caucus import CaucusRequest
    from tui.dialogs.extend_caucus import ExtendRequest
    from tui.dialogs.info_request import RequestDraft
    from tui.dialogs.note_edit import NoteEdit
    from tui.dialogs.pass_proposal import ProposalRequest
    from tui.dialogs.start_session import StartSessionRequest
    from tui.dialogs.ta import TARequest


def pass_proposal(table: Table, request: ProposalRequest) -> JournalEvent:
    from models import actions

    return actions.pass_proposal(table.store, session=table.number, **request.fields())


def withdraw(table: Table, proposal_id: str) -> JournalEvent:
    from models import actions

    return actions.withdraw_proposal(table.store, proposal_id)


def sign_ta(table: Table, request: TARequest) -> JournalEvent:
    from models import actions

    return actions.sign_ta(table.store, session=table.number, **request.fields())


def call_caucus(table: Table, request: CaucusRequest) -> JournalEvent:
    from models import actions

    return actions.call_caucus(
        table.store, session=table.number, **attributes(request, "side", "minutes", "purpose")
    )


def end_caucus(table: Table, caucus: Caucus) -> JournalEvent:
    from models import actions

    return actions.end_caucus(table.store, session=table.number, side=caucus.side)


def extend_caucus(table: Table, request: ExtendRequest) -> JournalEvent:
    from models import actions

    return actions.extend_caucus(
        table.store, session=table.number, side=request.side, minutes=request.minutes
    )


def next_item(table: Table, _answer: None) -> JournalEvent:
    from models import actions

    return actions.next_agenda_item(table.store, table.number)


def skip_item(table: Table, _answer: None) -> JournalEvent:
    from models import actions

    return actions.skip_agenda_item(table.store, table.number)


def add_agenda_item(table: Table, request: AgendaItemRequest) -> JournalEvent:
    from models import actions

    return actions.add_agenda_item(
        table.store, table.number, request.title, minutes=request.minutes, articles=request.articles
    )


def make_request(table: Table, request: RequestDraft) -> JournalEvent:
    from models import actions

    return actions.make_info_request(
        table.store, session=table.number, by=request.by, text=request.text, due=request.due
    )


def answer_request(table: Table, request_id: str) -> JournalEvent:
    from models import actions

    return actions.answer_info_request(table.store, request_id, session=table.number)


def start_session(table: Table, request: StartSessionRequest) -> JournalEvent:
    from models import actions

    number = request.number
    if number is None:
        scheduled = actions.schedule_session(
            table.store, **attributes(request, "starts", "location", "mode", "kind")
        )
        number = int(scheduled.data["session"])  # type: ignore[call-overload]
    return actions.start_session(table.store, number)


def edit_note(table: Table, edit: NoteEdit) -> JournalEvent | None:
    from models import actions

    return actions.edit_note(
        table.store, edit.note, **attributes(edit, "text", "kind", "speaker", "party")
    )


def switch_note(table: Table, note: Note) -> JournalEvent:
    from models import actions

    return actions.switch_note_visibility(table.store, note)


def undo_note(table: Table, note: Note) -> JournalEvent:
    from models import actions

    return actions.undo_note(table.store, note)[-1]


def remove_agenda_item(table: Table, item: AgendaItem) -> JournalEvent:
    from models import actions

    return actions.remove_agenda_item(table.store, table.number, item.position)


def move_agenda_item(table: Table, answer: tuple[AgendaItem, int]) -> JournalEvent:
    from models import actions

    item, to = answer
    return actions.move_agenda_item(table.store, table.number, item.position, to)
