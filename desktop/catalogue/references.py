"""Who refers to a service item: the counters the composition root registered.

An item that any counter (generated documents from its related forms, visits that consulted
it) counts as referenced is retired instead of deleted.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.catalogue.schema import ServiceItem
from desktop.context import AppContext
from desktop.wiring import ItemKey

References = Callable[[ServiceItem], int]


def item_key(item: ServiceItem) -> ItemKey:
    return ItemKey(item.code, tuple(sorted({f.form_id for f in item.forms if f.form_id})))


def reference_counter(ctx: AppContext) -> References:
    """``fn(item) -> n``: how many records elsewhere refer to ``item`` (0: none)."""

    def count(item: ServiceItem) -> int:
        return sum(ctx.wiring.references_to_item(ctx, item_key(item)).values())

    return count
