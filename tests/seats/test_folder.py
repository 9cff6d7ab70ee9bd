"""The folder protocol: where a seat writes, what it never touches, what it ignores, files
not yet whole, newer versions, damage, a copied database, the passphrase, idempotence."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import seats
from models.domain import Draft
from models.errors import DomainError
from models.seats import crypto
from models.seats.folder import VERSION, decode, encode, seat_dir
from models.store import Store
from tests.seats.support import event_set, small_lines, state_of


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "shared"


@pytest.fixture
def lead(tmp_path: Path, folder: Path) -> Iterator[Store]:
    store = Store(tmp_path / "lead.db", create=True, seat="lead")
    store.import_journal(small_lines())
    seats.exchange(store, folder)
    yield store
    store.close()


@pytest.fixture
def notes(tmp_path: Path, folder: Path, lead: Store) -> Iterator[Store]:
    store = seats.join(folder, tmp_path / "notes.db", seat="notes")
    yield store
    store.close()


def note(store: Store, text: str) -> str:
    return store.record({"type": "note.added", "session": 1, "text": text}).id


def digests(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_seat_writes_only_under_its_own_folder_private_and_never_changes_a_file(
    folder: Path, lead: Store, notes: Store
) -> None:
    note(notes, "from the note-taker")
    before = digests(folder)
    seats.exchange(notes, folder)
    after = digests(folder)
    assert all(after[name] == digest for name, digest in before.items())
    new = set(after) - set(before)
    assert new and all(name.startswith(f"seats/{notes.database_id}/") for name in new)
    for path in folder.rglob("*"):
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
    seats.exchange(lead, folder)
    assert [n.text for n in lead.notes()][-1] == "from the note-taker"


def test_same_events_twice_or_in_any_order_change_nothing(
    folder: Path, lead: Store, notes: Store
) -> None:
    for text in ("one", "two", "three"):
        note(notes, text)
        seats.exchange(notes, folder)
    seats.exchange(lead, folder)
    snapshot = (state_of(lead), list(lead.journal()))
    home = seat_dir(folder, notes.database_id)
    # A sync tool delivers the files again, and a stray copy of one with another index.
    shutil.copy(home / "00000002.seg", home / "00000009.seg")
    for _ in range(2):
        report = seats.exchange(lead, folder)
    assert report.received == 0
    assert (state_of(lead), list(lead.journal())) == snapshot
    assert event_set(lead) == event_set(notes)


@pytest.mark.parametrize(
    "name",
    [
        ".syncthing.00000003.seg.tmp",
        "00000003.seg~syncthing~",
        "00000003 (conflicted copy 2026-03-10).seg",
        "00000003.sync-conflict-20260310-120000-ABCDEFG.seg",
        "desktop.ini",
        ".DS_Store",
        "Thumbs.db",
        "00000003.seg.part",
        "~$00000003.seg",
        ".~lock.00000003.seg#",
    ],
)
def test_sync_tools_temporary_and_conflict_copies_and_strays_are_ignored(
    folder: Path, lead: Store, notes: Store, name: str
) -> None:
    note(notes, "real")
    seats.exchange(notes, folder)
    home = seat_dir(folder, notes.database_id)
    forged = json.loads((home / "00000001.seg").read_bytes().split(b"\n")[0])
    (home / name).write_bytes(b"garbage " * 50)
    (seat_dir(folder, lead.database_id) / name).write_bytes(encode(forged, b""))
    (folder / "seats" / name).write_bytes(b"x")
    report = seats.exchange(lead, folder)
    assert report.problems == () and report.received == 1
    assert seats.exchange(lead, folder).problems == ()


def test_a_file_not_yet_whole_is_skipped_until_it_is(
    folder: Path, lead: Store, notes: Store
) -> None:
    note(notes, "arriving slowly")
    seats.exchange(notes, folder)
    path = seat_dir(folder, notes.database_id) / "00000001.seg"
    whole = path.read_bytes()
    for cut in (0, 10, len(whole) // 2, len(whole) - 1):
        path.write_bytes(whole[:cut])
        report = seats.exchange(lead, folder)
        assert report.received == 0 and report.problems == (), cut
    path.write_bytes(whole)
    assert seats.exchange(lead, folder).received == 1
    assert lead.notes()[-1].text == "arriving slowly"


def test_a_newer_version_is_said_once_and_the_rest_is_taken_in(
    folder: Path, lead: Store, notes: Store
) -> None:
    for text in ("one", "two"):
        note(notes, text)
        seats.exchange(notes, folder)
    home = seat_dir(folder, notes.database_id)
    header = json.loads((home / "00000001.seg").read_bytes().split(b"\n")[0])
    header["version"] = VERSION + 1
    (home / "00000001.seg").write_bytes(json.dumps(header).encode() + b"\n" + b"new things")
    report = seats.exchange(lead, folder)
    assert report.received == 1 and lead.notes()[-1].text == "two"
    assert len(report.problems) == 1 and "newer version" in report.problems[0]
    assert seats.exchange(lead, folder).problems == ()  # said once


def test_damage_is_said_once_and_never_stops_a_seat(
    folder: Path, lead: Store, notes: Store
) -> None:
    note(notes, "one")
    seats.exchange(notes, folder)
    home = seat_dir(folder, notes.database_id)
    good = (home / "00000001.seg").read_bytes()
    (home / "00000001.seg").write_bytes(good[:-3] + b"XYZ")  # same length, wrong checksum
    report = seats.exchange(lead, folder)
    assert report.received == 0 and "checksum" in report.problems[0]
    assert seats.exchange(lead, folder).problems == ()
    note(lead, "the lead goes on")
    assert seats.exchange(lead, folder).sent == 1


def test_a_huge_file_is_not_read(folder: Path, lead: Store, notes: Store) -> None:
    home = seat_dir(folder, notes.database_id)
    home.mkdir(parents=True, exist_ok=True)
    with open(home / "00000007.seg", "wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    report = seats.exchange(lead, folder)
    assert "too large" in report.problems[0]


def test_a_copied_database_stops_syncing_with_one_line(
    tmp_path: Path, folder: Path, lead: Store
) -> None:
    lead.backup(tmp_path / "copy.db")  # the whole file, as a copy to a laptop would be
    note(lead, "after the copy")
    seats.exchange(lead, folder)
    with Store(tmp_path / "copy.db", seat="other") as copy:
        before = digests(folder)
        with pytest.raises(DomainError, match=r"copy of another seat's.*bargain join"):
            seats.exchange(copy, folder)
        assert digests(folder) == before


def test_a_restored_seat_takes_its_own_files_back_and_reuses_no_name(
    tmp_path: Path, folder: Path, lead: Store, notes: Store
) -> None:
    from models.store.backup import restore_database

    backup = notes.backup()
    note(notes, "after the backup")
    seats.exchange(notes, folder)
    path = notes.path
    notes.close()
    restore_database(path, backup)
    with Store(path, seat="notes") as restored:
        seats.exchange(restored, folder)
        note(restored, "after the restore")
        seats.exchange(restored, folder)
        assert [n.text for n in restored.notes()][-2:] == ["after the backup", "after the restore"]
        names = sorted(p.name for p in seat_dir(folder, restored.database_id).glob("*.seg"))
        origins = [tuple(json.loads(t)["origin"].values()) for t in restored.journal()]
    assert names == ["00000001.seg", "00000002.seg"]
    assert len(origins) == len(set(origins))
    seats.exchange(lead, folder)
    assert [n.text for n in lead.notes()][-2:] == ["after the backup", "after the restore"]


def test_drafts_never_leave_their_seat(folder: Path, lead: Store, notes: Store) -> None:
    notes.save_draft(Draft(text="half-typed DRAFTCANARY", team_only=True))
    note(notes, "said")
    seats.exchange(notes, folder)
    for path in folder.rglob("*"):
        if path.is_file():
            assert b"DRAFTCANARY" not in path.read_bytes()


def test_with_a_passphrase_files_are_sealed_and_open_with_it(tmp_path: Path, folder: Path) -> None:
    with Store(tmp_path / "lead.db", create=True, seat="lead") as lead:
        lead.import_journal(small_lines())
        seats.exchange(lead, folder, passphrase="team words")
        for path in folder.rglob("*.seg"):
            assert b"Riverbend" not in path.read_bytes() and b"note.added" not in path.read_bytes()
        with pytest.raises(crypto.WrongPassphrase, match="does not open"):
            seats.exchange(lead, folder, passphrase="wrong words")
        with pytest.raises(DomainError, match=r"no campaign found.*passphrase"):
            seats.join(folder, tmp_path / "x.db")
        assert not (tmp_path / "x.db").exists()
        with pytest.raises(DomainError, match=r"no campaign found.*does not open"):
            seats.join(folder, tmp_path / "y.db", passphrase="wrong words")
        with seats.join(folder, tmp_path / "notes.db", passphrase="team words") as notes:
            assert event_set(notes) == event_set(lead)


def test_a_sealed_file_moved_to_another_name_does_not_open(tmp_path: Path, folder: Path) -> None:
    with Store(tmp_path / "lead.db", create=True, seat="lead") as lead:
        lead.import_journal(small_lines())
        seats.exchange(lead, folder, passphrase="pw")
        home = seat_dir(folder, lead.database_id)
        (home / "00000001.seg").rename(home / "00000002.seg")
        data = (home / "00000002.seg").read_bytes()
        header = json.loads(data.split(b"\n")[0])
        header["name"] = "00000002.seg"
        body = data.split(b"\n", 1)[1]
        (home / "00000002.seg").write_bytes(encode(header, body))
        with pytest.raises(DomainError, match=r"no campaign found.*does not open"):
            seats.join(folder, tmp_path / "x.db", passphrase="pw")


def test_plain_files_are_refused_once_a_passphrase_is_given(
    tmp_path: Path, folder: Path, lead: Store
) -> None:
    with pytest.raises(DomainError, match="without the team passphrase"):
        seats.join(folder, tmp_path / "x.db", passphrase="pw")


def test_decode_tells_whole_files_from_partial_newer_and_damaged() -> None:
    whole = encode({"kind": "segment"}, b"body\n")
    assert decode(whole).state == "ok" and decode(whole).body == b"body\n"
    assert decode(whole[:5]).state == "partial"
    assert decode(whole[:-1]).state == "partial"
    assert decode(whole + b"x").state == "damaged"
    assert decode(b"\n" + whole).state == "damaged"
    assert decode(b"x" * 5000).state == "damaged"


def test_read_passphrase_from_a_file_or_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BARGAIN_TEAM_KEY", raising=False)
    assert seats.read_passphrase(None) is None
    monkeypatch.setenv("BARGAIN_TEAM_KEY", "from env")
    assert seats.read_passphrase(None) == "from env"
    key = tmp_path / "key.txt"
    key.write_text("from file\nignored\n")
    assert seats.read_passphrase(key) == "from file"
    key.write_text("\n")
    with pytest.raises(DomainError, match="is empty"):
        seats.read_passphrase(key)
    with pytest.raises(DomainError, match="no passphrase file"):
        seats.read_passphrase(tmp_path / "missing")


def test_the_folder_is_remembered(tmp_path: Path, folder: Path, lead: Store) -> None:
    assert seats.remembered_folder(lead) is None
    seats.remember_folder(lead, folder)
    assert seats.remembered_folder(lead) == folder.absolute()
    with seats.join(folder, tmp_path / "n.db") as joined:
        assert seats.remembered_folder(joined) == folder.absolute()


def test_join_refuses_an_existing_file_and_an_empty_folder(
    tmp_path: Path, folder: Path, lead: Store
) -> None:
    with pytest.raises(DomainError, match="already exists"):
        seats.join(folder, lead.path)
    with pytest.raises(DomainError, match="holds no seats yet"):
        seats.join(tmp_path / "empty", tmp_path / "n.db")
    assert not (tmp_path / "n.db").exists()


def test_the_random_nonce_makes_two_sealings_differ() -> None:
    key = os.urandom(32)
    assert crypto.seal(key, b"same", "a/b") != crypto.seal(key, b"same", "a/b")
    assert crypto.open_sealed(key, crypto.seal(key, b"same", "a/b"), "a/c") is None


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    data=st.data(),
    junk=st.lists(st.binary(max_size=600), max_size=4),
    header=st.dictionaries(
        st.sampled_from(["version", "length", "sha256", "enc", "db", "name", "kind", "format"]),
        st.one_of(st.none(), st.integers(-3, 10**12), st.text(max_size=12), st.booleans()),
        max_size=3,
    ),
)
def test_nothing_in_the_folder_crashes_a_seat(
    data: st.DataObject, junk: list[bytes], header: dict[str, object]
) -> None:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        folder = tmp / "shared"
        with Store(tmp / "lead.db", create=True, seat="lead") as lead:
            lead.import_journal(small_lines())
            seats.exchange(lead, folder)
            with seats.join(folder, tmp / "notes.db", seat="notes") as notes:
                note(notes, "real")
                seats.exchange(notes, folder)
                home = seat_dir(folder, notes.database_id)
                real = (home / "00000001.seg").read_bytes()
                first, _, body = real.partition(b"\n")
                forged = {**json.loads(first), **header}
                cut = data.draw(st.integers(0, len(body)))
                flip = data.draw(st.integers(0, len(body) - 1))
                variants = [
                    json.dumps(forged).encode() + b"\n" + body,
                    first + b"\n" + body[:cut],
                    first + b"\n" + body[:flip] + bytes([body[flip] ^ 0xFF]) + body[flip + 1 :],
                    *junk,
                ]
                for index, content in enumerate(variants, start=2):
                    (home / f"{index:08d}.seg").write_bytes(content)
                (home / "seat.key").write_bytes(data.draw(st.binary(max_size=200)))
                before = state_of(lead)
                for _ in range(2):
                    report = seats.exchange(lead, folder)
                    assert all(isinstance(p, str) and "\n" not in p for p in report.problems)
                after = state_of(lead)
                assert [n.text for n in lead.notes()][-1] == "real"
                assert after[0] == before[0] and len(lead.events()) == 26
