"""Export → edit → import: round trip, field-level diff, history, retire, bad sheets."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from desktop.catalogue import api as catalogue
from desktop.catalogue.schema import FIELD_LABELS
from desktop.catalogue.spreadsheet import ImportRejected, export_xlsx
from desktop.catalogue.store import get_item, item_history, list_items
from desktop.errors import UserError


def _export(ctx, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "清单.xlsx"
    assert export_xlsx(ctx.db, path) == len(list_items(ctx.db, include_retired=True))
    return path


def _edit(path: Path, fn) -> Path:  # type: ignore[no-untyped-def]
    wb = openpyxl.load_workbook(path)
    ws = wb["服务事项"]
    header = [c.value for c in ws[1]]
    fn(ws, {h: i + 1 for i, h in enumerate(header)})
    out = path.with_name("edited.xlsx")
    wb.save(out)
    return out


def _row_of(ws, col: dict, code: str) -> int:  # type: ignore[no-untyped-def]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col["事项编码"]).value == code:
            return r
    raise AssertionError(code)


def _snapshot(ctx) -> list:  # type: ignore[no-untyped-def]
    return [i.model_dump() for i in list_items(ctx.db, include_retired=True)]


def test_export_import_round_trips_without_loss(loaded, tmp_path: Path) -> None:
    before = _snapshot(loaded)
    plan = catalogue.plan_import(loaded, _export(loaded, tmp_path))
    assert not plan.has_changes and plan.unchanged == len(before)
    catalogue.apply_import(loaded, plan)
    assert _snapshot(loaded) == before
    wb = openpyxl.load_workbook(tmp_path / "清单.xlsx")
    assert [c.value for c in wb["服务事项"][1]] == list(FIELD_LABELS.values())
    assert "填写说明" in wb.sheetnames


def test_changed_sheet_shows_field_level_diff_and_applies_with_history(loaded,
                                                                       tmp_path: Path) -> None:
    def edit(ws, col):  # type: ignore[no-untyped-def]
        r = _row_of(ws, col, "ZL-008")
        ws.cell(r, col["办理时限"]).value = "自收到申请文件之日起3个工作日内完成审查"
        ws.cell(r, col["版本"]).value = "2025.1"
        mats = ws.cell(r, col["申请材料"]).value.split("\n")
        mats[4] = mats[4].replace("｜可选｜", "｜必交｜")
        ws.cell(r, col["申请材料"]).value = "\n".join(mats)
        new = _row_of(ws, col, "ZX-004")
        ws.append([ws.cell(new, c).value for c in range(1, ws.max_column + 1)])
        ws.cell(ws.max_row, col["事项编码"]).value = "ZX-005"
        ws.cell(ws.max_row, col["事项名称"]).value = "知识产权政策兑现咨询"
        ws.delete_rows(_row_of(ws, col, "SB-011"))

    before_old = get_item(loaded.db, "ZL-008")
    plan = catalogue.plan_import(loaded, _edit(_export(loaded, tmp_path), edit))
    assert [a.code for a in plan.added] == ["ZX-005"]
    assert [c.code for c in plan.changed] == ["ZL-008"]
    fields = {f.field: f for f in plan.changed[0].fields}
    assert set(fields) == {"time_limit", "version", "materials"}
    assert fields["time_limit"].before == before_old.time_limit
    assert fields["time_limit"].after.startswith("自收到申请文件之日起3个")
    assert fields["version"].label == "版本"
    assert [r.code for r in plan.retired] == ["SB-011"]
    assert get_item(loaded.db, "ZL-008") == before_old          # a plan writes nothing

    result = catalogue.apply_import(loaded, plan).value
    assert result.summary("en").startswith("1 added, 1 changed, 1 retired")
    after = get_item(loaded.db, "ZL-008")
    assert after.version == "2025.1" and after.materials[4].required is True
    assert item_history(loaded.db, "ZL-008")[0].item == before_old
    retired = get_item(loaded.db, "SB-011")                     # retired, never deleted
    assert retired.active is False
    last = item_history(loaded.db, "SB-011")[0]
    assert last.action == "retired" and "清单中已无此事项" in last.note and last.item.active
    assert get_item(loaded.db, "ZX-005").name == "知识产权政策兑现咨询"

    # importing the original sheet again restores the retired item
    again = catalogue.plan_import(loaded, tmp_path / "清单.xlsx")
    assert [r.code for r in again.restored] == ["SB-011"]
    assert [r.code for r in again.retired] == ["ZX-005"]


def test_retired_items_show_their_references(loaded, tmp_path: Path) -> None:
    loaded.wiring.reference_counters["visits"] = \
        lambda _ctx, item: 4 if item.code == "SB-011" else 0
    sheet = _edit(_export(loaded, tmp_path),
                  lambda ws, col: ws.delete_rows(_row_of(ws, col, "SB-011")))
    plan = catalogue.plan_import(loaded, sheet)
    assert [(r.code, r.references) for r in plan.retired] == [("SB-011", 4)]
    assert plan.to_json()["retired"] == [{"code": "SB-011", "name": plan.retired[0].name,
                                          "references": 4}]


@pytest.mark.parametrize("breaker, expect", [
    (lambda ws, col: ws.cell(1, ws.max_column + 1, "办理窗口"), "不认识的列“办理窗口”"),
    (lambda ws, col: ws.delete_cols(col["办理时限"]), "缺少列：办理时限"),
    (lambda ws, col: setattr(ws.cell(3, col["事项编码"]), "value", ws.cell(2, col["事项编码"]).value),
     "重复"),
    (lambda ws, col: setattr(ws.cell(4, col["收费标准"]), "value", None), "第4行"),
    (lambda ws, col: setattr(ws.cell(5, col["申请材料"]), "value", "营业执照｜复印件｜两份｜必交"),
     "份数"),
    (lambda ws, col: setattr(ws.cell(6, col["是否收费"]), "value", "也许"), "是"),
    (lambda ws, col: setattr(ws.cell(7, col["类别"]), "value", "杂项"), "类别"),
])
def test_bad_sheets_are_rejected_and_nothing_changes(loaded, tmp_path: Path, breaker,  # type: ignore[no-untyped-def]
                                                     expect: str) -> None:
    before = _snapshot(loaded)
    sheet = _edit(_export(loaded, tmp_path), breaker)
    with pytest.raises(UserError) as exc:
        catalogue.plan_import(loaded, sheet)
    assert expect in exc.value.message("zh")
    assert str(sheet) in exc.value.message("zh")
    assert _snapshot(loaded) == before


def test_rejection_lists_every_bad_row(loaded, tmp_path: Path) -> None:
    def edit(ws, col):  # type: ignore[no-untyped-def]
        ws.cell(2, col["办理时限"]).value = None
        ws.cell(9, col["服务对象"]).value = "外星人"

    with pytest.raises(ImportRejected) as exc:
        catalogue.plan_import(loaded, _edit(_export(loaded, tmp_path), edit))
    assert [(p.row, p.field) for p in exc.value.problems] == [(2, "办理时限"), (9, "服务对象[1]")]


def test_not_an_xlsx_file(loaded, tmp_path: Path) -> None:
    fake = tmp_path / "清单.xlsx"
    fake.write_text("事项编码,事项名称\nZL-001,专利申请\n", encoding="utf-8")
    with pytest.raises(UserError, match="不是XLSX"):
        catalogue.plan_import(loaded, fake)


def test_formula_like_text_is_neutralised_and_round_trips(loaded, tmp_path: Path) -> None:
    from desktop.catalogue.store import save_item

    item = get_item(loaded.db, "ZX-001")
    save_item(loaded.db, item.model_copy(update={"fees": "=HYPERLINK(\"x\")"}))
    path = _export(loaded, tmp_path)
    ws = openpyxl.load_workbook(path)["服务事项"]
    cells = [c.value for row in ws.iter_rows() for c in row if c.value]
    assert not any(str(v).startswith("=") for v in cells)
    assert not catalogue.plan_import(loaded, path).has_changes


def test_merged_category_cells_apply_to_every_row_they_cover(loaded, tmp_path: Path) -> None:
    def edit(ws, col):  # type: ignore[no-untyped-def]
        first = _row_of(ws, col, "SB-001")
        c = col["类别"]
        for r in range(first + 1, first + 4):
            ws.cell(r, c).value = None
        ws.merge_cells(start_row=first, start_column=c, end_row=first + 3, end_column=c)

    plan = catalogue.plan_import(loaded, _edit(_export(loaded, tmp_path), edit))
    assert not plan.has_changes


def test_a_sheet_without_the_checking_date_keeps_the_stored_one(loaded, tmp_path: Path) -> None:
    def drop_checked(ws, col):  # type: ignore[no-untyped-def]
        ws.delete_cols(col["信息核对日期"])

    plan = catalogue.plan_import(loaded, _edit(_export(loaded, tmp_path), drop_checked))
    assert plan.added == [] and plan.changed == []
    assert all(i.checked == get_item(loaded.db, i.code).checked for i in plan.items)
