"""Import articles from a CSV file (header `number,title`): the path is typed, the file is
read as it is typed, and its first bad line is named before anything is saved. The import
itself is all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input

from models.article_csv import read_article_csv
from models.errors import DomainError
from models.events import parse_event
from models.timeutil import utc_now
from tui.dialogs.form_fields import FieldRow, FormDialog, FormHint

MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class ArticleImport:
    """A CSV file read and checked: its journal lines numbered by their line in the file."""

    path: Path
    lines: tuple[tuple[int, dict[str, Any]], ...]

    @property
    def count(self) -> int:
        return len(self.lines)


def read_import(typed: str) -> ArticleImport:
    """Read and check the CSV at a typed path; refuse with what is wrong (`line N: ...`)."""
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
    except PermissionError:
        raise DomainError(f"{path} cannot be read; check its permissions") from None
    except OSError as error:
        raise DomainError(f"cannot read {path}: {error.strerror}") from None
    lines = tuple(read_article_csv(data))
    stamp = utc_now().isoformat()
    for number, line in lines:
        try:
            parse_event({"at": stamp, **line})
        except DomainError as error:
            raise DomainError(f"line {number}: {error}") from None
    if not lines:
        raise DomainError(f"{path} has a header but no articles")
    return ArticleImport(path=path, lines=lines)


class ArticleImportDialog(FormDialog[ArticleImport]):
    """Pick a CSV file; dismisses what was imported (the store refuses all, or takes all)."""

    DIALOG_TITLE = "Import articles from a CSV file"
    SAVE_LABEL = "Import"
    REFUSAL_FIELD = "path"

    def __init__(
        self,
        *,
        path: str = "",
        on_save: Callable[[ArticleImport], object] | None = None,
    ) -> None:
        super().__init__(on_save)
        self._initial = path

    def intro(self) -> str:
        return (
            "The file needs a header line `number,title` and one article a line, UTF-8. "
            "Every article is imported, or none is."
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
            found = read_import(self.query_one("#path", Input).value)
        except DomainError as error:
            preview.show("")
            return None, {"path": str(error)}
        first = found.lines[0][1]
        more = f" … {found.lines[-1][1]['number']}" if found.count > 1 else ""
        noun = "article" if found.count == 1 else "articles"
        preview.show(f"{found.count} {noun} ready: {first['number']} {first['title']}{more}")
        return found, {}
