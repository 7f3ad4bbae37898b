"""Service-item catalogue and process guides (公共服务事项清单及办理流程指南).

Qt-free.  The bundled items live in ``resources/catalogue/*.yaml`` (one file per item) and
are loaded into the database on first start; from then on the database is the source of
truth, kept current by spreadsheet import (with a diff and history) or the item editor.

Public API used by the CLI, the GUI page and other packages:

- :func:`list_items`, :func:`get_item`, :func:`ensure_loaded`, :class:`CatalogueIndex`
- :func:`iter_search_documents` → :class:`ServiceItemDoc` (for the library search index)
- :func:`register_reference_checker` (forms history, visit log)
- :func:`write_handout` (DOCX), :func:`export_xlsx`, :func:`plan_import`, :func:`apply_import`
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from dataclasses import dataclass

from db.session import Database
from desktop.catalogue.filtering import CatalogueIndex, categories_of
from desktop.catalogue.references import (
    reference_count,
    register_reference_checker,
    unregister_reference_checker,
)
from desktop.catalogue.schema import AUDIENCES, CATEGORIES, FIELD_LABELS, ServiceItem
from desktop.catalogue.store import (
    delete_item,
    ensure_loaded,
    get_item,
    get_items,
    item_history,
    list_items,
    retire_item,
    save_item,
    stored_items,
)
from desktop.catalogue.text import item_plain_text, item_sections


@dataclass(frozen=True)
class ServiceItemDoc:
    """One service item as a full-text search document."""

    code: str
    name: str
    category: str
    text: str
    active: bool
    updated_at: _dt.datetime


def iter_search_documents(db: Database) -> Iterator[ServiceItemDoc]:
    """Every item (retired ones too, flagged ``active=False``) as a search document."""
    ensure_loaded(db)
    for stored in stored_items(db, include_retired=True):
        it = stored.item
        yield ServiceItemDoc(code=it.code, name=it.name, category=it.category,
                             text=item_plain_text(it), active=it.active,
                             updated_at=stored.updated_at)


def load_index(db: Database, *, include_retired: bool = True) -> CatalogueIndex:
    """The catalogue with pinyin initials precomputed, ready for instant filtering."""
    return CatalogueIndex(list_items(db, include_retired=include_retired))


__all__ = [
    "AUDIENCES", "CATEGORIES", "FIELD_LABELS", "CatalogueIndex", "ServiceItem",
    "ServiceItemDoc", "categories_of", "delete_item", "ensure_loaded", "get_item", "get_items",
    "item_history", "item_plain_text", "item_sections", "iter_search_documents", "list_items",
    "load_index", "reference_count", "register_reference_checker", "retire_item", "save_item",
    "stored_items", "unregister_reference_checker",
]
