"""The journal's correction events (DESIGN.md "Corrections"): nothing is edited in place; a
correction names the record it corrects and carries only the fields it changes, merged field
by field with what came before (the latest value of each field counts).
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, model_validator

from models.event_base import Event
from models.fields import (
    EventId,
    Instant,
    ItemRef,
    Label,
    Link,
    OptionalLine,
    OptionalText,
    Position,
    RequiredText,
    SessionNumber,
)
from models.vocabulary import NoteKind, NoteParty, SessionKind, SessionMode, Visibility


def _term_change(value: object) -> dict[str, float | None]:
    from models.fields import check_terms

    if not isinstance(value, dict):
        raise ValueError('must map names to numbers (null removes one), like {"salary_pct_y1": 3}')
    checked = check_terms({key: 0 if number is None else number for key, number in value.items()})
    return {key: None if value[key] is None else checked[key] for key in checked}


TermChange = Annotated[dict[str, float | None], BeforeValidator(_term_change)]
"""Terms to change: a number sets one, `null` removes it; names left out stay as they were."""


class Correction(Event):
    """A correction: the record it names (its one required field), and at least one of the
    optional fields, the ones it can change."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    """The fields a correction can change, in the order declared (made from the class)."""
    NULLABLE: ClassVar[tuple[str, ...]] = ()
    """Fields where `null` means "take it away" rather than "leave it"."""

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.FIELDS = tuple(
            name
            for name, field in cls.model_fields.items()
            if name not in Event.model_fields and not field.is_required()
        )

    @model_validator(mode="after")
    def _changes_something(self) -> Correction:
        if not self.changes():
            raise ValueError(f"say what to change: any of {', '.join(self.FIELDS)}")
        return self

    def changes(self) -> dict[str, object]:
        """The fields this correction sets, as checked."""
        return {
            name: getattr(self, name)
            for name in self.FIELDS
            if name in self.model_fields_set
            and (getattr(self, name) is not None or name in self.NULLABLE)
        }


class NoteEdited(Correction):
    NULLABLE = ("party",)
    type: Literal["note.edited"]
    note: EventId
    text: RequiredText | None = None
    kind: NoteKind | None = None
    speaker: OptionalLine | None = None
    party: NoteParty | None = None
    visibility: Visibility | None = None


class ProposalAmended(Correction):
    type: Literal["proposal.amended"]
    proposal: EventId
    label: Label | None = None
    summary: OptionalText | None = None
    internal_note: OptionalText | None = None
    link: Link | None = None
    terms: TermChange | None = None
    embargoed: bool | None = None


class SessionRescheduled(Correction):
    type: Literal["session.rescheduled"]
    session: SessionNumber
    starts: Instant | None = None
    location: OptionalLine | None = None
    mode: SessionMode | None = None
    kind: SessionKind | None = None
    mediator: OptionalLine | None = None


class SessionCancelled(Event):
    type: Literal["session.cancelled"]
    session: SessionNumber


class AgendaItemRemoved(Event):
    type: Literal["agenda.item_removed"]
    session: SessionNumber
    item: ItemRef


class AgendaItemMoved(Event):
    type: Literal["agenda.item_moved"]
    session: SessionNumber
    item: ItemRef
    to: Position


CORRECTION_TYPES: dict[str, type[Event]] = {
    "note.edited": NoteEdited,
    "proposal.amended": ProposalAmended,
    "session.rescheduled": SessionRescheduled,
    "session.cancelled": SessionCancelled,
    "agenda.item_removed": AgendaItemRemoved,
    "agenda.item_moved": AgendaItemMoved,
}
"""The correction events, registered into `models.events.EVENT_TYPES`."""
