"""Reading one row of an old visit log (paper log typed into Excel, or this app's export)
into a :class:`VisitData`: dates and times in the forms people write them, vocabulary as
keys or Chinese/English names, ratings as numbers or 好差评 words.  Every cell that cannot be
read becomes a problem naming its field; the record is then checked by the same rules as
``save_visit`` (``validation.normalise_visit``)."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Mapping, Sequence

from desktop.clients import api as clients
from desktop.common.dates import parse_date
from desktop.common.headers import fold_header
from desktop.common.xlsx import unguard_cell
from desktop.errors import FieldProblem
from desktop.visits.model import PERSONAL_FIELDS, VISIT_FIELDS, VisitData
from desktop.visits.vocab import (
    EFFORT,
    SATISFACTION,
    parse_channel,
    parse_level,
    parse_outcome,
    parse_topic,
    split_list,
)

_TIME = re.compile(r"(?<!\d)(\d{1,2})\s*[:：时点]\s*(\d{2})(?:\s*[:：分]\s*(\d{2}))?")
_TIME_ONLY = re.compile(r"^\s*(上午|下午|晚上)?\s*\d{1,2}\s*[:：时点]\s*\d{2}"
                        r"(?:\s*[:：分]\s*\d{2})?\s*秒?\s*$")
_INT = re.compile(r"^\s*(\d+)(?:\.0+)?\s*(分钟|分|min|mins|minutes)?\s*$", re.IGNORECASE)
_TRUE = {"是", "已", "已跟进", "已回访", "√", "✓", "y", "yes", "true", "1", "done", "x"}
_FALSE = {"否", "未", "未跟进", "n", "no", "false", "0", ""}
_KIND_NAMES = {fold_header(v): k for k, pair in clients.CLIENT_KINDS.items()
               for v in (k, *pair)}
_KIND_NAMES.update({fold_header(x): "enterprise" for x in ("公司", "企业法人", "民营企业")})
_KIND_NAMES.update({fold_header(x): "university" for x in ("高校", "大学", "科研院所")})
_KIND_NAMES.update({fold_header(x): "institution" for x in ("事业单位", "机关", "社会团体")})
_KIND_NAMES.update({fold_header(x): "individual" for x in ("自然人",)})
NOT_IMPORTED = ("id", "client_kind", "region", "document_ids") + tuple(
    f.key for f in PERSONAL_FIELDS)


def header_map() -> dict[str, str]:
    """Folded header → field key, for every name a column of the log may carry."""
    mapping: dict[str, str] = {}
    for f in VISIT_FIELDS + PERSONAL_FIELDS:
        for name in (f.key, f.zh, f.en, *f.synonyms):
            mapping.setdefault(fold_header(name), f.key)
    return mapping


def text_of(value: object) -> str:
    """A cell as trimmed text (a number without a spurious ``.0``; the export's formula
    guard undone)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, _dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return unguard_cell(str(value).strip())


def _time_in(text: str) -> _dt.time | None:
    m = _TIME.search(text)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    if ("下午" in text or "晚上" in text) and hour < 12:
        hour += 12
    try:
        return _dt.time(hour, minute, int(m.group(3) or 0))
    except ValueError:
        return None


def parse_when(cells: Sequence[object]) -> tuple[_dt.datetime | None, str | None]:
    """The visit's date and time from one cell or from a date cell plus a time cell:
    ``(datetime, None)``, ``(None, None)`` when empty, or ``(None, bad_text)``."""
    day: _dt.date | None = None
    at: _dt.time | None = None
    for value in cells:
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, _dt.datetime):
            day = value.date()
            at = value.time() if value.time() != _dt.time() else at
        elif isinstance(value, _dt.date):
            day = value
        elif isinstance(value, _dt.time):
            at = value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if 0 <= value < 1:  # an Excel time of day
                at = (_dt.datetime.min + _dt.timedelta(days=float(value))).time()
                continue
            parsed = parse_date(value)
            if parsed is None:
                return None, text_of(value)
            day = parsed
            fraction = float(value) - int(value)
            if fraction and not 19000101 <= value <= 29991231:
                at = (_dt.datetime.min + _dt.timedelta(days=fraction)).time()
        else:
            text = unicodedata.normalize("NFKC", str(value)).strip()
            if _TIME_ONLY.match(text):
                at = _time_in(text)
                continue
            date_part = re.split(r"(?<=日)|\s+|T", text, maxsplit=1)[0]
            parsed = parse_date(date_part) or parse_date(text)
            if parsed is None:
                return None, text
            day = parsed
            rest = text[len(date_part):]
            at = _time_in(rest) or at
    if day is None:
        return (None, "") if at is not None else (None, None)
    return _dt.datetime.combine(day, (at or _dt.time()).replace(microsecond=0)), None


