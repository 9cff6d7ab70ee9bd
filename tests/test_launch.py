"""`bargain` with only --db and --seat opens the console without click; anything else is
click's to parse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.launch import console_options, recap_email

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("args", "options"),
    [
        ([], {}),
        (["--db", "a.db"], {"--db": "a.db"}),
        (["--db=a.db"], {"--db": "a.db"}),
        (["--seat", "lead", "--db", "a b.db"], {"--seat": "lead", "--db": "a b.db"}),
        (["--seat=note-taker"], {"--seat": "note-taker"}),
    ],
)
def test_a_console_command_line(args: list[str], options: dict[str, str]) -> None:
    assert console_options(args) == options


@pytest.mark.parametrize(
    "args",
    [
        ["demo"],
        ["--db", "a.db", "board"],
        ["--help"],
        ["--version"],
        ["--db"],
        ["--db="],
        ["--db", "--seat", "x"],
        ["--db", "a.db", "--db", "b.db"],
        ["--dbx", "a.db"],
        ["-h"],
    ],
)
def test_every_other_command_line_is_clicks(args: list[str]) -> None:
    assert console_options(args) is None


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def test_the_console_opens_without_click_and_with_what_was_named(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "import tui.console as console\n"
        "import tui.launch as launch\n"
        "console.open_app = lambda path, seat: print(path, seat, 'click' in sys.modules)\n"
        "launch.main(sys.argv[1:])\n"
    )
    done = run(script, f"--db={tmp_path / 'x.db'}", "--seat", "lead")
    assert done.stdout.split() == [str(tmp_path / "x.db"), "lead", "False"]


def test_the_console_opens_syncing_without_click(tmp_path: Path) -> None:
    """`bargain --sync DIR [--passphrase-file FILE]` is still the fast path (issue 16)."""
    script = (
        "import sys\n"
        "import tui.console as console\n"
        "import tui.launch as launch\n"
        "console.open_app = lambda path, seat, sync=None, passphrase_file=None: print(\n"
        "    path, seat, sync, passphrase_file, 'click' in sys.modules)\n"
        "launch.main(sys.argv[1:])\n"
    )
    args = ["--db", str(tmp_path / "x.db"), "--seat", "notes", f"--sync={tmp_path / 'shared'}"]
    done = run(script, *args, "--passphrase-file", str(tmp_path / "key"))
    assert done.stdout.split() == [
        str(tmp_path / "x.db"),
        "notes",
        str(tmp_path / "shared"),
        str(tmp_path / "key"),
        "False",
    ]


def test_other_command_lines_reach_click() -> None:
    done = run("import tui.launch as launch\nlaunch.main(['--version'])\n")
    assert done.returncode == 0
    assert done.stdout.startswith("bargain, version")
    done = run("import tui.launch as launch\nlaunch.main(['--db'])\n")
    assert done.returncode == 2
    assert "requires an argument" in done.stderr


def test_the_collector_is_paused_while_the_app_is_built(tmp_path: Path) -> None:
    """`open_app` pauses the garbage collector while the app is built, sets what was built
    aside (frozen), and has it on again by the time the app runs (one place: the app itself
    does nothing with the collector)."""
    script = (
        "import gc, sys\n"
        "from pathlib import Path\n"
        "import tui.app\n"
        "from tui.console import open_app\n"
        "seen = []\n"
        "built = tui.app.BargainingApp.__init__\n"
        "def init(app, *args, **kwargs):\n"
        "    seen.append(gc.isenabled())\n"
        "    built(app, *args, **kwargs)\n"
        "def run(app, *args, **kwargs):\n"
        "    seen.append(gc.isenabled())\n"
        "    seen.append(gc.get_freeze_count() > 20_000)\n"
        "tui.app.BargainingApp.__init__ = init\n"
        "tui.app.BargainingApp.run = run\n"
        "open_app(Path(sys.argv[1]), seat='lead')\n"
        "print(seen)\n"
    )
    done = run(script, str(tmp_path / "new.db"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[False, True, True]"


@pytest.mark.parametrize(
    "args",
    [
        ["recap", "--format", "eml"],
        ["--db", "a.db", "recap", "--session", "3", "--format=eml"],
        ["recap", "--latest", "--format", "eml", "-o", "x.eml"],
    ],
)
def test_an_email_recap_is_read_before_click(args: list[str]) -> None:
    assert recap_email(args)


@pytest.mark.parametrize(
    "args",
    [
        ["recap"],
        ["recap", "--format", "html"],
        ["board", "--format", "eml"],
        ["recap", "--format"],
        ["recap", "eml"],
    ],
)
def test_other_command_lines_start_no_chart_helper(args: list[str]) -> None:
    assert not recap_email(args)
