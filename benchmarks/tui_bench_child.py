"""The apps that benchmarks/tui_bench.py measures, each run as its own process in a
pseudo-terminal (benchmarks/tui_bench_pty.py starts them):

    python benchmarks/tui_bench_child.py bare LINGER | app DB LINGER | idle DB|bare SECONDS
                                         | keys DB NOTES PASSES

Each tells the parent what it measured on a pipe of its own (BENCH_REPORT_FD), since Textual
writes to the terminal. What the figures mean is in tui_bench.py.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any

TRIAL_LIMIT = 10.0
"""Seconds after which a key press that changed nothing fails the run instead of hanging."""


def report(line: str) -> None:
    """Tell the parent something, on a pipe of its own (Textual writes to the terminal)."""
    os.write(int(os.environ["BENCH_REPORT_FD"]), (line + "\n").encode())


def report_first_frame(app_class: type[Any], linger: float) -> None:
    """Report READY as soon as the first complete frame has been written to the terminal;
    quit `linger` seconds later.

    Complete: every table on the screen (a DataTable, the article board) has its rows. A
    frame with an empty board is not the console started; the bare app's table is empty by
    design, so its first frame counts.
    """
    display = app_class._display

    def first_display(app: Any, screen: Any, renderable: Any) -> None:
        display(app, screen, renderable)
        if renderable is None or getattr(app, "_bench_painted", False):
            return
        if type(app).__name__ != "Bare" and not all(
            table.row_count for table in screen.query("DataTable, ArticleBoard")
        ):
            return
        app._bench_painted = True
        report("READY")
        app.set_timer(max(linger, 0.01), app.exit)

    app_class._display = first_display


def child_bare(linger: float) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable()
            yield Footer()

    report_first_frame(Bare, linger)
    Bare().run()


def child_app(db: str, linger: float) -> None:
    """The app as a user starts it: the `bargain` command's own entry point, which imports
    Textual itself (the hook is laid on `App` the moment `textual.app` is loaded)."""
    import importlib.abc
    import importlib.util

    class HookTextualApp(importlib.abc.MetaPathFinder):
        def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
            if name != "textual.app":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            assert spec is not None and spec.loader is not None
            load = spec.loader.exec_module

            def exec_module(module: Any) -> None:
                load(module)
                report_first_frame(module.App, linger)

            spec.loader.exec_module = exec_module  # type: ignore[method-assign]
            return spec

    sys.meta_path.insert(0, HookTextualApp())
    from tui.launch import main

    main(["--db", db, "--seat", "bench"])


def child_idle(db: str, seconds: float) -> None:
    if db == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import DataTable, Footer, Header

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Header()
                yield DataTable()
                yield Footer()

        base: type[Any] = Bare
    else:
        from tui.app import BargainingApp

        base = BargainingApp

    class Idle(base):  # type: ignore[valid-type,misc]
        def on_ready(self) -> None:
            report("READY")
            self.set_timer(2.0, self._start)

        def _start(self) -> None:
            self._cpu = time.process_time()
            self._wall = time.perf_counter()
            self.set_timer(seconds, self._stop)

        def _stop(self) -> None:
            cpu = time.process_time() - self._cpu
            wall = time.perf_counter() - self._wall
            report(f"IDLE {cpu / wall * 100:.3f}")
            self.exit()

    (Idle() if db == "bare" else Idle(db_path=Path(db), seat="bench")).run()


def child_keys(db: str, notes: int, passes: int) -> None:
    from textual import events
    from textual.widgets import Input

    from tui.app import BargainingApp
    from tui.screens.main import MainScreen
    from tui.widgets.article_board import ArticleBoard
    from tui.widgets.notes_pane import NotesPane

    class Keys(BargainingApp):
        """Waits on events, never polls: a polling loop would slow the app it measures."""

        changed: float = 0.0
        painted: float = 0.0
        painted_on: tuple[str, asyncio.Event] | None = None

        def _display(self, screen: object, renderable: object) -> None:
            super()._display(screen, renderable)  # type: ignore[arg-type]
            waiting = self.painted_on
            if renderable is None or waiting is None or type(screen).__name__ != waiting[0]:
                return
            if waiting[0] == "MainScreen" and not self.changed:
                return  # a frame of the table from before the change
            self.painted = time.perf_counter()
            waiting[1].set()

        def on_ready(self) -> None:
            report("READY")
            original_notes = NotesPane.show
            original_board = ArticleBoard.show
            app = self

            def notes_shown(pane: NotesPane, *args: object, **options: object) -> None:
                original_notes(pane, *args, **options)  # type: ignore[arg-type]
                app.changed = time.perf_counter()

            def board_shown(board: ArticleBoard, *args: object, **options: object) -> None:
                original_board(board, *args, **options)  # type: ignore[arg-type]
                app.changed = time.perf_counter()

            NotesPane.show = notes_shown  # type: ignore[method-assign]
            ArticleBoard.show = board_shown  # type: ignore[method-assign]
            self.run_worker(self._trials(), exclusive=True)

        async def _key(self, key: str, character: str | None, shown: str) -> float:
            """Post a key like the driver does; seconds until a frame of `shown` (the table,
            after the change reached its widget; or the dialog) is written to the terminal."""
            self.changed = 0.0
            painted = asyncio.Event()
            self.painted_on = (shown, painted)
            started = time.perf_counter()
            self.post_message(events.Key(key, character))
            try:
                await asyncio.wait_for(painted.wait(), TRIAL_LIMIT)
            except TimeoutError:
                report(f"FAILED {key}: {shown} was not painted; {self.screen} is shown")
                self.exit()
                raise
            finally:
                self.painted_on = None
            return self.painted - started

        async def _settle(self) -> None:
            await asyncio.sleep(0.05)
            others = [worker for worker in self.workers if worker.name != "_trials"]
            if others:
                await self.workers.wait_for_complete(others)
            await asyncio.sleep(0.05)

        async def _trials(self) -> None:
            screen = self.screen
            assert isinstance(screen, MainScreen)
            screen.action_note()
            await self._settle()
            line = screen.note_line.input
            note_times = []
            for index in range(notes):
                # Enter gives the keys back to the board (issue 14): `n` first, untimed.
                screen.action_note()
                await self._settle()
                line.value = f"Benchmark note {index}: the district repeats its position"
                await asyncio.sleep(0.05)
                note_times.append(await self._key("enter", "\r", "MainScreen"))
            report("NOTES " + " ".join(f"{t * 1000:.2f}" for t in note_times))
            screen.set_focus(screen.board)
            open_rows = [r for r in screen.board.all_rows if r.status.value != "ta"]
            pass_times, open_times = [], []
            for index in range(passes):
                screen.board.select_article(open_rows[index % len(open_rows)].number)
                await self._settle()
                open_times.append(await self._key("p", "p", "PassProposalDialog"))
                # The label is suggested once the dialog is up; a person filling the dialog
                # gives it that moment, so the trial does too (untimed).
                label = self.screen.query_one("#pass-label", Input)
                for _ in range(int(TRIAL_LIMIT / 0.01)):
                    if label.value:
                        break
                    await asyncio.sleep(0.01)
                await self._settle()
                pass_times.append(await self._key("ctrl+s", None, "MainScreen"))
                await self._settle()
            report("PASS_OPEN " + " ".join(f"{t * 1000:.2f}" for t in open_times))
            report("PASSES " + " ".join(f"{t * 1000:.2f}" for t in pass_times))
            self.exit()

    Keys(db_path=Path(db), seat="bench").run()


def run_child(argv: list[str]) -> None:
    mode, *rest = argv
    if mode == "bare":
        child_bare(float(rest[0]))
    elif mode == "app":
        child_app(rest[0], float(rest[1]))
    elif mode == "idle":
        child_idle(rest[0], float(rest[1]))
    elif mode == "keys":
        child_keys(rest[0], int(rest[1]), int(rest[2]))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    run_child(sys.argv[1:])
