"""The recap screen's keys: each one's binding, with its id and its tooltip."""

from __future__ import annotations

from textual.binding import Binding, BindingType

from tui.keys import Keys

KEYS = Keys("recap")
SESSION_KEYS = Binding.Group("Session", compact=True)
"""`[` and `]` share one place in the footer."""

RECAP_BINDINGS: list[BindingType] = [  # in the footer's order: at 80 columns the last go
    KEYS.back(),
    KEYS("f", "cycle_format", "Format", "Show the next format", name="format"),
    KEYS(
        "u",
        "toggle_audience",
        "Audience",
        "Switch between the members' recap and the team's own minutes",
        name="audience",
    ),
    KEYS(
        "left_square_bracket",
        "previous_session",
        "Previous session",
        "The session before this one",
        key_display="[",
        group=SESSION_KEYS,
    ),
    KEYS(
        "right_square_bracket",
        "next_session",
        "Next session",
        "The session after this one",
        key_display="]",
        group=SESSION_KEYS,
    ),
    KEYS(
        "w",
        "write",
        "Write",
        "Write this session's recap in every format into recaps/ beside the database",
    ),
    KEYS(
        "h",
        "headline",
        "Headline",
        "Write the recap's headline and lead (the suggestion until you do)",
    ),
    KEYS(
        "t",
        "translate",
        "Translate",
        "Translate the texts this recap shows untranslated in its language",
    ),
    KEYS("r", "refresh", "Refresh", "Make the recap again, as of now", show=False),
    KEYS("c", "copy", "Copy", "Copy the text shown to the clipboard (the team minutes ask first)"),
    KEYS("l", "toggle_language", "Language", "Switch between English and Spanish", name="language"),
]
