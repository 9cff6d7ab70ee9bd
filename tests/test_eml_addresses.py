"""The recap's .eml: address headers built from one mailbox each, and team minutes that never
go to the members' list (issue 12, defects 6 and 12)."""

from __future__ import annotations

import email
import json
from collections.abc import Iterator
from datetime import date, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from exports import render_recap
from models.demo import demo_events
from models.errors import DomainError
from models.recap import build_snapshot
from models.store import Store
from tui.cli import main

DEMO_DAY = date(2026, 3, 22)
NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")
AT = "2026-03-22T17:00:00-07:00"
SENDER = Address(display_name="REA: Bargaining Team", addr_spec="bargaining@rea.example.org")
MEMBERS = Address(display_name="Members, Riverbend", addr_spec="members@rea.example.org")
TEAM = Address(display_name="REA team, bargaining", addr_spec="team@rea.example.org")


def parse_eml(text: str) -> EmailMessage:
    message = email.message_from_string(text, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def _settings(**recap: str) -> dict[str, object]:
    return {"type": "campaign.updated", "at": AT, "recap": recap}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "demo.db", create=True) as opened:
        opened.import_journal(json.dumps(event) for event in demo_events(DEMO_DAY))
        opened.record(
            _settings(
                **{"from": "REA: Bargaining Team <bargaining@rea.example.org>"},
                to="Members, Riverbend <members@rea.example.org>",
            )
        )
        yield opened


def _eml(store: Store, audience: str, lang: str = "en") -> EmailMessage:
    snapshot = build_snapshot(store, 5, audience, NOW)  # type: ignore[arg-type]
    return parse_eml(render_recap(snapshot, format="eml", lang=lang))


def test_a_sender_with_a_colon_stays_one_mailbox_not_a_group(store: Store) -> None:
    message = _eml(store, "members")
    assert message["From"].addresses == (SENDER,)
    assert message["From"].groups[0].display_name is None  # no RFC 5322 group
    assert message["To"].addresses == (MEMBERS,)  # the comma stays in the name


def test_team_minutes_without_team_to_have_no_recipient(store: Store) -> None:
    for lang in ("en", "es"):
        message = _eml(store, "team", lang)
        assert message["To"] is None
        assert message["Cc"] is None and message["Bcc"] is None
        head = str(message).split("\n\n", 1)[0]
        assert "members@rea.example.org" not in head
        assert message["From"].addresses == (SENDER,)


def test_team_minutes_go_to_team_to_only(store: Store) -> None:
    store.record(_settings(team_to="REA team, bargaining <team@rea.example.org>"))
    message = _eml(store, "team")
    assert message["To"].addresses == (TEAM,)
    assert "members@rea.example.org" not in str(message).split("\n\n", 1)[0]
    members = _eml(store, "members")
    assert members["To"].addresses == (MEMBERS,)
    assert "team@rea.example.org" not in str(members)


def test_team_minutes_subject_says_team_only_in_both_languages(store: Store) -> None:
    english = _eml(store, "team", "en")["Subject"]
    spanish = _eml(store, "team", "es")["Subject"]
    assert "team only" in english.lower() and "do not forward" in english.lower()
    assert "solo para el equipo" in spanish.lower() and "no reenviar" in spanish.lower()
    assert "team only" not in _eml(store, "members")["Subject"].lower()


@pytest.mark.parametrize(
    "recap",
    [
        {"to": "Members, Riverbend"},
        {"from": "REA Bargaining Team <bargaining at rea>"},
        {"team_to": "team@rea.example.org, other@rea.example.org"},
        {"to": "Members <members@rea.example.org"},
        {"from": "<>"},
    ],
)
def test_an_address_that_cannot_be_parsed_is_refused_when_recorded(
    store: Store, recap: dict[str, str]
) -> None:
    before = store.campaign()
    with pytest.raises(DomainError) as refused:
        store.record(_settings(**recap))
    message = str(refused.value)
    assert "\n" not in message and f"recap.{next(iter(recap))}" in message
    assert store.campaign() == before


def test_journal_import_refuses_a_bad_address_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    lines = [json.dumps(event) for event in demo_events(DEMO_DAY)]
    lines.append(json.dumps(_settings(to="members")))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "b.db"), "journal", "import", str(path)]
    )
    assert result.exit_code == 1
    assert f"line {len(lines)}: recap.to" in result.output
    assert "Traceback" not in result.output


def test_typed_names_keep_their_form_in_the_settings(store: Store) -> None:
    from models.addresses import Mailbox, parse_mailbox

    store.record(_settings(team_to='"REA team, bargaining" <team@rea.example.org>'))
    campaign = store.campaign()
    assert campaign is not None
    assert parse_mailbox(campaign.recap.team_recipients) == Mailbox(
        "REA team, bargaining", "team@rea.example.org"
    )
    assert parse_mailbox(campaign.recap.sender) == Mailbox(
        "REA: Bargaining Team", "bargaining@rea.example.org"
    )


def test_an_address_recorded_by_an_older_version_reads_as_a_placeholder(
    store: Store, tmp_path: Path
) -> None:
    """A value the old validation let through ('Members, Riverbend' with no address) never
    breaks a read: the .eml shows the placeholder to fix."""
    store.db.conn.execute(
        "UPDATE events SET data = json_set(data, '$.recap.to', 'Members, Riverbend')"
        " WHERE type = 'campaign.updated'"
    )
    store.db.conn.commit()
    store.db.cache_position = -1
    message = _eml(store, "members")
    assert message["To"].addresses[0].domain == "example.invalid"
    assert _eml(store, "team")["To"] is None


def test_reading_the_settings_for_a_markdown_recap_needs_no_email_package(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    db = tmp_path / "demo.db"
    with Store(db, create=True) as opened:
        opened.import_journal(json.dumps(event) for event in demo_events(DEMO_DAY))
    code = (
        "import sys\n"
        "from models.store import Store\n"
        "from models.recap import build_snapshot\n"
        "from exports import render_recap\n"
        f"with Store({str(db)!r}) as s:\n"
        "    render_recap(build_snapshot(s, 5, 'members'), format='md')\n"
        "print('email.headerregistry' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert result.stdout.strip() == "False"
