"""Demo and benchmark journals: fictional campaigns written as plain journal events.

Both functions return events as plain dicts in the JSON Lines journal format of DESIGN.md
(`type`, `at`, `id`, `seat` and the fields of each type), ready to be replayed by the store
or written out with `json.dumps`. This module uses the standard library only.

- `demo_events()` is a small, realistic campaign of five sessions: Riverbend Education
  Association (REA) and Riverbend Unified School District (RUSD). Sessions 1-4 are over and
  session 5 is running "today", so the app opens on a live table.
- `large_demo_events()` is the benchmark campaign: 60 articles, 150 sessions, 3,000
  proposals, 1,200 caucuses, 40,000 notes and 300 information requests, always the same.

Ids are short and readable: `ev-0001`... in the demo, `ev-000001`... in the benchmark.
Every `at` is local time in America/Los_Angeles with its UTC offset, and never goes back.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

__all__ = ["demo_events", "large_demo_events"]

Event = dict[str, object]

TIMEZONE = "America/Los_Angeles"
_TZ = ZoneInfo(TIMEZONE)


def _local(day: date, hour: int, minute: int) -> datetime:
    """An aware local time in the campaign's timezone (offset right for that date)."""
    return datetime.combine(day, time(hour, minute), tzinfo=_TZ)


class _Journal:
    """Appends events in order, with a clock that only moves forward.

    It also keeps the few facts needed to refuse a demo that breaks the table's rules while
    it is being written (a proposal on a TA'd article, a second open caucus for one side).
    """

    def __init__(self, width: int) -> None:
        self.events: list[Event] = []
        self.width = width
        self.count = 0
        self.now: datetime | None = None
        self.agreed: set[str] = set()
        self.articles: set[str] = set()
        self.open_caucuses: dict[tuple[int, str], int] = {}
        self.agenda: dict[int, int] = {}
        self.proposals: dict[str, Event] = {}
        self.refs: dict[str, str] = {}

    # -- the clock ---------------------------------------------------------------------
    def set(self, moment: datetime) -> None:
        if self.now is not None and moment < self.now:
            raise RuntimeError(f"the demo clock went back from {self.now} to {moment}")
        # A fixed offset for the evening: exact instants, and a faster isoformat().
        self.now = moment.astimezone(timezone(moment.utcoffset() or timedelta(0)))

    def wait(self, minutes: float = 0, seconds: float = 0) -> None:
        assert self.now is not None
        self.now = self.now + timedelta(minutes=minutes, seconds=seconds)

    # -- writing -----------------------------------------------------------------------
    def add(self, type_: str, seat: str, **fields: object) -> str:
        assert self.now is not None
        self.count += 1
        event_id = f"ev-{self.count:0{self.width}d}"
        event: Event = {"type": type_, "at": self.now.isoformat(), "id": event_id, "seat": seat}
        for key, value in fields.items():
            if value is not None:
                event[key] = value
        self.events.append(event)
        return event_id

    def article(self, number: str, title: str) -> str:
        self.articles.add(number)
        return self.add("article.added", "lead", number=number, title=title)

    def item(
        self, session: int, title: str, minutes: int, articles: list[str] | None = None
    ) -> int:
        for number in articles or []:
            if number not in self.articles:
                raise RuntimeError(f"agenda names article {number} before it exists")
        self.add(
            "agenda.item_added",
            "lead",
            session=session,
            title=title,
            minutes=minutes,
            articles=articles,
        )
        self.agenda[session] = self.agenda.get(session, 0) + 1
        return self.agenda[session]

    def mark(self, session: int, item: int, what: str) -> None:
        self.add(f"agenda.item_{what}", "lead", session=session, item=item)

    def propose(
        self, session: int, by: str, articles: list[str], label: str, **fields: object
    ) -> str:
        for number in articles:
            if number in self.agreed:
                raise RuntimeError(f"{label} touches article {number} after its TA")
            if number not in self.articles:
                raise RuntimeError(f"{label} names article {number} before it exists")
        event_id = self.add(
            "proposal.passed",
            "lead",
            session=session,
            by=by,
            articles=articles,
            label=label,
            **fields,
        )
        self.proposals[event_id] = self.events[-1]
        return event_id

    def withdraw(self, proposal: str) -> str:
        by = self.proposals[proposal]["by"]
        return self.add("proposal.withdrawn", "lead", proposal=proposal, by=by)

    def ta(
        self,
        session: int,
        initials: dict[str, str],
        articles: list[str] | None = None,
        proposal: str | None = None,
        summary: str | None = None,
    ) -> str:
        covered = list(articles or [])
        if proposal is not None and not covered:
            named = self.proposals[proposal]["articles"]
            assert isinstance(named, list)
            covered = list(named)
        for number in covered:
            if number in self.agreed:
                raise RuntimeError(f"article {number} is TA'd twice")
        self.agreed.update(covered)
        return self.add(
            "ta.signed",
            "lead",
            session=session,
            articles=articles,
            proposal=proposal,
            summary=summary,
            initials=dict(initials),
        )

    def caucus(self, session: int, by: str, minutes: int, purpose: str | None = None) -> str:
        if (session, by) in self.open_caucuses:
            raise RuntimeError(f"a second {by} caucus opened in session {session}")
        self.open_caucuses[(session, by)] = 1
        return self.add(
            "caucus.started", "lead", session=session, by=by, minutes=minutes, purpose=purpose
        )

    def extend(self, session: int, by: str, minutes: int) -> str:
        return self.add("caucus.extended", "lead", session=session, by=by, minutes=minutes)

    def end_caucus(self, session: int, by: str) -> str:
        del self.open_caucuses[(session, by)]
        return self.add("caucus.ended", "lead", session=session, by=by)

    def note(
        self,
        session: int,
        text: str,
        kind: str | None = None,
        speaker: str | None = None,
        party: str | None = None,
        visibility: str | None = None,
        seat: str = "notes",
    ) -> str:
        return self.add(
            "note.added",
            seat,
            session=session,
            text=text,
            kind=kind,
            speaker=speaker,
            party=party,
            visibility=visibility,
        )


# ---------------------------------------------------------------------------------------
# The demo campaign: Riverbend
# ---------------------------------------------------------------------------------------

_RIVERBEND_ARTICLES: list[tuple[str, str]] = [
    ("1", "Recognition"),
    ("2", "Association Rights"),
    ("3", "District Rights"),
    ("4", "Grievance Procedure"),
    ("5", "Salary"),
    ("6", "Health and Welfare Benefits"),
    ("7", "Hours of Employment"),
    ("8", "Class Size"),
    ("9", "Leaves"),
    ("10", "Evaluation"),
    ("11", "Transfers and Reassignments"),
    ("12", "Safety"),
    ("12.3", "Air Quality and Ventilation"),
    ("13", "Special Education Caseloads"),
    ("14", "Early Childhood Education"),
    ("15", "Substitute Teachers"),
    ("16", "Professional Development"),
    ("17", "Personnel Files"),
    ("18", "School Calendar"),
    ("19", "Student Support Staffing"),
    ("20", "Concerted Activities"),
    ("21", "Savings Clause"),
    ("22", "Duration"),
    ("Appendix A", "Certificated Salary Schedule"),
    ("MOU Distance Learning", "Distance Learning"),
]

_ROSTER: list[tuple[str, str, str]] = [
    ("Maria Delgado", "Lead negotiator", "Riverbend High School"),
    ("James Whitaker", "Note-taker", "Cedar Grove Elementary"),
    ("Priya Raman", "Communications lead", "Lincoln Middle School"),
    ("Luis Ortega", "Site rep", "Alder Creek Elementary"),
    ("Keisha Brown", "Site rep (special education)", "Oak Park Elementary"),
    ("Daniel Kim", "Site rep", "Westview Middle School"),
    ("Rosa Jimenez", "Site rep (TK and preschool)", "Riverbend Early Learning Center"),
    ("Helen Park", "Site rep", "Eastside High School"),
]

_UNION = "union"
_EMPLOYER = "employer"
_JOINT = "joint"
_INITIALS = {"union": "MD", "employer": "GH"}
_DISTRICT_LEAD = "Gregory Hale"
_DISTRICT_CBO = "Linda Cho"
_MEDIATOR = "Teresa Okafor"
_BOARD_ROOM = "RUSD District Office, Board Room, 1200 Alder Street"
_LIBRARY = "Riverbend High School Library, 450 Sycamore Avenue"
_PDF = "https://riverbendea.example.org/bargaining/{}.pdf"


