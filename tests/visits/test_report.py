"""The report workbook: summary cells equal the statistics, charts on 按主题/按月, personal
data masked unless asked for (and then recorded), formula text written as text."""

from __future__ import annotations

import datetime as _dt
import zipfile
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from db.models import PersonalDataExport
from desktop.errors import Cancelled, UserError
from desktop.settings import api as settings
from desktop.visits import api as visits
from tests.visits.known_visits import FROM, SPECS, TO, insert_known


@pytest.fixture
def known(client_ids, add_visit) -> list[dict[str, Any]]:
    return insert_known(client_ids, add_visit)


def _summary_values(ws) -> dict[str, object]:
    return {row[0]: row[1] for row in ws.iter_rows(values_only=True) if row and row[0]}


def _detail(path) -> list[dict[str, object]]:
    ws = openpyxl.load_workbook(path)["明细"]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_summary_sheet_equals_the_statistics(ctx, known, tmp_path):
    settings.set_outlet(ctx, settings.Outlet(name="晋城市知识产权服务中心"))
    out = tmp_path / "报表.xlsx"
    result = visits.write_report(ctx, out, FROM, TO)
    s = visits.visit_summary(ctx, FROM, TO)
    assert result.summary == s and result.rows == len(known) and result.outlet_set
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "汇总" and {"按主题", "按月", "按渠道", "按客户类型", "按园区",
                                         "按事项", "按接待人", "交叉表", "明细"} <= set(wb.sheetnames)
    ws = wb["汇总"]
    assert "晋城市知识产权服务中心" in ws["A1"].value
    values = _summary_values(ws)
    assert values["统计期间"] == "2026-02-01 至 2026-03-31"
    for attr, zh, _en, _wz, _we in visits.SUMMARY_FIGURES:
        expected = getattr(s, attr)
        assert values[zh] == (pytest.approx(expected) if isinstance(expected, float)
                              else expected), attr
    assert values["接待咨询（人次）"] == 8 and values["服务主体（不同客户）"] == 3
    rate_row = next(r for r in ws.iter_rows() if r[0].value == "满意率")
    assert rate_row[1].number_format == "0.0%"


