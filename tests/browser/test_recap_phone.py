"""The HTML recap in a real browser, at a phone's width (375 px) and a desktop client's (800 px).

Every demo session, for members and for the team, in English and Spanish: no horizontal scroll,
no element wider than the viewport, every section that has something to say is there and
visible inside the viewport, and no section that has nothing to say ("No caucuses today.").
A full-page screenshot of each is saved (see conftest.py) for a person to look at.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from email import message_from_string, policy
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from exports import render_recap
from exports.i18n import language
from models.demo import demo_events
from models.recap import Audience, RecapSnapshot, build_snapshot
from models.store import Store

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

DEMO_DAY = date(2026, 3, 22)
NOW = datetime.fromisoformat("2026-03-22T18:00:00-07:00")
SESSIONS = (1, 2, 3, 4, 5)
WIDTHS = (375, 800)

# What overflows, as the browser lays it out: the page's own scroll width, and every element
# whose box reaches past the viewport or whose content is wider than its box.
MEASURE = """() => {
  const vw = window.innerWidth;
  const describe = (el, why) =>
    `${el.tagName.toLowerCase()} (${why}): ${(el.textContent || '').trim().slice(0, 40)}`;
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.left < -0.5 || box.right > vw + 0.5) {
      found.push([el, `spans ${Math.round(box.left)}..${Math.round(box.right)}`]);
    } else if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      found.push([el, `content ${el.scrollWidth} in ${el.clientWidth}`]);
    }
  }
  // Name the innermost culprits, not every table and cell around them.
  const inside = (el) => found.some(([other]) => other !== el && el.contains(other));
  const innermost = found.filter(([el]) => !inside(el));
  return {
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    innerWidth: vw,
    offenders: innermost.slice(0, 8).map(([el, why]) => describe(el, why)),
  };
}"""


@pytest.fixture(scope="module")
def snapshots(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[tuple[int, str, str], RecapSnapshot]]:
    path = tmp_path_factory.mktemp("browser") / "demo.db"
    with Store(path, create=True) as store:
        store.import_journal(json.dumps(event) for event in demo_events(DEMO_DAY))
        audiences: tuple[Audience, ...] = ("members", "team")
        yield {
            (session, audience, lang): build_snapshot(store, session, audience, NOW, lang=lang)
            for session in SESSIONS
            for audience in audiences
            for lang in ("en", "es")
        }


def sections(snapshot: RecapSnapshot, lang: str) -> tuple[list[str], list[str]]:
    """The headings a reader must find, and the "nothing here" lines that must not be there."""
    t = language(lang).labels
    shown: list[str] = []
    empty: list[str] = []

    def section(heading: str, has: bool, *nothing: str) -> None:
        if has:
            shown.append(heading)
        else:
            empty.extend(nothing)

    attendance = snapshot.attendance
    # The action first: what members can do and the next session, right after the lead.
    section(t["call_to_action"], bool(snapshot.call_to_action))
    shown.append(t["next_session"])  # "not scheduled yet" is news, not an empty section
    section(t["money"], bool(snapshot.money.terms))  # then the money, before the details
    shown.append(t["at_a_glance"])
    section(t["tas"], bool(snapshot.tas), t["no_tas"])
    section(t["proposals"], bool(snapshot.proposals or snapshot.withdrawals), t["no_proposals"])
    section(t["standings"], bool(snapshot.opened_board), t["no_articles"])
    section(t["caucuses"], bool(snapshot.caucus_sides or snapshot.caucuses), t["no_caucuses"])
    section(t["notes"], bool(snapshot.notes), t["no_notes"])
    section(
        t["requests"],
        bool(snapshot.requests_open or snapshot.requests_answered),
        t["no_requests"],
    )
    section(
        t["attendance"],
        bool(attendance.present or attendance.observers or attendance.sites),
        t["no_attendance"],
    )
    section(t["won"], bool(snapshot.won))
    return shown, empty


def measure(page: Page, html: str, width: int) -> dict[str, Any]:
    page.set_viewport_size({"width": width, "height": 900})
    page.set_content(html, wait_until="load")
    result: dict[str, Any] = page.evaluate(MEASURE)
    return result


def assert_fits(result: dict[str, Any], width: int) -> None:
    assert result["innerWidth"] == width
    assert result["scrollWidth"] <= width, (
        f"the page scrolls sideways: {result['scrollWidth']} px wide in {width}; "
        f"{result['offenders']}"
    )
    assert result["bodyScrollWidth"] <= width, result["offenders"]
    assert not result["offenders"], f"wider than the viewport at {width} px: {result['offenders']}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("audience", ["members", "team"])
@pytest.mark.parametrize("session", SESSIONS)
def test_recap_reads_without_sideways_scroll(
    snapshots: dict[tuple[int, str, str], RecapSnapshot],
    page: Page,
    shoot: Any,
    tmp_path: Path,
    session: int,
    audience: str,
    lang: str,
    width: int,
) -> None:
    snapshot = snapshots[(session, audience, lang)]
    html = render_recap(snapshot, format="html", lang=lang, user_dir=tmp_path / "none")
    result = measure(page, html, width)
    shoot(f"session-{session}-{audience}-{lang}-{width}")
    assert_fits(result, width)

    shown, empty = sections(snapshot, lang)
    headings = [h.strip() for h in page.locator("h2").all_inner_texts()]
    assert headings == shown, "the sections, in order, are not the expected ones"
    for heading in page.locator("h1, h2").all():
        assert heading.is_visible()
        box = heading.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, heading.inner_text()
    for line in empty:
        assert line not in html, f"an empty section is printed: {line!r}"


@pytest.mark.parametrize("width", WIDTHS)
def test_eml_html_part_fits_a_phone(
    snapshots: dict[tuple[int, str, str], RecapSnapshot], page: Page, tmp_path: Path, width: int
) -> None:
    eml = render_recap(
        snapshots[(4, "members", "es")], format="eml", lang="es", user_dir=tmp_path / "none"
    )
    part = message_from_string(eml, policy=policy.default).get_body(("html",))
    assert part is not None
    assert_fits(measure(page, part.get_content(), width), width)


def test_the_measure_sees_a_page_too_wide(page: Page) -> None:
    """The check itself can fail: a table that will not wrap, at a phone's width."""
    html = (
        "<!DOCTYPE html><html><body style='margin:0'><table><tr>"
        "<td style='white-space:nowrap'>Ball in court since three days ago, every day</td>"
        "<td style='white-space:nowrap'>Professional Development and Evaluation</td>"
        "</tr></table></body></html>"
    )
    result = measure(page, html, 375)
    assert result["scrollWidth"] > 375
    assert result["offenders"]
    with pytest.raises(AssertionError, match="scrolls sideways"):
        assert_fits(result, 375)


