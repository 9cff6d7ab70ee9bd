"""Which texts of the journal are member-facing and may be translated, and the hash a
translation keeps of the text it translated. Plain Python: the recap reads it without pydantic.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

TRANSLATABLE: dict[str, tuple[str, ...]] = {
    "article.added": ("title",),
    "article.renamed": ("title",),
    "session.scheduled": ("location",),
    "session.ended": ("call_to_action", "location"),
    "agenda.item_added": ("title",),
    "proposal.passed": ("label", "summary"),
    "ta.signed": ("summary",),
    "note.added": ("text",),
    "info_request.made": ("text",),
    "recap.written": ("headline", "lead"),
    "campaign.created": ("title",),
    "campaign.updated": ("title", "signoff", "watch"),
}
"""The member-facing texts of each event type that a translation may name (besides a term's
label, `terms.NAME.label`, of a `campaign.updated`, whose `signoff` and `watch` are those of
its `recap` settings; a campaign's `title` is the one it was created with or last given)."""


def source_hash(text: str) -> str:
    """The hash a translation keeps of the text it translated (16 hex digits)."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:16]


def has_words(text: str, names: Iterable[str] = ()) -> bool:
    """Whether `text` has words a translation would change: a letter left once the `names`
    (the parties' short names, as whole words) and the numbers (anything with a digit in it:
    "#12-B") are taken out. "RUSD #7" reads the same in every language; "RUSD #5 (package)"
    does not."""
    rest = re.sub(r"[^\s()\[\]\"']*\d[^\s()\[\]\"']*", " ", text)
    for name in sorted((n for n in names if n.strip()), key=len, reverse=True):
        rest = re.sub(rf"(?<!\w){re.escape(name.strip())}(?!\w)", " ", rest)
    return any(character.isalpha() for character in rest)
