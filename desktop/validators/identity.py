"""统一社会信用代码 (GB 32100-2015) and 居民身份证号 (GB 11643-1999)."""

from __future__ import annotations

import datetime as _dt

from desktop.validators.result import Check, bad, good
from desktop.validators.text import squeeze

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=False))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def check_uscc(value: object) -> Check:
    """Validate a unified social credit code.

    A failed check character is ``warn_only``: some real codes fail it, so the user may
    confirm and keep the value.
    """
    code = squeeze(value)
    if not code:
        return bad("统一社会信用代码为空", "the unified social credit code is empty")
    if len(code) != 18:
        return bad(f"统一社会信用代码应为18位，现为{len(code)}位",
                   f"a unified social credit code has 18 characters, this one has {len(code)}")
    wrong = sorted({c for c in code if c not in USCC_ALPHABET})
    if wrong:
        shown = "、".join(wrong)
        return bad(f"统一社会信用代码含有不允许的字符：{shown}（不使用I、O、S、V、Z）",
                   f"characters not allowed in a credit code: {', '.join(wrong)} "
                   "(I, O, S, V and Z are never used)")
    if not code[2:8].isdigit():
        return bad("统一社会信用代码第3–8位应为行政区划代码（数字）",
                   "characters 3-8 of a credit code are the region code (digits)")
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return bad(
            f"统一社会信用代码校验位不符（应为{expected}，实为{code[17]}），请核对营业执照；"
            "如确认无误可保留",
            f"the check character does not match (expected {expected}, found {code[17]}); "
            "check the business licence, and keep it if it is right",
            canonical=code, warn_only=True,
        )
    return good(code, region=code[2:8])


def check_idcard(value: object) -> Check:
    """Validate an 18-digit resident identity card number (check digit and birth date)."""
    num = squeeze(value)
    if not num:
        return bad("身份证号为空", "the ID number is empty")
    if len(num) == 15 and num.isdigit():
        return bad("15位旧身份证号已停止使用，请填写18位号码",
                   "15-digit ID numbers are no longer in use; give the 18-digit number")
    if len(num) != 18:
        return bad(f"身份证号应为18位，现为{len(num)}位",
                   f"an ID number has 18 characters, this one has {len(num)}")
    if not num[:17].isdigit() or not (num[17].isdigit() or num[17] == "X"):
        return bad("身份证号前17位应为数字，最后一位为数字或X",
                   "an ID number is 17 digits followed by a digit or X")
    try:
        birth = _dt.date(int(num[6:10]), int(num[10:12]), int(num[12:14]))
    except ValueError:
        return bad(f"身份证号中的出生日期{num[6:14]}不是有效日期",
                   f"the birth date {num[6:14]} in the ID number is not a real date")
    if birth.year < 1900 or birth > _dt.date.today():
        return bad(f"身份证号中的出生日期{birth.isoformat()}不合理",
                   f"the birth date {birth.isoformat()} in the ID number is not plausible")
    total = sum(int(d) * w for d, w in zip(num[:17], _ID_WEIGHTS, strict=False))
    expected = _ID_CHECK[total % 11]
    if num[17] != expected:
        return bad(f"身份证号校验位错误（应为{expected}，实为{num[17]}）",
                   f"wrong check digit in the ID number (expected {expected}, found {num[17]})")
    return good(num, birth_date=birth.isoformat(), sex="male" if int(num[16]) % 2 else "female")
