"""Privacy: old visits anonymised and clients erased without changing a single count; a
client's data exported on request and the export recorded."""

from __future__ import annotations

import datetime as _dt
import json
from pathlib import Path

import openpyxl
import pytest

from desktop.clients import api as clients
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.settings import api as settings
from desktop.visits import api as visits
from tests.visits.conftest import AddVisit

TODAY = _dt.date(2026, 6, 15)
OLD = _dt.date(2025, 3, 10)  # 462 days before TODAY
RECENT = _dt.date(2026, 5, 20)


@pytest.fixture
def logged(ctx: AppContext, client_ids: dict[str, int], add_visit: AddVisit
           ) -> dict[str, visits.VisitData]:
    gjd, zhang = client_ids["晋城光机电公司"], client_ids["张三"]
    settings.set_retention_days(ctx, 365)
    return {
        "old_gjd": add_visit(
            OLD, client_id=gjd, topics=["financing"], items=["ZL-008"],
            question="晋城光机电公司（91350200776049653A）想拿专利去银行贷款，联系13812345678",
            answer="请联系人发材料到 ip@gjd.example.cn 或致电0356-3456789，办理专利权质押登记。",
            notes="张经理下周带合同来", searches=["专利 质押"], document_ids=[11, 12]),
        "old_zhang": add_visit(
            OLD, hour=14, client_id=zhang, topics=["patent"],
            question="张三问身份证11010519491231002X能否个人申请专利", answer="可以。"),
        "old_gjd_2": add_visit(_dt.date(2025, 3, 28), client_id=gjd, topics=["trademark"],
                               question="商标续展", answer="期满前12个月内办理。"),
        "old_walk_in": add_visit(OLD, hour=16, question="电话13900001111问商标", answer=""),
        "recent_gjd": add_visit(RECENT, client_id=gjd, question="晋城光机电公司商标变更",
                                answer="提交变更申请。", notes="带营业执照",
                                searches=["商标 变更"]),
    }


def _totals(ctx: AppContext) -> dict[str, object]:
    everything = visits.list_visits(ctx)
    return {
        "months": [visits.month_counts(ctx, d) for d in (OLD, RECENT)],
        "visits": len(everything),
        "documents": sum(v.document_count for v in everything),
        "searches": sum(v.search_count for v in everything),
        "by_topic": sorted(t for v in everything for t in v.topics),
        "by_kind": sorted(str(v.client_kind) for v in everything),
        "by_region": sorted(str(v.region) for v in everything),
        "items": sorted(i for v in everything for i in v.items),
    }


def test_anonymising_keeps_every_count_and_masks_personal_text(
        ctx: AppContext, logged: dict[str, visits.VisitData]) -> None:
    before = _totals(ctx)
    # the figures as computed by hand from the fixture: March 2025 has 4 visits of
    # 2 distinct clients (gjd twice, zhang; the walk-in is no client), 2 documents
    assert before["months"][0]["visits"] == 4 and before["months"][0]["documents"] == 2
    assert before["months"][0]["clients"] == 2
    op = visits.anonymise_old_visits(ctx, TODAY)
    assert op.value == 4 and op.changes.visits
    assert _totals(ctx) == before
    old = visits.get_visit(ctx, logged["old_gjd"].id or 0)
    assert old.anonymised and old.client_id is None and old.client_name == ""
    assert (old.client_kind, old.region) == ("enterprise", "晋城经开区")
    assert old.notes == "" and old.searches == [] and old.document_ids == []
    assert (old.search_count, old.document_count) == (1, 2)
    for secret in ("晋城光机电公司", "91350200776049653A", "13812345678", "ip@gjd.example.cn",
                   "0356-3456789"):
        assert secret not in old.question + old.answer
    assert old.question == "[客户]（[证件号]）想拿专利去银行贷款，联系[电话]"
    assert "办理专利权质押登记" in old.answer and "[邮箱]" in old.answer
    zhang = visits.get_visit(ctx, logged["old_zhang"].id or 0)
    assert zhang.question == "[客户]问身份证[证件号]能否个人申请专利"
    walk_in = visits.get_visit(ctx, logged["old_walk_in"].id or 0)
    assert walk_in.question == "电话[电话]问商标" and walk_in.anonymised
    recent = visits.get_visit(ctx, logged["recent_gjd"].id or 0)
    assert not recent.anonymised and recent.notes == "带营业执照"
    assert recent.client_name == "晋城光机电公司"
    # anonymised visits stay in the knowledge base, masked
    assert visits.ask(ctx, "专利贷款")[0].visit_id == logged["old_gjd"].id
    # a second run finds nothing more to do
    again = visits.anonymise_old_visits(ctx, TODAY)
    assert again.value == 0 and not again.changes.visits


