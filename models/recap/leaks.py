"""The confidentiality check: what team-only data a recap snapshot holds.

A member snapshot never holds team-only notes, internal notes, caucus purposes, supposals or an
embargoed proposal's details; `member_leak` names the first it finds, and every way of making a
member snapshot runs it (see `models.recap.records.RecapSnapshot`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.vocabulary import ProposalKind

if TYPE_CHECKING:
    from models.recap.records import RecapSnapshot


def member_leak(snapshot: RecapSnapshot) -> str:
    """What team-only data a snapshot holds ("" when none): the guard on member snapshots."""
    if any(note.team_only for note in snapshot.notes):
        return "a team-only note"
    for proposal in snapshot.proposals:
        if proposal.internal_note:
            return f"the internal note of {proposal.label or proposal.id}"
        if proposal.kind is ProposalKind.SUPPOSAL:
            return f"the supposal {proposal.label}"
        if proposal.embargoed and not proposal.withheld:
            return f"the details of the embargoed proposal {proposal.label}"
        if proposal.withheld and (
            proposal.label
            or proposal.articles
            or proposal.summary
            or proposal.link
            or proposal.terms
            or proposal.kind is not None
        ):
            return f"the details of the withheld proposal {proposal.id}"
    for withdrawal in snapshot.withdrawals:
        if withdrawal.withheld and (withdrawal.label or withdrawal.articles):
            return f"the details of the withheld proposal {withdrawal.id}"
    if any(caucus.purpose for caucus in snapshot.caucuses):
        return "a caucus purpose"
    if snapshot.campaign.team_recipients:
        return "the team's own address"
    return ""
