"""The form specification: what a form holds, as pydantic models read from YAML or JSON.

A spec file (``resources/forms/<id>.yaml`` or an administrator's file in
``<data>/user/forms/``) names the form, its fields (type, labels, rules, client pre-fill),
its cross-field rules, its materials checklist, attachments and an example.  Everything an
officer may need to change lives here, not in code.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, field_validator, model_validator

from desktop.common.citations import LegalBasis
from desktop.common.fees import fee_table
from desktop.forms.spec_rules import (  # noqa: F401  (re-exported: spec.<Rule>)
    AllOwnersRule,
    ChoiceAllowedRule,
    DateOrderRule,
    DeadlineRule,
    FeeReductionRule,
    IdKindRule,
    LookupRule,
    PatentExpiryRule,
    PatentType,
    PatentTypeMatchesRule,
    RequiredIfRule,
    RowDateOrderRule,
    RowLimitByChoiceRule,
    RowRequiredForPatentTypesRule,
    RuleSpec,
    SimilarGroupsRule,
    TrademarkFeeRule,
    WarnIfRule,
    _Computed,
    _Strict,
)

FieldType = Literal[
    "text", "longtext", "int", "money", "date", "choice", "multichoice", "bool",
    "appno", "pubno", "uscc", "idcard", "partyid", "ipc", "nice", "phone", "postcode",
    "email", "rows",
]
ClientField = Literal[
    "name", "kind", "id_number", "address", "postcode", "contact_person", "phone", "email",
    "industry", "region",
]
OutputFormat = Literal["docx", "xlsx"]
_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class Choice(_Strict):
    value: str
    en: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"value": data}
        return data


class FieldSpec(_Strict):
    id: str
    label: str
    label_en: str
    type: FieldType = "text"
    required: bool = False
    help: str = ""
    help_en: str = ""
    placeholder: str = ""
    default: Any = None
    choices: tuple[Choice, ...] = ()
    max_length: int | None = Field(default=None, gt=0)
    min: float | None = None
    max: float | None = None
    prefill: ClientField | None = None
    patent_types: tuple[PatentType, ...] = ()
    columns: tuple[FieldSpec, ...] = ()
    min_rows: int = Field(default=0, ge=0)
    max_rows: int | None = Field(default=None, gt=0)
    section: str = ""
    section_en: str = ""

    @field_validator("id")
    @classmethod
    def _id_ok(cls, v: str) -> str:
        if not _ID_RE.match(v):
            raise ValueError(f"field id {v!r} must be lower-case letters, digits and _ "
                             "starting with a letter")
        return v

    @model_validator(mode="after")
    def _type_needs(self) -> FieldSpec:
        if self.type in ("choice", "multichoice") and not self.choices:
            raise ValueError(f"field {self.id!r} of type {self.type} needs choices")
        if self.type == "rows":
            if not self.columns:
                raise ValueError(f"rows field {self.id!r} needs columns")
            if any(c.type == "rows" for c in self.columns):
                raise ValueError(f"rows field {self.id!r}: columns cannot be rows themselves")
            ids = [c.id for c in self.columns]
            if len(set(ids)) != len(ids):
                raise ValueError(f"rows field {self.id!r} repeats a column id")
        elif self.columns:
            raise ValueError(f"field {self.id!r}: only rows fields have columns")
        if self.patent_types and self.type != "appno":
            raise ValueError(f"field {self.id!r}: patent_types applies to appno fields only")
        return self

    def choice_values(self) -> list[str]:
        return [c.value for c in self.choices]

    def label_for(self, lang: str) -> str:
        return self.label if lang == "zh" else self.label_en

    def column(self, col_id: str) -> FieldSpec | None:
        return next((c for c in self.columns if c.id == col_id), None)


class Material(_Strict):
    """One item of the supporting-materials checklist, optionally conditional: listed when
    the field ``when`` holds one of ``values`` (no ``values``: when it is filled in)."""

    text: str
    text_en: str = ""
    when: str | None = None
    values: tuple[str, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"text": data}
        return data


class Attachment(_Strict):
    """A rows field written as an extra XLSX when it has more than ``more_than`` rows."""

    rows: str
    more_than: int = 0
    title: str
    title_en: str = ""


class FormSpec(_Strict):
    id: str
    version: int = Field(ge=1)
    name: str
    name_en: str
    category: str = ""
    category_en: str = ""
    description: str = ""
    description_en: str = ""
    authority: str = ""
    formats: tuple[OutputFormat, ...] = ("docx", "xlsx")
    template: str | None = None
    keywords: tuple[str, ...] = ()
    fields: tuple[FieldSpec, ...]
    rules: tuple[RuleSpec, ...] = ()
    materials: tuple[Material, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    declaration: str = ""
    declaration_en: str = ""
    signatures: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    basis: tuple[LegalBasis, ...] = ()
    example: dict[str, Any] = Field(default_factory=dict)
    # fields of older versions and where their data now goes: ``new_field`` or
    # ``rows_field.column`` (the first row), so documents made earlier reopen complete
    moved: dict[str, str] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _id_ok(cls, v: str) -> str:
        if not _ID_RE.match(v):
            raise ValueError(f"form id {v!r} must be lower-case letters, digits and _")
        return v

    @model_validator(mode="after")
    def _references(self) -> FormSpec:
        ids = [f.id for f in self.fields]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"repeated field ids: {', '.join(dup)}")
        owner: dict[str, str] = {}
        for f in self.fields:  # batch sheets name columns by id or label: keep them distinct
            for key in {f.id.lower(), f.label.strip().lower(), f.label_en.strip().lower()}:
                if owner.setdefault(key, f.id) != f.id:
                    raise ValueError(f"fields {owner[key]!r} and {f.id!r} share the name {key!r}")
        if "docx" in self.formats and not self.template:
            raise ValueError("a form with the docx format needs a template file")
        for rule in self.rules:
            _check_rule_refs(self, rule)
        for m in self.materials:
            if m.when:
                base, _, col = m.when.partition(".")
                ref = self.field(base)
                if (ref is None or (col and ref.column(col) is None)
                        or (ref.type == "rows") != bool(col)):
                    raise ValueError(f"material {m.text!r} refers to unknown field {m.when!r} "
                                     "(use field or rows_field.column)")
        for a in self.attachments:
            ref = self.field(a.rows)
            if ref is None or ref.type != "rows":
                raise ValueError(f"attachment refers to {a.rows!r}, which is not a rows field")
        for old, target in self.moved.items():
            base, _, col = target.partition(".")
            ref = self.field(base)
            if old in ids or ref is None or (col and ref.column(col) is None) \
                    or (ref.type == "rows") != bool(col):
                raise ValueError(f"moved field {old!r}: {target!r} is not a field or "
                                 "rows_field.column of this form")
        outputs = [r.output for r in self.rules if isinstance(r, _Computed)]
        clash = sorted(set(outputs) & set(ids))
        if clash:
            raise ValueError(f"computed outputs clash with field ids: {', '.join(clash)}")
        return self

    def field(self, field_id: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.id == field_id), None)

    def upgrade(self, data: dict[str, Any]) -> dict[str, Any]:
        """``data`` of an older version of the form with its moved fields in their new
        places (values already there win); other data unchanged."""
        out = dict(data)
        for old, target in self.moved.items():
            if old not in out or self.field(old) is not None:
                continue
            value = out.pop(old)
            base, _, col = target.partition(".")
            if not col:
                out.setdefault(base, value)
                continue
            rows = [dict(r) for r in out.get(base) or [] if isinstance(r, dict)] or [{}]
            rows[0].setdefault(col, value)
            out[base] = rows
        return out

    def name_for(self, lang: str) -> str:
        return self.name if lang == "zh" else self.name_en

    def computed_rules(self) -> list[_Computed]:
        return [r for r in self.rules if isinstance(r, _Computed)]

    def groups(self) -> list[tuple[str, list[FieldSpec]]]:
        """The document's blocks in order: consecutive fields of one section (title, fields);
        each rows field is a block of its own (title '').  Template and preview share it."""
        out: list[tuple[str, list[FieldSpec]]] = []
        for f in self.fields:
            if f.type == "rows":
                out.append(("", [f]))
            elif out and out[-1][0] == f.section and out[-1][1][0].type != "rows":
                out[-1][1].append(f)
            else:
                out.append((f.section, [f]))
        return out


def _need(spec: FormSpec, field_id: str, types: tuple[str, ...], what: str) -> FieldSpec:
    f = spec.field(field_id)
    if f is None:
        raise ValueError(f"{what} refers to unknown field {field_id!r}")
    if types and f.type not in types:
        raise ValueError(f"{what}: field {field_id!r} is {f.type}, expected {'/'.join(types)}")
    return f


def _need_column(rows: FieldSpec, col_id: str, types: tuple[str, ...], what: str) -> None:
    c = rows.column(col_id)
    if c is None:
        raise ValueError(f"{what} refers to unknown column {rows.id}.{col_id}")
    if types and c.type not in types:
        raise ValueError(f"{what}: column {rows.id}.{col_id} is {c.type}, "
                         f"expected {'/'.join(types)}")


def _need_every_choice(spec: FormSpec, field_id: str, table: dict[str, Any], what: str) -> None:
    """``field_id`` is a choice field and ``table`` has an entry for each of its choices."""
    f = _need(spec, field_id, ("choice",), what)
    missing = [v for v in f.choice_values() if v not in table]
    if missing:
        raise ValueError(f"{what} for choice(s) {', '.join(missing)}")


def _fee_refs(rule: Any) -> list[str]:
    t = fee_table()
    fees, figures = {f.id for f in t.fees}, {f.id for f in t.figures}
    if isinstance(rule, TrademarkFeeRule):
        return [x for x in (rule.fee, rule.extra_fee) if x not in fees]
    if isinstance(rule, FeeReductionRule):
        return [x for x in (rule.single, rule.joint) if x not in figures]
    if isinstance(rule, LookupRule):
        return [x for x in rule.table.values() if isinstance(x, str) and x not in fees]
    if isinstance(rule, RowLimitByChoiceRule):
        return [x for x in rule.limits.values() if isinstance(x, str) and x not in figures]
    return []


def _check_rule_refs(spec: FormSpec, rule: Any) -> None:
    unknown = _fee_refs(rule)
    if unknown:
        raise ValueError(f"rule {rule.kind}: not in the fee table: {', '.join(unknown)}")
    what = f"rule {rule.kind}"
    if isinstance(rule, DateOrderRule):
        _need(spec, rule.start, ("date",), what)
        _need(spec, rule.end, ("date",), what)
    elif isinstance(rule, PatentExpiryRule):
        _need(spec, rule.date, ("date",), what)
        rows = _need(spec, rule.rows, ("rows",), what)
        _need_column(rows, rule.appno, ("appno",), what)
        _need_column(rows, rule.filing_date, ("date",), what)
    elif isinstance(rule, AllOwnersRule):
        rows = _need(spec, rule.rows, ("rows",), what)
        _need_column(rows, rule.owners, ("text", "longtext"), what)
        parties = _need(spec, rule.parties, ("rows",), what)
        _need_column(parties, rule.party_name, ("text",), what)
    elif isinstance(rule, RequiredIfRule):
        _need(spec, rule.field, (), what)
        _need(spec, rule.when, (), what)
        for other in (*rule.also, *rule.unless):
            _need(spec, other, (), what)
    elif isinstance(rule, WarnIfRule):
        for other in (rule.field, *rule.also):
            _need(spec, other, (), what)
    elif isinstance(rule, ChoiceAllowedRule):
        f = _need(spec, rule.field, ("choice",), what)
        w = _need(spec, rule.when, ("choice",), what)
        unknown = sorted({v for vs in rule.allowed.values() for v in vs} - set(f.choice_values())
                         | set(rule.allowed) - set(w.choice_values()))
        if unknown:
            raise ValueError(f"{what}: unknown choice(s) {', '.join(unknown)}")
    elif isinstance(rule, IdKindRule):
        _need(spec, rule.id_field, ("partyid",), what)
        _need_every_choice(spec, rule.choice, rule.kinds, f"{what}: no identifier kind")
    elif isinstance(rule, RowDateOrderRule):
        rows = _need(spec, rule.rows, ("rows",), what)
        _need_column(rows, rule.start, ("date",), what)
        _need_column(rows, rule.end, ("date",), what)
    elif isinstance(rule, RowRequiredForPatentTypesRule):
        rows = _need(spec, rule.rows, ("rows",), what)
        _need_column(rows, rule.appno, ("appno",), what)
        _need_column(rows, rule.column, (), what)
    elif isinstance(rule, PatentTypeMatchesRule):
        _need(spec, rule.appno, ("appno",), what)
        _need_every_choice(spec, rule.choice, rule.types, f"{what}: no patent types")
    elif isinstance(rule, SimilarGroupsRule):
        rows = _need(spec, rule.rows, ("rows",), what)
        _need_column(rows, rule.class_column, ("nice",), what)
        _need_column(rows, rule.groups_column, ("text",), what)
    elif isinstance(rule, DeadlineRule):
        _need(spec, rule.date, ("date",), what)
    elif isinstance(rule, RowLimitByChoiceRule):
        rows = _need(spec, rule.rows, ("rows",), what)
        _need_column(rows, rule.column, ("money", "int"), what)
        _need_column(rows, rule.choice_column, ("choice",), what)
    elif isinstance(rule, TrademarkFeeRule):
        rows = _need(spec, rule.rows, ("rows",), what)
        _need_column(rows, rule.class_column, ("nice",), what)
        _need_column(rows, rule.items_column, ("text", "longtext"), what)
        if rule.channel:
            _need(spec, rule.channel, ("choice",), what)
    elif isinstance(rule, FeeReductionRule):
        _need(spec, rule.rows, ("rows",), what)
    elif isinstance(rule, LookupRule):
        f = _need(spec, rule.field, ("choice",), what)
        missing = [v for v in f.choice_values() if v not in rule.table]
        if missing:
            raise ValueError(f"{what}: no value for choice(s) {', '.join(missing)}")
