"""Field types: turn what a user typed into a canonical value and a display text, or say
exactly what is wrong.  Identifier types reuse :mod:`desktop.validators`."""

from __future__ import annotations

import datetime as _dt
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.common.dates import parse_date
from desktop.errors import FieldProblem
from desktop.forms.spec import FieldSpec
from desktop.validators.api import VALIDATORS, Check, check_idcard, check_uscc

DEFAULT_TEXT_LIMIT = 300
DEFAULT_LONGTEXT_LIMIT = 5000
_TRUE = {"1", "true", "yes", "y", "是", "√", "✓", "☑", "x", "对", "同意", "on"}
_FALSE = {"0", "false", "no", "n", "否", "", "☐", "off", "不同意"}
_LIST_SPLIT = re.compile(r"[；;，,、\n]+")
PATENT_TYPE_ZH = {"invention": "发明", "utility_model": "实用新型", "design": "外观设计",
                  "pct_invention": "PCT发明", "pct_utility_model": "PCT实用新型"}


@dataclass(frozen=True)
class Outcome:
    """One field's result: canonical ``value`` (JSON-friendly), ``display`` text for the
    document, and at most one problem (``warn_only`` problems keep the value)."""

    value: Any
    display: str
    problem: FieldProblem | None = None
    details: dict[str, Any] | None = None


