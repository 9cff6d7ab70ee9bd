"""A table of hostile and mistaken inputs: each refused with what to fix, nothing written.

Journal lines go through the same checks as every dialog (the dialogs validate against the
journal's event models and the store), so this table covers the fields of both; the CLI cases
cover options, files and CSV rows. The dialogs' own messages are driven in tests/tui.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from models.errors import DomainError
from models.store import Store
from tests.support import file_digest
from tui.cli import main

AT = "2026-03-10T18:20:00-07:00"  # after the TA: the rules follow `at` (shared order)
MEGABYTE = "x" * 1_000_000


def line(event_type: str, /, **fields: object) -> dict[str, object]:
    return {"type": event_type, "at": AT, **fields}


def note(**fields: object) -> dict[str, object]:
    return line("note.added", **({"session": 1, "text": "ok"} | fields))


def proposal(**fields: object) -> dict[str, object]:
    base = {"session": 1, "by": "union", "articles": ["2"], "label": "REA #9"}
    return line("proposal.passed", **(base | fields))


def caucus(**fields: object) -> dict[str, object]:
    return line("caucus.started", **({"session": 1, "by": "union", "minutes": 20} | fields))


def nest(depth: int) -> object:
    """A list `depth` deep, built without recursion."""
    value: object = []
    for _ in range(depth - 1):
        value = [value]
    return value


JOURNAL_LINES: list[tuple[str, dict[str, object], str]] = [
    ("note: lone surrogate in the text", note(text="pay \ud800"), "broken character"),
    ("note: lone surrogate in the speaker", note(speaker="\udcff"), "broken character"),
    ("note: lone surrogate in a field name", note(**{"\ud800": 1}), "broken character"),
    ("note: lone surrogate in the seat", note(seat="lead\udfff"), "broken character"),
    (
        "article: lone surrogate in the number",
        line("article.added", number="\ud800", title="X"),
        "broken character",
    ),
    ("proposal: lone surrogate in an article", proposal(articles=["\ud800"]), "broken"),
    ("note: text nested 50 deep", note(text=nest(50)), "nested too deeply"),
    ("proposal: terms nested 50 deep", proposal(terms={"x": nest(50)}), "nested too deeply"),
    ("note: unknown field nested 50 deep", note(extra=nest(50)), "nested too deeply"),
    ("caucus: minutes past 64 bits", caucus(minutes=2**70), "too large"),
    ("note: session past 64 bits", note(session=-(2**64)), "too large"),
    ("proposal: term past 64 bits", proposal(terms={"salary_pct_y1": 2**64}), "too large"),
    (
        "attendance: observers of 1,000 digits",
        line("attendance.recorded", session=1, observers=10**999),
        "too large",
    ),
    ("note: empty text", note(text=""), "text is empty"),
    ("note: blank text", note(text="   \t "), "text is empty"),
    ("note: 1 MB of text", note(text=MEGABYTE), "text is 1,000,000 characters long"),
    ("note: text is a number", note(text=42), "text must be text"),
    ("note: NUL character", note(text="a\x00b"), "control character (U+0000)"),
    ("note: escape sequence", note(text="\x1b[31mred"), "control character (U+001B)"),
    ("note: right-to-left override", note(text="pay \u202eyrotsih"), "text-direction control"),
    ("note: unknown kind", note(kind="rumour"), "kind"),
    ("note: unknown visibility", note(visibility="public"), "visibility"),
    ("note: speaker with a line break", note(speaker="Ana\nRuiz"), "one line"),
    ("note: party that is not one of the four", note(party="press"), "party"),
    ("note: unknown session", note(session=9), "session 9 is not scheduled"),
    ("note: session zero", note(session=0), "session must be between 1"),
    ("note: session as words", note(session="one"), "session must be a whole number"),
    ("note: session as emoji", note(session="5\ufe0f\u20e3"), "session must be a whole number"),
    ("note: naive time", note(at="2026-03-10T18:00:00"), "has no UTC offset"),
    ("note: impossible date", note(at="2026-02-30T18:00:00-08:00"), "not an ISO 8601 time"),
    ("note: time is a number", note(at=1710000000), "must be an ISO 8601 time"),
    ("note: hour 25", note(at="2026-03-10T25:00:00-07:00"), "not an ISO 8601 time"),
    ("note: unknown field", note(mood="angry"), "unknown field 'mood'"),
    ("note: id with spaces", note(id="my note"), "id must be up to 64"),
    ("note: id with emoji", note(id="note-\U0001f600"), "id must be up to 64"),
    ("note: id already used", note(id="n1"), "event id 'n1' is already in the journal"),
    ("proposal: no articles", proposal(articles=[]), "names no article"),
    ("proposal: articles as text", proposal(articles="2"), "must be a list of article numbers"),
    ("proposal: unknown article", proposal(articles=["14"]), "article 14 does not exist"),
    ("proposal: empty article number", proposal(articles=[""]), "empty article number"),
    ("proposal: duplicate label", proposal(label="rea #1"), "label 'rea #1' is already used"),
    ("proposal: empty label", proposal(label=""), "label is empty"),
    ("proposal: overlong label", proposal(label="L" * 81), "label is 81 characters long"),
    ("proposal: side is the mediator", proposal(by="mediator"), "by"),
    ("proposal: unknown kind", proposal(kind="ultimatum"), "kind"),
    ("proposal: javascript link", proposal(link="javascript:alert(1)"), "http://, https://"),
    ("proposal: link with spaces", proposal(link="https://x.org/a b"), "no spaces"),
    ("proposal: term name with emoji", proposal(terms={"raise\U0001f4b0": 3}), "term name"),
    ("proposal: term that is text", proposal(terms={"salary_pct_y1": "3%"}), "must be a number"),
    ("proposal: infinite term", proposal(terms={"salary_pct_y1": float("inf")}), "finite"),
    ("proposal: terms as a list", proposal(terms=[3.0]), "must map names to numbers"),
    ("proposal: embargo as words", proposal(embargoed="maybe"), "embargoed"),
    ("proposal: on a TA'd article", proposal(articles=["1"]), "article 1 was TA'd"),
    (
        "withdrawal: unknown proposal",
        line("proposal.withdrawn", proposal="p99", by="union"),
        "proposal 'p99' is not in the journal",
    ),
    (
        "withdrawal: by the other side",
        line("proposal.withdrawn", proposal="p1", by="employer"),
        "only they can withdraw it",
    ),
    (
        "TA: no initials",
        line("ta.signed", session=1, articles=["2"], initials={}),
        "both sides' initials",
    ),
    (
        "TA: one side's initials",
        line("ta.signed", session=1, articles=["2"], initials={"union": "AR"}),
        "missing employer",
    ),
    (
        "TA: overlong initials",
        line("ta.signed", session=1, articles=["2"], initials={"union": "A" * 13, "employer": "B"}),
        "13 characters long",
    ),
    (
        "TA: no articles and no package",
        line("ta.signed", session=1, initials={"union": "A", "employer": "B"}),
        "names its articles",
    ),
    (
        "TA: already TA'd",
        line("ta.signed", session=1, articles=["1"], initials={"union": "A", "employer": "B"}),
        "already has a TA",
    ),
    ("caucus: 0 minutes", caucus(minutes=0), "minutes must be between 1 and 480"),
    ("caucus: 10,000 minutes", caucus(minutes=10_000), "minutes must be between 1 and 480"),
    ("caucus: negative minutes", caucus(minutes=-20), "minutes must be between 1 and 480"),
    ("caucus: fractional minutes", caucus(minutes=12.5), "whole number of minutes"),
    ("caucus: minutes as words", caucus(minutes="twenty"), "whole number of minutes"),
    ("caucus: side 'both'", caucus(by="both"), "by"),
    (
        "caucus: end one that is not running",
        line("caucus.ended", session=1, by="joint"),
        "no caucus running",
    ),
    (
        "caucus: extend one that is not running",
        line("caucus.extended", session=1, by="employer", minutes=5),
        "no caucus running",
    ),
    ("article: empty number", line("article.added", number="", title="X"), "number is empty"),
    (
        "article: existing number",
        line("article.added", number="3", title="X"),
        "article 3 already exists",
    ),
    (
        "article: title with a tab",
        line("article.added", number="12", title="a\tb"),
        "control character (U+0009)",
    ),
    (
        "article: rename unknown",
        line("article.renamed", number="77", title="X"),
        "article 77 does not exist",
    ),
    (
        "session: scheduled twice",
        line("session.scheduled", session=1, starts=AT),
        "session 1 is already scheduled",
    ),
    (
        "session: naive start",
        line("session.scheduled", session=2, starts="2026-03-17 16:30"),
        "has no UTC offset",
    ),
    (
        "session: unknown mode",
        line("session.scheduled", session=2, starts=AT, mode="carrier"),
        "mode",
    ),
    ("session: start again", line("session.started", session=1), "has already started"),
    (
        "attendance: negative observers",
        line("attendance.recorded", session=1, observers=-3),
        "observers must be between 0",
    ),
    (
        "attendance: names not a list",
        line("attendance.recorded", session=1, present="Ana"),
        "must be a list of names",
    ),
    ("agenda: item 7 of 2", line("agenda.item_started", session=1, item=7), "has no agenda item 7"),
    (
        "agenda: a day-long item",
        line("agenda.item_added", session=1, title="X", minutes=2000),
        "minutes must be between 1 and 1,440",
    ),
    (
        "request: due date that is not a date",
        line("info_request.made", session=1, by="union", text="x", due="next Friday"),
        "is not a date",
    ),
    (
        "request: answer an unknown one",
        line("info_request.answered", request="r77"),
        "information request 'r77' is not in the journal",
    ),
    ("undo: unknown event", line("event.undone", event="nope"), "event 'nope' is not"),
    ("undo: the campaign", line("event.undone", event="c1"), "campaign itself cannot be undone"),
    ("undo: a proposal a TA depends on", line("event.undone", event="a1"), "depends on it"),
    (
        "campaign: a second one",
        line(
            "campaign.created",
            union={"name": "A", "short": "A"},
            employer={"name": "B", "short": "B"},
            timezone="UTC",
        ),
        "already has its campaign",
    ),
    (
        "campaign: unknown timezone",
        line("campaign.updated", timezone="Mars/Olympus"),
        "not an IANA timezone",
    ),
    (
        "campaign: short name too long",
        line("campaign.updated", union={"name": "A", "short": "S" * 25}),
        "short is 25 characters long",
    ),
    ("unknown event type", line("note.shouted"), "unknown event type 'note.shouted'"),
    ("no type", {"at": AT, "text": "x"}, "type is missing"),
]


@pytest.mark.parametrize(
    ("case", "bad", "message"), JOURNAL_LINES, ids=[case for case, _, _ in JOURNAL_LINES]
)
def test_bad_journal_lines_and_dialog_fields(
    small_store: Store, db_path: Path, case: str, bad: dict[str, object], message: str
) -> None:
    before = file_digest(db_path)
    with pytest.raises(DomainError) as refused:
        small_store.record(dict(bad))
    assert message in str(refused.value), f"{case}: {refused.value}"
    with pytest.raises(DomainError, match=r"^line 2: "):
        small_store.import_journal(["", json.dumps(bad, allow_nan=True)])
    assert file_digest(db_path) == before


CLI_CASES: list[tuple[str, list[str], int, str]] = [
    ("recap of an unknown session", ["recap", "--session", "42"], 1, "session 42"),
    ("recap session not a number", ["recap", "--session", "last"], 2, "not a valid integer"),
    ("unknown recap language", ["recap", "--lang", "fr"], 2, "language 'fr' has no catalog"),
    ("unknown audience", ["recap", "--audience", "press"], 2, "'press' is not one of"),
    ("board as PDF", ["board", "--format", "pdf"], 2, "'pdf' is not one of"),
    ("unknown command", ["tally"], 2, "No such command"),
    ("unknown option", ["board", "--colour"], 2, "No such option"),
    (
        "init with an unknown side",
        [
            "init",
            "--union",
            "A",
            "--union-short",
            "A",
            "--employer",
            "B",
            "--employer-short",
            "B",
            "--our-side",
            "mediator",
        ],
        2,
        "'mediator' is not one of",
    ),
    ("init without names", ["init"], 2, "Missing option"),
    ("restore a missing file", ["restore", "nowhere.db"], 1, "no file at nowhere.db"),
    ("import a folder", ["journal", "import", "."], 1, "is a folder"),
    ("demo over an existing file", ["demo", "--no-open", "--db", "@db"], 1, "already exists"),
]


@pytest.mark.parametrize(
    ("case", "args", "status", "message"), CLI_CASES, ids=[case for case, *_ in CLI_CASES]
)
def test_bad_command_lines(
    small_store: Store,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    args: list[str],
    status: int,
    message: str,
) -> None:
    small_store.close()
    monkeypatch.chdir(tmp_path)
    before = file_digest(db_path)
    argv = [str(db_path) if arg == "@db" else arg for arg in args]
    result = CliRunner().invoke(main, ["--db", str(db_path), *argv])
    assert result.exit_code == status, result.output
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert file_digest(db_path) == before


def test_the_table_is_large_enough() -> None:
    assert len(JOURNAL_LINES) + len(CLI_CASES) >= 60
