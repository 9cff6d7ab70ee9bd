"""The export formats: Markdown that parses, HTML that runs nothing, an .eml that opens, a text
blast that fits, the board CSV, JSON, the two languages, and the user's templates."""

from __future__ import annotations

import csv
import email
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from email import policy
from email.message import EmailMessage
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exports import FORMATS, board_csv, render_recap
from exports.escape import display_width, md_table, md_text, safe_link
from exports.sms_count import segments
from exports.templating import clear_cache
from models.demo import demo_events
from models.errors import DomainError
from models.recap import Audience, RecapNextSession, RecapSnapshot, build_snapshot
from models.store import Store

DEMO_DAY = date(2026, 3, 22)
NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")
AT = "2026-03-10T17:00:00-07:00"
SETUP = "2026-03-01T09:01:00-08:00"  # before the session: the rules follow `at`

HOSTILE_NOTES = [
    "<script>alert('note')</script>",
    '<img src=x onerror="alert(1)">',
    '[click me](javascript:alert(1)) and <a href="javascript:alert(2)">here</a>',
    "| a | b |\n|---|---|\n| c | d |",
    "# not a heading\n\n- not a list\n1. not a list either\n> not a quote",
    "**bold** _em_ `code` ~~gone~~ \\ backslash &amp; &lt;b&gt;",
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("exports") / "demo.db"
    with Store(path, create=True) as store:
        store.import_journal(json.dumps(event) for event in demo_events(DEMO_DAY))
        yield store


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A campaign whose every user text tries to break out: HTML, pipes, Markdown, links."""
    path = tmp_path_factory.mktemp("hostile") / "hostile.db"
    events: list[dict[str, Any]] = [
        {
            "type": "campaign.created",
            "at": "2026-03-01T09:00:00-08:00",
            "union": {"name": "Union <b>Local</b> | 1", "short": "U|1"},
            "employer": {"name": "District & Co", "short": "<D>"},
            "timezone": "America/Los_Angeles",
            "title": "Contract `2026` *now*",
        },
        {"type": "article.added", "at": SETUP, "number": "1", "title": "Pay | Benefits <b>x</b>"},
        {"type": "article.added", "at": SETUP, "number": "2", "title": "薪水 and 福利 (wide)"},
        {"type": "article.added", "at": SETUP, "number": "3", "title": "Safety"},
        {
            "type": "session.scheduled",
            "at": SETUP,
            "session": 1,
            "starts": "2026-03-10T16:30:00-07:00",
            "location": "<iframe src=javascript:alert(1)> Room | 2",
        },
        {"type": "session.started", "at": "2026-03-10T16:31:00-07:00", "session": 1},
        {
            "type": "proposal.passed",
            "at": "2026-03-10T16:40:00-07:00",
            "session": 1,
            "by": "union",
            "articles": ["1", "2"],
            "label": "U-1 <script>",
            "summary": "<script>alert('summary')</script> | pipe\nsecond line",
            "link": "https://example.org/p?a=1&b=<2>",
        },
        {
            "type": "ta.signed",
            "at": "2026-03-10T16:50:00-07:00",
            "session": 1,
            "articles": ["3"],
            "summary": "<b onmouseover=alert(1)>TA</b>",
            "initials": {"union": "AB", "employer": "CD"},
        },
        {
            "type": "info_request.made",
            "at": "2026-03-10T16:55:00-07:00",
            "session": 1,
            "by": "union",
            "text": "<script>request</script> | data",
            "due": "2026-03-05",
        },
        {
            "type": "attendance.recorded",
            "at": "2026-03-10T16:56:00-07:00",
            "session": 1,
            "present": ["<Ann>", "Bo | Bo"],
            "observers": 3,
            "sites": 1,
        },
    ]
    for index, text in enumerate(HOSTILE_NOTES):
        events.append(
            {
                "type": "note.added",
                "at": f"2026-03-10T17:{index:02d}:00-07:00",
                "session": 1,
                "text": text,
                "kind": "quote" if index % 2 else "note",
                "speaker": "<Speaker>",
                "party": "employer",
                "visibility": "members",
            }
        )
    events.append(
        {
            "type": "session.ended",
            "at": "2026-03-10T18:30:00-07:00",
            "session": 1,
            "call_to_action": "<a href='javascript:alert(3)'>Act</a> now | today",
        }
    )
    with Store(path, create=True) as store:
        store.import_journal(json.dumps(event) for event in events)
        yield store


@pytest.fixture(autouse=True)
def isolated_user_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The user's config folder is a fresh, empty one: no override leaks into a test."""
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    clear_cache()
    yield config / "open-bargaining" / "templates"
    clear_cache()


def all_snapshots(store: Store) -> list[RecapSnapshot]:
    audiences: tuple[Audience, ...] = ("members", "team")
    return [
        build_snapshot(store, session.number, audience, NOW)
        for session in store.sessions()
        if session.started_at is not None
        for audience in audiences
    ]


def hostile_snapshot(store: Store) -> RecapSnapshot:
    """The hostile session, with a javascript: link slipped past the store's validation."""
    snapshot = build_snapshot(store, 1, "members", NOW)
    proposal = snapshot.proposals[0]._replace(link="javascript:alert('link')")
    return snapshot.model_copy(update={"proposals": (proposal,)})


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


# ------------------------------------------------------------------------------------ SMS


def test_text_blast_fits_in_320_characters(demo: Store, hostile: Store) -> None:
    for snapshot in all_snapshots(demo) + all_snapshots(hostile):
        for lang in ("en", "es"):
            text = render_recap(snapshot, format="sms", lang=lang)
            assert text.endswith("\n") and "\n" not in text[:-1]
            assert len(text.rstrip("\n")) <= 320


def test_text_blast_puts_headline_action_and_link_first_then_what_fits(demo: Store) -> None:
    snapshot = build_snapshot(demo, 3, "members", NOW)
    text = render_recap(snapshot, format="sms")
    assert text.startswith("REA: Tentative agreements on 3 articles. Mediation starts next week.")
    assert text.rstrip().endswith("Full recap: https://riverbendea.example.org/bargaining")
    assert "Next: Sun Mar 15, 4:30 PM" in text
    # With a short call to action it fits one GSM-7 segment, and stays there: the place of
    # the next session and the article lists give way first.
    short = render_recap(snapshot.model_copy(update={"call_to_action": "Wear red."}), format="sms")
    assert "Wear red." in short and "RUSD to answer on" not in short
    assert segments(short.rstrip("\n"))[1:] == ("GSM-7", len(short.rstrip("\n")), 1)


def test_text_blast_shrinks_a_crowded_session(demo: Store) -> None:
    snapshot = build_snapshot(demo, 5, "members", NOW)
    long_place = "The Very Long Name of a Meeting Hall, " * 8
    crowded = snapshot.model_copy(
        update={
            "call_to_action": "Come to the rally. " * 20,
            "next_session": RecapNextSession(number=None, starts=NOW, location=long_place),
        }
    )
    text = render_recap(crowded, format="sms")
    assert len(text.rstrip("\n")) <= 320
    # The action is shortened, never dropped; the link to the full recap stays.
    assert "Come to the rally." in text and "…" in text and "Full recap: https://" in text


# ------------------------------------------------------------------------------ CSV, JSON


def test_board_csv_columns_and_line_endings(demo: Store, hostile: Store) -> None:
    text = render_recap(build_snapshot(demo, 4, "members", NOW), format="csv")
    assert text.splitlines()[0] == "article,title,status,holder,holding_since,last_proposal"
    assert "\r" not in text and text.endswith("\n")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["article"] for r in rows] == [a.number for a in demo.articles()]
    assert {r["holder"] for r in rows} <= {"union", "employer", ""}
    assert {r["status"] for r in rows} <= {"open", "ta", "not_opened"}
    five = next(r for r in rows if r["article"] == "5")
    assert five["holding_since"] == "2026-03-15T17:01:00-07:00"
    assert five["last_proposal"] == ""  # REA #6 is embargoed
    tricky = list(
        csv.DictReader(io.StringIO(board_csv(hostile.board(), hostile.campaign().timezone)))
    )
    assert tricky[0]["title"] == "Pay | Benefits <b>x</b>"


