"""Raw journal text, files and options that Python itself chokes on: deep nesting, numbers of
thousands of digits, broken (lone surrogate) text, bytes that are not UTF-8. Each is refused
with one line, and the database file's bytes stay the same (issue 12, defect 9).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from models.errors import DomainError
from models.store import Store
from tests.reliability.test_bad_inputs import nest, note
from tests.support import file_digest
from tui.cli import main

HUGE = "9" * 5_000
DEEP = "[" * 100_000 + "]" * 100_000
NOTE_START = '{"type":"note.added","at":"2026-03-10T18:00:00-07:00","session":1,'

RAW_JOURNAL_LINES: list[tuple[str, str, str]] = [
    ("text 100,000 deep", NOTE_START + '"text":' + DEEP + "}", "nested too deeply"),
    ("unknown field 100,000 deep", NOTE_START + '"text":"x","x":' + DEEP + "}", "too deeply"),
    ("session of 5,000 digits", NOTE_START + '"text":"x","session":' + HUGE + "}", "too large"),
    ("term of 5,000 digits", NOTE_START + '"text":"x","x":-' + HUGE + "}", "too large"),
    ("escaped lone surrogate", NOTE_START + '"text":"a\\ud800b"}', "broken character"),
    ("surrogate pair split", NOTE_START + '"text":"\\udc00\\ud800"}', "broken character"),
    ("surrogate in a key", NOTE_START + '"text":"x","\\udfff":1}', "broken character"),
]


@pytest.mark.parametrize(
    ("case", "text", "message"), RAW_JOURNAL_LINES, ids=[case for case, *_ in RAW_JOURNAL_LINES]
)
def test_bad_journal_text(
    small_store: Store, db_path: Path, tmp_path: Path, case: str, text: str, message: str
) -> None:
    before = file_digest(db_path)
    with pytest.raises(DomainError, match=r"^line 2: ") as refused:
        small_store.import_journal(["", text])
    assert message in str(refused.value), f"{case}: {refused.value}"
    assert file_digest(db_path) == before
    small_store.close()  # folds the WAL into the file: the CLI starts from these bytes
    before = file_digest(db_path)
    journal = tmp_path / "bad.jsonl"
    journal.write_text(text + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(db_path), "journal", "import", str(journal)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("bargain: line 1: ") and message in result.stderr
    assert result.stderr.count("\n") == 1
    assert file_digest(db_path) == before


@pytest.mark.parametrize(
    ("case", "value", "message"),
    [
        ("text 100,000 deep", nest(100_000), "nested too deeply"),
        ("session of 5,000 digits", 10**4_000 * 10**1_000, "too large"),
    ],
    ids=["deep", "huge"],
)
def test_bad_values_given_to_the_store(
    small_store: Store, db_path: Path, case: str, value: object, message: str
) -> None:
    before = file_digest(db_path)
    for field in ("text", "session", "speaker", "mood"):
        with pytest.raises(DomainError) as refused:
            small_store.record(note(**{field: value}))
        assert message in str(refused.value), f"{case}: {refused.value}"
    assert file_digest(db_path) == before


BAD_FILES: list[tuple[str, str, bytes, str]] = [
    ("CSV with a surrogate's bytes", "articles", b"number,title\n12,\xed\xa0\x80\n", "not UTF-8"),
    (
        "CSV with a 5,000-digit number",
        "articles",
        b"number,title\n" + HUGE.encode() + b",X\n",
        "60",
    ),
    ("CSV with an invalid byte", "articles", b"number,title\n12,caf\xe9\n", "not UTF-8"),
    (
        "journal not valid UTF-8",
        "journal",
        (NOTE_START + '"text":"\xff"}').encode("latin-1"),
        "UTF-8",
    ),
]


@pytest.mark.parametrize(
    ("case", "group", "data", "message"), BAD_FILES, ids=[case for case, *_ in BAD_FILES]
)
def test_bad_files(
    small_store: Store,
    db_path: Path,
    tmp_path: Path,
    case: str,
    group: str,
    data: bytes,
    message: str,
) -> None:
    small_store.close()
    before = file_digest(db_path)
    bad = tmp_path / "bad.file"
    bad.write_bytes(data)
    result = CliRunner().invoke(main, ["--db", str(db_path), group, "import", str(bad)])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("bargain: ") and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert file_digest(db_path) == before


@pytest.mark.parametrize("typed", ["\udcff", "Ana \ud800"], ids=["invalid byte", "surrogate"])
def test_text_options_that_are_not_text(small_store: Store, db_path: Path, typed: str) -> None:
    small_store.close()
    before = file_digest(db_path)
    result = CliRunner().invoke(
        main, ["--db", str(db_path), "--seat", typed, "articles", "import", "nowhere.csv"]
    )
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert file_digest(db_path) == before
