"""Visit statistics: the summary an outlet reports upward, breakdowns by one dimension and
cross-tabulations of two — every number a SQL ``GROUP BY`` over the stored visits.

What each figure counts (see also ``docs/visits.md``, "Statistics and the report"):

- a date range is inclusive (``service.day_range``); ``None`` leaves that end open;
- **consultations**: visits (接待人次) started in the range;
- **distinct clients**: distinct client tokens (``Visit.client_ref``) — a client visiting
  three times counts once; an erased client still counts (the token stays);
- **anonymous**: visits with no client (walk-ins who gave no profile): counted in
  consultations, not in distinct clients (they cannot be told apart);
- **searches**: searches run during the visits (sum of ``search_count``);
- **analysis reports**: visits that consulted an analysis service — catalogue items
  ``XX-002`` 专利信息检索与分析服务 or ``XX-003`` 专利导航服务 (a visit counts once);
- **forms**: documents generated during the visits (sum of ``document_count``);
- **follow-ups**: visits with a follow-up date (set), of which done (closed) and not (open);
- **satisfaction rate**: rated visits whose level is 满意 or 非常满意 (``SATISFIED_LEVELS``)
  divided by rated visits; ``None`` when nothing was rated;
- **mean effort** over visits with an effort level; **duration** total and mean over visits
  whose duration was recorded.

A breakdown by a multi-valued dimension (topic, item) counts a visit once under each of its
values, so its counts may add up to more than the consultations; a visit without any value
is counted under the key ``""`` (未填写).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

from sqlalchemy import Select, and_, case, extract, func, select
from sqlalchemy.orm import aliased

from db.models import Visit, VisitItem, VisitTopic
from desktop.catalogue import api as catalogue
from desktop.clients import api as clients
from desktop.context import AppContext
from desktop.errors import UserError
from desktop.visits import vocab
from desktop.visits.service import day_range

ANALYSIS_ITEMS = ("XX-002", "XX-003")  # 检索与分析服务, 专利导航服务
Key = str | int


@dataclass(frozen=True)
class Dimension:
    key: str
    zh: str
    en: str
    multi: bool = False  # a visit may carry several values (topics, items)

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


DIMENSIONS: dict[str, Dimension] = {d.key: d for d in (
    Dimension("month", "月份", "Month"),
    Dimension("weekday", "星期", "Weekday"),
    Dimension("hour", "时段", "Hour"),
    Dimension("topic", "咨询主题", "Topic", multi=True),
    Dimension("channel", "渠道", "Channel"),
    Dimension("client_kind", "客户类型", "Client type"),
    Dimension("region", "所在园区/地区", "Zone / region"),
    Dimension("officer", "接待人", "Officer"),
    Dimension("item", "服务事项", "Service item", multi=True),
    Dimension("outcome", "结果", "Outcome"),
    Dimension("effort", "工作量（READ）", "Effort (READ)"),
    Dimension("satisfaction", "满意度", "Satisfaction"),
)}

_WEEKDAYS = (("星期一", "Mon"), ("星期二", "Tue"), ("星期三", "Wed"), ("星期四", "Thu"),
             ("星期五", "Fri"), ("星期六", "Sat"), ("星期日", "Sun"))
_COLUMNS = {"channel": Visit.channel, "client_kind": Visit.client_kind,
            "region": Visit.region, "officer": Visit.officer, "outcome": Visit.outcome,
            "effort": Visit.effort, "satisfaction": Visit.satisfaction}
# dimensions whose every known value is listed (with 0) in a fixed order
_FIXED: dict[str, Sequence[Key]] = {
    "topic": list(vocab.TOPICS), "channel": list(vocab.CHANNELS),
    "outcome": list(vocab.OUTCOMES), "effort": list(vocab.EFFORT),
    "satisfaction": list(vocab.SATISFACTION), "client_kind": list(clients.CLIENT_KINDS),
    "weekday": list(range(1, 8)),
}


class Bucket(NamedTuple):
    """One value of a dimension: its key, labels and how many visits have it."""

    key: Key
    zh: str
    en: str
    count: int  # type: ignore[assignment]  # (shadows tuple.count, on purpose)

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class VisitSummary:
    date_from: _dt.date | None
    date_to: _dt.date | None
    consultations: int
    distinct_clients: int
    anonymous: int
    searches: int
    analysis_reports: int
    forms: int
    follow_ups_set: int
    follow_ups_closed: int
    follow_ups_open: int
    rated: int
    satisfied: int
    satisfaction_rate: float | None  # satisfied / rated (0..1)
    effort_rated: int
    mean_effort: float | None
    duration_timed: int
    duration_total: int  # minutes
    mean_duration: float | None  # minutes

    def as_dict(self) -> dict[str, object]:
        out = asdict(self)
        for key in ("date_from", "date_to"):
            out[key] = out[key].isoformat() if out[key] else None
        return out


# (attribute, zh, en, what it counts zh, en) in the order of the report's summary sheet
SUMMARY_FIGURES: tuple[tuple[str, str, str, str, str], ...] = (
    ("consultations", "接待咨询（人次）", "Consultations", "期间内登记的接待记录数",
     "visits recorded in the period"),
    ("distinct_clients", "服务主体（不同客户）", "Distinct clients served",
     "有客户档案的接待中不同客户数（同一客户多次只计一次）",
     "different clients among the visits (a client counts once)"),
    ("anonymous", "未留档来访（人次）", "Anonymous walk-ins", "未关联客户档案的接待数",
     "visits without a client profile"),
    ("searches", "检索次数", "Searches run", "接待中执行的检索式数",
     "searches run during the visits"),
    ("analysis_reports", "检索分析/导航服务（次）", "Analysis reports",
     "涉及XX-002检索与分析或XX-003专利导航事项的接待数",
     "visits with item XX-002 (search & analysis) or XX-003 (patent navigation)"),
    ("forms", "生成申请材料（份）", "Forms prepared", "接待中生成的文书数",
     "documents generated during the visits"),
    ("follow_ups_set", "需跟进（件）", "Follow-ups set", "设置了跟进日期的接待数",
     "visits with a follow-up date"),
    ("follow_ups_closed", "已跟进办结（件）", "Follow-ups closed", "跟进已完成的接待数",
     "follow-ups marked done"),
    ("follow_ups_open", "待跟进（件）", "Follow-ups open", "跟进尚未完成的接待数",
     "follow-ups not yet done"),
    ("rated", "参评（人次）", "Rated visits", "有满意度评价的接待数", "visits with a rating"),
    ("satisfaction_rate", "满意率", "Satisfaction rate", "（满意＋非常满意）÷参评数",
     "(satisfied + very satisfied) / rated"),
    ("mean_effort", "平均工作量（READ 1–6）", "Mean effort (READ 1–6)",
     "有工作量评级的接待的平均级别", "mean READ level of the visits rated"),
    ("duration_total", "接待总时长（分钟）", "Total duration (min)", "记录了时长的接待合计",
     "sum over visits with a duration"),
    ("mean_duration", "平均时长（分钟）", "Mean duration (min)", "记录了时长的接待平均",
     "mean over visits with a duration"),
)


@dataclass(frozen=True)
class CrossTab:
    """Visits by two dimensions.  ``rows``/``cols`` carry each value's total (visits with
    that value), so with a multi-valued dimension a row's cells may add up to more."""

    row_dim: str
    col_dim: str
    rows: list[Bucket]
    cols: list[Bucket]
    counts: list[list[int]]  # counts[r][c]
    total: int  # consultations in the range

    def cell(self, row_key: Key, col_key: Key) -> int:
        r = [b.key for b in self.rows].index(row_key)
        c = [b.key for b in self.cols].index(col_key)
        return self.counts[r][c]

    def as_dict(self, lang: str = "zh") -> dict[str, object]:
        return {"row_dim": self.row_dim, "col_dim": self.col_dim, "total": self.total,
                "rows": [{"key": b.key, "label": b.label(lang), "total": b.count}
                         for b in self.rows],
                "cols": [{"key": b.key, "label": b.label(lang), "total": b.count}
                         for b in self.cols],
                "counts": self.counts}


