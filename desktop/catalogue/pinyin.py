"""Pinyin initials for instant filtering (``zlzy`` finds 专利质押).

Initials are computed once per item when the catalogue is loaded.  For 多音字 we keep the
reading pypinyin picks from its phrase dictionary (重庆 → cq, 银行 → yh) and add the other
readings' initials as alternatives, capped so a long name cannot explode.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

MAX_VARIANTS = 16
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _clean(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


# ``errors=`` callbacks keeping characters that have no pinyin (digits, Latin letters), one
# per item.  pypinyin accepts a list result (converter.py checks ``isinstance(py, list)``);
# its bundled stub types the callback as ``Callable[[str], str]``, hence the ignores below.
def _keep_chars(chars: str) -> list[str]:
    return list(chars)


def _keep_char_readings(chars: str) -> list[list[str]]:
    return [[c] for c in chars]


@lru_cache(maxsize=4096)
def initials_variants(text: str) -> tuple[str, ...]:
    """Initial-letter strings for ``text`` (first: the phrase-aware reading)."""
    if not text:
        return ("",)
    preferred = _clean("".join(p[:1] for p in lazy_pinyin(text, style=Style.FIRST_LETTER,
                                                         errors=_keep_chars)))  # type: ignore[arg-type]
    # char by char: on a whole phrase pypinyin returns only the phrase reading
    per_char = [pinyin(ch, style=Style.FIRST_LETTER, heteronym=True,
                       errors=_keep_char_readings)[0]  # type: ignore[arg-type]
                for ch in text]
    choices = [sorted({c[:1].lower() for c in opts if c}) or [""] for opts in per_char]
    variants = [preferred]
    for combo in itertools.islice(itertools.product(*choices), MAX_VARIANTS * 4):
        v = _clean("".join(combo))
        if v not in variants:
            variants.append(v)
        if len(variants) >= MAX_VARIANTS:
            break
    return tuple(variants)


def full_pinyin(text: str) -> str:
    """``专利质押`` → ``zhuanlizhiya`` (phrase-aware reading, no tones)."""
    return _clean("".join(lazy_pinyin(text, errors=_keep_chars)))  # type: ignore[arg-type]
