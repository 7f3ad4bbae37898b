"""Client profiles: save with validation, find, import with bad rows, export round trip."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from desktop.clients.model import ClientData
from desktop.clients.service import count_clients, get_client, list_clients, save_client
from desktop.clients.spreadsheet import export_clients, import_clients
from desktop.errors import UserError, ValidationFailed

GOOD_USCC = "91350200776049653A"
FAILING_USCC = "91350203M0001QAY9B"  # real code that fails its check character


def test_save_and_find(ctx):
    saved = save_client(ctx.db, ClientData(name=" 太原煤化科技有限公司 ", id_number=GOOD_USCC.lower(),
                                           phone="0351 7654321", region="山西转型综改示范区"))
    assert saved.id is not None
    assert saved.name == "太原煤化科技有限公司"
    assert saved.id_number == GOOD_USCC
    assert saved.phone == "0351-7654321"
    assert [c.id for c in list_clients(ctx.db, "煤化 综改")] == [saved.id]
    assert list_clients(ctx.db, "不存在") == []
    assert get_client(ctx.db, saved.id).region == "山西转型综改示范区"


def test_invalid_fields_are_named(ctx):
    with pytest.raises(ValidationFailed) as info:
        save_client(ctx.db, ClientData(name="", id_number="91350200776049653B", phone="1381234567",
                                       email="not-an-email", postcode="03000"))
    fields = {p.field for p in info.value.problems}
    assert fields == {"name", "id_number", "phone", "email", "postcode"}
    assert count_clients(ctx.db) == 0


def test_failed_check_character_needs_confirmation(ctx):
    with pytest.raises(ValidationFailed) as info:
        save_client(ctx.db, ClientData(name="某企业", id_number=FAILING_USCC))
    assert [p.warn_only for p in info.value.problems] == [True]
    saved = save_client(ctx.db, ClientData(name="某企业", id_number=FAILING_USCC,
                                           id_check_confirmed=True))
    assert saved.id_number == FAILING_USCC


def test_individual_needs_a_valid_id_number(ctx):
    with pytest.raises(ValidationFailed):
        save_client(ctx.db, ClientData(name="张三", kind="individual", id_number="110105194912310021"))
    ok = save_client(ctx.db, ClientData(name="张三", kind="individual",
                                        id_number="11010519491231002x"))
    assert ok.id_number == "11010519491231002X"


def test_duplicate_number_rejected(ctx):
    save_client(ctx.db, ClientData(name="甲公司", id_number=GOOD_USCC))
    with pytest.raises(ValidationFailed) as info:
        save_client(ctx.db, ClientData(name="乙公司", id_number=GOOD_USCC))
    assert info.value.problems[0].field == "id_number"


def _sheet(path: Path, rows: list[list[object]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_import_keeps_good_rows_and_reports_bad_ones(ctx, tmp_path):
    path = _sheet(tmp_path / "clients.xlsx", [
        ["客户名单（2026年）"],
        ["单位名称", "统一社会信用代码", "联系电话", "邮政编码", "所在园区", "自定义列"],
        ["甲公司", GOOD_USCC, "13812345678", "030000", "太原高新区", "x"],
        ["乙公司", "9135020077604965", "13812345678", None, None, None],
        [None, None, None, None, None, None],
        ["丙公司", FAILING_USCC, "0351-7654321", None, None, None],
        ["", "91440101MA5CJQ4N59", None, None, None, None],
        ["丁公司", GOOD_USCC, None, None, None, None],
    ])
    report = import_clients(ctx.db, path)
    assert report.added == 2
    rejected = {(p.row, p.field) for p in report.rejected}
    assert rejected == {(4, "id_number"), (7, "name"), (8, "id_number")}
    assert [(w.row, w.field) for w in report.warnings] == [(6, "id_number")]
    assert report.ignored_columns == ["自定义列"]
    assert sorted(c.name for c in list_clients(ctx.db)) == ["丙公司", "甲公司"]
    again = import_clients(ctx.db, path)
    assert (again.added, again.unchanged) == (0, 2)


def test_import_rejects_files_that_are_not_xlsx(ctx, tmp_path):
    fake = tmp_path / "clients.xlsx"
    fake.write_text("name,phone\n甲,1\n", encoding="gbk")
    with pytest.raises(UserError) as info:
        import_clients(ctx.db, fake)
    assert "clients.xlsx" in info.value.message()
    noheader = _sheet(tmp_path / "noheader.xlsx", [["a", "b"], [1, 2]])
    with pytest.raises(UserError) as info:
        import_clients(ctx.db, noheader)
    assert "名称" in info.value.message()
    assert count_clients(ctx.db) == 0


def test_export_round_trip_and_formula_injection(ctx, tmp_path):
    save_client(ctx.db, ClientData(name="=HYPERLINK(\"http://x\")", notes="+1 @home",
                                   id_number=GOOD_USCC, region="晋中开发区"))
    save_client(ctx.db, ClientData(name="李四", kind="individual",
                                   id_number="11010519491231002X"))
    out = tmp_path / "out.xlsx"
    assert export_clients(ctx.db, out) == 2
    ws = openpyxl.load_workbook(out).active
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert all(not v.startswith(("=", "+", "@", "-")) for v in values)
    assert any(c.data_type == "f" for row in ws.iter_rows() for c in row) is False
    report = import_clients(ctx.db, out)
    assert (report.added, report.updated, report.unchanged, report.rejected) == (0, 1, 1, [])
