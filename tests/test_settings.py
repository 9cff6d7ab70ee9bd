"""Campaign settings: one `campaign.updated` with only what changed, merged field by field,
undone like any event, refused in one line that names the field, and kept by the journal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.actions import change_settings
from models.describe import describe_event
from models.domain import TermSetting
from models.errors import DomainError
from models.events import parse_event
from models.settings import check_settings, flat_settings, settings_json
from models.store import Store
from tests.support import file_digest

SALARY = {"label": "Salary, year 1", "unit": "%", "cost_per_unit": "1,250,000", "better": "higher"}


def _last_update(store: Store) -> dict[str, object]:
    event = store.last_undoable()
    assert event is not None and event.type == "campaign.updated"
    return {k: v for k, v in event.data.items() if k not in ("type", "id", "at", "seat")}


def test_one_changed_field_is_the_only_field_recorded(small_store: Store) -> None:
    before = small_store.campaign()
    assert before is not None
    event, changes = change_settings(
        small_store, {"union_name": "Riverbend Educators Association", "title": before.title}
    )
    assert event is not None
    assert _last_update(small_store) == {
        "union": {"name": "Riverbend Educators Association", "short": before.union.short}
    }
    assert changes == (
        "Union: “Riverbend Education Association” → “Riverbend Educators Association”",
    )
    after = small_store.campaign()
    assert after is not None and after.union.name == "Riverbend Educators Association"
    assert after.employer == before.employer and after.title == before.title


def test_recap_fields_merge_one_by_one(small_store: Store) -> None:
    change_settings(small_store, {"from": "Team <team@rea.example.org>", "signoff": "Onward"})
    change_settings(small_store, {"to": "members@rea.example.org"})
    assert _last_update(small_store) == {"recap": {"to": "members@rea.example.org"}}
    campaign = small_store.campaign()
    assert campaign is not None
    assert campaign.recap.sender == "Team <team@rea.example.org>"
    assert campaign.recap.signoff == "Onward"
    assert campaign.recap.recipients == "members@rea.example.org"


def test_nothing_changed_records_nothing(small_store: Store) -> None:
    campaign = small_store.campaign()
    assert campaign is not None
    seq = small_store.last_seq()
    assert change_settings(small_store, flat_settings(campaign)) == (None, ())
    assert small_store.last_seq() == seq


def test_terms_named_edited_field_by_field_and_removed(small_store: Store) -> None:
    change_settings(small_store, terms={"salary_pct_y1": SALARY, "steps": {"label": "Steps"}})
    campaign = small_store.campaign()
    assert campaign is not None
    assert campaign.terms["salary_pct_y1"] == TermSetting("Salary, year 1", "%", 1250000.0)
    assert list(campaign.terms) == ["salary_pct_y1", "steps"]
    change_settings(small_store, terms={"salary_pct_y1": {"better": "lower"}})
    assert _last_update(small_store) == {"terms": {"salary_pct_y1": {"better": "lower"}}}
    campaign = small_store.campaign()
    assert campaign is not None
    assert campaign.terms["salary_pct_y1"] == TermSetting("Salary, year 1", "%", 1250000.0, "lower")
    _, changes = change_settings(small_store, removed=["steps"])
    assert changes == ("term steps: removed",)
    assert _last_update(small_store) == {"terms": {"steps": None}}
    campaign = small_store.campaign()
    assert campaign is not None and list(campaign.terms) == ["salary_pct_y1"]


def test_clearing_a_cost_clears_it(small_store: Store) -> None:
    change_settings(small_store, terms={"salary_pct_y1": SALARY})
    change_settings(small_store, terms={"salary_pct_y1": {"cost_per_unit": ""}})
    campaign = small_store.campaign()
    assert campaign is not None and campaign.terms["salary_pct_y1"].cost_per_unit is None


def test_the_embargo_rule_and_timezone_and_side(small_store: Store) -> None:
    change_settings(
        small_store, {"embargo": "all", "timezone": "America/Chicago", "our_side": "employer"}
    )
    campaign = small_store.campaign()
    assert campaign is not None
    assert (campaign.embargo, campaign.timezone, campaign.our_side) == (
        "all",
        "America/Chicago",
        "employer",
    )
    assert small_store.embargo_rule() == "all"
    assert small_store.timezone() == "America/Chicago"


def test_undo_brings_back_the_settings_before(small_store: Store) -> None:
    before = small_store.campaign()
    event, _ = change_settings(
        small_store, {"union_short": "REA!", "embargo": "all"}, {"x_days": {"label": "Days"}}
    )
    assert event is not None
    assert describe_event(event) == "the settings change (union, ground rules, terms)"
    small_store.undo(event.id)
    assert small_store.campaign() == before


@pytest.mark.parametrize(
    ("typed", "terms", "removed", "key", "words"),
    [
        ({"union_name": "  "}, None, (), "union_name", "the union's name is empty"),
        ({"union_short": "S" * 25}, None, (), "union_short", "keep it to 24"),
        ({"timezone": "Mars/Olympus"}, None, (), "timezone", "Mars/Olympus"),
        ({"timezone": "Europe"}, None, (), "timezone", "IANA"),
        ({"our_side": "mediator"}, None, (), "our_side", "our side"),
        ({"from": "not an address"}, None, (), "from", "the sender"),
        ({"url": "riverbend.example.org"}, None, (), "url", "http"),
        ({"embargo": "some"}, None, (), "embargo", "the embargo"),
        ({"title": "a\u202eb"}, None, (), "title", "text-direction"),
        ({"colour": "red"}, None, (), "colour", "no setting"),
        (None, {"Salary": {"label": "x"}}, (), "terms.Salary", "lower-case"),
        (None, {"s": {"cost_per_unit": "lots"}}, (), "terms.s.cost_per_unit", "cost per unit"),
        (None, {"s": {"better": "up"}}, (), "terms.s.better", "higher"),
        (None, {"s": {"unit": "u" * 25}}, (), "terms.s.unit", "keep it to 24"),
        (None, None, ("nothing",), "terms.nothing", "no term 'nothing'"),
    ],
)
def test_bad_values_are_refused_by_field_and_nothing_is_written(
    small_store: Store,
    db_path: Path,
    typed: dict[str, str] | None,
    terms: dict[str, dict[str, str]] | None,
    removed: tuple[str, ...],
    key: str,
    words: str,
) -> None:
    campaign = small_store.campaign()
    assert campaign is not None
    change, problems = check_settings(campaign, typed, terms, removed)
    assert change is None
    assert key in problems and words in problems[key], problems
    digest = file_digest(db_path)
    with pytest.raises(DomainError, match=words.replace("(", r"\(")):
        change_settings(small_store, typed, terms, removed)
    assert file_digest(db_path) == digest


def test_the_journal_line_of_terms_is_checked(small_store: Store) -> None:
    with pytest.raises(DomainError, match="cost_per_unit"):
        parse_event(
            {
                "type": "campaign.updated",
                "at": "2026-03-10T16:00:00-07:00",
                "terms": {"s": {"cost_per_unit": "1"}},
            }
        )
    with pytest.raises(DomainError, match="unknown field"):
        parse_event(
            {
                "type": "campaign.updated",
                "at": "2026-03-10T16:00:00-07:00",
                "terms": {"s": {"x": 1}},
            }
        )


def test_export_then_import_gives_the_same_settings(small_store: Store, tmp_path: Path) -> None:
    change_settings(
        small_store,
        {"union_name": "Riverbend Educators", "from": "REA <a@rea.example.org>", "embargo": "all"},
        {"salary_pct_y1": SALARY, "steps": {"label": "Steps"}},
    )
    change_settings(small_store, terms={"salary_pct_y1": {"unit": "pct"}}, removed=["steps"])
    lines = list(small_store.journal())
    copy = Store(tmp_path / "copy.db", create=True, seat="other")
    try:
        copy.import_journal(lines)
        before, after = small_store.campaign(), copy.campaign()
        assert before is not None and after is not None
        assert settings_json(after) == settings_json(before)
        assert after.terms["salary_pct_y1"].unit == "pct"
        json.dumps(settings_json(after))
    finally:
        copy.close()
