"""The articles field shared by the pass, TA and agenda dialogs: type-ahead and checking."""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.suggester import Suggester
from textual.widgets import Static

from models.domain import Article
from models.rules import describe_numbers

_SPLIT = re.compile(r"\s*[,;]\s*")


class ArticleSuggester(Suggester):
    """Completes the article number being typed (the last one after a comma); → accepts."""

    def __init__(self, articles: Sequence[Article]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.numbers = [article.number for article in articles]

    async def get_suggestion(self, value: str) -> str | None:
        _head, _, tail = value.rpartition(",")
        typed = tail.lstrip()
        if not typed:
            return None
        lead = value[: len(value) - len(typed)]
        folded = typed.casefold()
        for number in self.numbers:
            if number.casefold().startswith(folded) and number.casefold() != folded:
                return lead + number
        return None


def split_articles(text: str) -> list[str]:
    """The article numbers typed, in order, without blanks or repeats."""
    numbers: list[str] = []
    for piece in _SPLIT.split(text.strip()):
        if piece and piece not in numbers:
            numbers.append(piece)
    return numbers


def resolve_articles(text: str, articles: Sequence[Article]) -> tuple[list[str], str]:
    """The typed numbers as the campaign spells them, or a problem naming the unknown ones."""
    spelled = {article.number.casefold(): article.number for article in articles}
    found: list[str] = []
    unknown: list[str] = []
    for piece in split_articles(text):
        number = spelled.get(piece.casefold())
        if number is None:
            unknown.append(piece)
        elif number not in found:
            found.append(number)
    if unknown:
        which = ", ".join(unknown)
        known = describe_numbers([a.number for a in articles], limit=8)
        return found, f"no article {which}; known: {known}"
    return found, ""


def titles_hint(numbers: Sequence[str], articles: Sequence[Article]) -> str:
    """`5 Salaries · Appendix A Salary Schedule` for the numbers given."""
    titles = {article.number: article.title for article in articles}
    return " · ".join(f"{n} {titles[n]}" for n in numbers if n in titles)


def show_hint(hint: Static, text: str) -> None:
    """Show a hint line under a field, or hide it while it has nothing to say."""
    hint.update(text)
    hint.display = bool(text)
