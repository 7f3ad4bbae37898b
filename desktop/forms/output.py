"""Writing filled forms: DOCX through the form's template, XLSX through openpyxl, and the
XLSX attachments (e.g. the list of pledged patents).  Files are written atomically and only
inside the chosen folder."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.common.files import save_atomically
from desktop.common.xlsx import autofit, safe_cell, save_workbook, write_rows
from desktop.errors import UserError
from desktop.forms.fields import format_date
from desktop.forms.registry import FormDef
from desktop.forms.render_docx import compiled
from desktop.forms.spec import FieldSpec
from desktop.forms.validation import FormResult

DEFAULT_OUTLET = "知识产权公共服务网点"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


@dataclass(frozen=True)
class DocMeta:
    """What the header/footer need besides the data."""

    date: _dt.date
    outlet: str = ""
    client_name: str = ""


@dataclass(frozen=True)
class AttachmentFile:
    title: str
    path: Path
    rows: int


def safe_filename_part(text: str, limit: int = 40) -> str:
    """A piece of a file name: no path separators, reserved or control characters."""
    text = unicodedata.normalize("NFKC", text)
    text = _UNSAFE.sub("_", text).strip(" ._")
    return text[:limit].strip(" ._") or "未命名"


def inside(folder: Path, path: Path) -> Path:
    """``path`` resolved, refusing anything that is not directly inside ``folder``."""
    folder = folder.resolve()
    resolved = path.resolve()
    if resolved.parent != folder:
        raise UserError("输出文件必须位于所选文件夹内", "the output file must be inside the "
                        "chosen folder", file=str(path))
    return resolved


def unique_path(folder: Path, stem: str, ext: str) -> Path:
    """``folder/stem.ext``, or ``stem_2.ext``, ``stem_3.ext``… when taken."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"无法创建输出文件夹（{exc.strerror or exc}）",
                        f"cannot create the output folder ({exc.strerror or exc})",
                        file=str(folder)) from exc
    candidate = folder / f"{stem}.{ext}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}_{n}.{ext}"
        n += 1
    return inside(folder, candidate)


def document_stem(form: FormDef, client_name: str, date: _dt.date) -> str:
    parts = [safe_filename_part(form.spec.name)]
    if client_name.strip():
        parts.append(safe_filename_part(client_name))
    parts.append(date.strftime("%Y%m%d"))
    return "_".join(parts)


def template_context(result: FormResult, form: FormDef, meta: DocMeta,
                     attachments: list[AttachmentFile] | None = None) -> dict[str, Any]:
    ctx: dict[str, Any] = dict(result.display)
    spec = form.spec
    ctx["_form"] = {"id": spec.id, "name": spec.name, "name_en": spec.name_en,
                    "version": spec.version, "authority": spec.authority,
                    "declaration": spec.declaration, "notes": list(spec.notes),
                    "basis": [b.cite() for b in spec.basis]}
    ctx["_meta"] = {"date": format_date(meta.date), "outlet": meta.outlet or DEFAULT_OUTLET,
                    "client": meta.client_name}
    ctx["_computed"] = [{"id": c.id, "label": c.label, "display": c.display,
                         "explanation": c.explanation} for c in result.computed]
    ctx["_materials"] = [zh for zh, _en in result.materials]
    ctx["_attachments"] = [{"title": a.title, "file": a.path.name, "rows": a.rows}
                           for a in attachments or []]
    return ctx


def _atomic_write(path: Path, data: bytes) -> None:
    save_atomically(path, lambda tmp: Path(tmp).write_bytes(data))


def render_docx_bytes(result: FormResult, form: FormDef, meta: DocMeta,
                      attachments: list[AttachmentFile] | None = None) -> bytes:
    if form.template_path is None:
        raise UserError(f"表单“{form.spec.name}”没有Word模板，只能生成XLSX",
                        f"form {form.id} has no Word template; generate XLSX instead")
    ctx = template_context(result, form, meta, attachments)
    return compiled(form.template_path).render(ctx)


def write_docx(path: Path, result: FormResult, form: FormDef, meta: DocMeta,
               attachments: list[AttachmentFile] | None = None) -> Path:
    _atomic_write(path, render_docx_bytes(result, form, meta, attachments))
    return path


def _column_values(f: FieldSpec, rows: list[dict[str, Any]]) -> list[list[Any]]:
    return [[i] + [row.get(c.id, "") for c in f.columns] for i, row in enumerate(rows, 1)]


def write_xlsx(path: Path, result: FormResult, form: FormDef, meta: DocMeta) -> Path:
    """The whole form as a workbook: one sheet of fields, one per list, fees, materials."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    spec = form.spec
    wb = Workbook()
    ws = wb.active
    ws.title = "表单"
    ws.append([safe_cell(spec.name)])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([safe_cell(f"生成日期：{format_date(meta.date)}"),
               safe_cell(f"生成单位：{meta.outlet or DEFAULT_OUTLET}")])
    ws.append([])
    write_rows(ws, ["项目", "内容"],
               [[f.label, result.display.get(f.id, "")] for f in spec.fields
                if f.type != "rows"])
    ws.freeze_panes = None
    for c in result.computed:
        ws.append([safe_cell(c.label), safe_cell(c.display), safe_cell(c.explanation)])
    for zh, _en in result.materials:
        ws.append([safe_cell("需提交材料"), safe_cell(f"☐ {zh}")])
    for row in ws.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    autofit(ws)
    for f in spec.fields:
        if f.type == "rows":
            sheet = wb.create_sheet(safe_filename_part(f.label, 31))
            write_rows(sheet, ["序号"] + [c.label for c in f.columns],
                       _column_values(f, result.display.get(f.id) or []))
            autofit(sheet)
    save_workbook(wb, path)
    return path


def write_rows_attachment(path: Path, f: FieldSpec, result: FormResult, title: str) -> Path:
    """One rows field as its own workbook (e.g. the patent list of a pledge)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = safe_filename_part(title, 31)
    write_rows(ws, ["序号"] + [c.label for c in f.columns],
               _column_values(f, result.display.get(f.id) or []))
    autofit(ws)
    save_workbook(wb, path)
    return path
