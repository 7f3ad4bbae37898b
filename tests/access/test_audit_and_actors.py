"""Every catalogue change, client erasure and personal-data export leaves an audit entry
(in the change's own transaction), and every record says who made it (``ctx.actor``)."""

from __future__ import annotations

import datetime as _dt
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import (
    CatalogueItem,
    CatalogueItemHistory,
    Client,
    FormDocument,
    LibraryBatch,
    Visit,
)
from desktop.access import api as access
from desktop.catalogue import api as catalogue
from desktop.clients import api as clients
from desktop.clients.model import ClientData
from desktop.errors import UserError
from desktop.forms import api as forms
from desktop.visits import api as visits

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "library"))


def _sign(ctx, actor="wangmin", role="admin"):  # type: ignore[no-untyped-def]
    ctx.actor, ctx.role, ctx.desk = actor, role, "desk-7"
    return ctx


def _actions(ctx) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.action for e in access.audit_entries(ctx)]


def test_catalogue_edit_retire_delete_are_audited_with_who(ctx) -> None:
    _sign(ctx)
    item = catalogue.list_items(ctx)[0]
    changed = item.model_copy(update={"name": item.name + "（修订）"})
    assert catalogue.save_item(ctx, changed).value == "changed"
    catalogue.save_item(ctx, changed)  # unchanged: no entry
    retired = changed.model_copy(update={"active": False})
    assert catalogue.save_item(ctx, retired).value == "retired"
    assert catalogue.save_item(ctx, changed).value == "restored"
    other = catalogue.list_items(ctx)[-1]
    assert catalogue.delete_item(ctx, other.code).value == "deleted"
    entries = access.audit_entries(ctx)
    assert [e.action for e in entries] == ["catalogue_delete", "catalogue_restore",
                                           "catalogue_retire", "catalogue_edit"]
    assert {(e.actor, e.role, e.desk) for e in entries} == {("wangmin", "admin", "desk-7")}
    assert entries[-1].target == item.code
    with ctx.db.session() as s:
        row = s.get(CatalogueItem, item.code)
        assert row is not None and row.updated_by == "wangmin"
        by = set(s.execute(select(CatalogueItemHistory.recorded_by)
                           .where(CatalogueItemHistory.code == item.code)).scalars())
    assert by == {"wangmin"}


def test_catalogue_import_is_audited(ctx, tmp_path) -> None:
    _sign(ctx)
    sheet = tmp_path / "catalogue.xlsx"
    catalogue.export_xlsx(ctx, sheet)
    item = catalogue.list_items(ctx)[0]
    catalogue.save_item(ctx, item.model_copy(update={"name": item.name + "X"}))
    plan = catalogue.plan_import(ctx, sheet)  # the export puts the old name back
    catalogue.apply_import(ctx, plan)
    entry = access.audit_entries(ctx, action="catalogue_import")[0]
    assert entry.target == "catalogue.xlsx" and "1 changed" in entry.detail


def test_client_erasure_is_audited_without_personal_data(ctx) -> None:
    _sign(ctx, "liqiang")
    saved = clients.save_client(ctx, ClientData(name="晋城光机电公司", phone="13812345678")).value
    clients.delete_client(ctx, saved.id or 0)
    entry = access.audit_entries(ctx, action="client_erase")[0]
    assert entry.target == str(saved.id) and entry.actor == "liqiang"
    assert "光机电" not in entry.detail and "138" not in entry.detail


def test_failed_erasure_leaves_no_entry(ctx) -> None:
    _sign(ctx)
    with pytest.raises(UserError):
        clients.delete_client(ctx, 999)
    assert _actions(ctx) == []


