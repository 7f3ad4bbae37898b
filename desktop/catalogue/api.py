"""The catalogue capability's front door: service items (公共服务事项清单) and their process
guides.  The only module the GUI and the CLI import from the catalogue.

Bundled items (``resources/catalogue/*.yaml``) are loaded into the database on first use;
from then on the database is the truth, kept current by the item editor and by spreadsheet
import (with a diff and per-item history).  Documents, handouts and spreadsheets are written
by submodules that load python-docx / openpyxl only when called, so importing this module
stays cheap for the window's start.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence, Set
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desktop import audit
from desktop.catalogue import admin, loader, store
from desktop.catalogue.filtering import CatalogueIndex, categories_of
from desktop.catalogue.guide_html import FORM_SCHEME, guide_html
from desktop.catalogue.import_plan import ImportPlan, ImportRejected
from desktop.catalogue.references import reference_counter
from desktop.catalogue.review import (
    DEFAULT_MAX_AGE_DAYS,
    Finding,
    citation_problems,
    free_amounts,
    stale_items,
)
from desktop.catalogue.schema import (
    AUDIENCES,
    CATEGORIES,
    FIELD_LABELS,
    FIELD_LABELS_EN,
    FormRef,
    ServiceItem,
)
from desktop.catalogue.store import EditableItem, HistoryEntry
from desktop.catalogue.suggest import CatalogueMatcher, Suggestion
from desktop.catalogue.suggest import suggest_items as _suggest_items
from desktop.catalogue.text import footer_line, item_plain_text, item_sections, material_line
from desktop.changes import Changes, Op
from desktop.common import pdf
from desktop.context import AppContext
from desktop.jobs import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.settings import api as settings
from desktop.wiring import SearchDocument

CATALOGUE_CHANGED = Changes(catalogue=True)
Ticks = Mapping[str, Set[int]]


# -- reading ---------------------------------------------------------------------------

def load_index(ctx: AppContext, *, include_retired: bool = True) -> CatalogueIndex:
    """The catalogue with its filter data precomputed, ready for instant filtering."""
    return CatalogueIndex(store.list_items(ctx.db, include_retired=include_retired))


def list_items(ctx: AppContext, *, include_retired: bool = False) -> list[ServiceItem]:
    return store.list_items(ctx.db, include_retired=include_retired)


def get_item(ctx: AppContext, code: str) -> ServiceItem:
    """One item by code (case-insensitive); an unknown code raises ``UserError``."""
    return store.get_item(ctx.db, code)


def get_items(ctx: AppContext, codes: Iterable[str]) -> list[ServiceItem]:
    return store.get_items(ctx.db, codes)


def item_history(ctx: AppContext, code: str) -> list[HistoryEntry]:
    """Earlier versions of an item, newest first."""
    return store.item_history(ctx.db, code)


def references(ctx: AppContext, item: ServiceItem) -> int:
    """How many records elsewhere (documents, visits) refer to ``item``."""
    return reference_counter(ctx)(item)


def search_documents(ctx: AppContext) -> list[SearchDocument]:
    """Every active item as a document for the library's search box (wired by desktop.app)."""
    store.ensure_loaded(ctx.db)
    return [SearchDocument(code=s.item.code, name=s.item.name, category=s.item.category,
                           text=item_plain_text(s.item), active=s.item.active,
                           updated_at=s.updated_at)
            for s in store.stored_items(ctx.db, include_retired=False)]


def suggest_items(ctx: AppContext, text: str, limit: int = 5) -> list[Suggestion]:
    """Active items for a need in the visitor's own words, best first, each with the words
    that matched ("专利贷款" -> 专利权质押登记, 质押融资对接 …); [] for an empty text.
    The matcher is built once per context and rebuilt when the catalogue changes."""
    return _suggest_items(ctx, text, limit)


# -- item text (pure) ------------------------------------------------------------------

def item_to_data(item: ServiceItem) -> dict[str, Any]:
    return loader.item_to_data(item)


def item_from_data(data: dict[str, Any]) -> ServiceItem:
    """An item from its stored data (as :func:`item_to_data` writes it), validated."""
    return loader.validate_item(data)


