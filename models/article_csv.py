"""Reading an article list from CSV: header `number,title`, UTF-8 with or without a BOM."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from models.errors import DomainError


def read_article_csv(data: bytes) -> Iterator[tuple[int, dict[str, Any]]]:
    """Journal lines (`article.added`) numbered by their CSV line; refuses the first bad row."""
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
    if [cell.strip().lower() for cell in header] != ["number", "title"]:
        raise DomainError(
            f"line 1: the header must be exactly `number,title`, not `{','.join(header)}`"
        )
    seen: dict[str, int] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise DomainError(f"line {reader.line_num}: {error}") from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 2:
            raise DomainError(f"line {line}: expected 2 columns (number,title), found {len(row)}")
        number, title = (cell.strip() for cell in row)
        if number in seen:
            raise DomainError(
                f"line {line}: article {number} already appears on line {seen[number]}"
            )
        seen[number] = line
        yield line, {"type": "article.added", "number": number, "title": title}
