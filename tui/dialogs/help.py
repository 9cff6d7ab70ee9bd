"""The whole key map, read from the bindings themselves so it never drifts from them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.commands import EXTRA_COMMANDS
from tui.dialogs.type_ahead import TypeAheadDialog

if TYPE_CHECKING:
    from textual.dom import DOMNode

Section = tuple[str, list[tuple[str, str]]]


def _keys(node: DOMNode | type[DOMNode], app: App[Any]) -> list[tuple[str, str]]:
    rows = []
    for binding in node.BINDINGS:
        if isinstance(binding, Binding) and binding.description:
            key = binding.key_display or app.get_key_display(binding)
            rows.append((key, binding.tooltip or binding.description))
    return rows


def key_map(app: App[Any]) -> list[Section]:
    """Sections of (key, what it does): the table's keys, the global ones, the palette's."""
    from tui.screens.main import MainScreen

    sections: list[Section] = []
    here = app.screen
    if not isinstance(here, MainScreen | ModalScreen) and _keys(here, app):
        sections.append(("On this screen", _keys(here, app)))  # the recap's, the sessions'
    main = next((s for s in app.screen_stack if isinstance(s, MainScreen)), None)
    if main is not None:
        sections.append(("At the table", _keys(main, app)))
    anywhere = _keys(app, app)
    anywhere.append(
        (
            app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "")),
            "Command palette: every action, by name",
        )
    )
    sections.append(("Anywhere", anywhere))
    sections.append(
        ("In the palette only (ctrl+p)", [("", command.title) for command in EXTRA_COMMANDS])
    )
    sections += correction_sections(app)
    sections.append(
        (
            "In a dialog",
            [
                ("tab", "Next field (shift+tab: previous)"),
                ("enter", "Save, from any field; if one is wrong, go to it instead"),
                ("space", "Tick or untick a box, or a name in a list: [x] ticked, [ ] not"),
                ("", "On a choice (side, kind), enter or space opens it; enter picks"),
                ("ctrl+s", "Save"),
                ("escape", "Close without changing anything"),
            ],
        )
    )
    from tui.dialogs.pass_proposal import PassProposalDialog

    sections.append(("In the pass dialog", _keys(PassProposalDialog, app)))
    sections.append(
        (
            "On the note line",
            [
                ('"', 'Start with " for a quote: "Name: what they said'),
                ("+", "Start with + for a commitment: +RUSD: what they promised"),
                ("!", "Start with ! for an action item"),
                ("ctrl+t", "Team-only on or off (the tag on the left shows which)"),
                ("enter", "Save the note; escape goes back to the board"),
            ],
        )
    )
    if getattr(app, "sync_view", None) is not None:
        sections.append(
            (
                "Seats on other computers (the line above the keys)",
                [
                    ("synced", "When this seat last exchanged with the shared folder"),
                    ("seats", "How many seats have written into the folder, this one too"),
                    ("waiting", "What this seat recorded that is not in the folder yet"),
                    ("conflict", "Events two seats recorded that cannot both stand: C lists them"),
                    ("last seen", "A seat that has written nothing new for 5 minutes"),
                ],
            )
        )
    return sections


def correction_sections(app: App[Any]) -> list[Section]:
    """The keys that correct what was recorded, read from the lists that have them."""
    from tui.dialogs.agenda_edit import AgendaEditDialog
    from tui.dialogs.article_history import ArticleHistoryDialog
    from tui.dialogs.session_notes import SessionNotesDialog
    from tui.screens.sessions_corrections import CORRECTION_BINDINGS

    class Sessions:
        BINDINGS = CORRECTION_BINDINGS

    def keys(node: object) -> list[tuple[str, str]]:
        rows = _keys(node, app)  # type: ignore[arg-type]
        return [row for row in rows if row[1] != "Close"]

    return [
        ("In the notes read-back (N)", keys(SessionNotesDialog)),
        ("In an article's history (enter on the board)", keys(ArticleHistoryDialog)),
        ("In the agenda list (palette, or e on the sessions screen)", keys(AgendaEditDialog)),
        ("On the sessions screen, to correct a session", keys(Sessions)),
    ]


class HelpDialog(TypeAheadDialog[None]):
    """Every key, grouped; Escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def __init__(self, sections: Sequence[Section]) -> None:
        super().__init__(classes="plain-dialog")
        self.sections = list(sections)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "Esc closes"
            with VerticalScroll(id="help-scroll"):
                yield Static(self._text(), id="help-text")

    def _text(self) -> Content:
        lines: list[Content] = []
        for title, rows in self.sections:
            if lines:
                lines.append(Content(""))
            lines.append(Content.styled(title, "bold $text-primary"))
            for key, what in rows:
                lines.append(Content.assemble((f"{key:>8}  ", "bold $text-accent"), what))
        return Content("\n").join(lines)

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def action_close(self) -> None:
        """Close the key map."""
        self.dismiss(None)