def item_to_yaml(item: ServiceItem) -> str:
    return loader.item_to_yaml(item)


def item_from_yaml(text: str, *, file: str | None = None) -> ServiceItem:
    """Parse and validate an item written in YAML (the editor); ``UserError`` names the
    field in question (and ``file``, what the text is called)."""
    return loader.validate_item(loader.parse_yaml(text, file=file), file=file)


def check_item_files(paths: Sequence[Path]) -> int:
    """Validate item YAML files or folders (default: the bundled ones); returns how many."""
    return len(load_item_files(paths))


def load_item_files(paths: Sequence[Path]) -> list[ServiceItem]:
    """The items of YAML files or folders (default: the bundled ones), validated."""
    items: list[ServiceItem] = []
    for p in paths or [loader.bundled_dir()]:
        if p.is_dir():
            items += loader.load_directory(p)
        else:
            items.append(loader.load_item_file(p))
    return items


def stale_facts(item: ServiceItem, *, max_age_days: int = DEFAULT_MAX_AGE_DAYS) -> bool:
    """True when the item's facts were checked more than ``max_age_days`` ago, or never."""
    return bool(stale_items([item], max_age_days=max_age_days))


def review_items(items: Sequence[ServiceItem], *, max_age_days: int = DEFAULT_MAX_AGE_DAYS,
                 laws: Path | None = None, today: _dt.date | None = None) -> list[Finding]:
    """What needs an officer's attention: facts checked too long ago (or never), amounts
    written as text instead of cited from the fee table, and — given the law texts —
    citations of articles that are missing or do not say what they are cited for."""
    found = stale_items(items, max_age_days=max_age_days, today=today) + free_amounts(items)
    if laws is not None:
        found += citation_problems(items, laws)
    return found


# -- changing --------------------------------------------------------------------------

def get_item_for_edit(ctx: AppContext, code: str) -> EditableItem:
    """One item with the lock version the editor must save against (and who changed it)."""
    return store.get_editable(ctx.db, code)


_AUDIT_ACTIONS = {"added": "catalogue_edit", "changed": "catalogue_edit",
                  "retired": "catalogue_retire", "restored": "catalogue_restore",
                  "deleted": "catalogue_delete"}


def _audit(ctx: AppContext, target: str, **detail: object) -> store.AuditHook:
    """The audit entry of a catalogue change, written in the change's own transaction."""

    def write(session: Session, outcome: str) -> None:
        audit.record(session, ctx, _AUDIT_ACTIONS[outcome], target,
                     {"outcome": outcome, **detail})

    return write


def save_item(ctx: AppContext, item: ServiceItem, *, note: str = "",
              lock_version: int | None = None) -> Op[str]:
    """Save an edited item (already validated); the old version goes to history.

    ``lock_version`` (from :func:`get_item_for_edit`): when another desk saved the item since,
    :class:`desktop.errors.EditConflict` carries both versions and nothing is written; save
    again with the conflict's ``their_version`` to overwrite on purpose."""
    return Op(store.save_item(ctx.db, item, note=note, lock_version=lock_version,
                              actor=ctx.actor, desk=ctx.desk,
                              audit=_audit(ctx, item.code, version=item.version, note=note)),
              CATALOGUE_CHANGED)


def delete_item(ctx: AppContext, code: str) -> Op[str]:
    """Delete an item nobody refers to; a referenced one is retired ("deleted"/"retired")."""
    return Op(store.delete_item(ctx.db, code, references=reference_counter(ctx),
                                actor=ctx.actor, audit=_audit(ctx, code.strip().upper())),
              CATALOGUE_CHANGED)


def plan_import(ctx: AppContext, path: str | Path, progress: ProgressFn = no_progress,
                cancelled: CancelledFn = never_cancelled) -> ImportPlan:
    """Read, validate and diff a catalogue sheet against the database (writes nothing)."""
    from desktop.catalogue import spreadsheet  # openpyxl: loaded on first use

    return spreadsheet.plan_import(ctx.db, path, progress, cancelled,
                                   references=reference_counter(ctx))


