"""The base of every journal line's model: the fields every line carries."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from models.fields import EventId, Instant, OptionalLine


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Event(Payload):
    """The fields every line carries."""

    type: str
    at: Instant
    id: EventId | None = None
    seat: OptionalLine = ""