class RowReader:
    """Turns ``{key: [cell, …]}`` into a visit plus the problems found reading it."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def problem(self, key: str, zh: str, en: str) -> None:
        self.problems.append(FieldProblem(key, zh, en))

    def first(self, values: Mapping[str, Sequence[object]], key: str) -> object:
        return next((v for v in values.get(key, ()) if text_of(v) != ""), None)

    def text(self, values: Mapping[str, Sequence[object]], key: str) -> str:
        return text_of(self.first(values, key))

    def level(self, values: Mapping[str, Sequence[object]], key: str,
              scale: dict[int, tuple[str, str]]) -> int | None:
        raw = self.first(values, key)
        if raw is None:
            return None
        level = parse_level(raw, scale)
        if level is None:
            words = "、".join(zh for zh, _ in scale.values()) if key == "satisfaction" else ""
            self.problem(key, f"无法识别“{text_of(raw)}”，应为{min(scale)}到{max(scale)}的整数"
                         + (f"或：{words}" if words else ""),
                         f"cannot read '{text_of(raw)}': a whole number from {min(scale)} to "
                         f"{max(scale)}" + (" or a 好差评 level" if words else ""))
        return level

    def date(self, values: Mapping[str, Sequence[object]], key: str) -> _dt.date | None:
        raw = self.first(values, key)
        if raw is None:
            return None
        when, bad = parse_when([raw])
        if when is None:
            self.problem(key, f"无法识别的日期“{bad or text_of(raw)}”（日期不存在或格式不对）",
                         f"cannot read the date '{bad or text_of(raw)}' (no such day, or an "
                         "unknown form)")
        return when.date() if when else None

    def flag(self, values: Mapping[str, Sequence[object]], key: str) -> bool:
        raw = self.first(values, key)
        folded = fold_header(text_of(raw))
        if folded in _TRUE:
            return True
        if folded not in _FALSE:
            self.problem(key, f"无法识别“{text_of(raw)}”，应为“是”或“否”",
                         f"cannot read '{text_of(raw)}': yes or no")
        return False

    def minutes(self, values: Mapping[str, Sequence[object]], key: str) -> int | None:
        raw = self.first(values, key)
        if raw is None:
            return None
        m = _INT.match(text_of(raw))
        if not m:
            self.problem(key, f"无法识别“{text_of(raw)}”，应为分钟数", f"cannot read "
                         f"'{text_of(raw)}': a number of minutes")
            return None
        return int(m.group(1))

    def kind(self, values: Mapping[str, Sequence[object]]) -> str | None:
        text = self.text(values, "client_kind")
        return _KIND_NAMES.get(fold_header(text)) if text else None

    def read(self, values: Mapping[str, Sequence[object]]) -> VisitData:
        data = VisitData(started_at=None)
        when, bad = parse_when(values.get("started_at", ()))
        if when is None:
            if bad is None:
                self.problem("started_at", "接待日期不能为空", "the date of the visit is required")
            else:
                self.problem("started_at", f"无法识别的日期“{bad}”（日期不存在或格式不对）",
                             f"cannot read the date '{bad}' (no such day, or an unknown form)")
        data.started_at = when
        data.officer = self.text(values, "officer")
        channel = self.text(values, "channel")
        data.channel = (parse_channel(channel) or channel) if channel else "walk-in"
        data.topics = [parse_topic(t) or t for t in split_list(self.text(values, "topics"))]
        data.items = split_list(self.text(values, "items"))
        outcome = self.text(values, "outcome")
        data.outcome = (parse_outcome(outcome) or outcome) if outcome else None
        data.referred_to = self.text(values, "referred_to") or None
        if data.outcome == "referred" and not data.referred_to:
            rest = re.sub(r"^(转介至|转介到|转介|转交|转办)[…:：]?", "", outcome).strip()
            data.referred_to = rest if rest and rest != outcome else None
        data.follow_up = self.date(values, "follow_up")
        data.follow_up_done = self.flag(values, "follow_up_done")
        data.effort = self.level(values, "effort", EFFORT)
        data.satisfaction = self.level(values, "satisfaction", SATISFACTION)
        data.duration_min = self.minutes(values, "duration_min")
        for key in ("question", "answer", "notes"):
            setattr(data, key, "\n".join(text_of(v) for v in values.get(key, ())
                                         if text_of(v)))
        data.tags = split_list(self.text(values, "tags"))
        data.searches = [q.strip() for q in self.text(values, "searches").splitlines()
                         if q.strip()]
        data.model_answer = self.flag(values, "model_answer")
        data.answer_item = self.text(values, "answer_item") or None
        data.client_name = " ".join(self.text(values, "client_name").split())
        return data
