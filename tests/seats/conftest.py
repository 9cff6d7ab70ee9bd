"""Fixtures for the seats tests: two real Syncthing instances on loopback."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.seats.syncthing import SYNCTHING, SyncthingPair, syncthing_pair
from tests.tui.conftest import demo_db, demo_template  # noqa: F401 (the demo campaign, copied)


@pytest.fixture
def syncthing(tmp_path: Path) -> Iterator[SyncthingPair]:
    """Two connected Syncthing instances sharing one folder (skips when none is installed)."""
    if shutil.which(SYNCTHING) is None:
        pytest.skip("syncthing is not installed (.ci/run installs Debian's package)")
    with syncthing_pair(tmp_path) as pair:
        yield pair
