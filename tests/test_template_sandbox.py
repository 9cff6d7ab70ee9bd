"""User templates run in a bounded sandbox (issue 12, defects 8 and 9's template part).

They may include only templates of the templates folders, their output is bounded, a
constant too large to build is refused at once, nothing is written (no bytecode cache), and a
template reaching for the snapshot's methods gets one line naming its line, never a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from exports import render_recap
from exports.templating import clear_cache
from models.demo import demo_events
from models.errors import DomainError
from models.recap import RecapSnapshot, build_snapshot
from models.store import Store

DEMO_DAY = date(2026, 3, 22)
NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> RecapSnapshot:
    path = tmp_path_factory.mktemp("sandbox") / "demo.db"
    with Store(path, create=True) as store:
        store.import_journal(json.dumps(event) for event in demo_events(DEMO_DAY))
        return build_snapshot(store, 4, "members", NOW)


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Path]]:
    """(the user's templates folder, a folder for --template files), empty caches."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    user_dir = tmp_path / "config" / "open-bargaining" / "templates"
    user_dir.mkdir(parents=True)
    mine = tmp_path / "mine"
    mine.mkdir()
    clear_cache()
    yield user_dir, mine
    clear_cache()


def _render(snapshot: RecapSnapshot, template: Path, user_dir: Path, fmt: str = "md") -> str:
    return render_recap(snapshot, format=fmt, template=template, user_dir=user_dir)


def _refused(snapshot: RecapSnapshot, template: Path, user_dir: Path, fmt: str = "md") -> str:
    with pytest.raises(DomainError) as refused:
        _render(snapshot, template, user_dir, fmt)
    message = str(refused.value)
    assert "\n" not in message and message.startswith("template ")
    return message


@pytest.mark.parametrize(
    "include",
    [
        "/etc/passwd",
        "@user:/etc/passwd",
        "@user:{secret}",
        "{secret}",
        "../secret.txt",
        "../../secret.txt",
        "builtin/../../secret.txt",
        "..\\\\secret.txt",
    ],
)
def test_an_include_outside_the_templates_folders_is_refused(
    snapshot: RecapSnapshot, folders: tuple[Path, Path], include: str
) -> None:
    user_dir, mine = folders
    secret = mine.parent / "secret.txt"
    secret.write_text("TEAM BOTTOM LINE\n", encoding="utf-8")
    (user_dir / "secret.txt").parent.mkdir(exist_ok=True)
    template = mine / "recap.j2"
    name = include.format(secret=secret)
    template.write_text(f"a\n{{% include {json.dumps(name)} %}}\n", encoding="utf-8")
    for fmt in ("md", "html", "sms"):
        message = _refused(snapshot, template, user_dir, fmt)
        assert "TEAM BOTTOM LINE" not in message and "root:" not in message


def test_includes_from_the_templates_folders_still_work(
    snapshot: RecapSnapshot, folders: tuple[Path, Path]
) -> None:
    user_dir, mine = folders
    (user_dir / "part.j2").write_text("PART {{ recap.session.number }}\n", encoding="utf-8")
    template = mine / "recap.j2"
    template.write_text(
        '{% include "part.j2" %}{% include "builtin/recap.md.j2" %}\n', encoding="utf-8"
    )
    text = _render(snapshot, template, user_dir)
    assert text.startswith("PART 4\n# ") and "Session 4" in text


@pytest.mark.parametrize(
    "expression",
    [
        '"a"*1000000000',
        '"a"*10**9',
        '1000000000*"a"',
        '["a"]*10**9',
        "10**(10**10)",
        "(10**1000)**1000",
        "(2**9000)*(2**9000)",
        '"ab"*(10**5)*(10**5)',
    ],
)
def test_a_huge_constant_is_refused_quickly_in_little_memory(
    snapshot: RecapSnapshot, folders: tuple[Path, Path], expression: str
) -> None:
    user_dir, mine = folders
    template = mine / "big.j2"
    template.write_text(f"x\n{{{{ {expression} }}}}\n", encoding="utf-8")
    tracemalloc.start()
    start = time.perf_counter()
    try:
        message = _refused(snapshot, template, user_dir)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - start < 2
    assert peak < 50_000_000
    assert "line 2" in message and "too large" in message


def test_the_output_is_bounded(snapshot: RecapSnapshot, folders: tuple[Path, Path]) -> None:
    user_dir, mine = folders
    template = mine / "long.j2"
    template.write_text(
        '{% for i in range(100000) %}{{ "abcdefghij" * 1000 }}{% endfor %}\n', encoding="utf-8"
    )
    tracemalloc.start()
    try:
        message = _refused(snapshot, template, user_dir)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "too long" in message
    assert peak < 100_000_000
    small = mine / "small.j2"
    small.write_text('{{ "ab" * 3 }} {{ 2 ** 10 }} {{ 3 * 4 }}\n', encoding="utf-8")
    assert _render(snapshot, small, user_dir) == "ababab 1024 12\n"


@pytest.mark.parametrize(
    "expression",
    [
        "recap.model_dump()",
        "recap.model_copy()",
        "recap.model_dump",
        "recap.model_validate({})",
        "recap.__class__",
        "recap.campaign.model_dump(mode='json')",
        "recap.board[0].model_copy(update={'title': 'x'})",
        "recap._values()",
        "recap.session.__init__",
        "recap.board[0].__class__.__mro__",
    ],
)
def test_a_template_calling_the_snapshots_methods_gets_one_line(
    snapshot: RecapSnapshot, folders: tuple[Path, Path], expression: str
) -> None:
    user_dir, mine = folders
    template = mine / "methods.j2"
    template.write_text(f"ok\n\n{{{{ {expression} }}}}\n", encoding="utf-8")
    message = _refused(snapshot, template, user_dir)
    assert "methods.j2, line 3" in message


def test_the_cli_prints_one_line_for_a_template_calling_a_method(
    tmp_path: Path, folders: tuple[Path, Path]
) -> None:
    db = tmp_path / "demo.db"
    with Store(db, create=True) as store:
        store.import_journal(json.dumps(event) for event in demo_events(DEMO_DAY))
    _user_dir, mine = folders
    template = mine / "methods.j2"
    template.write_text("{{ recap.model_dump() }}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "tui.cli", "--db", str(db), "recap", "--template", str(template)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 1, result
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("bargain: template methods.j2, line 1")


def test_rendering_writes_no_compiled_templates(
    snapshot: RecapSnapshot, folders: tuple[Path, Path], tmp_path: Path
) -> None:
    user_dir, mine = folders
    template = mine / "plain.j2"
    template.write_text("{{ recap.session.number }}\n", encoding="utf-8")
    for fmt in ("md", "html", "eml", "sms", "json"):
        render_recap(snapshot, format=fmt)
    _render(snapshot, template, user_dir)
    cache = tmp_path / "cache"
    assert not cache.exists() or not any(cache.rglob("*"))
