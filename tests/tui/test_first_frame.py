"""The first frame the console paints is the complete screen: the article board already has
its rows and its columns their widths (it used to fill itself a frame or two later); and
nothing that frame does not show is loaded before it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.geometry import Region
from textual.strip import Strip

from tests.tui.conftest import FrozenClock
from tui.app import BargainingApp
from tui.widgets.article_board import ArticleBoard


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_first_frame_shows_the_board(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first lines the board paints are its complete lines: every row, the columns at
    the widths they keep."""
    painted: list[list[str]] = []
    render_lines = ArticleBoard.render_lines

    def noted(board: ArticleBoard, crop: Region) -> list[Strip]:
        strips = render_lines(board, crop)
        painted.append([strip.text for strip in strips])
        return strips

    monkeypatch.setattr(ArticleBoard, "render_lines", noted)
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        settled = [board.render_line(y).text for y in range(board.size.height)]
        assert board.row_count > 10 and settled[1].strip()
        assert painted and painted[0] == settled


NOT_BEFORE_THE_FIRST_FRAME = (
    "click",
    "pydantic",
    "sqlite_utils",
    "rich._emoji_codes",
    "models.events",
    "tui.commands",
    "tui.dialogs",
    "tui.screens.sessions",
    "tui.screens.articles",
    "tui.screens.recap",
)
"""What the console does not show on its first frame, so does not load before it: the
command line, validation, migrations, Rich's emoji codes (a `str` column label is read as
markup and loads them), the palette's commands, dialogs and the screens around."""


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_the_first_frame_loads_only_what_it_shows(demo_db: Path, size: tuple[int, int]) -> None:
    script = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from tui.app import BargainingApp\n"
        "async def main():\n"
        "    app = BargainingApp(db_path=Path(sys.argv[1]), seat='lead')\n"
        f"    async with app.run_test(size={size!r}) as pilot:\n"
        "        await pilot.pause()\n"
        "        assert app.screen.query_one('#board').row_count > 10\n"
        "        loaded = [name for name in sys.argv[2:]\n"
        "                  if any(m == name or m.startswith(name + '.') for m in sys.modules)]\n"
        "        print(loaded)\n"
        "asyncio.run(main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(demo_db), *NOT_BEFORE_THE_FIRST_FRAME],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
