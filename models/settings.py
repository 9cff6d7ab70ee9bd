"""The campaign's settings: reading them flat, checking a change, and the one
`campaign.updated` line that records only what changed (DESIGN.md, "Settings", "Merging").

A change is typed as flat text fields (`union_name`, `from`, `embargo`, ...) and the numeric
terms by name; it is checked with the journal's own model (`models.events.CampaignUpdated`),
so the settings screen and the CLI say what an imported line would be told. Importing this
module costs no pydantic: the store reads the terms' settings through `merge_terms`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from models.domain import TermSetting

if TYPE_CHECKING:
    from models.domain import Campaign
    from models.events import CampaignUpdated

FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("union_name", "Union"),
    ("union_short", "Union, short"),
    ("employer_name", "Employer"),
    ("employer_short", "Employer, short"),
    ("timezone", "Timezone"),
    ("our_side", "Our side"),
    ("from", "Recap from"),
    ("to", "Members' address"),
    ("team_to", "Team's address"),
    ("signoff", "Sign-off"),
    ("url", "Recaps posted at"),
    ("watch", "How to watch"),
    ("embargo", "Embargo"),
)
"""Every flat setting (its key, as the screen and `--format json` name it) and its label."""
RECAP_KEYS = ("from", "to", "team_to", "signoff", "url", "watch")
_RECAP_ATTR = {
    "from": "sender",
    "to": "recipients",
    "team_to": "team_recipients",
    "signoff": "signoff",
    "url": "url",
    "watch": "watch",
}
_NOUNS = {
    "title": "the title",
    "union_name": "the union's name",
    "union_short": "the union's short name",
    "employer_name": "the employer's name",
    "employer_short": "the employer's short name",
    "timezone": "the timezone",
    "our_side": "our side",
    "from": "the sender",
    "to": "the members' address",
    "team_to": "the team's address",
    "signoff": "the sign-off",
    "url": "the address where recaps are posted",
    "watch": "how to watch",
    "embargo": "the embargo",
    "label": "the label",
    "unit": "the unit",
    "cost_per_unit": "the cost per unit",
    "better": "the better direction",
}
_VERBS = ("is", "must", "contains", "has", "names", "should")


class SettingsChange(NamedTuple):
    """A checked change: the `campaign.updated` line (only what changed; nothing to record
    when `changes` is empty) and one line per change for people."""

    line: dict[str, Any]
    changes: tuple[str, ...]


# ---------------------------------------------------------------- reading


def merge_terms(current: Mapping[str, Any], raw: object) -> dict[str, dict[str, Any]]:
    """The terms' settings after one recorded `terms` object: each field given replaces the
    one before (an empty text or null clears it), a term given as null loses its name."""
    merged = {name: dict(value) for name, value in current.items()}
    if not isinstance(raw, dict):
        return merged
    for name, fields in raw.items():
        if fields is None:
            merged.pop(str(name), None)
            continue
        if not isinstance(fields, dict):
            continue
        entry = merged.setdefault(str(name), {})
        entry.update((str(key), value) for key, value in fields.items())
    return merged


def term_settings(merged: Mapping[str, Mapping[str, Any]]) -> Mapping[str, TermSetting]:
    """The terms' settings as records; anything an older version let through reads as unset."""
    terms: dict[str, TermSetting] = {}
    for name, fields in merged.items():
        cost = fields.get("cost_per_unit")
        if not isinstance(cost, int | float) or isinstance(cost, bool) or not math.isfinite(cost):
            cost = None
        better = fields.get("better")
        terms[name] = TermSetting(
            label=str(fields.get("label") or "").strip(),
            unit=str(fields.get("unit") or "").strip(),
            cost_per_unit=None if cost is None else float(cost),
            better=better if better in ("higher", "lower") else "higher",
        )
    return MappingProxyType(terms)


def flat_settings(campaign: Campaign) -> dict[str, str]:
    """Every flat setting as text, by its key (FIELDS)."""
    values = {
        "title": campaign.title,
        "union_name": campaign.union.name,
        "union_short": campaign.union.short,
        "employer_name": campaign.employer.name,
        "employer_short": campaign.employer.short,
        "timezone": campaign.timezone,
        "our_side": str(campaign.our_side.value),
        "embargo": campaign.embargo,
    }
    for key in RECAP_KEYS:
        values[key] = str(getattr(campaign.recap, _RECAP_ATTR[key]))
    return values


def term_texts(campaign: Campaign) -> dict[str, dict[str, str]]:
    """Each named term's settings as text (`cost_per_unit` empty when unset)."""
    return {
        name: {
            "label": term.label,
            "unit": term.unit,
            "cost_per_unit": format_number(term.cost_per_unit),
            "better": term.better,
        }
        for name, term in campaign.terms.items()
    }


