"""Fill a catalog's empty entries from a Python dict file: `fill_po.py LANG FILE.py` (a
translator's helper; FILE.py defines `ES = {msgid: msgstr or (singular, plural)}`)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    code, source = sys.argv[1], sys.argv[2]
    table = next(v for k, v in runpy.run_path(source).items() if k.isupper())
    path = ROOT / "exports" / "locale" / code / "LC_MESSAGES" / "recap.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=code)
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key in table:
            message.string = table[key]
            message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalog, omit_header=False, ignore_obsolete=True, width=96)
    return 0


if __name__ == "__main__":
    sys.exit(main())
