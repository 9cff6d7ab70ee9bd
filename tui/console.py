"""Opening the console: the only place that imports Textual's app.

Kept apart from `tui.launch` (the entry point) and `tui.cli` (the commands), which both open
it, so that neither imports the other.
"""

from __future__ import annotations

import gc
from pathlib import Path


def open_app(
    path: Path, *, seat: str, sync: Path | None = None, passphrase_file: Path | None = None
) -> None:
    """Open the Textual app on a database (the only command that imports Textual); with
    `sync`, it exchanges with the other seats through that folder (and remembers it).

    The garbage collector waits while the modules load and the app is built: they make a few
    hundred thousand objects that stay for the whole session, and collecting on the way
    scanned them again and again. Once built they are set aside for good (`gc.freeze`), so
    no later collection scans them either (benchmarks/tui_bench.py measures start-up)."""
    gc.disable()
    try:
        from tui.app import BargainingApp

        app = BargainingApp(db_path=path, seat=seat, sync=sync, passphrase_file=passphrase_file)
    finally:
        gc.freeze()
        gc.enable()
    app.run()
