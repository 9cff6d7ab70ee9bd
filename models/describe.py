"""How an event of the journal is named to a person: "passing REA #4", "the note “…”"."""

from __future__ import annotations

from collections.abc import Callable

from models.domain import JournalEvent

Lookup = Callable[[str], JournalEvent | None]
"""Finds an event by id (`Store.event`): a correction is named by what it corrects."""


def describe_event(event: JournalEvent, lookup: Lookup | None = None) -> str:
    """A one-line description of an event, for "undo this?" questions and the history;
    with `lookup`, an event that names another by id names it by what it says."""
    data = event.data
    kind = event.type
    if kind in _CORRECTIONS:
        return _CORRECTIONS[kind](data, lookup)
    if kind == "note.added":
        return f"the note “{_clip(str(data.get('text', '')))}”"
    if kind == "proposal.passed":
        return f"passing {data.get('label')}"
    if kind == "proposal.withdrawn":
        return "a withdrawal"
    if kind == "ta.signed":
        articles = data.get("articles")
        named = ", ".join(str(a) for a in articles) if isinstance(articles, list) else ""
        return "the TA" + (f" on {named}" if named else "")
    if kind.startswith("caucus."):
        verb = {
            "caucus.started": "calling",
            "caucus.extended": "extending",
            "caucus.ended": "ending",
        }[kind]
        return f"{verb} the {data.get('by')} caucus"
    if kind.startswith("agenda."):
        return {
            "agenda.item_added": f"adding agenda item “{_clip(str(data.get('title')))}”",
            "agenda.item_started": f"starting {_item(data, lookup)}",
            "agenda.item_done": f"finishing {_item(data, lookup)}",
            "agenda.item_skipped": f"skipping {_item(data, lookup)}",
        }[kind]
    if kind == "session.started":
        return f"starting session {data.get('session')}"
    if kind == "session.ended":
        return f"ending session {data.get('session')}"
    if kind == "info_request.made":
        return f"the information request “{_clip(str(data.get('text', '')))}”"
    if kind == "info_request.answered":
        return "marking an information request answered"
    if kind == "event.undone":
        return "the last undo"
    if kind == "recap.written":
        return f"the headline and lead of session {data.get('session')}'s recap"
    if kind == "text.translated":
        return f"the {data.get('lang')} translation “{_clip(str(data.get('text', '')))}”"
    if kind == "campaign.updated":
        fields = [key.replace("_", " ") for key in data if key not in ("type", "id", "at", "seat")]
        return "the settings change" + (f" ({', '.join(fields)})" if fields else "")
    return kind.replace(".", " ").replace("_", " ")


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


_CORRECTIONS: dict[str, Callable[[dict[str, object], Lookup | None], str]] = {
    "note.edited": _note_edited,
    "proposal.amended": _proposal_amended,
    "session.rescheduled": lambda data, _: (
        f"rescheduling session {data.get('session')}"
        + _changed(data, ("starts", "location", "mode", "kind", "mediator"))
    ),
    "session.cancelled": lambda data, _: f"cancelling session {data.get('session')}",
    "agenda.item_removed": lambda data, lookup: f"removing {_item(data, lookup)}",
    "agenda.item_moved": lambda data, lookup: (
        f"moving {_item(data, lookup)} to position {data.get('to')}"
    ),
}
