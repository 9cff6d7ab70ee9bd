"""The `bargain` command: outputs, exit codes, and a table of refused inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from models.store import Store
from tests.support import INIT, SMALL_JOURNAL, file_digest
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


def test_init_then_articles_then_board(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "new" / "b.db"
    assert runner.invoke(main, ["--db", str(path), *INIT]).exit_code == 0
    csv_file = tmp_path / "articles.csv"
    csv_file.write_bytes("\ufeffnumber,title\n10,Leaves\n2,Salary\nAppendix A,Schedule\n".encode())
    result = runner.invoke(main, ["articles", "import", str(csv_file), "--db", str(path)])
    assert result.exit_code == 0 and "Added 3 articles" in result.output
    result = runner.invoke(main, ["--db", str(path), "board", "--format", "csv"])
    assert result.output == (
        "article,title,status,holder,holding_since,last_proposal\n"
        "2,Salary,not_opened,,,\n10,Leaves,not_opened,,,\nAppendix A,Schedule,not_opened,,,\n"
    )


def test_board_csv_and_json_of_a_real_history(loaded: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["board", "--format", "csv", "--db", str(loaded)])
    lines = result.output.split("\n")
    assert lines[0] == "article,title,status,holder,holding_since,last_proposal"
    assert lines[1] == "1,Recognition,ta,,,"
    assert lines[3] == "3,Class Size,open,union,2026-03-10T17:30:00-07:00,RUSD #1"
    assert (
        lines[4] == "4,Special Education Caseloads,open,employer,2026-03-10T16:40:00-07:00,REA #1"
    )
    assert "\r" not in result.output
    rows = json.loads(
        runner.invoke(main, ["board", "--format", "json", "--db", str(loaded)]).output
    )
    assert rows[2]["holder"] == "union"
    table = runner.invoke(main, ["board", "--db", str(loaded)]).output
    assert "RUSD" in table and "Class Size" in table


def test_db_option_beats_the_environment(loaded: Path, tmp_path: Path, runner: CliRunner) -> None:
    env = {"BARGAIN_DB": str(tmp_path / "elsewhere.db")}
    assert runner.invoke(main, ["board", "--db", str(loaded)], env=env).exit_code == 0
    result = runner.invoke(main, ["board"], env={"BARGAIN_DB": str(loaded)})
    assert result.exit_code == 0 and "Class Size" in result.output
    result = runner.invoke(main, ["board"], env=env)
    assert result.exit_code == 1
    assert not (tmp_path / "elsewhere.db").exists()


def test_journal_export_round_trip(loaded: Path, tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "journal.jsonl"
    assert (
        runner.invoke(main, ["--db", str(loaded), "journal", "export", "-o", str(out)]).exit_code
        == 0
    )
    again = tmp_path / "again.db"
    assert runner.invoke(main, ["--db", str(again), "journal", "import", str(out)]).exit_code == 0
    second = runner.invoke(main, ["--db", str(again), "journal", "export"]).output
    assert second == out.read_text(encoding="utf-8")


def test_backup_writes_a_sound_copy(loaded: Path, tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "copy.db"
    result = runner.invoke(main, ["--db", str(loaded), "backup", "-o", str(target)])
    assert result.exit_code == 0
    with Store(target) as copy:
        assert len(copy.articles()) == 5
    assert runner.invoke(main, ["--db", str(loaded), "backup"]).exit_code == 0
    assert len(list((loaded.parent / "backups").glob("*.db"))) == 1


def _write(tmp_path: Path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


NOTE = '{"type":"note.added","at":"2026-03-10T18:00:00-07:00","session":1,"text":"ok"}'

BAD_INPUTS = [
    (
        "unknown article",
        ["journal", "import", "@bad.jsonl"],
        NOTE + '\n{"type":"proposal.passed","at":"2026-03-10T18:00:00-07:00","session":1,'
        '"by":"union","articles":["14"],"label":"X"}\n',
        "line 2: article 14 does not exist; known articles: 1-4, 10",
    ),
    (
        "unknown session",
        ["journal", "import", "@bad.jsonl"],
        '{"type":"note.added","at":"2026-03-10T18:00:00-07:00","session":4,"text":"x"}\n',
        "line 1: session 4 is not scheduled; known sessions: 1",
    ),
    (
        "naive timestamp",
        ["journal", "import", "@bad.jsonl"],
        '\n\n{"type":"note.added","at":"2026-03-10T18:00:00","session":1,"text":"x"}\n',
        "line 3: at 2026-03-10T18:00:00 has no UTC offset",
    ),
    (
        "duplicate label",
        ["journal", "import", "@bad.jsonl"],
        '{"type":"proposal.passed","at":"2026-03-10T18:00:00-07:00","session":1,"by":"union",'
        '"articles":["2"],"label":"rea #1"}\n',
        "line 1: label 'rea #1' is already used",
    ),
    (
        "malformed JSON line",
        ["journal", "import", "@bad.jsonl"],
        NOTE + "\n{not json}\n",
        "line 2: not JSON",
    ),
    (
        "JSON that is not an object",
        ["journal", "import", "@bad.jsonl"],
        "42\n",
        "line 1: each line must be a JSON object",
    ),
    (
        "journal not UTF-8",
        ["journal", "import", "@bad.jsonl"],
        b"\xff\xfe{}\n",
        "is not UTF-8 text",
    ),
    ("missing journal", ["journal", "import", "nowhere.jsonl"], None, "no file at nowhere.jsonl"),
    ("missing CSV", ["articles", "import", "nowhere.csv"], None, "no file at nowhere.csv"),
    (
        "CSV without header",
        ["articles", "import", "@bad.csv"],
        "11,Safety\n",
        "line 1: the header must name the number and title columns",
    ),
    (
        "CSV row with three columns",
        ["articles", "import", "@bad.csv"],
        "number,title\n11,Safety\n12,Transfers,extra\n",
        "line 3: expected 2 columns",
    ),
    (
        "CSV existing article",
        ["articles", "import", "@bad.csv"],
        "number,title\n11,Safety\n3,Class Size again\n",
        "line 3: article 3 is already “Class Size” in the campaign, not “Class Size again”",
    ),
    (
        "CSV duplicate within file",
        ["articles", "import", "@bad.csv"],
        "number,title\n11,Safety\n11,Safety again\n",
        "line 3: article 11 is “Safety again” here but “Safety” on line 2",
    ),
    (
        "CSV empty title",
        ["articles", "import", "@bad.csv"],
        "number,title\n11,\n",
        "line 2: title is empty",
    ),
    ("CSV empty file", ["articles", "import", "@bad.csv"], "", "the file is empty"),
    (
        "CSV not UTF-8",
        ["articles", "import", "@bad.csv"],
        b"number,title\n11,Se\xf1or\n",
        "not UTF-8 text",
    ),
    (
        "CSV control character",
        ["articles", "import", "@bad.csv"],
        "number,title\n11,Safe\x07ty\n",
        "line 2: title contains a control character (U+0007)",
    ),
    (
        "CSV overlong title",
        ["articles", "import", "@bad.csv"],
        "number,title\n11," + "x" * 500 + "\n",
        "line 2: title is 500 characters long",
    ),
    ("init twice", INIT, None, "already holds a campaign"),
]


@pytest.mark.parametrize(
    ("name", "args", "content", "message"), BAD_INPUTS, ids=[row[0] for row in BAD_INPUTS]
)
def test_refused_input_says_what_to_fix_and_changes_nothing(
    loaded: Path,
    tmp_path: Path,
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    args: list[str],
    content: str | bytes | None,
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = []
    for arg in args:
        if arg.startswith("@"):
            assert content is not None
            arg = _write(tmp_path, arg[1:], content)
        argv.append(arg)
    before = file_digest(loaded)
    result = runner.invoke(main, ["--db", str(loaded), *argv])
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert file_digest(loaded) == before


def test_commands_on_a_missing_database_create_nothing(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "missing" / "b.db"
    for args in (["board"], ["articles", "list"], ["journal", "export"], ["backup"]):
        result = runner.invoke(main, ["--db", str(path), *args])
        assert result.exit_code == 1
        assert f"no database at {path}; run `bargain init`" in result.stderr
    assert not path.parent.exists()


def test_init_with_an_unknown_timezone_leaves_no_file(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "b.db"
    args = [arg if arg != "America/Los_Angeles" else "Mars/Olympus" for arg in INIT]
    result = runner.invoke(main, ["--db", str(path), *args])
    assert result.exit_code == 1
    assert "timezone 'Mars/Olympus' is not an IANA timezone" in result.stderr
    assert not path.exists()


def test_a_failed_import_into_a_new_file_leaves_no_file(tmp_path: Path, runner: CliRunner) -> None:
    bad = _write(tmp_path, "bad.jsonl", '{"type":"note.added","at":"x"}\n')
    path = tmp_path / "new.db"
    result = runner.invoke(main, ["--db", str(path), "journal", "import", bad])
    assert result.exit_code == 1 and not path.exists()


@pytest.mark.parametrize("args", [["board", "--format", "xml"], ["nonsense"], ["board", "-x"]])
def test_usage_errors_exit_2(loaded: Path, runner: CliRunner, args: list[str]) -> None:
    assert runner.invoke(main, ["--db", str(loaded), *args]).exit_code == 2


def test_a_foreign_file_is_refused_in_one_line(tmp_path: Path, runner: CliRunner) -> None:
    path = Path(_write(tmp_path, "notes.txt", "just some notes\n"))
    result = runner.invoke(main, ["--db", str(path), "board"])
    assert result.exit_code == 1
    assert "is not a bargaining database" in result.stderr
    assert path.read_text() == "just some notes\n"


def test_screenless_commands_do_not_import_textual(loaded: Path) -> None:
    code = (
        "import sys\nfrom tui.cli import main\n"
        f"try:\n    main(['--db', {str(loaded)!r}, 'board', '--format', 'csv'])\n"
        "except SystemExit:\n    pass\n"
        "import models.store, models.actions, exports.board\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
        "print('clean')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("clean")


def test_installed_command_runs(loaded: Path) -> None:
    bargain = Path(sys.executable).parent / "bargain"
    result = subprocess.run(
        [str(bargain), "--db", str(loaded), "board", "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("article,title,status")
    version = subprocess.run(
        [str(bargain), "--version"], capture_output=True, text=True, check=False
    )
    assert version.stdout.startswith("bargain, version ")


def test_recap_to_stdout_and_to_a_file(loaded: Path, tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["--db", str(loaded), "recap", "--session", "1"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Tentative agreement on Article 1 (Recognition)")
    assert "**Bargaining update: Session 1**" in result.stdout
    assert "We can go to 26" not in result.output  # an internal note
    out = tmp_path / "recap.html"
    result = runner.invoke(
        main, ["--db", str(loaded), "recap", "--format", "html", "--lang", "es", "-o", str(out)]
    )
    assert result.exit_code == 0 and "<html" in out.read_text(encoding="utf-8")
    team = runner.invoke(main, ["--db", str(loaded), "recap", "--audience", "team"]).output
    assert "We can go to 26" in team


def test_recap_reports_blast_segments_and_untranslated_texts_on_stderr(
    loaded: Path, runner: CliRunner
) -> None:
    sms = runner.invoke(main, ["--db", str(loaded), "recap", "--format", "sms"])
    assert sms.exit_code == 0, sms.stderr
    length = len(sms.stdout.rstrip("\n"))
    assert sms.stderr.startswith(f"text blast: {length} characters, ")
    assert "(GSM-7)" in sms.stderr and "untranslated" not in sms.stderr
    spanish = runner.invoke(main, ["--db", str(loaded), "recap", "--lang", "es"])
    assert spanish.exit_code == 0, spanish.stderr
    assert "shown untranslated in es" in spanish.stderr
    assert " title: Recognition" in spanish.stderr
    assert "untranslated" not in spanish.stdout
    english = runner.invoke(main, ["--db", str(loaded), "recap"])
    assert english.stderr == ""


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["recap", "--session", "9"], 1, "session 9"),
        (["recap", "--format", "pdf"], 2, "'pdf' is not one of"),
        (["recap", "--session", "1", "--latest"], 2, "not both"),
        (["recap", "--template", "missing.j2"], 1, "no template at missing.j2"),
        (["recap", "--template", "@broken.md.j2"], 1, "line 2"),
    ],
)
def test_recap_refusals(
    loaded: Path, tmp_path: Path, runner: CliRunner, args: list[str], status: int, message: str
) -> None:
    template = tmp_path / "broken.md.j2"
    template.write_text("# {{ session.number }}\n{% if %}\n", encoding="utf-8")
    argv = [str(template) if a == "@broken.md.j2" else a for a in args]
    result = runner.invoke(main, ["--db", str(loaded), *argv])
    assert result.exit_code == status
    assert message in result.stderr