def apply_import(ctx: AppContext, plan: ImportPlan, *, note: str = "") -> Op[ImportPlan]:
    """Apply a plan in one transaction (re-diffed against the database at this moment)."""
    from desktop.catalogue import spreadsheet

    fresh = spreadsheet.apply_import(
        ctx.db, plan, note=note, references=reference_counter(ctx), actor=ctx.actor,
        audit=lambda s, summary: audit.record(s, ctx, "catalogue_import",
                                              Path(plan.file).name if plan.file else "",
                                              {"summary": summary, "note": note}))
    return Op(fresh, CATALOGUE_CHANGED if fresh.has_changes else Changes())


def export_xlsx(ctx: AppContext, path: str | Path, progress: ProgressFn = no_progress,
                cancelled: CancelledFn = never_cancelled) -> int:
    """Write every item (retired too) to an XLSX the import reads back; returns the count."""
    from desktop.catalogue import spreadsheet

    return spreadsheet.export_xlsx(ctx.db, path, progress, cancelled)


# -- handouts --------------------------------------------------------------------------

def can_write_pdf() -> bool:
    return pdf.pdf_converter() is not None


def write_handout(ctx: AppContext, items: Sequence[ServiceItem], path: str | Path, *,
                  ticks: Ticks | None = None, today: _dt.date | None = None,
                  progress: ProgressFn = no_progress, officer: bool = False) -> Path:
    """The 办事指南 for ``items`` as DOCX, or PDF when ``path`` ends in .pdf (LibreOffice);
    the visitor's copy, or with ``officer=True`` the officer's copy with the sources."""
    from desktop.catalogue import handout  # python-docx: loaded on first use

    target = Path(path)
    outlet = settings.get_outlet(ctx)
    if target.suffix.lower() != ".pdf":
        progress(0, 1, "DOCX")
        return handout.write_handout(items, target, outlet, ticks=ticks, today=today,
                                     officer=officer)
    pdf.require_pdf_converter()
    progress(0, 2, "DOCX")
    docx = handout.write_handout(items, target.with_suffix(".docx"), outlet, ticks=ticks,
                                 today=today, officer=officer)
    progress(1, 2, "PDF")
    return pdf.convert_to_pdf(docx, target, profile=ctx.paths.office_profile_dir)


def handout_html(ctx: AppContext, items: Sequence[ServiceItem], *, ticks: Ticks | None = None,
                 today: _dt.date | None = None, officer: bool = False) -> str:
    """The same handout as HTML, for printing through the system print dialog."""
    from desktop.catalogue import handout

    return handout.handout_html(items, settings.get_outlet(ctx), ticks=ticks, today=today,
                                officer=officer)


# -- administrator ---------------------------------------------------------------------

def admin_password_set(ctx: AppContext) -> bool:
    return admin.admin_password_set(ctx.db)


def check_admin_password(ctx: AppContext, password: str) -> bool:
    return admin.check_admin_password(ctx.db, password)


def set_admin_password(ctx: AppContext, password: str, *, current: str | None = None
                       ) -> Op[None]:
    admin.set_admin_password(ctx.db, password, current=current)
    return Op(None, Changes(settings=True))


__all__ = [
    "AUDIENCES", "CATALOGUE_CHANGED", "CATEGORIES", "FIELD_LABELS", "FIELD_LABELS_EN",
    "FORM_SCHEME",
    "CatalogueIndex", "CatalogueMatcher", "EditableItem", "FormRef", "HistoryEntry",
    "ImportPlan", "ImportRejected", "ServiceItem",
    "Suggestion", "Ticks",
    "admin_password_set", "apply_import", "can_write_pdf", "categories_of",
    "check_admin_password", "check_item_files", "delete_item", "export_xlsx", "get_item",
    "get_item_for_edit", "get_items", "guide_html", "handout_html", "item_from_data", "item_from_yaml", "item_history",
    "DEFAULT_MAX_AGE_DAYS", "Finding", "footer_line", "load_item_files", "review_items", "stale_facts",
    "item_plain_text", "item_sections", "item_to_data", "item_to_yaml", "list_items",
    "load_index", "material_line", "plan_import", "references", "save_item",
    "search_documents", "set_admin_password", "suggest_items", "write_handout",
]
