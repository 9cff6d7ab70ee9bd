"""The sessions screen's corrections: reschedule the highlighted session, cancel one that
never started (after a yes), and correct its agenda (remove or move items). Each goes to one
function of `models.actions` and is a journal event that undo takes back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models import actions
from models.domain import AgendaItem, Session
from models.errors import DomainError, StoreError
from tui.attributes import attributes
from tui.keys import Keys

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.screen import Screen

    from models.events import SessionScheduled
    from models.store import Store
    from tui.screens.list_screen import A

MEETING = ("starts", "location", "mode", "kind", "mediator")
"""When, where and how a session meets: the scheduling form's fields that `schedule_session`
and `reschedule_session` take by the same names."""

KEYS = Keys("sessions")

CORRECTION_BINDINGS = [
    KEYS(
        "r", "reschedule", "Reschedule", "Change when, where or how the highlighted session meets"
    ),
    KEYS(
        "x",
        "cancel_session",
        "Cancel session",
        "Cancel the highlighted session (one that has not started)",
        name="cancel",
    ),
    KEYS(
        "e", "edit_agenda", "Edit agenda", "Remove or move the highlighted session's agenda items"
    ),
]


def agenda_writes(store: Store, session: int) -> dict[str, Any]:
    """The agenda dialog's reads and writes for one session (`AgendaEditDialog`'s keywords)."""

    def remove(item: AgendaItem) -> object:
        return actions.remove_agenda_item(store, session, item.position)

    def move(answer: tuple[AgendaItem, int]) -> object:
        item, to = answer
        return actions.move_agenda_item(store, session, item.position, to)

    return {
        "reload": lambda: store.agenda(session),
        "on_remove": remove,
        "on_move": move,
    }


class SessionCorrections:
    """Mixed into `SessionsScreen`, whose store, highlight, reload and notifications it uses."""

    store: Store

    if TYPE_CHECKING:  # what SessionsScreen (a Screen) provides
        app: App[Any]

        @property
        def timezone(self) -> str: ...

        def reload(self, select: int | None = None) -> None: ...

        def _need_session(self) -> Session | None: ...

        def form(self, dialog: Screen[A | None], saved: Callable[[A], tuple[Any, str]]) -> None: ...

    def action_reschedule(self) -> None:
        """Reschedule the highlighted session in the form it was scheduled with, prefilled."""

        session = self._need_session()
        if session is None:
            return

        def save(line: SessionScheduled) -> None:
            actions.reschedule_session(self.store, session, **attributes(line, *MEETING))

        self.schedule_form(
            session.number,
            save,
            lambda _line: f"Session {session.number} rescheduled (ctrl+z takes it back).",
            current=session,
        )

    def schedule_form(
        self,
        number: int,
        save: Callable[[SessionScheduled], object],
        saved: Callable[[SessionScheduled], str],
        **prefill: Session | None,
    ) -> None:
        """The scheduling form for session `number`, prefilled from the `previous` session
        (a new one) or the `current` one (rescheduled): `save` records it, `saved` says it."""
        from tui.dialogs.schedule_session import ScheduleSessionDialog

        self.form(
            ScheduleSessionDialog(timezone=self.timezone, number=number, on_save=save, **prefill),
            lambda line: (line.session, saved(line)),
        )

    def action_cancel_session(self) -> None:
        """Cancel the highlighted session, after a yes; one that started stays."""
        from tui.dialogs.confirm import ConfirmDialog

        session = self._need_session()
        if session is None:
            return
        if session.started_at is not None:
            self.app.notify(
                f"Session {session.number} has started; it cannot be cancelled.",
                severity="warning",
            )
            return

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                actions.cancel_session(self.store, session.number)
            except (DomainError, StoreError) as refusal:
                self.app.notify(str(refusal), title="Not cancelled", severity="warning")
                return
            self.reload(select=session.number)
            self.app.notify(
                f"Session {session.number} is cancelled (ctrl+z takes it back).", title="Saved"
            )

        self.app.push_screen(
            ConfirmDialog(
                "Cancel the session",
                f"Cancel session {session.number}? It will show as cancelled and cannot start.",
                yes="Cancel it",
                no="Keep it",
            ),
            answer,
        )

    def action_edit_agenda(self) -> None:
        """Remove or move the highlighted session's agenda items."""
        from tui.dialogs.agenda_edit import AgendaEditDialog

        session = self._need_session()
        if session is None:
            return
        number = session.number
        self.app.push_screen(
            AgendaEditDialog(
                number, self.store.agenda(number), **agenda_writes(self.store, number)
            ),
            lambda _: self.reload(select=number),
        )