def settings_json(campaign: Campaign) -> dict[str, Any]:
    """Every setting in the journal's own shape (what a `campaign.updated` would carry)."""
    flat = flat_settings(campaign)
    return {
        "title": flat["title"],
        "union": {"name": flat["union_name"], "short": flat["union_short"]},
        "employer": {"name": flat["employer_name"], "short": flat["employer_short"]},
        "timezone": flat["timezone"],
        "our_side": flat["our_side"],
        "recap": {key: flat[key] for key in RECAP_KEYS},
        "terms": {name: term._asdict() for name, term in campaign.terms.items()},
        "ground_rules": {"embargo": flat["embargo"]},
    }


def format_number(value: float | None) -> str:
    """A cost as typed back: `125000`, `2.5`; empty for none."""
    if value is None:
        return ""
    return f"{value:.15g}"


# ---------------------------------------------------------------- checking


def timezone_problem(name: str) -> str:
    """What is wrong with a timezone name (empty when it is an IANA name)."""
    from models.errors import DomainError
    from models.timeutil import zone

    try:
        zone(name)
    except DomainError as error:
        return str(error)
    except (OSError, ValueError):
        return f"timezone {name!r} is not an IANA timezone; use a name like America/Los_Angeles"
    return ""


def _cost(text: str) -> float | str | None:
    """A typed cost: None for empty, the number, or the text itself (refused by the model)."""
    cleaned = text.strip().replace(",", "").replace("_", "").removeprefix("$").strip()
    if not cleaned:
        return None
    try:
        number = float(cleaned)
    except ValueError:
        return text.strip()
    return number if math.isfinite(number) else text.strip()


def _full_line(flat: Mapping[str, str], terms: Mapping[str, Mapping[str, str]]) -> dict[str, Any]:
    line: dict[str, Any] = {
        "type": "campaign.updated",
        "at": "2000-01-01T00:00:00+00:00",
        "title": flat["title"],
        "union": {"name": flat["union_name"], "short": flat["union_short"]},
        "employer": {"name": flat["employer_name"], "short": flat["employer_short"]},
        "timezone": flat["timezone"].strip(),
        "our_side": flat["our_side"],
        "recap": {key: flat[key] for key in RECAP_KEYS},
        "ground_rules": {"embargo": flat["embargo"]},
    }
    line["terms"] = {
        name: {
            "label": fields.get("label", ""),
            "unit": fields.get("unit", ""),
            "cost_per_unit": _cost(fields.get("cost_per_unit", "")),
            "better": fields.get("better", "") or "higher",
        }
        for name, fields in terms.items()
    }
    return line


def _problem_key(loc: tuple[int | str, ...]) -> str:
    parts = [str(part) for part in loc if not str(part).startswith(("function-", "tagged"))]
    if parts and parts[0] == "terms":
        return ".".join(part for part in parts[:3] if part != "[key]")
    if parts and parts[0] in ("union", "employer") and len(parts) > 1:
        return f"{parts[0]}_{parts[1]}"
    if parts and parts[0] in ("recap", "ground_rules") and len(parts) > 1:
        return parts[1]
    return parts[0] if parts else ""


def _sentence(key: str, message: str) -> str:
    message = message.removeprefix("Value error, ")
    if message.startswith("Input should"):
        message = message[len("Input ") :]
    noun = _NOUNS.get(key.rsplit(".", 1)[-1], "")
    if key.startswith("terms.") and key.count(".") == 1:
        return message
    if key.startswith("terms.") and noun:
        noun = f"{noun} of {key.split('.')[1]}"
    if noun and message.split(" ", 1)[0] in _VERBS:
        return f"{noun} {message}"
    return f"{noun}: {message}" if noun else message


def _parse(line: Mapping[str, Any]) -> tuple[CampaignUpdated | None, dict[str, str]]:
    from pydantic import ValidationError

    from models.events import CampaignUpdated

    try:
        return CampaignUpdated.model_validate(line), {}
    except ValidationError as error:
        problems: dict[str, str] = {}
        for item in error.errors():
            key = _problem_key(item["loc"])
            problems.setdefault(key, _sentence(key, item["msg"]))
        return None, problems