def demo_events(today: date | None = None) -> list[dict[str, object]]:
    """The demo campaign's journal, oldest event first.

    A fictional round of bargaining between the Riverbend Education Association (REA) and
    the Riverbend Unified School District (RUSD), seen from the union's side. Five weekly
    sessions at 16:30 local time end on `today` (default: the current date): sessions 1-4
    are over (session 4 is a mediation the district walked out of), session 5 is running,
    with one agenda item active. The result is the same for the same `today`.

    Every event is a plain dict in the journal format of DESIGN.md (`type`, `at` with its
    UTC offset, `id` such as ``"ev-0001"``, `seat` ``"lead"`` or ``"notes"``, and the
    fields of its type).
    """
    today = today or date.today()
    days = [today - timedelta(days=7 * (5 - n)) for n in range(1, 6)]
    starts = {n: _local(days[n - 1], 16, 30) for n in range(1, 6)}
    j = _Journal(width=4)
    school_year = days[0].year if days[0].month >= 7 else days[0].year - 1

    # -- the campaign, before the first session ------------------------------------------
    j.set(_local(days[0] - timedelta(days=16), 19, 5))
    j.add(
        "campaign.created",
        "lead",
        union={"name": "Riverbend Education Association", "short": "REA"},
        employer={"name": "Riverbend Unified School District", "short": "RUSD"},
        timezone=TIMEZONE,
        title=f"Successor contract {school_year}-{school_year + 3}",
        our_side=_UNION,
    )
    j.wait(seconds=40)
    j.add(
        "campaign.updated",
        "lead",
        recap={
            "from": "REA Bargaining Team <bargaining@riverbendea.example.org>",
            "to": "REA members <members@riverbendea.example.org>",
            "signoff": "In solidarity,\nthe REA Bargaining Team",
        },
    )
    for name, role, site in _ROSTER:
        j.wait(seconds=30)
        j.add("member.added", "lead", name=name, role=role, site=site)
    j.wait(minutes=2)
    for number, title in _RIVERBEND_ARTICLES:
        j.wait(seconds=15)
        j.article(number, title)
    j.wait(minutes=3)
    scheduled = [
        (1, _BOARD_ROOM + " and Zoom", "hybrid"),
        (2, "Zoom (link texted to members)", "zoom"),
        (3, _LIBRARY, "in_person"),
    ]
    for session, location, mode in scheduled:
        j.wait(seconds=45)
        j.add(
            "session.scheduled",
            "lead",
            session=session,
            starts=starts[session].isoformat(),
            location=location,
            mode=mode,
            kind="regular",
        )

    _session_1(j, starts)
    _session_2(j, starts)
    _session_3(j, starts, days)
    _session_4(j, starts, days)
    _session_5(j, starts, today)
    return j.events


def _session_1(j: _Journal, starts: dict[int, datetime]) -> None:
    s = 1
    j.set(starts[s] + timedelta(minutes=3))
    j.add("session.started", "lead", session=s)
    j.wait(minutes=2)
    present = [name for name, _, _ in _ROSTER if name != "Helen Park"]
    j.add("attendance.recorded", "notes", session=s, present=present, observers=64, sites=12)
    j.wait(minutes=1)
    ground = j.item(s, "Ground rules for open bargaining", 15)
    rea = j.item(s, "REA opening proposals", 40, ["5", "Appendix A", "6", "8", "13"])
    rusd = j.item(s, "RUSD opening proposals", 30, ["5", "6", "7", "10", "MOU Distance Learning"])
    requests = j.item(s, "Information requests", 10)
    dates = j.item(s, "Dates for future sessions", 10)

    j.mark(s, ground, "started")
    j.wait(minutes=4)
    j.note(
        s,
        "Ground rules: every session is open to REA members and the public. Observers join "
        "muted and can send questions to the REA team in the chat.",
        kind="note",
        visibility="members",
    )
    j.wait(minutes=5)
    j.note(
        s,
        "RUSD will send REA a written copy of every proposal it passes by noon the next day.",
        kind="commitment",
        speaker=_DISTRICT_LEAD,
        party=_EMPLOYER,
    )
    j.wait(minutes=4)
    j.mark(s, ground, "done")

    j.wait(seconds=30)
    j.mark(s, rea, "started")
    j.wait(minutes=2)
    j.note(
        s,
        "Everything we pass tonight comes from the 1,140 of you who answered the bargaining "
        "survey.",
        kind="quote",
        speaker="Maria Delgado",
        party=_UNION,
        visibility="members",
    )
    j.wait(minutes=9)
    j.propose(
        s,
        _UNION,
        ["5", "Appendix A", "6"],
        "REA #1",
        kind="initial",
        summary=(
            "Raise every cell of the salary schedule by 8% in year one and 6% in year two, add "
            "a new top step, and have the district pay the full premium for every health plan, "
            "family coverage included."
        ),
        terms={"salary_pct_y1": 8.0, "salary_pct_y2": 6.0, "steps_added": 1},
        link=_PDF.format("REA-1-compensation"),
        internal_note=(
            "Survey floor is 5% in year one. Do not move below 6% until RUSD shows its reserve "
            "projections."
        ),
    )
    j.wait(minutes=14)
    j.propose(
        s,
        _UNION,
        ["7", "8", "12", "12.3", "13", "14", "15", "16", "17"],
        "REA #2",
        kind="initial",
        summary=(
            "Hard class size caps of 24 in TK-3, 28 in grades 4-5 and 32 in secondary, with "
            "overage pay; resource specialist caseloads capped at 22 and special day classes at "
            "12; an aide in every TK classroom; substitutes paid $225 a day; two paid, "
            "teacher-led PD days; 10 days' notice before anything goes in a personnel file; "
            "300 minutes of elementary prep a week; a tested air cleaner in every classroom."
        ),
        terms={
            "class_size_tk3": 24,
            "class_size_4_5": 28,
            "class_size_secondary": 32,
            "rsp_caseload": 22,
            "sdc_caseload": 12,
        },
        link=_PDF.format("REA-2-working-conditions"),
    )
    j.wait(minutes=6)
    j.note(
        s,
        "REA passed its two opening proposals: compensation, and working conditions for "
        "students and educators. Both PDFs go out with tonight's recap.",
        visibility="members",
    )
    j.wait(minutes=3)
    j.mark(s, rea, "done")

    j.wait(minutes=1)
    j.mark(s, rusd, "started")
    j.wait(minutes=6)
    j.propose(
        s,
        _EMPLOYER,
        ["5", "Appendix A", "6", "7", "9", "10", "11", "MOU Distance Learning"],
        "RUSD #1",
        kind="initial",
        summary=(
            "A 1.5% one-time, off-schedule payment and no change to the salary schedule; the "
            "district's health contribution frozen at today's dollar amounts; 30 more minutes "
            "of required collaboration time each day; stricter leave verification; a shorter "
            "evaluation timeline; administrator-initiated transfers; the distance learning MOU "
            "to expire."
        ),
        terms={"salary_pct_y1": 0.0, "salary_pct_y2": 0.0, "one_time_pct": 1.5},
        link="https://www.rusd.example.org/hr/negotiations/RUSD-1-initial.pdf",
    )
    j.wait(minutes=8)
    j.note(
        s,
        "We are deficit spending in both out years. The district cannot promise ongoing money "
        "it does not have.",
        kind="quote",
        speaker=_DISTRICT_CBO,
        party=_EMPLOYER,
        visibility="members",
    )
    j.wait(minutes=5)
    j.note(
        s,
        "Observers asked in the chat what a frozen health contribution means for take-home pay; "
        "REA will run the numbers for the recap.",
    )
    j.wait(minutes=4)
    j.mark(s, rusd, "done")

    j.wait(minutes=1)
    j.caucus(s, _UNION, 15, purpose="React to RUSD's opener and settle our first data requests.")
    j.wait(minutes=3)
    j.note(
        s,
        "Keisha: RUSD's evaluation change would let a principal put a teacher on an improvement "
        "plan after a single observation.",
        visibility="team",
    )
    j.wait(minutes=4)
    j.note(
        s,
        "Agreed: ask for vacancy and cost data before we answer anything on salary.",
    )
    j.wait(minutes=3)
    j.note(
        s,
        "Priya drafts tonight's recap and the text blast; send both by 21:00.",
        kind="action",
        visibility="team",
    )
    j.wait(minutes=4)
    j.end_caucus(s, _UNION)

    j.wait(minutes=1)
    j.mark(s, requests, "started")
    j.wait(minutes=2)
    ir_vacancies = j.add(
        "info_request.made",
        "lead",
        session=s,
        by=_UNION,
        text=(
            "Certificated vacancies and long-term substitute assignments by site, as of the "
            "first day of school"
        ),
        due=(starts[s].date() + timedelta(days=10)).isoformat(),
    )
    j.wait(minutes=2)
    ir_cost = j.add(
        "info_request.made",
        "lead",
        session=s,
        by=_UNION,
        text=(
            "Total cost of a 1% increase to the certificated salary schedule, statutory "
            "benefits included"
        ),
        due=(starts[s].date() + timedelta(days=14)).isoformat(),
    )
    j.wait(minutes=2)
    j.note(
        s,
        "RUSD will answer both information requests before session 3.",
        kind="commitment",
        speaker=_DISTRICT_LEAD,
        party=_EMPLOYER,
        visibility="members",
    )
    j.wait(minutes=3)
    j.mark(s, requests, "done")
    j.mark(s, dates, "started")
    j.wait(minutes=5)
    j.note(
        s,
        "Next two sessions: one on Zoom next week, then in person at the Riverbend High library.",
    )
    j.wait(minutes=4)
    j.mark(s, dates, "done")
    j.wait(minutes=2)
    j.add(
        "session.ended",
        "lead",
        session=s,
        next={"starts": starts[2].isoformat(), "location": "Zoom (link texted to members)"},
        call_to_action=(
            "Wear red on Thursday, and bring a colleague to watch session 2 on Zoom next week."
        ),
    )
    j.refs["ir_vacancies"] = ir_vacancies
    j.refs["ir_cost"] = ir_cost


