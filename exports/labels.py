"""The recap's headings and labels, by key (`t.<key>` in a template), in English.

English is the source language: each value is a gettext message id, translated through the
language's catalog (exports/locale/<code>/LC_MESSAGES/recap.po) when the recap is built.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Marks a message for the catalog (pybabel extract -k N_) without translating it."""
    return message


LABELS: dict[str, str] = {
    "update": N_("Bargaining update"),
    "team_minutes": N_("Team minutes"),
    "session": N_("Session"),
    "team_banner": N_(
        "Team minutes: not for members. They include team-only notes, internal notes, caucus "
        "purposes, supposals and embargoed details."
    ),
    "team_only": N_("Team only"),
    "embargoed": N_("Embargoed: do not publish"),
    "internal_note": N_("Internal note"),
    "purpose": N_("Purpose"),
    "at_a_glance": N_("At a glance"),
    "tas": N_("Tentative agreements"),
    "no_tas": N_("No TAs today."),
    "conditional": N_("Conditional on the package"),
    "from_proposal": N_("From"),
    "proposals": N_("Proposals passed"),
    "no_proposals": N_("No proposals were passed today."),
    "withheld": N_("details withheld under the ground rules"),
    "read_proposal": N_("Read the proposal"),
    "withdrawn_today": N_("Withdrawn today"),
    "standings": N_("Where things stand"),
    "no_articles": N_("No article has been opened yet."),
    "col_article": N_("Article"),
    "col_title": N_("Title"),
    "col_status": N_("Status"),
    "col_holder": N_("Ball in court"),
    "col_since": N_("Since"),
    "status_open": N_("Open"),
    "status_ta": N_("TA'd"),
    "status_not_opened": N_("Not opened"),
    "moved_today": N_("moved today"),
    "caucuses": N_("Caucuses"),
    "no_caucuses": N_("No caucuses today."),
    "joint": N_("Joint sidebar"),
    "mediator": N_("the mediator"),
    "notes": N_("Quotes and notes"),
    "no_notes": N_("No quotes or notes today."),
    "kind_commitment": N_("Commitment"),
    "kind_action": N_("Action"),
    "requests": N_("Information requests"),
    "answered_today": N_("Answered today"),
    "still_open": N_("Still open"),
    "no_requests": N_("No information requests are open."),
    "no_open_requests": N_("No other information requests are open."),
    "overdue": N_("overdue"),
    "attendance": N_("Attendance"),
    "no_attendance": N_("No attendance was recorded."),
    "next_session": N_("Next session"),
    "no_next": N_("The next session has not been scheduled yet."),
    "call_to_action": N_("What you can do"),
    "won": N_("What we have won so far (tentative until ratified)"),
    "footer": N_(
        "TAs are tentative agreements: nothing is final until members vote to ratify the "
        "whole agreement."
    ),
    "kind_initial": N_("opening proposal"),
    "kind_counter": N_("counterproposal"),
    "kind_package": N_("package"),
    "kind_supposal": N_("supposal, off the record"),
    "mode_zoom": N_("On Zoom"),
    "session_mediation": N_("Mediation session"),
    "session_fact_finding": N_("Fact-finding hearing"),
    "subject": N_("Bargaining update"),
    "subject_team": N_("Team minutes (team only, do not forward)"),
    "sender_placeholder": N_("Set the recap sender <sender@example.invalid>"),
    "recipients_placeholder": N_("Set the recap recipients <members@example.invalid>"),
    "sms_next": N_("Next"),
    "sms_no_next": N_("Next session: to be set."),
    "money": N_("Where the money stands"),
    "col_item": N_("Item"),
    "col_gap": N_("Gap"),
    "col_gap_money": N_("Gap in dollars"),
    "moved_new": N_("new"),
    "moved_none": N_("no change"),
}
