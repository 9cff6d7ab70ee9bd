"""What a recap's rendering keeps between runs (`models.render_cache.RenderCache`, handed to
`render_recap` as `kept`): the money chart's picture (the second recap of the same numbers does
not draw again and gives the same bytes) and the templates' compiled code (the next process does
not compile them again). The files are private; a damaged or unwritable cache only means making
the value again.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from exports import chart, render_recap, templating
from exports.chart import PNG_SIGNATURE
from models.recap import RecapSnapshot, build_snapshot
from models.render_cache import KEEP, RenderCache
from tests.support import money_store


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> RecapSnapshot:
    store = money_store(tmp_path_factory.mktemp("money") / "money.db")
    return build_snapshot(store, 3, "members")


def _forbid_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the chart was drawn again")

    monkeypatch.setattr(chart, "money_chart_png", refuse)


def test_the_second_eml_takes_the_kept_picture(
    snapshot: RecapSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = RenderCache(tmp_path / "kept")
    first = render_recap(snapshot, format="eml", kept=kept)
    pictures = list((tmp_path / "kept" / "charts").iterdir())
    assert len(pictures) == 1 and pictures[0].read_bytes().startswith(PNG_SIGNATURE)
    _forbid_drawing(monkeypatch)
    assert render_recap(snapshot, format="eml", kept=kept) == first
    html = render_recap(snapshot, format="html", kept=kept)
    assert "data:image/png;base64," in html


def test_kept_files_are_private(
    snapshot: RecapSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(templating, "_ENVIRONMENTS", {})
    old = os.umask(0o022)
    try:
        render_recap(snapshot, format="html", kept=RenderCache(tmp_path / "a" / "kept"))
    finally:
        os.umask(old)
    folder = tmp_path / "a" / "kept"
    kinds = sorted(p.name for p in folder.iterdir())
    assert kinds == ["charts", "templates"]
    for path in [folder, *folder.rglob("*")]:
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path


def test_another_number_or_name_is_another_picture(snapshot: RecapSnapshot) -> None:
    money = snapshot.money
    key = chart.chart_key(money, ours="CVEA", theirs="CVUSD", session_word="Session")
    assert key != chart.chart_key(money, ours="CVEA", theirs="District", session_word="Session")
    assert key != chart.chart_key(money, ours="CVEA", theirs="CVUSD", session_word="Sesión")
    moved = money._replace(terms=(money.terms[0]._replace(ours=9.5), *money.terms[1:]))
    assert key != chart.chart_key(moved, ours="CVEA", theirs="CVUSD", session_word="Session")


def test_a_damaged_kept_file_is_drawn_again(snapshot: RecapSnapshot, tmp_path: Path) -> None:
    kept = RenderCache(tmp_path / "kept")
    good = render_recap(snapshot, format="eml", kept=kept)
    (picture,) = (tmp_path / "kept" / "charts").iterdir()
    picture.write_bytes(b"not a picture")
    assert render_recap(snapshot, format="eml", kept=kept) == good
    assert picture.read_bytes().startswith(PNG_SIGNATURE)


def test_a_cache_that_cannot_be_written_only_means_drawing(
    snapshot: RecapSnapshot, tmp_path: Path
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    kept = RenderCache(blocked / "kept")
    assert render_recap(snapshot, format="eml", kept=kept) == render_recap(snapshot, format="eml")


def test_keys_that_are_not_digests_are_never_paths(tmp_path: Path) -> None:
    kept = RenderCache(tmp_path / "kept")
    kept.put("charts", "../../escape", PNG_SIGNATURE + b"x")
    kept.put("../..", "a" * 64, b"x")
    assert kept.get("charts", "../../escape") is None
    assert not list(tmp_path.rglob("*escape*")) and not list(tmp_path.rglob("a" * 64))


def test_only_the_last_charts_are_kept(tmp_path: Path) -> None:
    kept = RenderCache(tmp_path / "kept")
    keys = [f"{n:064x}" for n in range(KEEP + 5)]
    for n, key in enumerate(keys):
        kept.put("charts", key, PNG_SIGNATURE + bytes([n]))
        os.utime(tmp_path / "kept" / "charts" / key, (1_000_000 + n, 1_000_000 + n))
    kept.put("charts", f"{KEEP + 99:064x}", PNG_SIGNATURE)
    left = {p.name for p in (tmp_path / "kept" / "charts").iterdir()}
    assert len(left) == KEEP
    assert keys[0] not in left and keys[-1] in left


def test_the_cli_keeps_the_picture_in_the_app_cache(tmp_path: Path) -> None:
    db = tmp_path / "money.db"
    money_store(db).close()
    env = {k: v for k, v in os.environ.items() if k != "MPLCONFIGDIR"}
    env |= {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_CONFIG_HOME": str(tmp_path / "c")}
    argv = [sys.executable, "-m", "tui.cli", "--db", str(db), "recap", "--session", "3"]
    runs = [
        subprocess.run([*argv, "--format", "eml"], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    assert _picture(runs[0].stdout) == _picture(runs[1].stdout)
    kept = tmp_path / "cache" / "open-bargaining" / "render"
    assert len(list((kept / "charts").iterdir())) == 1
    assert len(list((kept / "templates").iterdir())) >= 2  # the e-mail's html and text


def _picture(eml: str) -> bytes:
    from email import message_from_string, policy
    from email.message import EmailMessage

    message = message_from_string(eml, policy=policy.default)
    assert isinstance(message, EmailMessage)
    (png,) = [p for p in message.walk() if p.get_content_type() == "image/png"]
    data = png.get_content()
    assert isinstance(data, bytes) and data.startswith(PNG_SIGNATURE)
    return data


# ------------------------------------------------------------------ compiled templates


def _forbid_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new process: no template compiled in memory, and compiling refused."""
    from jinja2 import Environment

    monkeypatch.setattr(templating, "_ENVIRONMENTS", {})

    def refuse(*args: object, **kwargs: object) -> object:
        raise AssertionError("a template was compiled again")

    monkeypatch.setattr(Environment, "compile", refuse)


