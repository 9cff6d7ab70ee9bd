"""Links the team typed (a petition, an RSVP form, the Zoom link) made into links.

`linked(text)` in a template: the text escaped for its format, with every http, https or
mailto address in it a link (HTML `<a>`, a Markdown link; plain text leaves it as it is).
Punctuation that ends a sentence is not part of the address.
"""

from __future__ import annotations

import re

from exports.escape import Safe, html_text, md_link, md_text, safe_link

_URL = re.compile(r"(?:https?://|mailto:)[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»”’"


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_a_link) in order."""
    out: list[tuple[str, bool]] = []
    last = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        end = match.start() + len(url)
        if not safe_link(url):
            continue
        out.append((text[last : match.start()], False))
        out.append((url, True))
        last = end
    out.append((text[last:], False))
    return [(piece, link) for piece, link in out if piece]


def linked_html(value: object) -> Safe:
    from markupsafe import escape

    parts: list[str] = []
    for piece, link in _pieces("" if value is None else str(value)):
        if link:
            label = piece.removeprefix("mailto:")
            parts.append(f'<a href="{escape(piece)}" style="color:#b91c1c;">{escape(label)}</a>')
        else:
            parts.append(html_text(piece))
    return Safe("".join(parts))


def linked_md(value: object) -> Safe:
    parts: list[str] = []
    for piece, link in _pieces("" if value is None else str(value)):
        if link:
            parts.append(md_link(piece.removeprefix("mailto:"), piece))
            continue
        body = piece.strip()
        before = piece[: len(piece) - len(piece.lstrip())]
        after = piece[len(before) + len(body) :] if body else ""
        parts.append(before + md_text(body) + after if body else piece)
    return Safe("".join(parts))


def linked_text(value: object) -> str:
    return "" if value is None else str(value)
