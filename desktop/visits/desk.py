"""The start page's one read, and the topics a visit's service items imply."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from desktop.catalogue import api as catalogue
from desktop.context import AppContext
from desktop.visits import service
from desktop.visits.model import VisitData
from desktop.visits.service import FollowUps

# catalogue category -> visit topic key
CATEGORY_TOPICS: dict[str, str] = {
    "专利": "patent", "商标": "trademark", "地理标志": "gi", "版权": "copyright",
    "集成电路布图设计": "other", "维权援助": "enforcement", "知识产权运营": "licensing",
    "信息服务": "search", "知识产权咨询": "policy",
}
_FINANCING_WORDS = ("质押", "融资", "贷款", "保险")


OVERDUE_SHOWN = 30  # the start page lists the most recent overdue; the log has them all


@dataclass
class DeskOverview:
    today: list[VisitData]
    follow_ups: FollowUps  # due today, and the most recent OVERDUE_SHOWN overdue
    overdue_total: int
    month: dict[str, int]
    recent_items: list[str]


def desk_overview(ctx: AppContext, today: _dt.date) -> DeskOverview:
    due, overdue, total = service.follow_ups_for_desk(ctx, today, OVERDUE_SHOWN)
    return DeskOverview(today=service.visits_on(ctx, today),
                        follow_ups=FollowUps(due, overdue), overdue_total=total,
                        month=service.month_counts(ctx, today),
                        recent_items=service.recent_items(ctx, 8))


def topics_for_items(ctx: AppContext, codes: list[str]) -> list[str]:
    topics: list[str] = []
    for item in catalogue.get_items(ctx, codes):
        topic = CATEGORY_TOPICS.get(item.category, "other")
        if any(w in item.name for w in _FINANCING_WORDS):
            topic = "financing"
        if topic not in topics:
            topics.append(topic)
    return topics
