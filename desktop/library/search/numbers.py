"""Patent numbers as officers type them, and the notes a query's reading leaves.

Before parsing, :func:`normalise_numbers` turns every written form of a number into the query
language's own: full-width digits, digits typed in groups (``2020 1035 8721.5``), a
专利号/申请号/公开号 prefix with a half- or full-width colon or only a space
(``专利号 202110987654.8``).  A :data:`Note` is one line (Chinese, English) telling the officer
how the query was read: the number recognised, a check digit corrected, a date range swapped.
"""

from __future__ import annotations

import calendar
import re
from typing import Any

from whoosh import query as wq

from desktop.library.search.schema import tag
from desktop.validators.api import appno_key, check_appno, pubno_key

Note = tuple[str, str]  # (Chinese, English)


class QuerySyntaxError(ValueError):
    pass


_FULL = str.maketrans("０１２３４５６７８９．：ＣＮＺＬＸｘ", "0123456789.:CNZLXx")
_APP_PREFIX = ("专利申请号", "申请号码", "申请号", "专利号", "appno")
_PUB_PREFIX = ("授权公告号", "公开公告号", "公开号", "公告号", "公布号", "pubno")
_PREFIX = re.compile(
    r"(?<![\w])(" + "|".join(_APP_PREFIX + _PUB_PREFIX) + r")\s*[:：]?\s*"
    r"(?=(?:CN|ZL)?\s?\d)", re.I)
# digits typed in groups separated by spaces, optionally with CN/ZL, a check digit, a kind code
_GROUPS = re.compile(r"(?<![\w.])((?:CN|ZL)?[ \u3000]?\d{1,12}(?:[ \u3000]\d{1,12})+"
                     r"(?:[ \u3000]?\.[ \u3000]?[\dXx]|[ \u3000]?[ABCUYS]\d?)?)(?![\w.])", re.I)
_CN_SPACE = re.compile(r"(?i)(?<![A-Za-z0-9])(CN|ZL)[ \u3000]+(?=\d{6})")


def _kind(number: str) -> str:
    """申请号 or 公开号 for a compact number."""
    digits = re.sub(r"\D", "", number.split(".")[0])
    return "申请号" if "." in number or len(digits) in (12, 13) or number[:2] == "ZL" else "公开号"


def _joined(match: re.Match[str]) -> str:
    raw = match.group(1)
    compact = re.sub(r"[ \u3000]", "", raw).upper()
    digits = re.sub(r"\D", "", re.sub(r"[A-Z]\d?$", "", compact.split(".")[0]))
    has_prefix = compact[:2] in ("CN", "ZL")
    if len(digits) in (12, 13) or ("." in compact and len(digits) in (8, 12)) or (
            has_prefix and len(digits) in (9, 12, 13)):
        return compact
    return raw


def normalise_numbers(text: str) -> tuple[str, list[Note]]:
    """``text`` with numbers in the query language's form, and a note for each one rewritten."""
    notes: list[Note] = []
    out = text.translate(_FULL) if any(ord(c) > 0xFF00 for c in text) else text
    out = _CN_SPACE.sub(r"\1", out)
    out = _GROUPS.sub(_joined, out)

    def prefix(m: re.Match[str]) -> str:
        word = m.group(1).lower()
        return "申请号:" if word in _APP_PREFIX else "公开号:"

    out = _PREFIX.sub(prefix, out)
    if out != text:
        found = re.findall(r"(申请号|公开号):(\S+)", out)
        found += [(_kind(v), v) for v in re.findall(r"(?<![:\w.])((?:CN|ZL)?\d{7,13}"
                                                    r"(?:\.[\dX]|[ABCUYS]\d?)?)(?![\w.])", out)
                  if v not in text]
        for kind, value in dict.fromkeys(found):
            notes.append((f"已识别为{kind} {value}",
                          f"read as {'application' if kind == '申请号' else 'publication'} "
                          f"number {value}"))
    return out, notes


def check_digit_note(value: str) -> Note | None:
    """A note when ``value`` is an application number whose check digit is wrong (the search
    goes by the digits before it, so it still finds the record meant)."""
    chk = check_appno(value)
    if chk.ok or not chk.canonical or "." not in value and len(re.sub(r"\D", "", value)) != 13:
        return None
    given = re.sub(r"[^\dX]", "", value.upper())[-1:]
    expected = chk.canonical[-1]
    if given == expected:
        return None
    return (f"申请号 {value} 的校验位应为 {expected}，已按 {chk.canonical} 检索",
            f"the check digit of {value} should be {expected}; searched {chk.canonical}")


def swapped_range_note(typed: str, searched: str) -> Note:
    return (f"日期范围前后颠倒（{typed}），已按 {searched} 检索",
            f"the date range was reversed ({typed}); searched {searched}")


def year_range(lo: int | None, hi: int | None) -> Any:
    """Records dated in years ``lo``..``hi`` (either open)."""
    return wq.TermRange("tags", tag("year", f"{lo or 1:04d}"), tag("year", f"{hi or 9999:04d}"))


def identifier_query(text: str) -> Any:
    """A query for a bare application or publication number, or None."""
    t = text.strip().upper()
    if not re.search(r"\d{7}", t):
        return None
    ak = appno_key(t)
    pk = pubno_key(t)
    if ak and ("." in t or t.startswith("ZL") or len(ak) == 12 or not pk):
        return wq.Term("tags", tag("appno", ak))
    if ak and pk:  # nine digits: an old application number or a publication number
        return wq.Or([wq.Term("tags", tag("appno", ak)), wq.Term("tags", tag("pubno", pk))])
    if pk:
        return wq.Term("tags", tag("pubno", pk))
    return None


def _date_bound(value: str, upper: bool) -> int | None:
    v = value.strip().replace("/", "-").replace(".", "-")
    if not v:
        return None
    m = re.fullmatch(r"(\d{4})(?:-?(\d{1,2})(?:-?(\d{1,2}))?)?", v)
    if not m:
        raise QuerySyntaxError(f"bad date {value}")
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else (12 if upper else 1)
    if not 1 <= mo <= 12:
        raise QuerySyntaxError(f"bad month {value}")
    d = int(m.group(3)) if m.group(3) else (calendar.monthrange(y, mo)[1] if upper else 1)
    return y * 10000 + mo * 100 + d


def date_range(value: str) -> tuple[int | None, int | None]:
    """``2020..2023``, ``2020-06..``, ``..2021``, ``2022`` (whole year) → (low, high) yyyymmdd."""
    if ".." in value:
        lo, hi = value.split("..", 1)
    elif re.fullmatch(r"\d{4}-\d{4}", value):
        lo, hi = value.split("-")
    else:
        lo = hi = value
    low, high = _date_bound(lo, False), _date_bound(hi, True)
    if low is None and high is None:
        raise QuerySyntaxError("empty range")
    return low, high
