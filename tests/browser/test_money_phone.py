"""The money section in chromium, at 375 and 800 px: the chart (an inline PNG) and its table fit
the page and are seen, in both languages, for the scenario of three sessions of economic moves.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from exports import render_recap
from exports.i18n import language
from models.recap import RecapSnapshot, build_snapshot
from models.store import Store
from tests.browser.test_recap_phone import assert_fits, measure

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parent.parent / "fixtures" / "money-journal.jsonl"
NOW = datetime.fromisoformat("2026-02-10T20:00:00-08:00")


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecapSnapshot]:
    with Store(tmp_path_factory.mktemp("money") / "m.db", create=True) as store:
        with FIXTURE.open(encoding="utf-8") as lines:
            store.import_journal(lines)
        yield build_snapshot(store, 3, "members", NOW)


@pytest.mark.parametrize("width", [375, 800])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_money_chart_and_table_fit_and_show(
    snapshot: RecapSnapshot, page: Page, shoot: Any, tmp_path: Path, lang: str, width: int
) -> None:
    html = render_recap(snapshot, format="html", lang=lang, user_dir=tmp_path / "none")
    assert_fits(measure(page, html, width), width)
    heading = page.locator("h2", has_text=language(lang).labels["money"])
    heading.scroll_into_view_if_needed()
    chart = page.locator("img")
    assert chart.count() == 1
    chart.scroll_into_view_if_needed()
    shoot(f"money-{lang}-{width}")
    box = chart.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
    assert box["height"] > 200  # drawn, not a broken-image icon
    assert page.evaluate("document.querySelector('img').naturalWidth") > 0
    assert page.get_by_role("cell", name="Raise, year 1").is_visible()
