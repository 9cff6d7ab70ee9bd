"""The recap screen's news keys, driven by keys alone: `h` writes the headline and lead
(prefilled with the suggestion, marked as one), `t` translates what the Spanish recap shows
untranslated; the news line says which, and the text blast's segments."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from textual.widgets import Input, Static

from models.store import Store
from tests.tui.recap_host import SIZE_IDS, SIZES, Host, press, recap, settle, shown
from tui.dialogs.recap_headline import HeadlineDialog
from tui.dialogs.translate import TranslateDialog
from tui.screens.recap_send import write_recaps

if TYPE_CHECKING:
    from tests.tui.conftest import FrozenClock


def news(app: Host) -> str:
    return str(recap(app).query_one("#recap-news", Static).content)


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_h_writes_the_headline_over_the_marked_suggestion(
    demo_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert news(app).startswith("SUGGESTED headline (h to write yours): Tentative agreements")
        await press(pilot, "h")
        dialog = app.screen
        assert isinstance(dialog, HeadlineDialog) and dialog.suggested
        headline = dialog.query_one("#headline", Input)
        assert headline.value == "Tentative agreements on 4 articles"
        headline.value = ""
        await pilot.press(*"Four TAs and a first offer on salary")
        await press(pilot, "enter")
        assert not isinstance(app.screen, HeadlineDialog)
        await settle(pilot)
        assert news(app).startswith("Headline (h to edit): Four TAs and a first offer on salary")
        assert shown(app).startswith("# Four TAs and a first offer on salary")
        # The lead was kept as suggested, now written: nothing is marked as suggested.
        assert "SUGGESTED" not in news(app)
        await press(pilot, "f", "f", "f")  # Markdown -> HTML -> e-mail -> text blast
        assert recap(app).choice.format == "sms"
        assert "Text blast: " in news(app) and "segment" in news(app)
        # The count comes first: the line is cut at the screen's edge, and at 80 columns the
        # headline (shown in the preview anyway) would push it out of sight.
        assert "segment" in news(app)[: size[0] - 2]
        assert shown(app).startswith("REA: Four TAs and a first offer on salary.")


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
async def test_t_translates_what_the_spanish_recap_shows_untranslated(
    demo_store: Store, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = Host(demo_store, clock)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await press(pilot, "t")  # English: nothing to translate; says how
        assert not isinstance(app.screen, TranslateDialog)
        await press(pilot, "l")
        assert recap(app).choice.lang == "es"
        before = news(app)
        assert "untranslated (t to translate)" in before
        count = int(before.split(" texts untranslated")[0].split()[-1])
        await press(pilot, "t")
        dialog = app.screen
        assert isinstance(dialog, TranslateDialog)
        item = dialog.chosen()
        # The first text with words to translate: the label "RUSD #7" before it is not asked.
        assert item is not None and (item.event, item.field) == ("ev-0213", "summary")
        assert "RUSD #7" not in {u.text for u in dialog.items}
        dialog.query_one("#translation", Input).focus()
        await pilot.press(*"Suplentes a $200 al día")
        await press(pilot, "enter")
        # The next one comes up at once, one fewer; Esc stops.
        following = app.screen
        assert isinstance(following, TranslateDialog) and len(following.items) == count - 1
        assert ("ev-0213", "summary") not in {(u.event, u.field) for u in following.items}
        await press(pilot, "escape")
        assert not isinstance(app.screen, TranslateDialog)
        await settle(pilot)
        assert f"{count - 1} texts untranslated" in news(app)
        assert "Suplentes a $200 al día" in shown(app)
        # The files written in Spanish carry the translation too.
        files = write_recaps(demo_store, 5, lang="es", audience="members", now=clock())
        markdown = next(path for path in files if path.suffix == ".md")
        assert "Suplentes a $200 al día" in markdown.read_text(encoding="utf-8")
