"""Drawn money charts kept in the cache folder, so that the second recap of the same numbers
(the e-mail after the preview, the HTML after the e-mail, tomorrow's re-send) does not load
the chart library again: `exports.chart.kept_chart_png` asks this store first.

Files are `<key>.png` (the key a hex digest of everything the picture depends on), 0600 in a
0700 folder, written whole under a temporary name; a file that is not a PNG is drawn again.
The cache is a convenience: a folder that cannot be read or written only means drawing.
"""

from __future__ import annotations

import os
import re
from contextlib import suppress
from pathlib import Path

from models.private_files import make_private_dir, private_temporary, publish

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEEP = 64
"""At most this many charts are kept; the least recently used go first."""
_KEY = re.compile(r"[0-9a-f]{64}")


class ChartFiles:
    """The chart store of `exports.chart.ChartStore`, in a folder (default: the app's cache)."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:
            from models.locations import cache_dir

            folder = cache_dir() / "charts"
        self.folder = folder

    def _path(self, key: str) -> Path | None:
        return self.folder / f"{key}.png" if _KEY.fullmatch(key) else None

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            png = path.read_bytes()
        except OSError:
            return None
        if not png.startswith(PNG_SIGNATURE):
            return None
        with suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return png

    def put(self, key: str, png: bytes) -> None:
        path = self._path(key)
        if path is None or not png.startswith(PNG_SIGNATURE):
            return
        try:
            make_private_dir(self.folder)
            with private_temporary(path) as aside:
                aside.write_bytes(png)
                publish(aside, path)
        except OSError:
            return
        self._prune()

    def _prune(self) -> None:
        try:
            kept = sorted(
                (entry.stat().st_mtime, entry)
                for entry in self.folder.glob("*.png")
                if _KEY.fullmatch(entry.stem)
            )
        except OSError:
            return
        for _, old in kept[: max(0, len(kept) - KEEP)]:
            with suppress(OSError):
                old.unlink()
