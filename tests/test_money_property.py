"""Property: no supposal's and, for members, no embargoed proposal's number reaches a member
output: not the money table, not the chart's numbers, not any format's text. And each side's
position is its latest visible proposal on the record, withdrawals counted as of each session.

Hidden proposals carry numbers from their own range (900.37, 901.37, ...) so that any of them
found in an output is a leak.
"""

from __future__ import annotations

import json
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports import render_recap
from exports.chart import chart_numbers
from models.recap import build_snapshot
from models.store import Store

T0 = datetime.fromisoformat("2026-01-13T16:00:00-08:00")
NOW = T0 + timedelta(days=30)

proposal = st.tuples(
    st.sampled_from([1, 2, 3]),  # session
    st.sampled_from(["union", "employer"]),
    st.sampled_from(["counter", "counter", "supposal"]),
    st.booleans(),  # embargoed
    st.integers(min_value=1, max_value=40),  # a visible value
    st.sampled_from([None, None, "same", "later"]),  # withdrawn: no, in its session, after it
)


def journal(moves: list[tuple[int, str, str, bool, int, str | None]]) -> tuple[list[str], dict]:
    lines = [
        {"type": "campaign.created", "id": "c", "at": "2026-01-05T17:00:00-08:00",
         "union": {"name": "U", "short": "UA"}, "employer": {"name": "E", "short": "ED"},
         "timezone": "America/Los_Angeles"},
        {"type": "campaign.updated", "id": "t", "at": "2026-01-05T17:00:01-08:00",
         "terms": {"pay": {"label": "Pay", "unit": "%", "cost_per_unit": 1000}}},
        {"type": "article.added", "id": "a", "at": "2026-01-05T17:00:02-08:00",
         "number": "5", "title": "Salary"},
    ]  # fmt: skip
    hidden: dict[str, float] = {}
    events: list[tuple[datetime, dict]] = []
    for n in (1, 2, 3):
        start = T0 + timedelta(days=7 * (n - 1))
        lines.append({"type": "session.scheduled", "id": f"s{n}", "at": "2026-01-05T17:01:00-08:00",
                      "session": n, "starts": start.isoformat()})  # fmt: skip
        events.append((start, {"type": "session.started", "session": n}))
        events.append((start + timedelta(hours=3), {"type": "session.ended", "session": n}))
    for i, (session, by, kind, embargoed, value, withdrawn) in enumerate(moves):
        secret = kind == "supposal" or embargoed
        number = 900 + i + 0.37 if secret else float(value)
        if secret:
            hidden[f"p{i}"] = number
        at = T0 + timedelta(days=7 * (session - 1), minutes=10 + i)
        events.append((at, {"type": "proposal.passed", "id": f"p{i}", "session": session,
                            "by": by, "articles": ["5"], "label": f"P{i}", "kind": kind,
                            "embargoed": embargoed, "terms": {"pay": number}}))  # fmt: skip
        if withdrawn:
            later = at + timedelta(minutes=1 if withdrawn == "same" else 60 * 24 * 3)
            events.append((later, {"type": "proposal.withdrawn", "proposal": f"p{i}", "by": by}))
    events.sort(key=lambda pair: pair[0])
    for at, line in events:
        lines.append({**line, "at": at.isoformat()})
    return [json.dumps(line) for line in lines], hidden


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(proposal, min_size=1, max_size=8))
def test_no_hidden_number_reaches_a_member_output(moves: list) -> None:
    lines, hidden = journal(moves)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.db"
        with Store(path, create=True) as store:
            store.import_journal(lines)
            visible = sorted(  # in journal order: by session, then as passed
                ((i, m) for i, m in enumerate(moves) if m[2] != "supposal" and not m[3]),
                key=lambda pair: (pair[1][0], pair[0]),
            )
            for session in (1, 2, 3):
                snapshot = build_snapshot(store, session, "members", NOW)
                money = snapshot.money
                numbers = [
                    v
                    for t in money.terms
                    for v in (
                        t.ours,
                        t.theirs,
                        t.ours_before,
                        t.theirs_before,
                        *t.ours_series,
                        *t.theirs_series,
                    )
                    if v is not None
                ]
                assert not set(numbers) & set(hidden.values())
                assert not set(chart_numbers(money)) & set(hidden.values())
                # each side's position: its latest visible proposal not withdrawn by the end
                for side, position in (("union", "ours"), ("employer", "theirs")):
                    standing = [
                        float(m[4])
                        for i, m in visible
                        if m[1] == side and m[0] <= session
                        and not (m[5] == "same" or (m[5] == "later" and m[0] < session))
                    ]  # fmt: skip
                    got = getattr(money.terms[0], position) if money.terms else None
                    assert got == (standing[-1] if standing else None)
                for fmt in ("md", "html", "eml", "json", "sms"):
                    text = render_recap(snapshot, format=fmt, user_dir=Path(folder))
                    for number in hidden.values():
                        assert f"{number:g}" not in text, (fmt, number)
