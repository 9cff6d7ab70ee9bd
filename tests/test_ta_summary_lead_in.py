"""A TA's summary in the recap loses a lead-in that names its article again, in every
language: the lead-in is in the words it was typed in (the title as the team wrote it),
whatever language the recap shows the title in."""

from __future__ import annotations

from pathlib import Path

import pytest

from exports import render_recap
from models.demo import build_demo
from models.recap import build_snapshot
from models.store import Store


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path: Path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo(path)
    return Store(path)


SUBSTITUTES_TA_SESSION = 5
"""The demo signs its TA on article 15 (Substitute Teachers: ...) in session 5."""


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_ta_line_does_not_name_the_article_twice(demo: Store, lang: str) -> None:
    snapshot = build_snapshot(demo, SUBSTITUTES_TA_SESSION, "members", lang=lang)
    md = render_recap(snapshot, format="md", lang=lang)
    line = next(x for x in md.splitlines() if "$200 a day" in x)
    assert "Substitute Teachers:" not in line, line
    assert line.count("Substitute Teachers") + line.count("Maestros suplentes") == 1, line
