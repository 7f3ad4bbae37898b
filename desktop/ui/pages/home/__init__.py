"""工作台: the start page (first in the sidebar; the app opens on it)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.ui.env import UiEnv
from desktop.ui.pages.home.page import HomePage


def create_page(env: UiEnv) -> QWidget:
    return HomePage(env)


def screenshot_setup(page: HomePage, env: UiEnv) -> None:
    """A desk mid-morning: the outlet set, a few visits today, follow-ups due."""
    import datetime as _dt

    from desktop.clients import api as clients
    from desktop.settings import api as settings
    from desktop.visits import api as visits

    if visits.list_visits(env.ctx):
        return
    env.notices.publish(settings.set_outlet(env.ctx, settings.Outlet(
        name="晋城市知识产权公共服务站", address="晋城市城区凤台东街", phone="0356-2021234",
        hours="工作日 9:00–12:00，14:30–17:30", officers="王敏、李强")).changes)
    firm = clients.save_client(env.ctx, clients.ClientData(
        name="晋城光机电科技有限公司", region="晋城经开区")).value.id
    coop = clients.save_client(env.ctx, clients.ClientData(
        name="高平市丹河农产品专业合作社", region="高平市")).value.id
    now = _dt.datetime.now().replace(second=0, microsecond=0)
    today = now.date()
    for days, hour, fields in (
            (0, 9, dict(client_id=firm, topics=["financing"], items=["ZL-008", "YY-001"],
                        question="想用两件发明专利向银行申请质押贷款")),
            (0, 10, dict(topics=["trademark"], items=["SB-004"], channel="phone",
                         question="注册商标明年到期，续展怎么办")),
            (0, 11, dict(client_id=coop, topics=["gi"], items=["DL-001"],
                         question="小米能不能申请地理标志", follow_up=today)),
            (3, 15, dict(client_id=firm, topics=["patent"], items=["ZL-001"],
                         question="实用新型申请要准备什么", follow_up=today
                         - _dt.timedelta(days=1))),
    ):
        started = _dt.datetime.combine(today - _dt.timedelta(days=days), _dt.time(hour))
        data = visits.VisitData(started_at=started, officer="王敏", **fields)
        env.notices.publish(visits.save_visit(env.ctx, data).changes)
