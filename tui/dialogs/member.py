"""Add a member to the team roster: name, and optionally role and site."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.app import ComposeResult
from textual.widgets import Input

from models.events import MemberAdded
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line

_NOUNS = {"name": "the name", "role": "the role", "site": "the site"}


class MemberDialog(
    FormDialog[MemberAdded], title="Add a member to the team roster", save="Add", refusal="name"
):
    """A new roster member; dismisses the `member.added` line it saved."""

    def __init__(
        self,
        *,
        roster: Iterable[str] = (),
        on_save: Callable[[MemberAdded], object] | None = None,
    ) -> None:
        super().__init__(on_save)
        self._names = {name.strip().casefold() for name in roster}

    def compose_fields(self) -> ComposeResult:
        yield FieldRow("Name", Input(id="name", placeholder="Ana Ruiz", compact=True))
        yield FieldRow(
            "Role", Input(id="role", placeholder="optional, like Note-taker", compact=True)
        )
        yield FieldRow(
            "Site",
            Input(id="site", placeholder="optional, like Cedar Grove Elementary", compact=True),
        )

    def check(self) -> tuple[MemberAdded | None, dict[str, str]]:
        line = {
            "type": "member.added",
            "name": self.query_one("#name", Input).value,
            "role": self.query_one("#role", Input).value,
            "site": self.query_one("#site", Input).value,
        }
        result, problems = check_line(MemberAdded, line, _NOUNS)
        name = str(line["name"]).strip()
        if "name" not in problems and name.casefold() in self._names:
            # The store refuses it too; saying so as it is typed saves a round trip.
            problems["name"] = f"{name} is already on the roster"
        if problems:
            return None, problems
        return result, {}