def test_board_csv_takes_the_store_board(demo: Store) -> None:
    text = board_csv(demo.board(), demo.campaign().timezone)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(demo.articles())
    assert any(r["holding_since"].endswith(("-07:00", "-08:00")) for r in rows)


def test_json_is_the_structured_recap(demo: Store) -> None:
    snapshot = build_snapshot(demo, 4, "members", NOW)
    document = json.loads(render_recap(snapshot, format="json", lang="es"))
    assert document["format"] == "open-bargaining.recap" and document["lang"] == "es"
    assert document["recap"]["audience"] == "members"
    assert document["recap"]["session"]["number"] == 4
    assert RecapSnapshot.model_validate(document["recap"]) == snapshot
    assert document["text"]["title"] == "Novedades de la negociación: sesión 4"


# ------------------------------------------------------------------------------ languages


def test_dates_and_times_are_written_the_way_each_language_writes_them(demo: Store) -> None:
    snapshot = build_snapshot(demo, 4, "members", NOW)
    english = render_recap(snapshot, format="md", lang="en")
    spanish = render_recap(snapshot, format="md", lang="es")
    assert "Sunday, March 22, 2026, 4:30 PM" in english
    assert "domingo, 22 de marzo de 2026, 4:30 p. m." in spanish
    assert "## Where things stand" in english and "## Dónde estamos" in spanish
    assert "Sunday, March 15, 2026, 4:40 PM–7:45 PM" in english


