"""统计: the statistics dashboard (figures, charts, cross-tab, the report workbook)."""

from __future__ import annotations

import datetime as _dt
import random

from PySide6.QtWidgets import QWidget

from desktop.clients import api as clients
from desktop.ui.env import UiEnv
from desktop.ui.pages.stats.page import StatsPage
from desktop.visits import api as visits


def create_page(env: UiEnv) -> QWidget:
    return StatsPage(env)


def screenshot_setup(page: StatsPage, env: UiEnv) -> None:
    """A year of realistic visits for the README screenshot, shown for this year."""
    if visits.visit_summary(env.ctx, None, None).consultations >= 100:
        page.set_range(*_year(), preset="this_year")
        page.refresh()
        return
    rng = random.Random(9)
    ids = [clients.save_client(env.ctx, clients.ClientData(
        name=name, kind=kind, region=region)).value.id for name, kind, region in (
        ("山西清洁能源装备有限公司", "enterprise", "山西转型综改示范区"),
        ("太原理工大学技术转移中心", "university", "太原市万柏林区"),
        ("晋中沁州黄小米合作社", "enterprise", "晋中国家农高区"),
        ("晋城光机电有限公司", "enterprise", "晋城经开区"),
        ("王女士", "individual", "太原市小店区"))]
    topics = list(visits.TOPICS)
    today = _dt.date.today()
    for n in range(160):
        day = today - _dt.timedelta(days=rng.randrange(0, max(1, today.timetuple().tm_yday)))
        visits.save_visit(env.ctx, visits.VisitData(
            started_at=_dt.datetime.combine(day, _dt.time(rng.randrange(9, 17))),
            client_id=rng.choice(ids + [None]), officer=rng.choice(["王敏", "李强", "赵磊"]),
            channel=rng.choice(["walk-in"] * 5 + ["phone"] * 3 + ["online", "onsite"]),
            topics=rng.sample(topics[:4] + ["patent", "financing", "search"], k=1 + n % 2),
            items=rng.sample(["ZL-001", "ZL-008", "SB-001", "XX-002", "BQ-001"], k=n % 3),
            satisfaction=rng.choice([5, 5, 5, 4, 4, 3, None]), effort=rng.randint(1, 4),
            duration_min=rng.randint(5, 60), searches=["检索"] * (n % 3),
            follow_up=day + _dt.timedelta(days=7) if n % 9 == 0 else None,
            follow_up_done=n % 18 == 0, document_ids=list(range(n % 4 // 3))))
    env.notices.publish(visits.VISITS_CHANGED)
    page.set_range(*_year(), preset="this_year")
    page.refresh()  # now, not after the range's debounce (the screenshot waits for reads)


def _year() -> tuple[_dt.date, _dt.date]:
    today = _dt.date.today()
    return _dt.date(today.year, 1, 1), _dt.date(today.year, 12, 31)
