"""The catalogue in the database: load the bundled items, read, save, retire, history.

The database is the source of truth once the bundled catalogue has been loaded on first
start.  Every change keeps the replaced version in ``catalogue_item_history``.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db import changelog
from db.errors import PermissionDenied
from db.models import CatalogueItem, CatalogueItemHistory, Setting
from db.session import Database
from desktop.catalogue.loader import (
    bundled_dir,
    item_to_data,
    load_directory,
    validate_item,
)
from desktop.catalogue.references import References
from desktop.catalogue.schema import CATEGORIES, ServiceItem
from desktop.errors import EditConflict, UserError

log = logging.getLogger(__name__)
_FINGERPRINT_KEY = "catalogue.bundle_fingerprint"


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    code: str
    version: str
    action: str
    origin: str
    note: str
    recorded_at: _dt.datetime
    item: ServiceItem


@dataclass(frozen=True)
class EditableItem:
    """An item as the editor opens it: with the lock version a save must still find, and
    who changed it last."""

    item: ServiceItem
    lock_version: int
    updated_by: str
    updated_at: _dt.datetime


@dataclass(frozen=True)
class StoredItem:
    item: ServiceItem
    origin: str
    updated_at: _dt.datetime


def _fingerprint(directory: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(directory.glob("*.yaml")):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


# called inside a write's transaction with what happened (added, changed, retired, restored,
# deleted; an import: its summary): the api adds the audit entry there, so it commits with the change
AuditHook = Callable[[Session, str], None]


def _keep_history(s: Session, row: CatalogueItem, action: str, note: str = "",
                  actor: str = "") -> None:
    s.add(CatalogueItemHistory(code=row.code, version=row.version, action=action,
                               origin=row.origin, note=note, data=row.data,
                               recorded_by=actor))


def _apply(row: CatalogueItem, item: ServiceItem, origin: str, actor: str = "") -> None:
    row.updated_by = actor
    row.name = item.name
    row.category = item.category
    row.active = item.active
    row.version = item.version
    row.effective_date = item.effective_date
    row.origin = origin
    row.data = item_to_data(item)


def write_item(s: Session, item: ServiceItem, origin: str, *, note: str = "",
               actor: str = "", desk: str = "", lock_version: int | None = None) -> str:
    """Insert or update ``item`` inside an open session (``actor`` made the change); returns
    added/changed/retired/restored/unchanged.

    With ``lock_version`` the stored item must still be at that version, else
    :class:`EditConflict` (nothing written).  Every change is noted in the change log."""
    row = s.get(CatalogueItem, item.code)
    if row is None:
        row = CatalogueItem(code=item.code)
        _apply(row, item, origin, actor)
        s.add(row)
        changelog.note(s, changelog.CATALOGUE, [item.code], origin=desk)
        return "added"
    if lock_version is not None and row.lock_version != lock_version:
        raise conflict(item, lock_version, row)
    if row.data == item_to_data(item):
        return "unchanged"
    action = "changed"
    if row.active and not item.active:
        action = "retired"
    elif not row.active and item.active:
        action = "restored"
    _keep_history(s, row, action, note, actor)
    _apply(row, item, origin, actor)
    changelog.note(s, changelog.CATALOGUE, [item.code], origin=desk)
    return action


def conflict(mine: ServiceItem, my_version: int, row: CatalogueItem) -> EditConflict:
    return EditConflict("该服务事项", "service item", mine=item_to_data(mine),
                        theirs=dict(row.data), my_version=my_version,
                        their_version=row.lock_version, changed_by=row.updated_by,
                        changed_at=row.updated_at)


def ensure_loaded(db: Database, directory: Path | None = None) -> int:
    """Load the bundled catalogue into the database on first start (and bundled updates).

    New bundled items are added; an item still as bundled gets the bundled update; items
    changed locally (import or editor) are left alone.  Returns how many items changed.
    Skips all work when the bundled files have not changed since the last load.  A broken
    or missing bundle raises :class:`UserError` only while the database has no catalogue yet;
    afterwards it is logged and the stored catalogue keeps being used.
    """
    if db.read_only:  # the offline copy (desktop.connection) is served as it is
        return 0
    with _load_lock(db):  # two threads of this process load it once, one after the other
        return _ensure_loaded(db, directory or bundled_dir())


_load_locks: dict[str, threading.Lock] = {}
_load_locks_guard = threading.Lock()


def _load_lock(db: Database) -> threading.Lock:
    with _load_locks_guard:
        return _load_locks.setdefault(db.url, threading.Lock())


def _ensure_loaded(db: Database, directory: Path) -> int:
    fingerprint = _fingerprint(directory)
    with db.session() as s:
        mark = s.get(Setting, _FINGERPRINT_KEY)
        if mark is not None and mark.value == fingerprint:
            return 0
    try:
        items = load_directory(directory)
    except UserError as exc:
        if not _has_items(db):
            raise
        # keep serving the catalogue already in the database; the next start retries
        log.warning("bundled catalogue not updated: %s", exc.message("en"))
        return 0
    try:
        changed = _load_bundle(db, items, fingerprint)
    except IntegrityError:  # another desk on the same database loaded it at the same moment
        log.info("bundled catalogue loaded concurrently by another desk; retrying")
        changed = _load_bundle(db, items, fingerprint)
    except PermissionDenied:  # an officer's or read-only login: the administrator's to load
        if not _has_items(db):
            raise
        log.info("bundled catalogue update left to an administrator's login")
        return 0
    log.info("bundled catalogue loaded: %d items added or updated", changed)
    return changed


def _has_items(db: Database) -> bool:
    with db.session() as s:
        return s.execute(select(CatalogueItem.code).limit(1)).first() is not None


def _load_bundle(db: Database, items: list[ServiceItem], fingerprint: str) -> int:
    changed = 0
    with db.session() as s:
        for item in items:
            row = s.get(CatalogueItem, item.code)
            if row is not None and row.origin != "bundled":
                continue
            if write_item(s, item, "bundled", note="随程序更新") != "unchanged":
                changed += 1
        mark = s.get(Setting, _FINGERPRINT_KEY)
        if mark is None:
            s.add(Setting(key=_FINGERPRINT_KEY, value=fingerprint))
        else:
            mark.value = fingerprint
    return changed


def _to_item(data: dict[str, Any]) -> ServiceItem:
    return validate_item(data)


def stored_items(db: Database, *, include_retired: bool = True) -> list[StoredItem]:
    with db.session() as s:
        q = select(CatalogueItem).order_by(CatalogueItem.code)
        if not include_retired:
            q = q.where(CatalogueItem.active.is_(True))
        rows = s.execute(q).scalars().all()
        return [StoredItem(_to_item(r.data), r.origin, r.updated_at) for r in rows]


def catalogue_version(db: Database) -> tuple[object, ...]:
    """A cheap key that changes whenever the stored catalogue changes (an item added, edited,
    retired or deleted): the row count, the newest ``updated_at`` and the newest history id
    (every change and deletion keeps the replaced version in history)."""
    with db.session() as s:
        count, newest = s.execute(select(func.count(CatalogueItem.code),
                                         func.max(CatalogueItem.updated_at))).one()
        last = s.execute(select(func.max(CatalogueItemHistory.id))).scalar()
        return (count, newest, last)


def catalogue_order(item: ServiceItem) -> tuple[int, str]:
    """Categories in the schema's order (专利 first, as outlets list them), then by code."""
    pos = CATEGORIES.index(item.category) if item.category in CATEGORIES else len(CATEGORIES)
    return (pos, item.code)


