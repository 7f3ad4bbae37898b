"""``db copy``: the tables after clients and the library — the catalogue and its history,
visits with their topics and items, generated documents, personal-data exports, settings and
the audit log — each matched by its natural key (see :mod:`.merge`)."""

from __future__ import annotations

import json
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import Table, insert, select, update

from db.bulk import copy_rows
from db.models import (
    AuditEntry,
    CatalogueItem,
    CatalogueItemHistory,
    ChangeLog,
    DeskProfile,
    FormDocument,
    PersonalDataExport,
    Setting,
    Visit,
    VisitItem,
    VisitTopic,
)

if TYPE_CHECKING:
    from desktop.transfer.merge import Copier

# settings that belong to one desk (its own automatic backups), never copied
LOCAL_SETTINGS = ("backup.",)
ITEM_FIELDS = ("name", "category", "active", "version", "effective_date", "origin", "data")


def _t(model: type) -> Table:
    return model.__table__  # type: ignore[attr-defined]


def _data_key(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)


def run_rest(c: Copier) -> None:
    catalogue(c)
    history(c)
    visits(c)
    simple(c, _t(FormDocument), ("created_at", "form_id", "output_path"),
           remap={"client_id": c.client_map})
    simple(c, _t(PersonalDataExport), ("at", "kind", "path", "officer"))
    settings(c)
    simple(c, _t(AuditEntry), ("at", "actor", "action", "target", "desk"))
    for model, why in ((DeskProfile, "desk profiles stay on the desk (logins on PostgreSQL)"),
                       (ChangeLog, "the target's own change log records what was added")):
        rep = c.table_report(_t(model).name)
        for part in c.stream(_t(model)):
            rep.skipped += len(part)
        rep.note = why


def catalogue(c: Copier) -> None:
    """Items by code: the newer version (by updated_at) is kept as the item, the other
    one goes to the item's history (once)."""
    t, h = _t(CatalogueItem), _t(CatalogueItemHistory)
    rep = c.table_report("catalogue_items")
    there = {r["code"]: r for r in c.dst.execute(select(t)).mappings()}
    in_history = {(r.code, r.version, _data_key(r.data))
                  for r in c.dst.execute(select(h.c.code, h.c.version, h.c.data))}
    changed: list[str] = []

    def to_history(row: Any, note: str) -> None:
        key = (row["code"], row["version"], _data_key(row["data"]))
        if key in in_history:
            return
        in_history.add(key)
        c.dst.execute(insert(h).values(
            code=row["code"], version=row["version"], action="changed", origin=row["origin"],
            note=note, data=row["data"], recorded_at=c.now, recorded_by=c.ctx.actor))
        c.table_report("catalogue_item_history").added += 1

    for part in c.stream(t):
        for row in part:
            old = there.get(row["code"])
            if old is None:
                c.dst.execute(insert(t).values({**row, "lock_version": 1}))
                rep.added += 1
                changed.append(row["code"])
                continue
            rep.matched += 1
            if all(_same(old[f], row[f]) for f in ITEM_FIELDS):
                continue
            if row["updated_at"] > old["updated_at"]:
                to_history(old, f"db copy: replaced by the newer version from {c.ctx.desk}")
                c.dst.execute(update(t).where(t.c.code == row["code"]).values(
                    **{f: row[f] for f in ITEM_FIELDS}, updated_at=row["updated_at"],
                    updated_by=row["updated_by"] or c.ctx.actor,
                    lock_version=old["lock_version"] + 1))
                changed.append(row["code"])
                rep.conflict(f"{row['code']}: this desk's version {row['version']} is newer — "
                             f"it replaced {old['version']} (kept in the history)")
            else:
                to_history(row, f"db copy: older version from {c.ctx.desk}")
                rep.conflict(f"{row['code']}: the target's version {old['version']} is newer — "
                             f"kept; this desk's {row['version']} added to the history")
    c.log_changes("catalogue", changed)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (dict, list)) or isinstance(b, (dict, list)):
        return _data_key(a) == _data_key(b)
    return bool(a == b)


def history(c: Copier) -> None:
    h = _t(CatalogueItemHistory)
    rep = c.table_report("catalogue_item_history")
    have = {(r.code, r.version, r.action, r.recorded_at)
            for r in c.dst.execute(select(h.c.code, h.c.version, h.c.action, h.c.recorded_at))}
    for part in c.stream(h):
        new = []
        for row in part:
            key = (row["code"], row["version"], row["action"], row["recorded_at"])
            if key in have:
                rep.matched += 1
                continue
            have.add(key)
            new.append({k: v for k, v in row.items() if k != "id"})
        if new:
            copy_rows(c.dst, h, new)
            rep.added += len(new)


def visits(c: Copier) -> None:
    """Visits by idempotency key (client ids remapped); a new visit's topics and items come
    with it, a matched visit's are the target's."""
    t = _t(Visit)
    rep = c.table_report("visits")
    have = set(c.dst.execute(select(t.c.idem_key).where(t.c.idem_key.is_not(None))).scalars())
    for part in c.stream(t):
        new, src_ids = [], []
        for row in part:
            key = row["idem_key"] or c.idem_keys.setdefault(row["id"], uuid.uuid4().hex)
            if key in have:
                rep.matched += 1
                continue
            have.add(key)
            values = {k: v for k, v in row.items() if k != "id"} | {"idem_key": key}
            cid = row["client_id"]
            values["client_id"] = c.client_map.get(cid) if cid is not None else None
            new.append(values)
            src_ids.append(row["id"])
        for sid, tid in zip(src_ids, c.insert_ids(t, new), strict=True):
            c.visit_map[sid] = tid
        rep.added += len(new)
    for model in (VisitTopic, VisitItem):
        child = _t(model)
        crep = c.table_report(child.name)
        for part in c.stream(child):
            rows = [dict(r) | {"visit_id": c.visit_map[r["visit_id"]]}
                    for r in part if r["visit_id"] in c.visit_map]
            crep.matched += len(part) - len(rows)
            if rows:
                copy_rows(c.dst, child, rows)
                crep.added += len(rows)


def simple(c: Copier, t: Table, key_cols: tuple[str, ...],
           remap: dict[str, dict[int, int]] | None = None) -> None:
    """Rows appended unless one with the same ``key_cols`` is there (ids are the target's)."""
    rep = c.table_report(t.name)
    have = {tuple(r) for r in c.dst.execute(select(*(t.c[k] for k in key_cols)))}
    for part in c.stream(t):
        new = []
        for row in part:
            key = tuple(row[k] for k in key_cols)
            if key in have:
                rep.matched += 1
                continue
            have.add(key)
            values = {k: v for k, v in row.items() if k != "id"}
            for col, mapping in (remap or {}).items():
                if values[col] is not None:
                    values[col] = mapping.get(values[col])
            new.append(values)
        if new:
            copy_rows(c.dst, t, new)
            rep.added += len(new)


def settings(c: Copier) -> None:
    """Outlet-wide settings: the target's are kept; a different value is reported."""
    t = _t(Setting)
    rep = c.table_report("settings")
    there = {r.key: r.value for r in c.dst.execute(select(t.c.key, t.c.value))}
    for part in c.stream(t):
        for row in part:
            if row["key"].startswith(LOCAL_SETTINGS):
                rep.skipped += 1
            elif row["key"] not in there:
                c.dst.execute(insert(t).values(dict(row)))
                rep.added += 1
            elif there[row["key"]] == row["value"]:
                rep.matched += 1
            else:
                rep.skipped += 1
                rep.conflict(f"{row['key']}: differs — kept the target's")
