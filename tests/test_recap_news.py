"""The recap's news and languages as journal events: `recap.written` (the comms lead's
headline and lead, merged field by field) and `text.translated` (a translation that counts
only while its source text is the one it translated)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from exports import render_recap
from exports.i18n import language
from exports.news import headline, is_suggested, lead, subject
from models.actions import rename_article
from models.errors import DomainError
from models.recap import build_snapshot
from models.recap_actions import translate_text, write_recap
from models.store import Store
from models.translatable import has_words
from tests.support import SMALL_JOURNAL

NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "news.db", create=True)
    store.import_journal(SMALL_JOURNAL.read_text(encoding="utf-8").splitlines())
    return store


def test_until_written_the_headline_and_lead_are_suggested_from_the_day(store: Store) -> None:
    snapshot = build_snapshot(store, 1, "members", NOW)
    en = language("en")
    assert is_suggested(snapshot)
    assert headline(snapshot, en) == "Tentative agreement on Article 1 (Recognition)"
    assert lead(snapshot, en).startswith(
        "Both teams signed a tentative agreement (TA) on Article 1 (Recognition)."
    )
    md = render_recap(snapshot, format="md")
    assert md.startswith("# Tentative agreement on Article 1 (Recognition)\n")


def test_the_comms_leads_words_merge_field_by_field_and_the_latest_counts(store: Store) -> None:
    write_recap(store, 1, headline="Class sizes: the district moves to 28")
    write_recap(store, 1, lead="A first answer on class size. More next week.")
    write_recap(store, 1, headline="Class sizes: the district moves")
    snapshot = build_snapshot(store, 1, "members", NOW)
    en = language("en")
    assert not is_suggested(snapshot)
    assert headline(snapshot, en) == "Class sizes: the district moves"
    assert lead(snapshot, en) == "A first answer on class size. More next week."
    assert subject(snapshot, en) == "REA bargaining, session 1: Class sizes: the district moves"
    text = render_recap(snapshot, format="md")
    assert text.index("# Class sizes") < text.index("A first answer") < text.index("## At a")
    html = render_recap(snapshot, format="html")
    assert "display:none" in html.split("A first answer on class size")[0][-300:]  # preheader
    sms = render_recap(snapshot, format="sms")
    assert sms.startswith("REA: Class sizes: the district moves.")
    # An empty headline clears it: the suggestion shows again, the lead stays.
    write_recap(store, 1, headline="")
    snapshot = build_snapshot(store, 1, "members", NOW)
    assert headline(snapshot, en).startswith("Tentative agreement on")
    assert lead(snapshot, en) == "A first answer on class size. More next week."


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ({"type": "recap.written", "session": 1}, "needs a headline, a lead, or both"),
        ({"type": "recap.written", "session": 1, "headline": "x" * 121}, "keep it to 120"),
        ({"type": "recap.written", "session": 7, "headline": "Hi"}, "session 7"),
        ({"type": "text.translated", "event": "nope", "field": "text", "lang": "es",
          "text": "Hola"}, "'nope' is not in the journal"),
        ({"type": "text.translated", "event": "n2", "field": "label", "lang": "es",
          "text": "Hola"}, "no member-facing 'label'"),
        ({"type": "text.translated", "event": "k1", "field": "purpose", "lang": "es",
          "text": "Hola"}, "field must be one of"),
        ({"type": "text.translated", "event": "n2", "field": "text", "lang": "en",
          "text": "Hola"}, "is English"),
        ({"type": "text.translated", "event": "n2", "field": "text", "lang": "es!",
          "text": "Hola"}, "language code"),
    ],
)  # fmt: skip
def test_bad_lines_are_refused_in_one_line_and_change_nothing(
    store: Store, line: dict[str, object], message: str
) -> None:
    before = store.last_seq()
    with pytest.raises(DomainError) as refused:
        store.record(line)
    assert message in str(refused.value) and "\n" not in str(refused.value)
    assert store.last_seq() == before


def test_spanish_uses_a_translation_while_its_source_is_the_text_shown(store: Store) -> None:
    untranslated = build_snapshot(store, 1, "members", NOW, lang="es").untranslated
    assert ("n2", "text") in {(u.event, u.field) for u in untranslated}
    assert ("a1", "title") in {(u.event, u.field) for u in untranslated}
    translate_text(store, "n2", "text", "es", "Nuestros alumnos no aprenden en aulas de 32")
    translate_text(store, "a1", "title", "es", "Reconocimiento")
    spanish = build_snapshot(store, 1, "members", NOW, lang="es")
    keys = {(u.event, u.field) for u in spanish.untranslated}
    assert ("n2", "text") not in keys and ("a1", "title") not in keys
    text = render_recap(spanish, format="md", lang="es")
    assert "Nuestros alumnos no aprenden en aulas de 32" in text
    assert "Artículo 1 (Reconocimiento)" in text
    # English stays English, and lists nothing.
    english = build_snapshot(store, 1, "members", NOW)
    assert english.untranslated == () and "Recognition" in render_recap(english, format="md")
    # Retitling the article makes its translation stale: the new title shows, listed again.
    rename_article(store, "1", "Union Recognition")
    stale = build_snapshot(store, 1, "members", NOW, lang="es")
    assert "Artículo 1 (Union Recognition)" in render_recap(stale, format="md", lang="es")
    assert any(u.field == "title" and u.text == "Union Recognition" for u in stale.untranslated)


def test_a_text_of_names_and_numbers_only_is_not_listed_untranslated(store: Store) -> None:
    # "REA #1" reads the same in every language: the comms lead is not asked to translate it.
    snapshot = build_snapshot(store, 1, "members", NOW, lang="es")
    listed = {(u.event, u.field) for u in snapshot.untranslated}
    assert ("p1", "summary") in listed
    assert ("p1", "label") not in listed and ("p2", "label") not in listed
    assert "REA #1" in render_recap(snapshot, format="md", lang="es")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("RUSD #7", False),
        ("REA #12-B", False),
        ("12.3", False),
        ("REA/RUSD 4", False),
        ("RUSD #5 (package)", True),
        ("REA's #2", True),
        ("RUSD #5(package)", True),
        ("Appendix A", True),
        ("REAL #1", True),  # a short name counts only as a whole word
        ("Artículo", True),
    ],
)
def test_which_texts_have_words_to_translate(text: str, words: bool) -> None:
    assert has_words(text, names=("REA", "RUSD")) is words


def test_a_translation_of_a_team_note_never_reaches_members(store: Store) -> None:
    # n1 was taken while the union was in caucus: team only.
    translate_text(store, "n1", "text", "es", "Mantenemos 24 SECRETO")
    for lang in ("en", "es"):
        snapshot = build_snapshot(store, 1, "members", NOW, lang=lang)
        for fmt in ("md", "html", "sms", "json", "eml"):
            assert "SECRETO" not in render_recap(snapshot, format=fmt, lang=lang)
        assert all(u.event != "n1" for u in snapshot.untranslated)
    team = build_snapshot(store, 1, "team", NOW, lang="es")
    assert "Mantenemos 24 SECRETO" in render_recap(team, format="md", lang="es")


def test_recap_events_round_trip_through_the_journal_and_undo(store: Store, tmp_path: Path) -> None:
    write_recap(store, 1, headline="Titular", lead="Entrada")
    event = translate_text(store, "n2", "text", "es", "Traducido")
    assert event.data["source"]  # the hash of the text it translated, kept in the journal
    copy = Store(tmp_path / "copy.db", create=True)
    copy.import_journal(list(store.journal()))
    for one in (store, copy):
        snapshot = build_snapshot(one, 1, "members", NOW, lang="es")
        assert snapshot.headline == "Titular" and "Traducido" in render_recap(
            snapshot, format="md", lang="es"
        )
    store.undo(event.id)
    assert "Traducido" not in render_recap(
        build_snapshot(store, 1, "members", NOW, lang="es"), format="md", lang="es"
    )
    # The note cannot be undone while a translation of it stands (undo that first).
    with pytest.raises(DomainError, match="depends on it"):
        copy.undo("n2")


def test_a_session_that_crosses_midnight_is_one_day(tmp_path: Path) -> None:
    store = Store(tmp_path / "late.db", create=True)
    lines = [
        {"type": "campaign.created", "at": "2026-03-01T09:00:00-08:00",
         "union": {"name": "Union", "short": "UN"}, "employer": {"name": "District", "short": "DI"},
         "timezone": "America/Los_Angeles"},
        {"type": "session.scheduled", "at": "2026-03-01T09:01:00-08:00", "session": 1,
         "starts": "2026-03-10T22:00:00-07:00"},
        {"type": "session.started", "at": "2026-03-10T22:00:00-07:00", "session": 1},
        {"type": "info_request.made", "at": "2026-03-10T23:30:00-07:00", "session": 1,
         "by": "union", "text": "Before midnight"},
        {"type": "info_request.made", "at": "2026-03-11T00:30:00-07:00", "session": 1,
         "by": "union", "text": "After midnight"},
        {"type": "session.ended", "at": "2026-03-11T01:00:00-07:00", "session": 1},
    ]  # fmt: skip
    for line in lines:
        store.record(line)
    snapshot = build_snapshot(store, 1, "members", NOW)
    assert [r.age_days for r in snapshot.requests_open] == [0, 0]
    text = render_recap(snapshot, format="md")
    assert "day ago" not in text and text.count("(today)") == 2


def test_the_sign_off_and_how_to_watch_translate_until_changed(store: Store) -> None:
    settings = store.record(
        {
            "type": "campaign.updated",
            "recap": {"signoff": "In solidarity", "watch": "Watch: https://example.org/z"},
        }
    )
    translate_text(store, settings.id, "signoff", "es", "En solidaridad")
    translate_text(store, settings.id, "watch", "es", "Míralo: https://example.org/z")
    text = render_recap(build_snapshot(store, 1, "members", NOW, lang="es"), format="md", lang="es")
    assert "En solidaridad" in text and "In solidarity" not in text
    store.record({"type": "campaign.updated", "recap": {"signoff": "Onward"}})
    stale = build_snapshot(store, 1, "members", NOW, lang="es")
    assert stale.campaign.signoff == "Onward" and stale.campaign.watch.startswith("Míralo")
    assert ("signoff", "Onward") in {(u.field, u.text) for u in stale.untranslated}


def test_spanish_says_a_la_una_and_a_las_dos_in_the_suggested_lead() -> None:
    es = language("es")
    message = (
        "{who} left for a caucus (a private break from the table) at {time} and did not "
        "come back before the session ended."
    )
    one = es._at(message, datetime.fromisoformat("2026-03-10T13:19:00-07:00"), who="RUSD")
    two = es._at(message, datetime.fromisoformat("2026-03-10T14:19:00-07:00"), who="RUSD")
    assert "a la 1:19 p. m." in one and "a las 2:19 p. m." in two
    assert one.startswith("RUSD se retiró a un caucus")


def test_the_campaigns_title_translates_until_changed(store: Store, tmp_path: Path) -> None:
    untitled = build_snapshot(store, 1, "members", NOW, lang="es").untranslated
    assert all(u.field != "title" or u.event != "c1" for u in untitled), "no title, no line"
    titled = store.record({"type": "campaign.updated", "title": "Successor contract 2026-2029"})
    listed = build_snapshot(store, 1, "members", NOW, lang="es").untranslated
    assert (titled.id, "title", "Successor contract 2026-2029") in {
        (u.event, u.field, u.text) for u in listed
    }
    translate_text(store, titled.id, "title", "es", "Contrato sucesor 2026-2029")
    spanish = build_snapshot(store, 1, "members", NOW, lang="es")
    assert spanish.campaign.title == "Contrato sucesor 2026-2029"
    assert "Contrato sucesor 2026-2029" in render_recap(spanish, format="md", lang="es")
    assert build_snapshot(store, 1, "members", NOW).campaign.title.startswith("Successor")
    store.record({"type": "campaign.updated", "title": "Successor agreement 2026-2029"})
    stale = build_snapshot(store, 1, "members", NOW, lang="es")
    assert stale.campaign.title == "Successor agreement 2026-2029"
    assert ("title", "Successor agreement 2026-2029") in {
        (u.field, u.text) for u in stale.untranslated
    }
    # A title given when the campaign was created translates the same way.
    lines = SMALL_JOURNAL.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["title"] = "Contract campaign"
    created = Store(tmp_path / "titled.db", create=True)
    created.import_journal([json.dumps(first), *lines[1:]])
    listed = build_snapshot(created, 1, "members", NOW, lang="es").untranslated
    assert ("c1", "title", "Contract campaign") in {(u.event, u.field, u.text) for u in listed}
    translate_text(created, "c1", "title", "es", "Campaña por el contrato")
    assert build_snapshot(created, 1, "members", NOW, lang="es").campaign.title == (
        "Campaña por el contrato"
    )