LONG = "Supercalifragilistic" * 5  # 100 letters with nowhere to break
AT = "2026-03-01T09:01:00-08:00"  # set-up before the session: the rules follow `at`


@pytest.fixture(scope="module")
def long_words(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecapSnapshot]:
    """A session whose texts are words longer than a phone is wide: titles, links, names."""
    events: list[dict[str, Any]] = [
        {
            "type": "campaign.created",
            "at": "2026-03-01T09:00:00-08:00",
            "union": {"name": f"Union {LONG}", "short": "U" + "N" * 23},
            "employer": {"name": "District", "short": "D"},
            "timezone": "America/Los_Angeles",
            "title": LONG,
        },
        {"type": "article.added", "at": AT, "number": "Appendix" + "X" * 40, "title": LONG},
        {"type": "article.added", "at": AT, "number": "2", "title": "Safety"},
        {
            "type": "session.scheduled",
            "at": AT,
            "session": 1,
            "starts": "2026-03-10T16:30:00-07:00",
            "location": "https://zoom.example.org/j/" + "9" * 80,
        },
        {"type": "session.started", "at": "2026-03-10T16:31:00-07:00", "session": 1},
        {
            "type": "proposal.passed",
            "at": "2026-03-10T16:40:00-07:00",
            "session": 1,
            "by": "union",
            "articles": ["Appendix" + "X" * 40, "2"],
            "label": "U-" + LONG[:70],
            "summary": LONG,
            "link": "https://example.org/" + "p" * 120,
        },
        {
            "type": "note.added",
            "at": "2026-03-10T16:45:00-07:00",
            "session": 1,
            "text": f"See https://example.org/{LONG}{LONG}",
            "kind": "quote",
            "speaker": LONG,
            "party": "employer",
            "visibility": "members",
        },
        {
            "type": "session.ended",
            "at": "2026-03-10T18:00:00-07:00",
            "session": 1,
            "call_to_action": f"Sign at https://example.org/{LONG}",
        },
    ]
    path = tmp_path_factory.mktemp("long") / "long.db"
    with Store(path, create=True) as store:
        store.import_journal(json.dumps(event) for event in events)
        yield build_snapshot(store, 1, "members", NOW)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_words_longer_than_a_phone_break_instead_of_scrolling(
    long_words: RecapSnapshot, page: Page, shoot: Any, tmp_path: Path, lang: str
) -> None:
    html = render_recap(long_words, format="html", lang=lang, user_dir=tmp_path / "none")
    result = measure(page, html, 375)
    shoot(f"long-words-{lang}-375")
    assert_fits(result, 375)
