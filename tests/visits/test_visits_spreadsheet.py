"""The visit log as XLSX: round trip, old logs with other headers, bad rows reported by row
and field, one transaction, personal columns only on request (and recorded)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from db.models import Client, PersonalDataExport, Visit
from desktop.clients import api as clients
from desktop.errors import UserError, ValidationFailed
from desktop.visits import api as visits
from desktop.visits import service

DAY = _dt.date(2026, 3, 10)
COMPARED = ("started_at", "officer", "client_id", "client_name", "client_kind", "region",
            "channel", "topics", "items", "outcome", "referred_to", "follow_up",
            "follow_up_done", "effort", "satisfaction", "duration_min", "question", "answer",
            "notes", "tags", "searches", "model_answer", "answer_item")


def _record(v: visits.VisitData) -> dict[str, object]:
    return {k: getattr(v, k) for k in COMPARED}


def _sheet(path: Path, rows: list[list[object]], merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def _counts(ctx) -> tuple[int, int]:
    with ctx.db.session() as s:
        return (s.execute(select(func.count(Visit.id))).scalar_one(),
                s.execute(select(func.count(Client.id))).scalar_one())


def test_round_trip_export_import_equal_records(ctx, client_ids, add_visit, tmp_path):
    made = [
        add_visit(DAY, 9, officer="王敏", client_id=client_ids["晋城光机电公司"],
                  channel="phone", topics=["financing", "patent"], items=["ZL-008"],
                  outcome="follow_up", follow_up=DAY + _dt.timedelta(days=7), effort=3,
                  satisfaction=5, duration_min=25, question="专利能贷款吗",
                  answer="可以办理专利权质押登记", tags=["质押", "银行"],
                  searches=["光机电 专利", "质押 登记"]),
        add_visit(DAY, 14, officer="李强", topics=["trademark"], outcome="referred",
                  referred_to="市市场监管局", satisfaction=2, notes="匿名来访",
                  question="=HYPERLINK(\"http://x.example\",\"点我\")"),
        add_visit(DAY + _dt.timedelta(days=1), 10, client_id=client_ids["张三"],
                  channel="onsite", topics=["copyright"], follow_up=DAY + _dt.timedelta(days=2),
                  follow_up_done=True, model_answer=True, answer_item="ZL-008"),
    ]
    before = sorted((_record(v) for v in visits.list_visits(ctx)), key=str)
    out = tmp_path / "log.xlsx"
    assert visits.export_visits(ctx, out) == 3
    ws = openpyxl.load_workbook(out).active
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert isinstance(ws["B2"].value, _dt.datetime)  # a real date, not text
    assert ws.cell(3, 17).value.startswith("'=HYPERLINK")  # guarded, stays text
    for v in made:
        visits.delete_visit(ctx, v.id)
    report = visits.import_visits(ctx, out).value
    assert (report.added, report.rejected, report.clients_created) == (3, [], 0)
    after = sorted((_record(v) for v in visits.list_visits(ctx)), key=str)
    assert after == before
    assert any(v.question.startswith("=HYPERLINK") for v in visits.list_visits(ctx))
    again = visits.import_visits(ctx, out).value  # same file twice: nothing doubled
    assert again.added == 0 and again.duplicates + again.unchanged == 3
    assert _counts(ctx)[0] == 3


def test_reimport_of_an_edited_export_updates_by_id(ctx, client_ids, add_visit, tmp_path):
    v = add_visit(DAY, officer="王敏", topics=["patent"], question="问")
    out = tmp_path / "e.xlsx"
    visits.export_visits(ctx, out)
    wb = openpyxl.load_workbook(out)
    wb.active.cell(2, 18).value = "已答复：见指南"  # 答复
    wb.save(out)
    report = visits.import_visits(ctx, out).value
    assert (report.added, report.updated) == (0, 1)
    assert visits.get_visit(ctx, v.id).answer == "已答复：见指南"


def test_old_log_with_other_headers(ctx, client_ids, tmp_path):
    path = _sheet(tmp_path / "旧台账.xlsx", [
        ["2025年知识产权服务窗口来访登记表"],
        ["序号", "来访日期", "时间", "来访单位", "咨询类别", "来访方式", "咨询内容", "解答内容",
         "处理情况", "评价", "经办人", "联系电话"],
        [1, "2025/3/5", "14:30", "晋城光机电公司", "专利、质押融资", "窗口", "专利质押怎么办",
         "介绍了流程", "当场答复", "非常满意", "王敏", "13812345678"],
        [2, "2025年3月6日", None, "泽州县丹河机械厂", "商标", "电话咨询", "商标续展", "",
         "转介至市市场监管局", 4, "李强", None],
        [3, _dt.datetime(2025, 3, 7, 9, 15), None, "太原理工大学", "软著", "微信", "软件登记",
         "", "需跟进", "满意", None, None],
        [4, 45726, None, "李四", "政策", "上门", "资助政策", "", "", None, None, None],
        [5, None, None, None, None, None, None, None, None, None, None, None],
    ], merges=("A1:L1",))
    report = visits.import_visits(ctx, path, officer="赵敏").value
    assert report.rejected == [] and report.added == 4
    assert report.clients_created == 3  # 光机电 exists; the machine works, university, 李四 new
    got = sorted(visits.list_visits(ctx), key=lambda v: v.started_at)
    assert [v.started_at for v in got] == [
        _dt.datetime(2025, 3, 5, 14, 30), _dt.datetime(2025, 3, 6),
        _dt.datetime(2025, 3, 7, 9, 15), _dt.datetime(2025, 3, 10)]
    first = got[0]
    assert first.client_id == client_ids["晋城光机电公司"]
    assert (first.topics, first.channel, first.outcome, first.satisfaction) == (
        ["patent", "financing"], "walk-in", "answered", 5)
    assert (got[1].outcome, got[1].referred_to, got[1].channel) == (
        "referred", "市市场监管局", "phone")
    assert [v.officer for v in got] == ["王敏", "李强", "赵敏", "赵敏"]
    kinds = {c.name: c.kind for c in clients.list_clients(ctx)}
    assert (kinds["泽州县丹河机械厂"], kinds["太原理工大学"], kinds["李四"]) == (
        "enterprise", "university", "individual")
    assert (got[2].topics, got[2].channel, got[3].channel) == (["copyright"], "online", "onsite")
    assert report.ignored_columns == ["序号", "联系电话"]


def test_merged_cells_fill_every_row_they_cover(ctx, tmp_path):
    path = _sheet(tmp_path / "m.xlsx", [
        ["日期", "客户", "咨询内容", "经办人"],
        ["2025-04-01", "甲公司", "问一", "王敏"],
        [None, "乙公司", "问二", None],
        [None, "丙公司", "问三", None],
    ], merges=("A2:A4", "D2:D4"))
    report = visits.import_visits(ctx, path).value
    assert report.added == 3
    assert {(v.started_at.date(), v.officer) for v in visits.list_visits(ctx)} == {
        (_dt.date(2025, 4, 1), "王敏")}


def test_bad_rows_named_by_row_and_field_good_rows_kept(ctx, tmp_path):
    path = _sheet(tmp_path / "bad.xlsx", [
        ["日期", "客户", "主题", "满意度", "咨询内容"],
        ["2025-03-01", "甲公司", "专利", 5, "好行"],
        ["2026-02-30", "乙公司", "专利", 5, "日期不存在"],
        ["2025-03-02", "丙公司", "天气", 4, "主题不对"],
        ["2025-03-03", "丁公司", "商标", 7, "满意度超出"],
        ["2025-03-04", None, "商标", "非常不满意", "匿名"],
    ])
    report = visits.import_visits(ctx, path).value
    got = {(p.row, p.key) for p in report.rejected}
    assert got == {(3, "started_at"), (4, "topics"), (5, "satisfaction")}
    assert report.added == 2
    texts = {p.row: (p.text("zh"), p.text("en")) for p in report.rejected}
    assert "第3行" in texts[3][0] and "接待时间" in texts[3][0] and "2026-02-30" in texts[3][0]
    assert "row 5" in texts[5][1] and "Satisfaction" in texts[5][1]
    assert "天气" in texts[4][0]
    assert sorted(v.question for v in visits.list_visits(ctx)) == ["匿名", "好行"]
    names = {c.name for c in clients.list_clients(ctx)}
    assert names == {"甲公司"}  # no profiles for the rejected rows
    anon = [v for v in visits.list_visits(ctx) if v.question == "匿名"][0]
    assert anon.client_id is None and anon.satisfaction == 1


def test_failure_mid_import_leaves_nothing(ctx, client_ids, tmp_path, monkeypatch):
    rows = [["日期", "客户", "咨询内容"]] + [
        [f"2025-05-{d:02d}", f"新客户{d}号有限公司", f"问题{d}"] for d in range(1, 8)]
    path = _sheet(tmp_path / "x.xlsx", rows)
    before = _counts(ctx)
    real = service.apply_fields
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("disk gone")
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "apply_fields", failing)
    with pytest.raises(RuntimeError):
        visits.import_visits(ctx, path)
    assert calls["n"] == 5
    assert _counts(ctx) == before  # no visits, no quick profiles
    monkeypatch.setattr(service, "apply_fields", real)
    assert visits.import_visits(ctx, path).value.added == 7
    assert _counts(ctx) == (7, before[1] + 7)


def test_personal_columns_only_when_asked_and_recorded(ctx, client_ids, add_visit, tmp_path):
    add_visit(DAY, client_id=client_ids["晋城光机电公司"], topics=["patent"])
    plain, full = tmp_path / "plain.xlsx", tmp_path / "full.xlsx"
    visits.export_visits(ctx, plain)
    header = [c.value for c in openpyxl.load_workbook(plain).active[1]]
    assert "电话" not in header and "13812345678" not in str(
        list(openpyxl.load_workbook(plain).active.values))
    with ctx.db.session() as s:
        assert s.execute(select(func.count(PersonalDataExport.id))).scalar_one() == 0
    visits.export_visits(ctx, full, include_personal=True, officer="王敏", lang="en")
    ws = openpyxl.load_workbook(full).active
    header = [c.value for c in ws[1]]
    assert header[-3:] == ["Credit code / ID number", "Phone", "E-mail"]
    assert [c.value for c in ws[2]][-3:] == ["91350200776049653A", "13812345678",
                                             "ip@gjd.example.cn"]
    with ctx.db.session() as s:
        rec = s.execute(select(PersonalDataExport)).scalars().one()
        assert (rec.kind, rec.officer, rec.rows, rec.path) == (
            "visits_export", "王敏", 1, str(full))
    # an English export reads back too
    visits.delete_visit(ctx, visits.list_visits(ctx)[0].id)
    assert visits.import_visits(ctx, full).value.added == 1


def test_unreadable_files_are_clear_errors(ctx, tmp_path):
    fake = tmp_path / "台账.xlsx"
    fake.write_bytes("日期,客户\n2025-01-01,甲".encode("gbk"))
    with pytest.raises(UserError) as info:
        visits.import_visits(ctx, fake)
    assert "台账.xlsx" in info.value.message("zh")
    empty = _sheet(tmp_path / "empty.xlsx", [])
    with pytest.raises(UserError) as info:
        visits.import_visits(ctx, empty)
    assert "空" in info.value.message("zh") and "empty.xlsx" in info.value.message("zh")
    nodate = _sheet(tmp_path / "nodate.xlsx", [["客户", "咨询内容"], ["甲", "问"]])
    with pytest.raises(UserError) as info:
        visits.import_visits(ctx, nodate)
    assert "日期" in info.value.message("zh") and "date" in info.value.message("en")
    assert _counts(ctx) == (0, 0)


def test_save_visit_for_client_writes_nothing_when_the_visit_is_bad(ctx):
    bad = visits.VisitData(started_at=_dt.datetime(2026, 3, 1, 9), topics=["weather"])
    with pytest.raises(ValidationFailed):
        visits.save_visit_for_client(ctx, bad, "全新科技有限公司")
    assert _counts(ctx) == (0, 0)
    good = visits.VisitData(started_at=_dt.datetime(2026, 3, 1, 9), topics=["patent"])
    op = visits.save_visit_for_client(ctx, good, "全新科技有限公司")
    assert op.changes.clients and op.value.client_name == "全新科技有限公司"
    again = visits.save_visit_for_client(ctx, good, "全新科技有限公司")
    assert not again.changes.clients and again.value.client_id == op.value.client_id
