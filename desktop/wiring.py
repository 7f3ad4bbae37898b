"""Cross-capability links, registered explicitly by the composition root (``desktop.app``).

A capability that needs something from another one declares the shape here and asks the
context's :class:`Wiring`; it never imports the other capability.  Today:

- the catalogue asks whether records elsewhere (generated documents, visits) refer to a
  service item before deleting it (:data:`ReferenceCounter`);
- the library indexes documents other capabilities contribute to the search box, such as
  the catalogue's service items (:data:`DocumentSource`);
- the clients capability tells others that a client was erased, so records that kept a link
  (visits) drop it even where the database does not enforce foreign keys (:data:`ClientErased`).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.context import AppContext


@dataclass(frozen=True)
class SearchDocument:
    """A document another capability contributes to the library's search index."""

    code: str
    name: str
    category: str
    text: str
    active: bool
    updated_at: _dt.datetime | None


@dataclass(frozen=True)
class ItemKey:
    """A service item as other capabilities see it: its code and its related form ids."""

    code: str
    form_ids: tuple[str, ...] = ()


ReferenceCounter = Callable[["AppContext", ItemKey], int]
"""``fn(ctx, item) -> n``: how many records of a capability refer to a service item."""

DocumentSource = Callable[["AppContext"], Iterable[SearchDocument]]
"""``fn(ctx) -> documents`` for the search index (service items, later knowledge articles)."""

ClientErased = Callable[["AppContext", int], None]
"""``fn(ctx, client_id)``: called after a client profile was deleted."""


@dataclass
class Wiring:
    """What the composition root registered for one context."""

    reference_counters: dict[str, ReferenceCounter] = field(default_factory=dict)
    document_sources: dict[str, DocumentSource] = field(default_factory=dict)
    client_erased: dict[str, ClientErased] = field(default_factory=dict)

    def references_to_item(self, ctx: AppContext, item: ItemKey) -> dict[str, int]:
        """Every registered counter's count for ``item`` (name → count, zeros left out)."""
        counts = {name: max(0, int(fn(ctx, item) or 0))
                  for name, fn in self.reference_counters.items()}
        return {k: v for k, v in counts.items() if v}

    def search_documents(self, ctx: AppContext) -> list[SearchDocument]:
        return [doc for fn in self.document_sources.values() for doc in fn(ctx)]

    def erase_client(self, ctx: AppContext, client_id: int) -> None:
        """Tell every registered capability that client ``client_id`` is gone."""
        for fn in self.client_erased.values():
            fn(ctx, client_id)
