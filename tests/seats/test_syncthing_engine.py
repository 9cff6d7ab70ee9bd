"""A real sync engine end to end: two Syncthing instances keep one folder in step."""

from __future__ import annotations

import pytest

from tests.seats.syncthing import SyncthingPair, wait_for

pytestmark = pytest.mark.slow

CARRY = 60.0
"""Seconds allowed for Syncthing to carry a file from one folder to the other."""


def test_a_file_written_in_one_folder_appears_in_the_other(syncthing: SyncthingPair) -> None:
    sent = syncthing.a.folder / "seats" / "hello.txt"
    sent.parent.mkdir()
    sent.write_text("from the table\n")
    arrived = syncthing.b.folder / "seats" / "hello.txt"
    wait_for(
        lambda: arrived.exists() and arrived.read_text() == "from the table\n",
        CARRY,
        "the file reached the other folder",
        syncthing,
    )
    back = syncthing.b.folder / "back.txt"
    back.write_text("from Zoom\n")
    wait_for(
        lambda: (syncthing.a.folder / "back.txt").exists(),
        CARRY,
        "the answer came back",
        syncthing,
    )
