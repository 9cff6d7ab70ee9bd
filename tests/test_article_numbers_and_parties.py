"""Article numbers of any digits and a note's party other than the two sides (issue 12,
defect 3; DESIGN.md, "note"): accepted, sorted, and read everywhere."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from exports import LANGS, render_recap
from models.errors import DomainError
from models.fields import ArticleNumber
from models.recap import build_snapshot
from models.rules import describe_numbers, natural_key
from models.store import Store
from tests.values_support import AT, LATER, every_read

_NUMBER = TypeAdapter(ArticleNumber)

# --------------------------------------------------------------- article numbers


UNICODE_DIGITS = ["²", "①", "٣", "１２", "１２.３", "Ⅻ", "𝟗", "12.²", "৩"]


@pytest.mark.parametrize("typed", UNICODE_DIGITS)
def test_article_numbers_of_any_digits_sort(typed: str) -> None:
    number = _NUMBER.validate_python(typed)
    ordered = sorted([number, "2", "10", "Appendix A"], key=natural_key)
    assert number in ordered
    describe_numbers([number, "1", "2"])


def test_full_width_digits_are_the_article_they_look_like() -> None:
    assert _NUMBER.validate_python("１２") == "12"
    assert _NUMBER.validate_python("１２.３") == "12.3"
    assert _NUMBER.validate_python("²") == "2"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=20), min_size=1, max_size=8))
def test_every_accepted_number_sorts_deterministically(texts: list[str]) -> None:
    numbers: list[str] = []
    for text in texts:
        try:
            numbers.append(_NUMBER.validate_python(text))
        except ValidationError:
            continue
    ordered = sorted(numbers, key=natural_key)
    assert sorted(reversed(numbers), key=natural_key) == ordered
    assert sorted(ordered, key=natural_key) == ordered
    describe_numbers(numbers)


def test_numbers_still_sort_naturally() -> None:
    assert natural_key("2") < natural_key("10")
    assert natural_key("12") < natural_key("12.3") < natural_key("12.10")
    assert natural_key("12") < natural_key("Appendix A")
    assert sorted(["a", "A"], key=natural_key) == sorted(["A", "a"], key=natural_key)


def test_board_articles_and_recap_work_on_articles_of_any_digits(small_store: Store) -> None:
    for index, typed in enumerate(["²²", "⑦", "٣", "１２.３", "ⅸ"]):
        small_store.record(
            {"type": "article.added", "at": AT, "number": typed, "title": f"Odd {index}"}
        )
    small_store.record(
        {
            "type": "proposal.passed",
            "at": AT,
            "session": 1,
            "by": "employer",
            "articles": ["٣", "１２.３", "⑦", "22"],
            "label": "RUSD odd digits",
        }
    )
    numbers = [article.number for article in small_store.articles()]
    assert {"22", "7", "٣", "12.3", "ix"} <= set(numbers)
    with pytest.raises(DomainError, match="article 1 already exists"):
        small_store.record({"type": "article.added", "at": AT, "number": "①", "title": "X"})
    every_read(small_store)


# ------------------------------------------------------------------ note's party


@pytest.mark.parametrize("party", ["union", "employer", "mediator", "other"])
def test_a_note_may_name_any_party(small_store: Store, party: str) -> None:
    small_store.record(
        {
            "type": "note.added",
            "id": "v-np",
            "at": AT,
            "session": 1,
            "text": "We can meet.",
            "kind": "quote",
            "speaker": "Dana Ortiz",
            "party": party,
            "visibility": "members",
        }
    )
    note = next(n for n in small_store.notes(1) if n.id == "v-np")
    assert note.party == party
    every_read(small_store)


def _recap(store: Store, fmt: str, lang: str) -> str:
    return render_recap(build_snapshot(store, 1, "members", now=LATER), format=fmt, lang=lang)


def test_the_recap_names_the_mediator_as_such(small_store: Store) -> None:
    small_store.record(
        {
            "type": "note.added",
            "id": "v-med",
            "at": AT,
            "session": 1,
            "text": "Take ten minutes.",
            "kind": "quote",
            "speaker": "Dana Ortiz",
            "party": "mediator",
            "visibility": "members",
        }
    )
    small_store.record(
        {
            "type": "note.added",
            "id": "v-obs",
            "at": AT,
            "session": 1,
            "text": "Thank you.",
            "kind": "quote",
            "speaker": "A parent",
            "party": "other",
            "visibility": "members",
        }
    )
    english = _recap(small_store, "md", "en")
    assert "“Take ten minutes.” — Dana Ortiz, the mediator" in english
    assert "“Thank you.” — A parent\n" in english
    spanish = _recap(small_store, "md", "es")
    assert "“Take ten minutes.” — Dana Ortiz, la mediadora o el mediador" in spanish
    words = {"en": "Dana Ortiz, the mediator", "es": "Dana Ortiz, la mediadora o el mediador"}
    for lang in LANGS:
        assert words[lang] in _recap(small_store, "html", lang)
        assert words[lang] in _recap(small_store, "eml", lang)
        notes = json.loads(_recap(small_store, "json", lang))
        assert "mediator" in json.dumps(notes)


def test_a_note_party_outside_the_four_is_refused(small_store: Store) -> None:
    with pytest.raises(DomainError, match="party"):
        small_store.record(
            {"type": "note.added", "at": AT, "session": 1, "text": "x", "party": "press"}
        )
