"""Generating documents: client pre-fill, safe names, attachments, history, batch."""

from __future__ import annotations

import copy
import datetime as _dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.clients.model import ClientData
from desktop.clients.service import save_client
from desktop.context import AppContext
from desktop.errors import UserError, ValidationFailed
from desktop.forms.batch import batch_job
from desktop.forms.generate import form_registry, generate
from desktop.forms.history import count_documents_for_form, get_document, list_documents
from desktop.jobs import never_cancelled, no_progress
from tests.forms.conftest import FIXED_DATE, docx_text

CLIENT = ClientData(name="太原晋创新材料有限公司", kind="enterprise",
                    id_number="91140105MA0K3J7WX4", address="山西省太原市小店区长治路227号",
                    postcode="030006", contact_person="李明", phone="13812345678",
                    email="liming@jinchuang.example.cn", region="山西省太原市")


def _example(ctx: AppContext, form_id: str) -> dict:
    return copy.deepcopy(form_registry(ctx).get(form_id).spec.example)


def test_client_prefill_fills_blanks_and_is_recorded(ctx: AppContext) -> None:
    client = save_client(ctx.db, CLIENT)
    data = _example(ctx, "software_copyright")
    for key in ("contact_person", "phone", "email", "address", "postcode"):
        data.pop(key)
    data["owners"] = [{"nationality": "中国"}]
    out = generate(ctx, "software_copyright", data, client_id=client.id, date=FIXED_DATE)
    assert out.path.parent == ctx.paths.generated_dir
    assert out.path.name == "计算机软件著作权登记申请表_太原晋创新材料有限公司_20261125.docx"
    text = docx_text(out.path)
    for value in ("李明", "13812345678", "91140105MA0K3J7WX4", "山西省太原市"):
        assert value in text
    rec = get_document(ctx.db, out.record_id)
    assert (rec.form_id, rec.form_version, rec.client_id) == ("software_copyright", 2, client.id)
    assert rec.data["owners"][0]["id_number"] == "91140105MA0K3J7WX4"
    assert count_documents_for_form(ctx.db, "software_copyright") == 1
    assert count_documents_for_form(ctx.db, "patent_pledge") == 0
    again = generate(ctx, "software_copyright", rec.data, client_id=client.id, date=FIXED_DATE)
    assert again.path.name.endswith("_20261125_2.docx")
    assert [d.id for d in list_documents(ctx.db, client_id=client.id)] == [again.record_id,
                                                                         out.record_id]


def test_typed_values_win_over_the_client(ctx: AppContext) -> None:
    client = save_client(ctx.db, CLIENT)
    data = _example(ctx, "gi_mark_use")
    data["phone"] = "0354-5671234"
    out = generate(ctx, "gi_mark_use", data, client_id=client.id)
    assert get_document(ctx.db, out.record_id).data["phone"] == "0354-5671234"


def test_missing_client_is_a_user_error(ctx: AppContext) -> None:
    with pytest.raises(UserError):
        generate(ctx, "gi_mark_use", _example(ctx, "gi_mark_use"), client_id=999)


def test_invalid_data_writes_nothing(ctx: AppContext, tmp_path: Path) -> None:
    data = _example(ctx, "gi_mark_use")
    data["phone"] = "1391234567"
    target = tmp_path / "out" / "x.docx"
    with pytest.raises(ValidationFailed) as exc:
        generate(ctx, "gi_mark_use", data, out_path=target)
    assert [p.field for p in exc.value.problems] == ["phone"]
    assert not target.exists()
    assert list_documents(ctx.db) == []


def test_file_names_stay_inside_the_folder(ctx: AppContext, tmp_path: Path) -> None:
    data = _example(ctx, "gi_mark_use")
    data["applicant_name"] = "../../evil/名称:*?"
    out = generate(ctx, "gi_mark_use", data, folder=tmp_path / "chosen")
    assert out.path.parent == (tmp_path / "chosen").resolve()
    assert "/" not in out.path.name and ".." not in out.path.name


def test_more_than_ten_patents_get_an_xlsx_list(ctx: AppContext, tmp_path: Path) -> None:
    data = _example(ctx, "patent_pledge")
    base = data["patents"][0]
    from desktop.validators.api import appno_check_digit

    patents = []
    for i in range(11):
        body = f"2019104567{i:02d}"
        patents.append({**base, "appno": f"{body}.{appno_check_digit(body)}",
                        "title": f"=专利{i}"})
    data["patents"] = patents
    out = generate(ctx, "patent_pledge", data, folder=tmp_path, date=FIXED_DATE)
    assert len(out.attachments) == 1
    ws = load_workbook(out.attachments[0]).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("序号", "专利号", "专利名称") and len(rows) == 12
    assert rows[1][2] == "'=专利0"
    assert "质押专利清单" in docx_text(out.path) and out.attachments[0].name in docx_text(out.path)
    rec = get_document(ctx.db, out.record_id)
    assert rec.attachments == [str(out.attachments[0])]
    data["patents"] = patents[:10]
    assert generate(ctx, "patent_pledge", data, folder=tmp_path).attachments == []