def test_erasing_a_client_keeps_every_count(ctx: AppContext, client_ids: dict[str, int],
                                            logged: dict[str, visits.VisitData]) -> None:
    before = _totals(ctx)
    visits.anonymise_old_visits(ctx, TODAY)
    clients.delete_client(ctx, client_ids["晋城光机电公司"])
    assert _totals(ctx) == before
    recent = visits.get_visit(ctx, logged["recent_gjd"].id or 0)
    assert recent.client_id is None and recent.client_kind == "enterprise"
    assert visits.month_counts(ctx, RECENT)["clients"] == 1


def test_the_retention_period_decides(ctx: AppContext,
                                      logged: dict[str, visits.VisitData]) -> None:
    settings.set_retention_days(ctx, 3 * 365)
    assert visits.anonymise_old_visits(ctx, TODAY).value == 0
    settings.set_retention_days(ctx, 30)  # RECENT is 26 days before TODAY
    assert visits.anonymise_old_visits(ctx, TODAY).value == 4
    assert visits.anonymise_old_visits(ctx, RECENT + _dt.timedelta(days=31)).value == 1


def test_mask_personal() -> None:
    text = ("王五 13812345678、+86 139 0000 1111、010-87654321、邮箱 a.b@x.org.cn，"
            "证号 91350200776049653A，申请号 202310123456.7")
    masked = visits.mask_personal(text, [("王五", "[客户]")])
    assert masked == ("[客户] [电话]、[电话]、[电话]、邮箱 [邮箱]，证号 [证件号]，"
                      "申请号 202310123456.7")


def test_a_clients_data_exported_as_json_and_recorded(
        ctx: AppContext, client_ids: dict[str, int], logged: dict[str, visits.VisitData],
        tmp_path: Path) -> None:
    assert visits.personal_data_exports(ctx) == []
    gjd = client_ids["晋城光机电公司"]
    op = visits.export_client_data(ctx, gjd, tmp_path / "gjd.json", officer="李四")
    data = json.loads((tmp_path / "gjd.json").read_text(encoding="utf-8"))
    assert data["client"]["name"] == "晋城光机电公司"
    assert data["client"]["phone"] == "13812345678"
    assert sorted(v["id"] for v in data["visits"]) == sorted(
        logged[k].id for k in ("old_gjd", "old_gjd_2", "recent_gjd"))
    assert data["documents"] == []
    rec = op.value
    assert (rec.kind, rec.officer, rec.rows, rec.path) == (
        "client_data", "李四", 4, str(tmp_path / "gjd.json"))
    assert json.loads(rec.detail) == {"client_id": gjd, "visits": 3, "documents": 0}
    assert visits.personal_data_exports(ctx) == [rec]


def test_a_clients_data_exported_as_xlsx(ctx: AppContext, client_ids: dict[str, int],
                                         logged: dict[str, visits.VisitData],
                                         tmp_path: Path) -> None:
    target = tmp_path / "zhang.xlsx"
    visits.export_client_data(ctx, client_ids["张三"], target)
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["客户档案", "接待记录", "生成文书"]
    profile = {r[0]: r[1] for r in wb["客户档案"].iter_rows(min_row=2, values_only=True)}
    assert profile["id_number"] == "11010519491231002X"
    rows = list(wb["接待记录"].iter_rows(values_only=True))
    assert len(rows) == 2 and "张三问身份证" in str(rows[1])
    assert len(visits.personal_data_exports(ctx)) == 1


def test_a_bad_export_is_refused_and_not_recorded(ctx: AppContext,
                                                  client_ids: dict[str, int],
                                                  tmp_path: Path) -> None:
    with pytest.raises(UserError) as bad:
        visits.export_client_data(ctx, client_ids["张三"], tmp_path / "x.csv")
    assert bad.value.field == "path"
    with pytest.raises(UserError):
        visits.export_client_data(ctx, 9999, tmp_path / "x.json")
    assert not (tmp_path / "x.json").exists() and visits.personal_data_exports(ctx) == []


def test_opening_the_app_anonymises_old_visits(ctx: AppContext, client_ids: dict[str, int],
                                               add_visit: AddVisit) -> None:
    from desktop.app import open_folder

    old = add_visit(_dt.date.today() - _dt.timedelta(days=3 * 365 + 5),
                    client_id=client_ids["张三"], question="张三来问专利", answer="可以。")
    fresh = add_visit(_dt.date.today(), client_id=client_ids["张三"], question="张三再问")
    again = open_folder(ctx.paths.root, ctx.db.url)
    try:
        assert visits.get_visit(again, old.id or 0).anonymised
        assert visits.get_visit(again, old.id or 0).question == "[客户]来问专利"
        assert not visits.get_visit(again, fresh.id or 0).anonymised
    finally:
        again.close()
