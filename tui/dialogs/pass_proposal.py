"""Pass a proposal: side, kind, articles, label (suggested), summary, and what stays inside."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Checkbox, Input, Select, Static

from models.actions import suggest_label
from models.domain import (
    Article,
    ArticleStatus,
    BoardRow,
    Campaign,
    Party,
    ProposalKind,
)
from models.event_base import Event
from models.events import ProposalPassed
from models.pass_defaults import PassDefaults, initial_warning, pass_defaults
from models.store import Store
from tui.dialogs.article_field import (
    ArticleSuggester,
    resolve_articles,
    show_hint,
    titles_hint,
)
from tui.dialogs.form_fields import FieldRow, FormDialog, FormHint, check_line, one_of
from tui.dialogs.pass_terms import named_term_rows, read_terms, terms_placeholder
from tui.dialogs.ticks import TickBox

KIND_CHOICES = [
    ("counter", ProposalKind.COUNTER),
    ("initial (sunshined)", ProposalKind.INITIAL),
    ("package", ProposalKind.PACKAGE),
    ("supposal (off the record)", ProposalKind.SUPPOSAL),
]

FIELD_OF = {
    "articles": "pass-articles",
    "label": "pass-label",
    "summary": "pass-summary",
    "internal_note": "pass-note",
    "link": "pass-link",
    "terms": "pass-terms",
}


PASSED_FIELDS = tuple(
    name for name in ProposalPassed.model_fields if name not in {*Event.model_fields, "session"}
)
"""What `models.actions.pass_proposal` takes of a `proposal.passed` line: the line's own
fields (not those every line has) but its session."""


class ProposalRequest(ProposalPassed):
    """A proposal as typed: its `proposal.passed` line, checked (its session and time mere
    placeholders), ready for `models.actions.pass_proposal`."""

    def fields(self) -> dict[str, Any]:
        """Keyword arguments for `pass_proposal` (all but the session), from the line."""
        return {name: getattr(self, name) for name in PASSED_FIELDS}


class PassProposalDialog(
    FormDialog[ProposalRequest],
    title="Pass a proposal",
    save="Pass",
    refusal="pass-label",
):
    """The label follows side and kind until it is typed over; side and kind follow the
    articles typed (`models.pass_defaults`) until one is picked by hand."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+t",
            "other_side",
            "Other side",
            key_display="ctrl+t",
            tooltip="The other side passed it: switch who passed, from any field",
            id="pass.other_side",
        ),
    ]
    INTRO = (
        "The internal note stays with the team; an embargoed proposal's details stay out of "
        "the recap."
    )
    SUBTITLE = "Enter saves · ctrl+t other side · Tab next field · Esc cancels"

    def __init__(
        self,
        store: Store,
        campaign: Campaign,
        board: Sequence[BoardRow],
        *,
        selected: BoardRow | None = None,
        on_save: Callable[[ProposalRequest], object] | None = None,
    ) -> None:
        super().__init__(
            on_save, store=store, campaign=campaign, board=list(board), selected=selected
        )
        self._suggested = ""
        self._suggesting = False
        self._asked = 0
        self._article_list = [Article(number=row.number, title=row.title) for row in self.board]
        self._auto = self._defaults(selected.number if selected is not None else "")
        self._by_hand: set[str] = set()
        """"side" and "kind" once picked by hand: the articles typed no longer change them."""

    def _defaults(self, typed: str) -> PassDefaults:
        numbers, _problem = resolve_articles(typed, self._articles())
        return pass_defaults(self.board, numbers, self.campaign.our_side)

    def compose_fields(self) -> ComposeResult:
        sides = [(f"{self.campaign.short(p)} ({p.value})", p) for p in Party]
        articles = self.selected.number if self.selected is not None else ""
        side, kind = self._auto
        yield FieldRow(
            "Passed by",
            one_of(sides, side, "pass-side"),
            "kind",
            one_of(KIND_CHOICES, kind, "pass-kind"),
        )
        yield FormHint(id="pass-kind-warning")
        yield FieldRow(
            "Articles",
            Input(
                articles,
                placeholder="5, Appendix A  (→ completes)",
                compact=True,
                id="pass-articles",
                suggester=ArticleSuggester(self._articles()),
            ),
        )
        yield Static("", classes="form-hint", id="pass-titles", markup=False)
        yield FieldRow("Label", Input("", placeholder="suggesting…", compact=True, id="pass-label"))
        yield FieldRow(
            "Summary",
            Input(placeholder="What it says, for the recap", compact=True, id="pass-summary"),
        )
        yield FieldRow(
            "Internal note",
            Input(placeholder="Team only: never in the recap", compact=True, id="pass-note"),
        )
        yield FieldRow(
            "Link", Input(placeholder="https://… (the PDF)", compact=True, id="pass-link")
        )
        yield from named_term_rows(self.campaign)
        yield FieldRow(
            "Other terms" if self.campaign.terms else "Terms",
            Input(placeholder=terms_placeholder(self.campaign), compact=True, id="pass-terms"),
        )
        yield FieldRow(
            "Embargo", TickBox("Embargoed: ground rules say not to publish yet", id="pass-embargo")
        )

    def on_mount(self) -> None:
        self.query_one(".form-dialog").border_subtitle = self.SUBTITLE
        box = self.query_one("#pass-articles", Input)
        numbers, _ = resolve_articles(box.value, self._articles())
        show_hint(self.query_one("#pass-titles", Static), titles_hint(numbers, self._articles()))
        box.focus()
        # The label is worked out once the dialog is on screen: on a long campaign that takes
        # a moment, and the dialog should not wait for it.
        self.call_after_refresh(self._start_suggesting)

    def action_other_side(self) -> None:
        """The other side passed it: one key, from any field (the side is then picked by
        hand, and the articles typed no longer change it)."""
        select = self.query_one("#pass-side", Select)
        select.value = Party.EMPLOYER if select.value is Party.UNION else Party.UNION

    def _start_suggesting(self) -> None:
        self._suggesting = True
        self._suggest()

    def _articles(self) -> list[Article]:
        return self._article_list

    # -------------------------------------------------------------- the label

    @on(Select.Changed, "#pass-side, #pass-kind")
    def _side_or_kind(self, event: Select.Changed) -> None:
        which = "side" if event.select.id == "pass-side" else "kind"
        if event.value != getattr(self._auto, which):
            self._by_hand.add(which)
        self._warn_kind()
        if self._suggesting:
            self._suggest()

    def _follow_articles(self, typed: str) -> None:
        """Side and kind follow the articles typed, except one picked by hand."""
        self._auto = self._defaults(typed)
        for which in ("side", "kind"):
            select = self.query_one(f"#pass-{which}", Select)
            value = getattr(self._auto, which)
            if which not in self._by_hand and select.value != value:
                select.value = value
        self._warn_kind()

    def _warn_kind(self) -> None:
        numbers, _problem = resolve_articles(
            self.query_one("#pass-articles", Input).value, self._articles()
        )
        kind = self.query_one("#pass-kind", Select).value
        warning = initial_warning(self.board, numbers, kind)
        self.query_one("#pass-kind-warning", FormHint).show(f"! {warning}" if warning else "")

    def _suggest(self) -> None:
        side = self.query_one("#pass-side", Select).value
        kind = self.query_one("#pass-kind", Select).value
        if isinstance(side, Party) and isinstance(kind, ProposalKind):
            self._suggest_in_thread(side, kind)

    def _suggest_in_thread(self, side: Party, kind: ProposalKind) -> None:
        # Not `exclusive`: side and kind now change as articles are typed, and a cancelled
        # worker is an error to whoever waits on it; a later answer wins by its number.
        self._asked += 1
        self._label_worker(side, kind, self._asked)

    @work(thread=True, group="label", exit_on_error=False)
    def _label_worker(self, side: Party, kind: ProposalKind, asked: int) -> None:
        label = suggest_label(self.store, side, kind)
        self.app.call_from_thread(self._suggestion_ready, label, asked)

    def _suggestion_ready(self, label: str, asked: int | None = None) -> None:
        if asked is not None and asked != self._asked:
            return  # side or kind changed since: a newer suggestion is on its way
        box = self.query_one("#pass-label", Input)
        if box.value in ("", self._suggested):
            self._suggested = label
            box.value = label

    def action_save(self) -> None:
        """Save; a label still being suggested is worked out here first, not refused."""
        box = self.query_one("#pass-label", Input)
        side = self.query_one("#pass-side", Select).value
        kind = self.query_one("#pass-kind", Select).value
        if not box.value.strip() and isinstance(side, Party) and isinstance(kind, ProposalKind):
            self._suggestion_ready(suggest_label(self.store, side, kind))
        super().action_save()

    @on(Input.Changed, "#pass-articles")
    def _articles_typed(self, event: Input.Changed) -> None:
        numbers, _problem = resolve_articles(event.value, self._articles())
        show_hint(self.query_one("#pass-titles", Static), titles_hint(numbers, self._articles()))
        self._follow_articles(event.value)

    # -------------------------------------------------------------- checking

    def check(self) -> tuple[ProposalRequest | None, dict[str, str]]:
        problems: dict[str, str] = {}
        side = self.query_one("#pass-side", Select).value
        kind = self.query_one("#pass-kind", Select).value
        typed = self.query_one("#pass-articles", Input).value
        numbers, problem = resolve_articles(typed, self._articles())
        if problem:
            problems["pass-articles"] = problem
        elif not numbers:
            problems["pass-articles"] = "name at least one article"
        elif kind is not ProposalKind.SUPPOSAL:
            agreed = [
                row.number
                for row in self.board
                if row.number in numbers and row.status is ArticleStatus.TA
            ]
            if agreed:
                problems["pass-articles"] = (
                    f"{', '.join(agreed)} already TA'd; a TA'd article takes no more proposals"
                )
        terms = read_terms(self, self.campaign, problems)
        line = {
            "type": "proposal.passed",
            "session": 1,
            "by": side,
            "articles": numbers or ["?"],
            "label": self.query_one("#pass-label", Input).value,
            "kind": kind,
            "summary": self.query_one("#pass-summary", Input).value,
            "internal_note": self.query_one("#pass-note", Input).value,
            "link": self.query_one("#pass-link", Input).value,
            "terms": terms,
            "embargoed": self.query_one("#pass-embargo", Checkbox).value,
        }
        parsed, found = check_line(ProposalRequest, line)
        for name, message in found.items():
            widget = FIELD_OF.get(name.split(".")[0])
            if widget is not None:
                problems.setdefault(widget, message)
        if parsed is None or problems:
            return None, problems
        return parsed, {}

    def refuse(self, message: str, field: str | None = None) -> None:
        if field is None:
            field = (
                "pass-articles" if "article" in message and "label" not in message else "pass-label"
            )
        super().refuse(message, field)
