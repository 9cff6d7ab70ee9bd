"""The write functions the app calls for undo, redo and an article import, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest

from models import actions
from models.domain import Party
from models.errors import DomainError
from models.store import Store
from tests.support import file_digest


def test_undo_event_hides_it_and_redo_brings_it_back(live_store: Store) -> None:
    proposal = actions.pass_proposal(
        live_store, session=2, by=Party.UNION, articles=["2"], label="REA #2"
    )
    undo = actions.undo_event(live_store, proposal)
    assert undo.type == "event.undone" and undo.data["event"] == proposal.id
    assert [p.label for p in live_store.proposals() if p.label == "REA #2"] == []
    assert live_store.last_redoable() == undo
    undid = actions.undone_event(live_store, undo)
    assert undid is not None and undid.id == proposal.id
    redo = actions.redo(live_store, undo)
    assert redo.type == "event.undone" and redo.data["event"] == undo.id
    assert [p.label for p in live_store.proposals() if p.label == "REA #2"] == ["REA #2"]
    assert live_store.last_redoable() is None


def test_redo_of_an_event_that_is_not_an_undo_is_refused_and_writes_nothing(
    live_store: Store, db_path: Path
) -> None:
    note = actions.add_note(live_store, session=2, text="Kept")
    before = file_digest(db_path)
    with pytest.raises(DomainError, match="not an undo"):
        actions.redo(live_store, note)
    assert file_digest(db_path) == before
    assert [n.text for n in live_store.notes(2)] == ["Kept"]


def test_undo_event_says_why_when_a_later_event_depends_on_it(live_store: Store) -> None:
    proposal = actions.pass_proposal(
        live_store, session=2, by=Party.UNION, articles=["2"], label="REA #2"
    )
    actions.withdraw_proposal(live_store, proposal.id)
    with pytest.raises(DomainError, match="depends on it"):
        actions.undo_event(live_store, proposal)


def test_import_articles_adds_every_article_of_the_file(live_store: Store) -> None:
    lines = [
        (2, {"type": "article.added", "number": "40", "title": "Parking"}),
        (4, {"type": "article.added", "number": "41", "title": "Lockers"}),
    ]
    assert actions.import_articles(live_store, lines) == 2
    titles = {a.number: a.title for a in live_store.articles()}
    assert (titles["40"], titles["41"]) == ("Parking", "Lockers")


def test_import_articles_is_all_or_nothing_and_names_the_line(
    live_store: Store, db_path: Path
) -> None:
    before = file_digest(db_path)
    articles = live_store.articles()
    taken = articles[0].number
    lines = [
        (2, {"type": "article.added", "number": "40", "title": "Parking"}),
        (3, {"type": "article.added", "number": taken, "title": "Again"}),
    ]
    with pytest.raises(DomainError, match=r"^line 3: "):
        actions.import_articles(live_store, lines)
    assert file_digest(db_path) == before and live_store.articles() == articles


def test_import_articles_takes_only_articles(live_store: Store, db_path: Path) -> None:
    before = file_digest(db_path)
    lines = [
        (2, {"type": "article.added", "number": "40", "title": "Parking"}),
        (3, {"type": "session.started", "session": 3}),
    ]
    with pytest.raises(DomainError, match=r"^line 3: .*article"):
        actions.import_articles(live_store, lines)
    assert file_digest(db_path) == before
