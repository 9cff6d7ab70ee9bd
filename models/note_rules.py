"""Which visibility a note gets when nobody chooses one: the caucus rule of DESIGN.md."""

from __future__ import annotations

from collections.abc import Iterable

from models.domain import Campaign, Caucus, CaucusSide, Visibility


def default_visibility(campaign: Campaign, open_caucuses: Iterable[Caucus]) -> Visibility:
    """`team` while our side is in caucus or a joint sidebar is open, `members` otherwise.

    The same rule the store applies to a note recorded without a visibility.
    """
    ours = CaucusSide(campaign.our_side.value)
    for caucus in open_caucuses:
        if caucus.open and caucus.side in (ours, CaucusSide.JOINT):
            return Visibility.TEAM
    return Visibility.MEMBERS
