"""Runs the write API's state machine: `short` in `make test`, `long` in `make fuzz`.

The short profile is one hypothesis run of a few dozen examples. `make fuzz` sets
`FUZZ_PROFILE=long` and `FUZZ_SECONDS`: hypothesis runs of longer step sequences, each with a
fresh random seed, one after another until the time is up. Either way the last line printed
is a summary to quote: runs, examples, steps, writes accepted and refused, seconds.
"""

from __future__ import annotations

import os
import time

import pytest
from hypothesis import HealthCheck, settings

from tests.fuzz.machine import COUNTS, WriteApi

settings.register_profile(
    "short",
    max_examples=30,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
settings.register_profile(
    "long",
    max_examples=25,  # one run of a few minutes: the time budget is checked between runs
    stateful_step_count=50,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
PROFILE = os.environ.get("FUZZ_PROFILE", "short")
SECONDS = float(os.environ.get("FUZZ_SECONDS", "0"))

pytestmark = pytest.mark.fuzz


def test_write_api_state_machine() -> None:
    started = time.monotonic()
    for key in COUNTS:
        COUNTS[key] = 0
    runs = 0
    WriteApi.TestCase.settings = settings.get_profile(PROFILE)
    try:
        while True:
            WriteApi.TestCase().runTest()  # a fresh random seed each time
            runs += 1
            if time.monotonic() - started >= SECONDS:
                break
    finally:
        print(
            f"\nfuzz summary: profile={PROFILE} runs={runs} examples={COUNTS['examples']}"
            f" steps={COUNTS['steps']} accepted={COUNTS['writes']} refused={COUNTS['refused']}"
            f" seconds={time.monotonic() - started:.0f}"
            f" skipped={os.environ.get('FUZZ_SKIP') or 'nothing'}"
        )
