"""The first frame the console paints is the complete screen: the article board already has
its rows and its columns their widths (it used to fill itself a frame or two later); and
nothing that frame does not show is loaded before it."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest
from textual import events
from textual.dom import DOMNode
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip

from tests.tui.conftest import FrozenClock
from tui.app import BargainingApp
from tui.screens.main import MainScreen
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


def _styles(app: BargainingApp) -> dict[str, object]:
    """Every node's CSS as applied, and its component styles', keyed by its place."""
    found: dict[str, object] = {}
    for node in app.screen.walk_children(with_self=True):
        parts = {}
        for name in sorted(node.COMPONENT_CLASSES):
            with contextlib.suppress(KeyError):
                parts[name] = node.get_component_styles(name).css
        found[f"{node.css_path_nodes}"] = (node.styles.css, parts)
    return found


async def _assert_restyling_changes_nothing(app: BargainingApp, pilot: Pilot[None]) -> None:
    """Restyle the whole screen: no node's styles and no cell on screen may change."""
    styled, shown = _styles(app), app.export_screenshot()
    app.screen.update_node_styles(animate=False)
    await pilot.pause()
    assert _styles(app) == styled
    assert app.export_screenshot() == shown


def counting_restyles(app: BargainingApp) -> list[int]:
    """Count, in the list returned, each time the app's whole screen is restyled."""
    counted = [0]
    update_nodes = app.stylesheet.update_nodes

    def counting(nodes: Iterable[DOMNode], animate: bool = False) -> None:
        nodes = list(nodes)
        screens = app.screen_stack
        if screens and any(node is screens[-1] for node in nodes):
            counted[0] += 1
        update_nodes(nodes, animate=animate)

    app.stylesheet.update_nodes = counting  # type: ignore[method-assign]
    return counted


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_screen_is_styled_once_and_nothing_is_left_stale(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], theme: str
) -> None:
    """The main screen's first resume does not restyle what its mount styled a moment before
    (a tenth of start-up); restyling everything afterwards changes nothing, in styles or on
    screen. A later resume still restyles."""
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    app.theme = theme
    restyles = counting_restyles(app)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert restyles == [0]
        await _assert_restyling_changes_nothing(app, pilot)
        restyles[0] = 0
        app.screen.post_message(events.ScreenResume())  # as when a dialog closes
        await pilot.pause()
        assert restyles == [1]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_a_pushed_main_screen_is_not_left_stale(
    demo_db: Path, clock: FrozenClock, theme: str
) -> None:
    """The welcome screen and the demo push the main screen instead: its first resume skips
    the restyle too, and restyling it afterwards changes nothing."""
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    app.theme = theme
    restyles = counting_restyles(app)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        first = app.screen
        restyles[0] = 0
        app.push_screen(MainScreen(app.store, app.clock))
        await pilot.pause()
        assert app.screen is not first and isinstance(app.screen, MainScreen)
        assert restyles == [0]
        await _assert_restyling_changes_nothing(app, pilot)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("caucus", [False, True], ids=["no caucus", "caucus"])
async def test_the_hidden_layout_containers_hide_nothing(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], caucus: bool
) -> None:
    """app.tcss hides `#body` and `#side`, which only lay out their children: showing them
    must change no cell on screen."""
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if caucus:
            await pilot.press("c", *"20", "ctrl+s")
            await pilot.pause()
            assert app.screen.query_one("#caucuses").display
        containers = [app.screen.query_one("#body"), app.screen.query_one("#side")]
        assert all(not container.visible for container in containers)
        hidden = app.export_screenshot()
        for container in containers:
            container.styles.visibility = "visible"
        await pilot.pause()
        assert all(container.visible for container in containers)
        assert app.export_screenshot() == hidden


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
    "plotext",
    "textual_plotext",
    "matplotlib",
    "numpy",
)
"""What the console does not show on its first frame, so does not load before it: the
command line, validation, migrations, Rich's emoji codes (a `str` column label is read as
markup and loads them), the palette's commands, dialogs, the screens around and the
charts' libraries."""


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
