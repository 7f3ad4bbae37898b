"""Service items and guides from the catalogue, as index documents of type ``service_item``.

The catalogue package provides ``desktop.catalogue.iter_search_documents(db)`` yielding frozen
dataclasses with ``code, name, category, text, active, updated_at``.  It is imported lazily:
without the catalogue (or without that function) this yields nothing and search still works.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import importlib
import logging
from collections.abc import Callable, Iterator
from typing import Any

from desktop.library.search.schema import all_text, tag

log = logging.getLogger(__name__)
PROVIDER_MODULE = "desktop.catalogue"
PROVIDER_FUNCTION = "iter_search_documents"


def _provider() -> Callable[[Any], Any] | None:
    try:
        module = importlib.import_module(PROVIDER_MODULE)
    except ImportError:
        return None
    fn = getattr(module, PROVIDER_FUNCTION, None)
    return fn if callable(fn) else None


def iter_service_items(db: Any) -> Iterator[Any]:
    """Active catalogue items (nothing when the catalogue is absent or fails)."""
    fn = _provider()
    if fn is None:
        return
    try:
        for item in fn(db):
            if getattr(item, "active", True):
                yield item
    except Exception:  # the catalogue must never break search
        log.exception("catalogue search documents could not be read")


def service_doc(item: Any) -> dict[str, Any]:
    """The index document for one catalogue item."""
    updated = getattr(item, "updated_at", None)
    when = updated.date() if isinstance(updated, _dt.datetime) else updated
    stamp = hashlib.sha1(f"{item.code}\x1f{item.name}\x1f{item.text}\x1f{updated}".encode()
                         ).hexdigest()
    doc: dict[str, Any] = {
        "rid": f"s:{item.code}",
        "kind": "service_item",
        "tags": ",".join([tag("kind", "service_item"), tag("collection", "catalogue")]
                         + ([tag("ptype", str(item.category))] if item.category else [])),
        "title": str(item.name),
        "body": str(item.text or ""),
        "all": all_text(str(item.name), str(item.text or ""), str(item.category or "")),
        "ptype": str(item.category or "") or None,
        "collection": "catalogue",
        "date": 0,
        "section": str(item.code),
        "stamp": stamp,
    }
    if isinstance(when, _dt.date):
        doc["date_text"] = when.isoformat()
    return {k: v for k, v in doc.items() if v is not None}


def fingerprint(docs: list[dict[str, Any]]) -> str:
    h = hashlib.sha1()
    for d in sorted(docs, key=lambda d: d["rid"]):
        h.update(f"{d['rid']}:{d['stamp']};".encode())
    return h.hexdigest()
