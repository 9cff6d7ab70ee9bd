"""What the recap screen's switches choose, the switches, and the words they show it in.

`RecapChoice` is one session's recap in one format, language and for one audience; the
words name the formats, languages and audiences as the switches and notices say them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from textual.widgets import Select

from exports import FORMATS, LANGS
from models.recap import AUDIENCES, Audience

FORMAT_WORDS: dict[str, str] = {
    "md": "Markdown",
    "html": "HTML",
    "eml": "Email (.eml)",
    "sms": "Text blast",
    "json": "JSON",
    "csv": "CSV",
}
LANG_WORDS: dict[str, str] = {"en": "English", "es": "Español"}
AUDIENCE_WORDS: dict[str, str] = {"members": "For members", "team": "TEAM ONLY"}

TEAM_BANNER = "⚠ TEAM ONLY · the team's own minutes: never send them to members"


def format_word(fmt: str) -> str:
    """The name of a format as the switches show it ("md" -> "Markdown")."""
    return FORMAT_WORDS.get(fmt, fmt.upper())


@dataclass(frozen=True)
class RecapChoice:
    """What the switches say: which session, in which format, language and for whom."""

    session: int | None
    format: str
    lang: str
    audience: Audience

    def describe(self) -> str:
        """The choice in words, "Session 5 · Markdown · English" (the audience apart)."""
        number = f"Session {self.session}" if self.session is not None else "No session"
        return f"{number} · {format_word(self.format)} · {LANG_WORDS.get(self.lang, self.lang)}"


def sentence(text: str) -> str:
    """A refusal as a sentence: capital first letter, full stop at the end."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def recap_switches() -> Iterator[Select[int] | Select[str]]:
    """The four switches above the preview: session, format, language, audience."""
    yield Select[int](
        [],
        prompt="No session yet",
        id="recap-session",
        compact=True,
        tooltip="Session ( [ and ] )",
    )
    yield _switch("format", [(format_word(fmt), fmt) for fmt in FORMATS], "md", "Format (f)")
    yield _switch(
        "lang", [(LANG_WORDS.get(lang, lang), lang) for lang in LANGS], "en", "Language (l)"
    )
    yield _switch(
        "audience",
        [(AUDIENCE_WORDS[audience], audience) for audience in AUDIENCES],
        "members",
        "Audience (u)",
    )


def _switch(name: str, options: list[tuple[str, str]], value: str, tooltip: str) -> Select[str]:
    """A switch that always shows one of its options (id `recap-NAME`)."""
    return Select[str](
        options, value=value, allow_blank=False, id=f"recap-{name}", compact=True, tooltip=tooltip
    )
