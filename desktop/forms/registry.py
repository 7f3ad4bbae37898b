"""Finding and loading form specs: the bundled ones in ``resources/forms/`` and an
administrator's extra spec+template pairs in ``<data>/user/forms/``.

Every spec is validated on load (pydantic, field references, template tags); a broken one
is left out and reported with a message naming its file, never silently dropped.  A user
spec with the id of a bundled one replaces it (how an outlet updates a form).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from desktop.common.fees import render, unknown_references
from desktop.errors import UserError
from desktop.forms.render_docx import compiled
from desktop.forms.spec import FormSpec
from desktop.paths import resource

log = logging.getLogger(__name__)
SPEC_SUFFIXES = (".yaml", ".yml", ".json")
CONTEXT_NAMES = frozenset({"_form", "_meta", "_computed", "_materials", "_attachments"})


@dataclass(frozen=True)
class FormDef:
    """A loaded form: its spec, where it came from and its template file."""

    spec: FormSpec
    source: Path
    template_path: Path | None
    origin: str  # "bundled" | "user"

    @property
    def id(self) -> str:
        return self.spec.id


@dataclass(frozen=True)
class LoadProblem:
    file: Path
    zh: str
    en: str

    def text(self, lang: str = "zh") -> str:
        """The message; it names the file (spec or template) at fault."""
        return self.zh if lang == "zh" else self.en


@dataclass
class FormRegistry:
    forms: dict[str, FormDef] = field(default_factory=dict)
    problems: list[LoadProblem] = field(default_factory=list)

    def get(self, form_id: str) -> FormDef:
        try:
            return self.forms[form_id]
        except KeyError:
            raise UserError(f"没有表单“{form_id}”（可用 forms list 查看全部表单）",
                            f"no form '{form_id}' (see 'forms list')", field="form") from None

    def ordered(self) -> list[FormDef]:
        return sorted(self.forms.values(), key=lambda d: (d.spec.category, d.spec.id))

    def search(self, query: str = "") -> list[FormDef]:
        """Forms whose id, names, category or keywords contain every word of ``query``."""
        words = query.lower().split()
        out = []
        for d in self.ordered():
            s = d.spec
            hay = " ".join((s.id, s.name, s.name_en, s.category, s.category_en,
                            s.description, " ".join(s.keywords))).lower()
            if all(w in hay for w in words):
                out.append(d)
        return out


def bundled_dir() -> Path:
    return resource("forms")


def user_forms_dir(user_dir: Path) -> Path:
    return user_dir / "forms"


def _read(path: Path) -> Any:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _with_fees(value: Any) -> Any:
    """The spec with ``{fee:…}`` / ``{figure:…}`` in its texts replaced from the fee table
    (amounts live in ``resources/fees.yaml`` only)."""
    if isinstance(value, str):
        return render(value)
    if isinstance(value, dict):
        return {k: _with_fees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_fees(v) for v in value]
    return value


def _unknown_fees(value: Any) -> list[str]:
    if isinstance(value, str):
        return unknown_references(value)
    if isinstance(value, dict):
        return [x for v in value.values() for x in _unknown_fees(v)]
    if isinstance(value, list):
        return [x for v in value for x in _unknown_fees(v)]
    return []


def _pydantic_message(exc: ValidationError) -> tuple[str, str]:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err["loc"])
        parts.append(f"{loc}: {err['msg']}" if loc else err["msg"])
    more = f" (+{exc.error_count() - 5})" if exc.error_count() > 5 else ""
    text = "; ".join(parts) + more
    return f"表单定义有误：{text}", f"invalid form spec: {text}"


def load_form(path: Path, origin: str) -> FormDef:
    """Load and check one spec file (and its template).  Raises :class:`UserError`."""
    name = str(path)
    try:
        raw = _read(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"无法读取表单定义（{exc}）", f"cannot read the form spec ({exc})",
                        file=name) from exc
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise UserError(f"表单定义不是有效的YAML/JSON：{exc}",
                        f"the form spec is not valid YAML/JSON: {exc}", file=name) from exc
    if not isinstance(raw, dict):
        raise UserError("表单定义应为一个对象（键: 值）", "the form spec must be a mapping",
                        file=name)
    unknown = sorted(set(_unknown_fees(raw)))
    if unknown:
        raise UserError("收费标准表中没有这些费用编号：" + "、".join(unknown),
                        "not in the fee table: " + ", ".join(unknown), file=name)
    try:
        spec = FormSpec.model_validate(_with_fees(raw))
    except ValidationError as exc:
        zh, en = _pydantic_message(exc)
        raise UserError(zh, en, file=name) from exc
    template_path = None
    if spec.template:
        template_path = (path.parent / spec.template).resolve()
        if path.parent.resolve() not in template_path.parents:
            raise UserError("模板必须与表单定义在同一文件夹中",
                            "the template must sit in the spec's folder", file=name)
        if not template_path.is_file():
            raise UserError(f"找不到模板文件 {spec.template}",
                            f"template file {spec.template} not found", file=name)
        known = {f.id for f in spec.fields} | CONTEXT_NAMES
        unknown = sorted(compiled(template_path).variables - known)
        if unknown:
            raise UserError(f"模板使用了表单中没有的字段：{', '.join(unknown)}",
                            f"the template uses fields the spec lacks: {', '.join(unknown)}",
                            file=str(template_path))
    return FormDef(spec, path, template_path, origin)


def _spec_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SPEC_SUFFIXES
                  and p.is_file() and not p.name.startswith("."))


def load_registry(user_dir: Path | None = None, *, bundled: Path | None = None) -> FormRegistry:
    """All forms: bundled first, then the administrator's (which may replace bundled ones)."""
    cat = FormRegistry()
    sources = [(bundled or bundled_dir(), "bundled")]
    if user_dir is not None:
        sources.append((user_forms_dir(user_dir), "user"))
    for folder, origin in sources:
        for path in _spec_files(folder):
            try:
                d = load_form(path, origin)
            except UserError as exc:
                log.warning("form spec %s not loaded: %s", path, exc.message("en"))
                cat.problems.append(LoadProblem(path, exc.message("zh"), exc.message("en")))
                continue
            if d.id in cat.forms and cat.forms[d.id].origin == origin:
                cat.problems.append(LoadProblem(
                    path, f"表单编号“{d.id}”与 {cat.forms[d.id].source.name} 重复，已忽略",
                    f"form id '{d.id}' repeats {cat.forms[d.id].source.name}; ignored"))
                continue
            if d.id in cat.forms:
                log.info("user form %s replaces the bundled one", d.id)
            cat.forms[d.id] = d
    return cat


def _signature(user_dir: Path | None) -> tuple[tuple[str, float], ...]:
    folders = [bundled_dir()] + ([user_forms_dir(user_dir)] if user_dir else [])
    sig = []
    for folder in folders:
        if folder.is_dir():
            sig.append((str(folder), folder.stat().st_mtime))
            for p in folder.iterdir():
                sig.append((str(p), p.stat().st_mtime))
    return tuple(sorted(sig))


_catalogs: dict[str, tuple[tuple[tuple[str, float], ...], FormRegistry]] = {}


def cached_registry(user_dir: Path | None = None) -> FormRegistry:
    """:func:`load_registry`, cached until a spec or template file changes."""
    key = str(user_dir)
    sig = _signature(user_dir)
    hit = _catalogs.get(key)
    if hit is None or hit[0] != sig:
        hit = (sig, load_registry(user_dir))
        _catalogs[key] = hit
    return hit[1]