def test_tables_and_charts(ctx, known, tmp_path):
    out = tmp_path / "r.xlsx"
    visits.write_report(ctx, out, FROM, TO)
    wb = openpyxl.load_workbook(out)
    topics = {r[0]: r[1] for r in wb["按主题"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert topics["专利"] == sum(1 for v in known if "patent" in v["topics"]) == 4
    months = [r for r in wb["按月"].iter_rows(min_row=2, values_only=True)]
    assert [(m[0], m[1]) for m in months] == [("2026年2月", 4), ("2026年3月", 4)]
    assert len(wb["按主题"]._charts) == 1 and len(wb["按月"]._charts) == 1
    with zipfile.ZipFile(out) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        assert len(charts) == 2
        xml = "".join(z.read(n).decode() for n in charts)
    assert "<barChart>" in xml and "<lineChart>" in xml
    assert "'按主题'!$B$2:$B$12" in xml  # 10 topics + the topic-less visit
    cross = list(wb["交叉表"].iter_rows(values_only=True))
    header = cross[1]
    patent = next(r for r in cross if r[0] == "专利")
    assert patent[header.index("窗口来访")] == sum(
        1 for v in known if "patent" in v["topics"] and v["channel"] == "walk-in")


def test_personal_data_masked_unless_included(ctx, known, tmp_path):
    out = tmp_path / "r.xlsx"
    visits.write_report(ctx, out, FROM, TO)
    rows = _detail(out)
    assert len(rows) == len(known)
    assert [r["编号"] for r in rows] == sorted(v["id"] for v in known)  # oldest first
    assert rows[0]["接待时间"] == _dt.datetime(2026, 2, 1, 0, 0)  # a real date cell
    assert rows[2]["跟进日期"] == _dt.datetime(2026, 2, 20)
    assert openpyxl.load_workbook(out)["明细"].freeze_panes == "A2"
    gjd = next(r for r in rows if r["客户"] == "晋城光机电公司")
    assert gjd["统一社会信用代码/身份证号"] == "9135******653A"
    assert gjd["电话"] == "138****5678" and gjd["电子邮箱"] == "i***@gjd.example.cn"
    person = [r for r in rows if r["客户类型"] == "个人"]
    assert person and all(r["客户"] == "张*" for r in person)
    assert person[0]["统一社会信用代码/身份证号"] == "1101******002X"
    th = next(r for r in rows if r["客户"] == "太行新材料有限公司")
    assert th["电话"] == "035****6789"
    raw = zipfile.ZipFile(out).read("xl/sharedStrings.xml").decode() \
        if "xl/sharedStrings.xml" in zipfile.ZipFile(out).namelist() else ""
    raw += zipfile.ZipFile(out).read("xl/worksheets/sheet13.xml").decode()
    for secret in ("13812345678", "91350200776049653A", "ip@gjd", "张三", "13900001111"):
        assert secret not in raw
    with ctx.db.session() as s:
        assert s.execute(select(PersonalDataExport)).scalars().all() == []

    full = tmp_path / "full.xlsx"
    result = visits.write_report(ctx, full, FROM, TO, include_personal=True, officer="王敏")
    rows = _detail(full)
    gjd = next(r for r in rows if r["客户"] == "晋城光机电公司")
    assert (gjd["统一社会信用代码/身份证号"], gjd["电话"], gjd["电子邮箱"]) == (
        "91350200776049653A", "13812345678", "ip@gjd.example.cn")
    assert any(r["客户"] == "张三" for r in rows)
    with ctx.db.session() as s:
        (record,) = s.execute(select(PersonalDataExport)).scalars().all()
        assert (record.kind, record.officer, record.path, record.rows) == (
            "visits_report", "王敏", str(full), result.rows)


def test_formula_text_is_written_as_text(ctx, known, tmp_path):
    out = tmp_path / "r.xlsx"
    visits.write_report(ctx, out, FROM, TO)
    ws = openpyxl.load_workbook(out)["明细"]
    cells = [c for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and "=1+1" in c.value]
    assert len(cells) == 1 and cells[0].data_type == "s"
    assert cells[0].value == "'=1+1 这样的公式是什么"
    assert "<f>" not in zipfile.ZipFile(out).read("xl/worksheets/sheet13.xml").decode()


def test_english_headers_keep_chinese_sheet_names(ctx, known, tmp_path):
    out = tmp_path / "en.xlsx"
    visits.write_report(ctx, out, FROM, TO, lang="en")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "汇总"
    values = _summary_values(wb["汇总"])
    assert values["Consultations"] == 8 and values["Period"] == "2026-02-01 to 2026-03-31"
    assert next(wb["明细"].iter_rows(values_only=True))[:3] == ("ID", "Date/time", "Officer")


def test_bad_target_names_the_file_and_writes_nothing(ctx, known, tmp_path):
    missing = tmp_path / "no_such_folder" / "r.xlsx"
    with pytest.raises(UserError) as info:
        visits.write_report(ctx, missing, FROM, TO)
    assert info.value.file == str(missing) and not missing.parent.exists()
    with pytest.raises(UserError) as info:
        visits.write_report(ctx, tmp_path, FROM, TO)
    assert info.value.file == str(tmp_path)
    with pytest.raises(UserError) as info:
        visits.write_report(ctx, tmp_path / "r.xlsx", TO, FROM)
    assert info.value.field == "date_from"
    kept = tmp_path / "old.xlsx"
    kept.write_bytes(b"old report")
    with pytest.raises(Cancelled):
        visits.write_report(ctx, kept, FROM, TO, cancelled=lambda: True)
    assert kept.read_bytes() == b"old report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "old.xlsx"]


def test_whole_log_report(ctx, known, tmp_path):
    result = visits.write_report(ctx, tmp_path / "all.xlsx", None, None)
    assert result.rows == len(SPECS)
    assert _summary_values(openpyxl.load_workbook(tmp_path / "all.xlsx")["汇总"])[
        "统计期间"] == "最早 至 至今"


def test_detail_times_read_back_exactly(ctx, known, tmp_path):
    out = tmp_path / "r.xlsx"
    visits.write_report(ctx, out, FROM, TO)
    stored = {v.id: v.started_at for v in visits.list_visits(ctx, visits.VisitFilter(
        date_from=FROM, date_to=TO))}
    got = {r["编号"]: r["接待时间"] for r in _detail(out)}
    assert got == stored
