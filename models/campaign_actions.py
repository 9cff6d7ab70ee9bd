"""Setting up the campaign and changing its settings afterwards (re-exported by
`models.actions`, the one module the screens call for writes)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from models.domain import JournalEvent, Party
from models.errors import DomainError
from models.store import Store


def drop_empty(line: dict[str, Any]) -> dict[str, Any]:
    """The line without its empty optional fields (the journal's defaults fill them)."""
    return {key: value for key, value in line.items() if value not in (None, "", [], {}, ())}


def create_campaign(
    store: Store,
    *,
    union: str,
    union_short: str,
    employer: str,
    employer_short: str,
    timezone: str,
    our_side: Party = Party.UNION,
    title: str = "",
) -> JournalEvent:
    """Start the campaign: the two parties, the timezone, and which side we are on."""
    return store.record(
        drop_empty(
            {
                "type": "campaign.created",
                "union": {"name": union, "short": union_short},
                "employer": {"name": employer, "short": employer_short},
                "timezone": timezone,
                "our_side": Party(our_side).value,
                "title": title,
            }
        )
    )


def change_settings(
    store: Store,
    typed: Mapping[str, str] | None = None,
    terms: Mapping[str, Mapping[str, str]] | None = None,
    removed: Iterable[str] = (),
) -> tuple[JournalEvent | None, tuple[str, ...]]:
    """Change campaign settings (see `models.settings.check_settings`): one `campaign.updated`
    with only what changed, and what changed for people; nothing is recorded when nothing
    changed. A bad value is refused with the first problem, naming its field."""
    from models.settings import check_settings

    campaign = store.campaign()
    if campaign is None:
        raise DomainError("there is no campaign yet; run `bargain init`")
    removed = tuple(removed)
    change, problems = check_settings(campaign, typed, terms, removed)
    if change is None:
        raise DomainError(next(iter(problems.values())))
    if not change.changes:
        return None, ()
    return store.record(change.line), change.changes
