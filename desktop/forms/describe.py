"""Plain descriptions of forms for the command line and other tools: the schema as a
dict, a valid example, reading form data from a JSON file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from desktop.common.limits import (
    MAX_JSON_BYTES,
    MAX_JSON_DEPTH,
    json_depth_over,
    json_value_problem,
)
from desktop.errors import UserError
from desktop.forms.registry import FormDef
from desktop.forms.spec import FieldSpec
from desktop.forms.validation import validate_form


def field_schema(f: FieldSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"id": f.id, "label": f.label, "label_en": f.label_en, "type": f.type,
                           "required": f.required}
    if f.choices:
        out["choices"] = [{"value": c.value, "en": c.en} for c in f.choices]
    for key in ("max_length", "min", "max", "default", "prefill", "min_rows", "max_rows"):
        value = getattr(f, key)
        if value not in (None, 0):
            out[key] = value
    if f.patent_types:
        out["patent_types"] = list(f.patent_types)
    if f.help:
        out["help"], out["help_en"] = f.help, f.help_en
    if f.section:
        out["section"] = f.section
    if f.columns:
        out["columns"] = [field_schema(c) for c in f.columns]
    return out


def form_summary(d: FormDef) -> dict[str, Any]:
    s = d.spec
    return {"id": s.id, "name": s.name, "name_en": s.name_en, "version": s.version,
            "formats": list(s.formats), "category": s.category, "category_en": s.category_en,
            "authority": s.authority, "description": s.description, "origin": d.origin}


def form_schema(d: FormDef) -> dict[str, Any]:
    s = d.spec
    out = form_summary(d)
    out["fields"] = [field_schema(f) for f in s.fields]
    out["rules"] = [{k: v for k, v in r.model_dump().items() if v not in ({}, "")}
                    for r in s.rules]  # unused options (also, unless, why) left out
    out["materials"] = [m.model_dump(exclude_defaults=True) for m in s.materials]
    out["attachments"] = [a.model_dump() for a in s.attachments]
    return out


def example_data(d: FormDef) -> dict[str, Any]:
    """The spec's example in canonical form (validated: raises if the spec's example is bad)."""
    res = validate_form(d.spec, d.spec.example)
    if not res.ok:
        raise UserError(f"表单“{d.id}”的示例数据无效：{res.problems[0].zh}",
                        f"the example of form {d.id} is invalid: {res.problems[0].en}")
    return {k: v for k, v in res.values.items() if v not in (None, [], "")}


def read_data_file(path: Path) -> dict[str, Any]:
    """Form data from a UTF-8 JSON file holding one object."""
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size > MAX_JSON_BYTES:
        raise UserError(f"数据文件有{size:,}字节，超过上限{MAX_JSON_BYTES:,}",
                        f"the data file is {size:,} bytes, over the limit of {MAX_JSON_BYTES:,}",
                        file=name)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserError("文件不存在", "file not found", file=name) from None
    except UnicodeDecodeError:
        raise UserError("文件不是UTF-8编码的JSON，请另存为UTF-8", "the file is not UTF-8 JSON",
                        file=name) from None
    except OSError as exc:
        raise UserError(f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})",
                        file=name) from exc
    if json_depth_over(text):
        raise UserError(f"JSON嵌套超过{MAX_JSON_DEPTH}层", f"the JSON nests deeper than "
                        f"{MAX_JSON_DEPTH} levels", file=name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"JSON格式错误（第{exc.lineno}行第{exc.colno}列：{exc.msg}）",
                        f"invalid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
                        file=name) from exc
    except (ValueError, RecursionError) as exc:  # e.g. a number over Python's digit limit
        zh, en = json_value_problem(exc)
        raise UserError(f"JSON中{zh}", f"in the JSON, {en}", file=name) from exc
    if not isinstance(data, dict):
        raise UserError("JSON应为一个对象（字段编号: 值）", "the JSON must be an object "
                        "(field id: value)", file=name)
    return data
