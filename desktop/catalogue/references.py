"""Who refers to a service item: other packages register a counter of their references.

Checkers are ``fn(db, code) -> int``; an item that any checker counts as referenced is
retired instead of deleted.  The forms history (documents generated from the item's related
forms) is always consulted; a future visit log registers its own checker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from db.session import Database

log = logging.getLogger(__name__)

ReferenceChecker = Callable[[Database, str], int]
_checkers: list[ReferenceChecker] = []


def register_reference_checker(fn: ReferenceChecker) -> ReferenceChecker:
    """Register ``fn(db, code) -> int`` (usable as a decorator); registering twice is a no-op."""
    if fn not in _checkers:
        _checkers.append(fn)
    return fn


def unregister_reference_checker(fn: ReferenceChecker) -> None:
    if fn in _checkers:
        _checkers.remove(fn)


def reference_count(db: Database, code: str) -> int:
    """How many records of other packages refer to ``code`` (0 when nobody registered)."""
    from desktop.forms.history import documents_for_service_item

    total = 0
    for fn in [documents_for_service_item, *_checkers]:
        n = int(fn(db, code) or 0)
        if n < 0:
            log.warning("reference checker %r returned %d for %s", fn, n, code)
            n = 0
        total += n
    return total
