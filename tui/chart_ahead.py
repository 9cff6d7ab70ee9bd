"""The money chart drawn on the machine's other core while `bargain recap` makes the rest.

An e-mail recap whose numbers changed since the last recap needs its chart drawn, and the
chart library alone takes longer to import than the rest of the recap takes to make. So the
command forks a helper process that imports the chart library at once and then waits for the
chart's inputs on a pipe: from the entry point, before the command line is even parsed, when
it reads as an e-mail recap (`tui.launch.recap_email`, `start_ahead`), else from the command
before it opens the database. Once the snapshot is built:
when its chart is kept in the render cache already (or there is none), the helper is stopped;
otherwise it gets the inputs, draws the chart into the render cache (`models.render_cache`)
while this process renders the templates, and `ChartsDrawnAhead.get` waits for it before the
e-mail takes the chart from the cache.

Nothing depends on it: where the helper cannot be forked (a single core, no `fork`, other
threads running) there is none, and when it fails or is slow the recap draws its own chart,
as it would without. The cache is keyed by everything the picture depends on.
"""

from __future__ import annotations

import atexit
import os
import pickle
import signal
import threading
import time
from contextlib import suppress
from typing import TYPE_CHECKING

from models.render_cache import RenderCache

if TYPE_CHECKING:
    from exports.chart import ChartInputs

WAIT_SECONDS = 20.0
"""How long a recap waits for the chart drawn ahead before drawing its own."""


class ChartsDrawnAhead:
    """The render cache (`exports.kept.Kept`), with a helper process that may draw the chart."""

    def __init__(self, cache: RenderCache | None = None) -> None:
        self.cache = cache if cache is not None else RenderCache()
        self.pid = 0
        self._inputs = -1
        """The pipe's end the chart's inputs are written to."""

    def start(self) -> None:
        """Fork the helper (where it can be): it imports the chart library and waits."""
        if (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
            return
        if threading.active_count() > 1:  # forking a process with threads is not safe
            return
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read)
            os.close(write)
            return
        if pid == 0:  # the helper
            os.close(write)
            _helper(read, self.cache)  # never returns
        os.close(read)
        self.pid, self._inputs = pid, write
        atexit.register(self._stop)  # a command that ends before its recap leaves no helper

    def draw(self, inputs: ChartInputs | None) -> None:
        """Hand `inputs` to the helper when their chart is not kept yet; else stop it."""
        if not self.pid:
            return
        if inputs is None or self.cache.get("charts", inputs.key()) is not None:
            self._stop()
            return
        try:
            with open(self._inputs, "wb", closefd=True) as pipe:
                self._inputs = -1
                pipe.write(pickle.dumps(inputs))
        except OSError:
            self._stop()

    def get(self, kind: str, key: str) -> bytes | None:
        if kind == "charts":
            self.finish()
        return self.cache.get(kind, key)

    def put(self, kind: str, key: str, data: bytes) -> None:
        self.cache.put(kind, key, data)

    def finish(self) -> None:
        """Wait for the helper to end (stopping it after WAIT_SECONDS, or at once when it was
        never given inputs); once."""
        if self._inputs >= 0:
            self._stop()
            return
        pid, self.pid = self.pid, 0
        self._close_inputs()
        if not pid:
            return
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                return
            time.sleep(0.005)
        _kill(pid)

    def _stop(self) -> None:
        pid, self.pid = self.pid, 0
        self._close_inputs()
        if pid:
            _kill(pid)

    def _close_inputs(self) -> None:
        if self._inputs >= 0:
            with suppress(OSError):
                os.close(self._inputs)
            self._inputs = -1


def _kill(pid: int) -> None:
    with suppress(OSError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _helper(read: int, cache: RenderCache) -> None:
    """The forked helper: import the chart library, wait for the inputs, draw, exit."""
    status = 1
    try:
        devnull = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):  # never a word on the recap's own output
            os.dup2(devnull, stream)
        from exports.chart import kept_chart_png, load_library, point_config_at_cache

        point_config_at_cache()
        _without_artist_docstrings()
        load_library()
        with open(read, "rb", closefd=True) as pipe:
            data = pipe.read()
        if data:
            inputs = pickle.loads(data)  # written by our own parent, just before
            status = 0 if kept_chart_png(inputs, cache) is not None else 1
    except BaseException:  # whatever happens, the parent draws the chart itself
        status = 1
    finally:
        os._exit(status)


def _without_artist_docstrings() -> None:
    """Spare the helper the docstrings of matplotlib's artists, which it never reads: as it
    defines each artist class, matplotlib writes the property list of the class's `set`
    method (`matplotlib.artist.kwdoc`), a quarter of its import. With `kwdoc` giving an
    empty text the classes, their `set` signatures and the picture are the same (the tests
    compare the bytes); only their docstrings are shorter, in a process that exits after one
    picture. The recap's own process, when it draws, imports matplotlib as it is."""
    import matplotlib.artist

    if callable(getattr(matplotlib.artist, "kwdoc", None)):
        matplotlib.artist.kwdoc = _no_kwdoc


def _no_kwdoc(artist: object) -> str:
    return ""


_ahead: list[ChartsDrawnAhead] = []
"""The helper started from the entry point, until the recap command takes it."""


def start_ahead() -> None:
    """Fork the helper now, before the command line is parsed: for a command line that reads
    as an e-mail recap. One that turns out not to be (a mistake, `--help`) stops it unused."""
    kept = ChartsDrawnAhead()
    kept.start()
    _ahead.append(kept)


def recap_cache(drawing: bool) -> ChartsDrawnAhead:
    """The render cache of one `bargain recap`, with a helper when `drawing` (e-mail): the one
    started ahead, else one started now."""
    if _ahead:
        kept = _ahead.pop()
        if not drawing:
            kept.finish()  # never given inputs: stopped
        return kept
    kept = ChartsDrawnAhead()
    if drawing:
        kept.start()
    return kept