def clean_text(value: object) -> str:
    """Text safe for a DOCX/XLSX: control characters XML forbids are dropped, ends stripped,
    Windows line ends unified."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text
                   if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs")).strip()


def is_blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple, dict)):
        return len(value) == 0
    return False


def format_date(d: _dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def format_money(amount: Decimal) -> str:
    return f"{amount:,.2f}"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_GROUP_UNITS = ("", "万", "亿", "万亿")


def _group_upper(group: int) -> str:
    out, zero, started = "", False, False
    for digit, unit in zip(f"{group:04d}", ("仟", "佰", "拾", ""), strict=False):
        d = int(digit)
        if d == 0:
            zero = zero or started
            continue
        if zero:
            out, zero = out + "零", False
        out += _DIGITS[d] + unit
        started = True
    return out


def rmb_upper(amount: Decimal) -> str:
    """An amount in Chinese capital numerals as written on financial forms:
    ``Decimal("10000500")`` → 壹仟万零伍佰元整, ``Decimal("1001.05")`` → 壹仟零壹元零伍分."""
    amount = amount.quantize(Decimal("0.01"))
    sign = "负" if amount < 0 else ""
    amount = abs(amount)
    integer = int(amount)
    jiao, fen = divmod(int(amount * 100) % 100, 10)
    groups = []
    n = integer
    while n:
        groups.append(n % 10000)
        n //= 10000
    text, need_zero = "", False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = True
            continue
        if text and (need_zero or g < 1000):
            text += "零"
        text += _group_upper(g) + _GROUP_UNITS[i]
        need_zero = False
    if integer == 0 and not (jiao or fen):
        text = "零"
    out = sign + (text + "元" if text else "")
    if not (jiao or fen):
        return out + "整"
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif integer:
        out += "零"
    return out + (_DIGITS[fen] + "分" if fen else "整")


def split_list(value: object) -> list[str]:
    """A list typed as text (``a；b、c`` or one per line), or a real list."""
    if isinstance(value, (list, tuple)):
        return [clean_text(v) for v in value if not is_blank(v)]
    return [p.strip() for p in _LIST_SPLIT.split(clean_text(value)) if p.strip()]


def _problem(f: FieldSpec, name: str, zh: str, en: str, warn_only: bool = False) -> FieldProblem:
    return FieldProblem(name, f"{f.label}：{zh}", f"{f.label_en}: {en}", warn_only)


def _fail(f: FieldSpec, name: str, raw: object, zh: str, en: str) -> Outcome:
    shown = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, default=str)
    return Outcome(shown, str(shown), _problem(f, name, zh, en))


def _text(f: FieldSpec, name: str, raw: object, limit: int) -> Outcome:
    text = clean_text(raw)
    if f.type == "text":
        text = " ".join(text.split())
    max_len = f.max_length or limit
    if len(text) > max_len:
        return Outcome(text, text, _problem(
            f, name, f"最多{max_len}个字符，现为{len(text)}个，请精简",
            f"at most {max_len} characters, this has {len(text)}"))
    return Outcome(text, text)


def _number(f: FieldSpec, name: str, raw: object) -> Outcome:
    text = clean_text(raw).replace(",", "").replace("，", "").replace("¥", "").replace("￥", "")
    text = unicodedata.normalize("NFKC", text).strip()
    scale = Decimal(1)
    if f.type == "money":
        for suffix, factor in (("万元", 10000), ("元", 1), ("万", 10000)):
            if text.endswith(suffix):
                text, scale = text[: -len(suffix)].strip(), Decimal(factor)
                break
    try:
        num = Decimal(text) * scale
    except InvalidOperation:
        kind = ("金额", "an amount") if f.type == "money" else ("整数", "a whole number")
        return _fail(f, name, raw, f"“{raw}”不是{kind[0]}", f"'{raw}' is not {kind[1]}")
    if not num.is_finite():
        return _fail(f, name, raw, f"“{raw}”不是有效数字", f"'{raw}' is not a number")
    if f.type == "int" and num != num.to_integral_value():
        return _fail(f, name, raw, f"“{raw}”应为整数", f"'{raw}' must be a whole number")
    low = Decimal(str(f.min)) if f.min is not None else (Decimal(0) if f.type == "money" else None)
    if low is not None and num < low:
        return _fail(f, name, raw, f"不能小于{low.normalize():f}", f"must be at least {low:f}")
    if f.max is not None and num > Decimal(str(f.max)):
        high = Decimal(str(f.max)).normalize()
        return _fail(f, name, raw, f"不能大于{high:f}", f"must be at most {high:f}")
    if f.type == "int":
        return Outcome(int(num), str(int(num)))
    amount = num.quantize(Decimal("0.01"))
    return Outcome(f"{amount:f}", f"{format_money(amount)}（{rmb_upper(amount)}）")


def _date(f: FieldSpec, name: str, raw: object) -> Outcome:
    if isinstance(raw, _dt.datetime):
        d: _dt.date | None = raw.date()
    elif isinstance(raw, _dt.date):
        d = raw
    elif isinstance(raw, str) and raw.strip().lower() == "today":
        d = _dt.date.today()
    else:
        d = parse_date(raw if isinstance(raw, (int, float)) and not isinstance(raw, bool)
                       else clean_text(raw))
    if d is None:
        return _fail(f, name, raw, f"“{raw}”不是有效日期（如2026-03-31或2026年3月31日）",
                     f"'{raw}' is not a date (e.g. 2026-03-31)")
    return Outcome(d.isoformat(), format_date(d), details={"date": d})


def _choice(f: FieldSpec, name: str, raw: object) -> Outcome:
    text = clean_text(raw)
    for c in f.choices:
        if text in (c.value, c.en) or (c.en and text.lower() == c.en.lower()):
            return Outcome(c.value, c.value)
    allowed = "、".join(f.choice_values())
    return _fail(f, name, raw, f"“{text}”不是可选项，应为：{allowed}",
                 f"'{text}' is not one of: {', '.join(c.en or c.value for c in f.choices)}")


def _multichoice(f: FieldSpec, name: str, raw: object) -> Outcome:
    chosen: list[str] = []
    for part in split_list(raw):
        out = _choice(f, name, part)
        if out.problem:
            return out
        if out.value not in chosen:
            chosen.append(out.value)
    return Outcome(chosen, "、".join(chosen))


def _bool(f: FieldSpec, name: str, raw: object) -> Outcome:
    if isinstance(raw, bool):
        flag = raw
    else:
        text = clean_text(raw).lower()
        if text in _TRUE:
            flag = True
        elif text in _FALSE:
            flag = False
        else:
            return _fail(f, name, raw, f"“{raw}”应为“是”或“否”", f"'{raw}' must be yes or no")
    if f.required and not flag:
        return Outcome(False, "☐", _problem(f, name, "须确认（勾选）后才能提交",
                                            "must be confirmed (ticked)"))
    return Outcome(flag, "☑ 是" if flag else "☐ 否")


def _from_check(f: FieldSpec, name: str, raw: object, res: Check) -> Outcome:
    if res.ok and res.unverifiable:  # accepted, but a typo in it could not be caught
        return Outcome(res.canonical, res.canonical or "",
                       _problem(f, name, res.zh, res.en, warn_only=True), res.details)
    if res.ok:
        return Outcome(res.canonical, res.canonical or "", details=res.details)
    if res.warn_only and res.canonical:
        return Outcome(res.canonical, res.canonical,
                       _problem(f, name, res.zh, res.en, warn_only=True), res.details)
    return _fail(f, name, raw, res.zh, res.en)


def _identifier(f: FieldSpec, name: str, raw: object) -> Outcome:
    out = _from_check(f, name, raw, VALIDATORS[f.type](raw))
    usable = out.problem is None or out.problem.warn_only
    if f.type == "appno" and f.patent_types and usable and out.details:
        kind: str = out.details.get("type", "")  # check_appno always sets it
        if kind not in f.patent_types:
            allowed = "、".join(PATENT_TYPE_ZH[t] for t in f.patent_types)
            return _fail(f, name, raw,
                         f"{out.value}是{PATENT_TYPE_ZH.get(kind, kind)}专利，本表只适用于{allowed}",
                         f"{out.value} is a {kind} patent; this form applies to "
                         f"{', '.join(f.patent_types)} only")
    return out


def _partyid(f: FieldSpec, name: str, raw: object) -> Outcome:
    """A credit code (organisations) or a resident ID number (individuals)."""
    text = unicodedata.normalize("NFKC", clean_text(raw)).upper().replace(" ", "")
    as_id = check_idcard(text)
    if as_id.ok:
        return Outcome(as_id.canonical, as_id.canonical or "", details={"kind": "idcard"})
    if re.fullmatch(r"\d{17}[\dX]", text) and _is_yyyymmdd(text[6:14]):
        return _fail(f, name, raw, as_id.zh, as_id.en)
    if len(text) == 15 and text.isdigit():
        return _fail(f, name, raw, as_id.zh, as_id.en)
    return _from_check(f, name, raw, check_uscc(text))


def _is_yyyymmdd(text: str) -> bool:
    try:
        _dt.datetime.strptime(text, "%Y%m%d")
    except ValueError:
        return False
    return True


_NORMALISERS: dict[str, Callable[[FieldSpec, str, object], Outcome]] = {
    "text": lambda f, n, r: _text(f, n, r, DEFAULT_TEXT_LIMIT),
    "longtext": lambda f, n, r: _text(f, n, r, DEFAULT_LONGTEXT_LIMIT),
    "int": _number,
    "money": _number,
    "date": _date,
    "choice": _choice,
    "multichoice": _multichoice,
    "bool": _bool,
    "partyid": _partyid,
    **{kind: _identifier for kind in VALIDATORS},
}


def normalise_scalar(f: FieldSpec, name: str, raw: object) -> Outcome:
    """Check one non-rows field.  Blank values: a problem when required, else empty."""
    if is_blank(raw) and f.type != "bool":
        if f.required:
            return Outcome(None, "", _problem(f, name, "必填项，不能为空", "required"))
        return Outcome(None, "")
    if f.type == "bool" and raw is None:
        raw = False
    return _NORMALISERS[f.type](f, name, raw)


@dataclass(frozen=True)
class RowsOutcome:
    value: list[dict[str, Any]]
    display: list[dict[str, str]]
    problems: list[FieldProblem]
    details: list[dict[str, dict[str, Any]]]


def parse_rows(raw: object) -> list[dict[str, Any]] | None:
    """Rows as given: a list of objects, or JSON text of one.  None when unusable."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            return None
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        return None
    return raw


