"""One recap snapshot, many formats: Markdown, HTML, .eml, text blast, JSON and the board CSV.

Pure functions: a snapshot in, text out. Nothing here writes; the only reading is of templates.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exports.escape import (
    Safe,
    html_lines,
    md_lines,
    md_link,
    md_table,
    safe_link,
    text_lines,
)
from exports.i18n import language
from exports.sandbox import is_record
from exports.sms import SMS_LIMIT, build_sms
from exports.sms_count import person_length
from exports.templating import BUILT_IN, RenderOptions, render_template
from exports.view import build_context
from models.errors import DomainError
from models.vocabulary import RECAP_FORMATS as FORMATS

if TYPE_CHECKING:
    from email.headerregistry import Address
    from email.message import EmailMessage

    from exports.chart import ChartInputs
    from exports.kept import Kept
    from models.recap import RecapSnapshot

JSON_FORMAT = "open-bargaining.recap"
JSON_VERSION = 1

_TEMPLATED = {"md": ("recap.md.j2", "md"), "html": ("recap.html.j2", "html")}


def render_recap(
    snapshot: RecapSnapshot,
    *,
    format: str,
    lang: str = "en",
    template: Path | None = None,
    user_dir: Path | None = None,
    kept: Kept | None = None,
) -> str:
    """The recap of `snapshot` in `format` (one of FORMATS), in `lang` (English, "en", or a
    language with a catalog: see `exports.catalog`).

    `template` replaces the built-in template of md, html and sms; for eml it replaces the
    HTML part (the text part comes from `recap.txt.j2`). `user_dir` is the folder of the
    user's template overrides (default: the user config folder). `kept` keeps the money
    chart's picture and the compiled templates between runs (see `exports.kept`). Refusals
    (an unknown format or language, a template that fails) raise DomainError with a message
    to show as it is.
    """
    if format not in FORMATS:
        raise DomainError(f"format {format!r} is not one of: {', '.join(FORMATS)}")
    language(lang)  # refuses a language without a catalog, naming those there are
    if template is not None and format in ("json", "csv"):
        raise DomainError(f"a template applies to md, html, eml and sms, not to {format}")
    refuse_team_data(snapshot)
    if format == "json":
        return recap_json(snapshot, lang)
    if format == "csv":
        from exports.board import board_csv

        return board_csv(snapshot.board, snapshot.campaign.timezone)
    options = RenderOptions(template, user_dir, kept)
    if format == "sms":
        return recap_sms(snapshot, lang, options)
    if format == "eml":
        return recap_eml(snapshot, lang, options)
    name, escaping = _TEMPLATED[format]
    context = _context(snapshot, lang, escaping)
    if format == "html":
        png = money_chart(snapshot, lang, kept)
        if png is not None:
            from base64 import b64encode

            context["chart_src"] = "data:image/png;base64," + b64encode(png).decode("ascii")
    return render_template(name, escaping, context, options)


CHART_CID = "money-chart@open-bargaining.invalid"
"""The Content-ID of the money chart's picture in the .eml (the HTML says `cid:` + this)."""


def chart_inputs(snapshot: RecapSnapshot, lang: str = "en") -> ChartInputs | None:
    """What the snapshot's money chart is drawn from, or None when it has no chart (no term
    with positions over the sessions)."""
    from exports.chart import ChartInputs
    from exports.money import chart_terms

    money = snapshot.money
    if not money.terms or not money.sessions or not chart_terms(money):
        return None
    campaign = snapshot.campaign
    ours, theirs = (
        (campaign.union, campaign.employer)
        if money.our_side == "union"
        else (campaign.employer, campaign.union)
    )
    word = _capital(language(lang).labels["session"])
    return ChartInputs(money, ours.short, theirs.short, word)


def money_chart(
    snapshot: RecapSnapshot, lang: str = "en", kept: Kept | None = None
) -> bytes | None:
    """The money chart of the snapshot as PNG bytes (None without positions to draw), from
    `kept` when it keeps the same picture."""
    inputs = chart_inputs(snapshot, lang)
    if inputs is None:
        return None
    from exports.chart import kept_chart_png

    return kept_chart_png(inputs, kept)


