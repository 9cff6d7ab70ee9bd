"""Run after the browser tests (files run in name order): Playwright leaves no event loop
running, so the asyncio tests of the rest of the suite (Textual's Pilot) still run."""

from __future__ import annotations

import asyncio


def test_no_event_loop_is_left_running() -> None:
    assert asyncio._get_running_loop() is None  # what asyncio.run() checks first


async def test_an_asyncio_test_still_runs() -> None:
    await asyncio.sleep(0)
