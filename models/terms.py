"""Numeric terms as a person types them: `salary_pct_y1=3.0, salary_pct_y2=2.5`."""

from __future__ import annotations

import math
import re

from models.errors import DomainError

_PAIR = re.compile(r"^\s*([A-Za-z][A-Za-z0-9_]*)\s*[=:]\s*([-+]?[0-9][0-9_,]*\.?[0-9]*%?)\s*$")


def parse_terms(text: str) -> dict[str, float]:
    """`name=number` pairs separated by commas or semicolons (a trailing `%` is allowed).

    Names are folded to lower case; an empty text is no terms. Refused with the pair at fault.
    """
    terms: dict[str, float] = {}
    for piece in re.split(r"[;\n]|,(?=\s*[A-Za-z])", text):
        if not piece.strip():
            continue
        match = _PAIR.match(piece)
        if match is None:
            raise DomainError(
                f"{piece.strip()!r} is not a term; write name=number, like salary_pct_y1=3.0"
            )
        name = match.group(1).lower()
        try:
            number = float(match.group(2).rstrip("%").replace("_", "").replace(",", ""))
        except ValueError:
            raise DomainError(f"{match.group(2)!r} is not a number (term {name})") from None
        if not math.isfinite(number):
            raise DomainError(f"term {name} must be a finite number")
        if name in terms:
            raise DomainError(f"term {name} is given twice")
        terms[name] = number
    return terms


def format_terms(terms: dict[str, float]) -> str:
    """The terms as they are typed: `salary_pct_y1=3, salary_pct_y2=2.5`."""
    return ", ".join(f"{name}={number:g}" for name, number in terms.items())
