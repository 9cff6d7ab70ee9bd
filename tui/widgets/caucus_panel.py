"""Every open caucus, each its own clock: both sides can be out at once, a joint sidebar too."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, cast

from textual.containers import Vertical
from textual.widget import Widget

from models.domain import Campaign, Caucus

if TYPE_CHECKING:
    from tui.widgets.caucus_clock import CaucusClock


LARGE_CLOCK_LINES = 5
"""A clock with large digits: its title, three lines of digits, its due-back line."""


class CaucusPanel(Vertical):
    """Holds one `CaucusClock` per open caucus (and nothing else); hidden (class `-empty`)
    when none is open."""

    def show(self, caucuses: Sequence[Caucus], campaign: Campaign, now: datetime) -> None:
        """Match the clocks to the open caucuses: new ones added, ended ones removed."""
        if not caucuses and not self.children:
            self.set_class(True, "-empty")
            return  # no clock yet: its module (and the Digits widget) loads with the first
        from tui.widgets.caucus_clock import CaucusClock

        shown = {clock.caucus.id: clock for clock in self._clocks()}
        wanted = {caucus.id for caucus in caucuses}
        for caucus_id, clock in shown.items():
            if caucus_id not in wanted:
                clock.remove()
        for caucus in caucuses:
            if caucus.id in shown:
                shown[caucus.id].set_caucus(caucus, campaign, now)
            else:
                self.mount(CaucusClock(caucus, campaign, now))
        self.set_class(not caucuses, "-empty")
        self._fit(len(caucuses))

    def tick(self, now: datetime) -> None:
        """Move every clock to `now`."""
        self._fit(len(self.children))
        for clock in self._clocks():
            clock.tick(now)

    def _fit(self, count: int) -> None:
        """Clocks of one line each (no large digits) once the large ones would take more
        than half of the column they share with the agenda (two caucuses at 80x24)."""
        # The column's height is what it holds (the column itself paints nothing, and is not
        # given a region of its own: app.tcss, #side).
        siblings = self.parent.children if isinstance(self.parent, Widget) else ()
        column = sum(widget.outer_size.height for widget in siblings)
        compact = count > 0 and column > 0 and count * LARGE_CLOCK_LINES > column // 2
        for clock in self._clocks():
            clock.set_compact(compact)

    def _clocks(self) -> list[CaucusClock]:
        return cast("list[CaucusClock]", list(self.children))
