"""`bargain articles import` (issue 14, item 13): an `Article,Title` list that repeats a row
unchanged imports, says what it skipped, and importing it again adds nothing and says so."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from models.store import Store
from tests.test_cli import INIT
from tui.cli import main


def test_repeats_are_skipped_and_said(tmp_path: Path) -> None:
    runner = CliRunner(env={"BARGAIN_DB": ""})
    path = tmp_path / "b.db"
    assert runner.invoke(main, ["--db", str(path), *INIT]).exit_code == 0
    csv_file = tmp_path / "articles.csv"
    csv_file.write_text("Article,Title\n1,Recognition\n2,Salary\n1,Recognition\n", "utf-8")
    result = runner.invoke(main, ["--db", str(path), "articles", "import", str(csv_file)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Added 2 articles (1 repeated row skipped)"
    again = runner.invoke(main, ["--db", str(path), "articles", "import", str(csv_file)])
    assert again.exit_code == 0, again.output
    assert again.output.strip() == (
        "Added 0 articles (1 repeated row skipped, 2 already in the campaign)"
    )
    with Store(path) as store:
        assert [(a.number, a.title) for a in store.articles()] == [
            ("1", "Recognition"),
            ("2", "Salary"),
        ]
