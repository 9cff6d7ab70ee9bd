"""The recap screen's news line and its two writing keys: `h` writes the headline and lead
(prefilled with the suggestion, marked as one, until the comms lead writes them), `t`
translates the texts the recap shows untranslated in its language (one at a time, in a
dialog listing them all). Mixed into `RecapScreen`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from exports.i18n import language
from exports.news import headline, is_suggested, lead

if TYPE_CHECKING:
    from models.event_recap import RecapWritten, TextTranslated
    from models.recap import RecapSnapshot
    from models.store import Store
    from tui.screens.recap_choice import RecapChoice


def news_line(snapshot: RecapSnapshot, choice: RecapChoice, text: str) -> str:
    """What the line above the preview says: the headline (marked when suggested), the text
    blast's length and segments, and how many texts are untranslated."""
    if snapshot.audience == "team":
        return ""
    parts = []
    if choice.format == "sms":  # first: the line is cut at the screen's edge
        from exports.sms_count import segments

        parts.append(f"Text blast: {segments(text.rstrip(chr(10))).describe()}")
    title = headline(snapshot, language(choice.lang))
    if is_suggested(snapshot):
        parts.append(f"SUGGESTED headline (h to write yours): {title}")
    else:
        parts.append(f"Headline (h to edit): {title}")
    if snapshot.untranslated:
        n = len(snapshot.untranslated)
        parts.append(f"{n} text{'s' if n != 1 else ''} untranslated (t to translate)")
    return " · ".join(parts)


class RecapNewsKeys:
    """`h` and `t` of the recap screen (which provides the attributes below)."""

    store: Store
    choice: RecapChoice
    clock: Callable[[], datetime]
    app: object
    notify: Callable[..., None]
    action_refresh: Callable[[], None]

    def _news_snapshot(self, lang: str) -> RecapSnapshot | None:
        from models.errors import DomainError
        from models.recap import build_snapshot

        choice = self.choice
        if choice.session is None or choice.audience == "team":
            self.notify("Switch to the members' recap (u) of a session first.", severity="warning")
            return None
        try:
            return build_snapshot(self.store, choice.session, "members", self.clock(), lang=lang)
        except DomainError as refusal:
            self.notify(str(refusal), severity="warning", markup=False)
            return None

    def action_headline(self) -> None:
        """Write the recap's headline and lead (prefilled with the suggestion)."""
        snapshot = self._news_snapshot("en")
        if snapshot is None:
            return
        from models.recap_actions import write_recap
        from tui.dialogs.recap_headline import HeadlineDialog

        words = language("en")

        def save(line: RecapWritten) -> None:
            write_recap(self.store, line.session, headline=line.headline, lead=line.lead)

        def done(line: RecapWritten | None) -> None:
            if line is not None:
                self.notify(f"Headline and lead of session {line.session} saved.", title="Saved")
                self.action_refresh()

        self.app.push_screen(  # type: ignore[attr-defined]
            HeadlineDialog(
                session=snapshot.session.number,
                headline=headline(snapshot, words),
                lead=lead(snapshot, words),
                suggested=is_suggested(snapshot),
                on_save=save,
            ),
            done,
        )

    def action_translate(self) -> None:
        """Translate the texts shown untranslated in the recap's language."""
        lang = self.choice.lang
        if lang == "en":
            self.notify("The team writes in English: switch the language (l) first.")
            return
        snapshot = self._news_snapshot(lang)
        if snapshot is None:
            return
        if not snapshot.untranslated:
            self.notify(f"Everything this recap shows is translated into {lang}.")
            return
        from models.recap_actions import translate_text
        from tui.dialogs.translate import TranslateDialog

        sources = {(u.event, u.field): u.text for u in snapshot.untranslated}

        def save(line: TextTranslated) -> None:
            source = sources.get((line.event, line.field))
            translate_text(self.store, line.event, line.field, lang, line.text, source=source)

        def done(line: TextTranslated | None) -> None:
            if line is not None:
                left = len(sources) - 1
                self.notify(f"Translation saved; {left} left untranslated.", title="Saved")
                self.action_refresh()
                if left:
                    self.action_translate()  # on to the next one; Esc stops

        self.app.push_screen(  # type: ignore[attr-defined]
            TranslateDialog(lang=lang, items=snapshot.untranslated, on_save=save), done
        )
