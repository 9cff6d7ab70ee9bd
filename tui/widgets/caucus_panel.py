"""Every open caucus, each its own clock: both sides can be out at once, a joint sidebar too."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from textual.containers import Vertical

from models.domain import Campaign, Caucus
from tui.widgets.caucus_clock import CaucusClock


class CaucusPanel(Vertical):
    """Holds one `CaucusClock` per open caucus; hidden (class `-empty`) when none is open."""

    def show(self, caucuses: Sequence[Caucus], campaign: Campaign, now: datetime) -> None:
        """Match the clocks to the open caucuses: new ones added, ended ones removed."""
        shown = {clock.caucus.id: clock for clock in self.query_children(CaucusClock)}
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
        for clock in self.query_children(CaucusClock):
            clock.tick(now)