def check_range(date_from: _dt.date | None, date_to: _dt.date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise UserError(f"开始日期{date_from}晚于结束日期{date_to}",
                        f"the start date {date_from} is after the end date {date_to}",
                        field="date_from")


def check_dimension(dim: str, field: str = "dimension") -> Dimension:
    found = DIMENSIONS.get(dim)
    if found is None:
        raise UserError(f"未知的统计维度“{dim}”（可用：{'、'.join(DIMENSIONS)}）",
                        f"unknown dimension '{dim}' (one of {', '.join(DIMENSIONS)})",
                        field=field)
    return found


def in_range(stmt: Select[Any], date_from: _dt.date | None,
              date_to: _dt.date | None) -> Select[Any]:
    check_range(date_from, date_to)
    start, end = day_range(date_from, date_to)
    if start is not None:
        stmt = stmt.where(Visit.started_at >= start)
    if end is not None:
        stmt = stmt.where(Visit.started_at < end)
    return stmt


def _n(value: object) -> int:
    return int(value or 0)  # type: ignore[call-overload]


def _mean(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


def visit_summary(ctx: AppContext, date_from: _dt.date | None,
                  date_to: _dt.date | None) -> VisitSummary:
    has_follow_up = Visit.follow_up.is_not(None)

    def count_if(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    stmt = in_range(select(
        func.count(Visit.id), func.count(func.distinct(Visit.client_ref)),
        count_if(Visit.client_ref.is_(None)),
        func.coalesce(func.sum(Visit.search_count), 0),
        func.coalesce(func.sum(Visit.document_count), 0),
        count_if(has_follow_up), count_if(and_(has_follow_up, Visit.follow_up_done.is_(True))),
        func.count(Visit.satisfaction),
        count_if(Visit.satisfaction.in_(vocab.SATISFIED_LEVELS)),
        func.count(Visit.effort), func.avg(Visit.effort),
        func.count(Visit.duration_min), func.coalesce(func.sum(Visit.duration_min), 0),
        func.avg(Visit.duration_min)), date_from, date_to)
    analysis = in_range(select(func.count(func.distinct(Visit.id))).join(
        VisitItem, VisitItem.visit_id == Visit.id).where(
        VisitItem.item_code.in_(ANALYSIS_ITEMS)), date_from, date_to)
    with ctx.db.session() as s:
        (visits, distinct, anonymous, searches, forms, fu_set, fu_closed, rated, satisfied,
         effort_n, effort_avg, timed, total_min, mean_min) = s.execute(stmt).one()
        reports = s.execute(analysis).scalar_one()
    rated = _n(rated)
    return VisitSummary(
        date_from=date_from, date_to=date_to, consultations=_n(visits),
        distinct_clients=_n(distinct), anonymous=_n(anonymous), searches=_n(searches),
        analysis_reports=_n(reports), forms=_n(forms), follow_ups_set=_n(fu_set),
        follow_ups_closed=_n(fu_closed), follow_ups_open=_n(fu_set) - _n(fu_closed),
        rated=rated, satisfied=_n(satisfied),
        satisfaction_rate=_n(satisfied) / rated if rated else None,
        effort_rated=_n(effort_n), mean_effort=_mean(effort_avg), duration_timed=_n(timed),
        duration_total=_n(total_min), mean_duration=_mean(mean_min))


# -- dimensions as SQL ------------------------------------------------------------------

def _grouping(dim: str, stmt: Select[Any]) -> tuple[Select[Any], list[Any],
                                                     Callable[[Sequence[Any]], Key]]:
    """``stmt`` with the joins ``dim`` needs, its GROUP BY columns, and how a result row's
    values become the key."""
    if dim == "month":
        return stmt, [extract("year", Visit.started_at), extract("month", Visit.started_at)], \
            lambda v: f"{int(v[0]):04d}-{int(v[1]):02d}"
    if dim == "weekday":  # SQL: 0 = Sunday; key: ISO 1 = Monday … 7 = Sunday
        return stmt, [extract("dow", Visit.started_at)], lambda v: int(v[0]) or 7
    if dim == "hour":
        return stmt, [extract("hour", Visit.started_at)], lambda v: int(v[0])
    if dim in ("topic", "item"):
        if dim == "topic":
            topic = aliased(VisitTopic)
            joined, column = stmt.outerjoin(topic, topic.visit_id == Visit.id), topic.topic
        else:
            item = aliased(VisitItem)
            joined, column = stmt.outerjoin(item, item.visit_id == Visit.id), item.item_code
        return joined, [column], lambda v: v[0] or ""
    if dim in ("effort", "satisfaction"):
        return stmt, [_COLUMNS[dim]], lambda v: "" if v[0] is None else int(v[0])
    return stmt, [_COLUMNS[dim]], lambda v: v[0] or ""


def _labels(ctx: AppContext, dim: str) -> Callable[[Key], tuple[str, str]]:
    def unset_or(fn: Callable[[Key], tuple[str, str]]) -> Callable[[Key], tuple[str, str]]:
        return lambda k: vocab.UNSET if k == "" else fn(k)

    if dim in ("topic", "channel", "outcome", "satisfaction"):
        return unset_or(lambda k: (vocab.label(dim, k, "zh"), vocab.label(dim, k, "en")))
    if dim == "effort":
        return unset_or(lambda k: (f"READ {k}", f"READ {k}"))
    if dim == "client_kind":
        return unset_or(lambda k: (clients.kind_label(str(k), "zh"),
                                   clients.kind_label(str(k), "en")))
    if dim == "item":
        names = {i.code.upper(): i.name for i in catalogue.list_items(ctx, include_retired=True)}
        return unset_or(lambda k: (f"{k} {names.get(str(k), '')}".strip(),) * 2)
    if dim == "month":
        return lambda k: (f"{str(k)[:4]}年{int(str(k)[5:])}月", str(k))
    if dim == "weekday":
        return lambda k: _WEEKDAYS[int(k) - 1]
    if dim == "hour":
        return lambda k: (f"{k}时", f"{int(k):02d}:00")
    return unset_or(lambda k: (str(k), str(k)))


def _months(date_from: _dt.date, date_to: _dt.date) -> list[str]:
    out, y, m = [], date_from.year, date_from.month
    while (y, m) <= (date_to.year, date_to.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _order(dim: str, counts: dict[Key, int], date_from: _dt.date | None,
           date_to: _dt.date | None) -> list[Key]:
    """Keys in display order: fixed vocabularies in their order (every value, 0 included),
    months and hours in time order (every month of a closed range), the rest by count."""
    if dim in _FIXED:
        fixed = list(_FIXED[dim])
        rest = sorted((k for k in counts if k not in fixed and k != ""), key=str)
        return fixed + rest + ([""] if counts.get("") else [])
    if dim == "month":
        keys = set(counts) | set(_months(date_from, date_to) if date_from and date_to else [])
        return sorted(keys, key=str)
    if dim == "hour":
        return sorted(counts, key=int)
    seen = sorted((k for k in counts if k != ""), key=lambda k: (-counts[k], str(k)))
    return seen + ([""] if counts.get("") else [])


def _grouped(ctx: AppContext, dims: Sequence[str], date_from: _dt.date | None,
             date_to: _dt.date | None) -> dict[tuple[Key, ...], int]:
    stmt: Select[Any] = select(func.count(Visit.id)).select_from(Visit)
    columns: list[Any] = []
    makers: list[tuple[int, int, Callable[[Sequence[Any]], Key]]] = []
    for dim in dims:
        check_dimension(dim)
        stmt, cols, make = _grouping(dim, stmt)
        makers.append((len(columns), len(cols), make))
        columns += cols
    stmt = in_range(stmt.add_columns(*columns).group_by(*columns), date_from, date_to)
    out: dict[tuple[Key, ...], int] = {}
    with ctx.db.session() as s:
        for row in s.execute(stmt):
            key = tuple(make(row[1 + at: 1 + at + n]) for at, n, make in makers)
            out[key] = out.get(key, 0) + int(row[0])
    return out


def breakdown(ctx: AppContext, dim: str, date_from: _dt.date | None,
              date_to: _dt.date | None) -> list[Bucket]:
    """Visits by one dimension (see ``DIMENSIONS``), in display order."""
    counts = {k[0]: n for k, n in _grouped(ctx, [dim], date_from, date_to).items()}
    label = _labels(ctx, dim)
    return [Bucket(k, *label(k), counts.get(k, 0)) for k in _order(dim, counts, date_from,
                                                                    date_to)]


def crosstab(ctx: AppContext, row_dim: str, col_dim: str, date_from: _dt.date | None,
             date_to: _dt.date | None) -> CrossTab:
    """Visits by two dimensions (e.g. topic × channel, region × month)."""
    check_dimension(row_dim, "row_dim")
    check_dimension(col_dim, "col_dim")
    cells = _grouped(ctx, [row_dim, col_dim], date_from, date_to)
    rows = breakdown(ctx, row_dim, date_from, date_to)
    cols = breakdown(ctx, col_dim, date_from, date_to)
    counts = [[cells.get((r.key, c.key), 0) for c in cols] for r in rows]
    total = visit_summary(ctx, date_from, date_to).consultations
    return CrossTab(row_dim, col_dim, rows, cols, counts, total)
