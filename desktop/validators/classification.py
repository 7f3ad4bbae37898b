"""IPC symbols (WIPO ST.8) and Nice classes."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from desktop.validators.result import Check, bad, good
from desktop.validators.text import fold

# A symbol, optionally followed by the IPC version as CNIPA and WIPO print it
# (``H01M 10/0525(2010.01)``, ``G06F 16/00 (2019.01) I``); the trailing I/N/A is the
# inventive / non-inventive / additional marker some front pages add.
_IPC_RE = re.compile(
    r"^([A-H])\s*(\d{2})\s*([A-Z])(?:\s*(\d{1,4})(?:\s*/\s*(\d{2,6}))?)?"
    r"(?:\s*\(\s*(\d{4})\s*\.\s*(\d{2})\s*\)\s*([IAN])?)?$"
)
_IPC_SPLIT = re.compile(r"\s*[;,、\n]\s*")
_FIRST_IPC_YEAR = 1968  # the first edition of the IPC


def ipc_prefixes(canonical: str) -> list[str]:
    """Subclass, main group and full symbol of a canonical IPC symbol, shortest first.

    ``H01M 10/0525`` -> ``["H01M", "H01M 10", "H01M 10/0525"]``.
    """
    out = [canonical[:4]]
    rest = canonical[4:].strip()
    if rest:
        group = rest.split("/")[0]
        out.append(f"{canonical[:4]} {group}")
        if "/" in rest:
            out.append(canonical)
    return out


def check_ipc(value: object) -> Check:
    """Validate one IPC symbol or its subclass / main-group prefix; canonical
    ``H01M 10/0525``.  A version suffix as CNIPA exports write it (``(2010.01)``) is
    accepted and returned in ``details["version"]``, not in the canonical symbol."""
    text = fold(value)
    if not text:
        return bad("IPC分类号为空", "the IPC symbol is empty")
    m = _IPC_RE.match(text)
    if not m:
        return bad(
            f"“{value}”不是有效的IPC分类号（如H01M 10/0525、H01M 10/0525(2010.01)、"
            "H01M 10或H01M）",
            f"'{value}' is not an IPC symbol (e.g. H01M 10/0525, H01M 10/0525(2010.01), "
            "H01M 10 or H01M)",
        )
    section, cls, sub, group, subgroup, v_year, v_month, _marker = m.groups()
    extra: dict[str, Any] = {}
    if v_year is not None:
        year, month = int(v_year), int(v_month)
        if not (_FIRST_IPC_YEAR <= year <= _dt.date.today().year + 1 and 1 <= month <= 12):
            return bad(f"IPC版本“{v_year}.{v_month}”不是有效的版本年月",
                       f"IPC version '{v_year}.{v_month}' is not a valid year.month")
        if group is None or subgroup is None:
            return bad("带版本号的IPC分类号应写到组（如H01M 10/0525(2010.01)）",
                       "an IPC symbol with a version must name the group "
                       "(e.g. H01M 10/0525(2010.01))")
        extra["version"] = f"{v_year}.{v_month}"
    subclass = f"{section}{cls}{sub}"
    if group is None:
        return good(subclass, level="subclass", section=section, subclass=subclass)
    group = str(int(group))
    if subgroup is None:
        return good(f"{subclass} {group}", level="main_group", section=section,
                    subclass=subclass)
    return good(f"{subclass} {group}/{subgroup}", level="group", section=section,
                subclass=subclass, **extra)


def check_ipc_list(value: object) -> Check:
    """One or several IPC symbols separated by ``;`` (as in CNIPA exports:
    ``H01M 10/0525(2010.01);H01M 4/36(2006.01)``).  Canonical: the symbols joined by
    ``; ``; ``details["symbols"]`` lists them.  One symbol gives :func:`check_ipc`'s result."""
    parts = [p for p in _IPC_SPLIT.split(fold(value)) if p]
    if len(parts) <= 1:
        return check_ipc(value)
    symbols: list[str] = []
    versions: list[str | None] = []
    for i, part in enumerate(parts, start=1):
        res = check_ipc(part)
        if not res.ok:
            return bad(f"第{i}个分类号：{res.zh}", f"symbol {i}: {res.en}")
        assert res.canonical is not None
        if res.canonical not in symbols:
            symbols.append(res.canonical)
            versions.append(res.details.get("version"))
    return good("; ".join(symbols), symbols=symbols, versions=versions,
                subclasses=list(dict.fromkeys(s[:4] for s in symbols)))


def check_nice(value: object) -> Check:
    """Validate a Nice class (1-45, goods 1-34, services 35-45); accepts ``第9类``, ``09``."""
    text = fold(value)
    m = re.fullmatch(r"(?:第)?\s*0*(\d{1,2})\s*(?:类)?", text)
    if not m:
        return bad(f"“{value}”不是尼斯分类类别（1–45）",
                   f"'{value}' is not a Nice class (1-45)")
    num = int(m.group(1))
    if not 1 <= num <= 45:
        return bad(f"尼斯分类只有第1–45类，没有第{num}类",
                   f"Nice classes run from 1 to 45; there is no class {num}")
    return good(str(num), kind="goods" if num <= 34 else "services")
