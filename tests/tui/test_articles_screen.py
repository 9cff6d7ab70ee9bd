"""The articles screen and its dialogs, driven by keys alone; the database is the proof.

The small campaign (tests/fixtures/small-journal.jsonl) has articles 1, 2, 3, 4 and 10.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import DataTable

from models.store import Store
from tests.support import file_digest
from tui.dialogs.article_form import ArticleDialog
from tui.dialogs.article_import import ArticleImportDialog
from tui.dialogs.form_fields import FieldError, FormHint
from tui.screens.articles import ArticlesScreen

SIZES = [(80, 24), (160, 48)]


class Host(App[None]):
    """A bare app that shows the articles screen."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.closed = False

    def on_mount(self) -> None:
        self.push_screen(ArticlesScreen(self.store), self.note_closed)

    def note_closed(self, _result: None) -> None:
        self.closed = True


def error_of(app: App[None], field: str) -> str:
    """The problem shown under a field ("" when it never had one: its line is made then)."""
    errors = app.screen.query(f"#{field}-error").results(FieldError)
    return next((error.message for error in errors), "")


def table_numbers(app: App[None]) -> list[str]:
    table = app.screen.query_one("#articles-table", DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


def numbers(store: Store) -> list[str]:
    return [article.number for article in store.articles()]


@pytest.mark.parametrize("size", SIZES)
async def test_add_an_article_in_natural_order(small_store: Store, size: tuple[int, int]) -> None:
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        assert table_numbers(app) == ["1", "2", "3", "4", "10"]
        await pilot.press("n", *"9", "enter", *"Transfers", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticlesScreen)
        assert table_numbers(app) == ["1", "2", "3", "4", "9", "10"]
        assert app.screen.selected_number() == "9"
    assert numbers(small_store) == ["1", "2", "3", "4", "9", "10"]
    assert small_store.articles()[4].title == "Transfers"


@pytest.mark.parametrize("size", SIZES)
async def test_a_number_that_exists_is_refused_as_typed(
    small_store: Store, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("n", "3")
        assert error_of(app, "number") == "article 3 already exists; rename it instead"
        await pilot.press("tab", *"Again", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ArticleDialog)
        # Save went back to the field that is wrong.
        assert app.screen.focused is not None and app.screen.focused.id == "number"
        await pilot.press("ctrl+u")
        assert error_of(app, "number") == "the number is empty; type something"
        await pilot.press("escape")
        assert isinstance(app.screen, ArticlesScreen)
    assert numbers(small_store) == ["1", "2", "3", "4", "10"]
    assert file_digest(db_path) == before


@pytest.mark.parametrize("size", SIZES)
async def test_rename_the_highlighted_article(small_store: Store, size: tuple[int, int]) -> None:
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("down", "down", "r")
        assert isinstance(app.screen, ArticleDialog)
        # The old title is selected: typing replaces it.
        await pilot.press(*"Class Size and Ratios", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticlesScreen)
    assert small_store.articles()[2].title == "Class Size and Ratios"
    assert numbers(small_store) == ["1", "2", "3", "4", "10"]


@pytest.mark.parametrize("size", SIZES)
async def test_an_empty_title_shows_its_error_and_saves_nothing(
    small_store: Store, db_path: Path, size: tuple[int, int]
) -> None:
    before = file_digest(db_path)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("r", "backspace")
        assert error_of(app, "title") == "the title is empty; type something"
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ArticleDialog)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.closed
    assert small_store.articles()[0].title == "Recognition"
    assert file_digest(db_path) == before


@pytest.mark.parametrize("size", SIZES)
async def test_import_a_csv(
    small_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    monkeypatch.chdir(tmp_path)
    csv = Path("more.csv")
    csv.write_text(
        "number,title\n11,Transfers\n\n12.3,Air Quality\nAppendix A,Salary Schedule\n",
        encoding="utf-8",
    )
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("i", *str(csv))
        preview = app.screen.query_one("#import-preview", FormHint)
        assert preview.text == "3 articles ready: 11 Transfers … Appendix A"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticlesScreen)
        assert table_numbers(app) == ["1", "2", "3", "4", "10", "11", "12.3", "Appendix A"]
    assert small_store.articles()[-1].title == "Salary Schedule"


@pytest.mark.parametrize("size", SIZES)
async def test_a_bad_csv_names_its_line_and_saves_nothing(
    small_store: Store,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    monkeypatch.chdir(tmp_path)
    bad = Path("bad.csv")
    bad.write_text("number,title\n11,Transfers\n12,Safety,extra\n", encoding="utf-8")
    before = file_digest(db_path)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("i", *"nothing.csv")
        assert error_of(app, "path").startswith("no file at ")
        await pilot.press("ctrl+u", *str(bad))
        assert error_of(app, "path") == "line 3: expected 2 columns (number,title), found 3"
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ArticleImportDialog)
        await pilot.press("escape")
    assert numbers(small_store) == ["1", "2", "3", "4", "10"]
    assert file_digest(db_path) == before


@pytest.mark.parametrize("size", SIZES)
async def test_an_import_that_retitles_an_article_is_all_or_nothing(
    small_store: Store,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    monkeypatch.chdir(tmp_path)
    clash = Path("clash.csv")
    clash.write_text("number,title\n11,Transfers\n3,Class Sizes\n", encoding="utf-8")
    before = file_digest(db_path)
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("i", *str(clash))
        # Article 3 is "Class Size" in the campaign: the file is refused before any save.
        assert error_of(app, "path") == (
            "line 3: article 3 is already “Class Size” in the campaign, not “Class Sizes”; "
            "rename it on the articles screen, or fix the line"
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleImportDialog)
        await pilot.press("escape")
    # Article 11, on the good line 2, was not kept either.
    assert numbers(small_store) == ["1", "2", "3", "4", "10"]
    assert file_digest(db_path) == before


@pytest.mark.parametrize("size", SIZES)
async def test_a_list_that_repeats_the_campaigns_articles_imports_the_new_ones(
    small_store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    monkeypatch.chdir(tmp_path)
    again = Path("again.csv")
    again.write_text("Article,Title\n11,Transfers\n3,Class Size\n11,Transfers\n", "utf-8")
    app = Host(small_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press("i", *str(again))
        assert error_of(app, "path") == ""
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ArticleImportDialog)
    assert numbers(small_store) == ["1", "2", "3", "4", "10", "11"]


async def test_what_another_seat_adds_appears_within_a_second(
    small_store: Store, db_path: Path
) -> None:
    app = Host(small_store)
    async with app.run_test(size=(80, 24)) as pilot:
        with Store(db_path, seat="notes") as other:
            other.record({"type": "article.added", "number": "5", "title": "Salary"})
        await pilot.pause(1.3)
        assert table_numbers(app) == ["1", "2", "3", "4", "5", "10"]


async def test_every_binding_has_a_description() -> None:
    for binding in ArticlesScreen.BINDINGS:
        assert not isinstance(binding, tuple)
        assert binding.description, binding
