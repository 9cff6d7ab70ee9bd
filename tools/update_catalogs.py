"""Rebuild exports/locale/recap.pot from the code, and bring every catalog up to date with it.

    .venv/bin/python tools/update_catalogs.py

Run it after changing a message in exports/i18n.py or exports/labels.py, then translate what
is new in each `exports/locale/<code>/LC_MESSAGES/recap.po` (an entry with an empty msgstr, or
marked fuzzy). tests/test_catalogs.py fails while the template is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "exports" / "locale"
SOURCES = (
    "exports/labels.py",
    "exports/i18n.py",
    "exports/glance.py",
    "exports/news.py",
    "exports/sms.py",
    "exports/view.py",
    "exports/money.py",
)
KEYWORDS = {"N_": None, "_": None, "_at": None, "_n": (1, 2), "_p": ((1, "c"), 2)}
PATTERNS = ("MMM d", "MMM d, y", "h:mm a", "EEE MMM d, h:mm a")
"""The CLDR date patterns (context "date pattern") a catalog may translate: in Babel's
pattern syntax, https://babel.pocoo.org/en/latest/dates.html#pattern-syntax."""


def template() -> Catalog:
    """Every message of the recap, as extracted from the code."""
    pot = Catalog(project="open-bargaining", domain="recap", fuzzy=False)
    for source in SOURCES:
        for line, message, comments, context in extract_from_file(
            "python", ROOT / source, keywords=KEYWORDS, comment_tags=("Translators:",)
        ):
            if isinstance(message, str) and _called(ROOT / source, line, message) == "_at":
                message = (message, message)  # a plural on the hour
            pot.add(message, locations=[(source, line)], auto_comments=comments, context=context)
    for pattern in PATTERNS:
        pot.add(pattern, context="date pattern", locations=[("exports/i18n.py", 0)])
    return pot


def _called(path: Path, line: int, message: str) -> str:
    """The name of the function whose call holds `message` at `line` (or just before it)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    for number in range(line - 1, max(line - 4, -1), -1):
        text = lines[number]
        for name in ("_at(", "_n(", "_p(", "_(", "N_("):
            if name in text:
                return name[:-1]
    return ""


def main() -> int:
    pot = template()
    with (LOCALE / "recap.pot").open("wb") as handle:
        write_po(handle, pot, omit_header=False, sort_output=False, width=96)
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/recap.po")):
        code = po_path.parent.parent.name
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=code)
        catalog.update(pot, no_fuzzy_matching=True)
        with po_path.open("wb") as handle:
            write_po(handle, catalog, omit_header=False, ignore_obsolete=True, width=96)
        print(f"{po_path.relative_to(ROOT)}: updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
