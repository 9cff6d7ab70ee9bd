"""The money chart's picture kept between runs (`models.chart_cache.ChartFiles` behind
`exports.chart.kept_chart_png`): the second recap of the same numbers does not draw again and
gives the same bytes; the files are private; a damaged or unwritable cache only means drawing.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from exports import chart, render_recap
from models.chart_cache import KEEP, PNG_SIGNATURE, ChartFiles
from models.recap import RecapSnapshot, build_snapshot
from models.store import Store

FIXTURE = Path(__file__).parent / "fixtures" / "money-journal.jsonl"


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> RecapSnapshot:
    store = Store(tmp_path_factory.mktemp("money") / "money.db", create=True)
    with FIXTURE.open(encoding="utf-8") as lines:
        store.import_journal(lines)
    return build_snapshot(store, 3, "members")


def _forbid_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("the chart was drawn again")

    monkeypatch.setattr(chart, "money_chart_png", refuse)


def test_the_second_eml_takes_the_kept_picture(
    snapshot: RecapSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    charts = ChartFiles(tmp_path / "charts")
    first = render_recap(snapshot, format="eml", charts=charts)
    kept = list((tmp_path / "charts").glob("*.png"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(PNG_SIGNATURE)
    _forbid_drawing(monkeypatch)
    assert render_recap(snapshot, format="eml", charts=charts) == first
    html = render_recap(snapshot, format="html", charts=charts)
    assert "data:image/png;base64," in html


def test_kept_files_are_private(snapshot: RecapSnapshot, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        render_recap(snapshot, format="html", charts=ChartFiles(tmp_path / "a" / "charts"))
    finally:
        os.umask(old)
    folder = tmp_path / "a" / "charts"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (png,) = folder.iterdir()
    assert stat.S_IMODE(png.stat().st_mode) == 0o600


def test_another_number_or_name_is_another_picture(snapshot: RecapSnapshot) -> None:
    money = snapshot.money
    key = chart.chart_key(money, ours="CVEA", theirs="CVUSD", session_word="Session")
    assert key != chart.chart_key(money, ours="CVEA", theirs="District", session_word="Session")
    assert key != chart.chart_key(money, ours="CVEA", theirs="CVUSD", session_word="Sesión")
    moved = money._replace(terms=(money.terms[0]._replace(ours=9.5), *money.terms[1:]))
    assert key != chart.chart_key(moved, ours="CVEA", theirs="CVUSD", session_word="Session")


def test_a_damaged_kept_file_is_drawn_again(snapshot: RecapSnapshot, tmp_path: Path) -> None:
    charts = ChartFiles(tmp_path / "charts")
    good = render_recap(snapshot, format="eml", charts=charts)
    (kept,) = (tmp_path / "charts").glob("*.png")
    kept.write_bytes(b"not a picture")
    assert render_recap(snapshot, format="eml", charts=charts) == good
    assert kept.read_bytes().startswith(PNG_SIGNATURE)


def test_a_cache_that_cannot_be_written_only_means_drawing(
    snapshot: RecapSnapshot, tmp_path: Path
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    charts = ChartFiles(blocked / "charts")
    assert render_recap(snapshot, format="eml", charts=charts) == render_recap(
        snapshot, format="eml"
    )


def test_keys_that_are_not_digests_are_never_paths(tmp_path: Path) -> None:
    charts = ChartFiles(tmp_path / "charts")
    charts.put("../../escape", PNG_SIGNATURE + b"x")
    assert charts.get("../../escape") is None
    assert not list(tmp_path.rglob("*escape*"))


def test_only_the_last_charts_are_kept(tmp_path: Path) -> None:
    charts = ChartFiles(tmp_path / "charts")
    keys = [f"{n:064x}" for n in range(KEEP + 5)]
    for n, key in enumerate(keys):
        charts.put(key, PNG_SIGNATURE + bytes([n]))
        os.utime(tmp_path / "charts" / f"{key}.png", (1_000_000 + n, 1_000_000 + n))
    charts.put(f"{KEEP + 99:064x}", PNG_SIGNATURE)
    left = {p.stem for p in (tmp_path / "charts").glob("*.png")}
    assert len(left) == KEEP
    assert keys[0] not in left and keys[-1] in left


def test_the_cli_keeps_the_picture_in_the_app_cache(tmp_path: Path) -> None:
    db = tmp_path / "money.db"
    store = Store(db, create=True)
    with FIXTURE.open(encoding="utf-8") as lines:
        store.import_journal(lines)
    store.close()
    env = {k: v for k, v in os.environ.items() if k != "MPLCONFIGDIR"}
    env |= {"XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_CONFIG_HOME": str(tmp_path / "c")}
    argv = [sys.executable, "-m", "tui.cli", "--db", str(db), "recap", "--session", "3"]
    runs = [
        subprocess.run([*argv, "--format", "eml"], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    assert _picture(runs[0].stdout) == _picture(runs[1].stdout)
    assert len(list((tmp_path / "cache" / "open-bargaining" / "charts").glob("*.png"))) == 1


def _picture(eml: str) -> bytes:
    from email import message_from_string, policy
    from email.message import EmailMessage

    message = message_from_string(eml, policy=policy.default)
    assert isinstance(message, EmailMessage)
    (png,) = [p for p in message.walk() if p.get_content_type() == "image/png"]
    data = png.get_content()
    assert isinstance(data, bytes) and data.startswith(PNG_SIGNATURE)
    return data
