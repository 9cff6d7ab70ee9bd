"""The command palette: every action of the console, with a key or without one."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from tui.screens.table_actions import action_string


@dataclass(frozen=True)
class PaletteCommand:
    """One entry of the palette: what it is called, what it does, which action runs it."""

    title: str
    help: str
    action: str
    key: str = ""


EXTRA_COMMANDS = (
    PaletteCommand(
        "Add an agenda item",
        "Add an item at the end of this session's agenda",
        action_string("add_agenda_item"),
    ),
    PaletteCommand(
        "Edit the agenda",
        "Remove an item not yet started, or move items up and down ([ ] in the list)",
        action_string("edit_agenda"),
    ),
    PaletteCommand(
        "Mark an information request answered",
        "Pick an open request and mark it answered",
        action_string("info_request"),
    ),
    PaletteCommand("Redo", "Bring back what the last undo took away", "app.redo"),
    PaletteCommand(
        "Toggle dark and light theme", "Switch between the built-in themes", "app.toggle_dark"
    ),
)
"""Actions of the main screen (or the app, `app.`) that have no key of their own."""


def binding_commands(node: DOMNode) -> Iterator[tuple[PaletteCommand, DOMNode]]:
    """A command for each described binding of a screen or the app."""
    for binding in node.BINDINGS:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        if binding.action in ("leave", "app.quit") and node is not node.app:
            continue
        if binding.action == "note_enter":  # Enter on the note line: nothing to run from here
            continue
        key = binding.key_display or node.app.get_key_display(binding)
        title = binding.tooltip or binding.description
        yield PaletteCommand(title, f"{binding.description} · key {key}", binding.action, key), node


class BargainCommands(Provider):
    """Every key of the app and of the active screen, plus the actions without a key."""

    def _commands(self) -> list[tuple[PaletteCommand, DOMNode]]:
        from tui.screens.main import MainScreen

        found = list(binding_commands(self.app))
        if isinstance(self.screen, MainScreen):
            found += list(binding_commands(self.screen))
            found += [(command, self.screen) for command in EXTRA_COMMANDS]
        else:
            found += [(c, self.app) for c in EXTRA_COMMANDS if c.action.startswith("app.")]
        return found

    def _run(self, command: PaletteCommand, node: DOMNode) -> partial[Any]:
        return partial(self.app.run_action, command.action, node)

    async def discover(self) -> Hits:
        for command, node in self._commands():
            yield DiscoveryHit(command.title, self._run(command, node), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, node in self._commands():
            score = max(matcher.match(command.title), matcher.match(command.help))
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    self._run(command, node),
                    text=command.title,
                    help=command.help,
                )
