"""Generate one filled form: pre-fill, validate, write DOCX/XLSX (+ attachments), record."""

from __future__ import annotations

import datetime as _dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.clients import api as clients
from desktop.clients.api import ClientData
from desktop.context import AppContext
from desktop.errors import FieldProblem, UserError, ValidationFailed
from desktop.forms.history import NewDocument, record_documents
from desktop.forms.output import (
    AttachmentFile,
    DocMeta,
    document_stem,
    inside,
    safe_filename_part,
    unique_path,
    write_docx,
    write_rows_attachment,
    write_xlsx,
)
from desktop.forms.prefill import party_name, prefill
from desktop.forms.registry import FormDef, FormRegistry, cached_registry
from desktop.forms.validation import FormResult, validate_form
from desktop.settings import api as settings

log = logging.getLogger(__name__)
FORMATS = ("docx", "xlsx")


@dataclass(frozen=True)
class Generated:
    record_id: int | None
    path: Path
    attachments: list[Path] = field(default_factory=list)
    warnings: list[FieldProblem] = field(default_factory=list)


def form_registry(ctx: AppContext) -> FormRegistry:
    """Bundled forms plus the administrator's in ``<data>/user/forms``."""
    return cached_registry(ctx.paths.user_dir)


def outlet_name(ctx: AppContext) -> str:
    return settings.get_outlet(ctx).name


def load_client(ctx: AppContext, client_id: int | None) -> ClientData | None:
    return None if client_id is None else clients.get_client(ctx, client_id)


def check_form(ctx: AppContext, form_id: str, data: dict[str, Any],
               client_id: int | None = None) -> FormResult:
    """Validate ``data`` for ``form_id`` (pre-filled from the client when given)."""
    form = form_registry(ctx).get(form_id)
    client = load_client(ctx, client_id)
    if client is not None:
        data = prefill(form.spec, client, data)
    return validate_form(form.spec, data)


def format_of(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UserError(f"输出文件应以 .docx 或 .xlsx 结尾，而不是“{path.suffix or '（无扩展名）'}”",
                        f"the output file must end in .docx or .xlsx, not '{path.suffix}'",
                        file=str(path))
    return fmt


def write_outputs(form: FormDef, result: FormResult, target: Path, fmt: str,
                  meta: DocMeta) -> tuple[Path, list[Path]]:
    """Write the document (and its attachments beside it); return their paths."""
    if fmt not in form.spec.formats:
        raise UserError(f"表单“{form.spec.name}”不能生成{fmt.upper()}（可用："
                        f"{'、'.join(form.spec.formats)}）",
                        f"form {form.id} cannot be generated as {fmt} "
                        f"(available: {', '.join(form.spec.formats)})")
    files: list[AttachmentFile] = []
    for att in form.spec.attachments:
        rows = result.values.get(att.rows) or []
        if len(rows) > att.more_than:
            f = form.spec.field(att.rows)
            assert f is not None
            path = unique_path(target.parent, f"{target.stem}_{safe_filename_part(att.title)}",
                               "xlsx")
            write_rows_attachment(path, f, result, att.title)
            files.append(AttachmentFile(att.title, path, len(rows)))
    try:
        if fmt == "docx":
            write_docx(target, result, form, meta, files)
        else:
            write_xlsx(target, result, form, meta)
    except BaseException:
        for a in files:
            a.path.unlink(missing_ok=True)
        raise
    return target, [a.path for a in files]


def generate(ctx: AppContext, form_id: str, data: dict[str, Any], *,
             client_id: int | None = None, fmt: str = "docx", folder: Path | None = None,
             out_path: Path | None = None, date: _dt.date | None = None,
             accept_warnings: bool = True) -> Generated:
    """Generate and record one document.

    The file goes to ``out_path`` when given (its suffix picks the format), else to a new
    file named from form, client and date in ``folder`` (default: the data folder's
    ``generated``).  Invalid data raises :class:`ValidationFailed` and writes nothing.
    """
    form = form_registry(ctx).get(form_id)
    client = load_client(ctx, client_id)
    if client is not None:
        data = prefill(form.spec, client, data)
    result = validate_form(form.spec, data)
    if not result.ok:
        raise ValidationFailed(result.problems)
    if result.warnings and not accept_warnings:
        raise ValidationFailed(result.warnings)
    date = date or _dt.date.today()
    name = client.name if client is not None else party_name(form.spec, result.values)
    if out_path is not None:
        fmt = format_of(out_path)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        target = inside(out_path.parent, out_path)
    else:
        folder = folder or ctx.paths.generated_dir
        target = unique_path(folder, document_stem(form, name, date), fmt)
    meta = DocMeta(date, outlet_name(ctx), name)
    path, attachments = write_outputs(form, result, target, fmt, meta)
    try:
        [record_id] = record_documents(ctx.db, [NewDocument(
            form.id, form.spec.version, form.spec.name, client_id, name, result.values, fmt,
            str(path), [str(a) for a in attachments], ctx.actor)])
    except BaseException:  # no document without its record
        for p in [path, *attachments]:
            p.unlink(missing_ok=True)
        raise
    log.info("generated %s for %r: %s", form.id, name, path)
    return Generated(record_id, path, attachments, result.warnings)
