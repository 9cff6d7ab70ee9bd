"""The seats' status line: when this seat last exchanged, with how many seats, what is
waiting to go out, the conflicts to settle; a seat gone quiet, or a problem, said plainly.

    synced 3 s ago · 2 seats with Lakeside laptop · 0 waiting · 1 conflict (C)
    synced 2 s ago · Lakeside laptop last seen 14 min ago · 0 waiting
    sync stopped: wrong team passphrase for seat 4f2c…: check --passphrase-file

Hidden until the app syncs (`bargain --sync DIR`, or a folder the database remembers).
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from models.seats import ExchangeReport, SeatSeen
    from tui.seat_sync import SyncView

QUIET_AFTER = timedelta(minutes=5)
"""A seat that has not exchanged for this long is named in the status line."""


def age_words(age: timedelta) -> str:
    """`3 s`, `14 min`, `2 h 5 min`, `3 days`: how long ago, in the fewest words."""
    seconds = max(0, int(age.total_seconds()))
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days = hours // 24
    return "1 day" if days == 1 else f"{days} days"


def seat_name(seat: SeatSeen) -> str:
    """A seat as people call it: the labels it records under, else its id's first digits."""
    labels = [label for label in seat.labels if label]
    if labels:
        return " / ".join(labels[:2]) + (" / …" if len(labels) > 2 else "")
    return f"seat {seat.db_id[:8]}"


def quiet_seats(report: ExchangeReport, own_id: str, since: float) -> list[str]:
    """`Lakeside laptop last seen 14 min ago` for each other seat quiet for QUIET_AFTER."""
    later = timedelta(seconds=since)
    quiet = []
    for seat in report.seats:
        if seat.db_id == own_id:
            continue
        if seat.last_seen is None:
            quiet.append(f"{seat_name(seat)} not seen yet")
            continue
        age = report.at - seat.last_seen + later
        if age >= QUIET_AFTER:
            quiet.append(f"{seat_name(seat)} last seen {age_words(age)} ago")
    return quiet


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def status_parts(view: SyncView, now: float) -> list[tuple[str, str]]:
    """The status as (text, style) parts, most important first after the time."""
    from tui.seat_sync import shorter

    report = view.report
    if view.problem:
        return [("sync stopped: " + shorter(view.problem, view.folder), "bold $text-error")]
    if report is None or view.received_at is None:
        return [(f"syncing with {view.folder} …", "$text-muted")]
    since = max(0.0, now - view.received_at)
    parts = [(f"synced {age_words(timedelta(seconds=since))} ago", "")]
    problems = [shorter(text, view.folder) for text, _at in reversed(view.recent)]
    others = [seat for seat in report.seats if seat.db_id != view.own_id]
    quiet = quiet_seats(report, view.own_id, since)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        parts.append((problems[0] + more, "bold $text-error"))
    if quiet:
        parts += [(line, "bold $text-warning") for line in quiet]
    elif others:
        parts.append((plural(len(others) + 1, "seat") + WITH + with_names(others), ""))
    else:
        parts.append(("no other seat yet", ""))
    parts.append((f"{report.waiting} waiting", "$text-warning" if report.waiting else ""))
    if report.conflicts:
        parts.append((plural(report.conflicts, "conflict") + " (C)", "bold $text-error"))
    else:
        parts.append(("0 conflicts", ""))
    return parts


def with_names(others: list[SeatSeen]) -> str:
    """The other seats by name: `Lakeside laptop, seat 4f2c01ab`."""
    return ", ".join(seat_name(seat) for seat in others)


WITH = " with "
"""Between the count of seats and their names, which go first when the line is short."""


def status_line(view: SyncView, now: float, width: int) -> Content:
    """The parts joined by ` · `, the least important dropped first when the line is short
    (the other seats' names first; the conflicts and problems are kept; a line that still does
    not fit is cut with …)."""
    parts = status_parts(view, now)
    keep = list(parts)
    if len(" · ".join(text for text, _ in keep)) > width:
        keep = [(text.split(WITH)[0], style) for text, style in keep]
    while len(keep) > 2 and len(" · ".join(text for text, _ in keep)) > width:
        droppable = [i for i, (text, _) in enumerate(keep) if _droppable(text)]
        if not droppable:
            break
        del keep[droppable[0]]
    pieces: list[str | tuple[str, str]] = []
    for index, (text, style) in enumerate(keep):
        if index:
            pieces.append((" · ", "$text-muted"))
        pieces.append((text, style) if style else text)
    return Content.assemble(*pieces).truncate(width, ellipsis=True)


def _droppable(text: str) -> bool:
    return text.endswith((" seats", " seat yet", " waiting")) or text == "0 conflicts"


class SyncStatus(Widget, can_focus=False):
    """One line above the keys (in the flow: the board gives up a line); it reads the app's
    `sync_view` and repaints once a second."""

    DEFAULT_CSS = """
    SyncStatus {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        display: none;
    }
    SyncStatus.-on { display: block; }
    """

    _ticking = False

    def on_mount(self) -> None:
        if getattr(self.app, "sync_view", None) is not None:
            self.show_view()

    def show_view(self) -> None:
        """Show the app's latest exchange, and from then on its age once a second (without
        sync the line stays hidden and runs no timer)."""
        self.add_class("-on")
        self.refresh()
        if not self._ticking:
            self._ticking = True
            self.set_interval(1.0, self.refresh, name="sync age")

    def render(self) -> Content:
        view: SyncView | None = getattr(self.app, "sync_view", None)
        if view is None:
            return Content("")
        return status_line(view, time.monotonic(), max(1, self.size.width))