def test_unknown_format_language_or_template_use_is_refused(demo: Store, tmp_path: Path) -> None:
    snapshot = build_snapshot(demo, 1, "members", NOW)
    with pytest.raises(DomainError, match="format 'pdf'"):
        render_recap(snapshot, format="pdf")
    with pytest.raises(DomainError, match="language 'fr'"):
        render_recap(snapshot, format="md", lang="fr")
    with pytest.raises(DomainError, match="not to json"):
        render_recap(snapshot, format="json", template=tmp_path / "x.j2")
    assert set(FORMATS) == {"md", "html", "eml", "sms", "json", "csv"}


# ------------------------------------------------------------------------------ templates


def test_user_template_file_and_config_folder(
    demo: Store, tmp_path: Path, isolated_user_templates: Path
) -> None:
    snapshot = build_snapshot(demo, 2, "members", NOW)
    mine = tmp_path / "mine.md.j2"
    mine.write_text("Session {{ recap.session.number }}: {{ t.tas }} | {{ recap.tas | length }}\n")
    assert render_recap(snapshot, format="md", template=mine) == (
        "Session 2: Tentative agreements | 1\n"
    )
    isolated_user_templates.mkdir(parents=True)
    (isolated_user_templates / "recap.md.j2").write_text("Ours: {{ title }}\n")
    clear_cache()
    assert render_recap(snapshot, format="md") == "Ours: Bargaining update: Session 2\n"
    # An override can still wrap the shipped template.
    (isolated_user_templates / "recap.md.j2").write_text(
        'Ours\n\n{% include "builtin/recap.md.j2" %}'
    )
    assert render_recap(snapshot, format="md").startswith("Ours\n\n# Tentative agreement on")
    # Formats with no override keep the built-in template.
    assert render_recap(snapshot, format="html").startswith("<!DOCTYPE html>")


def test_user_template_can_include_the_built_in_ones(demo: Store, tmp_path: Path) -> None:
    snapshot = build_snapshot(demo, 2, "members", NOW)
    mine = tmp_path / "wrapper.md.j2"
    mine.write_text('Intro line\n\n{% include "recap.md.j2" %}')
    text = render_recap(snapshot, format="md", template=mine)
    assert text.startswith("Intro line\n\n# Tentative agreement on Article 17")


def test_template_errors_name_the_template_and_line(demo: Store, tmp_path: Path) -> None:
    snapshot = build_snapshot(demo, 1, "members", NOW)
    bad = tmp_path / "bad.md.j2"
    bad.write_text("line one\n\n{{ recap.session.number }\n")
    with pytest.raises(DomainError, match=r"^template bad\.md\.j2, line 3: unexpected '}'"):
        render_recap(snapshot, format="md", template=bad)
    undefined = tmp_path / "undefined.html.j2"
    undefined.write_text("<p>ok</p>\n<p>{{ recap.nothing_here }}</p>\n")
    with pytest.raises(DomainError, match=r"^template undefined\.html\.j2, line 2: .*nothing_here"):
        render_recap(snapshot, format="html", template=undefined)
    with pytest.raises(DomainError, match="does not exist"):
        render_recap(snapshot, format="md", template=tmp_path / "missing.j2")


