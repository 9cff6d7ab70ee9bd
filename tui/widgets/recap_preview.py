"""The recap screen's preview: a Markdown recap rendered, the other formats as plain text, or
a message (the recap is being made, or was refused), one at a time.

The recap screen's CSS places and styles what is in it (`#recap-preview` and its parts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import ContentSwitcher, Markdown, Static, TextArea

from tui.widgets.terms_chart import TermsChart

if TYPE_CHECKING:
    from models.money import MoneyTable
    from models.recap import RecapSnapshot

Chart: TypeAlias = "tuple[MoneyTable, str, str] | None"
"""The money chart of a recap: its table and the names of our side and theirs (None: none)."""

PREVIEW_MARKDOWN = "recap-markdown-box"
PREVIEW_TEXT = "recap-text"
PREVIEW_MESSAGE = "recap-message-box"
PREVIEWS = (PREVIEW_MARKDOWN, PREVIEW_TEXT, PREVIEW_MESSAGE)


def split_for_preview(text: str, limit: int) -> tuple[str, str]:
    """Cut a Markdown text of more than `limit` lines in two, between top-level blocks.

    The cut falls at the start of a heading, a top-level list item, or a line that follows a
    blank one (never inside a table, a list item's continuation or a code fence), at or before
    line `limit`. Returns (head, rest); rest is "" when the text is short enough.
    """
    lines = text.splitlines(keepends=True)
    if len(lines) <= limit:
        return text, ""
    fenced_at: set[int] = set()
    fenced = False
    for number, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        if fenced:
            fenced_at.add(number)
    for cut in range(limit, 0, -1):
        line = lines[cut]
        if cut in fenced_at or cut - 1 in fenced_at or not line.strip():
            continue
        if line[0] in " \t|":
            continue
        if line.startswith(("#", "- ", "* ")) or not lines[cut - 1].strip():
            return "".join(lines[:cut]), "".join(lines[cut:])
    return text, ""


def money_chart(snapshot: RecapSnapshot) -> Chart:
    """What the preview's chart draws of a snapshot: its money table, our side and theirs."""
    campaign = snapshot.campaign
    ours, theirs = campaign.union.short, campaign.employer.short
    if snapshot.money.our_side != "union":
        ours, theirs = theirs, ours
    return (snapshot.money, ours, theirs) if snapshot.money.terms else None


class RecapPreview(ContentSwitcher):
    """Shows one recap text (or a message) and keeps its place when the same one is redone."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id=PREVIEW_MARKDOWN):
            yield Markdown(id="recap-markdown")
            yield TermsChart(id="recap-chart")
            yield Static(id="recap-markdown-cut", markup=False)
            yield Static(id="recap-markdown-rest", markup=False)
        yield TextArea(id=PREVIEW_TEXT, read_only=True, soft_wrap=True, show_cursor=False)
        with VerticalScroll(id=PREVIEW_MESSAGE):
            yield Static("Making the recap…", id="recap-message", markup=False)

    async def show_markdown(self, text: str, head: str, rest: str, *, same_view: bool) -> None:
        """Render `head` of the Markdown `text`, `rest` below it as its source."""
        box = self.query_one(f"#{PREVIEW_MARKDOWN}", VerticalScroll)
        keep = box.scroll_y if same_view else 0
        await self.query_one("#recap-markdown", Markdown).update(head)
        self._show_rest(text, rest)
        self.current = PREVIEW_MARKDOWN
        box.scroll_to(y=keep, animate=False)

    def show_chart(self, money: Chart) -> None:
        """Under the Markdown, the chart of where the money stands (hidden without one)."""
        table, ours, theirs = money if money is not None else (None, "", "")
        self.query_one("#recap-chart", TermsChart).show(table, ours, theirs)

    def show_text(self, text: str, *, same_view: bool) -> None:
        """Show a format other than Markdown as its plain text."""
        area = self.query_one(f"#{PREVIEW_TEXT}", TextArea)
        keep = area.scroll_y if same_view else 0
        area.load_text(text.replace("\r\n", "\n"))
        self.current = PREVIEW_TEXT
        area.scroll_to(y=keep, animate=False)

    def _show_rest(self, text: str, rest: str) -> None:
        """Below a long recap's rendered start, the rest as its Markdown source."""
        note = self.query_one("#recap-markdown-cut", Static)
        source = self.query_one("#recap-markdown-rest", Static)
        note.display = source.display = bool(rest)
        if rest:
            total = text.count("\n")
            note.update(
                f"This recap is long ({total} lines): the rest is shown as its Markdown "
                "source. Copy (c) and Write (w) take all of it."
            )
            source.update(rest)

    def show_message(self, text: str, *, refusal: bool) -> None:
        """Show a message in place of a recap (a refusal is marked as one)."""
        message = self.query_one("#recap-message", Static)
        message.update(text)
        message.set_class(refusal, "-refusal")
        self.current = PREVIEW_MESSAGE

    def focus_shown(self) -> None:
        """Focus what is shown, so the arrows scroll it."""
        if self.current is not None:
            self.query_one(f"#{self.current}").focus()