def test_compiled_templates_are_taken_back(
    snapshot: RecapSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = RenderCache(tmp_path / "kept")
    monkeypatch.setattr(templating, "_ENVIRONMENTS", {})
    texts = {fmt: render_recap(snapshot, format=fmt, kept=kept) for fmt in ("md", "html")}
    assert len(list((tmp_path / "kept" / "templates").iterdir())) >= 2  # and their includes
    _forbid_compiling(monkeypatch)
    assert {fmt: render_recap(snapshot, format=fmt, kept=kept) for fmt in texts} == texts


def test_a_changed_template_is_compiled_again(
    snapshot: RecapSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (user / "recap.md.j2").write_text("first {{ title }}\n", encoding="utf-8")
    kept = RenderCache(tmp_path / "kept")
    monkeypatch.setattr(templating, "_ENVIRONMENTS", {})
    assert render_recap(snapshot, format="md", user_dir=user, kept=kept).startswith("first ")
    (user / "recap.md.j2").write_text("second {{ title }}\n", encoding="utf-8")
    monkeypatch.setattr(templating, "_ENVIRONMENTS", {})
    assert render_recap(snapshot, format="md", user_dir=user, kept=kept).startswith("second ")


def test_damaged_compiled_code_is_compiled_again(
    snapshot: RecapSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = RenderCache(tmp_path / "kept")
    monkeypatch.setattr(templating, "_ENVIRONMENTS", {})
    good = render_recap(snapshot, format="md", kept=kept)
    for path in (tmp_path / "kept" / "templates").iterdir():
        path.write_bytes(b"\x00garbage")
    monkeypatch.setattr(templating, "_ENVIRONMENTS", {})
    assert render_recap(snapshot, format="md", kept=kept) == good
