"""The recap's words in English and Spanish: headings, labels, sentences, dates and times.

Dates and times are shown in the campaign's timezone (the snapshot holds them converted), the
way each language writes them: "March 22, 2026" and "4:30 PM" in English, "22 de marzo de
2026" and "4:30 p. m." in Spanish. Sentences with counts are built here, one method per
sentence, so each language can order its words its own way.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.recap import (
        RecapArticleRef,
        RecapCaucus,
        RecapCaucusSide,
        RecapInfoRequest,
        RecapSnapshot,
    )

LANGS = ("en", "es")

_Day = date | datetime  # a calendar day, or an instant whose (local) day is meant

_EN_LABELS: dict[str, str] = {
    "update": "Bargaining update",
    "team_minutes": "Team minutes",
    "session": "Session",
    "team_banner": (
        "Team minutes: not for members. They include team-only notes, internal notes, caucus "
        "purposes, supposals and embargoed details."
    ),
    "team_only": "Team only",
    "embargoed": "Embargoed: do not publish",
    "internal_note": "Internal note",
    "purpose": "Purpose",
    "at_a_glance": "At a glance",
    "tas": "Tentative agreements",
    "no_tas": "No TAs today.",
    "conditional": "Conditional on the package",
    "from_proposal": "From",
    "proposals": "Proposals passed",
    "no_proposals": "No proposals were passed today.",
    "withheld": "details withheld under the ground rules",
    "read_proposal": "Read the proposal",
    "withdrawn_today": "Withdrawn today",
    "standings": "Where things stand",
    "no_articles": "No article has been opened yet.",
    "col_article": "Article",
    "col_title": "Title",
    "col_status": "Status",
    "col_holder": "Ball in court",
    "col_since": "Since",
    "status_open": "Open",
    "status_ta": "TA'd",
    "status_not_opened": "Not opened",
    "moved_today": "moved today",
    "caucuses": "Caucuses",
    "no_caucuses": "No caucuses today.",
    "joint": "Joint sidebar",
    "mediator": "the mediator",
    "notes": "Quotes and notes",
    "no_notes": "No quotes or notes today.",
    "kind_commitment": "Commitment",
    "kind_action": "Action",
    "requests": "Information requests",
    "answered_today": "Answered today",
    "still_open": "Still open",
    "no_requests": "No information requests are open.",
    "no_open_requests": "No other information requests are open.",
    "overdue": "overdue",
    "attendance": "Attendance",
    "no_attendance": "No attendance was recorded.",
    "next_session": "Next session",
    "no_next": "The next session has not been scheduled yet.",
    "call_to_action": "What you can do",
    "footer": (
        "TAs are tentative agreements: nothing is final until members vote to ratify the "
        "whole agreement."
    ),
    "as_of_running": "Still under way: this recap covers the session up to",
    "kind_initial": "opening proposal",
    "kind_counter": "counterproposal",
    "kind_package": "package",
    "kind_supposal": "supposal, off the record",
    "mode_zoom": "On Zoom",
    "session_mediation": "Mediation session",
    "session_fact_finding": "Fact-finding hearing",
    "with": "with",
    "subject": "Bargaining update",
    "subject_team": "Team minutes (team only, do not forward)",
    "sender_placeholder": "Set the recap sender <sender@example.invalid>",
    "recipients_placeholder": "Set the recap recipients <members@example.invalid>",
    "sms_next": "Next",
    "sms_no_next": "Next session: to be set.",
}

_ES_LABELS: dict[str, str] = {
    "update": "Novedades de la negociación",
    "team_minutes": "Acta del equipo",
    "session": "sesión",
    "team_banner": (
        "Acta del equipo: no es para los miembros. Incluye notas internas del equipo, notas "
        "internas de las propuestas, motivos de los caucus, supuestos y detalles bajo embargo."
    ),
    "team_only": "Solo el equipo",
    "embargoed": "Bajo embargo: no publicar",
    "internal_note": "Nota interna",
    "purpose": "Motivo",
    "at_a_glance": "En resumen",
    "tas": "Acuerdos tentativos (AT)",
    "no_tas": "Hoy no hubo AT.",
    "conditional": "Condicionado al paquete",
    "from_proposal": "De",
    "proposals": "Propuestas presentadas",
    "no_proposals": "Hoy no se presentaron propuestas.",
    "withheld": "detalles reservados según las reglas básicas",
    "read_proposal": "Leer la propuesta",
    "withdrawn_today": "Retiradas hoy",
    "standings": "Dónde estamos",
    "no_articles": "Todavía no se ha abierto ningún artículo.",
    "col_article": "Artículo",
    "col_title": "Título",
    "col_status": "Estado",
    "col_holder": "Le toca a",
    "col_since": "Desde",
    "status_open": "Abierto",
    "status_ta": "Con AT",
    "status_not_opened": "Sin abrir",
    "moved_today": "se movió hoy",
    "caucuses": "Caucus",
    "no_caucuses": "Hoy no hubo caucus.",
    "joint": "Reunión conjunta",
    "mediator": "la mediadora o el mediador",
    "notes": "Citas y notas",
    "no_notes": "Hoy no hubo citas ni notas.",
    "kind_commitment": "Compromiso",
    "kind_action": "Tarea",
    "requests": "Solicitudes de información",
    "answered_today": "Respondidas hoy",
    "still_open": "Pendientes",
    "no_requests": "No hay solicitudes de información pendientes.",
    "no_open_requests": "No hay otras solicitudes de información pendientes.",
    "overdue": "vencida",
    "attendance": "Asistencia",
    "no_attendance": "No se registró la asistencia.",
    "next_session": "Próxima sesión",
    "no_next": "Todavía no se ha fijado la próxima sesión.",
    "call_to_action": "Qué puedes hacer",
    "footer": (
        "Los AT son acuerdos tentativos: nada es definitivo hasta que los miembros voten para "
        "ratificar el acuerdo completo."
    ),
    "as_of_running": "Sesión en curso: este resumen cubre la sesión hasta las",
    "kind_initial": "propuesta inicial",
    "kind_counter": "contrapropuesta",
    "kind_package": "paquete",
    "kind_supposal": "supuesto, extraoficial",
    "mode_zoom": "Por Zoom",
    "session_mediation": "Sesión de mediación",
    "session_fact_finding": "Audiencia de determinación de hechos",
    "with": "con",
    "subject": "Novedades de la negociación",
    "subject_team": "Acta del equipo (solo para el equipo, no reenviar)",
    "sender_placeholder": "Indique el remitente del resumen <sender@example.invalid>",
    "recipients_placeholder": "Indique los destinatarios <members@example.invalid>",
    "sms_next": "Próxima",
    "sms_no_next": "Próxima sesión: por fijar.",
}


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class English:
    """Words, dates and sentences in English."""

    code = "en"
    labels = _EN_LABELS
    months = (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    )  # fmt: skip
    weekdays = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

    # -- dates and times ------------------------------------------------------------------
    def date(self, day: _Day) -> str:
        """March 22, 2026"""
        return f"{self.months[day.month - 1]} {day.day}, {day.year}"

    def long_date(self, day: _Day) -> str:
        """Sunday, March 22, 2026"""
        return f"{self.weekdays[day.weekday()]}, {self.date(day)}"

    def day_month(self, day: _Day) -> str:
        """March 22"""
        return f"{self.months[day.month - 1]} {day.day}"

    def short_date(self, day: _Day, year: bool = False) -> str:
        """Mar 22 (Mar 22, 2026 with the year)"""
        text = f"{self.months[day.month - 1][:3]} {day.day}"
        return f"{text}, {day.year}" if year else text

    def time(self, moment: datetime) -> str:
        """4:30 PM"""
        hour = moment.hour % 12 or 12
        return f"{hour}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"

    def when(self, moment: datetime) -> str:
        """Sunday, March 29, 2026, 4:30 PM"""
        return f"{self.long_date(moment)}, {self.time(moment)}"

    def since(self, moment: datetime, session_day: _Day) -> str:
        """A board's "since": the time on the session's day, else the date."""
        if moment.date() == session_day:
            return f"{self.short_date(moment)}, {self.time(moment)}"
        return self.short_date(moment, year=moment.year != session_day.year)

    def duration(self, minutes: int) -> str:
        """2 h 5 min, 45 min, 2 h"""
        hours, rest = divmod(max(minutes, 0), 60)
        if hours and rest:
            return f"{hours} h {rest} min"
        return f"{hours} h" if hours else f"{rest} min"

    # -- lists ----------------------------------------------------------------------------
    def join(self, items: Sequence[str]) -> str:
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        if len(items) == 2:
            return f"{items[0]} and {items[1]}"
        return ", ".join(items[:-1]) + f", and {items[-1]}"

    def article(self, ref: RecapArticleRef) -> str:
        """5 (Salary); MOU Distance Learning (a title the number already says is left out)"""
        if not ref.title or ref.title.casefold() in ref.number.casefold():
            return ref.number
        return f"{ref.number} ({ref.title})"

    article_word = ("Article", "Articles")

    def articles(self, refs: Sequence[RecapArticleRef]) -> str:
        """Articles 5 (Salary) and 6 (Benefits); Appendix A (Salary Schedule)"""
        if not refs:
            return ""
        listed = self.join([self.article(r) for r in refs])
        if not refs[0].number[:1].isdigit():
            return listed
        return f"{self.article_word[len(refs) > 1]} {listed}"

    # -- sentences ------------------------------------------------------------------------
    def glance(self, recap: RecapSnapshot) -> str:
        t = recap.totals
        union, employer = recap.campaign.union.short, recap.campaign.employer.short
        if recap.session.running:
            parts = [
                f"The session has run {self.duration(t.session_minutes)} so far, as of "
                f"{self.time(recap.as_of)}: "
            ]
        else:
            parts = [f"The session ran {self.duration(t.session_minutes)}: "]
        parts[0] += (
            f"{self.duration(t.table_minutes)} at the table and "
            f"{self.duration(t.caucus_minutes)} in caucus."
        )
        parts.append(self.passes(union, t.proposals_union, employer, t.proposals_employer))
        opened = _count(t.articles_opened, "opened article", "opened articles")
        if t.articles_tad_today:
            today = _count(t.articles_tad_today, "article", "articles")
            verb = "was" if t.articles_tad_today == 1 else "were"
            parts.append(
                f"{today} {verb} TA'd today; {t.articles_tad_total} of {opened} "
                f"{'is' if t.articles_tad_total == 1 else 'are'} now TA'd."
            )
        else:
            parts.append(
                f"No TAs today; {t.articles_tad_total} of {opened} "
                f"{'is' if t.articles_tad_total == 1 else 'are'} TA'd so far."
            )
        return " ".join(parts)

    def passes(self, union: str, n_union: int, employer: str, n_employer: int) -> str:
        if not n_union and not n_employer:
            return "Neither side passed a proposal."
        if n_union and n_employer:
            return (
                f"{union} passed {_count(n_union, 'proposal', 'proposals')} and {employer} "
                f"passed {n_employer}."
            )
        who, n = (union, n_union) if n_union else (employer, n_employer)
        other = employer if n_union else union
        return f"{who} passed {_count(n, 'proposal', 'proposals')}; {other} passed none."

    def caucus_side(self, side: RecapCaucusSide, caucuses: Sequence[RecapCaucus]) -> str:
        parts = [_count(side.count, "caucus", "caucuses")]
        returned = [c for c in caucuses if c.returned and not c.still_out]
        if returned:
            parts.append(f"{self.duration(sum(c.minutes for c in returned))} in all")
        if side.overruns:
            ran = "ran over" if side.overruns == 1 else f"{side.overruns} ran over"
            parts.append(f"{ran} by {self.duration(side.overrun_minutes)}")
        for caucus in caucuses:
            if not caucus.returned:
                parts.append(f"left at {self.time(caucus.started_at)} and did not return")
            elif caucus.still_out:
                parts.append(
                    f"out since {self.time(caucus.started_at)}, due back at "
                    f"{self.time(caucus.due_back)}"
                )
        return ", ".join(parts) + "."

    def caucus_detail(self, caucus: RecapCaucus) -> str:
        planned = self.duration(caucus.planned_minutes)
        if caucus.extended_minutes:
            planned += f" + {self.duration(caucus.extended_minutes)} extended"
        if caucus.ended_at is not None:
            span = f"{self.time(caucus.started_at)}–{self.time(caucus.ended_at)}"
        elif caucus.still_out:
            span = f"{self.time(caucus.started_at)}, still out"
        else:
            span = f"{self.time(caucus.started_at)}, did not return"
        return f"{span} ({planned} called)"

    def request_answered(self, request: RecapInfoRequest, union: str, employer: str) -> str:
        asker, other = (union, employer) if request.by == "union" else (employer, union)
        return f"{other} answered {asker}'s request of {self.short_date(request.made_at)}"

    def request_open(self, request: RecapInfoRequest, union: str, employer: str) -> str:
        asker, other = (union, employer) if request.by == "union" else (employer, union)
        age = "today" if request.age_days == 0 else _count(request.age_days, "day", "days") + " ago"
        text = f"{asker} asked {other} on {self.short_date(request.made_at)} ({age})"
        if request.due is not None:
            text += f", due {self.short_date(request.due)}"
        return text

    def overdue(self, request: RecapInfoRequest) -> str:
        return f"overdue by {_count(request.days_overdue, 'day', 'days')}"

    def attendance(self, observers: int, sites: int) -> str:
        if observers and sites:
            return (
                f"{_count(observers, 'observer', 'observers')} from "
                f"{_count(sites, 'site', 'sites')} watched the session."
            )
        if observers:
            return f"{_count(observers, 'observer', 'observers')} watched the session."
        if sites:
            return f"Members from {_count(sites, 'site', 'sites')} watched the session."
        return ""

    def team_present(self, names: Sequence[str]) -> str:
        return f"At the table for the team: {self.join(list(names))}."

    def withdrawal(self, short: str, label: str, articles: str) -> str:
        if not label:
            return f"{short} withdrew a proposal ({self.labels['withheld']})"
        return f"{short} withdrew {label}" + (f": {articles}" if articles else "")

    def who(self, speaker: str, party: str) -> str:
        return ", ".join(part for part in (speaker, party) if part)

    def subject(self, recap: RecapSnapshot) -> str:
        word = self.labels["subject_team" if recap.audience == "team" else "subject"]
        return f"{word}: Session {recap.session.number}, {self.day_month(recap.session.started_at)}"

    # -- the text blast -------------------------------------------------------------------
    def sms_when(self, moment: datetime) -> str:
        """Sun Mar 29, 4:30 PM"""
        day = self.weekdays[moment.weekday()][:3]
        return f"{day} {self.short_date(moment)}, {self.time(moment)}"

    def sms_head(self, recap: RecapSnapshot) -> str:
        running = ", so far" if recap.session.running else ""
        return (
            f"{recap.campaign.union.short} bargaining, session {recap.session.number} "
            f"({self.short_date(recap.session.started_at)}{running}):"
        )

    def sms_tas(self, articles: str, total: int, opened: int) -> str:
        if articles:
            return f"TA on {articles}. {total} of {opened} articles TA'd."
        return f"No TAs today; {total} of {opened} articles TA'd."

    def sms_holds(self, short: str, articles: str) -> str:
        return f"{short} to answer on {articles}."

    def count_articles(self, n: int) -> str:
        return _count(n, "article", "articles")

    def more(self, shown: Sequence[str], n: int) -> str:
        return f"{', '.join(shown)} and {n} more"


class Spanish(English):
    """Palabras, fechas y frases en español."""

    code = "es"
    labels = _ES_LABELS
    months = (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    )  # fmt: skip
    weekdays = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")

    def date(self, day: _Day) -> str:
        """22 de marzo de 2026"""
        return f"{day.day} de {self.months[day.month - 1]} de {day.year}"

    def day_month(self, day: _Day) -> str:
        """22 de marzo"""
        return f"{day.day} de {self.months[day.month - 1]}"

    def short_date(self, day: _Day, year: bool = False) -> str:
        """22 mar. (22 mar. 2026 con el año)"""
        month = self.months[day.month - 1]
        text = f"{day.day} {month if len(month) <= 4 else month[:3] + '.'}"
        return f"{text} {day.year}" if year else text

    def time(self, moment: datetime) -> str:
        """4:30 p. m."""
        hour = moment.hour % 12 or 12
        return f"{hour}:{moment.minute:02d} {'a. m.' if moment.hour < 12 else 'p. m.'}"

    def when(self, moment: datetime) -> str:
        """domingo, 29 de marzo de 2026, 4:30 p. m."""
        return f"{self.long_date(moment)}, {self.time(moment)}"

    def long_date(self, day: _Day) -> str:
        return f"{self.weekdays[day.weekday()]}, {self.date(day)}"

    def join(self, items: Sequence[str]) -> str:
        items = list(items)
        if len(items) <= 1:
            return "".join(items)
        last = items[-1]
        conjunction = "e" if last[:1].lower() == "i" or last[:2].lower() == "hi" else "y"
        return ", ".join(items[:-1]) + f" {conjunction} {last}"

    article_word = ("Artículo", "Artículos")

    def glance(self, recap: RecapSnapshot) -> str:
        t = recap.totals
        union, employer = recap.campaign.union.short, recap.campaign.employer.short
        if recap.session.running:
            first = (
                f"La sesión lleva {self.duration(t.session_minutes)}, hasta las "
                f"{self.time(recap.as_of)}: "
            )
        else:
            first = f"La sesión duró {self.duration(t.session_minutes)}: "
        first += (
            f"{self.duration(t.table_minutes)} en la mesa y "
            f"{self.duration(t.caucus_minutes)} en caucus."
        )
        parts = [first, self.passes(union, t.proposals_union, employer, t.proposals_employer)]
        opened = _count(t.articles_opened, "artículo abierto", "artículos abiertos")
        if t.articles_tad_today:
            today = _count(t.articles_tad_today, "artículo", "artículos")
            parts.append(
                f"Hoy se firmó el AT de {today}; ya tienen AT {t.articles_tad_total} de {opened}."
            )
        else:
            parts.append(f"Hoy no hubo AT; por ahora tienen AT {t.articles_tad_total} de {opened}.")
        return " ".join(parts)

    def passes(self, union: str, n_union: int, employer: str, n_employer: int) -> str:
        if not n_union and not n_employer:
            return "Ninguna de las partes presentó propuestas."
        if n_union and n_employer:
            return (
                f"{union} presentó {_count(n_union, 'propuesta', 'propuestas')} y {employer} "
                f"presentó {n_employer}."
            )
        who, n = (union, n_union) if n_union else (employer, n_employer)
        other = employer if n_union else union
        return f"{who} presentó {_count(n, 'propuesta', 'propuestas')}; {other}, ninguna."

    def caucus_side(self, side: RecapCaucusSide, caucuses: Sequence[RecapCaucus]) -> str:
        parts = [_count(side.count, "caucus", "caucus")]
        returned = [c for c in caucuses if c.returned and not c.still_out]
        if returned:
            parts.append(f"{self.duration(sum(c.minutes for c in returned))} en total")
        if side.overruns:
            who = "se pasó" if side.overruns == 1 else f"{side.overruns} se pasaron"
            parts.append(f"{who} de tiempo por {self.duration(side.overrun_minutes)}")
        for caucus in caucuses:
            if not caucus.returned:
                parts.append(f"salió a las {self.time(caucus.started_at)} y no regresó")
            elif caucus.still_out:
                parts.append(
                    f"fuera desde las {self.time(caucus.started_at)}, debe volver a las "
                    f"{self.time(caucus.due_back)}"
                )
        return ", ".join(parts) + "."

    def caucus_detail(self, caucus: RecapCaucus) -> str:
        planned = self.duration(caucus.planned_minutes)
        if caucus.extended_minutes:
            planned += f" + {self.duration(caucus.extended_minutes)} de prórroga"
        if caucus.ended_at is not None:
            span = f"{self.time(caucus.started_at)}–{self.time(caucus.ended_at)}"
        elif caucus.still_out:
            span = f"{self.time(caucus.started_at)}, sigue fuera"
        else:
            span = f"{self.time(caucus.started_at)}, no regresó"
        return f"{span} ({planned} pedidos)"

    def request_answered(self, request: RecapInfoRequest, union: str, employer: str) -> str:
        asker, other = (union, employer) if request.by == "union" else (employer, union)
        return f"{other} respondió a la solicitud de {asker} del {self.short_date(request.made_at)}"

    def request_open(self, request: RecapInfoRequest, union: str, employer: str) -> str:
        asker, other = (union, employer) if request.by == "union" else (employer, union)
        age = "hoy" if request.age_days == 0 else "hace " + _count(request.age_days, "día", "días")
        text = f"{asker} pidió a {other} el {self.short_date(request.made_at)} ({age})"
        if request.due is not None:
            text += f", plazo: {self.short_date(request.due)}"
        return text

    def overdue(self, request: RecapInfoRequest) -> str:
        return f"vencida hace {_count(request.days_overdue, 'día', 'días')}"

    def attendance(self, observers: int, sites: int) -> str:
        if observers and sites:
            return (
                f"{_count(observers, 'observador', 'observadores')} de "
                f"{_count(sites, 'centro', 'centros')} siguieron la sesión."
            )
        if observers:
            return f"{_count(observers, 'observador', 'observadores')} siguieron la sesión."
        if sites:
            return f"Siguieron la sesión miembros de {_count(sites, 'centro', 'centros')}."
        return ""

    def team_present(self, names: Sequence[str]) -> str:
        return f"En la mesa por el equipo: {self.join(list(names))}."

    def withdrawal(self, short: str, label: str, articles: str) -> str:
        if not label:
            return f"{short} retiró una propuesta ({self.labels['withheld']})"
        return f"{short} retiró {label}" + (f": {articles}" if articles else "")

    def subject(self, recap: RecapSnapshot) -> str:
        word = self.labels["subject_team" if recap.audience == "team" else "subject"]
        return f"{word}: sesión {recap.session.number}, {self.day_month(recap.session.started_at)}"

    def sms_when(self, moment: datetime) -> str:
        """dom. 29 mar., 4:30 p. m."""
        day = self.weekdays[moment.weekday()][:3]
        return f"{day}. {self.short_date(moment)}, {self.time(moment)}"

    def sms_head(self, recap: RecapSnapshot) -> str:
        running = ", en curso" if recap.session.running else ""
        return (
            f"Negociación {recap.campaign.union.short}, sesión {recap.session.number} "
            f"({self.short_date(recap.session.started_at)}{running}):"
        )

    def sms_tas(self, articles: str, total: int, opened: int) -> str:
        if articles:
            return f"AT en {articles}. Con AT: {total} de {opened} artículos."
        return f"Hoy no hubo AT. Con AT: {total} de {opened} artículos."

    def sms_holds(self, short: str, articles: str) -> str:
        return f"A {short} le toca responder en {articles}."

    def count_articles(self, n: int) -> str:
        return _count(n, "artículo", "artículos")

    def more(self, shown: Sequence[str], n: int) -> str:
        return f"{', '.join(shown)} y {n} más"


def language(code: str) -> English:
    """The words of one language: "en" or "es"."""
    if code == "en":
        return English()
    if code == "es":
        return Spanish()
    from models.errors import DomainError

    raise DomainError(f"language {code!r} is not built in; use one of: {', '.join(LANGS)}")
