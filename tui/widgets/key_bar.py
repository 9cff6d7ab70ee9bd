"""The keys of the screen on one line at the bottom, drawn as a single widget."""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.app import RenderResult
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground"
DESCRIPTION_STYLE = "$footer-description-foreground"
DISABLED_STYLE = "dim"
HOVER_STYLE = "reverse"
HELP_KEY = "question_mark"
"""The key of the help, which lists every key: kept on the bar when others must go."""


class KeyEntry(NamedTuple):
    """One key as the bar shows it."""

    key: str
    """The key to simulate when the entry is clicked."""
    display: str
    description: str
    enabled: bool


class KeyBar(Widget, can_focus=False):
    """What Textual's `Footer` shows (the screen's keys, the palette key on the right), in one
    widget that repaints only when the keys change.

    The `Footer` builds a widget per key and builds them again whenever the bindings are
    published: after every dialog closes and every focus move. On the main screen that is a
    dozen widgets to style and lay out on every pass recorded; this bar compares the keys and
    redraws one line, or nothing. A click on a key presses it, as on the `Footer`.
    """

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: tuple[KeyEntry, ...] = ()
        self.palette: KeyEntry | None = None
        self._spans: list[tuple[int, int, KeyEntry]] = []
        self._hover: KeyEntry | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        app = self.app
        shown: dict[str, KeyEntry] = {}
        palette: KeyEntry | None = None
        for key, (_node, binding, enabled, _tooltip) in screen.active_bindings.items():
            entry = KeyEntry(key, app.get_key_display(binding), binding.description, enabled)
            if key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                palette = entry
            elif binding.show and binding.group is not None and binding.group.compact:
                # A compact group (`[` `]`) shares one place: "[] Session".
                group = binding.group.description
                first = shown.get(group)
                if first is None:
                    shown[group] = entry._replace(description=group)
                elif entry.display not in first.display:
                    shown[group] = first._replace(display=first.display + entry.display)
            elif binding.show:
                shown.setdefault(binding.action, entry)  # one entry per action, as the Footer
        entries = tuple(shown.values())
        if entries != self.entries or palette != self.palette:
            self.entries, self.palette = entries, palette
            self.refresh()

    # ------------------------------------------------------------------ drawing

    def render(self) -> RenderResult:
        width = self.size.width
        right = self._label(self.palette) if self.palette else Content("")
        room = width - right.cell_length - 1
        parts: list[Content] = [Content(" ")]
        spans: list[tuple[int, int, KeyEntry]] = []
        x = 1
        entries = list(self.entries)
        needed = sum(self._label(entry).cell_length + 1 for entry in entries)
        help_entry = next((entry for entry in entries if entry.key == HELP_KEY), None)
        if needed > room - 1 and help_entry is not None:
            # Not all fit: the rest are in the help, so the help's key stays, right after
            # the keys that fit.
            entries.remove(help_entry)
            room -= self._label(help_entry).cell_length + 1
        shown = []
        for entry in entries:
            if x + self._label(entry).cell_length > room:
                break  # the rest are in the palette and in the help (?)
            shown.append(entry)
            x += self._label(entry).cell_length + 1
        if help_entry is not None and help_entry not in shown:
            shown.append(help_entry)
        x = 1
        for entry in shown:
            label = self._label(entry)
            parts += [label, Content(" ")]
            spans.append((x, x + label.cell_length, entry))
            x += label.cell_length + 1
        if self.palette is not None:
            start = width - right.cell_length - 1
            parts += [Content(" " * max(start - x, 0)), right]
            spans.append((start, start + right.cell_length, self.palette))
        self._spans = spans
        return Content("").join(parts)

    def _label(self, entry: KeyEntry) -> Content:
        label = Content.assemble(
            (entry.display, KEY_STYLE),
            " ",
            (entry.description, DESCRIPTION_STYLE),
        )
        if not entry.enabled:
            label = label.stylize(DISABLED_STYLE)
        if entry == self._hover:
            label = label.stylize(HOVER_STYLE)
        return label

    # ------------------------------------------------------------------ mouse

    def _entry_at(self, x: int) -> KeyEntry | None:
        return next((entry for start, end, entry in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hover = self._entry_at(event.x)
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        entry = self._entry_at(event.x)
        if entry is None:
            return
        if entry.enabled:
            self.app.simulate_key(entry.key)
        else:
            self.app.bell()
