"""The store on real SQLite files: validation by the rules of the table, undo and redo, and
what it reads back (suggested labels, the current session, open requests' dues)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from models import actions
from models.domain import AgendaStatus, ArticleStatus, CaucusSide, Party, ProposalKind, Visibility
from models.errors import DomainError
from models.store import Store


def test_unknown_article_message_lists_the_known_ones(small_store: Store) -> None:
    with pytest.raises(DomainError, match=r"article 14 does not exist; known articles: 1-4, 10"):
        small_store.record(
            {
                "type": "proposal.passed",
                "session": 1,
                "by": "union",
                "articles": ["14"],
                "label": "X",
            }
        )


def test_a_tad_article_takes_no_more_proposals(small_store: Store) -> None:
    with pytest.raises(DomainError, match="article 1 was TA'd in session 1"):
        small_store.record(
            {
                "type": "proposal.passed",
                "session": 1,
                "by": "union",
                "articles": ["1"],
                "label": "X",
            }
        )


def test_board_and_statuses_of_the_small_campaign(small_store: Store) -> None:
    board = {row.number: row for row in small_store.board()}
    assert board["1"].status is ArticleStatus.TA
    assert board["3"].holder is Party.UNION and board["3"].last_proposal == "RUSD #1"
    assert board["4"].holder is Party.EMPLOYER
    assert board["10"].status is ArticleStatus.NOT_OPENED
    assert [n.number for n in small_store.board()] == ["1", "2", "3", "4", "10"]


def test_withdrawing_a_package_frees_every_article(small_store: Store) -> None:
    live = small_store
    live.record({"type": "session.scheduled", "session": 2, "starts": "2026-03-17T16:30:00-07:00"})
    event = actions.pass_proposal(
        live, session=2, by=Party.EMPLOYER, articles=["2", "10"], label="RUSD #2", kind="package"
    )
    actions.withdraw_proposal(live, event.id)
    board = {row.number: row for row in live.board()}
    assert board["2"].status is ArticleStatus.OPEN and board["2"].holder is None
    assert board["10"].holder is None


def test_ta_on_a_package_covers_every_article(live_store: Store) -> None:
    package = live_store.proposals()[0]
    actions.sign_ta(
        live_store,
        session=2,
        proposal=package.id,
        articles=["3"],
        initials_union="AR",
        initials_employer="JL",
    )
    ta = live_store.tas()[-1]
    assert ta.articles == ("3", "4") and ta.from_package
    board = {row.number: row for row in live_store.board()}
    assert board["4"].status is ArticleStatus.TA


def test_caucus_rules(live_store: Store) -> None:
    actions.call_caucus(live_store, session=2, side=CaucusSide.UNION, minutes=20, purpose="x")
    with pytest.raises(DomainError, match="already in caucus"):
        actions.call_caucus(live_store, session=2, side=CaucusSide.UNION, minutes=5)
    actions.call_caucus(live_store, session=2, side=CaucusSide.EMPLOYER, minutes=10)
    actions.extend_caucus(live_store, session=2, side=CaucusSide.UNION, minutes=10)
    (union, employer) = live_store.caucuses(2)
    assert union.due_back - union.started_at == (employer.due_back - employer.started_at) * 3
    note = actions.add_note(live_store, session=2, text="while we are out")
    assert note.data["visibility"] == Visibility.TEAM.value
    actions.end_caucus(live_store, session=2, side=CaucusSide.UNION)
    note = actions.add_note(live_store, session=2, text="back at the table")
    assert note.data["visibility"] == Visibility.MEMBERS.value
    with pytest.raises(DomainError, match="no caucus running"):
        actions.end_caucus(live_store, session=2, side=CaucusSide.JOINT)


@pytest.mark.parametrize("minutes", [0, 10_000, -5])
def test_caucus_minutes_out_of_range_are_refused(live_store: Store, minutes: int) -> None:
    with pytest.raises(DomainError, match="minutes must be between 1 and 480"):
        actions.call_caucus(live_store, session=2, side=CaucusSide.UNION, minutes=minutes)


def test_agenda_moves_on(live_store: Store) -> None:
    for title in ("Opening", "Salary", "Leaves"):
        actions.add_agenda_item(live_store, 2, title, minutes=10)
    actions.next_agenda_item(live_store, 2)
    actions.skip_agenda_item(live_store, 2)
    actions.next_agenda_item(live_store, 2)
    statuses = [item.status for item in live_store.agenda(2)]
    assert statuses == [AgendaStatus.DONE, AgendaStatus.SKIPPED, AgendaStatus.ACTIVE]
    actions.next_agenda_item(live_store, 2)
    assert live_store.agenda(2)[2].status is AgendaStatus.DONE
    with pytest.raises(DomainError, match="every agenda item of session 2 is done"):
        actions.next_agenda_item(live_store, 2)


def test_undo_and_redo_of_every_kind_of_event(live_store: Store) -> None:
    store = live_store
    board_before = store.board()
    made = [
        actions.add_article(store, "11", "Safety"),
        actions.add_agenda_item(store, 2, "Safety", minutes=5, articles=["11"]),
        actions.next_agenda_item(store, 2),
        actions.pass_proposal(
            store, session=2, by=Party.EMPLOYER, articles=["11"], label="RUSD #2", summary="s"
        ),
        actions.call_caucus(store, session=2, side=CaucusSide.UNION, minutes=10),
        actions.extend_caucus(store, session=2, side=CaucusSide.UNION, minutes=5),
        actions.end_caucus(store, session=2, side=CaucusSide.UNION),
        actions.add_note(store, session=2, text="n"),
        actions.make_info_request(store, session=2, by=Party.UNION, text="numbers"),
        actions.sign_ta(
            store, session=2, articles=["11"], initials_union="a", initials_employer="b"
        ),
    ]
    request = store.info_requests()[-1]
    made.append(actions.answer_info_request(store, request.id, session=2))
    for event in reversed(made):
        assert store.last_undoable().id == event.id
        store.undo(event.id)
    assert store.board() == board_before
    assert store.notes(2) == [] and store.caucuses(2) == [] and store.agenda(2) == []
    for event in made:
        undo = store.last_redoable()
        assert undo is not None and undo.data["event"] == event.id
        store.undo(undo.id)
    assert store.board()[-1].status is ArticleStatus.TA
    assert store.info_requests()[-1].answered


def test_undo_refuses_when_a_later_event_depends_on_it(live_store: Store) -> None:
    proposal = actions.pass_proposal(
        live_store, session=2, by=Party.UNION, articles=["2"], label="REA #2"
    )
    actions.withdraw_proposal(live_store, proposal.id)
    with pytest.raises(DomainError, match=r"proposal.withdrawn .* depends on it"):
        live_store.undo(proposal.id)


def test_redo_refused_when_the_number_is_taken_again(live_store: Store) -> None:
    added = actions.add_article(live_store, "11", "Safety")
    live_store.undo(added.id)
    actions.add_article(live_store, "11", "Health and Safety")
    undo = live_store.last_redoable()
    assert undo is not None
    with pytest.raises(DomainError, match=r"cannot bring back article.added .*article 11 already"):
        live_store.undo(undo.id)


def test_suggested_labels_count_each_side_on_the_record_and_supposals_apart(
    live_store: Store,
) -> None:
    def suggest(by: Party, kind: ProposalKind) -> str:
        return actions.suggest_label(live_store, by, kind)

    def passed(by: Party, kind: ProposalKind) -> str:
        label = suggest(by, kind)
        actions.pass_proposal(live_store, session=2, by=by, articles=["2"], label=label, kind=kind)
        return label

    before = live_store.proposal_tally(Party.UNION)
    first = passed(Party.UNION, ProposalKind.COUNTER)
    assert first == f"REA #{before[0] + 1}"
    assert passed(Party.UNION, ProposalKind.SUPPOSAL) == f"REA supposal {before[1] + 1}"
    # the supposal is off the record: the next counter is the next number after `first`
    assert suggest(Party.UNION, ProposalKind.COUNTER) == f"REA #{before[0] + 2}"
    package = passed(Party.UNION, ProposalKind.PACKAGE)
    assert package == f"REA #{before[0] + 2} (package)"
    # a package's number is taken too, whatever the next proposal's kind
    assert suggest(Party.UNION, ProposalKind.COUNTER) == f"REA #{before[0] + 3}"
    # a number typed by hand ahead of the count is skipped, in any case
    actions.pass_proposal(
        live_store, session=2, by=Party.UNION, articles=["2"], label=f"rea #{before[0] + 4}"
    )
    assert suggest(Party.UNION, ProposalKind.COUNTER) == f"REA #{before[0] + 5}"
    assert suggest(Party.EMPLOYER, ProposalKind.SUPPOSAL).endswith("supposal 1")


def _current_by_every_session(store: Store) -> int | None:
    """The current-session rule applied to every session read whole (the oracle)."""
    sessions = store.sessions()
    running = [s for s in sessions if s.running]
    if running:
        return running[-1].number
    started = [s for s in sessions if s.started_at is not None]
    if started:
        return max(started, key=lambda s: s.started_at or s.starts).number
    return sessions[0].number if sessions else None


def test_current_session_is_the_running_else_the_latest_started_else_the_first(
    db_path: Path, small_store: Store
) -> None:
    empty = Store(db_path.with_name("empty.db"), create=True, seat="lead")
    assert empty.current_session() is None
    empty.close()

    store = small_store
    starts = store.session(1).starts
    steps = [
        (lambda: None, 1),  # session 1 ended: the latest started
        (lambda: actions.schedule_session(store, number=3, starts=starts), 1),
        (lambda: actions.schedule_session(store, number=2, starts=starts), 1),
        (lambda: actions.start_session(store, 3), 3),  # running
        (lambda: actions.end_session(store, 3), 3),
        (lambda: actions.start_session(store, 2), 2),  # running, a lower number
        (lambda: actions.end_session(store, 2), 2),  # all ended: 2 started last
    ]
    for step, expected in steps:
        step()
        current = store.current_session()
        assert current is not None and current.number == expected
        assert current.number == _current_by_every_session(store)
        assert current == store.session(expected)  # read whole, next session and all


def test_open_request_dues_leave_out_answered_and_undone_requests(live_store: Store) -> None:
    store = live_store
    before = store.open_request_dues()
    dues = [date(2026, 4, 1), None, date(2026, 3, 20)]
    for index, due in enumerate(dues):
        actions.make_info_request(
            store, session=2, by=Party.UNION, text=f"request {index}", due=due
        )
    assert store.open_request_dues() == [*before, *dues]
    first, second, third = store.info_requests()[-3:]
    actions.answer_info_request(store, second.id, session=2)
    undone = actions.make_info_request(store, session=2, by=Party.EMPLOYER, text="withdrawn")
    store.undo(undone.id)
    assert store.open_request_dues() == [*before, first.due, third.due]
    assert store.open_request_dues() == [r.due for r in store.info_requests() if not r.answered]
