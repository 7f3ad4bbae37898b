"""Documents other capabilities contribute (the catalogue's service items), as index
documents of type ``service_item``.

The composition root registers the sources (``ctx.wiring.document_sources``); the library
asks for them through the function it was given and never imports another capability.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from desktop.library.search.schema import tag, text_fields
from desktop.wiring import SearchDocument

DocumentsFn = Callable[[], Iterable[SearchDocument]]


def no_documents() -> list[SearchDocument]:
    return []


def service_docs(items: Iterable[SearchDocument]) -> list[dict[str, Any]]:
    """Index documents for the active items."""
    return [service_doc(i) for i in items if i.active]


def service_doc(item: SearchDocument) -> dict[str, Any]:
    """The index document for one catalogue item."""
    updated = item.updated_at
    when = updated.date() if isinstance(updated, _dt.datetime) else updated
    stamp = hashlib.sha1(f"{item.code}\x1f{item.name}\x1f{item.text}\x1f{updated}".encode()
                         ).hexdigest()
    doc: dict[str, Any] = {
        "rid": f"s:{item.code}",
        "kind": "service_item",
        "tags": ",".join([tag("kind", "service_item"), tag("collection", "catalogue")]
                         + ([tag("ptype", item.category)] if item.category else [])),
        "title": item.name,
        "body": item.text or "",
        **text_fields(item.name, item.text or "", item.category or ""),
        "ptype": item.category or None,
        "collection": "catalogue",
        "date": 0,
        "section": item.code,
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
