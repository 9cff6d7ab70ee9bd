"""`bargain settings`: prints every setting, records one `campaign.updated` with only what
changed, refuses a bad value in one line naming the option (exit 1, nothing written)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from models.store import Store
from tests.support import SMALL_JOURNAL, file_digest
from tui.cli import main


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.delenv("BARGAIN_DB", raising=False)
    return CliRunner()


@pytest.fixture
def loaded(tmp_path: Path, runner: CliRunner) -> Path:
    path = tmp_path / "b.db"
    result = runner.invoke(main, ["--db", str(path), "journal", "import", str(SMALL_JOURNAL)])
    assert result.exit_code == 0, result.output
    return path


def _updates(path: Path) -> list[dict[str, object]]:
    with Store(path) as store:
        lines = [json.loads(text) for text in store.journal()]
    return [
        {k: v for k, v in line.items() if k not in ("type", "id", "at", "seat", "origin")}
        for line in lines
        if line["type"] == "campaign.updated"
    ]


def test_no_option_prints_every_setting(loaded: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["settings", "--db", str(loaded)])
    assert result.exit_code == 0, result.output
    for word in (
        "Riverbend Education Association",
        "--union-short",
        "--embargo",
        "details",
        "--team-to",
        "--watch",
        "No numeric term",
    ):
        assert word in result.output
    result = runner.invoke(main, ["--db", str(loaded), "settings", "--format", "json"])
    data = json.loads(result.output)
    assert data["union"] == {"name": "Riverbend Education Association", "short": "REA"}
    assert data["ground_rules"] == {"embargo": "details"}
    assert set(data["recap"]) == {"from", "to", "team_to", "signoff", "url", "watch"}


def test_options_record_one_event_of_what_changed(loaded: Path, runner: CliRunner) -> None:
    args = [
        "--db",
        str(loaded),
        "settings",
        "--union-name",
        "Riverbend Educators",
        "--union-short",
        "REA",
        "--from",
        "REA <team@rea.example.org>",
        "--embargo",
        "all",
        "--term",
        "salary_pct_y1",
        "--label",
        "Salary, year 1",
        "--unit",
        "%",
        "--cost-per-unit",
        "1250000",
        "--better",
        "higher",
    ]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Union: “Riverbend Education Association” → “Riverbend Educators”" in result.output
    assert "term salary_pct_y1: named" in result.output
    assert _updates(loaded) == [
        {
            "union": {"name": "Riverbend Educators", "short": "REA"},
            "recap": {"from": "REA <team@rea.example.org>"},
            "ground_rules": {"embargo": "all"},
            "terms": {
                "salary_pct_y1": {
                    "label": "Salary, year 1",
                    "unit": "%",
                    "cost_per_unit": 1250000.0,
                    "better": "higher",
                }
            },
        }
    ]
    result = runner.invoke(
        main,
        ["--db", str(loaded), "settings", "--remove-term", "salary_pct_y1", "--embargo", "all"],
    )
    assert result.exit_code == 0 and "term salary_pct_y1: removed" in result.output
    assert _updates(loaded)[-1] == {"terms": {"salary_pct_y1": None}}
    result = runner.invoke(main, ["--db", str(loaded), "settings", "--embargo", "all"])
    assert result.exit_code == 0 and "Nothing changed" in result.output
    assert len(_updates(loaded)) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--union-short", "S" * 25], "--union-short: the union's short name is 25 characters"),
        (["--union-name", " "], "--union-name: the union's name is empty"),
        (["--timezone", "Mars/Olympus"], "--timezone: timezone 'Mars/Olympus' is not"),
        (["--our-side", "mediator"], "--our-side: our side should be 'union' or 'employer'"),
        (["--to", "members at rea"], "--to: the members' address"),
        (["--url", "rea.example.org"], "--url: the address where recaps are posted must"),
        (["--embargo", "some"], "--embargo: the embargo should be 'details' or 'all'"),
        (["--label", "Salary"], "--label needs --term NAME"),
        (["--term", "Salary Y1", "--label", "x"], "--term: term name 'Salary Y1' must be"),
        (["--term", "s", "--cost-per-unit", "lots"], "--cost-per-unit: the cost per unit of s"),
        (["--term", "s", "--better", "up"], "--better: the better direction of s should"),
        (["--remove-term", "nope"], "--remove-term: there is no term 'nope' to remove"),
    ],
)
def test_bad_values_one_line_exit_1_nothing_written(
    loaded: Path, runner: CliRunner, args: list[str], message: str
) -> None:
    digest = file_digest(loaded)
    result = runner.invoke(main, ["--db", str(loaded), "settings", *args])
    assert result.exit_code == 1, result.output
    assert result.output.startswith("bargain: " + message), result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert file_digest(loaded) == digest


def test_a_missing_database_is_refused_and_not_created(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "none.db"
    result = runner.invoke(main, ["--db", str(path), "settings", "--title", "x"])
    assert result.exit_code == 1 and "no database at" in result.output
    assert not path.exists()
