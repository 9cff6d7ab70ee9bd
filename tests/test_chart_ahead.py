"""The e-mail's chart drawn on the other core (`tui.chart_ahead`): a helper forked before the
database is opened imports the chart library and draws the chart into the render cache while
the recap is made, so the process making the recap never loads the library; a kept chart,
a recap without one, or a helper that died changes nothing but the time.

Each case runs in a fresh process of its own: the helper is forked only where no other
thread runs, which a test process cannot promise."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support import money_store

SET_UP = """
import os, sys, signal
from pathlib import Path
from exports import render_recap
from exports.chart import PNG_SIGNATURE
from exports.render import chart_inputs
from models.recap import build_snapshot
from models.render_cache import RenderCache
from models.store import Store
from tui.chart_ahead import ChartsDrawnAhead, recap_cache
cache = RenderCache(Path(sys.argv[2]))
kept = ChartsDrawnAhead(cache)
kept.start()
assert kept.pid, "the helper was forked"
with Store(Path(sys.argv[1])) as store:
    snapshot = build_snapshot(store, 3, "members")
inputs = chart_inputs(snapshot)


def ended(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False
"""


@pytest.fixture(scope="module")
def money_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ahead") / "money.db"
    money_store(path).close()
    return path


def run(script: str, db: Path, cache: Path) -> None:
    code = SET_UP + textwrap.dedent(script)
    env = {k: v for k, v in os.environ.items() if k != "MPLCONFIGDIR"}
    env["XDG_CACHE_HOME"] = str(cache.parent / "xdg")
    done = subprocess.run(
        [sys.executable, "-c", code, str(db), str(cache)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_the_helper_draws_the_chart_and_the_recap_never_loads_the_library(
    money_db: Path, tmp_path: Path
) -> None:
    script = """
    kept.draw(inputs)
    eml = render_recap(snapshot, format="eml", kept=kept)
    kept.finish()
    assert "matplotlib" not in sys.modules, "the recap's own process drew the chart"
    assert "image/png" in eml
    png = cache.get("charts", inputs.key())
    assert png is not None and png.startswith(PNG_SIGNATURE)
    assert png == inputs.draw()  # the same bytes as drawn here
    """
    run(script, money_db, tmp_path / "kept")


def test_a_kept_chart_stops_the_helper_at_once(money_db: Path, tmp_path: Path) -> None:
    script = """
    cache.put("charts", inputs.key(), inputs.draw())
    pid = kept.pid
    kept.draw(inputs)
    assert kept.pid == 0
    assert ended(pid), "the helper still runs"
    assert render_recap(snapshot, format="eml", kept=kept)
    """
    run(script, money_db, tmp_path / "kept")


def test_a_helper_that_died_only_means_drawing_here(money_db: Path, tmp_path: Path) -> None:
    script = """
    os.kill(kept.pid, signal.SIGKILL)
    os.waitpid(kept.pid, 0)
    kept.draw(inputs)
    eml = render_recap(snapshot, format="eml", kept=kept)
    kept.finish()
    assert "image/png" in eml and "matplotlib" in sys.modules
    assert cache.get("charts", inputs.key()) is not None
    """
    run(script, money_db, tmp_path / "kept")


def test_a_recap_without_a_chart_stops_the_helper(money_db: Path, tmp_path: Path) -> None:
    script = """
    pid = kept.pid
    kept.draw(None)
    kept.finish()
    assert kept.pid == 0
    assert ended(pid), "the helper still runs"
    assert recap_cache(drawing=False).pid == 0, "only the e-mail forks a helper"
    """
    run(script, money_db, tmp_path / "kept")


# `bargain recap --format eml` itself: the helper is forked from the entry point, before click.
COMMAND = """
import os, sys
from pathlib import Path
forks = []
real_fork = os.fork


def fork():
    forks.append("click" in sys.modules)
    pid = real_fork()
    if pid:
        forks.append(pid)
    return pid


os.fork = fork
from tui.launch import main
try:
    main(sys.argv[2:])
except SystemExit as stop:
    code = stop.code
print("FORKS", forks, "CODE", code, "LIBRARY", "matplotlib" in sys.modules, file=sys.stderr)
"""


def command(db: Path, tmp_path: Path, *args: str) -> tuple[list[object], str, str]:
    env = {k: v for k, v in os.environ.items() if k != "MPLCONFIGDIR"}
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    done = subprocess.run(
        [sys.executable, "-c", COMMAND, "bargain", "--db", str(db), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    said = [line for line in done.stderr.splitlines() if line.startswith("FORKS")]
    assert said, done.stderr
    forks = ast.literal_eval(said[-1].split("FORKS", 1)[1].split("CODE")[0])
    return forks, said[-1], done.stdout


def running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_the_email_recap_forks_its_helper_before_click_loads(
    money_db: Path, tmp_path: Path
) -> None:
    forks, said, eml = command(money_db, tmp_path, "recap", "--session", "3", "--format", "eml")
    assert forks[:1] == [False], f"one helper, forked before click was imported: {said}"
    assert len(forks) == 2, said
    assert "CODE 0" in said and "LIBRARY False" in said, said
    assert "image/png" in eml
    charts = tmp_path / "xdg" / "open-bargaining" / "render" / "charts"
    assert any(charts.iterdir()), "the helper kept the chart it drew"


@pytest.mark.parametrize(
    "args",
    [
        ("recap", "--session", "x", "--format", "eml"),  # a mistake: click refuses it
        ("recap", "--format", "eml", "--help"),
        ("recap", "--session", "3", "--format", "eml", "--format", "md"),  # the last one counts
    ],
)
def test_a_helper_forked_for_a_command_line_that_draws_nothing_is_stopped(
    money_db: Path, tmp_path: Path, args: tuple[str, ...]
) -> None:
    forks, said, _ = command(money_db, tmp_path, *args)
    assert len(forks) == 2, said
    pid = forks[1]
    assert isinstance(pid, int) and not running(pid), f"the helper outlived the command: {said}"
    assert "LIBRARY False" in said, said


def test_the_helper_imports_the_library_without_artist_docstrings_for_the_same_picture(
    money_db: Path, tmp_path: Path
) -> None:
    script = """
    kept.finish()
    from exports.chart import money_chart_png
    import matplotlib.artist
    from tui.chart_ahead import _without_artist_docstrings
    _without_artist_docstrings()
    import matplotlib.lines
    assert "Properties:" not in (matplotlib.lines.Line2D.set.__doc__ or "")
    assert "linewidth" in str(matplotlib.lines.Line2D.set.__signature__)
    quick = inputs.draw()
    code = "import sys, pickle; sys.stdout.buffer.write(pickle.load(sys.stdin.buffer).draw())"
    import pickle, subprocess
    plain = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(inputs),
                           capture_output=True, check=True).stdout
    assert quick == plain, "the picture changed"
    """
    run(script, money_db, tmp_path / "kept")
