"""Where open-bargaining keeps its files: one place to look them up."""

from __future__ import annotations

import getpass
import os
import socket
from pathlib import Path

APP_NAME = "open-bargaining"
DB_ENV = "BARGAIN_DB"
SEAT_ENV = "BARGAIN_SEAT"


def data_dir() -> Path:
    """The folder holding the database, the demo and the backups."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME)


def config_dir() -> Path:
    """The folder holding the user's settings and template overrides."""
    from platformdirs import user_config_path

    return user_config_path(APP_NAME)


def default_db() -> Path:
    """The database used when neither --db nor $BARGAIN_DB names one."""
    return data_dir() / "bargaining.db"


def demo_db() -> Path:
    """Where `bargain demo` writes its campaign when no --db is given."""
    return data_dir() / "demo.db"


def resolve_db(option: str | os.PathLike[str] | None) -> Path:
    """--db beats $BARGAIN_DB, which beats the default path."""
    if option:
        return Path(option).expanduser()
    from_env = os.environ.get(DB_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_db()


def default_seat() -> str:
    """Who is recording: $BARGAIN_SEAT, or user@host (stable across restarts)."""
    seat = os.environ.get(SEAT_ENV, "").strip()
    if seat:
        return seat
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "seat"
    return f"{user}@{socket.gethostname()}"[:40]


def system_timezone() -> str:
    """The machine's IANA timezone name, or UTC when it cannot be told."""
    name = os.environ.get("TZ", "").strip().lstrip(":")
    if name and "/" in name:
        return name
    try:
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    try:
        text = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        if text:
            return text
    except OSError:
        pass
    return "UTC"


def cache_dir() -> Path:
    """The folder for caches the app can always rebuild (the chart library's font cache)."""
    from platformdirs import user_cache_path

    return user_cache_path(APP_NAME)
