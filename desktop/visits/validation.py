"""Rules for a visit record: every problem named by its field, nothing saved on failure."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Set

from desktop.errors import FieldProblem
from desktop.visits.model import VisitData, field_label
from desktop.visits.vocab import CHANNELS, EFFORT, OUTCOMES, SATISFACTION, TOPICS

MAX_LENGTHS = {"officer": 100, "referred_to": 200, "question": 20000, "answer": 20000,
               "notes": 5000}
EARLIEST = _dt.datetime(1980, 1, 1)
MAX_DURATION_MIN = 24 * 60


def _text(value: object) -> str:
    return str(value or "").strip()


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _choices(vocab: dict[str, tuple[str, str]]) -> tuple[str, str]:
    return "、".join(zh for zh, _ in vocab.values()), ", ".join(vocab)


def normalise_visit(data: VisitData, item_codes: Set[str], *,
                    now: _dt.datetime | None = None) -> tuple[VisitData, list[FieldProblem]]:
    """Trim and canonicalise ``data``; list its problems (``item_codes``: the catalogue's)."""
    now = now or _dt.datetime.now()
    out = data.copy()
    problems: list[FieldProblem] = []

    def problem(key: str, zh: str, en: str) -> None:
        problems.append(FieldProblem(key, f"{field_label(key)}：{zh}",
                                     f"{field_label(key, 'en')}: {en}"))

    started = out.started_at or now.replace(microsecond=0)
    if isinstance(started, _dt.date) and not isinstance(started, _dt.datetime):
        started = _dt.datetime.combine(started, _dt.time())
    if not isinstance(started, _dt.datetime):
        problem("started_at", "不是有效的日期时间", "not a valid date and time")
    elif started < EARLIEST or started > now + _dt.timedelta(days=1):
        problem("started_at", f"日期{started:%Y-%m-%d}不可能（早于1980年或在未来）",
                f"the date {started:%Y-%m-%d} is impossible (before 1980 or in the future)")
    else:
        out.started_at = started.replace(tzinfo=None)
    for key in ("officer", "referred_to", "question", "answer", "notes"):
        setattr(out, key, _text(getattr(out, key)))
    out.referred_to = out.referred_to or None
    if out.channel not in CHANNELS:
        zh, en = _choices(CHANNELS)
        problem("channel", f"无法识别“{out.channel}”，应为：{zh}",
                f"unknown '{out.channel}'; one of: {en}")
    out.topics = _unique([_text(t) for t in out.topics])
    for t in out.topics:
        if t not in TOPICS:
            zh, en = _choices(TOPICS)
            problem("topics", f"无法识别“{t}”，应为：{zh}", f"unknown '{t}'; one of: {en}")
    out.outcome = _text(out.outcome) or None
    if out.outcome is not None and out.outcome not in OUTCOMES:
        zh, en = _choices(OUTCOMES)
        problem("outcome", f"无法识别“{out.outcome}”，应为：{zh}",
                f"unknown '{out.outcome}'; one of: {en}")
    _check_level(out.satisfaction, SATISFACTION, "satisfaction", problem)
    _check_level(out.effort, EFFORT, "effort", problem)
    if out.duration_min is not None and not (0 <= out.duration_min <= MAX_DURATION_MIN):
        problem("duration_min", f"应在0到{MAX_DURATION_MIN}分钟之间",
                f"must be between 0 and {MAX_DURATION_MIN} minutes")
    if out.follow_up is not None and isinstance(out.started_at, _dt.datetime) \
            and out.follow_up < out.started_at.date():
        problem("follow_up", "跟进日期早于接待日期", "the follow-up date is before the visit")
    out.items = _unique([_text(c).upper() for c in out.items])
    unknown = [c for c in out.items if c not in item_codes]
    if unknown:
        problem("items", f"服务事项清单中没有：{'、'.join(unknown)}",
                f"not in the service catalogue: {', '.join(unknown)}")
    out.answer_item = _text(out.answer_item).upper() or None
    if out.answer_item and out.answer_item not in item_codes:
        problem("answer_item", f"服务事项清单中没有：{out.answer_item}",
                f"not in the service catalogue: {out.answer_item}")
    out.tags = _unique([_text(t) for t in out.tags])
    out.searches = _unique([_text(q) for q in out.searches])
    out.document_ids = list(dict.fromkeys(int(d) for d in out.document_ids))
    for key, limit in MAX_LENGTHS.items():
        value = getattr(out, key) or ""
        if len(value) > limit:
            problem(key, f"不能超过{limit}个字符（现为{len(value)}个）",
                    f"limited to {limit} characters ({len(value)} given)")
    return out, problems


def _check_level(value: object, scale: dict[int, tuple[str, str]], key: str,
                 problem: Callable[[str, str, str], None]) -> None:
    if value is None:
        return
    low, high = min(scale), max(scale)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        problem(key, f"应为{low}到{high}之间的整数（现为“{value}”）",
                f"must be a whole number from {low} to {high} ('{value}' given)")
