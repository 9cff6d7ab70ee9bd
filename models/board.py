"""The article board: one row per article, and the one rule of what members may see of it.

`audience_standings` makes the board for an audience, and both the CLI's `bargain board` and
the recap's "where things stand" go through it, so the two can never disagree. For members
the ground rules' embargo applies (DESIGN.md, "Embargo"): under `details` (the default) an
embargoed proposal still counts (members see that a side passed one, and when) but its label
is withheld; under `all` it does not exist, and holders are computed as if it had not been
passed. The team sees everything.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Literal, NamedTuple

from models.vocabulary import ArticleStatus, Party

if TYPE_CHECKING:
    from models.domain import Proposal
    from models.rules import Agreement, Standing

Embargo = Literal["details", "all"]
EMBARGO_RULES: tuple[Embargo, ...] = ("details", "all")


class BoardRow(NamedTuple):
    """One article on the board: its status and whose court the ball is in. The console's
    board, `bargain board` and the recap's "where things stand" all show these."""

    number: str
    title: str
    status: ArticleStatus
    holder: Party | None = None
    holding_since: datetime | None = None
    last_proposal: str = ""
    moved_today: bool = False
    """In a recap: a proposal or a TA of the recap's session touched it."""


def board_rows(titles: Mapping[str, str], standings: Mapping[str, Standing]) -> list[BoardRow]:
    """Every article in the order of `titles`, with its standing (none: not opened)."""
    rows = []
    for number, title in titles.items():
        standing = standings.get(number)
        if standing is None:
            rows.append(BoardRow(number, title, ArticleStatus.NOT_OPENED))
        else:
            rows.append(BoardRow(number, title, *standing))
    return rows


def exists_for(audience: str, embargo: str, embargoed: bool) -> bool:
    """Whether a proposal exists at all for `audience`: for members, not an embargoed one
    under `embargo: all`."""
    return audience == "team" or not (embargoed and embargo == "all")


def visible_moves(
    moves: Iterable[Proposal], embargoed: Collection[int], audience: str, embargo: str
) -> list[Proposal]:
    """The proposals as `audience` may see them: for members, the embargoed ones (their
    journal positions in `embargoed`) lose their label (`details`) or vanish (`all`)."""
    if audience == "team":
        return list(moves)
    if embargo not in EMBARGO_RULES:
        raise ValueError(f"embargo {embargo!r} is not one of: details, all")
    return [
        move if move.seq not in embargoed else move._replace(label="")
        for move in moves
        if exists_for(audience, embargo, move.seq in embargoed)
    ]


def audience_standings(
    moves: Iterable[Proposal],
    agreements: Iterable[Agreement],
    embargoed: Collection[int],
    audience: str,
    embargo: str,
) -> dict[str, Standing]:
    """Each touched article's standing as `audience` may see it (see `visible_moves`)."""
    from models.rules import standing_of

    return standing_of(visible_moves(moves, embargoed, audience, embargo), agreements)
