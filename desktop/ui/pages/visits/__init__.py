"""接待登记: the visit log page (table with filters, editor, follow-ups, XLSX in and out)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.visits.page import VisitsPage
from desktop.visits import api as visits
from desktop.visits.api import VisitData


def create_page(env: UiEnv) -> QWidget:
    return VisitsPage(env)


def screenshot_setup(page: VisitsPage, env: UiEnv) -> None:
    """A few realistic visits for the README screenshot."""
    if visits.list_visits(env.ctx, visits.VisitFilter(limit=1)):
        return
    today = _dt.datetime.now().replace(second=0, microsecond=0)
    for days, hour, client, fields in (
        (0, 9, "山西清洁能源装备有限公司", dict(
            officer="王敏", channel="walk-in", topics=["financing", "patent"],
            outcome="follow_up", follow_up=today.date(), satisfaction=5, duration_min=25,
            question="我们公司想拿专利去银行贷款，需要准备什么材料？",
            answer="介绍了专利权质押登记流程和所需材料，约定下周带齐材料再来。")),
        (1, 14, "太原理工大学技术转移中心", dict(
            officer="李强", channel="phone", topics=["licensing"], outcome="answered",
            satisfaction=4, question="高校专利开放许可怎么声明？",
            answer="说明了开放许可声明的提交方式和许可费标准的填写。")),
        (2, 10, "", dict(officer="王敏", channel="walk-in", topics=["trademark"],
                         outcome="referred", referred_to="市市场监管局", satisfaction=4,
                         question="商标快到期了，怎么续展？")),
    ):
        data = VisitData(started_at=today.replace(hour=hour) - _dt.timedelta(days=days),
                         **fields)  # type: ignore[arg-type]
        op = visits.save_visit_for_client(env.ctx, data, client or None)
        env.notices.publish(op.changes)
