"""The recap's message catalogs: which languages there are, and each one's translations.

English is the source: the messages in `exports/i18n.py` are written in English, and English
needs no catalog. Every other language is one gettext catalog, `<code>/LC_MESSAGES/recap.po`,
either shipped in `exports/locale/` or placed by a local's translator in the user's folder
(`<user config>/open-bargaining/locale/`, which wins over a shipped one of the same code).
Catalogs are read at run time with Babel (no compile step), once per process; a message the
catalog lacks falls back to English. Nothing here writes.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from models.errors import DomainError

if TYPE_CHECKING:
    from babel.core import Locale

SOURCE_LANG = "en"
DOMAIN = "recap"
BUILTIN_DIR = Path(__file__).parent / "locale"


def user_locale_dir() -> Path:
    """The folder where a translator's own catalogs go: `<code>/LC_MESSAGES/recap.po`."""
    from models.locations import config_dir

    return config_dir() / "locale"


def _catalog_path(folder: Path, code: str) -> Path:
    return folder / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def _folders(user_dir: Path | None) -> tuple[Path, ...]:
    """The folders to look in, the user's first."""
    return (user_dir if user_dir is not None else user_locale_dir(), BUILTIN_DIR)


def languages(user_dir: Path | None = None) -> tuple[str, ...]:
    """Every language a recap can be written in: English first, then each catalog's code."""
    codes: set[str] = set()
    for folder in _folders(user_dir):
        if folder.is_dir():
            codes.update(p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    codes.discard(SOURCE_LANG)
    return (SOURCE_LANG, *sorted(codes))


def check_language(code: str, user_dir: Path | None = None) -> None:
    """Refuse a language that has no catalog, naming the ones there are."""
    known = languages(user_dir)
    if code not in known:
        raise DomainError(
            f"language {code!r} has no catalog; use one of: {', '.join(known)} "
            f"(a translator adds one as {_catalog_path(user_locale_dir(), '<code>')})"
        )


def translations(code: str, user_dir: Path | None = None) -> gettext.NullTranslations:
    """The messages of `code` (English for the source language), falling back to English."""
    if code == SOURCE_LANG:
        return gettext.NullTranslations()
    check_language(code, user_dir)
    paths = [_catalog_path(folder, code) for folder in _folders(user_dir)]
    return _load(code, tuple(p for p in paths if p.is_file()))


@lru_cache(maxsize=16)
def _load(code: str, paths: tuple[Path, ...]) -> gettext.NullTranslations:
    """The catalogs at `paths` in order, each falling back to the next, then to English."""
    chain: gettext.NullTranslations = gettext.NullTranslations()
    for path in reversed(paths):
        catalog = _read(code, path)
        catalog.add_fallback(chain)
        chain = catalog
    return chain


def _read(code: str, path: Path) -> gettext.GNUTranslations:
    """One .po file, parsed by Babel and handed to gettext (through an in-memory .mo)."""
    from io import BytesIO

    from babel.core import UnknownLocaleError
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, locale=code, abort_invalid=True)
    except (OSError, PoFileError, UnknownLocaleError, ValueError) as error:
        raise DomainError(f"catalog {path} cannot be read ({error}); fix or remove it") from None
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def _fill(text: str, english: str, values: dict[str, object]) -> str:
    """A message with its values put in; a translation with a slip in its braces (an unknown
    `{name}`, a lone brace) gives way to the English message rather than break the recap."""
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return english.format(**values)


@lru_cache(maxsize=16)
def _locale(code: str) -> Locale:
    from babel.core import Locale, UnknownLocaleError

    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise DomainError(
            f"language {code!r} has a catalog but no CLDR data for its dates; name its folder "
            "with a locale code such as fr or pt_BR"
        ) from None