def list_items(db: Database, *, include_retired: bool = False) -> list[ServiceItem]:
    """The catalogue in catalogue order (loading the bundled items on first use)."""
    ensure_loaded(db)
    return sorted((s.item for s in stored_items(db, include_retired=include_retired)),
                  key=catalogue_order)


def get_item(db: Database, code: str) -> ServiceItem:
    """One item by code (case-insensitive); unknown codes raise :class:`UserError`."""
    ensure_loaded(db)
    with db.session() as s:
        row = s.get(CatalogueItem, code.strip().upper())
        if row is None:
            raise UserError(f"没有编码为 {code} 的服务事项", f"no service item with code {code}",
                            field="事项编码")
        return _to_item(row.data)


def get_items(db: Database, codes: Iterable[str]) -> list[ServiceItem]:
    return [get_item(db, c) for c in codes]


def get_editable(db: Database, code: str) -> EditableItem:
    """One item with its lock version, for the editor."""
    ensure_loaded(db)
    with db.session() as s:
        row = s.get(CatalogueItem, code.strip().upper())
        if row is None:
            raise UserError(f"没有编码为 {code} 的服务事项", f"no service item with code {code}",
                            field="事项编码")
        return EditableItem(_to_item(row.data), row.lock_version, row.updated_by,
                            row.updated_at)


