"""Validate a whole form: each field by its type, then the cross-field rules and computed
values (fees, reduction ratio) and the materials checklist that applies."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.errors import FieldProblem
from desktop.forms import fee_rules
from desktop.forms.conditions import all_hold, any_holds, apply_condition, matches
from desktop.forms.fields import (
    PATENT_TYPE_ZH,
    format_date,
    format_money,
    is_blank,
    normalise_rows,
    normalise_scalar,
    split_list,
)
from desktop.forms.spec import (
    AllOwnersRule,
    ChoiceAllowedRule,
    DateOrderRule,
    DeadlineRule,
    FeeReductionRule,
    FormSpec,
    IdKindRule,
    LookupRule,
    PatentExpiryRule,
    PatentTypeMatchesRule,
    RequiredIfRule,
    RowDateOrderRule,
    RowLimitByChoiceRule,
    RowRequiredForPatentTypesRule,
    SimilarGroupsRule,
    TrademarkFeeRule,
    WarnIfRule,
)

# Patent term in years from the filing date (Patent Law art. 42; designs filed from
# 2021-06-01 have 15 years, earlier ones 10).
PATENT_TERM_YEARS = {"invention": 20, "pct_invention": 20, "utility_model": 10,
                     "pct_utility_model": 10, "design": 15}
DESIGN_15_YEARS_FROM = _dt.date(2021, 6, 1)


@dataclass(frozen=True)
class Computed:
    id: str
    label: str
    label_en: str
    value: float
    display: str
    explanation: str
    explanation_en: str


@dataclass
class FormResult:
    """Outcome of validating a form's data.

    ``values``: canonical data (what is stored in history); ``display``: texts for the
    document; ``problems``: blocking errors; ``warnings``: warn-only problems the officer
    may confirm (e.g. a credit code whose check character fails).
    """

    spec: FormSpec
    values: dict[str, Any] = field(default_factory=dict)
    display: dict[str, Any] = field(default_factory=dict)
    problems: list[FieldProblem] = field(default_factory=list)
    warnings: list[FieldProblem] = field(default_factory=list)
    computed: list[Computed] = field(default_factory=list)
    materials: list[tuple[str, str]] = field(default_factory=list)
    _details: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, p: FieldProblem) -> None:
        (self.warnings if p.warn_only else self.problems).append(p)


def add_months(d: _dt.date, months: int) -> _dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return _dt.date(year, month, day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def anniversary(d: _dt.date, years: int) -> _dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def patent_expiry(patent_type: str, filing: _dt.date) -> _dt.date:
    """The last day of protection: the day before the term's anniversary of filing."""
    years = PATENT_TERM_YEARS.get(patent_type, 20)
    if patent_type == "design" and filing < DESIGN_15_YEARS_FROM:
        years = 10
    return anniversary(filing, years) - _dt.timedelta(days=1)


def validate_form(spec: FormSpec, data: dict[str, Any] | None) -> FormResult:
    """Check ``data`` (field id -> raw value) against ``spec``.  Never raises for bad data."""
    data = spec.upgrade(dict(data or {}))
    res = FormResult(spec)
    for f in spec.fields:
        raw = data.get(f.id, f.default)
        if f.type == "rows":
            rows = normalise_rows(f, raw)
            res.values[f.id], res.display[f.id] = rows.value, rows.display
            res._details[f.id] = rows.details
            for p in rows.problems:
                res.add(p)
        else:
            out = normalise_scalar(f, f.id, raw)
            res.values[f.id], res.display[f.id] = out.value, out.display
            res._details[f.id] = out.details or {}
            if out.problem:
                res.add(out.problem)
    known = {f.id for f in spec.fields}
    for key in sorted(set(data) - known):
        if not key.startswith("_"):
            res.warnings.append(FieldProblem(key, f"表单“{spec.name}”没有字段“{key}”，已忽略",
                                             f"form {spec.id} has no field '{key}'; ignored",
                                             True))
    bad = {p.field for p in res.problems}
    for rule in spec.rules:
        _apply(rule, res, bad)
    res.materials = [(m.text, m.text_en or m.text) for m in spec.materials
                     if not m.when or _material_applies(res.values, m.when, m.values)]
    return res


def _material_applies(values: dict[str, Any], when: str, wanted: tuple[str, ...]) -> bool:
    """``when`` holds one of ``wanted``; with no ``wanted``: ``when`` is filled in."""
    value = _lookup(values, when)
    if not wanted:
        return any(not is_blank(v) for v in value) if isinstance(value, list) \
            else not is_blank(value) and value is not False
    return matches(value, wanted)


