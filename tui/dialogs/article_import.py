"""Import articles from a CSV file (header `number,title`, `Article,Title`, ...): the path is
typed, the file is read as it is typed, and its first bad line is named before anything is
saved. Rows repeated unchanged, and rows the campaign already has, are skipped and counted.
The import itself is all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input

from models.article_csv import ArticleList, read_article_list
from models.errors import DomainError
from models.events import parse_event
from models.store.connection import why_unreadable
from models.timeutil import utc_now
from tui.dialogs.form_fields import FieldRow, FormDialog, FormHint

MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class ArticleImport:
    """A CSV file read and checked: its journal lines numbered by their line in the file."""

    path: Path
    lines: tuple[tuple[int, dict[str, Any]], ...]
    found: ArticleList

    @property
    def count(self) -> int:
        return len(self.lines)

    def summary(self) -> str:
        """`3 articles ready (2 repeated rows skipped): 31 Parking … 33`."""
        first = self.lines[0][1]
        more = f" … {self.lines[-1][1]['number']}" if self.count > 1 else ""
        return f"{self.found.summary()}: {first['number']} {first['title']}{more}"


def read_import(typed: str, existing: Mapping[str, str] | None = None) -> ArticleImport:
    """Read and check the CSV at a typed path against the campaign's articles (`existing`,
    number to title); refuse with what is wrong (`line N: ...`)."""
    if not typed.strip():
        raise DomainError("the path is empty; type the path of a CSV file")
    path = Path(typed.strip()).expanduser()
    if path.is_dir():
        raise DomainError(f"{path} is a folder; type the path of a CSV file in it")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise DomainError(f"{path} is {size:,} bytes; an article list is far smaller")
        data = path.read_bytes()
    except FileNotFoundError:
        raise DomainError(f"no file at {path}") from None
    except OSError as error:
        raise DomainError(why_unreadable(path, error)) from None
    found = read_article_list(data, existing)
    lines = found.lines
    stamp = utc_now().isoformat()
    for number, line in lines:
        try:
            parse_event({"at": stamp, **line})
        except DomainError as error:
            raise DomainError(f"line {number}: {error}") from None
    if not lines:
        if found.left_out():
            raise DomainError(f"{path} has nothing new to import ({found.left_out()})")
        raise DomainError(f"{path} has a header but no articles")
    return ArticleImport(path=path, lines=lines, found=found)


class ArticleImportDialog(
    FormDialog[ArticleImport],
    title="Import articles from a CSV file",
    save="Import",
    refusal="path",
):
    """Pick a CSV file; dismisses what was imported (the store refuses all, or takes all)."""

    def __init__(
        self,
        *,
        path: str = "",
        existing: Mapping[str, str] | None = None,
        on_save: Callable[[ArticleImport], object] | None = None,
    ) -> None:
        super().__init__(on_save)
        self._initial = path
        self.existing = dict(existing or {})

    def intro(self) -> str:
        return (
            "The file needs a header line (`number,title`, or `Article,Title`) and one "
            "article a line, UTF-8. Repeated rows are skipped. Every article is imported, "
            "or none is."
        )

    def compose_fields(self) -> ComposeResult:
        yield FieldRow(
            "CSV file",
            Input(self._initial, id="path", placeholder="~/bargaining/articles.csv", compact=True),
        )
        yield FormHint(id="import-preview")

    def check(self) -> tuple[ArticleImport | None, dict[str, str]]:
        preview = self.query_one("#import-preview", FormHint)
        try:
            found = read_import(self.query_one("#path", Input).value, self.existing)
        except DomainError as error:
            preview.show("")
            return None, {"path": str(error)}
        preview.show(found.summary())
        return found, {}

    def refuse(self, message: str, field: str | None = None) -> None:
        """The store refused the file: nothing is "ready" under its refusal."""
        self.query_one("#import-preview", FormHint).show("")
        super().refuse(message, field)
