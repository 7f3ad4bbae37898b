"""Highlighted snippets: the passage of a text holding the most query words, words marked."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

PLAIN = ("【", "】")
HTML = ("<b>", "</b>")


def _matcher(terms: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def snippet(text: str | None, terms: Iterable[str], *, width: int = 120,
            marks: tuple[str, str] = PLAIN, escape: bool = False) -> str | None:
    """A window of about ``width`` characters around the densest cluster of ``terms``."""
    if not text:
        return None
    text = " ".join(text.split())
    pat = _matcher(terms)
    spans = [m.span() for _, m in zip(range(200), pat.finditer(text), strict=False)] if pat else []
    if not spans:
        start = 0
    else:
        best, best_score = spans[0][0], 0
        for i, (s, _e) in enumerate(spans):
            window = {text[a:b].lower() for a, b in spans[i:] if b <= s + width}
            if len(window) > best_score:
                best, best_score = s, len(window)
        start = max(0, best - width // 4)
    piece = text[start:start + width]
    out = mark(piece, pat, marks, escape)
    return ("…" if start > 0 else "") + out + ("…" if start + width < len(text) else "")


def mark(text: str, pat: re.Pattern[str] | None, marks: tuple[str, str] = PLAIN,
         escape: bool = False) -> str:
    if pat is None:
        return html.escape(text) if escape else text
    out: list[str] = []
    last = 0
    for m in pat.finditer(text):
        out.append(html.escape(text[last:m.start()]) if escape else text[last:m.start()])
        word = html.escape(m.group()) if escape else m.group()
        out.append(f"{marks[0]}{word}{marks[1]}")
        last = m.end()
    out.append(html.escape(text[last:]) if escape else text[last:])
    return "".join(out)


def highlight_all(text: str | None, terms: Iterable[str], marks: tuple[str, str] = HTML,
                  escape: bool = True) -> str:
    """The whole text with every term marked (for the detail pane)."""
    return mark(text or "", _matcher(terms), marks, escape)
