"""The parent's side of benchmarks/tui_bench.py: each app (benchmarks/tui_bench_child.py) as
its own process on a real pseudo-terminal of SIZE, the terminal drained, its reports read
from a pipe of their own."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = (160, 48)
CHILD = Path(__file__).resolve().with_name("tui_bench_child.py")
"""The script that runs the measured apps (see its docstring for its arguments)."""


class Child:
    """A child process on a pseudo-terminal of SIZE (its stdin, stdout and stderr: Textual
    writes to stderr); its reports come back on a pipe of their own."""

    def __init__(self, *args: str) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        reports, report_end = os.pipe()
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env["TERM"] = "xterm-256color"
        env["BENCH_REPORT_FD"] = str(report_end)
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
            pass_fds=(report_end,),
        )
        os.close(slave)
        os.close(report_end)
        self.reports = os.fdopen(reports, "rb")
        self.master = master
        self._drain = threading.Thread(target=self._read_terminal, daemon=True)
        self._drain.start()

    def _read_terminal(self) -> None:
        while True:
            try:
                if not os.read(self.master, 65536):
                    return
            except OSError:
                return

    def line(self, prefix: str) -> tuple[str, float]:
        """The next report starting with `prefix`, and when it arrived."""
        while True:
            raw = self.reports.readline()
            if not raw:
                raise RuntimeError(f"the child ended before {prefix}")
            text = raw.decode(errors="replace").strip()
            if text.startswith("FAILED"):
                raise RuntimeError(text)
            if text.startswith(prefix):
                return text[len(prefix) :].strip(), time.perf_counter()

    def finish(self) -> int:
        """Wait for the child; its peak RSS in KiB."""
        _pid, _status, usage = os.wait4(self.proc.pid, 0)
        self.proc.returncode = 0
        os.close(self.master)
        self.reports.close()
        return usage.ru_maxrss


def first_frame(*args: str) -> tuple[float, int]:
    child = Child(*args)
    _, arrived = child.line("READY")
    return arrived - child.started, child.finish()