def _session_2(j: _Journal, starts: dict[int, datetime]) -> None:
    s = 2
    j.set(starts[s] + timedelta(minutes=1))
    j.add("session.started", "lead", session=s)
    j.wait(minutes=2)
    present = [name for name, _, _ in _ROSTER]
    j.add("attendance.recorded", "notes", session=s, present=present, observers=118, sites=19)
    j.wait(minutes=1)
    answers = j.item(s, "RUSD answers to information requests", 15)
    leaves = j.item(s, "REA response on leaves, evaluation and transfers", 30, ["9", "10", "11"])
    counters = j.item(s, "RUSD counterproposals", 40, ["7", "16", "17"])
    sizes = j.item(s, "Class size and caseloads", 30, ["8", "13"])
    tas = j.item(s, "Tentative agreements", 10)

    j.mark(s, answers, "started")
    j.wait(minutes=3)
    j.add("info_request.answered", "notes", request=j.refs["ir_vacancies"], session=s)
    j.wait(minutes=2)
    j.note(
        s,
        "RUSD reports 47 certificated vacancies and 31 long-term substitutes on the first day "
        "of school.",
        visibility="members",
    )
    j.wait(minutes=4)
    j.note(
        s,
        "Two of my students have not had a credentialed teacher since August.",
        kind="quote",
        speaker="Keisha Brown",
        party=_UNION,
    )
    j.wait(minutes=5)
    j.mark(s, answers, "done")

    j.wait(minutes=1)
    j.mark(s, leaves, "started")
    j.wait(minutes=6)
    j.propose(
        s,
        _UNION,
        ["9", "10", "11"],
        "REA #3",
        kind="counter",
        summary=(
            "Keep the current evaluation timeline; transfers voluntary first, then by reverse "
            "seniority with 30 days' notice; 12 weeks of paid parental leave."
        ),
        terms={"parental_leave_weeks": 12, "transfer_notice_days": 30},
        internal_note="Parental leave weeks are the trade; the transfer language is the priority.",
        link=_PDF.format("REA-3-leaves-evaluation-transfers"),
    )
    j.wait(minutes=4)
    j.caucus(s, _EMPLOYER, 20)
    j.wait(minutes=6)
    j.note(
        s,
        "While RUSD caucused, Luis answered observers' questions about the transfer language.",
        visibility="members",
    )
    j.wait(minutes=12)
    j.extend(s, _EMPLOYER, 10)
    j.wait(minutes=9)
    j.end_caucus(s, _EMPLOYER)
    j.wait(minutes=2)
    j.note(
        s,
        "RUSD will bring a written answer on leaves, evaluation and transfers to session 3.",
        kind="commitment",
        speaker=_DISTRICT_LEAD,
        party=_EMPLOYER,
        visibility="members",
    )
    j.wait(minutes=1)
    j.mark(s, leaves, "done")

    j.wait(minutes=1)
    j.mark(s, counters, "started")
    j.wait(minutes=5)
    j.propose(
        s,
        _EMPLOYER,
        ["16", "17"],
        "RUSD #2",
        kind="counter",
        summary=(
            "Two paid professional development days with content chosen jointly; accepts REA's "
            "language on 10 days' notice for the personnel file."
        ),
    )
    j.wait(minutes=7)
    workday = j.propose(
        s,
        _EMPLOYER,
        ["7"],
        "RUSD #3",
        kind="counter",
        summary="Add 30 minutes of required after-school collaboration time, paid hourly.",
        terms={"added_minutes_per_day": 30},
    )
    j.wait(minutes=3)
    j.note(
        s,
        "Thirty more minutes after school is thirty fewer minutes with my own kids.",
        kind="quote",
        speaker="Rosa Jimenez",
        party=_UNION,
        visibility="members",
    )
    j.wait(minutes=2)
    j.caucus(s, _UNION, 10, purpose="Do we TA Personnel Files tonight, or hold it for trade?")
    j.wait(minutes=3)
    j.note(s, "Hold nothing back on personnel files: it is our language. TA it.", visibility="team")
    j.wait(minutes=3)
    j.note(
        s,
        "Daniel to count how many elementary teachers already stay past 16:00.",
        kind="action",
        visibility="team",
    )
    j.wait(minutes=3)
    j.end_caucus(s, _UNION)
    j.wait(minutes=2)
    j.ta(
        s,
        _INITIALS,
        articles=["17"],
        summary=(
            "Personnel Files: 10 working days' notice, and the right to attach a written "
            "response to anything placed in the file."
        ),
    )
    j.wait(minutes=2)
    j.mark(s, counters, "done")

    j.wait(minutes=1)
    j.mark(s, sizes, "started")
    j.wait(minutes=8)
    j.propose(
        s,
        _EMPLOYER,
        ["8", "13"],
        "RUSD #4",
        kind="counter",
        summary=(
            "Keep today's class size averages; set up a joint committee to study special "
            "education caseloads and report in the spring."
        ),
    )
    j.wait(minutes=5)
    j.note(
        s,
        "RUSD has not answered REA on TK aides (Article 14) or on substitute pay (Article 15).",
        visibility="members",
    )
    j.wait(minutes=3)
    ir_sped = j.add(
        "info_request.made",
        "lead",
        session=s,
        by=_UNION,
        text="Number of unfilled special education positions by site, and how each is covered",
        due=(starts[s].date() + timedelta(days=10)).isoformat(),
    )
    j.wait(minutes=4)
    j.note(
        s,
        "A study committee is what we got last contract. Our students cannot wait for another "
        "report.",
        kind="quote",
        speaker="Keisha Brown",
        party=_UNION,
        visibility="members",
    )
    j.wait(minutes=3)
    j.mark(s, sizes, "done")
    j.wait(seconds=30)
    j.mark(s, tas, "skipped")
    j.wait(minutes=2)
    j.add(
        "session.ended",
        "lead",
        session=s,
        next={"starts": starts[3].isoformat(), "location": _LIBRARY},
        call_to_action=(
            "Send your class counts to your site rep by Monday, so REA can show the district "
            "real class sizes at session 3."
        ),
    )
    j.refs["workday"] = workday
    j.refs["ir_sped"] = ir_sped


