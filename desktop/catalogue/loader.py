"""Reading and validating catalogue items from YAML (the bundled files, the editor).

A broken file is reported with the file, the item code and the field in question, e.g.
``resources/catalogue/ZL-008.yaml: 事项 ZL-008 字段“申请材料[2].份数”: 应为整数``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from desktop.catalogue.schema import FIELD_LABELS, ServiceItem
from desktop.errors import FieldProblem, UserError
from desktop.paths import resource

log = logging.getLogger(__name__)

_SUB_LABELS = {
    "body": "实施机构", "level": "层级", "title": "名称", "version_date": "版本日期",
    "articles": "条款", "kind": "方式", "detail": "说明", "name": "名称", "form": "原件/复印件",
    "copies": "份数", "required": "是否必需", "notes": "备注", "form_id": "表单编号",
    "q": "问题", "a": "回答", "date": "日期",
}

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def bundled_dir() -> Path:
    return resource("catalogue")


def field_path(loc: Iterable[Any]) -> str:
    """``('materials', 2, 'copies')`` → ``申请材料[3].份数`` (1-based, as people count)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            label = FIELD_LABELS.get(part) if not out else _SUB_LABELS.get(part, part)
            out += ("." if out else "") + (label or str(part))
    return out or "(整个事项)"


def _translate(err: ErrorDetails) -> tuple[str, str]:
    kind = err.get("type", "")
    msg = err.get("msg", "")
    zh = {
        "missing": "缺少此项（必填）",
        "extra_forbidden": "不认识的字段（请检查拼写）",
        "too_short": "不能为空",
        "string_too_short": "不能为空",
        "string_pattern_mismatch": "格式不对（编码应如 ZL-001；文字中不能含换行或“｜”）",
        "literal_error": "取值不在允许范围内：" + msg.split(":", 1)[-1].strip(),
        "int_parsing": "应为整数",
        "int_type": "应为整数",
        "bool_parsing": "应为“是/否”（true/false）",
        "bool_type": "应为“是/否”（true/false）",
        "date_from_datetime_parsing": "应为日期，如 2024-08-01",
        "date_parsing": "应为日期，如 2024-08-01",
        "date_type": "应为日期，如 2024-08-01",
        "list_type": "应为列表",
        "string_type": "应为文字",
        "model_type": "结构不对（应为若干“键: 值”）",
        "greater_than_equal": "数值太小",
        "less_than_equal": "数值太大",
    }.get(kind, msg)
    return zh, msg


def validation_problems(exc: ValidationError) -> list[FieldProblem]:
    problems = []
    for err in exc.errors():
        zh, en = _translate(err)
        problems.append(FieldProblem(field=field_path(err["loc"]), zh=zh, en=en))
    return problems


def validate_item(data: Any, *, file: str | None = None, row: int | None = None) -> ServiceItem:
    """Validate one item's data; raise :class:`UserError` naming file/row, item and field."""
    if not isinstance(data, dict):
        raise UserError("内容不是一个事项（应为若干“键: 值”）",
                        "the content is not one item (expected a mapping)", file=file, row=row)
    try:
        return ServiceItem.model_validate(data)
    except ValidationError as exc:
        raise item_error(exc, data.get("code"), file=file, row=row) from exc


def item_error(exc: ValidationError, code: Any, *, file: str | None = None,
               row: int | None = None) -> UserError:
    problems = validation_problems(exc)
    who = f"事项 {code}" if code else "事项（无编码）"
    who_en = f"item {code}" if code else "item (no code)"
    zh = f"{who}：" + "；".join(f"字段“{p.field}”{p.zh}" for p in problems)
    en = f"{who_en}: " + "; ".join(f"field '{p.field}': {p.en}" for p in problems)
    error = UserError(zh, en, file=file, row=row)
    error.problems = problems  # type: ignore[attr-defined]
    error.item_code = code  # type: ignore[attr-defined]
    return error


def parse_yaml(text: str, *, file: str | None = None) -> Any:
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise UserError(f"YAML格式错误（{problem}）", f"malformed YAML ({problem})",
                        file=file, row=line) from exc


def load_item_file(path: Path) -> ServiceItem:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UserError("文件不是UTF-8编码", "the file is not UTF-8 encoded",
                        file=str(path)) from exc
    except OSError as exc:
        raise UserError(f"无法读取文件（{exc.strerror}）", f"cannot read the file ({exc.strerror})",
                        file=str(path)) from exc
    item = validate_item(parse_yaml(text, file=str(path)), file=str(path))
    if path.stem != item.code:
        log.warning("%s holds item %s (file name and code differ)", path, item.code)
    return item


def load_directory(directory: Path | None = None) -> list[ServiceItem]:
    """Every ``*.yaml`` item under ``directory`` (default: the bundled catalogue)."""
    directory = directory or bundled_dir()
    items: list[ServiceItem] = []
    seen: dict[str, Path] = {}
    for path in sorted(directory.glob("*.yaml")):
        item = load_item_file(path)
        if item.code in seen:
            raise UserError(f"事项编码 {item.code} 重复（另见 {seen[item.code].name}）",
                            f"duplicate item code {item.code} (also in {seen[item.code].name})",
                            file=str(path), field="事项编码")
        seen[item.code] = path
        items.append(item)
    if not items:
        raise UserError("没有找到任何事项文件（*.yaml）", "no item files (*.yaml) found",
                        file=str(directory))
    return items


def item_to_yaml(item: ServiceItem) -> str:
    """The human-editable YAML for one item (keys in schema order, Chinese kept readable)."""
    return yaml.dump(item_to_data(item), Dumper=_DUMPER, allow_unicode=True,
                     sort_keys=False, width=100)


def item_to_data(item: ServiceItem) -> dict[str, Any]:
    """Plain data (dates as ISO strings) for the database and JSON output."""
    return item.model_dump(mode="json")