def _lookup(values: dict[str, Any], path: str) -> Any:
    """``field`` or ``rows_field.column`` (then the list of that column's values)."""
    base, _, col = path.partition(".")
    if not col:
        return values.get(base)
    return [row.get(col) for row in values.get(base) or []]


def _row_ok(bad: set[str], rows: str, i: int, *cols: str) -> bool:
    return not any(f"{rows}[{i}].{c}" in bad for c in cols)


def _apply(rule: Any, res: FormResult, bad: set[str]) -> None:
    spec, v = res.spec, res.values
    if isinstance(rule, DateOrderRule):
        start, end = v.get(rule.start), v.get(rule.end)
        if start and end and rule.start not in bad and rule.end not in bad and end < start:
            fs, fe = spec.field(rule.start), spec.field(rule.end)
            assert fs is not None and fe is not None
            res.add(FieldProblem(rule.end, f"{fe.label}：不能早于{fs.label}（{res.display[rule.start]}）",
                                 f"{fe.label_en}: cannot be before {fs.label_en} ({start})"))
    elif isinstance(rule, PatentExpiryRule):
        _expiry(rule, res, bad)
    elif isinstance(rule, AllOwnersRule):
        _owners(rule, res, bad)
    elif isinstance(rule, RequiredIfRule):
        when = (matches(v.get(rule.when), rule.values) if rule.values
                else not is_blank(v.get(rule.when)))
        if when and is_blank(v.get(rule.field)) \
                and rule.field not in bad and all_hold(v, rule.also) \
                and not (rule.unless and any_holds(v, rule.unless)):
            f, w = spec.field(rule.field), spec.field(rule.when)
            assert f is not None and w is not None
            why = f"（{rule.why}）" if rule.why else ""
            given = f"为“{res.display[rule.when]}”" if rule.values else "已填写"
            given_en = f"is '{v.get(rule.when)}'" if rule.values else "is given"
            res.add(FieldProblem(rule.field, f"{f.label}：{w.label}{given}时必填{why}",
                                 f"{f.label_en}: required when {w.label_en} {given_en}"
                                 + (f" ({rule.why_en})" if rule.why_en else "")))
    elif isinstance(rule, (WarnIfRule, ChoiceAllowedRule, IdKindRule, RowDateOrderRule)):
        apply_condition(rule, res, bad)
    elif isinstance(rule, RowRequiredForPatentTypesRule):
        rows_f = spec.field(rule.rows)
        assert rows_f is not None
        col = rows_f.column(rule.column)
        assert col is not None
        for i, row in enumerate(v.get(rule.rows) or [], start=1):
            kind = res._details[rule.rows][i - 1][rule.appno].get("type")
            if kind in rule.types and is_blank(row.get(rule.column)):
                res.add(FieldProblem(
                    f"{rule.rows}[{i}].{rule.column}",
                    f"{rows_f.label}第{i}行 {col.label}：{PATENT_TYPE_ZH[kind]}专利必须填写",
                    f"{rows_f.label_en} row {i}: {col.label_en} is required for a {kind} patent"))
    elif isinstance(rule, PatentTypeMatchesRule):
        kind = res._details.get(rule.appno, {}).get("type")
        choice = v.get(rule.choice)
        if kind and choice in rule.types and kind not in rule.types[choice] \
                and rule.choice not in bad and rule.appno not in bad:
            f = spec.field(rule.choice)
            assert f is not None
            res.add(FieldProblem(
                rule.choice, f"{f.label}：选择了“{choice}”，但申请号{v.get(rule.appno)}是"
                f"{PATENT_TYPE_ZH.get(kind, kind)}专利",
                f"{f.label_en}: '{choice}' chosen but {v.get(rule.appno)} is a {kind} patent"))
    elif isinstance(rule, SimilarGroupsRule):
        _similar_groups(rule, res, bad)
    elif isinstance(rule, DeadlineRule):
        start = res._details.get(rule.date, {}).get("date")
        if start is not None and rule.date not in bad:
            due = add_months(start, rule.months) - _dt.timedelta(days=1)
            if _dt.date.today() > due:
                res.add(FieldProblem(
                    rule.date, f"已超过{rule.months}个月期限（{format_date(due)}前应{rule.what}），"
                    "请核实是否仍可办理", f"the {rule.months}-month limit has passed (should "
                    f"{rule.what_en} by {due.isoformat()}); check it can still be done", True))
    elif isinstance(rule, RowLimitByChoiceRule):
        _row_limits(rule, res, bad)
    elif isinstance(rule, TrademarkFeeRule):
        fee_rules.trademark_fee(rule, res)
    elif isinstance(rule, FeeReductionRule):
        fee_rules.fee_reduction(rule, res)
    elif isinstance(rule, LookupRule):
        fee_rules.lookup(rule, res)