def refuse_team_data(snapshot: RecapSnapshot) -> None:
    """Refuse to render a member snapshot that holds team-only data.

    `models.recap` already refuses to make one; this is the last check before any text leaves,
    for a snapshot made some other way (any audience but "team" counts as members).
    """
    if snapshot.audience == "team":
        return
    from models.recap import member_leak

    problem = member_leak(snapshot)
    if problem:
        raise DomainError(f"a member recap cannot hold {problem}; nothing was rendered")


def _context(snapshot: RecapSnapshot, lang: str, escaping: str) -> dict[str, object]:
    context: dict[str, object] = build_context(snapshot, lang)
    context["fields"] = record_fields
    from exports.autolink import linked_html, linked_md, linked_text

    if escaping == "md":
        context["md_table"] = md_table
        context["md_link"] = md_link
        context["br"] = md_lines
        context["linked"] = linked_md
    elif escaping == "html":
        context["br"] = html_lines
        context["linked"] = linked_html
    else:
        context["text_table"] = text_table
        context["br"] = text_lines
        context["linked"] = linked_text
    return context


def record_fields(value: object) -> dict[str, object] | None:
    """For templates: a snapshot record's fields by name (None for anything else), so a
    template can walk every field without the record's methods, which the sandbox refuses."""
    if not is_record(value):
        return None
    record: Any = value
    return dict(zip(record._fields, record, strict=True))


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


# ---------------------------------------------------------------------------------- JSON


def recap_json(snapshot: RecapSnapshot, lang: str = "en") -> str:
    """The structured recap: the snapshot, with the title and sentences of one language."""
    refuse_team_data(snapshot)
    fmt = language(lang)
    context = build_context(snapshot, lang)
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "lang": lang,
        "text": {
            "title": context["title"],
            "headline": context["headline"],
            "lead": context["lead"],
            "suggested": context["suggested"],
            "subject": context["subject"],
            "dateline": context["dateline"],
            "place": context["place"],
            "glance": context["glance"],
            "sms": recap_sms(snapshot, lang, builtin_only=True),
            "footer": fmt.labels["footer"],
        },
        "recap": snapshot.model_dump(mode="json"),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -------------------------------------------------------------------------- text blast


def recap_sms(
    snapshot: RecapSnapshot,
    lang: str = "en",
    options: RenderOptions = BUILT_IN,
    *,
    builtin_only: bool = False,
) -> str:
    """A text blast of at most 320 characters: the headline, the call to action and the link
    to the full recap, then what fits (see `exports.sms`). A user template (`recap.sms.j2` in the
    user's folder, or `options.template`) is rendered as plain text and refused when too long.
    """
    refuse_team_data(snapshot)
    custom = options.template
    if custom is None and not builtin_only:
        from exports.templating import user_template_dir

        candidate = (options.user_dir or user_template_dir()) / "recap.sms.j2"
        custom = candidate if candidate.is_file() else None
    if custom is not None:
        context = _context(snapshot, lang, "text")
        context["sms"] = build_sms(snapshot, language(lang))
        text = render_template(
            "recap.sms.j2", "text", context, options._replace(template=custom)
        ).strip()
        length = person_length(text)
        if length > SMS_LIMIT:
            raise DomainError(
                f"template {Path(custom).name} made a text blast of {length} characters; "
                f"keep it to {SMS_LIMIT}"
            )
        return text + "\n"
    return build_sms(snapshot, language(lang)) + "\n"


# ----------------------------------------------------------------------------- e-mail


