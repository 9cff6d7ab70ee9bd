"""The export formats: a text blast that fits, the board CSV, JSON."""

from __future__ import annotations

import csv
import io
import json

import pytest

from exports import board_csv, render_recap
from exports.sms_count import segments
from models.recap import RecapNextSession, RecapSnapshot, build_snapshot
from models.store import Store
from tests.export_support import NOW, all_snapshots

pytestmark = pytest.mark.usefixtures("isolated_user_templates")


# ------------------------------------------------------------------------------------ SMS


def test_text_blast_fits_in_320_characters(demo: Store, hostile: Store) -> None:
    for snapshot in all_snapshots(demo) + all_snapshots(hostile):
        for lang in ("en", "es"):
            text = render_recap(snapshot, format="sms", lang=lang)
            assert text.endswith("\n") and "\n" not in text[:-1]
            assert len(text.rstrip("\n")) <= 320


def test_text_blast_puts_headline_action_and_link_first_then_what_fits(demo: Store) -> None:
    snapshot = build_snapshot(demo, 3, "members", NOW)
    text = render_recap(snapshot, format="sms")
    assert text.startswith("REA: Tentative agreements on 3 articles. Mediation starts next week.")
    assert text.rstrip().endswith("Full recap: https://riverbendea.example.org/bargaining")
    assert "Next: Sun Mar 15, 4:30 PM" in text
    # With a short call to action it fits one GSM-7 segment, and stays there: the place of
    # the next session and the article lists give way first.
    short = render_recap(snapshot.model_copy(update={"call_to_action": "Wear red."}), format="sms")
    assert "Wear red." in short and "RUSD to answer on" not in short
    assert segments(short.rstrip("\n"))[1:] == ("GSM-7", len(short.rstrip("\n")), 1)


def test_text_blast_shrinks_a_crowded_session(demo: Store) -> None:
    snapshot = build_snapshot(demo, 5, "members", NOW)
    long_place = "The Very Long Name of a Meeting Hall, " * 8
    crowded = snapshot.model_copy(
        update={
            "call_to_action": "Come to the rally. " * 20,
            "next_session": RecapNextSession(number=None, starts=NOW, location=long_place),
        }
    )
    text = render_recap(crowded, format="sms")
    assert len(text.rstrip("\n")) <= 320
    # The action is shortened, never dropped; the link to the full recap stays.
    assert "Come to the rally." in text and "…" in text and "Full recap: https://" in text


# ------------------------------------------------------------------------------ CSV, JSON


def test_board_csv_columns_and_line_endings(demo: Store, hostile: Store) -> None:
    text = render_recap(build_snapshot(demo, 4, "members", NOW), format="csv")
    assert text.splitlines()[0] == "article,title,status,holder,holding_since,last_proposal"
    assert "\r" not in text and text.endswith("\n")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["article"] for r in rows] == [a.number for a in demo.articles()]
    assert {r["holder"] for r in rows} <= {"union", "employer", ""}
    assert {r["status"] for r in rows} <= {"open", "ta", "not_opened"}
    five = next(r for r in rows if r["article"] == "5")
    assert five["holding_since"] == "2026-03-15T17:01:00-07:00"
    assert five["last_proposal"] == ""  # REA #6 is embargoed
    tricky = list(
        csv.DictReader(io.StringIO(board_csv(hostile.board(), hostile.campaign().timezone)))
    )
    assert tricky[0]["title"] == "Pay | Benefits <b>x</b>"


def test_board_csv_takes_the_store_board(demo: Store) -> None:
    text = board_csv(demo.board(), demo.campaign().timezone)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(demo.articles())
    assert any(r["holding_since"].endswith(("-07:00", "-08:00")) for r in rows)


def test_json_is_the_structured_recap(demo: Store) -> None:
    snapshot = build_snapshot(demo, 4, "members", NOW)
    document = json.loads(render_recap(snapshot, format="json", lang="es"))
    assert document["format"] == "open-bargaining.recap" and document["lang"] == "es"
    assert document["recap"]["audience"] == "members"
    assert document["recap"]["session"]["number"] == 4
    assert RecapSnapshot.model_validate(document["recap"]) == snapshot
    assert document["text"]["title"] == "Novedades de la negociación: sesión 4"