def test_user_templates_run_in_a_sandbox(demo: Store, tmp_path: Path) -> None:
    snapshot = build_snapshot(demo, 1, "members", NOW)
    escape = tmp_path / "escape.md.j2"
    escape.write_text("{{ recap.__class__.__mro__[1].__subclasses__() }}\n")
    with pytest.raises(DomainError, match=r"template escape\.md\.j2"):
        render_recap(snapshot, format="md", template=escape)
    reach = tmp_path / "reach.md.j2"
    reach.write_text("{{ fmt.time.__globals__ }}\n")
    with pytest.raises(DomainError, match=r"template reach\.md\.j2"):
        render_recap(snapshot, format="md", template=reach)


def test_user_text_blast_template_is_held_to_320_characters(demo: Store, tmp_path: Path) -> None:
    snapshot = build_snapshot(demo, 1, "members", NOW)
    short = tmp_path / "short.j2"
    short.write_text("{{ union }}: {{ sms }}")
    assert render_recap(snapshot, format="sms", template=short).startswith("REA: REA: ")
    long = tmp_path / "long.j2"
    long.write_text("{% for n in range(50) %}blah blah {% endfor %}")
    with pytest.raises(DomainError, match="keep it to 320"):
        render_recap(snapshot, format="sms", template=long)


def test_exports_import_neither_textual_nor_rich() -> None:
    code = (
        "import sys, json, tempfile, pathlib, datetime\n"
        "from models.store import Store\n"
        "from models.recap import build_snapshot\n"
        "from models.demo import demo_events\n"
        "from exports import render_recap\n"
        "path = pathlib.Path(tempfile.mkdtemp()) / 'd.db'\n"
        "store = Store(path, create=True)\n"
        "store.import_journal(json.dumps(e) for e in demo_events(datetime.date(2026, 3, 22)))\n"
        "snapshot = build_snapshot(store, 4, 'members')\n"
        "for fmt in ('md', 'html', 'eml', 'sms', 'json', 'csv'):\n"
        "    render_recap(snapshot, format=fmt)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(json.dumps(bad))\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert json.loads(result.stdout) == []


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


# ------------------------------------------------- compiled templates, in memory only


@pytest.fixture
def cache_home(tmp_path: Path) -> Iterator[Path]:
    """An empty user cache folder (and no user templates), forgotten afterwards."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
        patch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
        clear_cache()
        yield tmp_path / "cache"
    clear_cache()


def test_templates_are_compiled_once_per_process_and_never_written(
    demo: Store, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinja2 import Environment

    snapshot = build_snapshot(demo, 4, "members", NOW)
    first = {fmt: render_recap(snapshot, format=fmt) for fmt in ("md", "html", "eml")}
    assert not cache_home.exists()  # exports/ never writes: no bytecode cache

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(Environment, "compile", no_compiling)
    assert {fmt: render_recap(snapshot, format=fmt) for fmt in first} == first


def test_one_template_for_markdown_and_html_keeps_each_escaping(
    demo: Store, cache_home: Path, tmp_path: Path
) -> None:
    snapshot = build_snapshot(demo, 4, "members", NOW)
    template = tmp_path / "mine.j2"
    template.write_text("{{ '*<b>*' }}\n", encoding="utf-8")
    assert render_recap(snapshot, format="md", template=template) == "\\*&lt;b&gt;\\*\n"
    assert render_recap(snapshot, format="html", template=template) == "*&lt;b&gt;*\n"
    assert render_recap(snapshot, format="md", template=template) == "\\*&lt;b&gt;\\*\n"
    # Editing the template is seen at once.
    template.write_text("{{ '_x_' }}\n", encoding="utf-8")
    assert render_recap(snapshot, format="md", template=template) == "\\_x\\_\n"