def _session_3(j: _Journal, starts: dict[int, datetime], days: list[date]) -> None:
    s = 3
    j.set(starts[s] + timedelta(minutes=6))
    j.add("session.started", "lead", session=s)
    j.wait(minutes=1)
    present = [name for name, _, _ in _ROSTER]
    j.add("attendance.recorded", "notes", session=s, present=present, observers=176, sites=23)
    j.wait(minutes=1)
    answers = j.item(s, "RUSD information responses", 10)
    hours = j.item(s, "Hours of employment", 20, ["7"])
    package = j.item(s, "REA package on class size, caseloads and TK", 40, ["8", "13", "14"])
    leaves = j.item(s, "RUSD package on leaves, evaluation and transfers", 30, ["9", "10", "11"])
    tas = j.item(s, "Tentative agreements", 15, ["16", "3", "21"])
    mediation = j.item(s, "Request for a mediator", 10)

    j.mark(s, answers, "started")
    j.wait(minutes=2)
    j.add("info_request.answered", "notes", request=j.refs["ir_cost"], session=s)
    j.wait(minutes=1)
    j.note(
        s,
        "Each 1% on the salary schedule costs RUSD about $1.9 million, statutory benefits "
        "included.",
        visibility="members",
    )
    j.wait(minutes=4)
    j.note(
        s,
        "RUSD's special education staffing numbers are still not in.",
        visibility="members",
    )
    j.wait(minutes=2)
    j.mark(s, answers, "done")

    j.mark(s, hours, "started")
    j.wait(minutes=4)
    j.note(
        s,
        "REA presented the workday survey: 89% of respondents already work more than 45 minutes "
        "past the bell.",
        visibility="members",
    )
    j.wait(minutes=7)
    j.withdraw(j.refs["workday"])
    j.wait(minutes=1)
    j.note(
        s,
        "RUSD withdrew its longer-day proposal (RUSD #3) and will not bring it back this round.",
        kind="commitment",
        speaker=_DISTRICT_LEAD,
        party=_EMPLOYER,
    )
    j.wait(minutes=3)
    j.mark(s, hours, "done")

    j.wait(minutes=1)
    j.mark(s, package, "started")
    j.wait(minutes=7)
    rea_package = j.propose(
        s,
        _UNION,
        ["8", "13", "14"],
        "REA #4 (package)",
        kind="package",
        summary=(
            "Package, standing or falling together: caps of 24 in TK-3, 28 in grades 4-5 and 32 "
            "in secondary; resource specialist caseloads of 24 and special day classes of 12; "
            "an instructional aide in every TK classroom."
        ),
        terms={
            "class_size_tk3": 24,
            "class_size_4_5": 28,
            "class_size_secondary": 32,
            "rsp_caseload": 24,
            "sdc_caseload": 12,
        },
        internal_note="We moved RSP from 22 to 24. TK aides are the give if we need one.",
        link=_PDF.format("REA-4-package-class-size"),
    )
    j.wait(minutes=5)
    j.caucus(s, _UNION, 20, purpose="Read the room after the package; prepare the PD response.")
    j.wait(minutes=5)
    j.note(
        s,
        "Daniel: their HR director nodded at the TK aides; their budget lead did not.",
        visibility="team",
    )
    j.wait(minutes=8)
    j.note(
        s,
        "James pulls last year's grade 4-5 overage data by Friday.",
        kind="action",
        visibility="team",
    )
    j.wait(minutes=9)
    j.note(s, "Running long: site reps want to brief observers before we go back in.")
    j.wait(minutes=9)
    j.end_caucus(s, _UNION)  # 31 minutes: eleven over
    j.wait(minutes=2)
    j.note(
        s,
        "Our caucus ran over because site reps stepped out to brief the 176 members watching.",
        visibility="members",
    )
    j.wait(minutes=2)
    j.mark(s, package, "done")

    j.wait(minutes=1)
    j.mark(s, leaves, "started")
    j.wait(minutes=5)
    rusd_package = j.propose(
        s,
        _EMPLOYER,
        ["9", "10", "11"],
        "RUSD #5 (package)",
        kind="package",
        summary=(
            "Package: 8 weeks of paid parental leave; the current evaluation timeline stays; "
            "transfers voluntary first, then by reverse seniority with 20 days' notice."
        ),
        terms={"parental_leave_weeks": 8, "transfer_notice_days": 20},
        link="https://www.rusd.example.org/hr/negotiations/RUSD-5-package.pdf",
    )
    j.wait(minutes=4)
    j.caucus(s, _EMPLOYER, 15)
    j.wait(minutes=6)
    j.note(
        s,
        "While RUSD caucused, observers asked whether 8 weeks of parental leave is paid at full "
        "salary. REA will ask.",
        visibility="members",
    )
    j.wait(minutes=7)
    j.end_caucus(s, _EMPLOYER)
    j.wait(minutes=2)
    j.note(
        s,
        "Parental leave under the package is paid at full salary, on top of state disability "
        "insurance.",
        kind="quote",
        speaker=_DISTRICT_LEAD,
        party=_EMPLOYER,
        visibility="members",
    )
    j.wait(minutes=2)
    j.mark(s, leaves, "done")

    j.wait(minutes=1)
    j.mark(s, tas, "started")
    j.wait(minutes=3)
    j.propose(
        s,
        _UNION,
        ["16"],
        "REA #5",
        kind="counter",
        summary="Accepts two paid PD days if teachers lead the content of one of them.",
    )
    j.wait(minutes=4)
    j.ta(
        s,
        _INITIALS,
        articles=["16"],
        summary="Professional Development: two paid PD days a year; teachers lead one of them.",
    )
    j.wait(minutes=2)
    j.ta(
        s,
        _INITIALS,
        articles=["3", "21"],
        summary="District Rights and Savings Clause: current contract language, no changes.",
    )
    j.wait(minutes=2)
    j.mark(s, tas, "done")

    j.mark(s, mediation, "started")
    j.wait(minutes=2)
    j.refs["ir_survey"] = j.add(
        "info_request.made",
        "notes",
        session=s,
        by=_EMPLOYER,
        text="REA's workday survey results, without respondents' names",
    )
    j.wait(minutes=2)
    j.add(
        "info_request.made",
        "notes",
        session=s,
        by=_UNION,
        text="Counselor, nurse and school psychologist caseloads by site",
    )
    j.wait(minutes=2)
    j.note(
        s,
        "Both teams will ask the state mediation service for a mediator on compensation.",
        kind="commitment",
        visibility="members",
    )
    j.wait(minutes=2)
    j.add(
        "session.scheduled",
        "lead",
        session=4,
        starts=starts[4].isoformat(),
        location=_BOARD_ROOM,
        mode="in_person",
        kind="mediation",
        mediator=_MEDIATOR,
    )
    j.wait(minutes=2)
    j.mark(s, mediation, "done")
    j.wait(minutes=1)
    j.add(
        "session.ended",
        "lead",
        session=s,
        next={"starts": starts[4].isoformat(), "location": _BOARD_ROOM},
        call_to_action=(
            "Mediation starts next week. Sign the open letter to the school board, and join the "
            "rally outside the district office before session 4."
        ),
    )
    j.refs["rea_package"] = rea_package
    j.refs["rusd_package"] = rusd_package


