"""Chinese patent application numbers and publication numbers (facts.md §5).

Application number (ZC 0006-2003): 4-digit year, 1-digit type, 7-digit serial, '.', check
digit; check = sum(d_i * w_i) mod 11 with weights 2,3,4,5,6,7,8,9,2,3,4,5 (10 is written X).
Old 8-digit numbers (2-digit year, type, 5-digit serial) use weights 2..9.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from desktop.validators.result import Check, bad, good
from desktop.validators.text import squeeze

_NEW_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
_OLD_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9)
PATENT_TYPES = {
    "1": ("invention", "发明"),
    "2": ("utility_model", "实用新型"),
    "3": ("design", "外观设计"),
    "8": ("pct_invention", "进入中国国家阶段的PCT发明"),
    "9": ("pct_utility_model", "进入中国国家阶段的PCT实用新型"),
}
_APPNO_RE = re.compile(r"^(?:CN|ZL)?(\d{12}|\d{8})\.?([0-9X])?$")
_PUBNO_RE = re.compile(r"^(?:CN)?(\d{9}|\d{7,8})([ABCUYS][0-9]?)?$")


def appno_check_digit(body: str) -> str:
    """Check character for a 12-digit (new) or 8-digit (old) application number body."""
    weights = _NEW_WEIGHTS if len(body) == 12 else _OLD_WEIGHTS
    if len(body) not in (8, 12) or not body.isdigit():
        raise ValueError(f"not an application number body: {body!r}")
    total = sum(int(d) * w for d, w in zip(body, weights, strict=False))
    rem = total % 11
    return "X" if rem == 10 else str(rem)


def appno_key(value: object) -> str | None:
    """The body digits of an application number (no prefix, dot or check digit), for lookups.

    Returns None when the value does not look like an application number at all.
    """
    m = _APPNO_RE.match(squeeze(value))
    return m.group(1) if m else None


def check_appno(value: object) -> Check:
    """Validate and normalise a CN patent application number to ``201710601862.3``."""
    raw = squeeze(value)
    if not raw:
        return bad("申请号为空", "the application number is empty")
    m = _APPNO_RE.match(raw)
    if not m:
        return bad(
            f"“{value}”不是有效的申请号格式（应为12位数字加校验位，如201710601862.3）",
            f"'{value}' is not an application number (12 digits and a check digit, "
            "e.g. 201710601862.3)",
        )
    body, given = m.group(1), m.group(2)
    if len(body) == 12:
        year, type_digit = int(body[:4]), body[4]
        if not 2003 <= year <= _dt.date.today().year + 1:
            return bad(f"申请号中的年份{year}不合理", f"year {year} in the application number is "
                       "not plausible")
    else:
        yy, type_digit = int(body[:2]), body[2]
        year = 1900 + yy if yy >= 85 else 2000 + yy
        if not (85 <= yy <= 99 or 0 <= yy <= 3):
            return bad(f"旧申请号中的年份{yy:02d}不合理", f"year {yy:02d} in the old-style "
                       "application number is not plausible")
    if type_digit not in PATENT_TYPES:
        return bad(
            f"申请号第{5 if len(body) == 12 else 3}位为专利类型，应为1、2、3、8或9，而不是{type_digit}",
            f"the patent type digit must be 1, 2, 3, 8 or 9, not {type_digit}",
        )
    expected = appno_check_digit(body)
    canonical = f"{body}.{expected}"
    type_en, type_zh = PATENT_TYPES[type_digit]
    details: dict[str, Any] = {"year": year, "type": type_en, "type_zh": type_zh, "body": body}
    if given is None:
        return good(canonical,
                    f"未填校验位，已按规则补全为{canonical}；号码本身无法校验，"
                    "输错一位也发现不了，请对照受理通知书或专利证书核对",
                    f"no check digit given: completed as {canonical}; the number itself "
                    "cannot be verified (a typo in it would go unnoticed), so compare it "
                    "with the filing receipt or certificate",
                    unverifiable=True, check_digit_given=False, **details)
    if given != expected:
        return bad(
            f"申请号校验位错误：{body}的校验位应为{expected}，而不是{given}",
            f"wrong check digit: for {body} it is {expected}, not {given}",
            canonical=canonical, **details,
        )
    return good(canonical, check_digit_given=True, **details)


def check_pubno(value: object) -> Check:
    """Validate and normalise a CN publication number to ``CN102822194A``."""
    raw = squeeze(value).replace(".", "")
    if not raw:
        return bad("公开号为空", "the publication number is empty")
    if re.match(r"^[A-Z]{2}", raw) and not raw.startswith("CN"):
        return bad(f"仅支持中国专利公开号（CN开头），而不是“{value}”",
                   f"only Chinese publication numbers (CN…) are supported, not '{value}'")
    m = _PUBNO_RE.match(raw)
    if not m:
        return bad(
            f"“{value}”不是有效的公开（公告）号（应为CN+9位数字+文献种类代码，如CN102822194A）",
            f"'{value}' is not a publication number (CN, 9 digits and a kind code, "
            "e.g. CN102822194A)",
        )
    digits, kind = m.group(1), m.group(2)
    if not kind:
        return bad(f"公开号“{value}”缺少文献种类代码（如A、B、C、U、Y、S）",
                   f"publication number '{value}' lacks its kind code (A, B, C, U, Y, S)",
                   canonical=f"CN{digits}")
    return good(f"CN{digits}{kind}", kind=kind, number=digits)


def pubno_key(value: object) -> str | None:
    """Digits of a CN publication number without prefix and kind code, for lookups."""
    m = _PUBNO_RE.match(squeeze(value).replace(".", ""))
    return m.group(1) if m else None