def recap_eml(snapshot: RecapSnapshot, lang: str = "en", options: RenderOptions = BUILT_IN) -> str:
    """A multipart/alternative e-mail (text and HTML) that opens as a draft in a mail client;
    with a money chart, the HTML and the chart's PNG are a multipart/related part.

    From and To come from the campaign's recap settings, or clear placeholders; the Date is
    the snapshot's `generated_at`. Lines end with CRLF, as RFC 5322 asks.
    """
    refuse_team_data(snapshot)
    from email import policy
    from email.message import EmailMessage
    from email.utils import format_datetime

    fmt = language(lang)
    chart = chart_inputs(snapshot, lang)
    html_context = _context(snapshot, lang, "html")
    if chart is not None:
        html_context["chart_src"] = f"cid:{CHART_CID}"
    html = render_template("recap.html.j2", "html", html_context, options)
    text_context = _context(snapshot, lang, "text")
    text = render_template("recap.txt.j2", "text", text_context, options._replace(template=None))
    campaign = snapshot.campaign
    message = EmailMessage(policy=policy.SMTP)
    from exports.news import subject

    message["Subject"] = subject(snapshot, fmt)
    message["From"] = _mailbox(campaign.sender, fmt.labels["sender_placeholder"])
    if snapshot.audience == "team":
        # Team minutes are never addressed to members: to the team's own address, or to nobody
        # (no To header: the draft opens with an empty To field).
        if campaign.team_recipients.strip():
            message["To"] = _mailbox(campaign.team_recipients, "")
    else:
        message["To"] = _mailbox(campaign.recipients, fmt.labels["recipients_placeholder"])
        if campaign.sender.strip():
            message["Reply-To"] = _mailbox(campaign.sender, "")
    message["Date"] = format_datetime(snapshot.generated_at)
    stamp = snapshot.generated_at.strftime("%Y%m%dT%H%M%S")
    message["Message-ID"] = (
        f"<recap-{snapshot.session.number}-{snapshot.audience}-{stamp}@open-bargaining.invalid>"
    )
    message["X-Unsent"] = "1"  # Outlook opens the file as a draft, ready to send
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    message["Content-Language"] = lang
    # A fixed boundary keeps the output stable; "=_" never occurs in quoted-printable text.
    message.set_boundary(f"=_recap-{snapshot.session.number}-{stamp}")
    # The picture last: it may be being drawn meanwhile (see tui/chart_ahead.py).
    if chart is not None:
        from exports.chart import kept_chart_png

        png = kept_chart_png(chart, options.kept)
        if png is not None:
            _attach_chart(message, png, f"{snapshot.session.number}-{stamp}")
    return message.as_string()


def _attach_chart(message: EmailMessage, png: bytes, tag: str) -> None:
    """Make the HTML part a multipart/related one holding the chart, named by its cid; the
    text part and the HTML's table carry the same numbers for readers who block images."""
    from typing import cast

    html_part = cast("list[EmailMessage]", message.get_payload())[1]
    html_part.add_related(
        png,
        maintype="image",
        subtype="png",
        cid=f"<{CHART_CID}>",
        disposition="inline",
        filename="money-chart.png",
    )
    html_part.set_boundary(f"=_related-{tag}")
    for part in cast("list[EmailMessage]", html_part.get_payload()):
        del part["MIME-Version"]  # the message's own header covers its parts


def _mailbox(setting: str, placeholder: str) -> Address:
    """One address header value, built as `email.headerregistry.Address` from the setting (or
    the placeholder when it is unset or unusable): a display name is never read as a group or
    a list."""
    from email.headerregistry import Address

    from models.addresses import parse_mailbox

    try:
        mailbox = parse_mailbox(setting)
    except ValueError:  # refused when recorded: only a line from an older version gets here
        mailbox = None
    mailbox = mailbox or parse_mailbox(placeholder)
    assert mailbox is not None, "placeholders are addresses"
    return Address(display_name=mailbox.name, addr_spec=mailbox.address)


# ------------------------------------------------------------------------------- text


def text_table(headers: Sequence[object], rows: Sequence[Sequence[object]]) -> Safe:
    """A plain-text table with aligned columns (for the e-mail's text part)."""
    from exports.escape import display_width

    cells = [[str(h) for h in headers]] + [[str(v) for v in row] for row in rows]
    widths = [max(display_width(line[i]) for line in cells) for i in range(len(headers))]

    def line(values: Sequence[str]) -> str:
        padded = [v + " " * (widths[i] - display_width(v)) for i, v in enumerate(values)]
        return "  ".join(padded).rstrip()

    out = [line(cells[0]), "  ".join("-" * w for w in widths)]
    out += [line(values) for values in cells[1:]]
    return Safe("\n".join(out))


__all__ = [
    "FORMATS",
    "SMS_LIMIT",
    "recap_eml",
    "recap_json",
    "recap_sms",
    "refuse_team_data",
    "render_recap",
    "safe_link",
    "text_table",
]
