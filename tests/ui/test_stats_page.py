"""The statistics page in the real window: tiles and cross-tab equal counts of the visits
added here, a visit saved elsewhere refreshes it, and the report is exported."""

from __future__ import annotations

import datetime as _dt
from importlib.util import find_spec

import openpyxl
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import select

from db.models import PersonalDataExport
from desktop.clients import api as clients
from desktop.ui.pages.stats.page import month_range, preset_range
from desktop.visits import api as visits

TODAY = _dt.date.today()


def _add(ctx, day, **fields):
    return visits.save_visit(ctx, visits.VisitData(
        started_at=_dt.datetime.combine(day, _dt.time(10)), **fields))


def _seed(ctx):
    cid = clients.save_client(ctx, clients.ClientData(
        name="晋城光机电公司", region="晋城经开区", phone="13812345678")).value.id
    first, _last = month_range(TODAY)
    specs = [("walk-in", ["patent"], 5, cid), ("phone", ["patent", "financing"], 4, cid),
             ("phone", ["trademark"], 2, None), ("walk-in", ["patent"], None, None)]
    for channel, topics, sat, client in specs:
        _add(ctx, first, channel=channel, topics=topics, satisfaction=sat, client_id=client,
             items=["XX-002"] if "trademark" in topics else [])
    _add(ctx, month_range(TODAY, 2)[0], topics=["patent"])  # two months back: not shown
    return specs


def test_presets():
    assert month_range(_dt.date(2026, 1, 15), 1) == (_dt.date(2025, 12, 1),
                                                      _dt.date(2025, 12, 31))
    assert preset_range("this_month", _dt.date(2024, 2, 10)) == (_dt.date(2024, 2, 1),
                                                                   _dt.date(2024, 2, 29))
    assert preset_range("this_year", _dt.date(2026, 5, 1)) == (_dt.date(2026, 1, 1),
                                                                 _dt.date(2026, 12, 31))


def test_tiles_crosstab_refresh_and_export(main_window, qtbot, tmp_path, monkeypatch):
    ctx = main_window.env.ctx
    specs = _seed(ctx)
    page = main_window.show_page("stats")
    qtbot.waitUntil(lambda: page.loaded, timeout=10000)
    assert page.range() == month_range(TODAY)
    tiles = page.tiles.values
    assert tiles["consultations"].text() == str(len(specs)) == "4"
    assert tiles["distinct_clients"].text() == "1"
    assert tiles["anonymous"].text() == "2"
    assert tiles["analysis_reports"].text() == "1"
    rated = [s for _c, _t, s, _i in specs if s]
    assert tiles["satisfaction_rate"].text() == f"{sum(s >= 4 for s in rated) / len(rated):.1%}"
    topic_chart = dict(page.charts["topic"].values)
    assert topic_chart["专利"] == 3 and topic_chart["商标"] == 1
    # a chart where the PySide6 Addons are installed (the charts extra), a table elsewhere
    assert page.charts["topic"].is_chart == (find_spec("PySide6.QtCharts") is not None)
    cross = page.cross
    qtbot.waitUntil(lambda: cross.tab is not None, timeout=10000)
    assert cross.dims() == ("topic", "channel")
    assert cross.cell_text("patent", "walk-in") == "2"
    assert cross.cell_text("patent", "phone") == "1"
    assert cross.cell_text("trademark", "phone") == "1"
    cross.set_dims("channel", "satisfaction")
    qtbot.waitUntil(lambda: cross.tab is not None and cross.tab.row_dim == "channel",
                    timeout=10000)
    assert cross.cell_text("phone", 4) == "1" and cross.cell_text("walk-in", 5) == "1"

    # a visit saved on another page arrives through the notices
    main_window.env.notices.publish(_add(ctx, TODAY, topics=["copyright"]).changes)
    qtbot.waitUntil(lambda: tiles["consultations"].text() == "5", timeout=10000)

    page.preset.setCurrentIndex(page.preset.findData("last_month"))
    assert page.range() == month_range(TODAY, 1)
    qtbot.waitUntil(lambda: tiles["consultations"].text() == "0", timeout=10000)
    page.preset.setCurrentIndex(page.preset.findData("this_month"))
    qtbot.waitUntil(lambda: tiles["consultations"].text() == "5", timeout=10000)

    out = tmp_path / "report.xlsx"
    seen = {}

    def save_dialog(_parent, _title, default, _filter):
        seen["default"] = default
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    page.export.run()
    qtbot.waitUntil(lambda: page.export.last is not None, timeout=20000)
    assert seen["default"].endswith(f"接待统计_{TODAY:%Y-%m}.xlsx")
    assert str(ctx.paths.exports_dir) in seen["default"]
    wb = openpyxl.load_workbook(out)
    summary = {r[0]: r[1] for r in wb["汇总"].iter_rows(values_only=True) if r[0]}
    assert summary["接待咨询（人次）"] == 5
    phones = [r[-2] for r in wb["明细"].iter_rows(min_row=2, values_only=True)]
    assert "138****5678" in phones and "13812345678" not in phones
    assert str(out) in page.status.text()

    # personal data: only after the confirmation, and then recorded
    page.export.personal.setChecked(True)
    page.export.last = None
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.No)
    page.export.run()
    assert page.export.last is None
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.export.run()
    qtbot.waitUntil(lambda: page.export.last is not None, timeout=20000)
    assert page.export.last.include_personal
    with ctx.db.session() as s:
        assert [r.kind for r in s.execute(select(PersonalDataExport)).scalars()] == [
            "visits_report"]


def test_without_qtcharts_the_numbers_show_as_a_table(qtbot):
    from desktop.ui.pages.stats.charts import BreakdownChart

    chart = BreakdownChart("按渠道", use_charts=False)
    qtbot.addWidget(chart)
    chart.set_buckets([visits.Bucket("walk-in", "窗口来访", "Walk-in", 7),
                       visits.Bucket("phone", "电话", "Phone", 2)], "zh")
    assert not chart.is_chart and chart.table.rowCount() == 2
    assert (chart.table.item(0, 0).text(), chart.table.item(0, 1).text()) == ("窗口来访", "7")
