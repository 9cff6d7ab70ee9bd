"""Record a session's attendance: the team present (picked from the roster), how many
observers, how many sites represented."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from models.domain import Attendance, Member
from models.events import AttendanceRecorded
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line, field_of
from tui.dialogs.ticks import TickList

_NOUNS = {"present": "the team present", "observers": "observers", "sites": "sites"}


class AttendanceDialog(FormDialog[AttendanceRecorded], save="Record"):
    """Who was there; dismisses the `attendance.recorded` line it saved."""

    DIALOG_TITLE = "Attendance, session {self.session}"
    INTRO = "Tick the team members present (space), then the counts; Enter records."

    DEFAULT_CSS = """
    AttendanceDialog {
        & #present {
            height: auto;
            max-height: 9;
            border: none;
            padding: 0;
            background: $surface;
            &:focus { background-tint: $primary 12%; }
        }
        & .roster-empty { color: $text-warning; padding-left: 15; height: auto; }
    }
    """

    def __init__(
        self,
        *,
        session: int,
        roster: Sequence[Member],
        current: Attendance | None = None,
        on_save: Callable[[AttendanceRecorded], object] | None = None,
    ) -> None:
        current = current or Attendance(session=session)
        super().__init__(on_save, session=session, roster=list(roster), current=current)

    def compose_fields(self) -> ComposeResult:
        present = set(self.current.present)
        choices: list[Selection[str]] = []
        known = set()
        for member in self.roster:
            detail = ", ".join(part for part in (member.role, member.site) if part)
            prompt = f"{member.name} ({detail})" if detail else member.name
            choices.append(Selection(prompt, member.name, member.name in present))
            known.add(member.name)
        for name in self.current.present:
            if name not in known:
                choices.append(Selection(f"{name} (not on the roster)", name, True))
        yield FieldRow("Team present", TickList[str](*choices, id="present"))
        if not choices:
            yield Static(
                "The roster is empty: add the team with m on the sessions screen.",
                classes="roster-empty",
                markup=False,
            )
        yield FieldRow(
            "Observers",
            Input(str(self.current.observers), id="observers", placeholder="0", compact=True),
            "sites represented",
            Input(str(self.current.sites), id="sites", placeholder="0", compact=True),
            narrow=["observers", "sites"],
        )

    def check(self) -> tuple[AttendanceRecorded | None, dict[str, str]]:
        line = {
            "type": "attendance.recorded",
            "session": self.session,
            "present": list(self.query_one("#present", SelectionList).selected),
            "observers": self.query_one("#observers", Input).value.strip() or 0,
            "sites": self.query_one("#sites", Input).value.strip() or 0,
        }
        result, found = check_line(AttendanceRecorded, line, _NOUNS)
        problems = {
            field: field_of(found, field)
            for field in ("present", "observers", "sites")
            if field_of(found, field)
        }
        if result is None:
            return None, problems
        return result, {}
