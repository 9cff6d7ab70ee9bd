"""Keys sent to a real terminal in one burst (one `send-keys`: the app reads them in one go)
each reach the field they were typed for, in order (issue 14, item 12)."""

from __future__ import annotations

import shlex
import time
from pathlib import Path

from models.store import Store
from tests.tui.test_tmux import BARGAIN, Terminal, pytestmark, run_in_tmux, terminal_env

__all__ = ["pytestmark", "run_in_tmux", "terminal_env"]


def _board(term: Terminal) -> None:
    term.wait_for("Session 5")
    term.keys("Escape")  # the demo opens on the note line; the board takes the hotkeys
    time.sleep(0.4)  # an Escape followed at once by a letter reads as alt+letter


def test_p12_in_one_burst_lands_in_the_articles_field(
    tmp_path: Path, run_in_tmux: type[Terminal]
) -> None:
    db = tmp_path / "demo.db"
    term = run_in_tmux(f"{shlex.quote(str(BARGAIN))} demo --db {shlex.quote(str(db))}")
    _board(term)
    term.type("p12")
    term.wait_for("12 Safety")
    term.keys("C-s")
    term.wait_for("Passed")
    time.sleep(0.3)
    assert Store(db, create=False).proposals()[-1].articles == ("12",)


def test_tab_in_a_burst_moves_to_the_next_field_before_what_follows_it(
    tmp_path: Path, run_in_tmux: type[Terminal]
) -> None:
    db = tmp_path / "demo.db"
    term = run_in_tmux(f"{shlex.quote(str(BARGAIN))} demo --db {shlex.quote(str(db))}")
    _board(term)
    term.keys("p", "8", "Tab", "Tab", "W", "a", "g", "e")
    term.wait_for("8 Class Size")
    shown = term.wait_for("Summary Wage")
    assert "Articles 8 " in shown
    term.keys("C-s")
    term.wait_for("Passed")
    time.sleep(0.3)
    proposal = Store(db, create=False).proposals()[-1]
    assert (proposal.articles, proposal.summary) == (("8",), "Wage")


def test_the_welcome_form_typed_in_one_burst(tmp_path: Path, run_in_tmux: type[Terminal]) -> None:
    db = tmp_path / "new.db"
    term = run_in_tmux(f"{shlex.quote(str(BARGAIN))} --db {shlex.quote(str(db))}")
    term.wait_for("Welcome to open-bargaining")
    time.sleep(0.5)
    term.keys(
        "Lakeside Nurses United", "Tab", "LNU", "Tab",
        "Lakeside Regional Medical Center", "Tab", "LRMC", "Tab", "America/Chicago",
    )  # fmt: skip
    term.wait_for("America/Chicago")
    term.keys("C-s")
    term.wait_for("Articles")
    time.sleep(0.3)
    campaign = Store(db, create=False).campaign()
    assert campaign is not None
    assert (campaign.union.name, campaign.union.short) == ("Lakeside Nurses United", "LNU")
    assert (campaign.employer.name, campaign.employer.short) == (
        "Lakeside Regional Medical Center",
        "LRMC",
    )
    assert campaign.timezone == "America/Chicago"


def test_a_note_then_a_hotkey_in_one_burst(tmp_path: Path, run_in_tmux: type[Terminal]) -> None:
    db = tmp_path / "demo.db"
    term = run_in_tmux(f"{shlex.quote(str(BARGAIN))} demo --db {shlex.quote(str(db))}")
    _board(term)
    term.keys("n", "Quick note here", "Enter", "p", "1", "3")
    term.wait_for("13 Special Education Caseloads")
    store = Store(db, create=False)
    assert store.notes(5)[-1].text == "Quick note here"
