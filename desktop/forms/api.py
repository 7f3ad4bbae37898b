"""The forms capability's front door: filing forms — their definitions, validation,
pre-fill from a client, DOCX/XLSX generation (one or a batch) and the record of generated
documents.  The only module the GUI and the CLI import from the forms.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any

from desktop.changes import Changes, Op
from desktop.clients import api as clients
from desktop.context import AppContext
from desktop.forms import batch, describe, generate, history, preview
from desktop.forms.batch import BatchReport
from desktop.forms.fields import format_date
from desktop.forms.generate import Generated, format_of
from desktop.forms.history import DocumentRecord
from desktop.forms.prefill import prefill as _prefill
from desktop.forms.registry import FormDef, FormRegistry, LoadProblem
from desktop.forms.spec import FieldSpec, FormSpec
from desktop.forms.validation import Computed, FormResult, validate_form, value_at
from desktop.jobs import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.wiring import ItemKey

DOCUMENTS_CHANGED = Changes(documents=True)


# -- definitions -----------------------------------------------------------------------

def form_registry(ctx: AppContext) -> FormRegistry:
    """Bundled forms plus the administrator's in ``<data>/user/forms`` (cached until a
    file there changes); ``registry.problems`` names the specs that failed to load."""
    return generate.form_registry(ctx)


def get_form(ctx: AppContext, form_id: str) -> FormDef:
    return form_registry(ctx).get(form_id)


def form_summary(form: FormDef) -> dict[str, Any]:
    return describe.form_summary(form)


def form_schema(form: FormDef) -> dict[str, Any]:
    return describe.form_schema(form)


def example_data(form: FormDef) -> dict[str, Any]:
    return describe.example_data(form)


def upgrade_data(form: FormDef, data: dict[str, Any]) -> dict[str, Any]:
    """Data saved with an older version of the form, its moved fields in their new places."""
    return form.spec.upgrade(data)


def read_data_file(path: Path) -> dict[str, Any]:
    """Form data from a UTF-8 JSON file holding one object (``UserError`` otherwise)."""
    return describe.read_data_file(path)


# -- filling ---------------------------------------------------------------------------

def validate(form: FormDef, data: dict[str, Any] | None) -> FormResult:
    """Check every field and cross-field rule (pure: for live validation as the user types)."""
    return validate_form(form.spec, data)


def check_form(ctx: AppContext, form_id: str, data: dict[str, Any],
               client_id: int | None = None) -> FormResult:
    """Validate ``data`` for ``form_id``, pre-filled from the client when given."""
    return generate.check_form(ctx, form_id, data, client_id)


def prefill(form: FormDef, client: clients.ClientData, data: dict[str, Any] | None = None, *,
            overwrite: bool = False) -> dict[str, Any]:
    """``data`` with the fields the client's profile knows filled in (pure)."""
    return _prefill(form.spec, client, data, overwrite=overwrite)


def prefill_from_client(ctx: AppContext, form: FormDef, client_id: int,
                        data: dict[str, Any] | None = None, *, overwrite: bool = False
                        ) -> tuple[clients.ClientData, dict[str, Any]]:
    """Read the client and pre-fill ``data`` from it: (client, filled data)."""
    client = clients.get_client(ctx, client_id)
    return client, prefill(form, client, data, overwrite=overwrite)


def preview_html(ctx: AppContext, result: FormResult, *, lang: str = "zh",
                 today: _dt.date | None = None) -> str:
    """The filled form as HTML (preview and printing), with the outlet and date."""
    return preview.preview_html(result, lang=lang, outlet=generate.outlet_name(ctx),
                                date_text=format_date(today or _dt.date.today()))


# -- generating ------------------------------------------------------------------------

def generate_document(ctx: AppContext, form_id: str, data: dict[str, Any], *,
                      client_id: int | None = None, fmt: str = "docx",
                      folder: Path | None = None, out_path: Path | None = None,
                      date: _dt.date | None = None) -> Op[Generated]:
    """Validate, write (DOCX/XLSX + attachments) and record one document.

    Invalid data raises ``ValidationFailed`` and writes nothing.
    """
    out = generate.generate(ctx, form_id, data, client_id=client_id, fmt=fmt, folder=folder,
                            out_path=out_path, date=date)
    return Op(out, DOCUMENTS_CHANGED)


def run_batch(ctx: AppContext, form_id: str, data_file: Path, folder: Path, *,
              fmt: str = "docx", client_id: int | None = None,
              progress: ProgressFn = no_progress,
              cancelled: CancelledFn = never_cancelled) -> Op[BatchReport]:
    """One document per row of ``data_file``; bad rows reported, the others generated.

    A cancelled batch keeps and records what it generated, then raises ``Cancelled``.
    """
    job = batch.batch_job(ctx, form_id, data_file, folder, fmt=fmt, client_id=client_id)
    return Op(job(progress, cancelled), DOCUMENTS_CHANGED)


def write_batch_template(form: FormDef, path: Path) -> Path:
    """A workbook to fill, one row per document, for :func:`run_batch`."""
    return batch.write_batch_template(form, path)


# -- history ---------------------------------------------------------------------------

def list_documents(ctx: AppContext, *, form_id: str | None = None,
                   client_id: int | None = None, query: str = "",
                   limit: int = 500) -> list[DocumentRecord]:
    """Generated documents, newest first."""
    return history.list_documents(ctx.db, form_id=form_id, client_id=client_id, query=query,
                                  limit=limit)


def get_document(ctx: AppContext, doc_id: int) -> DocumentRecord:
    return history.get_document(ctx.db, doc_id)


def count_documents(ctx: AppContext, form_id: str) -> int:
    return history.count_documents_for_form(ctx.db, form_id)


def documents_for_service_item(ctx: AppContext, item: ItemKey) -> int:
    """Documents generated from the forms a service item lists under 相关表格 (wired by
    ``desktop.app``: the catalogue retires such an item instead of deleting it)."""
    return history.count_documents_for_forms(ctx.db, item.form_ids)


__all__ = [
    "DOCUMENTS_CHANGED", "BatchReport", "Computed", "DocumentRecord", "FieldSpec", "FormDef",
    "FormRegistry", "FormResult", "FormSpec", "Generated", "LoadProblem", "check_form",
    "count_documents", "documents_for_service_item", "example_data", "form_registry",
    "form_schema", "form_summary", "format_of", "generate_document", "get_document",
    "get_form", "list_documents", "prefill", "prefill_from_client", "preview_html",
    "read_data_file", "run_batch", "validate", "value_at", "write_batch_template",
]
