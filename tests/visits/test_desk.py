"""The start page's overview, the topics implied by items, and the visit's packet."""

from __future__ import annotations

import datetime as _dt

from desktop.catalogue import api as catalogue
from desktop.context import AppContext
from desktop.forms import api as forms
from desktop.settings import api as settings
from desktop.visits import api as visits


def test_overview_holds_today_follow_ups_month_and_recent_items(ctx: AppContext, client_ids,
                                                                add_visit) -> None:
    today = _dt.date(2026, 3, 10)
    add_visit(today, 9, client_id=client_ids["张三"], items=["ZL-008"])
    add_visit(today, 11, items=["SB-001"], follow_up=today)
    add_visit(today - _dt.timedelta(days=3), follow_up=today - _dt.timedelta(days=1))
    add_visit(_dt.date(2026, 2, 27), items=["ZL-001"])
    o = visits.desk_overview(ctx, today)
    assert [v.started_at.hour for v in o.today if v.started_at] == [11, 9]
    assert [v.follow_up for v in o.follow_ups.due_today] == [today]
    assert [v.follow_up for v in o.follow_ups.overdue] == [today - _dt.timedelta(days=1)]
    assert o.month["visits"] == 3 and o.month["follow_ups_open"] == 2
    assert o.recent_items[:2] == ["SB-001", "ZL-008"] and o.recent_items[-1] == "ZL-001"


def test_topics_follow_the_items_categories(ctx: AppContext) -> None:
    assert visits.topics_for_items(ctx, ["ZL-008", "YY-001", "SB-001"]) == [
        "financing", "trademark"]
    assert visits.topics_for_items(ctx, ["ZL-001"]) == ["patent"]


def test_packet_lists_missing_materials_guides_and_forms(ctx: AppContext, tmp_path) -> None:
    settings.set_outlet(ctx, settings.Outlet(name="晋城市知识产权服务站", phone="0356-1234567"))
    item = catalogue.get_item(ctx, "ZL-008")
    required = [i for i, m in enumerate(item.materials) if m.required]
    ticks = {"ZL-008": {required[0]}}
    form = forms.get_form(ctx, "patent_pledge")
    doc = forms.generate_document(ctx, "patent_pledge", forms.example_data(form),
                                  folder=tmp_path).value
    assert doc.record_id is not None
    html = visits.packet_html(ctx, ["ZL-008"], ticks, [doc.record_id], client_name="张三",
                              today=_dt.date(2026, 3, 10))
    missing = visits.missing_materials(ctx, ["ZL-008"], ticks)["ZL-008"]
    assert len(missing) == len(required) - 1
    assert catalogue.material_line(item.materials[required[0]]) not in missing
    for line in missing:
        assert line in html
    assert "晋城市知识产权服务站" in html and "2026-03-10" in html and "张三" in html
    assert item.name in html and form.spec.name_for("zh") in html
    assert html.count("page-break-before") >= 2


def test_start_page_lists_the_most_recent_overdue_and_counts_all(ctx: AppContext, add_visit,
                                                                 monkeypatch) -> None:
    from desktop.visits import desk

    monkeypatch.setattr(desk, "OVERDUE_SHOWN", 2)
    today = _dt.date(2026, 3, 10)
    for days in (1, 2, 3, 4):
        add_visit(today - _dt.timedelta(days=10), follow_up=today - _dt.timedelta(days=days))
    add_visit(today - _dt.timedelta(days=10), follow_up=today - _dt.timedelta(days=5),
              follow_up_done=True)
    o = visits.desk_overview(ctx, today)
    assert o.overdue_total == 4
    assert [v.follow_up for v in o.follow_ups.overdue] == [today - _dt.timedelta(days=1),
                                                           today - _dt.timedelta(days=2)]
