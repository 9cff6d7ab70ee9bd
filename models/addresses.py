"""E-mail addresses as users type them: `Display Name <address>` or a bare `address`.

One setting (`recap.from`, `recap.to`, `recap.team_to`) is ONE mailbox: a display name and an
address. Everything before the last `<` is the display name, as typed, so a name holding a
colon (`REA: Bargaining Team`) or a comma (`Members, Riverbend`) stays a name; it never
becomes an RFC 5322 group or a second address. A quoted name (`"Members, Riverbend"`) has its
quotes removed. The address is checked by `email.headerregistry.Address`.

The journal keeps the setting as text, normalised to the form `Address` prints
(`"REA: Bargaining Team" <b@x.org>`), which reads back to the same mailbox.
"""

from __future__ import annotations

from typing import NamedTuple


class Mailbox(NamedTuple):
    """One address: the name a mail client shows, and the address itself."""

    name: str
    address: str


def parse_mailbox(text: str) -> Mailbox | None:
    """The mailbox in `text` (None for an empty setting); ValueError saying what to fix."""
    from email.errors import HeaderParseError, MessageError
    from email.headerregistry import Address
    from email.utils import unquote

    text = " ".join(text.split())
    if not text:
        return None
    name, address = "", text
    if text.endswith(">") and "<" in text:
        cut = text.rindex("<")
        name, address = text[:cut].strip(), text[cut + 1 : -1].strip()
        if len(name) >= 2 and name.startswith('"') and name.endswith('"'):
            name = unquote(name).strip()
    elif "<" in text or ">" in text:
        raise ValueError(f"{text!r} is not an address; type `Name <name@example.org>`")
    if not address:
        raise ValueError(f"{text!r} has no address between < and >")
    if not address.isascii():
        raise ValueError(f"{address!r} is not an address a mail server takes; use ASCII only")
    if address.count("@") != 1 or any(char in address for char in ' ,;:<>"()[]\\'):
        raise ValueError(f"{address!r} is not an e-mail address; type it as name@example.org")
    try:
        checked = Address(display_name=name, addr_spec=address)
    except (MessageError, HeaderParseError, ValueError, IndexError):
        raise ValueError(
            f"{address!r} is not an e-mail address; type it as name@example.org"
        ) from None
    if not checked.username or not checked.domain:
        raise ValueError(f"{address!r} is not an e-mail address; type it as name@example.org")
    return Mailbox(name, checked.addr_spec)


def format_mailbox(mailbox: Mailbox) -> str:
    """The mailbox as one line of text (what the journal keeps), quoted as RFC 5322 wants."""
    from email.headerregistry import Address

    return str(Address(display_name=mailbox.name, addr_spec=mailbox.address))


def normalise_mailbox(value: str) -> str:
    """A typed setting in its normal form ("" when empty); ValueError when it is no address."""
    mailbox = parse_mailbox(value)
    return "" if mailbox is None else format_mailbox(mailbox)
