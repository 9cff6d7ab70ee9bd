"""The first frame the console paints is the complete screen: the article board already has
its rows and its columns their widths (it used to fill itself a frame or two later)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual import events
from textual.widgets import DataTable, Input

from tests.tui.conftest import FrozenClock
from tui.app import BargainingApp
from tui.screens.main import MainScreen
from tui.widgets.article_board import ArticleBoard


class FirstFrame(BargainingApp):
    """Notes what the board held when the first frame was painted."""

    first: tuple[int, list[int]] | None = None

    def _display(self, screen: Any, renderable: Any) -> None:
        super()._display(screen, renderable)
        if renderable is not None and self.first is None:
            board = screen.query_one(ArticleBoard)
            widths = [column.get_render_width(board) for column in board.ordered_columns]
            self.first = (board.row_count, widths)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_first_frame_shows_the_board(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    app = FirstFrame(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        settled = [column.get_render_width(board) for column in board.ordered_columns]
        assert app.first is not None
        rows, widths = app.first
        assert rows == board.row_count > 10
        assert widths == settled  # the columns were measured before the first frame


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_boards_column_widths_are_what_datatable_measures(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int]
) -> None:
    """The board takes its column widths from its cells' lengths instead of measuring each
    cell through Rich; DataTable's own measuring must come to the same widths."""
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        board = app.screen.query_one(ArticleBoard)
        own = [column.content_width for column in board.ordered_columns]
        labels = [cell_len(column.label.plain) for column in board.ordered_columns]
        assert own[1] > labels[1]  # titles are measured, not only the labels
        virtual = board.virtual_size
        for column, label in zip(board.ordered_columns, labels, strict=True):
            column.content_width = label
        DataTable._update_dimensions(board, list(board.rows))
        assert [column.content_width for column in board.ordered_columns] == own
        assert board.virtual_size == virtual


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("caucus", [False, True], ids=["no caucus", "caucus"])
async def test_the_layout_containers_are_not_painted_and_leave_no_hole(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], caucus: bool
) -> None:
    """`#body` and `#side` only lay out their children, so app.tcss hides them from the
    compositor (their blank lines were a tenth of the first frame's painting). That holds
    only while their children cover every cell of theirs and are themselves painted."""
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if caucus:
            await pilot.press("c", *"20", "ctrl+s")
            await pilot.pause()
            assert app.screen.query_one("#caucuses").display
        painted = app.screen._compositor.visible_widgets
        hidden = {app.screen.query_one("#body"), app.screen.query_one("#side")}
        for container in hidden:
            assert container not in painted
            inside = [
                widget
                for widget in container.walk_children()
                if widget not in hidden and widget.display and widget.region
            ]
            assert inside and all(widget in painted for widget in inside)
            region = container.region
            covered = {
                (x, y)
                for widget in inside
                for x in range(widget.region.x, widget.region.right)
                for y in range(widget.region.y, widget.region.bottom)
            }
            holes = [
                (x, y)
                for x in range(region.x, region.right)
                for y in range(region.y, region.bottom)
                if (x, y) not in covered
            ]
            assert not holes, f"#{container.id} leaves {len(holes)} cells unpainted"


def _styles(app: BargainingApp) -> dict[str, Any]:
    """Every node's own rules and its component styles' rules, keyed by its place."""
    found: dict[str, Any] = {}
    for node in app.screen.walk_children(with_self=True):
        rules = node._css_styles.get_rules()
        parts = {name: part.get_rules() for name, part in node._component_styles.items()}
        found[f"{node.css_path_nodes}"] = (rules, parts)
    return found


async def _assert_restyling_changes_nothing(app: BargainingApp, pilot: Any) -> None:
    """Restyle the whole screen: no node's rules and no cell on screen may change."""
    styled, shown = _styles(app), app.export_screenshot()
    app.screen.update_node_styles(animate=False)
    await pilot.pause()
    assert _styles(app) == styled
    assert app.export_screenshot() == shown


class CountsRestyles(BargainingApp):
    """Notes each time the whole screen is restyled while starting."""

    whole_screen_restyles = 0

    async def _on_compose(self) -> None:
        update_nodes = self.stylesheet.update_nodes

        def counted(nodes: Any, animate: bool = False) -> None:
            nodes = list(nodes)
            if any(node is self.screen for node in nodes):
                self.whole_screen_restyles += 1
            update_nodes(nodes, animate=animate)

        self.stylesheet.update_nodes = counted  # type: ignore[method-assign]
        await super()._on_compose()


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
async def test_the_screen_is_styled_once_and_nothing_is_left_stale(
    demo_db: Path, clock: FrozenClock, size: tuple[int, int], theme: str
) -> None:
    """The main screen's first resume does not restyle what its mount styled a moment before
    (a tenth of start-up); restyling everything afterwards changes nothing, in styles or on
    screen. A later resume that asks for a restyle still gets it."""
    app = CountsRestyles(db_path=demo_db, seat="lead", clock=clock)
    app.theme = theme
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.whole_screen_restyles == 0
        await _assert_restyling_changes_nothing(app, pilot)
        app.whole_screen_restyles = 0
        app.screen.post_message(events.ScreenResume())  # as when pushed again
        await pilot.pause()
        assert app.whole_screen_restyles == 1


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_a_pushed_main_screen_is_not_left_stale(
    demo_db: Path, clock: FrozenClock, theme: str
) -> None:
    """The welcome screen and the demo push the main screen instead: its first resume skips
    the restyle too, and restyling it afterwards changes nothing."""
    app = CountsRestyles(db_path=demo_db, seat="lead", clock=clock)
    app.theme = theme
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        first = app.screen
        app.whole_screen_restyles = 0
        app.push_screen(MainScreen(app.store, app.clock))
        await pilot.pause()
        assert app.screen is not first and isinstance(app.screen, MainScreen)
        assert app.whole_screen_restyles == 0
        await _assert_restyling_changes_nothing(app, pilot)


async def test_a_widget_is_styled_when_mounted_not_before(
    demo_db: Path, clock: FrozenClock
) -> None:
    """Textual restyles a widget whose classes change even before it is mounted (an
    `Input(compact=True)` in its constructor); the app leaves that to the mount, which styles
    it in full. Once mounted, a class change restyles it at once."""
    app = BargainingApp(db_path=demo_db, seat="lead", clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        styled: list[object] = []
        apply = app.stylesheet.apply

        def counted(node: Any, **options: Any) -> None:
            styled.append(node)
            apply(node, **options)

        app.stylesheet.apply = counted  # type: ignore[method-assign]
        field = Input(compact=True)
        assert field.has_class("-textual-compact") and field not in styled
        await app.screen.mount(field)
        assert styled.count(field) == 1
        assert field.styles.height is not None and field.styles.height.value == 1
        field.compact = False
        assert styled.count(field) == 2
        assert field.styles.height is not None and field.styles.height.value == 3


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