def _expiry(rule: PatentExpiryRule, res: FormResult, bad: set[str]) -> None:
    end = res._details.get(rule.date, {}).get("date")
    if end is None or rule.date in bad:
        return
    spec = res.spec
    target = spec.field(rule.date)
    assert target is not None
    for i, det in enumerate(res._details.get(rule.rows) or [], start=1):
        if not _row_ok(bad, rule.rows, i, rule.appno, rule.filing_date):
            continue
        kind = det[rule.appno].get("type")
        filing = det[rule.filing_date].get("date")
        if not kind or filing is None:
            continue
        expiry = patent_expiry(kind, filing)
        appno = res.values[rule.rows][i - 1][rule.appno]
        if end > expiry:
            res.add(FieldProblem(
                rule.date,
                f"{target.label}：{format_date(end)}晚于第{i}件专利{appno}"
                f"（{PATENT_TYPE_ZH.get(kind, kind)}）的届满日{format_date(expiry)}",
                f"{target.label_en}: {end.isoformat()} is after patent {i} ({appno}, {kind}) "
                f"expires on {expiry.isoformat()}"))


def _owners(rule: AllOwnersRule, res: FormResult, bad: set[str]) -> None:
    parties = {str(p.get(rule.party_name) or "").strip()
               for p in res.values.get(rule.parties) or []}
    rows_f = res.spec.field(rule.rows)
    parties_f = res.spec.field(rule.parties)
    assert rows_f is not None and parties_f is not None
    for i, row in enumerate(res.values.get(rule.rows) or [], start=1):
        if not _row_ok(bad, rule.rows, i, rule.owners):
            continue
        missing = [o for o in split_list(row.get(rule.owners) or "") if o not in parties]
        if missing:
            names = "、".join(missing)
            res.add(FieldProblem(
                f"{rule.rows}[{i}].{rule.owners}",
                f"{rows_f.label}第{i}行：专利权人“{names}”未列入{parties_f.label}，"
                "须全体专利权人共同办理",
                f"{rows_f.label_en} row {i}: owner(s) {', '.join(missing)} missing from "
                f"{parties_f.label_en}; all owners must take part"))


def _row_limits(rule: RowLimitByChoiceRule, res: FormResult, bad: set[str]) -> None:
    rows_f = res.spec.field(rule.rows)
    assert rows_f is not None
    col = rows_f.column(rule.column)
    assert col is not None
    for i, row in enumerate(res.values.get(rule.rows) or [], start=1):
        choice, amount = row.get(rule.choice_column), row.get(rule.column)
        ref = rule.limits.get(choice) if choice else None
        if ref is None or amount is None or not _row_ok(bad, rule.rows, i, rule.column):
            continue
        limit = fee_rules.limit_amount(ref)
        if Decimal(str(amount)) >= limit:
            res.add(FieldProblem(
                f"{rule.rows}[{i}].{rule.column}",
                f"{rows_f.label}第{i}行 {col.label}：{choice}须低于"
                f"{format_money(limit)}元才符合条件",
                f"{rows_f.label_en} row {i}: {col.label_en} must be below {limit:f} "
                f"for '{choice}'"))


def value_at(data: dict[str, Any], field_name: str) -> Any:
    """The raw value behind a problem's field name (``patents[2].appno`` too)."""
    base, _, rest = field_name.partition("[")
    value = data.get(base)
    if rest and isinstance(value, list):
        idx, _, col = rest.partition("].")
        try:
            value = value[int(idx) - 1].get(col)
        except (ValueError, IndexError, AttributeError):
            return None
    return value


def _similar_groups(rule: SimilarGroupsRule, res: FormResult, bad: set[str]) -> None:
    rows_f = res.spec.field(rule.rows)
    assert rows_f is not None
    for i, row in enumerate(res.values.get(rule.rows) or [], start=1):
        cls = row.get(rule.class_column)
        if not cls or not _row_ok(bad, rule.rows, i, rule.class_column, rule.groups_column):
            continue
        wrong = [g for g in split_list(row.get(rule.groups_column) or "")
                 if not (len(g) == 4 and g.isdigit() and int(g[:2]) == int(cls))]
        if wrong:
            res.add(FieldProblem(
                f"{rule.rows}[{i}].{rule.groups_column}",
                f"{rows_f.label}第{i}行：类似群“{'、'.join(wrong)}”不属于第{cls}类"
                f"（应为4位数字，前两位为{int(cls):02d}）",
                f"{rows_f.label_en} row {i}: similar group(s) {', '.join(wrong)} are not in "
                f"class {cls} (4 digits starting {int(cls):02d})"))
