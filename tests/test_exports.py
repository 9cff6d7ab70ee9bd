"""The export formats: Markdown that parses (and its escaping's fast paths), HTML that runs
nothing, an .eml that opens. The text blast, board CSV and JSON are in
test_exports_text_blast_csv_json.py; the two languages and the user's templates in
test_exports_languages_and_templates.py."""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exports import render_recap
from exports.escape import display_width, md_table, md_text, safe_link
from models.recap import build_snapshot
from models.store import Store
from tests.export_support import NOW, all_snapshots, hostile_snapshot

pytestmark = pytest.mark.usefixtures("isolated_user_templates")


# ------------------------------------------------------------------------------- Markdown


def table_rows(markdown: str) -> list[list[str]]:
    """Each table's rows, as the cell counts markdown-it-py sees."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables: list[list[str]] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append("")
        elif token.type in ("th_open", "td_open"):
            tables[-1][-1] += "|"
    return tables


def check_markdown(markdown: str) -> None:
    MarkdownIt("commonmark").enable("table").render(markdown)
    for table in table_rows(markdown):
        assert len({len(cells) for cells in table}) == 1, "table rows differ in cell count"
    lines = markdown.split("\n")
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.startswith("|"):
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    for block in blocks:
        assert len({display_width(line) for line in block}) <= 1, "table is not aligned"


def test_every_markdown_recap_parses_with_even_tables(demo: Store, hostile: Store) -> None:
    snapshots = all_snapshots(demo) + all_snapshots(hostile)
    for snapshot in snapshots:
        for lang in ("en", "es"):
            markdown = render_recap(snapshot, format="md", lang=lang)
            check_markdown(markdown)
            assert markdown.endswith("\n") and not markdown.endswith("\n\n")
            assert "\n\n\n" not in markdown


def test_markdown_board_is_a_table_with_every_opened_article(demo: Store) -> None:
    snapshot = build_snapshot(demo, 4, "members", NOW)
    tables = table_rows(render_recap(snapshot, format="md"))
    assert len(tables) == 2  # where the money stands (after the action), then the board
    assert len(tables[1]) == 1 + len(snapshot.opened_board)
    assert tables[1][0] == "|||||"
    assert len(tables[0]) == 1 + len(snapshot.money.terms)


def test_markdown_escapes_user_text(hostile: Store) -> None:
    markdown = render_recap(hostile_snapshot(hostile), format="md")
    check_markdown(markdown)
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    assert_safe_html(html)
    assert "[click me\\](javascript" in markdown  # the bracket is escaped: no link
    assert "<script>" not in markdown and "&lt;script&gt;" in markdown
    # The pipe in an article title stays in its cell; the hostile note's table is text.
    assert "Pay \\| Benefits" in markdown
    assert len(table_rows(markdown)) == 1
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert all(line.startswith(("# ", "## ")) for line in headings)
    assert "not a heading" not in " ".join(headings)


def test_md_text_and_table_helpers() -> None:
    assert md_text("a | b") == "a \\| b"
    assert md_text("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert md_text("# h") == "\\# h"
    assert md_text("1. one") == "1\\. one"
    assert md_text("12.3 stays") == "12.3 stays"
    assert md_text("one\n\ntwo") == "one\\\ntwo"
    table = md_table(["A", "B"], [["1", "x|y"], ["22", "日本"]], align="rl")
    assert len({display_width(line) for line in table.splitlines()}) == 1
    assert "x\\|y" in table


def test_links_are_kept_only_for_http_https_and_mailto() -> None:
    assert safe_link("https://example.org/a") == "https://example.org/a"
    assert safe_link("HTTP://example.org") == "HTTP://example.org"
    assert safe_link("mailto:team@example.org") == "mailto:team@example.org"
    for bad in ("javascript:alert(1)", " javascript:x", "data:text/html,x", "vbscript:x", "",
                "https://", "ftp://x", "https://exa\u202emple.org", "//example.org"):  # fmt: skip
        assert safe_link(bad) == "", bad


# ----------------------------------------------------------------------------------- HTML


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += [(name, value or "") for name, value in attrs]


CHART_SOURCES = ("data:image/png;base64,", "cid:money-chart@open-bargaining.invalid")
"""The one picture a recap may show: its own money chart, inline or as the e-mail's part."""


def assert_safe_html(html: str) -> None:
    collector = _Collector()
    collector.feed(html)
    assert not {"script", "iframe", "object", "embed"} & set(collector.tags)
    assert collector.tags.count("img") <= 1
    for name, value in collector.attrs:
        assert not name.lower().startswith("on"), (name, value)
        if name.lower() == "src":
            assert value.startswith(CHART_SOURCES), value[:80]
        elif name.lower() in ("href", "action"):
            target = re.sub(r"\s", "", value).lower()
            assert target.startswith(("http:", "https:", "mailto:")), value


