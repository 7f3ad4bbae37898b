"""Text clean-up shared by the validators."""

from __future__ import annotations

import unicodedata


def fold(value: object) -> str:
    """Full-width to half-width (NFKC), strip, upper-case; ``None`` becomes ''."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip().upper()


def squeeze(value: object) -> str:
    """:func:`fold` and drop all white space."""
    return "".join(fold(value).split())
