"""Turning raw imported values into a :class:`Record`.

Numbers go through :mod:`desktop.validators` (a wrong check digit is kept, canonicalised and
flagged), dates through :func:`desktop.common.dates.parse_date`, multi-valued fields are split
on ``;`` ``；`` ``|`` ``、`` (and ``,`` for inventors and classifications).
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from desktop.common.dates import parse_date
from desktop.errors import RowProblem
from desktop.library.fields import DATE_FIELDS, MULTI_VALUED
from desktop.library.records import RawRow, Record, number_keys
from desktop.validators.api import (
    PATENT_TYPES,
    appno_key,
    check_appno,
    check_ipc,
    check_pubno,
)

_SPLIT = re.compile(r"\s*[;；|｜、\n]\s*")
_SPLIT_WIDE = re.compile(r"\s*[;；|｜、,，\n]\s*")
_TYPE_WORDS = {
    "发明": "发明", "发明专利": "发明", "发明申请": "发明", "发明授权": "发明", "invention": "发明",
    "实用新型": "实用新型", "实用新型专利": "实用新型", "utility model": "实用新型",
    "utility_model": "实用新型", "外观设计": "外观设计", "外观设计专利": "外观设计",
    "design": "外观设计",
}
_KIND_TYPES = {"A": "发明", "B": "发明", "C": "发明", "U": "实用新型", "Y": "实用新型",
               "S": "外观设计", "D": "外观设计"}
IMPLAUSIBLE_DATE = "日期不合常理"  # the flag's start: before 1900 or over a year ahead
EARLIEST_DATE = _dt.date(1900, 1, 1)


def plausible_date(d: _dt.date) -> bool:
    """A patent date is plausible from 1900 to a year from today."""
    return EARLIEST_DATE <= d <= _dt.date.today() + _dt.timedelta(days=366)


_REGION_SUFFIX = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市)$")


def text(value: Any) -> str | None:
    """A cell as clean text: None for empty; numbers without a trailing '.0'."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    s = str(value).replace("\u3000", " ").replace("\xa0", " ").strip()
    return s or None


def split_multi(value: Any, *, wide: bool = False) -> list[str]:
    s = text(value)
    if not s:
        return []
    parts = (_SPLIT_WIDE if wide else _SPLIT).split(s)
    seen: dict[str, None] = {}
    for p in parts:
        p = p.strip(" ,，;；")
        if p:
            seen.setdefault(p, None)
    return list(seen)


def norm_region(value: Any) -> str | None:
    s = text(value)
    if not s:
        return None
    s = s.split(";")[0].split("；")[0].strip()
    return _REGION_SUFFIX.sub("", s) or s


def norm_type(value: Any) -> str | None:
    s = text(value)
    if not s:
        return None
    return _TYPE_WORDS.get(s.lower(), s)


def normalise_patent(raw: RawRow, *, source_file: str | None = None
                     ) -> Record | RowProblem:
    """A patent record from one imported row, or the reason it is rejected."""
    v = raw.values
    flags: list[str] = []
    title = text(v.get("title"))
    app_raw = text(v.get("application_number"))
    pub_raw = text(v.get("publication_number"))
    grant_raw = text(v.get("grant_number"))
    if not title:
        if not (app_raw or pub_raw or grant_raw):
            return RowProblem(raw.row, "title", "空行或缺少名称和专利号",
                              "empty row, or no title and no patent number")
        return RowProblem(raw.row, "title", "缺少专利名称", "the title is missing")
    rec = Record(kind="patent", title=title, source_file=source_file, source_row=raw.row)
    if app_raw:
        chk = check_appno(app_raw)
        if chk.ok:
            rec.application_number = chk.canonical
        elif chk.canonical:  # wrong check digit: keep the corrected form, flag it
            rec.application_number = chk.canonical
            flags.append(f"申请号校验位错误（原值 {app_raw}）")
        else:
            rec.application_number = app_raw
            flags.append(f"申请号格式无法识别：{app_raw}")
        rec.appno_key = appno_key(rec.application_number)
        if rec.appno_key:
            type_digit = rec.appno_key[4] if len(rec.appno_key) == 12 else rec.appno_key[2]
            if type_digit in PATENT_TYPES:
                rec.patent_type = PATENT_TYPES[type_digit][1].replace("进入中国国家阶段的PCT", "")
    for raw_no, attr in ((pub_raw, "publication_number"), (grant_raw, "grant_number")):
        if not raw_no:
            continue
        first = split_multi(raw_no, wide=True)[0]
        chk = check_pubno(first)
        setattr(rec, attr, chk.canonical if chk.canonical else first)
        if not chk.ok and not chk.canonical:
            flags.append(f"公开号格式无法识别：{first}")
        if chk.details.get("kind") and not rec.patent_type:
            rec.patent_type = _KIND_TYPES.get(chk.details["kind"][0])
    rec.pubno_key = next(iter(number_keys(rec.publication_number, rec.grant_number)), None)
    for name in DATE_FIELDS:
        if name == "priority_date":
            continue
        value = v.get(name)
        d = parse_date(value)
        if value not in (None, "") and d is None:
            flags.append(f"日期无法识别（{name}）：{value}")
        elif d is not None and not plausible_date(d):
            flags.append(f"{IMPLAUSIBLE_DATE}（{name}）：{d.isoformat()}")
        setattr(rec, name, d)
    ipcs: list[str] = []
    for part in split_multi(v.get("ipc"), wide=True):
        chk = check_ipc(part)
        ipcs.append(chk.canonical if chk.ok and chk.canonical else part)
    rec.ipc = list(dict.fromkeys(ipcs))
    rec.applicants = split_multi(v.get("applicants"))
    rec.inventors = split_multi(v.get("inventors"), wide=True)
    rec.priority = split_multi(v.get("priority"), wide=True)
    rec.abstract = text(v.get("abstract"))
    rec.claims = text(v.get("claims"))
    rec.legal_status = text(v.get("legal_status"))
    rec.patent_type = norm_type(v.get("patent_type")) or rec.patent_type
    rec.region = norm_region(v.get("region"))
    rec.address = text(v.get("address"))
    rec.agency = text(v.get("agency"))
    extra = {k: text(val) for k, val in raw.extra.items() if text(val)}
    for name in ("agent", "postcode", "cpc", "priority_date"):
        if text(v.get(name)):
            extra[name] = text(v.get(name))
    rec.extra = extra
    rec.flags = flags
    return rec


__all__ = ["normalise_patent", "split_multi", "text", "norm_region", "norm_type",
           "MULTI_VALUED"]
