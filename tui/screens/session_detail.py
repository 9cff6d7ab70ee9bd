"""The sessions list's words: how a session's start, its hours and its details read.

`describe_session` is the detail beside (or under) the list on the sessions screen.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from textual.content import Content

from models.domain import AgendaStatus, Session
from models.store import Store
from tui.dialogs.schedule_session import KIND_WORDS, MODE_WORDS

_AGENDA_MARKS = {
    AgendaStatus.UPCOMING: " ",
    AgendaStatus.ACTIVE: "▶",
    AgendaStatus.DONE: "✓",
    AgendaStatus.SKIPPED: "–",
}


def clip(text: str, width: int) -> str:
    """One line of at most `width` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def when(moment: datetime, tz: tzinfo, *, year: bool = True) -> str:
    """A session's start as shown in the list: `Tue 17 Mar 2026 16:30` (or without the year)."""
    return moment.astimezone(tz).strftime("%a %-d %b %Y %H:%M" if year else "%a %-d %b %H:%M")


def held(session: Session, tz: tzinfo) -> str:
    """When the session actually ran: `16:33–18:23`, `since 16:31`, `✗ cancelled`, or
    nothing yet."""
    if session.cancelled_at is not None:
        return "✗ cancelled"
    if session.started_at is None:
        return ""
    start = session.started_at.astimezone(tz)
    if session.ended_at is None:
        return f"▶ since {start:%H:%M}"
    end = session.ended_at.astimezone(tz)
    if end.date() != start.date():
        return f"{start:%H:%M}–{end:%a %H:%M}"
    return f"{start:%H:%M}–{end:%H:%M}"


def describe_session(store: Store, session: Session, tz: tzinfo) -> Content:
    """The highlighted session's details: place, attendance, agenda, next, roster."""
    lines = [
        Content.from_markup(
            "[b $text-primary]Session $number[/] · $kind · $mode",
            number=session.number,
            kind=KIND_WORDS[session.kind],
            mode=MODE_WORDS[session.mode],
        ),
        _field("Starts", f"{session.starts.astimezone(tz):%A %-d %B %Y, %H:%M %Z}"),
    ]
    if session.cancelled_at is not None:
        lines.append(_field("Cancelled", f"{when(session.cancelled_at, tz)} (it will not meet)"))
    if session.location:
        lines.append(_field("Place", session.location))
    if session.mediator:
        lines.append(_field("Mediator", session.mediator))
    if session.started_at is not None:
        lines.append(_field("Held", held(session, tz).removeprefix("▶ ")))
    attendance = store.attendance(session.number)
    if attendance.present or attendance.observers or attendance.sites:
        team = ", ".join(attendance.present) or "nobody ticked"
        lines.append(
            _field(
                "Attendance",
                f"team {len(attendance.present)} ({team}) · {attendance.observers} "
                f"observers · {attendance.sites} sites",
            )
        )
    else:
        lines.append(_field("Attendance", "not recorded yet (t)"))
    agenda = store.agenda(session.number)
    lines.append(Content(""))
    lines.append(Content.from_markup("[b]Agenda[/b] ($count)", count=len(agenda)))
    if not agenda:
        lines.append(Content.from_markup("  [dim]no items yet (a)[/dim]"))
    for item in agenda:
        minutes = f"{item.minutes} min" if item.minutes else ""
        articles = f"art. {', '.join(item.articles)}" if item.articles else ""
        extra = " · ".join(part for part in (minutes, articles) if part)
        lines.append(
            Content.from_markup(
                "  $mark $position. $title[dim]$extra[/dim]",
                mark=_AGENDA_MARKS[item.status],
                position=item.position,
                title=item.title,
                extra=f"  {extra}" if extra else "",
            )
        )
    if session.next is not None:
        lines.append(Content(""))
        place = f", {session.next.location}" if session.next.location else ""
        lines.append(_field("Next", f"{when(session.next.starts, tz)}{place}"))
    if session.call_to_action:
        lines.append(_field("Call to action", session.call_to_action))
    roster = store.members()
    lines.append(Content(""))
    lines.append(
        Content.from_markup(
            "[b]Team roster[/b] ($count): $names",
            count=len(roster),
            names=", ".join(member.name for member in roster) or "nobody yet (m)",
        )
    )
    return Content("\n").join(lines)


def _field(label: str, value: str) -> Content:
    return Content.from_markup("[b]$label[/b]  $value", label=label, value=value)
