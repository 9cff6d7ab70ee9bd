"""What the caller keeps between runs so that a recap renders faster the second time: the money
chart's picture and the templates' compiled code.

Exports never write. The caller hands in a store (`models.render_cache.RenderCache` keeps one
in the app's cache folder) with two methods, by kind (`"charts"`, `"templates"`) and key (a hex
digest of everything the value depends on). A store may lose anything at any time: whatever it
does not give back is made again.
"""

from __future__ import annotations

from typing import Protocol


class Kept(Protocol):
    """A store of bytes by kind and key, that may forget."""

    def get(self, kind: str, key: str) -> bytes | None: ...

    def put(self, kind: str, key: str, data: bytes) -> None: ...