def _session_4(j: _Journal, starts: dict[int, datetime], days: list[date]) -> None:
    s = 4
    j.set(starts[s] + timedelta(minutes=10))
    j.add("session.started", "lead", session=s)
    j.wait(minutes=2)
    present = [name for name, _, _ in _ROSTER if name != "James Whitaker"]
    j.add("attendance.recorded", "notes", session=s, present=present, observers=41, sites=9)
    j.wait(minutes=1)
    rules = j.item(s, "Mediator's ground rules", 10)
    pay = j.item(s, "Compensation", 60, ["5", "Appendix A", "6"])
    mou = j.item(s, "Distance learning MOU", 15, ["MOU Distance Learning"])
    sizes = j.item(s, "Class size and caseloads", 30, ["8", "13", "14"])

    j.mark(s, rules, "started")
    j.wait(minutes=3)
    j.note(
        s,
        "Mediation ground rules: proposals passed tonight may be described to members but not "
        "published until both teams agree.",
        visibility="members",
    )
    j.wait(minutes=4)
    j.note(
        s,
        "I will meet with each team on its own as often as it helps. Nothing said in a "
        "sidebar is repeated across the table without permission.",
        kind="quote",
        speaker=f"{_MEDIATOR} (mediator)",
        visibility="members",
    )
    j.wait(minutes=2)
    j.wait(minutes=1)
    j.add("info_request.answered", "notes", request=j.refs["ir_survey"], session=s)
    j.wait(minutes=1)
    j.note(
        s,
        "REA gave RUSD the workday survey tables it asked for, without respondents' names.",
        visibility="members",
    )
    j.wait(minutes=1)
    j.mark(s, rules, "done")

    j.mark(s, pay, "started")
    j.wait(minutes=6)
    j.propose(
        s,
        _UNION,
        ["5", "Appendix A", "6"],
        "REA #6",
        kind="counter",
        summary=(
            "6% on the salary schedule in year one and 4% in year two; the district pays the full "
            "employee-only premium and 85% of family premiums."
        ),
        terms={"salary_pct_y1": 6.0, "salary_pct_y2": 4.0, "family_premium_share_pct": 85.0},
        internal_note="Executive board floor: 5% and 3.5%. Health share is where we can move.",
        embargoed=True,
        link=_PDF.format("REA-6-compensation"),
    )
    j.wait(minutes=4)
    ir_reserves = j.add(
        "info_request.made",
        "lead",
        session=s,
        by=_UNION,
        text="Reserve projections from the First Interim budget report, with their assumptions",
        due=(days[3] + timedelta(days=5)).isoformat(),
    )
    j.wait(minutes=3)
    j.caucus(s, _JOINT, 15, purpose="Leads-only sidebar with the mediator on the size of the gap.")
    j.wait(minutes=6)
    j.note(s, "Mediator: RUSD's board has authorized more than its last offer.")
    j.wait(minutes=5)
    j.note(
        s,
        "Mediator asks both leads not to post tonight's numbers before the next session.",
        kind="commitment",
        speaker=_MEDIATOR,
        visibility="team",
    )
    j.wait(minutes=6)
    j.end_caucus(s, _JOINT)
    j.wait(minutes=3)
    j.propose(
        s,
        _EMPLOYER,
        ["5", "Appendix A"],
        "RUSD supposal 1",
        kind="supposal",
        summary=(
            "What if: 3.5% on the schedule in year one and 2.5% in year two, plus a 2% one-time "
            "payment, if REA drops the family premium share."
        ),
        terms={"salary_pct_y1": 3.5, "salary_pct_y2": 2.5, "one_time_pct": 2.0},
    )
    j.wait(minutes=3)
    j.caucus(s, _UNION, 25, purpose="Weigh the RUSD supposal against the executive board's floor.")
    j.wait(minutes=8)
    j.note(
        s,
        "Executive board chair: 3.5% in year one will not ratify.",
        kind="quote",
        speaker="Maria Delgado",
        party=_UNION,
        visibility="team",
    )
    j.wait(minutes=9)
    j.note(
        s,
        "Maria asks the mediator whether the one-time 2% can become ongoing in year two.",
        kind="action",
        visibility="team",
    )
    j.wait(minutes=6)
    j.extend(s, _UNION, 15)
    j.wait(minutes=9)
    j.note(s, "Our answer: no to the supposal as it stands; stay at REA #6 tonight.")
    j.wait(minutes=5)
    j.end_caucus(s, _UNION)
    j.wait(minutes=2)
    j.mark(s, pay, "done")

    j.mark(s, mou, "started")
    j.wait(minutes=5)
    j.ta(
        s,
        _INITIALS,
        articles=["MOU Distance Learning"],
        summary=(
            "Distance Learning MOU: expires at the end of this school year; any future remote "
            "instruction is bargained first."
        ),
    )
    j.wait(minutes=3)
    j.mark(s, mou, "done")

    j.mark(s, sizes, "started")
    j.wait(minutes=7)
    j.propose(
        s,
        _EMPLOYER,
        ["8"],
        "RUSD #6",
        kind="counter",
        summary="Lower the grade 4-5 class size cap from 31 to 30; no change in TK-3 or secondary.",
        terms={"class_size_4_5": 30},
    )
    j.wait(minutes=4)
    j.note(
        s,
        "RUSD answered only Article 8 of REA's package. Caseloads and TK aides (13 and 14) are "
        "still in the district's court.",
        visibility="members",
    )
    j.wait(minutes=2)
    j.caucus(s, _EMPLOYER, 30)  # they never come back
    j.wait(minutes=3)
    j.note(s, "RUSD left the table for a 30-minute caucus.", visibility="members")
    j.wait(minutes=42)
    j.note(
        s,
        "RUSD's team has not come back after 45 minutes. The mediator went to find them.",
        visibility="members",
    )
    j.wait(minutes=20)
    j.note(
        s,
        "The district's team has left the building. I am calling the session for tonight and "
        "will contact both teams tomorrow about a date.",
        kind="quote",
        speaker=f"{_MEDIATOR} (mediator)",
        visibility="members",
    )
    j.wait(minutes=3)
    j.note(
        s,
        "REA will hold a members' meeting at Riverbend High on Monday to report on mediation.",
        kind="commitment",
        speaker="Maria Delgado",
        party=_UNION,
        visibility="members",
    )
    j.wait(minutes=2)
    j.note(
        s,
        "Priya sends the walkout recap and the board meeting text blast tonight.",
        kind="action",
        visibility="team",
    )
    j.wait(minutes=1)
    j.mark(s, sizes, "done")
    j.wait(minutes=2)
    j.add(
        "session.scheduled",
        "lead",
        session=5,
        starts=starts[5].isoformat(),
        location=_LIBRARY + " and Zoom",
        mode="hybrid",
        kind="regular",
    )
    j.wait(minutes=1)
    j.add(
        "session.ended",
        "lead",
        session=s,
        next={"starts": starts[5].isoformat(), "location": _LIBRARY + " and Zoom"},
        call_to_action=(
            "The district walked out of mediation. Pack the school board meeting on Wednesday "
            "at 18:00 and tell the board to send its team back to the table."
        ),
    )
    j.refs["ir_reserves"] = ir_reserves


