"""The catalogue in the database: first-start load, history, retire instead of delete."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import shutil
from pathlib import Path

import pytest
import yaml

from desktop.catalogue import api as catalogue
from desktop.catalogue.loader import bundled_dir
from desktop.catalogue.store import ensure_loaded, get_item, item_history, list_items, save_item
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.wiring import SearchDocument


def test_first_start_loads_the_bundle_once(ctx: AppContext) -> None:
    n = ensure_loaded(ctx.db)
    assert n == len(list(bundled_dir().glob("*.yaml")))
    assert ensure_loaded(ctx.db) == 0
    assert len(list_items(ctx.db)) == n


def test_get_item_is_case_insensitive_and_unknown_codes_are_user_errors(loaded) -> None:
    assert get_item(loaded.db, "zl-008").code == "ZL-008"
    with pytest.raises(UserError, match="XX-999"):
        get_item(loaded.db, "XX-999")


def test_bundled_update_reaches_untouched_items_but_not_local_edits(
        ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "bundle"
    shutil.copytree(bundled_dir(), folder)
    monkeypatch.setattr("desktop.catalogue.store.bundled_dir", lambda: folder)
    ensure_loaded(ctx.db)
    edited = get_item(ctx.db, "ZL-006").model_copy(update={"fees": "本地修改"})
    save_item(ctx.db, edited)
    for code in ("ZL-005", "ZL-006"):
        path = folder / f"{code}.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["version"] = "2025.1"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert ensure_loaded(ctx.db) == 1
    assert get_item(ctx.db, "ZL-005").version == "2025.1"
    assert get_item(ctx.db, "ZL-006").fees == "本地修改"
    assert [h.version for h in item_history(ctx.db, "ZL-005")] == ["2026.1"]


def test_saving_keeps_the_previous_version(loaded) -> None:
    old = get_item(loaded.db, "ZL-008")
    assert save_item(loaded.db, old.model_copy(update={"version": "2024.2",
                                                       "time_limit": "3个工作日"})) == "changed"
    assert get_item(loaded.db, "ZL-008").time_limit == "3个工作日"
    history = item_history(loaded.db, "ZL-008")
    assert len(history) == 1 and history[0].item == old and history[0].action == "changed"
    assert save_item(loaded.db, get_item(loaded.db, "ZL-008")) == "unchanged"


def test_referenced_item_is_retired_not_deleted(loaded) -> None:
    loaded.wiring.reference_counters["visits"] = \
        lambda _ctx, item: 2 if item.code == "ZL-008" else 0
    op = catalogue.delete_item(loaded, "ZL-008")
    assert op.value == "retired" and op.changes.catalogue
    assert get_item(loaded.db, "ZL-008").active is False
    assert "ZL-008" not in {i.code for i in list_items(loaded.db)}
    assert catalogue.delete_item(loaded, "ZL-005").value == "deleted"
    with pytest.raises(UserError):
        get_item(loaded.db, "ZL-005")
    assert item_history(loaded.db, "ZL-005")[0].action == "deleted"


def test_search_documents_contract(ctx: AppContext) -> None:
    docs = catalogue.search_documents(ctx)  # loads the bundle itself on first use
    assert len(docs) >= 33
    doc = next(d for d in docs if d.code == "ZL-008")
    assert isinstance(doc, SearchDocument)
    assert [f.name for f in dataclasses.fields(SearchDocument)] == [
        "code", "name", "category", "text", "active", "updated_at"]
    assert doc.category == "专利" and doc.active is True
    assert isinstance(doc.updated_at, _dt.datetime)
    for part in ("受理条件", "申请材料", "办理流程", "5个工作日", "专利权质押登记申请表"):
        assert part in doc.text
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.name = "x"  # type: ignore[misc]
    catalogue.delete_item(ctx, "ZL-001")  # nothing refers to it: deleted, so no document
    assert "ZL-001" not in {d.code for d in catalogue.search_documents(ctx)}


def test_a_broken_bundle_blocks_only_the_first_load(ctx: AppContext, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "bundle"
    shutil.copytree(bundled_dir(), folder)
    monkeypatch.setattr("desktop.catalogue.store.bundled_dir", lambda: folder)
    broken = folder / "ZL-001.yaml"
    good_text = broken.read_text(encoding="utf-8")
    broken.write_text(good_text.replace("time_limit:", "time_limits:"), encoding="utf-8")
    with pytest.raises(UserError) as exc:
        list_items(ctx.db)
    assert "ZL-001.yaml" in exc.value.message("zh") and "办理时限" in exc.value.message("zh")
    broken.write_text(good_text, encoding="utf-8")
    assert len(list_items(ctx.db)) >= 33
    broken.write_text("code: [", encoding="utf-8")       # broken later: keep serving the DB
    assert get_item(ctx.db, "ZL-001").name == "专利申请受理"


def test_catalogue_lists_categories_in_schema_order(ctx) -> None:  # type: ignore[no-untyped-def]
    from desktop.catalogue.schema import CATEGORIES
    from desktop.catalogue.store import list_items

    items = list_items(ctx.db)
    seen = list(dict.fromkeys(i.category for i in items))
    assert seen[0] == "专利"
    assert seen == [c for c in CATEGORIES if c in seen]
    patents = [i.code for i in items if i.category == "专利"]
    assert patents == sorted(patents)
