"""One caucus clock: a large countdown to the stored due-back instant, then the overrun."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Digits, Static

from models.domain import Campaign, Caucus, CaucusSide
from models.rules import caucus_remaining, caucus_warning
from tui.format import PARTY_STYLE, clock, countdown


class CaucusClock(Widget):
    """The face of one open caucus, computed from `caucus.due_back` and the time it is given.

    Classes: `-warning` in the last five minutes, `-overrun` once it is due. Posts `Due` once,
    when a clock it was showing reaches its due-back instant.
    """

    # Here rather than in app.tcss: a module loaded with the first caucus brings its rules
    # along, and the console's first frame does not wait for them to be parsed. Not scoped:
    # the narrow screen's rules start from `MainScreen`.
    SCOPED_CSS = False
    DEFAULT_CSS = """
    CaucusClock {
        height: auto;
        border: heavy $primary;
        padding: 0 1;
        align-horizontal: center;
    }

    CaucusClock .caucus-title, CaucusClock .caucus-due {
        width: 100%;
        text-align: center;
    }

    CaucusClock .caucus-digits {
        width: 100%;
        text-align: center;
        color: $text;
    }

    MainScreen.-narrow CaucusClock {
        border: none;
        border-left: thick $primary;
        background: $boost;
    }

    MainScreen.-narrow CaucusClock.-warning {
        border: none;
        border-left: thick $warning;
        background: $warning-muted;
    }

    MainScreen.-narrow CaucusClock.-overrun {
        border: none;
        border-left: thick $error;
    }

    CaucusClock.-warning {
        border: heavy $warning;
    }

    CaucusClock.-compact .caucus-digits, CaucusClock.-compact .caucus-due {
        display: none;
    }

    CaucusClock.-compact .caucus-title {
        text-align: left;
    }

    CaucusClock.-warning .caucus-digits {
        color: $text-warning;
        text-style: bold;
    }

    CaucusClock.-overrun {
        border: heavy $error;
        background: $error-muted;
    }

    CaucusClock.-overrun .caucus-digits {
        color: $text-error;
        text-style: bold;
    }
    """

    @dataclass
    class Due(Message):
        """A caucus reached its due-back time while on screen."""

        caucus: Caucus

    def __init__(self, caucus: Caucus, campaign: Campaign, now: datetime) -> None:
        super().__init__(classes=f"-{caucus.side.value}")
        self.caucus = caucus
        self.campaign = campaign
        self.now = now
        self.compact = False
        """One line (title, time left, due back) instead of large digits (`set_compact`)."""
        self._was_due = caucus_remaining(caucus.due_back, now).total_seconds() <= 0
        self._shown_due = self._due_line().plain
        # Its three parts, kept: a tick (every second) updates them without querying.
        self._shown_title = self._title()
        self._title_label = Static(self._shown_title, classes="caucus-title")
        self._digits = Digits(self._face(), classes="caucus-digits")
        self._due_label = Static(self._due_line(), classes="caucus-due")

    def compose(self) -> ComposeResult:
        yield self._title_label
        yield self._digits
        yield self._due_label

    def on_mount(self) -> None:
        self._restyle()

    def set_compact(self, compact: bool) -> None:
        """Show the clock on one line (the panel decides: `CaucusPanel._fit`)."""
        if compact == self.compact:
            return
        self.compact = compact
        self.set_class(compact, "-compact")
        self._title_label.update(self._title())

    def set_caucus(self, caucus: Caucus, campaign: Campaign, now: datetime) -> None:
        """Show a changed caucus (extended, say) or a new instant."""
        self.caucus = caucus
        self.campaign = campaign
        self.tick(now)
        title = self._title()
        if (title.plain, title.spans) != (self._shown_title.plain, self._shown_title.spans):
            # Only when it changes (an extension, a rename): an update lays the screen out.
            self._shown_title = title
            self._title_label.update(title)

    def tick(self, now: datetime) -> None:
        """Recompute the face for `now`; nothing here counts ticks."""
        self.now = now
        if not self._digits.is_mounted:
            return  # just mounted (its parts come next) or on its way out
        face = self._face()
        if self._digits.value != face:
            self._digits.update(face)
            if self.compact:
                self._title_label.update(self._title())
        due_line = self._due_line()
        if due_line.plain != self._shown_due:
            # Only when its words change (twice a caucus): an update lays the screen out again.
            self._shown_due = due_line.plain
            self._due_label.update(due_line)
        self._restyle()
        due = self.overrun
        if due and not self._was_due:
            self.post_message(self.Due(self.caucus))
        self._was_due = due

    @property
    def overrun(self) -> bool:
        return caucus_remaining(self.caucus.due_back, self.now).total_seconds() <= 0

    def _restyle(self) -> None:
        self.set_class(caucus_warning(self.caucus.due_back, self.now), "-warning")
        self.set_class(self.overrun, "-overrun")

    def _face(self) -> str:
        return countdown(caucus_remaining(self.caucus.due_back, self.now))

    def _title(self) -> Content:
        side = self.caucus.side
        name = "Joint sidebar" if side is CaucusSide.JOINT else self.campaign.short(side)
        word = "" if side is CaucusSide.JOINT else " caucus"
        extended = f" (+{self.caucus.extended_minutes}m)" if self.caucus.extended_minutes else ""
        if self.compact:  # `REA 19:04 · due 06:51`: one line of the agenda's column
            due = clock(self.caucus.due_back, self.campaign.timezone)
            state = ("OVERDUE", "bold $text-error") if self.overrun else f"due {due}"
            name = "Joint" if side is CaucusSide.JOINT else name
            return Content.assemble(
                (name, f"bold {PARTY_STYLE[side]}"), " ", (self._face(), "bold"), " · ", state
            )
        return Content.assemble((name, f"bold {PARTY_STYLE[side]}"), word, (extended, "dim"))

    def _due_line(self) -> Content:
        due = clock(self.caucus.due_back, self.campaign.timezone)
        if self.overrun:
            return Content.assemble(("OVERDUE", "bold $text-error"), f" · was due {due}")
        if caucus_warning(self.caucus.due_back, self.now):
            return Content.assemble(("back soon", "bold $text-warning"), f" · due {due}")
        return Content(f"due back {due}")