def _session_5(j: _Journal, starts: dict[int, datetime], today: date) -> None:
    s = 5
    j.set(starts[s] + timedelta(minutes=2))
    j.add("session.started", "lead", session=s)
    j.wait(minutes=2)
    present = [name for name, _, _ in _ROSTER]
    j.add("attendance.recorded", "notes", session=s, present=present, observers=152, sites=21)
    j.wait(minutes=1)
    back = j.item(s, "Return to the table after mediation", 10)
    subs = j.item(s, "Substitutes and safety", 20, ["15", "12", "12.3"])
    leaves = j.item(s, "RUSD package on leaves, evaluation and transfers", 15, ["9", "10", "11"])
    pay = j.item(s, "Compensation", 45, ["5", "Appendix A", "6"])
    sizes = j.item(s, "Class size and caseloads", 30, ["8", "13", "14"])
    j.item(s, "Next steps and information requests", 10)

    j.mark(s, back, "started")
    j.wait(minutes=3)
    j.note(
        s,
        "We should have come back into the room last week. We are here tonight to finish.",
        kind="quote",
        speaker=_DISTRICT_LEAD,
        party=_EMPLOYER,
        visibility="members",
    )
    j.wait(minutes=4)
    j.mark(s, back, "done")

    j.mark(s, subs, "started")
    j.wait(minutes=4)
    j.propose(
        s,
        _EMPLOYER,
        ["15", "12", "12.3"],
        "RUSD #7",
        kind="counter",
        summary=(
            "Substitutes paid $200 a day, and $250 after 20 days in one assignment; a portable "
            "HEPA air cleaner in every classroom, checked each semester."
        ),
        terms={"sub_daily_rate": 200, "sub_long_term_rate": 250},
    )
    j.wait(minutes=5)
    j.ta(
        s,
        _INITIALS,
        articles=["15"],
        summary="Substitute Teachers: $200 a day, $250 a day after 20 days in one assignment.",
    )
    j.wait(minutes=3)
    j.propose(
        s,
        _UNION,
        ["12", "12.3"],
        "REA #7",
        kind="counter",
        summary=(
            "Accepts the air cleaners; adds a written air-quality report to each site safety "
            "committee every semester."
        ),
    )
    j.wait(minutes=3)
    j.mark(s, subs, "done")

    j.mark(s, leaves, "started")
    j.wait(minutes=5)
    j.ta(
        s,
        _INITIALS,
        proposal=j.refs["rusd_package"],
        summary=(
            "Leaves, Evaluation and Transfers (RUSD #5 package): 8 weeks of fully paid parental "
            "leave, the current evaluation timeline, voluntary transfers first."
        ),
    )
    j.wait(minutes=2)
    j.note(
        s,
        "Three articles tentatively agreed as a package tonight: leaves, evaluation and transfers.",
        visibility="members",
    )
    j.wait(minutes=2)
    j.mark(s, leaves, "done")

    j.mark(s, pay, "started")
    j.wait(minutes=3)
    j.add("info_request.answered", "notes", request=j.refs["ir_reserves"], session=s)
    j.wait(minutes=4)
    j.propose(
        s,
        _EMPLOYER,
        ["5", "Appendix A", "6"],
        "RUSD #8",
        kind="counter",
        summary=(
            "4% on the salary schedule in year one and 3% in year two; the district pays 90% of "
            "family premiums and the full employee-only premium."
        ),
        terms={"salary_pct_y1": 4.0, "salary_pct_y2": 3.0, "family_premium_share_pct": 90.0},
        link="https://www.rusd.example.org/hr/negotiations/RUSD-8-compensation.pdf",
    )
    j.wait(minutes=3)
    j.caucus(s, _UNION, 20, purpose="Answer RUSD #8 tonight, or take it to the executive board?")
    j.wait(minutes=4)
    j.note(
        s,
        "Helen: sites want the 90% premium share locked in for the whole term.",
        visibility="team",
    )
    j.wait(minutes=5)
    j.note(
        s,
        "Priya holds the recap until we decide whether to answer tonight.",
        kind="action",
        visibility="team",
    )
    j.wait(minutes=5)
    j.note(s, "Consensus: answer tonight at 5% and 3.5%, and keep the premium language.")
    j.wait(minutes=4)
    j.end_caucus(s, _UNION)
    j.wait(minutes=2)
    j.propose(
        s,
        _UNION,
        ["5", "Appendix A", "6"],
        "REA #8",
        kind="counter",
        summary=(
            "5% on the salary schedule in year one and 3.5% in year two; the district pays 90% "
            "of family premiums and the full employee-only premium for the whole contract."
        ),
        terms={"salary_pct_y1": 5.0, "salary_pct_y2": 3.5, "family_premium_share_pct": 90.0},
        link=_PDF.format("REA-8-compensation"),
    )
    j.wait(minutes=3)
    j.note(
        s,
        "We will cost this out tonight and answer at the next session.",
        kind="quote",
        speaker=_DISTRICT_CBO,
        party=_EMPLOYER,
    )
    j.wait(minutes=2)
    j.note(
        s,
        "RUSD will bring a written answer on compensation to session 6.",
        kind="commitment",
        speaker=_DISTRICT_LEAD,
        party=_EMPLOYER,
        visibility="members",
    )
    j.wait(minutes=2)
    j.add(
        "info_request.made",
        "lead",
        session=s,
        by=_UNION,
        text="Premium rates for each health plan and coverage tier for the coming plan year",
        due=(today + timedelta(days=14)).isoformat(),
    )
    j.wait(minutes=2)
    j.mark(s, pay, "done")

    j.mark(s, sizes, "started")
    j.wait(minutes=3)
    j.note(
        s,
        "RUSD still has not answered REA #4 on special education caseloads or TK aides; its "
        "staffing data request is overdue.",
        visibility="members",
    )


# ---------------------------------------------------------------------------------------
# The benchmark campaign: Cascade Valley
# ---------------------------------------------------------------------------------------

_LARGE_ARTICLE_TITLES = [
    "Agreement",
    "Recognition",
    "Definitions",
    "Association Rights",
    "District Rights",
    "Organizational Security",
    "Grievance Procedure",
    "Hours of Employment",
    "Class Size",
    "Salary",
    "Health and Welfare Benefits",
    "Leaves of Absence",
    "Sick Leave",
    "Parental Leave",
    "Evaluation",
    "Transfers and Reassignments",
    "Layoff and Reemployment",
    "Safety Conditions",
    "Special Education",
    "Early Childhood Education",
    "Substitute Teachers",
    "Professional Development",
    "Personnel Files",
    "School Calendar",
    "Adult Education",
    "Counselors",
    "School Nurses",
    "School Psychologists",
    "Speech-Language Pathologists",
    "Teacher Librarians",
    "Independent Study",
    "Home and Hospital Instruction",
    "Extra Duty Assignments",
    "Summer School",
    "Peer Assistance and Review",
    "Teacher Induction",
    "Student Discipline",
    "Technology",
    "Academic Freedom",
    "Non-Discrimination",
    "Job Sharing",
    "Part-Time Employment",
    "Retirement Incentives",
    "Early Retirement",
    "School Site Councils",
    "Educational Equity",
    "Newcomer Student Support",
    "Community Schools",
    "Housing Assistance",
    "Concerted Activities",
    "Savings Clause",
    "Duration",
]
_LARGE_ARTICLES: list[tuple[str, str]] = [
    (str(n), title) for n, title in enumerate(_LARGE_ARTICLE_TITLES, start=1)
] + [
    ("Appendix A", "Certificated Salary Schedule"),
    ("Appendix B", "Extra Duty Stipends"),
    ("Appendix C", "Evaluation Forms"),
    ("Appendix D", "Grievance Forms"),
    ("Appendix E", "Leave Request Forms"),
    ("MOU Distance Learning", "Distance Learning"),
    ("MOU Class Size Reduction", "Class Size Reduction Grant"),
    ("MOU Ethnic Studies", "Ethnic Studies"),
]

_LARGE_ROSTER: list[tuple[str, str, str]] = [
    ("Ana Ruiz", "Lead negotiator", "Cascade High School"),
    ("Ben Okoro", "Note-taker", "Pinecrest Elementary"),
    ("Chloe Martin", "Communications lead", "Valley Middle School"),
    ("Dev Patel", "Site rep", "North Fork Elementary"),
    ("Elena Sokolova", "Site rep", "Summit High School"),
    ("Frank Nakamura", "Site rep", "Cascade Adult School"),
    ("Grace Liu", "Site rep (special education)", "Maple Elementary"),
    ("Hector Alvarez", "Site rep", "Riverside Middle School"),
    ("Imani Johnson", "Site rep (counselors)", "Lakeview High School"),
    ("Jorge Medina", "Site rep (TK)", "Cascade Early Learning Center"),
    ("Kim Tran", "Site rep", "Hillside Elementary"),
    ("Lena Fischer", "Site rep (nurses)", "District Health Office"),
]
_LARGE_SPEAKERS = {
    "union": ["Ana Ruiz", "Grace Liu", "Hector Alvarez", "Imani Johnson"],
    "employer": ["Paul Brennan", "Sofia Reyes", "Mark Whitfield"],
}
_LARGE_LOCATIONS = [
    ("CVUSD District Office, Board Room", "in_person"),
    ("Zoom (link texted to members)", "zoom"),
    ("Cascade High School Library and Zoom", "hybrid"),
]
_LARGE_NOTE_TEXTS = [
    "Discussion of Article {a} ({t}); both teams asked clarifying questions.",
    "Members watching asked how Article {a} ({t}) affects their site.",
    "{side} explained the cost estimate behind its position on Article {a}.",
    "Observers in the chat shared examples from their classrooms about {t}.",
    "{side} said it will review the language on {t} with its full team.",
    "The table spent several minutes on the definitions in Article {a}.",
    "Both sides agreed the current wording of Article {a} is unclear.",
]
_LARGE_QUOTES = [
    "Our students notice every time {t} is left to chance.",
    "We need a number on {t} we can take to our board.",
    "Article {a} has not changed in ten years; the classrooms have.",
    "We are close on {t}; give us until the next session.",
]
_LARGE_COMMITMENTS = [
    "{side} will bring written language on Article {a} ({t}) to the next session.",
    "{side} will send its costing of Article {a} by Friday.",
    "{side} will answer the question on {t} in writing.",
]
_LARGE_ACTIONS = [
    "Check the member survey for comments on {t}.",
    "Draft the recap paragraph on Article {a}.",
    "Ask site reps for examples about {t} before the next session.",
    "Compare neighbouring districts' language on {t}.",
]
_LARGE_TEAM_NOTES = [
    "In caucus: our priority on Article {a} is unchanged.",
    "In caucus: we can move on {t} if they move on salary.",
    "In caucus: hold Article {a} until the district answers our data request.",
]
_LARGE_REQUESTS = [
    "Staffing by site for {t}",
    "Five-year cost history for Article {a} ({t})",
    "Vacancies and long-term substitutes by site",
    "Enrollment projections by school for next year",
    "Budget detail behind the district's position on {t}",
]
_LARGE_CAUCUS_SIDES = [
    "union",
    "employer",
    "union",
    "employer",
    "joint",
    "union",
    "employer",
    "union",
]
_LARGE_START = date(2024, 1, 8)
_LARGE_SESSIONS = 150
_LARGE_SEED = 20240108
_LARGE_AGREED = 40


