"""Test helpers (not a conftest: imported by name): sample data in every table (awkward
values included) and a dump to compare databases."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from sqlalchemy import insert, select

from db.archive import data_tables
from db.models import (
    AuditEntry,
    CatalogueItem,
    CatalogueItemHistory,
    ChangeLog,
    Client,
    DeskProfile,
    FormDocument,
    LibraryBatch,
    LibraryRecord,
    PersonalDataExport,
    Setting,
    Visit,
    VisitItem,
    VisitTopic,
)
from db.session import Database


def _ins(c: Any, model: type, rows: list[dict[str, Any]]) -> None:
    """Insert rows whose keys differ (each key set its own executemany)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(tuple(sorted(r)), []).append(r)
    for group in groups.values():
        c.execute(insert(model), group)


def fill(db: Database, *, tag: str = "A", records: int = 30, base_id: int = 0) -> None:
    """Rows in every table: dates, datetimes with microseconds, booleans, JSON, NULLs,
    Chinese text, quotes and newlines."""
    t0 = _dt.datetime(2024, 3, 5, 9, 30, 15, 123456)
    with db.engine.begin() as c:
        _ins(c, Client, [
            {"id": base_id + 1, "name": f"太行新材料有限公司{tag}", "kind": "enterprise",
             "id_number": "91140100MA0GRX1234", "id_check_confirmed": True,
             "phone": "13812345678", "notes": 'line1\nline2 "quoted" \\ tab\t',
             "created_at": t0, "updated_at": t0, "lock_version": 3, "created_by": "zhang"},
            {"id": base_id + 2, "name": f"李华{tag}", "kind": "individual", "id_number": None,
             "created_at": t0, "updated_at": t0 + _dt.timedelta(seconds=1)}])
        _ins(c, LibraryBatch, [{"id": base_id + 1, "started_at": t0, "kind": "patent",
                                          "sources": f"cnipa-{tag}.xlsx", "added": records}])
        _ins(c, LibraryRecord, [
            {"id": base_id + i + 1, "kind": "patent", "title": f"一种锂电池负极材料{tag}{i}",
             "application_number": f"2017106018{i:02d}.3", "appno_key": f"{tag}2017106018{i:02d}",
             "pubno_key": f"CN{tag}{i}A", "application_date": _dt.date(2017, 1, 1 + i % 28),
             "publication_date": None if i % 3 else _dt.date(2018, 2, 3),
             "abstract": "本发明公开了……" * (i % 4), "extra": '{"k": [1, 2]}', "flags": "[]",
             "ident_hash": f"h{tag}{i}", "content_hash": f"c{i}", "batch_id": base_id + 1,
             "created_at": t0, "updated_at": t0}
            for i in range(records)])
        _ins(c, CatalogueItem, [
            {"code": f"T{tag}01", "name": "专利权质押登记", "category": "专利", "active": False,
             "version": "2024", "effective_date": _dt.date(2024, 1, 1), "origin": "edit",
             "data": {"steps": ["一", "二"], "fee": None, "n": 3, "ok": True},
             "created_at": t0, "updated_at": t0, "lock_version": 2},
            {"code": f"T{tag}02", "name": "商标注册申请", "category": "商标", "active": False,
             "version": "2025", "effective_date": _dt.date(2025, 6, 30), "origin": "import",
             "data": {"steps": []}, "created_at": t0, "updated_at": t0, "lock_version": 1}])
        _ins(c, CatalogueItemHistory, [
            {"code": f"T{tag}01", "version": "2023", "action": "changed", "origin": "bundled",
             "note": "", "data": {"steps": []}, "recorded_at": t0}])
        _ins(c, FormDocument, [
            {"form_id": "patent_pledge", "form_version": 2, "form_name": "质押登记申请表",
             "client_id": base_id + 1, "client_name": "太行", "created_at": t0,
             "data_json": '{"a": 1}', "output_format": "docx", "output_path": f"/x/{tag}.docx"}])
        _ins(c, Visit, [
            {"id": base_id + 1, "started_at": t0, "officer": "张敏", "client_id": base_id + 1,
             "channel": "walk_in", "follow_up": _dt.date(2024, 4, 1), "follow_up_done": True,
             "question": "怎样办理质押？", "model_answer": True, "idem_key": f"k-{tag}-1",
             "created_at": t0, "updated_at": t0},
            {"id": base_id + 2, "started_at": t0, "channel": "phone", "client_id": base_id + 2,
             "idem_key": None, "anonymised_at": t0, "created_at": t0, "updated_at": t0}])
        _ins(c, VisitTopic, [{"visit_id": base_id + 1, "topic": "patent", "position": 0},
                                       {"visit_id": base_id + 1, "topic": "pledge",
                                        "position": 1}])
        _ins(c, VisitItem, [{"visit_id": base_id + 2, "item_code": f"T{tag}01",
                                       "position": 0}])
        _ins(c, PersonalDataExport, [{"at": t0, "kind": "visits_export",
                                                "officer": "张敏", "path": f"/e/{tag}.xlsx",
                                                "rows": 2}])
        _ins(c, Setting, [{"key": f"outlet.test_{tag}", "value": "测试",
                                     "created_at": t0, "updated_at": t0}])
        _ins(c, AuditEntry, [{"at": t0, "actor": "zhang", "action": "client_erase",
                                        "target": tag, "detail": "{}"}])
        _ins(c, ChangeLog, [{"at": t0, "kind": "library", "key": "1"}])
        _ins(c, DeskProfile, [{"name": f"zhang{tag}", "display_name": "张敏",
                                         "created_at": t0, "last_used_at": None}])


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, all columns, in primary-key order."""
    out = {}
    with db.engine.connect() as c:
        for t in data_tables():
            out[t.name] = [tuple(r) for r in c.execute(
                select(t).order_by(*t.primary_key.columns))]
    return out
