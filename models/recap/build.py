"""`build_snapshot`: one session and the campaign around it, gathered into a recap snapshot.

Standings, TA totals and request ages hold as of the session's end, or `now` while it runs.
What an audience may see is decided here, before the snapshot exists: a member snapshot never
gets team-only notes, internal notes, caucus purposes, supposals or an embargoed proposal's
details.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from models.board import BoardRow, audience_standings, exists_for
from models.domain import Member
from models.errors import DomainError
from models.recap.parts import (
    _caucus,
    _caucus_sides,
    _minutes,
    _next_session,
    _requests,
    _union_length,
    without_lead_in,
)
from models.recap.records import (
    RecapArticleRef,
    RecapAttendance,
    RecapCampaign,
    RecapNote,
    RecapParty,
    RecapProposal,
    RecapSession,
    RecapSnapshot,
    RecapTA,
    RecapTotals,
    RecapWithdrawal,
)
from models.rules import describe_numbers
from models.timeutil import utc_now, zone
from models.vocabulary import (
    AUDIENCES,
    ArticleStatus,
    Audience,
    Party,
    ProposalKind,
    Visibility,
)

if TYPE_CHECKING:
    from models.domain import Proposal, Session
    from models.store import Store


def build_snapshot(
    store: Store,
    session: int | None = None,
    audience: Audience = "members",
    now: datetime | None = None,
    lang: str = "en",
) -> RecapSnapshot:
    """The recap of one session (None: the latest started one) for `members` or the `team`.

    `now` (aware; default: the current instant) is when the recap is made: it stands in for
    the session's end while the session runs. Refuses an unknown or unstarted session, naming
    the sessions that have a recap. `lang` (not English): the team's texts in their
    translations into it where there are current ones; the others are listed as
    `untranslated`.
    """
    if audience not in AUDIENCES:
        raise DomainError(f"audience {audience!r} is not one of: members, team")
    if now is None:
        now = utc_now()
    elif now.tzinfo is None or now.utcoffset() is None:
        raise DomainError("now must carry a UTC offset")
    campaign = store.campaign()
    if campaign is None:
        raise DomainError("there is no campaign yet; run `bargain init`")
    tz = zone(campaign.timezone)
    sessions = store.sessions()
    target = _pick_session(sessions, session)
    assert target.started_at is not None
    team = audience == "team"

    def local(moment: datetime) -> datetime:
        return moment.astimezone(tz)

    as_of = target.ended_at if target.ended_at is not None else max(now, target.started_at)
    started_no_later = {
        s.number
        for s in sessions
        if s.started_at is not None
        and (s.started_at, s.number) <= (target.started_at, target.number)
    }

    from models.recap.texts import RecapTexts

    texts = RecapTexts(
        store, target.number, lang, names=(campaign.union.short, campaign.employer.short)
    )
    tr = texts.tr
    titles = store.article_titles()

    def title_of(number: str) -> str:
        return tr(texts.article_ids.get(number), "title", titles.get(number, ""))

    def refs(numbers: Iterable[str]) -> tuple[RecapArticleRef, ...]:
        return tuple(RecapArticleRef(number=n, title=title_of(n)) for n in numbers)

    # Standings as of the recap's instant: the proposals and TAs of this session and of every
    # session that started before it, and the withdrawals recorded up to the instant.
    # What members may see of embargoed proposals follows the one rule of models.board.
    embargo = campaign.embargo
    standings = audience_standings(
        store.moves(sessions=started_no_later, withdrawn_by=as_of),
        store.agreements(sessions=started_no_later),
        store.embargoed_seqs() if not team else (),
        audience,
        embargo,
    )
    today_proposals = [
        p
        for p in store.proposals(target.number, status=False)
        if exists_for(audience, embargo, p.embargoed)
    ]
    all_tas = [t for t in store.tas() if t.session in started_no_later]

    today_tas = [t for t in all_tas if t.session == target.number]
    moved = {n for p in today_proposals if p.kind is not ProposalKind.SUPPOSAL for n in p.articles}
    moved |= {n for t in today_tas for n in t.articles}

    board: list[BoardRow] = []
    for number, title in titles.items():
        standing = standings.get(number)
        if standing is None:
            board.append(BoardRow(number=number, title=title, status=ArticleStatus.NOT_OPENED))
            continue
        board.append(
            BoardRow(
                number=number,
                title=tr(texts.article_ids.get(number), "title", title),
                status=standing.status,
                holder=standing.holder,
                holding_since=local(standing.holding_since) if standing.holding_since else None,
                last_proposal=standing.last_proposal,
                moved_today=number in moved,
            )
        )

    proposals = tuple(
        _proposal(p, refs(p.articles), local(p.at), team, tr)
        for p in today_proposals
        if team or p.kind is not ProposalKind.SUPPOSAL
    )
    withdrawn_today = store.proposals(
        ids=store.withdrawn_between(target.started_at, as_of), status=False
    )
    withdrawals = tuple(
        RecapWithdrawal(
            id=p.id,
            at=local(p.withdrawn_at),
            by=p.by,
            withheld=not team and p.embargoed,
            label="" if not team and p.embargoed else tr(p.id, "label", p.label),
            articles=() if not team and p.embargoed else refs(p.articles),
        )
        for p in withdrawn_today
        if p.withdrawn_at is not None
        and p.session in started_no_later
        and (team or p.kind is not ProposalKind.SUPPOSAL)
        and exists_for(audience, embargo, p.embargoed)
    )
    sources = {t.proposal for t in today_tas if t.proposal}
    by_id = {p.id: p for p in store.proposals(ids=sources, status=False)} if sources else {}

    tas = []
    for t in today_tas:
        source = by_id.get(t.proposal) if t.proposal else None
        label = t.proposal_label
        if (
            not team
            and source is not None
            and (source.embargoed or source.kind is ProposalKind.SUPPOSAL)
        ):
            label = ""
        tas.append(
            RecapTA(
                id=t.id,
                at=local(t.at),
                articles=refs(t.articles),
                summary=without_lead_in(
                    tr(t.id, "summary", t.summary),
                    (name for n in t.articles[:1] for name in (n, titles.get(n, ""), title_of(n))),
                ),
                from_package=t.from_package,
                proposal_label=tr(t.proposal, "label", label),
            )
        )

    session_end = target.ended_at if target.ended_at is not None else as_of
    caucuses = tuple(
        _caucus(c, session_end, running=target.ended_at is None, team=team, local=local)
        for c in store.caucuses(target.number)
    )
    caucus_minutes = _minutes(
        _union_length(
            [(c.started_at, c.ended_at or session_end) for c in caucuses],
            target.started_at,
            session_end,
        )
    )
    session_minutes = _minutes(session_end - target.started_at)

    notes = tuple(
        RecapNote(
            id=n.id,
            at=local(n.at),
            kind=n.kind,
            text=tr(n.id, "text", n.text),
            speaker=n.speaker,
            party=n.party,
            team_only=n.visibility is Visibility.TEAM,
        )
        for n in store.notes(target.number)
        if team or n.visibility is Visibility.MEMBERS
    )

    answered, still_open = _requests(store, target, started_no_later, as_of, local)

    ta_total = sum(1 for s in standings.values() if s.status is ArticleStatus.TA)
    counted = [p for p in today_proposals if p.kind is not ProposalKind.SUPPOSAL]
    totals = RecapTotals(
        session_minutes=session_minutes,
        table_minutes=max(session_minutes - caucus_minutes, 0),
        caucus_minutes=caucus_minutes,
        proposals_union=sum(1 for p in counted if p.by is Party.UNION),
        proposals_employer=sum(1 for p in counted if p.by is Party.EMPLOYER),
        tas_today=len(today_tas),
        articles_tad_today=len({n for t in today_tas for n in t.articles}),
        articles_tad_total=ta_total,
        articles_opened=len(standings),
    )

    attendance = store.attendance(target.number)
    roster = {m.name: m for m in store.members()}
    team_at_table = tuple(roster.get(name) or Member(name=name) for name in attendance.present)
    answered = tuple(r._replace(text=tr(r.id, "text", r.text)) for r in answered)
    still_open = tuple(r._replace(text=tr(r.id, "text", r.text)) for r in still_open)
    next_session = _next_session(sessions, target, local)
    if next_session is not None and next_session.location:
        place_event = (
            texts.ended_ids.get(target.number)
            if target.next is not None
            else texts.scheduled_ids.get(next_session.number or 0)
        )
        next_session = next_session._replace(
            location=tr(place_event, "location", next_session.location)
        )
    won = tuple(
        RecapArticleRef(number=n, title=title_of(n))
        for n in titles
        if (s := standings.get(n)) is not None and s.status is ArticleStatus.TA
    )
    from models.money import money_table, session_ends

    money = money_table(
        store.term_moves(),
        session_ends(sessions, target.number, as_of),
        campaign.terms,
        campaign.our_side,
        team=team,
    )
    labels = [f"terms.{t.name}.label" for t in money.terms]  # translated like any text
    money = money._replace(
        terms=tuple(
            t._replace(label=tr(texts.setting_ids.get(field), field, t.label))
            for t, field in zip(money.terms, labels, strict=True)
        )
    )
    return RecapSnapshot(
        audience=audience,
        generated_at=local(now),
        as_of=local(as_of),
        campaign=RecapCampaign(
            title=tr(texts.setting_ids.get("title"), "title", campaign.title),
            union=RecapParty(
                side=Party.UNION, name=campaign.union.name, short=campaign.union.short
            ),
            employer=RecapParty(
                side=Party.EMPLOYER, name=campaign.employer.name, short=campaign.employer.short
            ),
            our_side=campaign.our_side,
            timezone=campaign.timezone,
            sender=campaign.recap.sender,
            recipients=campaign.recap.recipients,
            team_recipients=campaign.recap.team_recipients if team else "",
            signoff=tr(texts.setting_ids.get("signoff"), "signoff", campaign.recap.signoff),
            url=campaign.recap.url,
            watch=tr(texts.setting_ids.get("watch"), "watch", campaign.recap.watch),
        ),
        session=RecapSession(
            number=target.number,
            scheduled=local(target.starts),
            location=tr(texts.scheduled_ids.get(target.number), "location", target.location),
            mode=target.mode,
            kind=target.kind,
            mediator=target.mediator,
            started_at=local(target.started_at),
            ended_at=local(target.ended_at) if target.ended_at else None,
            running=target.ended_at is None,
        ),
        totals=totals,
        tas=tuple(tas),
        proposals=proposals,
        withdrawals=withdrawals,
        board=tuple(board),
        caucuses=caucuses,
        caucus_sides=_caucus_sides(caucuses),
        notes=notes,
        requests_answered=answered,
        requests_open=still_open,
        attendance=RecapAttendance(
            present=attendance.present, observers=attendance.observers, sites=attendance.sites
        ),
        next_session=next_session,
        call_to_action=tr(
            texts.ended_ids.get(target.number), "call_to_action", target.call_to_action
        ),
        lang=lang,
        headline=tr(texts.headline_id, "headline", texts.headline),
        lead=tr(texts.lead_id, "lead", texts.lead),
        untranslated=texts.untranslated(),
        won=won,
        team=team_at_table,
        money=money,
    )


def _pick_session(sessions: Sequence[Session], number: int | None) -> Session:
    started = [s for s in sessions if s.started_at is not None]
    have = describe_numbers([str(s.number) for s in started])
    if number is None:
        if not started:
            raise DomainError("no session has started yet; there is nothing to recap")
        return max(started, key=lambda s: (s.started_at, s.number))
    for candidate in sessions:
        if candidate.number == number:
            if candidate.started_at is None:
                raise DomainError(
                    f"session {number} has not started yet; sessions with a recap: {have}"
                )
            return candidate
    raise DomainError(f"session {number} does not exist; sessions with a recap: {have}")


def _proposal(
    p: Proposal,
    articles: tuple[RecapArticleRef, ...],
    at: datetime,
    team: bool,
    tr: Callable[[str | None, str, str], str],
) -> RecapProposal:
    if not team and p.embargoed:
        return RecapProposal(id=p.id, at=at, by=p.by, withheld=True, embargoed=True)
    return RecapProposal(
        id=p.id,
        at=at,
        by=p.by,
        kind=p.kind,
        label=tr(p.id, "label", p.label),
        articles=articles,
        summary=tr(p.id, "summary", p.summary),
        link=p.link,
        terms=dict(p.terms),
        embargoed=p.embargoed,
        internal_note=p.internal_note if team else "",
    )
