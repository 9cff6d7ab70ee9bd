"""User text made safe for each format, in one place.

Every value a template prints goes through the escaper of its format (Markdown: the
environment's `finalize`; HTML: Jinja's autoescape, with the escaping done by markupsafe), so a
`|` cannot break a table, HTML in a note shows as text, and a link is kept only when it is http,
https or mailto. Text the exports build themselves from escaped parts is marked `Safe`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = [
    "Safe",
    "display_width",
    "html_lines",
    "html_text",
    "md_cell",
    "md_finalize",
    "md_lines",
    "md_link",
    "md_table",
    "md_text",
    "safe_link",
    "text_finalize",
    "text_lines",
]


class Safe(str):
    """Text already escaped for its format: printed as it is."""

    __slots__ = ()

    def __html__(self) -> str:
        return str(self)


_SAFE_SCHEMES = ("http://", "https://", "mailto:")
_URL_SPECIALS = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", " ": "%20", '"': "%22"}


def safe_link(url: object) -> str:
    """The link if it is http, https or mailto (and has no control character); else ""."""
    if not isinstance(url, str):
        return ""
    url = url.strip()
    if not url.lower().startswith(_SAFE_SCHEMES) or len(url) > 2_000:
        return ""
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in url):
        return ""
    rest = url.split(":", 1)[1].lstrip("/")
    if not rest:
        return ""
    return url


# ------------------------------------------------------------------------------ Markdown

_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MD_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MD_LINE_START = re.compile(r"^(#{1,6}(?=\s|$)|[-+](?=\s|$)|[=-]+\s*$)|^(\d{1,9})([.)])(?=\s|$)")
# Text with none of these characters, that starts neither with one of _MD_LINE_FIRST nor with
# a digit, and has no space at either end, prints as itself: md_text returns it at once.
_MD_SPECIAL = re.compile(r"[\\`*_\[\]|~&<>\r\n]")
_MD_LINE_FIRST = frozenset("#-+=")


def md_text(value: object) -> str:
    """Text that prints as itself in GitHub-flavoured Markdown, on one or more lines.

    Markdown's punctuation is backslash-escaped, HTML (`<`) turns into an entity so it shows as
    text, a line cannot start a heading, list, quote or table, and line breaks become hard
    breaks inside the same paragraph (blank lines are folded).
    """
    text = value if type(value) is str else _plain(value)
    if (
        text
        and text[0] not in _MD_LINE_FIRST
        and not text[0].isdecimal()  # what \d matches
        and not _MD_SPECIAL.search(text)
        and not text[0].isspace()
        and not text[-1].isspace()
    ):
        return text
    text = _plain(text)
    text = _MD_ENTITY.sub("&amp;", text)
    text = _MD_INLINE.sub(r"\\\1", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    escaped = [_MD_LINE_START.sub(_escape_line_start, line) for line in lines]
    return "\\\n".join(escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)  # "\#", "\-", "\+" or "\=": no heading, list or rule
    return match.group(2) + "\\" + match.group(3)


def md_cell(value: object) -> str:
    """Text for one Markdown table cell: one line, pipes escaped."""
    return md_text(value).replace("\\\n", " ")


def md_link(label: object, url: object) -> Safe:
    """A Markdown link, or the label alone when the address is not http, https or mailto."""
    target = safe_link(url)
    text = md_text(label).replace("\\\n", " ")
    if not target:
        return Safe(text)
    for char, code in _URL_SPECIALS.items():
        target = target.replace(char, code)
    return Safe(f"[{text}]({target})")


def md_finalize(value: object) -> object:
    """Jinja `finalize` for Markdown: escape every printed value that is not already Safe."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return str(value)
    if isinstance(value, bool | int | float):
        return value
    return md_text(value)


def text_finalize(value: object) -> object:
    """Jinja `finalize` for plain text: nothing to escape, None prints as nothing."""
    return "" if value is None else value


def display_width(text: str) -> int:
    """Columns a string takes in a monospaced font (wide East Asian characters count two)."""
    if text.isascii():
        return len(text)  # no ASCII character is combining, a format character or wide
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def md_table(
    headers: Sequence[object],
    rows: Sequence[Sequence[object]],
    align: Sequence[str] | None = None,
) -> Safe:
    """A GitHub-flavoured Markdown table with every cell escaped and every column aligned.

    `align` holds "l" or "r" for each column (left by default).
    """
    columns = len(headers)
    cells = [[md_cell(h) for h in headers]]
    for row in rows:
        values = list(row)[:columns] + [""] * (columns - len(row))
        cells.append([md_cell(v) for v in values])
    sides = list(align or ()) + ["l"] * (columns - len(align or ()))
    widths = [max(3, *(display_width(line[i]) for line in cells)) for i in range(columns)]

    def pad(text: str, index: int) -> str:
        gap = " " * (widths[index] - display_width(text))
        return gap + text if sides[index] == "r" else text + gap

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(pad(v, i) for i, v in enumerate(values)) + " |"

    rule = [
        "-" * (widths[i] - 1) + ":" if sides[i] == "r" else "-" * widths[i] for i in range(columns)
    ]
    out = [line(cells[0]), "| " + " | ".join(rule) + " |"]
    out += [line(values) for values in cells[1:]]
    return Safe("\n".join(out))


# ---------------------------------------------------------------------------------- HTML


def html_text(value: object) -> str:
    """Text escaped for HTML (markupsafe), line breaks kept as <br>."""
    from markupsafe import escape

    return str(escape(_plain(value))).replace("\n", "<br>\n")


def html_lines(value: object) -> Safe:
    """`br()` in HTML templates: the text escaped, its line breaks kept."""
    return Safe(html_text(value))


def md_lines(value: object) -> Safe:
    """`br()` in Markdown templates: the text escaped, its line breaks kept as hard breaks."""
    return Safe(md_text(value))


def text_lines(value: object) -> str:
    """`br()` in plain-text templates: the text as it is."""
    return _plain(value)


def _plain(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    return text.replace("\r\n", "\n").replace("\r", "\n")
