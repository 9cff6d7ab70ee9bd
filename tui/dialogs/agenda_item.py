"""Add an agenda item: title, planned minutes, the articles it covers.

One dialog for both places an agenda is made: the console (from the palette, for the session
running or next) and the sessions screen (`a`, for the highlighted session).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Input

from models.domain import Article
from models.events import AgendaItemAdded
from tui.dialogs.article_field import ArticleSuggester, resolve_articles, titles_hint
from tui.dialogs.caucus import minutes_problem
from tui.dialogs.form_fields import FieldRow, FormDialog, FormHint, check_line


@dataclass(frozen=True)
class AgendaItemRequest:
    """An agenda item as typed, ready for `models.actions.add_agenda_item`."""

    title: str
    minutes: int | None
    articles: tuple[str, ...]


class AgendaItemDialog(
    FormDialog[AgendaItemRequest], save="Add", refusal="agenda-title", first="agenda-title"
):
    """The item goes at the end of the session's agenda."""

    DIALOG_TITLE = "Add an agenda item to session {self.session}"
    INTRO = "It goes at the end of the agenda."

    def __init__(
        self,
        articles: Sequence[Article],
        session: int,
        on_save: Callable[[AgendaItemRequest], object] | None = None,
    ) -> None:
        super().__init__(on_save, articles=list(articles), session=session)

    def compose_fields(self) -> ComposeResult:
        yield FieldRow("Title", Input(placeholder="Compensation", compact=True, id="agenda-title"))
        yield FieldRow(
            "Planned",
            Input("15", placeholder="15, 15m or 1h", compact=True, id="agenda-minutes"),
            "minutes (or 1h, 1h30)",
            narrow=("agenda-minutes",),
        )
        yield FieldRow(
            "Articles",
            Input(
                placeholder="optional: 5, Appendix A",
                compact=True,
                id="agenda-articles",
                suggester=ArticleSuggester(self.articles),
            ),
        )
        yield FormHint(id="agenda-articles-hint")

    def check(self) -> tuple[AgendaItemRequest | None, dict[str, str]]:
        problems: dict[str, str] = {}
        typed_minutes = self.query_one("#agenda-minutes", Input).value
        minutes: int | None = None
        if typed_minutes.strip():
            minutes, problem = minutes_problem(typed_minutes)
            if problem:
                problems["agenda-minutes"] = problem
        numbers, problem = resolve_articles(
            self.query_one("#agenda-articles", Input).value, self.articles
        )
        if problem:
            problems["agenda-articles"] = problem
        self.query_one("#agenda-articles-hint", FormHint).show(titles_hint(numbers, self.articles))
        parsed, found = check_line(
            AgendaItemAdded,
            {
                "type": "agenda.item_added",
                "session": self.session,
                "title": self.query_one("#agenda-title", Input).value,
                "minutes": minutes,
                "articles": numbers,
            },
        )
        for name, message in found.items():
            target = {"title": "agenda-title", "minutes": "agenda-minutes"}.get(
                name, "agenda-articles"
            )
            problems.setdefault(target, message)
        if parsed is None or problems:
            return None, problems
        return AgendaItemRequest(parsed.title, parsed.minutes, tuple(numbers)), {}
