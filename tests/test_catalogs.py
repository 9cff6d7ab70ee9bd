"""The recap's words come from gettext catalogs: a translator adds a language with one file."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from exports.catalog import BUILTIN_DIR, languages
from exports.i18n import Words, language
from models.errors import DomainError
from tests.support import SMALL_JOURNAL
from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
FRENCH = """\
msgid ""
msgstr ""
"Language: fr\\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

msgid "At a glance"
msgstr "En bref"

msgid "{n} caucus"
msgid_plural "{n} caucuses"
msgstr[0] "{n} suspension"
msgstr[1] "{n} suspensions"
"""


def _catalog(folder: Path, code: str, text: str) -> Path:
    path = folder / code / "LC_MESSAGES" / "recap.po"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_catalog_made_here_adds_a_language_and_the_rest_stays_english(tmp_path: Path) -> None:
    _catalog(tmp_path, "fr", FRENCH)
    assert languages(tmp_path) == ("en", "es", "fr")
    words = Words("fr", tmp_path)
    assert words.labels["at_a_glance"] == "En bref"
    assert words.labels["caucuses"] == "Caucuses"  # not in the catalog: English
    assert words._n("{n} caucus", "{n} caucuses", 0) == "0 suspension"  # French: 0 is singular
    assert words._n("{n} caucus", "{n} caucuses", 2) == "2 suspensions"
    assert words.date(datetime(2026, 3, 22)) == "22 mars 2026"  # CLDR, not the catalog


def test_the_cli_accepts_a_language_a_translator_added(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("BARGAIN_DB", raising=False)
    _catalog(tmp_path / "config" / "open-bargaining" / "locale", "fr", FRENCH)
    runner = CliRunner()
    db = str(tmp_path / "b.db")
    assert runner.invoke(main, ["--db", db, "journal", "import", str(SMALL_JOURNAL)]).exit_code == 0
    done = runner.invoke(main, ["--db", db, "recap", "--session", "1", "--lang", "fr"])
    assert done.exit_code == 0, done.output
    assert "## En bref" in done.output and "## Tentative agreements" in done.output
    refused = runner.invoke(main, ["--db", db, "recap", "--lang", "xx"])
    assert refused.exit_code == 2
    assert "language 'xx' has no catalog; use one of: en, es, fr" in refused.output


def test_spanish_puts_la_before_one_oclock_and_las_before_the_other_hours() -> None:
    es = language("es")
    assert es.running_note(datetime(2026, 3, 22, 13, 19)).endswith("hasta la 1:19 p. m.")
    assert es.running_note(datetime(2026, 3, 22, 14, 19)).endswith("hasta las 2:19 p. m.")
    assert es.running_note(datetime(2026, 3, 22, 0, 5)).endswith("hasta las 12:05 a. m.")
    assert es.join(["Salario", "Igualdad"]) == "Salario e Igualdad"
    assert es.join(["Salario", "Hielo"]) == "Salario y Hielo"


def test_a_broken_catalog_is_refused_in_one_line(tmp_path: Path) -> None:
    _catalog(tmp_path, "de", 'msgid "At a glance"\nmsgstr "Auf einen Blick"\nnonsense\n')
    with pytest.raises(DomainError, match=r"catalog .*recap\.po cannot be read") as error:
        Words("de", tmp_path)
    assert "\n" not in str(error.value)


def test_a_translation_with_a_slip_in_its_braces_gives_way_to_english(tmp_path: Path) -> None:
    _catalog(tmp_path, "it", 'msgid "{n} site"\nmsgid_plural "{n} sites"\n'
             'msgstr[0] "{x} sede"\nmsgstr[1] "{n} sedi"\n')  # fmt: skip
    words = Words("it", tmp_path)
    assert words._n("{n} site", "{n} sites", 1) == "1 site"
    assert words._n("{n} site", "{n} sites", 3) == "3 sedi"


def test_the_template_is_current_and_spanish_translates_every_message() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from update_catalogs import template
    finally:
        sys.path.remove(str(ROOT / "tools"))
    wanted = {(m.context, m.id) for m in template() if m.id}
    with (BUILTIN_DIR / "recap.pot").open("rb") as handle:
        shipped = {(m.context, m.id) for m in read_po(handle) if m.id}
    assert shipped == wanted, "run tools/update_catalogs.py"
    with (BUILTIN_DIR / "es" / "LC_MESSAGES" / "recap.po").open("rb") as handle:
        spanish = read_po(handle, locale="es")
    untranslated = [m.id for m in spanish if m.id and (not m.string or m.fuzzy)]
    assert {(m.context, m.id) for m in spanish if m.id} == wanted
    assert untranslated == []
