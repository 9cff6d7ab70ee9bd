"""Reading an article list from CSV: a header naming the number and title columns (`number,
title`, `Article,Title`, `No.,Subject`, any case, either order), UTF-8 with or without a BOM.

A row that repeats an earlier one unchanged is skipped and counted, as is a row the campaign
already has with the same title; the same number with another title refuses the whole file,
naming both lines (or the title the campaign has), so nothing is half imported.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from models.errors import DomainError

NUMBER_NAMES = frozenset({"number", "num", "no", "no.", "nr", "#", "article", "art", "art."})
TITLE_NAMES = frozenset({"title", "name", "subject", "heading", "article title"})

Line = tuple[int, dict[str, Any]]


@dataclass(frozen=True)
class ArticleList:
    """The articles of a CSV file, each numbered by its line, and the rows left out."""

    lines: tuple[Line, ...]
    repeated: tuple[int, ...] = ()
    """Lines that repeat an earlier line of the file unchanged."""
    known: tuple[int, ...] = ()
    """Lines naming an article the campaign already has, with the same title."""

    def left_out(self) -> str:
        """What was skipped: `2 repeated rows skipped, 1 already in the campaign` (or "")."""
        parts = []
        if self.repeated:
            rows = "row" if len(self.repeated) == 1 else "rows"
            parts.append(f"{len(self.repeated)} repeated {rows} skipped")
        if self.known:
            parts.append(f"{len(self.known)} already in the campaign")
        return ", ".join(parts)

    def summary(self) -> str:
        """`8 articles ready (2 repeated rows skipped)`; what was left out when nothing is new."""
        if not self.lines:
            return f"nothing new: {self.left_out()}" if self.left_out() else "no articles"
        noun = "article" if len(self.lines) == 1 else "articles"
        ready = f"{len(self.lines)} {noun} ready"
        return f"{ready} ({self.left_out()})" if self.left_out() else ready


def _columns(header: list[str]) -> tuple[int, int]:
    """Where the number and the title are, from the header's names; refused when unknown."""
    names = [cell.strip().lower() for cell in header]
    number = next((i for i, name in enumerate(names) if name in NUMBER_NAMES), None)
    title = next((i for i, name in enumerate(names) if name in TITLE_NAMES), None)
    if len(names) != 2 or number is None or title is None or number == title:
        raise DomainError(
            "line 1: the header must name the number and title columns, like `number,title` "
            f"or `Article,Title`, not `{','.join(header)}`"
        )
    return number, title


def read_article_list(data: bytes, existing: Mapping[str, str] | None = None) -> ArticleList:
    """The `article.added` lines of a CSV file; `existing` maps the campaign's numbers to
    their titles. Refuses the first bad row with `line N: what is wrong`."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DomainError(
            f"the file is not UTF-8 text (byte {error.start + 1}); save it as CSV UTF-8"
        ) from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        raise DomainError(f"line 1: {error}") from None
    if header is None:
        raise DomainError("the file is empty; it needs a header line `number,title`")
    at_number, at_title = _columns(header)
    known_titles = dict(existing or {})
    seen: dict[str, tuple[int, str]] = {}
    lines: list[Line] = []
    repeated: list[int] = []
    known: list[int] = []
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise DomainError(f"line {reader.line_num}: {error}") from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 2:
            raise DomainError(f"line {line}: expected 2 columns (number,title), found {len(row)}")
        number, title = row[at_number].strip(), row[at_title].strip()
        if number in seen:
            first, first_title = seen[number]
            if first_title == title:
                repeated.append(line)
                continue
            raise DomainError(
                f"line {line}: article {number} is “{title}” here but “{first_title}” on "
                f"line {first}; keep one of the two lines"
            )
        seen[number] = (line, title)
        if number in known_titles:
            if known_titles[number] == title:
                known.append(line)
                continue
            raise DomainError(
                f"line {line}: article {number} is already “{known_titles[number]}” in the "
                f"campaign, not “{title}”; rename it on the articles screen, or fix the line"
            )
        lines.append((line, {"type": "article.added", "number": number, "title": title}))
    return ArticleList(lines=tuple(lines), repeated=tuple(repeated), known=tuple(known))


def read_article_csv(data: bytes, existing: Mapping[str, str] | None = None) -> Iterator[Line]:
    """The journal lines (`article.added`) of `read_article_list`, numbered by CSV line."""
    yield from read_article_list(data, existing).lines
