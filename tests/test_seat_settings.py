"""A seat's note-taker mode is kept beside the database, per seat, and a bad file reads as
the defaults."""

from __future__ import annotations

import stat
from pathlib import Path

from models.seat_settings import (
    SeatSettings,
    read_seat_settings,
    save_seat_settings,
    settings_path,
)


def test_settings_are_kept_per_seat_and_database(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    other = tmp_path / "demo.db"
    assert read_seat_settings(db, "notes") == SeatSettings(keep_typing=False)
    save_seat_settings(db, "notes", SeatSettings(keep_typing=True))
    assert read_seat_settings(db, "notes").keep_typing is True
    assert read_seat_settings(db, "lead").keep_typing is False
    assert read_seat_settings(other, "notes").keep_typing is False
    save_seat_settings(db, "notes", SeatSettings(keep_typing=False))
    assert read_seat_settings(db, "notes").keep_typing is False


def test_the_file_is_private_and_beside_the_database(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    save_seat_settings(db, "", SeatSettings(keep_typing=True))
    path = settings_path(db, "")
    assert path.parent == tmp_path and path.name == "team.db.seat-default.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_odd_seat_names_get_distinct_safe_files(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    a, b = settings_path(db, "../x"), settings_path(db, "..x/")
    assert a != b and a.parent == tmp_path and b.parent == tmp_path
    save_seat_settings(db, "../x", SeatSettings(keep_typing=True))
    assert read_seat_settings(db, "../x").keep_typing is True
    assert read_seat_settings(db, "..x/").keep_typing is False


def test_a_damaged_file_reads_as_the_defaults(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    path = settings_path(db, "notes")
    for body in ("{not json", "[1, 2]", '{"keep_typing": "yes"}', "\xff"):
        path.write_text(body, encoding="utf-8")
        assert read_seat_settings(db, "notes") == SeatSettings()
