"""A real browser for the recap's HTML: Debian's chromium, headless, driven by Playwright.

Playwright's own browser download is not used (never run `playwright install`): the tests
launch the system's chromium through `executable_path`. Where it is missing (or Playwright
is not installed) the tests skip with the reason; with `CI=true` in the environment a missing
browser fails them instead, so CI never passes by skipping.

Screenshots go to `$BARGAIN_SCREENSHOTS` when set, else to a temporary folder; the folder is
printed at the end of the run so a person can look at them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

_SHOTS: list[Path] = []


def chromium_path() -> str | None:
    """The system chromium: `$BARGAIN_CHROMIUM`, /usr/bin/chromium, or one on PATH."""
    wanted = os.environ.get("BARGAIN_CHROMIUM")
    candidates = [wanted] if wanted else ["/usr/bin/chromium", "chromium", "chromium-browser"]
    for candidate in candidates:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def missing_browser(reason: str) -> None:
    """Skip the test (fail it under CI=true): the browser it needs is not here."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must run the browser tests (.ci/run installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One chromium per test module. Not per session: while Playwright's sync API is open, its
    event loop counts as running in this thread, and every asyncio test after it would fail
    ("Runner.run() cannot be called from a running event loop")."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_browser("Playwright is not installed (pip install -e '.[test]')")
    executable = chromium_path()
    if executable is None:
        missing_browser("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 800, "height": 900}, java_script_enabled=True)
    # An e-mail body loads nothing from outside; neither does the test.
    context.route("**/*", lambda route: route.abort())
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    chosen = os.environ.get("BARGAIN_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def shoot(page: Page, screenshot_dir: Path) -> Any:
    def take(name: str) -> Path:
        path = screenshot_dir / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        _SHOTS.append(path)
        return path

    return take


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _SHOTS:
        folder = _SHOTS[0].parent
        terminalreporter.write_line(f"browser screenshots ({len(_SHOTS)}): {folder}")
