"""The write rules of the table: articles, proposals and TAs, each event checked against
the state and applied (a handler refuses with DomainError or writes the fact rows)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.errors import DomainError
from models.store.connection import Connection, Row
from models.store.context import Applying
from models.store.queries import article_seq, latest_mark, session_seq, side_name
from models.vocabulary import ProposalKind

if TYPE_CHECKING:
    from models import events as ev


def on_article_added(db: Connection, p: ev.ArticleAdded, c: Applying) -> None:
    if db.one("SELECT 1 FROM articles WHERE number = ? AND undone = 0", (p.number,)):
        raise DomainError(f"article {p.number} already exists; rename it instead")
    c.write_fact(db, "articles", p)


def on_article_renamed(db: Connection, p: ev.ArticleRenamed, c: Applying) -> None:
    c.subject = article_seq(db, p.number)
    c.refs.append(c.subject)


def _proposal_row(db: Connection, event_id: str) -> Row:
    row = db.one(
        "SELECT p.seq, p.side, p.kind, p.label FROM proposals p JOIN events e"
        " ON e.seq = p.seq WHERE e.id = ? AND p.undone = 0",
        (event_id,),
    )
    if row is None:
        raise DomainError(f"proposal {event_id!r} is not in the journal (or was undone)")
    return row


def _ta_for(db: Connection, number: str) -> Row | None:
    return db.one(
        "SELECT t.seq, t.session FROM ta_articles a JOIN tas t ON t.seq = a.ta"
        " WHERE a.number = ? AND t.undone = 0",
        (number,),
    )


def on_proposal_passed(db: Connection, p: ev.ProposalPassed, c: Applying) -> None:
    c.refs.append(session_seq(db, p.session))
    for number in p.articles:
        c.refs.append(article_seq(db, number))
        ta = _ta_for(db, number)
        if ta is not None and p.kind is not ProposalKind.SUPPOSAL:
            raise DomainError(
                f"article {number} was TA'd in session {ta[1]}; "
                "a TA'd article takes no more proposals (undo the TA first)"
            )
    if db.one("SELECT 1 FROM proposals WHERE label = ? COLLATE NOCASE AND undone = 0", (p.label,)):
        raise DomainError(f"label {p.label!r} is already used; give this proposal its own")
    c.write_fact(db, "proposals", p, p.articles, side=p.by.value)


def on_proposal_withdrawn(db: Connection, p: ev.ProposalWithdrawn, c: Applying) -> None:
    seq, side, _kind, label = _proposal_row(db, p.proposal)
    if side != p.by.value:
        raise DomainError(f"{label} was passed by {side_name(side)}; only they can withdraw it")
    if latest_mark(db, "proposal.withdrawn", seq):
        raise DomainError(f"{label} is already withdrawn")
    if db.one("SELECT 1 FROM tas WHERE proposal = ? AND undone = 0", (seq,)):
        raise DomainError(f"{label} is TA'd; undo the TA before withdrawing it")
    c.subject = seq
    c.refs.append(seq)


def on_ta_signed(db: Connection, p: ev.TASigned, c: Applying) -> None:
    c.refs.append(session_seq(db, p.session))
    numbers = list(p.articles)
    proposal_seq: int | None = None
    if p.proposal is not None:
        proposal_seq, _side, kind, label = _proposal_row(db, p.proposal)
        if latest_mark(db, "proposal.withdrawn", proposal_seq):
            raise DomainError(f"{label} was withdrawn; a TA cannot come from it")
        package = [
            r[0]
            for r in db.query(
                "SELECT number FROM proposal_articles WHERE proposal = ? ORDER BY position",
                (proposal_seq,),
            )
        ]
        if kind == ProposalKind.PACKAGE.value or not numbers:
            numbers += [n for n in package if n not in numbers]
        c.refs.append(proposal_seq)
        c.subject = proposal_seq
    for number in numbers:
        c.refs.append(article_seq(db, number))
        ta = _ta_for(db, number)
        if ta is not None:
            raise DomainError(f"article {number} already has a TA (session {ta[1]})")
    c.write_fact(
        db,
        "tas",
        p,
        numbers,
        proposal=proposal_seq,
        initials_union=p.initials["union"],
        initials_employer=p.initials["employer"],
    )
