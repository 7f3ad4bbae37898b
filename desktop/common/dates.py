"""Dates as real users write them: 20221202, 2022.12.02, 2022-12-02, 2022/12/2,
2022年12月2日, date/datetime objects and Excel serial numbers."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata

_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_YMD = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?"
                  r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(value: object) -> _dt.date | None:
    """The date ``value`` stands for, or None when it is empty or not a date."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value == int(value) and 19000101 <= value <= 29991231:
            value = str(int(value))  # a compact date typed as a number: 20221202
        elif 1 <= value < 2958466:
            # Excel serial day numbers (1900 date system) in a plausible range
            return _EXCEL_EPOCH + _dt.timedelta(days=int(value))
        else:
            return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    m = _COMPACT.match(text) or _YMD.match(text)
    if not m:
        return None
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
