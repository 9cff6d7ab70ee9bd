"""Issue 14, item 13, in the import dialog: a list with an `Article,Title` header that repeats
rows unchanged is ready (and says what it skips); a refusal is never shown above "N articles
ready"; rows the campaign already has are skipped. At 80x24 and 160x48."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input

from models.store import Store
from tests.tui.dialog_host import NOT_CLOSED, DialogHost
from tui.dialogs.article_import import ArticleImport, ArticleImportDialog
from tui.dialogs.form_fields import FieldError, FormHint

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]
LIST = "Article,Title\n31,Parking\n32,Lockers\n31,Parking\n33,Travel\n32,Lockers\n"


@pytest.fixture
def store(demo_db: Path) -> Iterator[Store]:
    with Store(demo_db, seat="lead") as opened:
        yield opened


def shown(dialog: ArticleImportDialog) -> tuple[str, str]:
    preview = dialog.query_one("#import-preview", FormHint)
    errors = [e.message for e in dialog.query(FieldError) if e.has_class("-shown")]
    return (preview.text if preview.has_class("-shown") else ""), " | ".join(errors)


@pytest.mark.parametrize("size", SIZES)
async def test_repeated_rows_are_skipped_and_said(
    size: tuple[int, int], store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "articles.csv"
    path.write_text(LIST, encoding="utf-8")
    existing = {a.number: a.title for a in store.articles()}

    def save(found: ArticleImport) -> None:
        store.record_numbered(found.lines)

    dialog = ArticleImportDialog(path=str(path), existing=existing, on_save=save)
    app = DialogHost(dialog)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        preview, errors = shown(dialog)
        assert preview.startswith("3 articles ready (2 repeated rows skipped)"), preview
        assert errors == ""
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is not NOT_CLOSED
    assert [a.title for a in store.articles() if a.number in {"31", "32", "33"}] == [
        "Parking",
        "Lockers",
        "Travel",
    ]


@pytest.mark.parametrize("size", SIZES)
async def test_a_refusal_is_never_shown_above_ready(
    size: tuple[int, int], store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "articles.csv"
    path.write_text("number,title\n31,Parking\n3,Something else\n", encoding="utf-8")

    def save(found: ArticleImport) -> None:
        store.record_numbered(found.lines)

    # Not told what the campaign holds: the store refuses article 3 on save.
    dialog = ArticleImportDialog(path=str(path), on_save=save)
    app = DialogHost(dialog)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is NOT_CLOSED
        preview, errors = shown(dialog)
        assert "article 3" in errors
        assert "ready" not in preview, preview
        # Typing again reads the file again.
        box = dialog.query_one("#path", Input)
        box.value = str(tmp_path / "none.csv")
        await pilot.pause()
        preview, errors = shown(dialog)
        assert "ready" not in preview and "no file" in errors


@pytest.mark.parametrize("size", SIZES)
async def test_a_conflict_with_the_campaign_is_named_before_save(
    size: tuple[int, int], store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "articles.csv"
    path.write_text("number,title\n31,Parking\n3,Something else\n", encoding="utf-8")
    existing = {a.number: a.title for a in store.articles()}
    dialog = ArticleImportDialog(path=str(path), existing=existing)
    app = DialogHost(dialog)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.result is NOT_CLOSED
        preview, errors = shown(dialog)
        assert preview == ""
        assert "line 3: article 3 is already" in errors
