"""Add an article (number and title), or rename one (its title only)."""

from __future__ import annotations

from collections.abc import Callable, Collection

from textual.app import ComposeResult
from textual.widgets import Input, Label

from models.domain import Article
from models.events import ArticleAdded, ArticleRenamed
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line

_NOUNS = {"number": "the number", "title": "the title"}


class ArticleDialog(FormDialog[Article], refusal="number"):
    """A new article, or (given `article`) a new title for it; dismisses the article saved."""

    def __init__(
        self,
        *,
        article: Article | None = None,
        taken: Collection[str] = (),
        on_save: Callable[[Article], object] | None = None,
    ) -> None:
        super().__init__(on_save)
        self.article = article
        self._taken = set(taken)

    @property
    def renaming(self) -> bool:
        return self.article is not None

    def dialog_title(self) -> str:
        if self.article is not None:
            return f"Rename article {self.article.number}"
        return "Add an article"

    def save_label(self) -> str:
        return "Rename" if self.renaming else "Add"

    def compose_fields(self) -> ComposeResult:
        if self.article is not None:
            yield FieldRow("Number", Label(self.article.number, id="number", markup=False))
            yield FieldRow("Title", Input(self.article.title, id="title", compact=True))
        else:
            yield FieldRow(
                "Number",
                Input(id="number", placeholder="12, 12.3, Appendix A", compact=True),
                narrow=["number"],
            )
            yield FieldRow("Title", Input(id="title", placeholder="Hours of Work", compact=True))

    def check(self) -> tuple[Article | None, dict[str, str]]:
        title = self.query_one("#title", Input).value
        if self.article is not None:
            _, problems = check_line(
                ArticleRenamed,
                {"type": "article.renamed", "number": self.article.number, "title": title},
                _NOUNS,
            )
            number = self.article.number
        else:
            number = self.query_one("#number", Input).value.strip()
            _, problems = check_line(
                ArticleAdded, {"type": "article.added", "number": number, "title": title}, _NOUNS
            )
            if "number" not in problems and number in self._taken:
                # The store refuses it too; saying so as it is typed saves a round trip.
                problems["number"] = f"article {number} already exists; rename it instead"
        if problems:
            return None, problems
        return Article(number=number, title=title.strip()), {}