def test_html_runs_nothing_even_when_notes_try(hostile: Store) -> None:
    snapshot = hostile_snapshot(hostile)
    for lang in ("en", "es"):
        html = render_recap(snapshot, format="html", lang=lang)
        assert_safe_html(html)
        assert "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt;" in html  # shown as text
        assert "javascript:alert(&#39;link&#39;)" not in html


def test_html_is_a_standalone_email_body(demo: Store) -> None:
    html = render_recap(build_snapshot(demo, 4, "members", NOW), format="html")
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in html and html.rstrip().endswith("</html>")
    # Inline styles carry the layout; one <style> in <head> only adds a narrow-screen query.
    head, body = html.split("</head>", 1)
    assert "<link" not in html and "<style" not in body
    assert head.count("<style") == 1 and "@media" in head
    assert_safe_html(html)
    assert "details withheld under the ground rules" in html


# ------------------------------------------------------------------------------------ eml


def parse_eml(text: str) -> EmailMessage:
    message = email.message_from_string(text, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_eml_has_text_and_html_parts(demo: Store) -> None:
    snapshot = build_snapshot(demo, 4, "members", NOW)
    message = parse_eml(render_recap(snapshot, format="eml"))
    assert message.get_content_type() == "multipart/alternative"
    # Session 4's headline was written by the comms lead (recap.written in the demo).
    assert message["Subject"] == "REA bargaining, session 4: The district walked out of mediation"
    assert message["Reply-To"] == "REA Bargaining Team <bargaining@riverbendea.example.org>"
    assert message["From"] == "REA Bargaining Team <bargaining@riverbendea.example.org>"
    assert message["To"] == "REA members <members@riverbendea.example.org>"
    assert parsedate_to_datetime(message["Date"]) == NOW
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    assert "did not return" in plain.get_content()
    assert "details withheld under the ground rules" in plain.get_content()
    assert "<!DOCTYPE html>" in html.get_content()
    # The money chart rides with the HTML in a multipart/related part, named by its cid.
    assert [part.get_content_type() for part in message.walk()] == [
        "multipart/alternative",
        "text/plain",
        "multipart/related",
        "text/html",
        "image/png",
    ]
    chart = next(part for part in message.walk() if part.get_content_type() == "image/png")
    assert chart["Content-ID"] == "<money-chart@open-bargaining.invalid>"
    assert 'src="cid:money-chart@open-bargaining.invalid"' in html.get_content()
    assert chart.get_content().startswith(b"\x89PNG")
    assert "WHERE THE MONEY STANDS" in plain.get_content()  # the numbers, for blocked images


def test_eml_in_spanish_and_with_placeholders(hostile: Store, demo: Store) -> None:
    spanish = parse_eml(render_recap(build_snapshot(demo, 5, "members", NOW), format="eml",
                                     lang="es"))  # fmt: skip
    assert spanish["Subject"] == "Negociación de REA, sesión 5: Acuerdos tentativos en 4 artículos"
    message = parse_eml(render_recap(hostile_snapshot(hostile), format="eml"))
    assert "example.invalid" in message["From"] and "sender" in message["From"].lower()
    assert "example.invalid" in message["To"]
    html = message.get_body(("html",))
    assert html is not None
    assert_safe_html(html.get_content())


# --------------------------------------------------------------- the fast paths change nothing


def _md_text_reference(value: object) -> str:
    """md_text as it was before its fast path: every step, every time."""
    from exports.escape import _MD_ENTITY, _MD_INLINE, _MD_LINE_START, _escape_line_start

    text = "" if value is None else str(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _MD_ENTITY.sub("&amp;", text)
    text = _MD_INLINE.sub(r"\\\1", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    lines = [line for line in (line.strip() for line in text.split("\n")) if line]
    return "\\\n".join(_MD_LINE_START.sub(_escape_line_start, line) for line in lines)


def _display_width_reference(text: str) -> int:
    import unicodedata

    return sum(
        0
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
        else 2
        if unicodedata.east_asian_width(c) in ("W", "F")
        else 1
        for c in text
    )


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",))
        | st.sampled_from(list("#-+=0123456789٣.) \t\n\r\x0b\x85\u2028&<>|*_[]`~\\;a"))
    )
)
def test_md_text_and_display_width_fast_paths_change_nothing(text: str) -> None:
    assert md_text(text) == _md_text_reference(text)
    assert display_width(text) == _display_width_reference(text)


def test_md_text_fast_path_edges() -> None:
    for text in ("", " ", "x ", " x", "#", "-", "+ x", "=", "1. x", "٣. x", "a\rb", "a&amp;b",
                 "plain words", "Día 3: ¿sí?", "日本"):  # fmt: skip
        assert md_text(text) == _md_text_reference(text), text
