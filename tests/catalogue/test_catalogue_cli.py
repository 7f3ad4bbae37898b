"""``python main.py catalogue …``: JSON output, handout, export/import, exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from desktop.cli import main


def _run(capsys, data_dir: Path, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["catalogue", *args, "--data-dir", str(data_dir)])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_has_the_agreed_fields(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(capsys, tmp_path, "list", "--json")
    assert code == 0
    items = json.loads(out)
    assert len(items) >= 33
    assert {"code", "name", "category", "active"} <= set(items[0])
    code, out, _ = _run(capsys, tmp_path, "list", "-q", "zlzy", "--json")
    assert json.loads(out)[0]["code"] == "ZL-008"
    code, out, _ = _run(capsys, tmp_path, "list", "--category", "商标")
    assert code == 0 and "SB-001" in out and "ZL-001" not in out


def test_show_json_is_the_whole_item(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(capsys, tmp_path, "show", "zl-008", "--json")
    assert code == 0
    item = json.loads(out)
    for key in ("code", "name", "category", "service_type", "paid", "audience", "provider",
                "legal_basis", "conditions", "channels", "materials", "steps", "time_limit",
                "fees", "result", "progress_query", "supervision", "facilitation", "forms",
                "faq", "keywords", "version", "effective_date", "active", "source"):
        assert key in item, key
    assert item["forms"][0] == {"form_id": "patent_pledge", "name": "专利权质押登记申请表"}
    code, out, _ = _run(capsys, tmp_path, "show", "ZL-008")
    assert "【申请材料】" in out and "【办理流程】" in out


def test_handout_writes_a_docx_with_several_items(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    target = tmp_path / "out" / "指南.docx"
    target.parent.mkdir()
    code, out, _ = _run(capsys, tmp_path, "handout", "ZL-008", "ZL-006", "-o", str(target))
    assert code == 0 and out.strip() == str(target)
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "专利权质押登记" in text and "专利实施许可合同备案" in text


def test_export_then_import_dry_run_and_apply(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = tmp_path / "清单.xlsx"
    code, _, _ = _run(capsys, tmp_path, "export", str(sheet))
    assert code == 0 and sheet.exists()
    wb = openpyxl.load_workbook(sheet)
    ws = wb["服务事项"]
    header = [c.value for c in ws[1]]
    ws.cell(2, header.index("收费标准") + 1).value = "不收费（2025年起）"
    wb.save(sheet)
    code, out, _ = _run(capsys, tmp_path, "import", str(sheet), "--dry-run", "--json")
    report = json.loads(out)
    assert code == 0 and report["dry_run"] is True and report["applied"] is False
    assert report["changed"][0]["fields"][0]["field"] == "fees"
    assert report["changed"][0]["fields"][0]["after"] == "不收费（2025年起）"
    code, out, _ = _run(capsys, tmp_path, "import", str(sheet))
    assert code == 0 and "修改 1 项" in out
    code, out, _ = _run(capsys, tmp_path, "history", report["changed"][0]["code"], "--json")
    assert json.loads(out)[0]["action"] == "changed"


@pytest.mark.parametrize("args", [
    ("show", "XX-999"),
    ("handout", "XX-999", "-o", "x.docx"),
    ("import", "missing.xlsx"),
])
def test_user_errors_exit_2_with_one_line(capsys, tmp_path: Path, args) -> None:  # type: ignore[no-untyped-def]
    code, out, err = _run(capsys, tmp_path, *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_import_of_a_non_xlsx_exits_2_and_changes_nothing(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fake = tmp_path / "清单.xlsx"
    fake.write_bytes(b"not a workbook")
    _run(capsys, tmp_path, "list")
    code, _, err = _run(capsys, tmp_path, "import", str(fake), "--json")
    assert code == 2 and "XLSX" in err
    code, out, _ = _run(capsys, tmp_path, "history", "ZL-001", "--json")
    assert json.loads(out) == []


def test_check_validates_yaml_files(capsys, tmp_path: Path, item_data: dict, write_yaml) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(capsys, tmp_path, "check", "--max-age", "100000")
    assert code == 0 and "44 个事项均有效；0 处需要核对" in out
    item_data["materials"][0]["form"] = "扫描件"
    bad = write_yaml(tmp_path / "yaml", "ZL-008.yaml", item_data)
    code, _, err = _run(capsys, tmp_path, "check", str(bad))
    assert code == 2 and "ZL-008" in err and "申请材料[1].原件/复印件" in err


def test_delete_retires_a_referenced_item(capsys, tmp_path: Path,  # type: ignore[no-untyped-def]
                                          monkeypatch) -> None:
    import desktop.app

    real_wire = desktop.app.wire

    def wire_with_a_reference(ctx) -> None:  # type: ignore[no-untyped-def]
        real_wire(ctx)
        ctx.wiring.reference_counters["visits"] = lambda _ctx, item: 1

    monkeypatch.setattr(desktop.app, "wire", wire_with_a_reference)
    code, out, _ = _run(capsys, tmp_path, "delete", "ZL-009", "--json")
    assert code == 0 and json.loads(out)["result"] == "retired"
    monkeypatch.setattr(desktop.app, "wire", real_wire)
    code, out, _ = _run(capsys, tmp_path, "delete", "ZL-009", "--json")
    assert json.loads(out)["result"] == "deleted"


def test_suggest_json_plain_and_empty_text(capsys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = _run(capsys, tmp_path, "suggest", "专利贷款", "--json", "--limit", "3")
    assert code == 0
    found = json.loads(out)
    assert len(found) <= 3 and {"code", "title", "score", "why"} <= set(found[0])
    assert {"ZL-008", "YY-001"} <= {f["code"] for f in found}
    assert found[0]["score"] >= found[-1]["score"] > 0
    code, out, _ = _run(capsys, tmp_path, "suggest", "质押", "专利")   # words as separate args
    assert code == 0 and "ZL-008" in out and "专利权质押登记" in out and "匹配" in out
    code, out, err = _run(capsys, tmp_path, "suggest", "  ")
    assert code == 2 and out == "" and "需求" in err
    code, _out, err = _run(capsys, tmp_path, "suggest", "专利", "--limit", "0")
    assert code == 2 and "--limit" in err


def test_check_lists_items_whose_facts_are_too_old(capsys, tmp_path: Path, item_data: dict,  # type: ignore[no-untyped-def]
                                                   write_yaml) -> None:
    item_data["checked"] = "2020-01-01"
    old = write_yaml(tmp_path / "yaml", "ZL-008.yaml", item_data)
    code, out, _ = _run(capsys, tmp_path, "check", str(old), "--max-age", "365")
    assert code == 1 and "ZL-008" in out and "信息核对于 2020-01-01" in out
    del item_data["checked"]
    write_yaml(tmp_path / "yaml", "ZL-008.yaml", item_data)
    code, out, _ = _run(capsys, tmp_path, "check", str(old), "--json")
    found = json.loads(out)["findings"]
    assert code == 1 and [f["kind"] for f in found] == ["never_checked"]
    code, _, err = _run(capsys, tmp_path, "check", "--max-age", "-1")
    assert code == 2 and "--max-age" in err


def test_check_verifies_citations_against_the_law_texts(capsys, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                        item_data: dict, write_yaml,
                                                        shared_data: Path) -> None:
    laws = shared_data / "policies" / "laws"
    code, out, _ = _run(capsys, tmp_path, "check", "--laws", str(laws), "--max-age", "100000")
    assert code == 0, out
    item_data["legal_basis"][1]["articles"][0]["article"] = 14    # 第十四条 has no 出质登记
    bad = write_yaml(tmp_path / "yaml", "ZL-008.yaml", item_data)
    code, out, _ = _run(capsys, tmp_path, "check", str(bad), "--laws", str(laws))
    assert code == 1 and "第十四条第三款" in out
