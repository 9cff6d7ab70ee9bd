"""The export formats in the two languages, and the user's templates: found, included,
sandboxed, held to the text blast's length, compiled once and never written."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from exports import FORMATS, render_recap
from exports.templating import clear_cache
from models.errors import DomainError
from models.recap import build_snapshot
from models.store import Store
from tests.export_support import NOW

pytestmark = pytest.mark.usefixtures("isolated_user_templates")


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