def save_item(db: Database, item: ServiceItem, *, note: str = "",
              lock_version: int | None = None, actor: str = "", desk: str = "",
              audit: AuditHook | None = None) -> str:
    """Save an item from the editor (already validated); the old version goes to history.
    ``lock_version``: the version the editor opened (a newer stored one: EditConflict)."""
    try:
        with db.session() as s:
            outcome = write_item(s, item, "edit", note=note or "管理员编辑", actor=actor,
                                 desk=desk, lock_version=lock_version)
            if audit is not None and outcome != "unchanged":
                audit(s, outcome)
            return outcome
    except StaleDataError:  # saved by another desk between the read and the write above
        with db.session() as s:
            row = s.get(CatalogueItem, item.code)
            if row is None:
                raise UserError(f"服务事项 {item.code} 已被删除", f"service item {item.code} "
                                "was deleted") from None
            raise conflict(item, lock_version or 0, row) from None


def retire_item(db: Database, code: str, *, note: str = "", actor: str = "",
                audit: AuditHook | None = None) -> ServiceItem:
    item = get_item(db, code)
    if not item.active:
        return item
    retired = item.model_copy(update={"active": False})
    with db.session() as s:
        write_item(s, retired, "edit", note=note or "停用", actor=actor)
        if audit is not None:
            audit(s, "retired")
    return retired


def delete_item(db: Database, code: str, *, references: References, actor: str = "",
                audit: AuditHook | None = None) -> str:
    """Delete an item nobody refers to (``references(item)`` is 0); a referenced one is
    retired instead.  Returns ``"deleted"`` or ``"retired"``; its versions stay in history.
    """
    item = get_item(db, code)
    refs = references(item)
    if refs > 0:
        retire_item(db, item.code, note=f"被{refs}条记录引用，停用而不删除", actor=actor,
                    audit=audit)
        return "retired"
    with db.session() as s:
        row = s.get(CatalogueItem, item.code)
        if row is not None:
            _keep_history(s, row, "deleted", "删除", actor)
            s.delete(row)
            changelog.note(s, changelog.CATALOGUE, [item.code], changelog.DELETE)
            if audit is not None:
                audit(s, "deleted")
    return "deleted"


def item_history(db: Database, code: str) -> list[HistoryEntry]:
    """Earlier versions of an item, newest first."""
    with db.session() as s:
        rows = s.execute(select(CatalogueItemHistory)
                         .where(CatalogueItemHistory.code == code.strip().upper())
                         .order_by(CatalogueItemHistory.id.desc())).scalars().all()
        return [HistoryEntry(r.id, r.code, r.version, r.action, r.origin, r.note,
                             r.recorded_at, _to_item(r.data)) for r in rows]