def test_personal_data_exports_are_audited(ctx, tmp_path) -> None:
    _sign(ctx, "zhaoli", "officer")
    client = clients.save_client(ctx, ClientData(name="太原某大学", kind="university")).value
    visits.save_visit(ctx, visits.VisitData(started_at=_dt.datetime(2026, 3, 10, 10),
                                            officer="赵丽", client_id=client.id,
                                            question="专利能贷款吗"))
    visits.export_visits(ctx, tmp_path / "v.xlsx", include_personal=True)
    visits.export_visits(ctx, tmp_path / "masked.xlsx")  # no personal data: no entry
    visits.write_report(ctx, tmp_path / "r.xlsx", _dt.date(2026, 3, 1), _dt.date(2026, 3, 31),
                        include_personal=True)
    visits.export_client_data(ctx, client.id or 0, tmp_path / "c.json")
    _sign(ctx, "admin1", "admin")
    entries = access.audit_entries(ctx, action="personal_export")
    assert sorted(e.target for e in entries) == ["c.json", "r.xlsx", "v.xlsx"]
    assert {e.actor for e in entries} == {"zhaoli"} and {e.role for e in entries} == {"officer"}


def test_records_say_who_made_them(ctx, tmp_path) -> None:
    from library_samples import CNIPA_HEADERS, PATENTS, write_xlsx

    from desktop.library import api as library

    _sign(ctx, "sunhao", "officer")
    client = clients.save_client(ctx, ClientData(name="大同某公司")).value
    _sign(ctx, "zhouyan", "officer")
    clients.save_client(ctx, _edited(client))
    visit = visits.save_visit(ctx, visits.VisitData(started_at=_dt.datetime(2026, 3, 2, 9),
                                                    officer="周燕", question="商标注册")).value
    quick = visits.save_visit_for_client(
        ctx, visits.VisitData(started_at=_dt.datetime(2026, 3, 2, 11), question="专利"),
        "新来的企业有限公司").value
    form = forms.get_form(ctx, "patent_pledge")
    forms.generate_document(ctx, "patent_pledge", forms.example_data(form), folder=tmp_path)
    sheet = write_xlsx(tmp_path / "p.xlsx", [CNIPA_HEADERS, *PATENTS], title_row="导出")
    library.import_files(ctx, [sheet])
    with ctx.db.session() as s:
        row = s.get(Client, client.id)
        assert row is not None and (row.created_by, row.updated_by) == ("sunhao", "zhouyan")
        made = s.execute(select(Client).where(Client.name == "新来的企业有限公司")).scalar_one()
        assert made.created_by == "zhouyan"
        assert s.get(Visit, visit.id).recorded_by == "zhouyan"  # type: ignore[union-attr]
        assert s.get(Visit, quick.id).recorded_by == "zhouyan"  # type: ignore[union-attr]
        assert s.execute(select(FormDocument.created_by)).scalars().all() == ["zhouyan"]
        assert s.execute(select(LibraryBatch.created_by)).scalars().all() == ["zhouyan"]
    _sign(ctx, "other", "officer")  # editing a visit keeps who recorded it
    visit.answer = "见指南"
    visits.save_visit(ctx, visit)
    with ctx.db.session() as s:
        assert s.get(Visit, visit.id).recorded_by == "zhouyan"  # type: ignore[union-attr]


def _edited(client: ClientData) -> ClientData:
    import dataclasses

    return dataclasses.replace(client, phone="13812345678")


def test_audit_log_is_for_admins_and_filters(ctx) -> None:
    _sign(ctx)
    clients.delete_client(ctx, clients.save_client(ctx, ClientData(name="甲公司")).value.id or 0)
    assert len(access.audit_entries(ctx, since=_dt.date.today())) == 1
    assert access.audit_entries(ctx, since=_dt.date.today() + _dt.timedelta(days=1)) == []
    with pytest.raises(UserError, match="--action|没有这种"):
        access.audit_entries(ctx, action="nonsense")
    for role in ("officer", "readonly"):
        _sign(ctx, "x", role)
        with pytest.raises(UserError, match="只有管理员"):
            access.audit_entries(ctx)
    _sign(ctx, "", "")  # a desk of its own without profiles: everything
    assert len(access.audit_entries(ctx)) == 1
