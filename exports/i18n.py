"""The recap's words in one language: labels, sentences, dates and times.

Every sentence is an English gettext message (`_`, `ngettext`, `pgettext`) translated through
the language's catalog (see `exports.catalog`); a message without a translation stays English.
Dates and times: Babel (CLDR) for the language, in the campaign's timezone. A message whose
hour decides its grammar ("a la 1:19", "a las 2:19") is a plural on the hour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from exports.catalog import SOURCE_LANG, _fill, _locale, languages, translations, user_locale_dir
from exports.labels import LABELS

if TYPE_CHECKING:
    from babel.core import Locale

    from models.recap import (
        RecapArticleRef,
        RecapCaucus,
        RecapCaucusSide,
        RecapInfoRequest,
        RecapSnapshot,
    )

_Day = date | datetime  # a calendar day, or an instant whose (local) day is meant
_PATTERN = "date pattern"  # the context of a CLDR date pattern a catalog may translate
_SPACES = str.maketrans({"\u202f": " ", "\u00a0": " "})  # plain text keeps plain spaces


class Words:
    """Words, dates and sentences in one language (English when no catalog translates)."""

    def __init__(self, code: str = SOURCE_LANG, user_dir: Path | None = None) -> None:
        self.code = code
        self._t = translations(code, user_dir)
        self.labels: dict[str, str] = {key: self._t.gettext(text) for key, text in LABELS.items()}

    # -- messages -------------------------------------------------------------------------
    def _(self, message: str, **values: object) -> str:
        return _fill(self._t.gettext(message), message, values)

    def _n(self, singular: str, plural: str, n: int, **values: object) -> str:
        english = singular if n == 1 else plural
        return _fill(self._t.ngettext(singular, plural, n), english, {"n": n, **values})

    def _p(self, context: str, message: str, **values: object) -> str:
        return _fill(self._t.pgettext(context, message), message, values)

    def _at(self, singular: str, moment: datetime, **values: object) -> str:
        """A message with `{time}` in it, whose grammar follows the hour on the clock."""
        hour = moment.hour % 12 or 12
        return self._n(singular, singular, hour, time=self.time(moment), **values)

    # -- dates and times ------------------------------------------------------------------
    @property
    def locale(self) -> Locale:
        return _locale(self.code)

    def _format(self, moment: _Day, pattern: str, skeleton: str = "") -> str:
        """`moment` by the catalog's pattern; by CLDR's `skeleton` when it has none."""
        from babel.dates import format_datetime, format_skeleton

        translated = self._t.pgettext(_PATTERN, pattern)
        if skeleton and translated == pattern and self.code != SOURCE_LANG:
            text = format_skeleton(skeleton, moment, locale=self.locale)
        else:
            text = format_datetime(moment, translated, locale=self.locale)
        return text.translate(_SPACES)

    def date(self, day: _Day) -> str:
        """March 22, 2026"""
        from babel.dates import format_date

        return format_date(day, "long", locale=self.locale).translate(_SPACES)

    def long_date(self, day: _Day) -> str:
        """Sunday, March 22, 2026"""
        from babel.dates import format_date

        return format_date(day, "full", locale=self.locale).translate(_SPACES)

    def day_month(self, day: _Day) -> str:
        """March 22"""
        from babel.dates import format_skeleton

        return format_skeleton("MMMMd", day, locale=self.locale).translate(_SPACES)

    def short_date(self, day: _Day, year: bool = False) -> str:
        """Mar 22 (Mar 22, 2026 with the year)"""
        if year:
            return self._format(day, "MMM d, y", "yMMMd")
        return self._format(day, "MMM d", "MMMd")

    def time(self, moment: datetime) -> str:
        """4:30 PM"""
        return self._format(moment, "h:mm a")

    def when(self, moment: datetime) -> str:
        """Sunday, March 29, 2026, 4:30 PM"""
        return self._("{date}, {time}", date=self.long_date(moment), time=self.time(moment))

    def since(self, moment: datetime, session_day: _Day) -> str:
        """A board's "since": the time on the session's day, else the date."""
        if moment.date() == session_day:
            return self._("{date}, {time}", date=self.short_date(moment), time=self.time(moment))
        return self.short_date(moment, year=moment.year != session_day.year)

    def duration(self, minutes: int) -> str:
        """2 h 5 min, 45 min, 2 h (unit symbols, the same in every language)"""
        hours, rest = divmod(max(minutes, 0), 60)
        if hours and rest:
            return f"{hours} h {rest} min"
        return f"{hours} h" if hours else f"{rest} min"

    # -- lists ----------------------------------------------------------------------------
    def join(self, items: Sequence[str]) -> str:
        """a; a and b; a, b, and c (the conjunction as the language writes it)"""
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        last = items[-1]
        # Spanish writes "e" for "y" before an i sound (i-, hi-, but not hie- or hia-).
        sound = last[:2].lower().lstrip("h")[:1] == "i" and last[:3].lower() not in ("hie", "hia")
        first, rest = items[0], ", ".join(items[:-1])
        if len(items) == 2 and sound:
            return self._p("list, before an i sound", "{first} and {last}", first=first, last=last)
        if len(items) == 2:
            return self._p("list", "{first} and {last}", first=first, last=last)
        if sound:
            return self._p("list, before an i sound", "{rest}, and {last}", rest=rest, last=last)
        return self._p("list", "{rest}, and {last}", rest=rest, last=last)

    def article(self, ref: RecapArticleRef) -> str:
        """5 (Salary); MOU Distance Learning (a title the number already says is left out)"""
        if not ref.title or ref.title.casefold() in ref.number.casefold():
            return ref.number
        return f"{ref.number} ({ref.title})"

    def articles(self, refs: Sequence[RecapArticleRef]) -> str:
        """Articles 5 (Salary) and 6 (Benefits); Appendix A (Salary Schedule)"""
        if not refs:
            return ""
        listed = self.join([self.article(r) for r in refs])
        if not refs[0].number[:1].isdigit():
            return listed
        return self._n("Article {list}", "Articles {list}", len(refs), list=listed)

    # -- sentences ------------------------------------------------------------------------
    def passes(self, union: str, n_union: int, employer: str, n_employer: int) -> str:
        if not n_union and not n_employer:
            return self._("Neither side passed a proposal.")
        if n_union and n_employer:
            return self._n(
                "{union} passed {n} proposal and {employer} passed {m}.",
                "{union} passed {n} proposals and {employer} passed {m}.",
                n_union,
                union=union,
                employer=employer,
                m=n_employer,
            )
        who, n = (union, n_union) if n_union else (employer, n_employer)
        other = employer if n_union else union
        return self._n(
            "{who} passed {n} proposal; {other} passed none.",
            "{who} passed {n} proposals; {other} passed none.",
            n,
            who=who,
            other=other,
        )

    def caucus_side(self, side: RecapCaucusSide, caucuses: Sequence[RecapCaucus]) -> str:
        parts = [self._n("{n} caucus", "{n} caucuses", side.count)]
        returned = [c for c in caucuses if c.returned and not c.still_out]
        if returned:
            minutes = sum(c.minutes for c in returned)
            parts.append(self._("{duration} in all", duration=self.duration(minutes)))
        if side.overruns:
            parts.append(
                self._n(
                    "ran over by {duration}",
                    "{n} ran over by {duration}",
                    side.overruns,
                    duration=self.duration(side.overrun_minutes),
                )
            )
        for caucus in caucuses:
            if not caucus.returned:
                parts.append(self._at("left at {time} and did not return", caucus.started_at))
            elif caucus.still_out:
                parts.append(self._at("out since {time}", caucus.started_at))
                parts.append(self._at("due back at {time}", caucus.due_back))
        return ", ".join(parts) + "."

    def caucus_detail(self, caucus: RecapCaucus) -> str:
        planned = self.duration(caucus.planned_minutes)
        if caucus.extended_minutes:
            extended = self.duration(caucus.extended_minutes)
            planned = self._("{planned} + {extended} extended", planned=planned, extended=extended)
        start = self.time(caucus.started_at)
        if caucus.ended_at is not None:
            span = f"{start}–{self.time(caucus.ended_at)}"
        elif caucus.still_out:
            span = self._("{start}, still out", start=start)
        else:
            span = self._("{start}, did not return", start=start)
        return self._("{span} ({planned} called)", span=span, planned=planned)

    def request_answered(self, request: RecapInfoRequest, union: str, employer: str) -> str:
        asker, other = (union, employer) if request.by == "union" else (employer, union)
        return self._(
            "{other} answered {asker}'s request of {date}",
            other=other,
            asker=asker,
            date=self.short_date(request.made_at),
        )

    def request_open(self, request: RecapInfoRequest, union: str, employer: str) -> str:
        asker, other = (union, employer) if request.by == "union" else (employer, union)
        if request.age_days == 0:
            age = self._("today")
        else:
            age = self._n("{n} day ago", "{n} days ago", request.age_days)
        text = self._(
            "{asker} asked {other} on {date} ({age})",
            asker=asker,
            other=other,
            date=self.short_date(request.made_at),
            age=age,
        )
        if request.due is not None:
            text += self._(", due {date}", date=self.short_date(request.due))
        return text

    def overdue(self, request: RecapInfoRequest) -> str:
        return self._n("overdue by {n} day", "overdue by {n} days", request.days_overdue)

    def attendance(self, observers: int, sites: int) -> str:
        people = self._n("{n} observer", "{n} observers", observers)
        places = self._n("{n} site", "{n} sites", sites)
        if observers and sites:
            return self._n(
                "{observers} from {sites} watched the session.",
                "{observers} from {sites} watched the session.",
                observers,
                observers=people,
                sites=places,
            )
        if observers:
            return self._n(
                "{observers} watched the session.",
                "{observers} watched the session.",
                observers,
                observers=people,
            )
        if sites:
            return self._("Members from {sites} watched the session.", sites=places)
        return ""

    def running_note(self, as_of: datetime) -> str:
        text = self._at("Still under way: this recap covers the session up to {time}.", as_of)
        return text[:-1] if text.endswith("..") else text  # "6:00 p. m." ends its sentence

    def with_mediator(self, kind: str, mediator: str) -> str:
        return self._("{kind} with {mediator}", kind=kind, mediator=mediator)

    def team_present(self, names: Sequence[str]) -> str:
        return self._("At the table for the team: {names}.", names=self.join(list(names)))

    def withdrawal(self, short: str, label: str, articles: str) -> str:
        if not label:
            return self._(
                "{short} withdrew a proposal ({withheld})",
                short=short,
                withheld=self.labels["withheld"],
            )
        if not articles:
            return self._("{short} withdrew {label}", short=short, label=label)
        return self._(
            "{short} withdrew {label}: {articles}", short=short, label=label, articles=articles
        )

    def who(self, speaker: str, party: str) -> str:
        return ", ".join(part for part in (speaker, party) if part)

    def subject(self, recap: RecapSnapshot) -> str:
        word = self.labels["subject_team" if recap.audience == "team" else "subject"]
        return self._(
            "{word}: Session {number}, {day}",
            word=word,
            number=recap.session.number,
            day=self.day_month(recap.session.started_at),
        )

    # -- the text blast -------------------------------------------------------------------
    def sms_when(self, moment: datetime) -> str:
        """Sun Mar 29, 4:30 PM"""
        return self._format(moment, "EEE MMM d, h:mm a")

    def sms_holds(self, short: str, articles: str) -> str:
        return self._("{short} to answer on {articles}.", short=short, articles=articles)

    def more(self, shown: Sequence[str], n: int) -> str:
        return self._("{shown} and {n} more", shown=", ".join(shown), n=n)


def language(code: str, user_dir: Path | None = None) -> Words:
    """The words of one language: "en" (the source) or a language with a catalog."""
    return _words(code, user_dir if user_dir is not None else user_locale_dir())


@lru_cache(maxsize=16)
def _words(code: str, user_dir: Path) -> Words:
    words = Words(code, user_dir)
    _locale(code)  # refuse a catalog that Babel cannot date before anything is rendered
    return words


__all__ = ["Words", "language", "languages"]