def normalise_rows(f: FieldSpec, raw: object) -> RowsOutcome:
    """Check a list-of-rows field: each non-blank row, column by column."""
    problems: list[FieldProblem] = []
    if is_blank(raw):
        rows: list[dict[str, Any]] = []
    else:
        parsed = parse_rows(raw)
        if parsed is None:
            return RowsOutcome([], [], [_problem(
                f, f.id, "应为若干行（每行一组字段）", "must be a list of rows")], [])
        rows = [r for r in parsed if not all(is_blank(v) for v in r.values())]
    values: list[dict[str, Any]] = []
    displays: list[dict[str, str]] = []
    details: list[dict[str, dict[str, Any]]] = []
    for i, row in enumerate(rows, start=1):
        val: dict[str, Any] = {}
        disp: dict[str, str] = {}
        det: dict[str, dict[str, Any]] = {}
        for col in f.columns:
            out = normalise_scalar(col, f"{f.id}[{i}].{col.id}", row.get(col.id, col.default))
            val[col.id], disp[col.id] = out.value, out.display
            det[col.id] = out.details or {}
            if out.problem:
                problems.append(_in_row(f, i, out.problem))
        values.append(val)
        displays.append(disp)
        details.append(det)
    need = max(f.min_rows, 1 if f.required else 0)
    if len(rows) < need:
        problems.append(_problem(f, f.id, f"至少需要{need}行，现有{len(rows)}行",
                                 f"needs at least {need} row(s), has {len(rows)}"))
    if f.max_rows is not None and len(rows) > f.max_rows:
        problems.append(_problem(f, f.id, f"最多{f.max_rows}行，现有{len(rows)}行",
                                 f"at most {f.max_rows} rows, has {len(rows)}"))
    return RowsOutcome(values, displays, problems, details)


def _in_row(f: FieldSpec, row: int, p: FieldProblem) -> FieldProblem:
    return FieldProblem(p.field, f"{f.label}第{row}行 {p.zh}", f"{f.label_en} row {row}: {p.en}",
                        p.warn_only)
