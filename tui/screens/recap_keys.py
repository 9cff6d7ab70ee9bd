"""The recap screen's keys: each one's binding, with its id and its tooltip."""

from __future__ import annotations

from textual.binding import Binding, BindingType

SESSION_KEYS = Binding.Group("Session", compact=True)
"""`[` and `]` share one place in the footer."""

RECAP_BINDINGS: list[BindingType] = [  # in the footer's order: at 80 columns the last go
    Binding("escape", "back", "Back", tooltip="Back to the previous screen", id="recap.back"),
    Binding("f", "cycle_format", "Format", tooltip="Show the next format", id="recap.format"),
    Binding(
        "u",
        "toggle_audience",
        "Audience",
        tooltip="Switch between the members' recap and the team's own minutes",
        id="recap.audience",
    ),
    Binding(
        "left_square_bracket",
        "previous_session",
        "Previous session",
        key_display="[",
        group=SESSION_KEYS,
        tooltip="The session before this one",
        id="recap.previous_session",
    ),
    Binding(
        "right_square_bracket",
        "next_session",
        "Next session",
        key_display="]",
        group=SESSION_KEYS,
        tooltip="The session after this one",
        id="recap.next_session",
    ),
    Binding(
        "w",
        "write",
        "Write",
        tooltip="Write this session's recap in every format into recaps/ beside the database",
        id="recap.write",
    ),
    Binding(
        "h",
        "headline",
        "Headline",
        tooltip="Write the recap's headline and lead (the suggestion until you do)",
        id="recap.headline",
    ),
    Binding(
        "t",
        "translate",
        "Translate",
        tooltip="Translate the texts this recap shows untranslated in its language",
        id="recap.translate",
    ),
    Binding(
        "r",
        "refresh",
        "Refresh",
        show=False,
        tooltip="Make the recap again, as of now",
        id="recap.refresh",
    ),
    Binding(
        "c",
        "copy",
        "Copy",
        tooltip="Copy the text shown to the clipboard (the team minutes ask first)",
        id="recap.copy",
    ),
    Binding(
        "l",
        "toggle_language",
        "Language",
        tooltip="Switch between English and Spanish",
        id="recap.language",
    ),
]
