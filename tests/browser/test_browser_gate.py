"""The browser tests skip where chromium is missing, but never under CI: there they fail."""

from __future__ import annotations

import pytest

from tests.browser.conftest import chromium_path, missing_browser


def test_a_missing_browser_skips_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="chromium is not installed"):
        missing_browser("chromium is not installed")


def test_a_missing_browser_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the browser tests"):
        missing_browser("chromium is not installed")


def test_the_named_browser_is_the_one_looked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BARGAIN_CHROMIUM", "/nonexistent/chromium")
    assert chromium_path() is None