def check_settings(
    campaign: Campaign,
    typed: Mapping[str, str] | None = None,
    terms: Mapping[str, Mapping[str, str]] | None = None,
    removed: Iterable[str] = (),
) -> tuple[SettingsChange | None, dict[str, str]]:
    """Check a change against the campaign's settings as they stand.

    `typed` holds the flat settings being set (FIELDS' keys; those left out keep their value),
    `terms` each term being named or edited (its fields as text; those left out keep theirs),
    `removed` the names of terms to remove. Returns the change, or None and what is wrong by
    key (a FIELDS key, or `terms.NAME.FIELD`, or `terms.NAME` for the name itself).
    """
    unknown = sorted(set(typed or {}) - {key for key, _label in FIELDS})
    if unknown:
        return None, {unknown[0]: f"there is no setting {unknown[0]!r}"}
    before_flat = flat_settings(campaign)
    before_terms = term_texts(campaign)
    after_flat = {**before_flat, **(typed or {})}
    after_terms = {name: dict(fields) for name, fields in before_terms.items()}
    for name, fields in (terms or {}).items():
        after_terms.setdefault(name, {}).update(fields)
    problems: dict[str, str] = {}
    for name in removed:
        if name not in before_terms:
            known = ", ".join(before_terms) or "none yet"
            problems[f"terms.{name}"] = f"there is no term {name!r} to remove; named: {known}"
        elif name in (terms or {}):
            problems[f"terms.{name}"] = f"term {name} is both edited and removed; pick one"
        after_terms.pop(name, None)
    after, found = _parse(_full_line(after_flat, after_terms))
    problems.update(found)
    if "timezone" not in problems:
        zone_problem = timezone_problem(after_flat["timezone"].strip())
        if zone_problem:
            problems["timezone"] = zone_problem
    if after is None or problems:
        return None, problems
    before, _ = _parse(_full_line(before_flat, before_terms))
    return _difference(before, after, before_flat, set(removed) & set(before_terms)), {}


def _difference(
    before: CampaignUpdated | None,
    after: CampaignUpdated,
    before_flat: Mapping[str, str],
    removed: set[str],
) -> SettingsChange:
    """The line that records what differs between the settings before and after."""
    old = before.model_dump(by_alias=True, mode="json") if before else {}
    new = after.model_dump(by_alias=True, mode="json")
    line: dict[str, Any] = {"type": "campaign.updated"}
    changes: list[str] = []
    labels = dict(FIELDS)

    def said(key: str, was: object, now: object) -> None:
        changes.append(f"{labels.get(key, key)}: {_shown(was)} → {_shown(now)}")

    for key in ("title", "timezone", "our_side"):
        if old.get(key, before_flat.get(key)) != new[key]:
            line[key] = new[key]
            said(key, before_flat.get(key, ""), new[key])
    for party in ("union", "employer"):
        was = old.get(party) or {
            "name": before_flat[f"{party}_name"],
            "short": before_flat[f"{party}_short"],
        }
        if was != new[party]:
            line[party] = new[party]
            for part in ("name", "short"):
                if was.get(part) != new[party][part]:
                    said(f"{party}_{part}", was.get(part), new[party][part])
    recap = {
        key: value
        for key, value in new["recap"].items()
        if (old.get("recap") or {}).get(key, before_flat.get(key)) != value
    }
    if recap:
        line["recap"] = recap
        for key, value in recap.items():
            said(key, before_flat.get(key, ""), value)
    if (old.get("ground_rules") or {}).get("embargo") != new["ground_rules"]["embargo"]:
        line["ground_rules"] = {"embargo": new["ground_rules"]["embargo"]}
        said("embargo", before_flat["embargo"], new["ground_rules"]["embargo"])
    terms: dict[str, Any] = {}
    old_terms = old.get("terms") or {}
    for name, fields in new["terms"].items():
        was = old_terms.get(name)
        if was is None:
            terms[name] = {k: v for k, v in fields.items() if v not in (None, "")}
            changes.append(f"term {name}: named ({_describe_term(fields)})")
            continue
        moved = {k: v for k, v in fields.items() if was.get(k) != v}
        if moved:
            terms[name] = moved
            for key, value in moved.items():
                changes.append(
                    f"term {name}, {key.replace('_', ' ')}: {_shown(was.get(key))}"
                    f" → {_shown(value)}"
                )
    for name in sorted(removed):
        terms[name] = None
        changes.append(f"term {name}: removed")
    if terms:
        line["terms"] = terms
    return SettingsChange(line=line, changes=tuple(changes))


def _describe_term(fields: Mapping[str, Any]) -> str:
    parts = [f"{key.replace('_', ' ')} {_shown(value)}" for key, value in fields.items()]
    return ", ".join(parts)


def _shown(value: object) -> str:
    if value is None or value == "":
        return "(none)"
    if isinstance(value, float):
        return format_number(value)
    text = re.sub(r"\s+", " ", str(value))
    return f"“{text if len(text) <= 60 else text[:59] + '…'}”"
