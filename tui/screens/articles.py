"""The articles of the contract, in natural order (2 before 10): add, rename, import a CSV.

`n` adds an article, `r` renames the highlighted one, `i` imports a CSV file (all or
nothing; the first bad line is named); Escape goes back. What another seat records appears
within a second.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Header, Static

from models.actions import add_article, import_articles, rename_article
from models.domain import Article
from models.store import Store
from tui.dialogs.article_form import ArticleDialog
from tui.dialogs.article_import import ArticleImport, ArticleImportDialog
from tui.keys import Keys
from tui.screens.list_screen import ListScreen
from tui.widgets.key_bar import KeyBar

KEYS = Keys("articles")


class ArticlesScreen(ListScreen[Article]):
    """Keep the list of the contract's articles."""

    DEFAULT_CSS = """
    ArticlesScreen {
        & #articles-table { height: 1fr; }
        & #articles-empty {
            height: auto;
            padding: 1 2;
            color: $text-muted;
            display: none;
        }
        &.-empty #articles-empty { display: block; }
        &.-empty #articles-table { display: none; }
        & DataTable:nocolor > .datatable--cursor { text-style: bold reverse; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        KEYS.back(),
        KEYS("n", "add", "Add", "Add an article"),
        KEYS("r", "rename", "Rename", "Rename the highlighted article"),
        KEYS(
            "i",
            "import_csv",
            "Import CSV",
            "Import articles from a CSV file (number,title)",
            name="import",
        ),
    ]
    TABLE_ID = "articles-table"

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._last_import = ""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "No article yet. Press n to add one, or i to import the list from a CSV file "
            "with the header `number,title`.",
            id="articles-empty",
            markup=False,
        )
        yield self.list_table()
        yield KeyBar()

    def prepare(self) -> None:
        self.table.add_column("Article", key="number")
        self.table.add_column("Title", key="title")

    def reload(self, select: str | None = None) -> None:
        """Read the articles again and keep (or move) the highlight."""
        self._seen = self.store.last_seq()
        table = self.table
        keep = select if select is not None else self.selected_number()
        self.records = self.store.articles()
        table.clear()
        for article in self.records:
            table.add_row(article.number, article.title, key=article.number)
        if keep is not None and any(a.number == keep for a in self.records):
            self.highlight(keep)
        count = len(self.records)
        self.title = "Articles"
        self.sub_title = f"{count} in the contract" if count != 1 else "1 in the contract"
        self.set_class(not self.records, "-empty")

    def selected_number(self) -> str | None:
        """The number of the highlighted article, if any."""
        return self.highlighted_key()

    # --------------------------------------------------------------------- actions

    def action_add(self) -> None:
        """Add an article."""

        def save(article: Article) -> None:
            add_article(self.store, article.number, article.title)

        self.form(
            ArticleDialog(taken=[a.number for a in self.records], on_save=save),
            lambda article: (article.number, f"Article {article.number} added."),
        )

    def action_rename(self) -> None:
        """Give the highlighted article a new title."""
        number = self.selected_number()
        article = next((a for a in self.records if a.number == number), None)
        if article is None:
            self.notify(
                "There is no article to rename yet: press n to add one.", severity="warning"
            )
            return

        def save(renamed: Article) -> None:
            rename_article(self.store, renamed.number, renamed.title)

        self.form(
            ArticleDialog(article=article, on_save=save),
            lambda renamed: (renamed.number, f"Article {renamed.number} is now “{renamed.title}”."),
        )

    def action_import_csv(self) -> None:
        """Import articles from a CSV file: every one, or none."""

        def save(found: ArticleImport) -> None:
            import_articles(self.store, found.lines)

        def saved(found: ArticleImport) -> tuple[str, str]:
            self._last_import = str(found.path)
            noun = "article" if found.count == 1 else "articles"
            skipped = f" ({found.found.left_out()})" if found.found.left_out() else ""
            message = f"{found.count} {noun} imported from {found.path.name}{skipped}."
            return str(found.lines[0][1]["number"]), message

        existing = {article.number: article.title for article in self.records}
        self.form(
            ArticleImportDialog(path=self._last_import, existing=existing, on_save=save), saved
        )
