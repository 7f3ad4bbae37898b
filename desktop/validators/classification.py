"""IPC symbols (WIPO ST.8) and Nice classes."""

from __future__ import annotations

import re

from desktop.validators.result import Check, bad, good
from desktop.validators.text import fold

_IPC_RE = re.compile(
    r"^([A-H])\s*(\d{2})\s*([A-Z])(?:\s*(\d{1,4})(?:\s*/\s*(\d{2,6}))?)?$"
)


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
    """Validate an IPC symbol or its subclass / main-group prefix; canonical ``H01M 10/0525``."""
    text = fold(value)
    if not text:
        return bad("IPC分类号为空", "the IPC symbol is empty")
    m = _IPC_RE.match(text)
    if not m:
        return bad(
            f"“{value}”不是有效的IPC分类号（如H01M 10/0525、H01M 10或H01M）",
            f"'{value}' is not an IPC symbol (e.g. H01M 10/0525, H01M 10 or H01M)",
        )
    section, cls, sub, group, subgroup = m.groups()
    subclass = f"{section}{cls}{sub}"
    if group is None:
        return good(subclass, level="subclass", section=section, subclass=subclass)
    group = str(int(group))
    if subgroup is None:
        return good(f"{subclass} {group}", level="main_group", section=section,
                    subclass=subclass)
    return good(f"{subclass} {group}/{subgroup}", level="group", section=section,
                subclass=subclass)


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
