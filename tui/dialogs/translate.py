"""Translate the texts a recap shows untranslated: pick one from the list (its original shown
in full under it), type its translation, Enter saves it as a `text.translated` line."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from models.event_recap import TextTranslated
from models.recap import RecapUntranslated
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line, field_of

_NOUNS = {"text": "the translation"}


class TranslateDialog(FormDialog[TextTranslated]):
    """One translation of one of the recap's untranslated texts."""

    SAVE_LABEL = "Save the translation"
    REFUSAL_FIELD = "translation"
    INTRO = "Pick a text (↑ ↓), type its translation, Enter saves it."

    DEFAULT_CSS = """
    TranslateDialog {
        & #untranslated { height: auto; max-height: 8; }
        & #original { color: $text-muted; padding-left: 15; height: auto; }
    }
    """

    def __init__(
        self,
        *,
        lang: str,
        items: Sequence[RecapUntranslated],
        on_save: Callable[[TextTranslated], object] | None = None,
    ) -> None:
        super().__init__(on_save, lang=lang, items=list(items))

    def dialog_title(self) -> str:
        return f"Translate into {self.lang}: {len(self.items)} untranslated"

    def compose_fields(self) -> ComposeResult:
        options = [
            Option(f"{item.field}: {' '.join(item.text.split())[:70]}", id=str(n))
            for n, item in enumerate(self.items)
        ]
        yield FieldRow("Untranslated", OptionList(*options, id="untranslated", compact=True))
        yield Static(self._original(0), id="original", markup=False)
        yield FieldRow("Translation", Input("", id="translation", compact=True))

    def _original(self, index: int) -> str:
        return self.items[index].text if self.items else ""

    def chosen(self) -> RecapUntranslated | None:
        highlighted = self.query_one("#untranslated", OptionList).highlighted
        if not self.items:
            return None
        return self.items[highlighted or 0]

    @on(OptionList.OptionHighlighted, "#untranslated")
    def _picked(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.query_one("#original", Static).update(self._original(event.option_index))

    def check(self) -> tuple[TextTranslated | None, dict[str, str]]:
        item = self.chosen()
        if item is None:
            return None, {"translation": "nothing is left to translate"}
        line = {
            "type": "text.translated",
            "event": item.event,
            "field": item.field,
            "lang": self.lang,
            "text": self.query_one("#translation", Input).value,
        }
        result, found = check_line(TextTranslated, line, _NOUNS)
        problem = field_of(found, "text") or next(iter(found.values()), "")
        return (result, {}) if result is not None else (None, {"translation": problem})
