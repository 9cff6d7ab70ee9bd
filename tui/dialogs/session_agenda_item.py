"""Prepare a session's agenda from the sessions screen: title, planned minutes, articles.

The item goes at the end of the agenda. The result is the `agenda.item_added` line saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import ComposeResult
from textual.suggester import Suggester
from textual.widgets import Input

from models.domain import Article
from models.errors import DomainError
from models.events import AgendaItemAdded
from models.rules import describe_numbers
from models.timeutil import parse_minutes
from tui.dialogs.form_fields import FieldRow, FormDialog, FormHint, check_line, field_of

_NOUNS = {"title": "the title", "minutes": "the planned time", "articles": "the articles"}


class NumberSuggester(Suggester):
    """Completes the article number typed after the last comma ("App" -> "Appendix A")."""

    def __init__(self, numbers: Sequence[str]) -> None:
        super().__init__(use_cache=True, case_sensitive=True)
        self._numbers = list(numbers)

    async def get_suggestion(self, value: str) -> str | None:
        token = value.rpartition(",")[2].lstrip()
        if not token:
            return None
        folded = token.casefold()
        for number in self._numbers:
            if number.casefold().startswith(folded) and len(number) > len(token):
                return value + number[len(token) :]
        return None


def split_numbers(typed: str, numbers: Sequence[str]) -> tuple[list[str], list[str]]:
    """The article numbers typed, comma-separated, as the campaign spells them; and the
    unknown ones. Numbers may hold spaces ("Appendix A"), so only commas separate."""
    spelled = {number.casefold(): number for number in numbers}
    found: list[str] = []
    unknown: list[str] = []
    for token in typed.split(","):
        token = token.strip()
        if not token:
            continue
        number = spelled.get(token.casefold())
        if number is None:
            unknown.append(token)
        elif number not in found:
            found.append(number)
    return found, unknown


class SessionAgendaItemDialog(FormDialog[AgendaItemAdded]):
    """A new agenda item for a session; dismisses the `agenda.item_added` line it saved."""

    SAVE_LABEL = "Add"
    REFUSAL_FIELD = "item-title"

    def __init__(
        self,
        *,
        session: int,
        articles: Sequence[Article],
        on_save: Callable[[AgendaItemAdded], object] | None = None,
    ) -> None:
        super().__init__(on_save)
        self.session = session
        self._titles = {article.number: article.title for article in articles}

    def dialog_title(self) -> str:
        return f"Add an agenda item to session {self.session}"

    def compose_fields(self) -> ComposeResult:
        yield FieldRow("Title", Input(id="item-title", placeholder="Salary schedule", compact=True))
        yield FieldRow(
            "Planned",
            Input(id="item-minutes", placeholder="45 or 1h30", compact=True),
            narrow=["item-minutes"],
        )
        yield FieldRow(
            "Articles",
            Input(
                id="item-articles",
                placeholder="optional, comma-separated: 12, 12.3, Appendix A",
                suggester=NumberSuggester(list(self._titles)),
                compact=True,
            ),
        )
        yield FormHint(id="item-articles-hint")

    def check(self) -> tuple[AgendaItemAdded | None, dict[str, str]]:
        problems: dict[str, str] = {}
        typed_minutes = self.query_one("#item-minutes", Input).value
        minutes: int | None = None
        if typed_minutes.strip():
            try:
                minutes = parse_minutes(typed_minutes)
            except DomainError as error:
                problems["item-minutes"] = str(error)
        numbers, unknown = split_numbers(
            self.query_one("#item-articles", Input).value, list(self._titles)
        )
        if unknown:
            problems["item-articles"] = (
                f"article {unknown[0]} does not exist; known articles: "
                f"{describe_numbers(list(self._titles))}"
            )
        self.query_one("#item-articles-hint", FormHint).show(
            " · ".join(f"{n} {self._titles[n]}" for n in numbers)
        )
        line: dict[str, Any] = {
            "type": "agenda.item_added",
            "session": self.session,
            "title": self.query_one("#item-title", Input).value,
            "articles": numbers,
        }
        if minutes is not None:
            line["minutes"] = minutes
        result, found = check_line(AgendaItemAdded, line, _NOUNS)
        for key, field in (
            ("title", "item-title"),
            ("minutes", "item-minutes"),
            ("articles", "item-articles"),
        ):
            if field_of(found, key):
                problems.setdefault(field, field_of(found, key))
        if problems:
            return None, problems
        return result, {}
