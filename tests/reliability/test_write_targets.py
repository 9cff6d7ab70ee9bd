"""Every file the app writes: never the database (however spelled), always private.

Issue 12, defects 1, 7, 9 (init's bytes that are not UTF-8) and 11.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from models.errors import StoreError
from models.store import Store
from tests.support import INIT, SMALL_JOURNAL
from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
SIDES = ("", "-wal", "-shm")


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("BARGAIN_DB", raising=False)
    path = tmp_path / "data" / "team.db"
    with Store(path, create=True) as store:
        store.import_journal(SMALL_JOURNAL.read_text(encoding="utf-8").splitlines())
    return path


def _files(path: Path) -> dict[str, bytes | None]:
    """The database and its side files, byte for byte (None: absent)."""
    found: dict[str, bytes | None] = {}
    for suffix in SIDES:
        part = Path(str(path) + suffix)
        found[suffix] = part.read_bytes() if part.exists() else None
    return found


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _one_line_refusal(result: Result, words: str) -> None:
    assert result.exit_code == 1, (result.output, result.exception)
    assert result.stderr.startswith("bargain: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert words in result.stderr, result.stderr


def _spell(db: Path, how: str) -> Path:
    """Another path for the database (or one of its side files)."""
    folder = db.parent
    if how == "itself":
        return db
    if how == "relative dots":
        (folder / "x").mkdir(exist_ok=True)
        return folder / "x" / ".." / db.name
    if how == "symlink":
        link = folder.parent / "link.db"
        link.symlink_to(db)
        return link
    if how == "symlinked folder":
        link = folder.parent / "linked"
        link.symlink_to(folder, target_is_directory=True)
        return link / db.name
    if how == "hard link":
        link = folder.parent / "hard.db"
        os.link(db, link)
        return link
    if how in ("-wal", "-shm"):
        return Path(str(db) + how)
    if how == "symlink to -wal":
        link = folder.parent / "wal-link"
        link.symlink_to(Path(str(db) + "-wal"))
        return link
    raise AssertionError(how)


SPELLINGS = [
    "itself",
    "relative dots",
    "symlink",
    "symlinked folder",
    "hard link",
    "-wal",
    "-shm",
    "symlink to -wal",
]
WRITERS = {
    "backup -o": ["backup", "-o"],
    "journal export -o": ["journal", "export", "-o"],
    "recap -o": ["recap", "--session", "1", "-o"],
}


@pytest.mark.parametrize("how", SPELLINGS)
@pytest.mark.parametrize("writer", list(WRITERS))
def test_no_writer_writes_over_the_database(loaded: Path, how: str, writer: str) -> None:
    before = _files(loaded)
    target = _spell(loaded, how)
    result = CliRunner().invoke(main, ["--db", str(loaded), *WRITERS[writer], str(target)])
    _one_line_refusal(result, "choose another file")
    assert _files(loaded) == before
    with Store(loaded) as store:
        assert len(store.articles()) == 5


@pytest.mark.parametrize("writer", list(WRITERS))
def test_no_writer_writes_over_a_kept_backup(loaded: Path, writer: str) -> None:
    with Store(loaded) as store:
        kept = store.backup()
    before = _digest(kept)
    result = CliRunner().invoke(main, ["--db", str(loaded), *WRITERS[writer], str(kept)])
    _one_line_refusal(result, "backup")
    assert _digest(kept) == before


def test_the_app_recap_files_never_replace_the_database(loaded: Path) -> None:
    from models.recap_files import recap_file_name, recap_folder

    folder = recap_folder(loaded, 1)
    folder.mkdir(parents=True)
    (folder / recap_file_name(1, "md", "en", "members")).symlink_to(loaded)
    before = _files(loaded)
    from models.recap_files import write_recap_files

    with pytest.raises(StoreError, match="choose another file"):
        write_recap_files(loaded, 1, {"md": "# hello\n"}, lang="en", audience="members")
    assert _files(loaded) == before


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize("writer", list(WRITERS))
def test_written_files_are_private_in_private_new_folders(
    loaded: Path, tmp_path: Path, writer: str
) -> None:
    target = tmp_path / "out" / "deeper" / "file"
    result = CliRunner().invoke(main, ["--db", str(loaded), *WRITERS[writer], str(target)])
    assert result.exit_code == 0, (result.output, result.exception)
    assert _mode(target) == 0o600
    assert _mode(tmp_path / "out") == 0o700
    assert _mode(tmp_path / "out" / "deeper") == 0o700
    assert [p.name for p in target.parent.iterdir()] == ["file"]


@pytest.mark.usefixtures("umask_022")
@pytest.mark.parametrize("writer", ["journal export -o", "recap -o"])
def test_an_existing_readable_file_becomes_private(
    loaded: Path, tmp_path: Path, writer: str
) -> None:
    target = tmp_path / "shared.txt"
    target.write_text("old\n")
    os.chmod(target, 0o644)
    result = CliRunner().invoke(main, ["--db", str(loaded), *WRITERS[writer], str(target)])
    assert result.exit_code == 0, (result.output, result.exception)
    assert _mode(target) == 0o600 and target.read_text() != "old\n"


@pytest.mark.usefixtures("umask_022")
def test_backups_folder_and_files_are_private(loaded: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(loaded), "backup"])
    assert result.exit_code == 0
    folder = loaded.parent / "backups"
    assert _mode(folder) == 0o700
    assert [_mode(p) for p in folder.iterdir()] == [0o600]


@pytest.mark.usefixtures("umask_022")
def test_the_app_recap_files_are_private(loaded: Path) -> None:
    from models.recap_files import write_recap_files

    files = write_recap_files(
        loaded, 1, {"md": "# a\n", "csv": "a,b\r\n"}, lang="en", audience="team"
    )
    assert [f.name for f in files] == [
        "recap-session-1-en-team-only.md",
        "recap-session-1-en-team-only.csv",
    ]
    assert files[1].read_bytes() == b"a,b\r\n"
    assert all(_mode(f) == 0o600 for f in files)
    assert _mode(loaded.parent / "recaps") == 0o700
    assert _mode(loaded.parent / "recaps" / "session-1") == 0o700


# ------------------------------------------------------- refused into an empty file

BAD_JOURNAL = '{"type":"member.added","at":"2026-03-10T18:00:00Z"}\n'


@pytest.mark.usefixtures("umask_022")
def test_a_refused_import_leaves_an_existing_empty_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    os.chmod(path, 0o644)
    result = CliRunner().invoke(
        main, ["--db", str(path), "journal", "import", "-"], input=BAD_JOURNAL
    )
    _one_line_refusal(result, "line 1")
    assert path.stat().st_size == 0 and _mode(path) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


@pytest.mark.usefixtures("umask_022")
def test_a_refused_init_leaves_an_existing_empty_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    os.chmod(path, 0o644)
    args = [*INIT[:-1], "Mars/Olympus_Mons"]
    result = CliRunner().invoke(main, ["--db", str(path), *args])
    _one_line_refusal(result, "timezone")
    assert path.stat().st_size == 0 and _mode(path) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


@pytest.mark.usefixtures("umask_022")
def test_init_into_an_existing_readable_empty_file_makes_it_private(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    os.chmod(path, 0o644)
    result = CliRunner().invoke(main, ["--db", str(path), *INIT])
    assert result.exit_code == 0, result.output
    assert _mode(path) == 0o600
    with Store(path) as store:
        assert store.has_campaign()


def test_init_with_bytes_that_are_not_utf8_leaves_no_database(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    args = [os.fsencode(a) for a in ["--db", str(path), *INIT]]
    args[args.index(b"REA")] = b"RE\xff"
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", *args],
        capture_output=True,
        cwd=ROOT,
        check=False,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, stderr
    assert stderr.startswith("bargain: ") and stderr.count("\n") == 1, stderr
    assert "--union-short" in stderr and "UTF-8" in stderr
    assert list(tmp_path.iterdir()) == []


def test_init_with_bytes_that_are_not_utf8_into_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    args = ["--db", str(path), *INIT]
    args[args.index("REA")] = "RE\udcff"
    result = CliRunner().invoke(main, args)
    _one_line_refusal(result, "UTF-8")
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]