def test_xlsx_output_and_bad_suffix(ctx: AppContext, tmp_path: Path) -> None:
    out = generate(ctx, "trademark_application", _example(ctx, "trademark_application"),
                   out_path=tmp_path / "tm.xlsx")
    wb = load_workbook(out.path)
    assert wb.sheetnames == ["表单", "其他共同申请人", "类别及商品_服务项目"]
    assert [c.value for c in wb["其他共同申请人"][2]][:3] == [1, "郭晓峰", "140728198004151351"]
    values = [c.value for row in wb["表单"].iter_rows() for c in row]
    assert "594.00 元（网上申请）" in values
    with pytest.raises(UserError):
        generate(ctx, "trademark_application", _example(ctx, "trademark_application"),
                 out_path=tmp_path / "tm.pdf")


def _batch_sheet(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def test_batch_generates_good_rows_and_reports_bad_ones(ctx: AppContext, tmp_path: Path) -> None:
    ex = _example(ctx, "patent_pledge")
    header = ["出质人", "质权人名称或姓名", "pledgee_id", "被担保主债权种类", "debt_amount",
              "term_start", "repayment_end", "patents", "contact_person", "phone",
              "all_consent", "备注", "质权人地址", "secured_scope"]
    pledgor = "太原晋创新材料有限公司|91140105MA0K3J7WX4||0351-7654321"
    patents = "\n".join(f"{p['appno']}|{p['title']}|{p['patentees']}|{p['filing_date']}|"
                        f"{p['grant_date']}" for p in ex["patents"])
    good = [pledgor, ex["pledgee_name"], ex["pledgee_id"], "借款合同", 5000000,
            _dt.datetime(2026, 12, 1), "2028-11-30", patents, "李明", "13812345678", "是", "x",
            ex["pledgee_address"], "主债权、利息"]
    bad_phone = list(good)
    bad_phone[9] = "1381234567"
    late = list(good)
    late[6] = "2035-01-01"
    src = _batch_sheet(tmp_path / "batch.xlsx", header, [good, bad_phone, [None] * 14, late,
                                                         good])
    report = batch_job(ctx, "patent_pledge", src, tmp_path / "out")(no_progress,
                                                                    never_cancelled)
    assert len(report.generated) == 2 and all(p.exists() for p in report.generated)
    assert report.failed_rows == [3, 5]
    assert {(p.row, p.field) for p in report.failed} == {(3, "phone"), (5, "repayment_end")}
    assert report.failed_values[(3, "phone")] == "1381234567"
    assert report.report_path is not None and report.report_path.exists()
    assert count_documents_for_form(ctx.db, "patent_pledge") == 2


def test_batch_rejects_a_sheet_without_known_headers(ctx: AppContext, tmp_path: Path) -> None:
    src = _batch_sheet(tmp_path / "b.xlsx", ["foo", "bar"], [[1, 2]])
    with pytest.raises(UserError) as exc:
        batch_job(ctx, "patent_pledge", src, tmp_path / "out")
    assert exc.value.row == 1
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", "utf-8")
    with pytest.raises(UserError):
        batch_job(ctx, "patent_pledge", fake, tmp_path / "out")


def test_deleting_a_client_keeps_the_history(ctx: AppContext) -> None:
    from desktop.clients.service import delete_client

    client = save_client(ctx.db, CLIENT)
    out = generate(ctx, "gi_mark_use", _example(ctx, "gi_mark_use"), client_id=client.id)
    delete_client(ctx.db, client.id)
    rec = get_document(ctx.db, out.record_id)
    assert rec.client_id is None and rec.client_name == CLIENT.name
    assert json.dumps(rec.data, ensure_ascii=False)


@pytest.mark.parametrize("form_id", ["patent_pledge", "trademark_application",
                                     "software_copyright"])
def test_batch_template_round_trips(ctx: AppContext, tmp_path: Path, form_id: str) -> None:
    from desktop.forms.batch import write_batch_template

    form = form_registry(ctx).get(form_id)
    path = write_batch_template(form, tmp_path / "template.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["数据", "说明"]
    assert [c.value for c in wb["数据"][1]] == [f.label for f in form.spec.fields]
    report = batch_job(ctx, form_id, path, tmp_path / "out")(no_progress, never_cancelled)
    assert report.failed == [] and len(report.generated) == 1


def test_no_file_is_left_when_recording_fails(ctx: AppContext, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    gen = importlib.import_module("desktop.forms.generate")  # the module, not the function
    def broken(db, docs):  # type: ignore[no-untyped-def]
        raise UserError("数据库被锁定", "the database is locked")

    monkeypatch.setattr(gen, "record_documents", broken)
    with pytest.raises(UserError):
        generate(ctx, "gi_mark_use", _example(ctx, "gi_mark_use"), folder=tmp_path / "o")
    assert list((tmp_path / "o").iterdir()) == []


def test_a_cancelled_batch_keeps_and_records_what_it_made(ctx: AppContext,
                                                          tmp_path: Path) -> None:
    from desktop.errors import Cancelled
    from desktop.forms.batch import write_batch_template

    form = form_registry(ctx).get("gi_mark_use")
    src = write_batch_template(form, tmp_path / "rows.xlsx")
    wb = load_workbook(src)
    ws = wb["数据"]
    for _ in range(4):
        ws.append([c.value for c in ws[2]])
    wb.save(src)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(Cancelled):
        batch_job(ctx, "gi_mark_use", src, tmp_path / "out")(no_progress, cancelled)
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2
    assert count_documents_for_form(ctx.db, "gi_mark_use") == 2
