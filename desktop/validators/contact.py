"""Phone numbers, postcodes and e-mail addresses as Chinese forms expect them."""

from __future__ import annotations

import re

from desktop.validators.result import Check, bad, good
from desktop.validators.text import fold

_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0\d{2,3})-?([2-9]\d{6,7})(?:-(\d{1,6}))?$")
_SERVICE = re.compile(r"^[48]00-?\d{3}-?\d{4}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def check_phone(value: object) -> Check:
    """A mainland mobile (11 digits, 1[3-9]…), a landline with area code, or 400/800."""
    text = fold(value).replace(" ", "").replace("(", "").replace(")", "")
    text = re.sub(r"^(\+?86)-?", "", text)
    if not text:
        return bad("电话为空", "the phone number is empty")
    if _MOBILE.match(text):
        return good(text, kind="mobile")
    m = _LANDLINE.match(text)
    if m:
        canonical = f"{m.group(1)}-{m.group(2)}" + (f"-{m.group(3)}" if m.group(3) else "")
        return good(canonical, kind="landline")
    if _SERVICE.match(text):
        return good(text, kind="service")
    digits = re.sub(r"\D", "", text)
    if digits.startswith("1") and len(digits) != 11:
        return bad(f"手机号应为11位数字，现为{len(digits)}位",
                   f"a mobile number has 11 digits, this one has {len(digits)}")
    return bad(f"“{value}”不是有效的电话号码（手机11位，座机需带区号，如0351-1234567）",
               f"'{value}' is not a phone number (mobile: 11 digits; landline with area "
               "code, e.g. 0351-1234567)")


def check_postcode(value: object) -> Check:
    text = fold(value)
    if not re.fullmatch(r"\d{6}", text):
        return bad(f"邮政编码应为6位数字，而不是“{value}”",
                   f"a postcode has 6 digits, not '{value}'")
    return good(text)


def check_email(value: object) -> Check:
    text = str(value or "").strip()
    if not _EMAIL.match(text):
        return bad(f"“{value}”不是有效的电子邮箱地址", f"'{value}' is not an e-mail address")
    return good(text.lower() if text.isascii() else text)
