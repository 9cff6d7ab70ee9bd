"""What a recap's rendering keeps between runs (`exports.kept.Kept`): the money chart's picture
(the e-mail after the preview, or a re-send, does not load the chart library again) and the
templates' compiled code (Jinja's bytecode), in the app's cache folder.

Files are `<kind>/<key>` (the key a hex digest of everything the value depends on), 0600 in
0700 folders, written whole under a temporary name; at most KEEP of each kind, the least
recently used go first. The cache is a convenience: a folder that cannot be read or written
only means making the value again, and exports check what they are given back.
"""

from __future__ import annotations

import os
import re
from contextlib import suppress
from pathlib import Path

from models.private_files import make_private_dir, private_temporary, publish

KEEP = 64
"""At most this many values of one kind are kept."""
KINDS = ("charts", "templates")
_KEY = re.compile(r"[0-9a-f]{32,128}")


class RenderCache:
    """The store of `exports.kept.Kept`, in a folder (default: the app's cache folder)."""

    def __init__(self, folder: Path | None = None) -> None:
        if folder is None:
            from models.locations import cache_dir

            folder = cache_dir() / "render"
        self.folder = folder

    def path(self, kind: str, key: str) -> Path | None:
        """Where a value is kept (None for a kind or key that is not ours)."""
        if kind not in KINDS or not _KEY.fullmatch(key):
            return None
        return self.folder / kind / key

    def get(self, kind: str, key: str) -> bytes | None:
        path = self.path(kind, key)
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        with suppress(OSError):
            os.utime(path)  # recently used: pruned last
        return data

    def put(self, kind: str, key: str, data: bytes) -> None:
        path = self.path(kind, key)
        if path is None:
            return
        try:
            make_private_dir(path.parent)
            with private_temporary(path) as aside:
                aside.write_bytes(data)
                publish(aside, path)
        except OSError:
            return
        self._prune(path.parent)

    def _prune(self, folder: Path) -> None:
        try:
            kept = sorted(
                (entry.stat().st_mtime, entry.name, entry)
                for entry in folder.iterdir()
                if _KEY.fullmatch(entry.name)
            )
        except OSError:
            return
        for *_, old in kept[: max(0, len(kept) - KEEP)]:
            with suppress(OSError):
                old.unlink()
