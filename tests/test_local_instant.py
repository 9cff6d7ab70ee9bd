"""A local date and time of day as an instant (`models.timeutil.local_instant`): a time the
clocks skip is refused in words; a time they repeat is the first of the two."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from models.errors import DomainError
from models.timeutil import local_instant

TZ = "America/Los_Angeles"


def test_an_ordinary_time_is_that_time_in_the_campaigns_timezone() -> None:
    assert local_instant(date(2026, 3, 20), time(16, 30), TZ) == datetime(
        2026, 3, 20, 16, 30, tzinfo=ZoneInfo(TZ)
    )


def test_a_time_the_clocks_skip_is_refused() -> None:
    # 8 March 2026 in Riverbend: the clocks jump from 2:00 to 3:00.
    with pytest.raises(DomainError) as refused:
        local_instant(date(2026, 3, 8), time(2, 30), TZ)
    assert str(refused.value) == (
        "02:30 does not exist on 2026-03-08 in America/Los_Angeles (the clocks jump forward);"
        " pick another time"
    )


def test_a_time_the_clocks_repeat_is_the_first_of_the_two() -> None:
    # 1 November 2026: the clocks fall back from 2:00 to 1:00; 1:30 happens twice.
    starts = local_instant(date(2026, 11, 1), time(1, 30), TZ)
    assert starts.utcoffset() == timedelta(hours=-7)  # still daylight time
