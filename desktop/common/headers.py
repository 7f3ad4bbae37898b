"""Column headers folded for comparison: the one rule every importer matches headers by.

A header typed by hand differs from the expected one in width (（） vs ()), case, spacing,
separators and a trailing colon or asterisk ("申请人 （专利权人）：", "Credit_Code*").  Both
sides of a comparison are folded with :func:`fold_header`.
"""

from __future__ import annotations

import re
import unicodedata

_IGNORED = re.compile(r"[\s_\-()（）*:：]+")


def fold_header(text: object) -> str:
    """``text`` in NFKC, lower case, without white space, brackets, ``_ - * :``."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(text or "")).lower())
