"""Conditional rules of a form (``warn_if``, ``choice_allowed``, ``id_kind_matches``,
``row_date_order`` and the conditions of ``required_if``), checked by ``validation.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.errors import FieldProblem
from desktop.forms.spec import (
    ChoiceAllowedRule,
    FieldSpec,
    IdKindRule,
    RowDateOrderRule,
    WarnIfRule,
)

if TYPE_CHECKING:
    from desktop.forms.validation import FormResult

_KIND_ZH = {"uscc": "统一社会信用代码", "idcard": "居民身份证号", "none": "不填写（境外当事人无中国代码）"}
_KIND_EN = {"uscc": "a unified social credit code", "idcard": "a resident ID number",
            "none": "left blank (a foreign party has no Chinese code)"}


def matches(value: Any, wanted: tuple[str, ...]) -> bool:
    """Whether ``value`` (a choice, a multi-choice list or a boolean as 是/否) is wanted."""
    if isinstance(value, list):
        return any(v in wanted for v in value)
    if isinstance(value, bool):
        return ("是" if value else "否") in wanted
    return value in wanted


def all_hold(values: dict[str, Any], conditions: dict[str, tuple[str, ...]]) -> bool:
    return all(matches(values.get(f), wanted) for f, wanted in conditions.items())


def any_holds(values: dict[str, Any], conditions: dict[str, tuple[str, ...]]) -> bool:
    return any(matches(values.get(f), wanted) for f, wanted in conditions.items())


def apply_condition(rule: Any, res: FormResult, bad: set[str]) -> None:
    v = res.values
    if isinstance(rule, WarnIfRule):
        if matches(v.get(rule.field), rule.values) and all_hold(v, rule.also):
            res.add(FieldProblem(rule.field, rule.message, rule.message_en, True))
    elif isinstance(rule, ChoiceAllowedRule):
        choice, when = v.get(rule.field), v.get(rule.when)
        allowed = rule.allowed.get(when) if isinstance(when, str) else None
        if choice and allowed is not None and choice not in allowed \
                and rule.field not in bad and rule.when not in bad:
            w = _field(res, rule.when)
            res.add(_problem(res, rule.field, f"{w.label}为“{when}”时不能选择“{choice}”，可选："
                             f"{'、'.join(allowed)}",
                             f"'{choice}' is not allowed when {w.label_en} is '{when}'"))
    elif isinstance(rule, IdKindRule):
        _id_kind(rule, res, bad)
    elif isinstance(rule, RowDateOrderRule):
        rows_f = _field(res, rule.rows)
        start_c, end_c = rows_f.column(rule.start), rows_f.column(rule.end)
        assert start_c is not None and end_c is not None
        for i, det in enumerate(res._details.get(rule.rows) or [], start=1):
            start, end = det[rule.start].get("date"), det[rule.end].get("date")
            name = f"{rule.rows}[{i}].{rule.end}"
            if start and end and end < start and name not in bad:
                res.add(FieldProblem(
                    name, f"{rows_f.label}第{i}行 {end_c.label}：不能早于{start_c.label}",
                    f"{rows_f.label_en} row {i}: {end_c.label_en} cannot be before "
                    f"{start_c.label_en}"))


def _id_kind(rule: IdKindRule, res: FormResult, bad: set[str]) -> None:
    choice = res.values.get(rule.choice)
    want = rule.kinds.get(choice) if isinstance(choice, str) else None
    if want is None or rule.id_field in bad:
        return
    given = res.values.get(rule.id_field)
    got = None if not given else res._details.get(rule.id_field, {}).get("kind", "uscc")
    if want == "none":
        return  # a foreign party may still give a code it has; nothing to insist on
    if got is None:
        res.add(_problem(res, rule.id_field, f"{choice}须填写{_KIND_ZH[want]}",
                         f"required ({_KIND_EN[want]}) for '{choice}'"))
    elif got != want:
        res.add(_problem(res, rule.id_field,
                         f"{choice}应填写{_KIND_ZH[want]}，而填写的是{_KIND_ZH[got]}",
                         f"'{choice}' needs {_KIND_EN[want]}, not {_KIND_EN[got]}"))


def _field(res: FormResult, field_id: str) -> FieldSpec:
    f = res.spec.field(field_id)
    assert f is not None  # rule references are checked when the spec loads
    return f


def _problem(res: FormResult, field_id: str, zh: str, en: str) -> FieldProblem:
    """A problem with ``field_id``, its label in front of the message."""
    f = _field(res, field_id)
    return FieldProblem(field_id, f"{f.label}：{zh}", f"{f.label_en}: {en}")
