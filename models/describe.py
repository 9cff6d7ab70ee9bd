"""How an event of the journal is named to a person: "passing REA #4", "the note “…”"."""

from __future__ import annotations

from models.domain import JournalEvent


def describe_event(event: JournalEvent) -> str:
    """A one-line description of an event, for "undo this?" questions."""
    data = event.data
    kind = event.type
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
            "agenda.item_started": f"starting agenda item {data.get('item')}",
            "agenda.item_done": f"finishing agenda item {data.get('item')}",
            "agenda.item_skipped": f"skipping agenda item {data.get('item')}",
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
