"""The text blast's limits, as properties: never over 320 characters as a person counts them,
one GSM-7 segment when the essentials fit in one, the call to action never dropped; and the
segments counted as carriers count them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports import render_recap
from exports.sms import SMS_LIMIT, SMS_TARGET
from exports.sms_count import person_length, segments
from models.demo import demo_events
from models.recap import RecapSnapshot, build_snapshot
from models.store import Store

NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")


@pytest.fixture(scope="module")
def snapshots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[RecapSnapshot]]:
    path = tmp_path_factory.mktemp("sms") / "demo.db"
    with Store(path, create=True) as store:
        store.import_journal(json.dumps(e) for e in demo_events(date(2026, 3, 22)))
        yield [build_snapshot(store, n, "members", NOW) for n in range(1, 6)]


words = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn"))
    | st.sampled_from(list("abc XYZ.,€[]{}^~|\\áéñ😀")),
    max_size=400,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(number=st.integers(1, 5), cta=words, headline=words, lang=st.sampled_from(["en", "es"]))
def test_the_blast_keeps_its_limits_and_its_action(
    snapshots: list[RecapSnapshot], number: int, cta: str, headline: str, lang: str
) -> None:
    cta = " ".join(cta.split())
    snapshot = snapshots[number - 1].model_copy(
        update={"call_to_action": cta, "headline": " ".join(headline.split())[:120]}
    )
    text = render_recap(snapshot, format="sms", lang=lang).rstrip("\n")
    assert person_length(text) <= SMS_LIMIT
    if cta:
        # The action is there, whole or shortened (never dropped).
        assert cta[:20].rstrip(" ,;:") in text or cta.rstrip(".")[:20] in text
    url = snapshot.campaign.url
    if url and person_length(cta) < 150:
        assert url in text


def test_one_segment_when_the_essentials_fit(snapshots: list[RecapSnapshot]) -> None:
    snapshot = snapshots[2].model_copy(update={"call_to_action": "Wear red.", "headline": "TA!"})
    text = render_recap(snapshot, format="sms").rstrip("\n")
    assert person_length(text) <= SMS_TARGET
    assert segments(text).segments == 1 and segments(text).encoding == "GSM-7"


@pytest.mark.parametrize(
    ("text", "encoding", "units", "count"),
    [
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("€" * 80, "GSM-7", 160, 1),  # an extension character takes two septets
        ("€" * 81, "GSM-7", 162, 2),
        ("é" * 160, "GSM-7", 160, 1),  # é is in the GSM-7 basic set
        ("á" + "a" * 69, "UCS-2", 70, 1),  # á is not: the whole text is UCS-2
        ("á" + "a" * 70, "UCS-2", 71, 2),
        ("á" * 134, "UCS-2", 134, 2),
        ("á" * 135, "UCS-2", 135, 3),
        ("😀" * 35, "UCS-2", 70, 1),  # an emoji is two UTF-16 units
    ],
)
def test_segments_are_counted_as_carriers_count_them(
    text: str, encoding: str, units: int, count: int
) -> None:
    result = segments(text)
    assert (result.encoding, result.units, result.segments) == (encoding, units, count)


@pytest.mark.parametrize(
    ("text", "length"),
    [("abc", 3), ("cafe\u0301", 4), ("👩‍👩‍👧", 1), ("👍🏽", 1), ("❤️", 1), ("", 0)],
)
def test_characters_are_counted_as_a_person_counts_them(text: str, length: int) -> None:
    assert person_length(text) == length


@given(st.text(max_size=500))
def test_segments_never_undercount(text: str) -> None:
    result = segments(text)
    per = 153 if result.encoding == "GSM-7" else 67
    single = 160 if result.encoding == "GSM-7" else 70
    assert result.units <= (single if result.segments == 1 else per * result.segments)
    assert result.segments >= 1
