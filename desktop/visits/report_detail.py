"""The report's detail sheet: one row per visit, read with plain SELECTs (no ORM objects,
so 50,000 visits stay fast), and the masking of the client's personal data."""

from __future__ import annotations

import datetime as _dt
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import select

from db.models import Visit, VisitItem, VisitTopic
from desktop.clients import api as clients
from desktop.context import AppContext
from desktop.jobs import CancelledFn, check_cancelled
from desktop.visits import vocab
from desktop.visits.model import PERSONAL_FIELDS, VISIT_FIELDS
from desktop.visits.stats import in_range

_STORED = ("id", "started_at", "officer", "client_id", "client_kind", "region", "channel",
           "outcome", "referred_to", "follow_up", "follow_up_done", "effort", "satisfaction",
           "duration_min", "question", "answer", "notes", "tags_json", "searches_json",
           "documents_json", "model_answer", "answer_item")


def mask_id_number(value: str | None) -> str:
    """9135******653A: the first and last four characters of a credit code / ID number."""
    text = (value or "").strip()
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "******" + text[-4:]


def mask_phone(value: str | None) -> str:
    """138****5678: the first three and last four characters."""
    text = (value or "").strip()
    if len(text) <= 7:
        return "*" * len(text)
    return text[:3] + "****" + text[-4:]


def mask_email(value: str | None) -> str:
    """i***@gjd.example.cn: the first character of the mailbox and the domain."""
    text = (value or "").strip()
    if "@" not in text:
        return "*" * len(text)
    local, domain = text.split("@", 1)
    return (local[:1] + "***@" + domain) if local else "***@" + domain


def mask_name(value: str) -> str:
    """张*: an individual's name keeps its first character."""
    return value[:1] + "*" * (len(value) - 1) if value else ""


def detail_header(lang: str) -> list[str]:
    return [f.zh if lang == "zh" else f.en for f in VISIT_FIELDS + PERSONAL_FIELDS]


def _children(s: Any, column: Any, table: Any, date_from: _dt.date | None,
              date_to: _dt.date | None) -> dict[int, list[str]]:
    out: dict[int, list[str]] = defaultdict(list)
    stmt = in_range(select(table.visit_id, column).join(Visit, Visit.id == table.visit_id),
                     date_from, date_to).order_by(table.visit_id, table.position)
    for visit_id, value in s.execute(stmt):
        out[visit_id].append(value)
    return out


def _joined(values: Iterable[Any]) -> str:
    return "、".join(str(v) for v in values)


def _yes_no(value: bool, lang: str) -> str:
    return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")


def detail_rows(ctx: AppContext, date_from: _dt.date | None, date_to: _dt.date | None,
                *, lang: str = "zh", include_personal: bool = False,
                cancelled: CancelledFn) -> Iterator[list[Any]]:
    """The detail sheet's rows in ``VISIT_FIELDS`` + ``PERSONAL_FIELDS`` order, oldest
    first.  Unless ``include_personal``, the credit code / ID number, phone and e-mail are
    masked, and so is the name of a client who is an individual."""
    cols = [getattr(Visit, c) for c in _STORED]
    stmt = in_range(select(*cols), date_from, date_to).order_by(Visit.started_at, Visit.id)
    with ctx.db.session() as s:
        rows = s.execute(stmt).all()
        topics = _children(s, VisitTopic.topic, VisitTopic, date_from, date_to)
        items = _children(s, VisitItem.item_code, VisitItem, date_from, date_to)
    people = clients.get_clients(ctx, {r.client_id for r in rows if r.client_id is not None})
    kinds: dict[str | None, str] = {}
    for n, r in enumerate(rows):
        if n % 2000 == 0:
            check_cancelled(cancelled)
        who = people.get(r.client_id) if r.client_id is not None else None
        name, id_number, phone, email = ("", "", "", "") if who is None else (
            who.name, who.id_number or "", who.phone or "", who.email or "")
        if not include_personal:
            if who is not None and who.kind == "individual":
                name = mask_name(name)
            id_number, phone, email = (mask_id_number(id_number), mask_phone(phone),
                                       mask_email(email))
        if r.client_kind not in kinds:
            kinds[r.client_kind] = clients.kind_label(r.client_kind, lang) \
                if r.client_kind else ""
        yield [
            r.id, r.started_at, r.officer, name, kinds[r.client_kind], r.region or "",
            vocab.label("channel", r.channel, lang),
            _joined(vocab.label("topic", t, lang) for t in topics.get(r.id, [])),
            _joined(items.get(r.id, [])),
            vocab.label("outcome", r.outcome, lang) if r.outcome else "",
            r.referred_to or "", r.follow_up,
            _yes_no(bool(r.follow_up_done), lang) if r.follow_up else "",
            r.effort,
            vocab.label("satisfaction", r.satisfaction, lang) if r.satisfaction else "",
            r.duration_min, r.question, r.answer, r.notes,
            _joined(json.loads(r.tags_json or "[]")),
            _joined(json.loads(r.searches_json or "[]")),
            _joined(json.loads(r.documents_json or "[]")),
            _yes_no(bool(r.model_answer), lang), r.answer_item or "",
            id_number, phone, email,
        ]


def count_rows(ctx: AppContext, date_from: _dt.date | None, date_to: _dt.date | None) -> int:
    from sqlalchemy import func

    with ctx.db.session() as s:
        return int(s.execute(in_range(select(func.count(Visit.id)), date_from,
                                       date_to)).scalar_one())
