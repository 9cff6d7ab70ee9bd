"""Record a tentative agreement: the articles (or a package), both sides' initials, a summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Select, Static

from models.domain import (
    TA,
    Article,
    ArticleStatus,
    BoardRow,
    Campaign,
    Proposal,
    ProposalKind,
    ProposalStatus,
)
from models.events import TASigned
from tui.dialogs.article_field import (
    ArticleSuggester,
    resolve_articles,
    show_hint,
    titles_hint,
)
from tui.dialogs.form_fields import FieldRow, FormDialog, Keywords, check_line, one_of

NO_PROPOSAL = "-"


@dataclass(frozen=True)
class TARequest(Keywords):
    """A TA as typed, ready for `models.actions.sign_ta`."""

    articles: tuple[str, ...]
    initials_union: str
    initials_employer: str
    summary: str = ""
    proposal: str | None = None


class TADialog(FormDialog[TARequest], title="Record a TA", save="Record TA", refusal="ta-articles"):
    """Articles come from the selected board row, or from the proposal (package) picked."""

    INTRO = "Both spokespeople initial it. A TA from a package covers every article in it."

    def __init__(
        self,
        board: Sequence[BoardRow],
        proposals: Sequence[Proposal],
        last_ta: TA | None,
        campaign: Campaign,
        *,
        selected: BoardRow | None = None,
        on_save: Callable[[TARequest], object] | None = None,
    ) -> None:
        super().__init__(on_save)
        self.board = list(board)
        self.articles = [Article(number=row.number, title=row.title) for row in self.board]
        self.on_table = [
            p for p in proposals if p.withdrawn_at is None and p.kind is not ProposalKind.SUPPOSAL
        ]
        self.proposals = [
            p
            for p in self.on_table
            if p.status in (ProposalStatus.STANDING, ProposalStatus.ANSWERED)
        ]
        self.last_ta = last_ta
        self.campaign = campaign
        self.selected = selected

    def _default_proposal(self) -> Proposal | None:
        """The package on the table for the selected article, when its latest move is one."""
        if self.selected is None:
            return None
        latest = next(
            (p for p in reversed(self.on_table) if self.selected.number in p.articles), None
        )
        if (
            latest is not None
            and latest.kind is ProposalKind.PACKAGE
            and latest.status is ProposalStatus.STANDING
        ):
            return latest
        return None

    def compose_fields(self) -> ComposeResult:
        choices: list[tuple[str, str]] = [("none: the articles below", NO_PROPOSAL)]
        for proposal in reversed(self.proposals):
            what = ", ".join(proposal.articles)
            choices.append((f"{proposal.label} · {what}", proposal.id))
        package = self._default_proposal()
        articles = ""
        if package is not None:
            articles = ", ".join(package.articles)
        elif self.selected is not None and self.selected.status is not ArticleStatus.TA:
            articles = self.selected.number
        yield FieldRow(
            "From proposal",
            one_of(choices, package.id if package else NO_PROPOSAL, "ta-proposal"),
        )
        yield FieldRow(
            "Articles",
            Input(
                articles,
                placeholder="15, 12.3  (→ completes)",
                compact=True,
                id="ta-articles",
                suggester=ArticleSuggester(self.articles),
            ),
        )
        yield Static("", classes="form-hint", id="ta-titles", markup=False)
        union = self.last_ta.initials_union if self.last_ta else ""
        employer = self.last_ta.initials_employer if self.last_ta else ""
        yield FieldRow(
            f"{self.campaign.union.short} initials",
            Input(union, placeholder="MR", compact=True, id="ta-union"),
            f"{self.campaign.employer.short} initials",
            Input(employer, placeholder="DK", compact=True, id="ta-employer"),
            narrow=("ta-union", "ta-employer"),
        )
        yield FieldRow(
            "Summary",
            Input(placeholder="What was agreed, for the recap", compact=True, id="ta-summary"),
        )

    def on_mount(self) -> None:
        box = self.query_one("#ta-articles", Input)
        numbers, _ = resolve_articles(box.value, self.articles)
        show_hint(self.query_one("#ta-titles", Static), titles_hint(numbers, self.articles))
        box.focus()

    @on(Select.Changed, "#ta-proposal")
    def _proposal_picked(self, event: Select.Changed) -> None:
        proposal = self._proposal(event.value)
        if proposal is not None:
            self.query_one("#ta-articles", Input).value = ", ".join(proposal.articles)

    @on(Input.Changed, "#ta-articles")
    def _articles_typed(self, event: Input.Changed) -> None:
        numbers, _ = resolve_articles(event.value, self.articles)
        show_hint(self.query_one("#ta-titles", Static), titles_hint(numbers, self.articles))

    def _proposal(self, value: object) -> Proposal | None:
        return next((p for p in self.proposals if p.id == value), None)

    def check(self) -> tuple[TARequest | None, dict[str, str]]:
        problems: dict[str, str] = {}
        proposal = self._proposal(self.query_one("#ta-proposal", Select).value)
        numbers, problem = resolve_articles(
            self.query_one("#ta-articles", Input).value, self.articles
        )
        if problem:
            problems["ta-articles"] = problem
        elif not numbers and proposal is None:
            problems["ta-articles"] = "name at least one article (or pick a proposal)"
        agreed = [
            row.number
            for row in self.board
            if row.number in numbers and row.status is ArticleStatus.TA
        ]
        if agreed and "ta-articles" not in problems:
            problems["ta-articles"] = f"{', '.join(agreed)} already has a TA"
        line = {
            "type": "ta.signed",
            "session": 1,
            "articles": numbers,
            "summary": self.query_one("#ta-summary", Input).value,
            "proposal": proposal.id if proposal else None,
            "initials": {
                "union": self.query_one("#ta-union", Input).value,
                "employer": self.query_one("#ta-employer", Input).value,
            },
        }
        parsed, found = check_line(TASigned, line)
        for name, message in found.items():
            target = {
                "initials.union": "ta-union",
                "initials.employer": "ta-employer",
                "summary": "ta-summary",
                "articles": "ta-articles",
            }.get(name)
            if name == "initials" and not target:
                for side in ("union", "employer"):
                    if not line["initials"][side].strip():  # type: ignore[index]
                        problems.setdefault(f"ta-{side}", "is empty; type the initials")
                continue
            problems.setdefault(target or "ta-articles", message)
        if parsed is None or problems:
            return None, problems
        return TARequest(
            articles=tuple(numbers),
            initials_union=parsed.initials["union"],
            initials_employer=parsed.initials["employer"],
            summary=parsed.summary,
            proposal=proposal.id if proposal else None,
        ), {}
