"""Amend a proposal: its label, summary, internal note, link and terms, and lift (or set)
its embargo, in a form prefilled with the proposal as it stands (a `proposal.amended` event:
the history keeps both)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from textual.app import ComposeResult
from textual.widgets import Input, Select

from models.domain import Proposal
from models.errors import DomainError
from models.events import ProposalPassed
from models.terms import format_terms, parse_terms
from tui.dialogs.form_fields import FieldRow, FormDialog, check_line, one_of

EMBARGO_WORDS = (
    ("embargoed: members see no details", True),
    ("not embargoed: members see it all", False),
)

_FIELDS = {
    "label": "amend-label",
    "summary": "amend-summary",
    "internal_note": "amend-note",
    "link": "amend-link",
    "terms": "amend-terms",
}


@dataclass(frozen=True)
class Amendment:
    """A proposal as amended, ready for `models.actions.amend_proposal` (which writes only
    what differs from the proposal now)."""

    proposal: Proposal
    label: str
    summary: str
    internal_note: str
    link: str
    embargoed: bool
    terms: dict[str, float] = field(default_factory=dict)


class ProposalAmendDialog(FormDialog[Amendment]):
    """Enter saves the amendment; Escape leaves the proposal as it was."""

    DIALOG_TITLE = "Amend {self.proposal.label}"
    SAVE_LABEL = "Amend"
    REFUSAL_FIELD = FIRST_FIELD = "amend-label"
    INTRO = "The history keeps the proposal as passed; undo takes the amendment back."

    def __init__(
        self, proposal: Proposal, on_save: Callable[[Amendment], object] | None = None
    ) -> None:
        super().__init__(on_save, proposal=proposal)

    def compose_fields(self) -> ComposeResult:
        p = self.proposal
        yield FieldRow(
            "Label", Input(p.label, compact=True, select_on_focus=False, id="amend-label")
        )
        yield FieldRow(
            "Summary", Input(p.summary, compact=True, select_on_focus=False, id="amend-summary")
        )
        yield FieldRow(
            "Internal note",
            Input(
                p.internal_note,
                placeholder="team only",
                compact=True,
                select_on_focus=False,
                id="amend-note",
            ),
        )
        yield FieldRow(
            "Link",
            Input(
                p.link,
                placeholder="https://… (the PDF)",
                compact=True,
                select_on_focus=False,
                id="amend-link",
            ),
        )
        yield FieldRow(
            "Terms",
            Input(
                format_terms(dict(p.terms)),
                placeholder="salary_pct_y1=3.0, salary_pct_y2=2.5",
                compact=True,
                select_on_focus=False,
                id="amend-terms",
            ),
        )
        yield FieldRow(
            "Embargo",
            one_of(list(EMBARGO_WORDS), p.embargoed, "amend-embargo"),
        )

    def check(self) -> tuple[Amendment | None, dict[str, str]]:
        problems: dict[str, str] = {}
        terms: dict[str, float] = {}
        try:
            terms = parse_terms(self.query_one("#amend-terms", Input).value)
        except DomainError as error:
            problems["amend-terms"] = str(error)
        parsed, found = check_line(
            ProposalPassed,
            {
                "type": "proposal.passed",
                "session": self.proposal.session,
                "by": self.proposal.by.value,
                "articles": list(self.proposal.articles),
                "label": self.query_one("#amend-label", Input).value,
                "summary": self.query_one("#amend-summary", Input).value,
                "internal_note": self.query_one("#amend-note", Input).value,
                "link": self.query_one("#amend-link", Input).value,
                "terms": terms,
            },
            {"label": "the label", "link": "the link", "terms": "the terms"},
        )
        for name, message in found.items():
            problems.setdefault(_FIELDS.get(name.split(".")[0], "amend-label"), message)
        if parsed is None or problems:
            return None, problems
        embargoed = self.query_one("#amend-embargo", Select).value is True
        return (
            Amendment(
                self.proposal,
                parsed.label,
                parsed.summary,
                parsed.internal_note,
                parsed.link,
                embargoed,
                dict(parsed.terms),
            ),
            {},
        )
