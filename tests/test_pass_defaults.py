"""The pass dialog's defaults follow the articles typed: the holder passes, counter once in play."""

from __future__ import annotations

from models.board import BoardRow
from models.pass_defaults import PassDefaults, in_play, initial_warning, pass_defaults
from models.vocabulary import ArticleStatus, Party, ProposalKind

BOARD = [
    BoardRow("1", "Recognition", ArticleStatus.NOT_OPENED),
    BoardRow("2", "Definitions", ArticleStatus.NOT_OPENED),
    BoardRow("7", "Leaves", ArticleStatus.OPEN, holder=Party.UNION),
    BoardRow("9", "Evaluation", ArticleStatus.OPEN),  # every proposal withdrawn: no holder
    BoardRow("12", "Salaries", ArticleStatus.OPEN, holder=Party.EMPLOYER),
    BoardRow("14", "Safety", ArticleStatus.TA),
]


def test_the_holder_of_the_typed_article_passes_a_counter() -> None:
    assert pass_defaults(BOARD, ["12"], Party.UNION) == PassDefaults(
        Party.EMPLOYER, ProposalKind.COUNTER
    )
    assert pass_defaults(BOARD, ["7"], Party.EMPLOYER) == PassDefaults(
        Party.UNION, ProposalKind.COUNTER
    )


def test_articles_never_opened_get_an_initial_from_our_side() -> None:
    assert pass_defaults(BOARD, ["1", "2"], Party.UNION) == (Party.UNION, ProposalKind.INITIAL)
    assert pass_defaults(BOARD, ["1"], Party.EMPLOYER) == (Party.EMPLOYER, ProposalKind.INITIAL)


def test_one_article_in_play_makes_it_a_counter_by_its_holder() -> None:
    assert pass_defaults(BOARD, ["1", "12"], Party.UNION) == (Party.EMPLOYER, ProposalKind.COUNTER)


def test_the_first_typed_holder_counts() -> None:
    assert pass_defaults(BOARD, ["7", "12"], Party.UNION).side is Party.UNION
    assert pass_defaults(BOARD, ["12", "7"], Party.UNION).side is Party.EMPLOYER


def test_an_opened_article_with_nothing_on_the_table_is_still_in_play() -> None:
    assert pass_defaults(BOARD, ["9"], Party.UNION) == (Party.UNION, ProposalKind.COUNTER)


def test_nothing_typed_or_unknown_numbers_give_our_side_and_a_counter() -> None:
    assert pass_defaults(BOARD, [], Party.UNION) == (Party.UNION, ProposalKind.COUNTER)
    assert pass_defaults(BOARD, ["99"], Party.EMPLOYER) == (Party.EMPLOYER, ProposalKind.COUNTER)


def test_in_play_lists_opened_articles_in_the_order_typed() -> None:
    assert in_play(BOARD, ["14", "1", "12", "9"]) == ["14", "12", "9"]


def test_initial_for_an_article_in_play_is_warned() -> None:
    warning = initial_warning(BOARD, ["1", "12"], ProposalKind.INITIAL)
    assert warning.startswith("12 is already in play")
    assert "are already" in initial_warning(BOARD, ["7", "12"], ProposalKind.INITIAL)


def test_no_warning_for_a_counter_or_for_articles_not_opened() -> None:
    assert initial_warning(BOARD, ["12"], ProposalKind.COUNTER) == ""
    assert initial_warning(BOARD, ["1", "2"], ProposalKind.INITIAL) == ""
    assert initial_warning(BOARD, [], ProposalKind.INITIAL) == ""