def large_demo_events() -> Iterator[dict[str, object]]:
    """The benchmark campaign's journal, one event at a time in journal order.

    A fictional Cascade Valley Education Association (CVEA) and Cascade Valley Unified
    School District (CVUSD) bargain over 150 sessions (Mondays and Thursdays from
    2024-01-08, 16:30 local time): 60 articles; 150 sessions, each scheduled, started and
    ended, with 3 agenda items and attendance; 3,000 proposals (20 a session, sides mostly
    alternating, some packages, a few supposals and withdrawals); TAs over time until 40
    articles are agreed; 1,200 caucuses (8 a session, one at a time, all ended, some
    extended); 40,000 notes (266 or 267 a session); 300 information requests (2 a session,
    half answered in a later session). It is the same every time: a fixed seed and a fixed
    start date, independent of today.
    """
    return _LargeCampaign().events()


class _LargeCampaign:
    def __init__(self) -> None:
        self.rng = random.Random(_LARGE_SEED)
        self.j = _Journal(width=6)
        self.titles = dict(_LARGE_ARTICLES)
        self.open_articles = [number for number, _ in _LARGE_ARTICLES]
        self.touched: set[str] = set()
        self.holder: dict[str, str] = {}
        self.last_touch: dict[str, str] = {}
        self.packages: list[str] = []
        self.labels = {"union": 0, "employer": 0}
        self.supposals = 0
        self.pending_answers: dict[int, list[str]] = {}
        self.agreed_count = 0
        self.withdrawn: set[str] = set()
        self.session_proposals: list[str] = []
        self.session_caucuses = 0
        self.session_requests = 0

    # -- the calendar ------------------------------------------------------------------
    @staticmethod
    def day_of(session: int) -> date:
        week, second = divmod(session - 1, 2)
        return _LARGE_START + timedelta(days=7 * week + (3 if second else 0))

    def starts_of(self, session: int) -> datetime:
        return _local(self.day_of(session), 16, 30)

    def location_of(self, session: int) -> tuple[str, str]:
        return _LARGE_LOCATIONS[session % len(_LARGE_LOCATIONS)]

    def kind_of(self, session: int) -> str:
        if session % 25 == 0:
            return "mediation"
        if session % 30 == 0:
            return "fact_finding"
        return "regular"

    def schedule(self, session: int) -> None:
        location, mode = self.location_of(session)
        kind = self.kind_of(session)
        self.j.add(
            "session.scheduled",
            "lead",
            session=session,
            starts=self.starts_of(session).isoformat(),
            location=location,
            mode=mode,
            kind=kind,
            mediator="Teresa Okafor" if kind == "mediation" else None,
        )

    # -- the whole campaign ------------------------------------------------------------
    def events(self) -> Iterator[Event]:
        j = self.j
        j.set(_local(_LARGE_START - timedelta(days=6), 18, 0))
        j.add(
            "campaign.created",
            "lead",
            union={"name": "Cascade Valley Education Association", "short": "CVEA"},
            employer={"name": "Cascade Valley Unified School District", "short": "CVUSD"},
            timezone=TIMEZONE,
            title="Successor contract 2023-2026 (benchmark)",
            our_side="union",
        )
        for name, role, site in _LARGE_ROSTER:
            j.wait(seconds=20)
            j.add("member.added", "lead", name=name, role=role, site=site)
        for number, title in _LARGE_ARTICLES:
            j.wait(seconds=10)
            j.article(number, title)
        j.wait(minutes=1)
        self.schedule(1)
        yield from j.events
        j.events.clear()
        for session in range(1, _LARGE_SESSIONS + 1):
            self.session(session)
            yield from j.events
            j.events.clear()

    def step(self) -> None:
        self.j.wait(seconds=self.rng.randint(12, 40))

    def session(self, s: int) -> None:
        j, rng = self.j, self.rng
        j.set(self.starts_of(s) + timedelta(minutes=rng.randint(0, 6)))
        j.add("session.started", "lead", session=s)
        self.step()
        present = [name for name, _, _ in _LARGE_ROSTER if rng.random() < 0.85]
        j.add(
            "attendance.recorded",
            "notes",
            session=s,
            present=present,
            observers=rng.randint(20, 300),
            sites=rng.randint(3, 40),
        )
        for position in range(3):
            self.step()
            articles = rng.sample(self.open_articles, k=min(2, len(self.open_articles)))
            j.item(
                s,
                "; ".join(f"Article {a}, {self.titles[a]}" for a in articles),
                30 + 15 * position,
                articles,
            )

        # The session's blocks, shuffled: 20 proposals, 8 caucuses, 2 information requests,
        # the answers due tonight, the TAs that keep pace with the target, and now and then a
        # withdrawal at the end. Notes are spread between the blocks and inside caucuses.
        target = round(_LARGE_AGREED * max(0, s - 5) / (_LARGE_SESSIONS - 5))
        blocks: list[str] = ["P"] * 20 + ["C"] * 8 + ["R", "R"]
        rng.shuffle(blocks)
        answers = self.pending_answers.pop(s, [])
        for _ in range(max(0, target - self.agreed_count)):
            blocks.insert(rng.randint(1, len(blocks)), "T")
        for _ in answers:
            blocks.insert(rng.randint(0, len(blocks)), "A")
        if s % 10 == 5:
            blocks.append("W")
        notes_total = 266 if s % 3 == 0 else 267
        in_caucus = 12
        spread, extra = divmod(notes_total - 8 * in_caucus, len(blocks))
        thirds = (len(blocks) + 2) // 3
        self.session_proposals = []
        self.session_caucuses = 0
        self.session_requests = 0
        for index, block in enumerate(blocks):
            if index % thirds == 0:
                if index:
                    self.step()
                    j.mark(s, index // thirds, "done")
                self.step()
                j.mark(s, index // thirds + 1, "started")
            for _ in range(spread + (1 if index < extra else 0)):
                self.step()
                self.note(s, team_time=False)
            if block == "P":
                self.step()
                self.proposal(s)
            elif block == "C":
                self.caucus(s, in_caucus)
            elif block == "R":
                self.step()
                self.request(s)
            elif block == "A":
                self.step()
                j.add("info_request.answered", "notes", request=answers.pop(0), session=s)
            elif block == "T":
                self.step()
                self.ta(s, target)
            elif block == "W":
                self.step()
                self.withdraw()
        self.step()
        j.mark(s, 3, "done")
        self.step()
        if s < _LARGE_SESSIONS:
            self.schedule(s + 1)
            self.step()
            location, _ = self.location_of(s + 1)
            j.add(
                "session.ended",
                "lead",
                session=s,
                next={"starts": self.starts_of(s + 1).isoformat(), "location": location},
                call_to_action=f"Join us for session {s + 1}; bring a colleague.",
            )
        else:
            j.add(
                "session.ended",
                "lead",
                session=s,
                call_to_action="Watch for the ratification vote schedule.",
            )

    # -- the blocks --------------------------------------------------------------------
    def pick_article(self) -> str:
        return self.rng.choice(self.open_articles)

    def note(self, s: int, *, team_time: bool) -> None:
        rng = self.rng
        number = self.pick_article()
        side = rng.choice(("union", "employer"))
        words = {
            "a": number,
            "t": self.titles[number],
            "side": "CVEA" if side == "union" else "CVUSD",
        }
        roll = rng.random()
        if team_time:
            visibility = "team" if rng.random() < 0.7 else None
            kind = "action" if roll < 0.2 else "note"
            template = rng.choice(_LARGE_ACTIONS if kind == "action" else _LARGE_TEAM_NOTES)
            self.j.note(s, template.format(**words), kind=kind, visibility=visibility)
            return
        vis_roll = rng.random()
        visibility = "members" if vis_roll < 0.6 else ("team" if vis_roll < 0.7 else None)
        if roll < 0.6:
            self.j.note(s, rng.choice(_LARGE_NOTE_TEXTS).format(**words), visibility=visibility)
        elif roll < 0.75:
            self.j.note(
                s,
                rng.choice(_LARGE_QUOTES).format(**words),
                kind="quote",
                speaker=rng.choice(_LARGE_SPEAKERS[side]),
                party=side,
                visibility=visibility,
            )
        elif roll < 0.85:
            self.j.note(
                s,
                rng.choice(_LARGE_COMMITMENTS).format(**words),
                kind="commitment",
                speaker=rng.choice(_LARGE_SPEAKERS[side]),
                party=side,
                visibility=visibility,
            )
        else:
            self.j.note(
                s, rng.choice(_LARGE_ACTIONS).format(**words), kind="action", visibility="team"
            )

    def proposal(self, s: int) -> None:
        rng, j = self.rng, self.j
        n = len(self.session_proposals)
        side = "union" if n % 2 == 0 else "employer"
        if rng.random() < 0.1:
            side = "employer" if side == "union" else "union"
        short = "CVEA" if side == "union" else "CVUSD"
        roll = rng.random()
        if s <= 2:
            kind = "initial"
        elif roll < 0.01:
            kind = "supposal"
        elif roll < 0.1:
            kind = "package"
        else:
            kind = "counter"
        size = rng.randint(2, 3) if kind == "package" else 1
        held = [a for a in self.open_articles if self.holder.get(a) == side]
        if kind != "package" and held and rng.random() < 0.7:
            articles = [rng.choice(held)]
        else:
            articles = rng.sample(self.open_articles, k=size)
        if kind == "supposal":
            self.supposals += 1
            label = f"{short} supposal {self.supposals}"
        else:
            self.labels[side] += 1
            label = f"{short} #{self.labels[side]}"
            if kind == "package":
                label += " (package)"
        terms: dict[str, float] | None = None
        if "10" in articles or "Appendix A" in articles:
            y1 = round(rng.uniform(1.0, 8.0), 1)
            terms = {"salary_pct_y1": y1, "salary_pct_y2": round(max(0.0, y1 - 1.0), 1)}
        elif "9" in articles:
            terms = {"class_size_tk3": float(rng.randint(20, 28))}
        titles = ", ".join(self.titles[a] for a in articles)
        event_id = j.propose(
            s,
            side,
            articles,
            label,
            kind=kind,
            summary=f"{short} position on {titles}.",
            internal_note=(
                "Hold firm here until the district answers." if rng.random() < 0.1 else None
            ),
            embargoed=True if self.kind_of(s) == "mediation" and rng.random() < 0.3 else None,
            link=(
                f"https://cvea.example.org/proposals/{label.split(' (')[0].replace(' ', '-')}.pdf"
                if rng.random() < 0.2
                else None
            ),
            terms=terms,
        )
        self.session_proposals.append(event_id)
        if kind != "supposal":
            other = "employer" if side == "union" else "union"
            for a in articles:
                self.holder[a] = other
                self.touched.add(a)
                self.last_touch[a] = event_id
            if kind == "package":
                self.packages.append(event_id)

    def caucus(self, s: int, notes: int) -> None:
        rng, j = self.rng, self.j
        side = _LARGE_CAUCUS_SIDES[self.session_caucuses % len(_LARGE_CAUCUS_SIDES)]
        self.session_caucuses += 1
        minutes = rng.choice((10, 15, 20))
        self.step()
        purpose = None
        if side != "employer" and rng.random() < 0.5:
            purpose = "Review the district's latest proposals."
        j.caucus(s, side, minutes, purpose=purpose)
        extend_at = notes // 2 if rng.random() < 0.25 else -1
        team_time = side in ("union", "joint")
        gap = minutes * 60 / (notes + 1)
        for k in range(notes):
            j.wait(seconds=round(gap * rng.uniform(0.8, 1.2)))
            if k == extend_at:
                j.extend(s, side, 5)
                j.wait(seconds=150)
            self.note(s, team_time=team_time)
        j.wait(seconds=round(gap))
        j.end_caucus(s, side)

    def request(self, s: int) -> None:
        rng, j = self.rng, self.j
        number = self.pick_article()
        text = rng.choice(_LARGE_REQUESTS).format(a=number, t=self.titles[number])
        due = None
        if rng.random() < 0.6:
            due = (self.day_of(s) + timedelta(days=rng.randint(7, 28))).isoformat()
        by = "union" if rng.random() < 0.8 else "employer"
        event_id = j.add("info_request.made", "notes", session=s, by=by, text=text, due=due)
        first = self.session_requests == 0
        self.session_requests += 1
        if not first:
            return
        if s == _LARGE_SESSIONS:
            self.step()
            j.add("info_request.answered", "notes", request=event_id, session=s)
            return
        later = s + rng.randint(1, min(4, _LARGE_SESSIONS - s))
        self.pending_answers.setdefault(later, []).append(event_id)

    def ta(self, s: int, target: int) -> None:
        rng, j = self.rng, self.j
        if self.agreed_count >= target:
            return
        initials = {"union": "AR", "employer": "PB"}
        if rng.random() < 0.5:
            for proposal in reversed(self.packages):
                articles = j.proposals[proposal]["articles"]
                assert isinstance(articles, list)
                if (
                    proposal not in self.withdrawn
                    and all(self.last_touch.get(a) == proposal for a in articles)
                    and all(a not in j.agreed for a in articles)
                    and self.agreed_count + len(articles) <= _LARGE_AGREED
                ):
                    j.ta(s, initials, proposal=proposal, summary="Package agreed as passed.")
                    self.after_ta(articles)
                    return
        candidates = [a for a in self.open_articles if a in self.touched] or self.open_articles
        number = rng.choice(candidates)
        j.ta(s, initials, articles=[number], summary=f"{self.titles[number]}: agreed language.")
        self.after_ta([number])

    def after_ta(self, articles: list[str]) -> None:
        for a in articles:
            self.open_articles.remove(a)
            self.holder.pop(a, None)
        self.agreed_count += len(articles)

    def withdraw(self) -> None:
        j = self.j
        for proposal in reversed(self.session_proposals):
            event = j.proposals[proposal]
            articles = event["articles"]
            assert isinstance(articles, list)
            if (
                proposal not in self.withdrawn
                and event["kind"] != "supposal"
                and all(a not in j.agreed for a in articles)
            ):
                j.withdraw(proposal)
                self.withdrawn.add(proposal)
                return


def build_demo(path: Path, *, large: bool = False, now: datetime | None = None) -> int:
    """Write a demo campaign into a fresh database at `path`, replacing any file there.

    The small demo is moved so that its fifth session is live at `now` (default: this
    instant); `large` writes the benchmark campaign. Returns the number of events.
    """
    from models.errors import DomainError
    from models.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    moment = now if now is not None else datetime.now(UTC)
    events = large_demo_events() if large else live_demo_events(moment)
    try:
        with Store(path, create=True, seat="demo") as store:
            return store.record_numbered(enumerate(events, start=1))
    except DomainError:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise


def live_demo_events(now: datetime) -> list[dict[str, object]]:
    """The small demo moved in time so that its fifth session is live at `now`.

    Every instant moves by the same amount, so the last event lands two minutes before `now`;
    due dates move by the same number of days.
    """
    events = demo_events(now.astimezone(_TZ).date())
    last = max(datetime.fromisoformat(str(event["at"])) for event in events)
    shift = now - timedelta(minutes=2) - last
    return [_shifted(event, shift) for event in events]


def _shifted(event: dict[str, object], shift: timedelta) -> dict[str, object]:
    def move(text: object) -> str:
        return (datetime.fromisoformat(str(text)) + shift).astimezone(_TZ).isoformat()

    moved = dict(event)
    for key in ("at", "starts"):
        if key in moved:
            moved[key] = move(moved[key])
    upcoming = moved.get("next")
    if isinstance(upcoming, dict) and "starts" in upcoming:
        moved["next"] = {**upcoming, "starts": move(upcoming["starts"])}
    if "due" in moved:
        days = timedelta(days=round(shift / timedelta(days=1)))
        moved["due"] = (date.fromisoformat(str(moved["due"])) + days).isoformat()
    return moved
