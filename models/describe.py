"""How an event of the journal is named to a person: "passing REA #4", "the note “…”"."""

from __future__ import annotations

from collections.abc import Callable

from models.domain import JournalEvent

Lookup = Callable[[str], JournalEvent | None]
"""Finds an event by id (`Store.event`): a correction is named by what it corrects."""


def describe_event(event: JournalEvent, lookup: Lookup | None = None) -> str:
    """A one-line description of an event, for "undo this?" questions and the history;
    with `lookup`, an event that names another by id names it by what it says."""
    told = _TOLD.get(event.type)
    if told is not None:
        return told(event.data, lookup)
    said = _SAID.get(event.type)
    if said is not None:
        return said.format_map(_Facts(event.data, lookup))
    return event.type.replace(".", " ").replace("_", " ")


_SAID = {
    "note.added": "the note “{text}”",
    "proposal.passed": "passing {label}",
    "proposal.withdrawn": "a withdrawal",
    "caucus.started": "calling the {by} caucus",
    "caucus.extended": "extending the {by} caucus",
    "caucus.ended": "ending the {by} caucus",
    "agenda.item_added": "adding agenda item “{title}”",
    "agenda.item_started": "starting {item}",
    "agenda.item_done": "finishing {item}",
    "agenda.item_skipped": "skipping {item}",
    "agenda.item_removed": "removing {item}",
    "agenda.item_moved": "moving {item} to position {to}",
    "session.started": "starting session {session}",
    "session.ended": "ending session {session}",
    "session.cancelled": "cancelling session {session}",
    "info_request.made": "the information request “{text}”",
    "info_request.answered": "marking an information request answered",
    "event.undone": "the last undo",
    "recap.written": "the headline and lead of session {session}'s recap",
    "text.translated": "the {lang} translation “{text}”",
}
"""How each event is said, from its facts (`_Facts`)."""


class _Facts:
    """What a description names of an event: a field as written (None when missing), a text
    or a title clipped, and the agenda `item` by its title."""

    def __init__(self, data: dict[str, object], lookup: Lookup | None) -> None:
        self.data = data
        self.lookup = lookup

    def __getitem__(self, name: str) -> str:
        if name == "item":
            return _item(self.data, self.lookup)
        if name == "text":
            return _clip(str(self.data.get("text", "")))
        if name == "title":
            return _clip(str(self.data.get("title")))
        return str(self.data.get(name))


def _ta_signed(data: dict[str, object], _: Lookup | None) -> str:
    articles = data.get("articles")
    named = ", ".join(str(a) for a in articles) if isinstance(articles, list) else ""
    return "the TA" + (f" on {named}" if named else "")


def _campaign_updated(data: dict[str, object], _: Lookup | None) -> str:
    fields = [key.replace("_", " ") for key in data if key not in ("type", "id", "at", "seat")]
    return "the settings change" + (f" ({', '.join(fields)})" if fields else "")


def _clip(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item(data: dict[str, object], lookup: Lookup | None) -> str:
    """An agenda item as a sentence names it: by its title when its id finds it."""
    item = data.get("item")
    if isinstance(item, int):
        return f"agenda item {item}"
    added = lookup(str(item)) if lookup is not None else None
    if added is not None and added.type == "agenda.item_added":
        return f"agenda item “{_clip(str(added.data.get('title', '')))}”"
    return "an agenda item"


def _named(event_id: object, lookup: Lookup | None, field: str) -> str:
    found = lookup(str(event_id)) if lookup is not None else None
    return _clip(str(found.data.get(field, ""))) if found is not None else ""


def _changed(data: dict[str, object], fields: tuple[str, ...]) -> str:
    named = [name.replace("_", " ") for name in fields if name in data]
    if data.get("embargoed") is False:
        named = ["lifting the embargo" if n == "embargoed" else n for n in named]
    return f" ({', '.join(named)})" if named else ""


def _note_edited(data: dict[str, object], lookup: Lookup | None) -> str:
    text = _named(data.get("note"), lookup, "text")
    what = f"the note “{text}”" if text else "a note"
    if set(data) & {"text", "kind", "speaker", "party"}:
        fields = ("text", "kind", "speaker", "party", "visibility")
        return f"editing {what}" + _changed(data, fields)
    return f"switching {what} to {data.get('visibility')}"


def _proposal_amended(data: dict[str, object], lookup: Lookup | None) -> str:
    label = _named(data.get("proposal"), lookup, "label") or "a proposal"
    fields = ("label", "summary", "internal_note", "link", "terms", "embargoed")
    return f"amending {label}" + _changed(data, fields)


_TOLD: dict[str, Callable[[dict[str, object], Lookup | None], str]] = {
    "ta.signed": _ta_signed,
    "campaign.updated": _campaign_updated,
    "note.edited": _note_edited,
    "proposal.amended": _proposal_amended,
    "session.rescheduled": lambda data, _: (
        f"rescheduling session {data.get('session')}"
        + _changed(data, ("starts", "location", "mode", "kind", "mediator"))
    ),
}
"""The events whose description depends on what they hold."""
