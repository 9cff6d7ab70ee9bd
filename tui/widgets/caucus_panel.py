"""Every open caucus, each its own clock: both sides can be out at once, a joint sidebar too."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, cast

from textual.containers import Vertical

from models.domain import Campaign, Caucus

if TYPE_CHECKING:
    from tui.widgets.caucus_clock import CaucusClock


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

    def tick(self, now: datetime) -> None:
        """Move every clock to `now`."""
        for clock in self._clocks():
            clock.tick(now)

    def _clocks(self) -> list[CaucusClock]:
        return cast("list[CaucusClock]", list(self.children))
