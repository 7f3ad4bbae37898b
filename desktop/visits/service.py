"""Create, update, find and delete visits; the start page's queries."""

from __future__ import annotations

import datetime as _dt
import json
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import Visit, VisitItem, VisitTopic
from desktop.catalogue import api as catalogue
from desktop.clients import api as clients
from desktop.context import AppContext
from desktop.errors import FieldProblem, UserError, ValidationFailed
from desktop.visits.model import VisitData, VisitFilter
from desktop.visits.validation import normalise_visit


class FollowUps(NamedTuple):
    """Open follow-ups as of a day: due that day, and overdue (earlier)."""

    due_today: list[VisitData]
    overdue: list[VisitData]


def item_codes(ctx: AppContext) -> set[str]:
    """Every catalogue code (retired items too: old visits may name them)."""
    return {i.code.upper() for i in catalogue.list_items(ctx, include_retired=True)}


def not_found(visit_id: int) -> UserError:
    return UserError(f"接待记录编号{visit_id}不存在", f"no visit #{visit_id}")


def check_visit(ctx: AppContext, data: VisitData, codes: set[str] | None = None
                ) -> tuple[VisitData, list[FieldProblem]]:
    clean, problems = normalise_visit(data, item_codes(ctx) if codes is None else codes)
    if clean.client_id is not None:
        found = clients.get_clients(ctx, [clean.client_id]).get(clean.client_id)
        if found is None:
            problems.append(FieldProblem("client_id", f"客户编号{clean.client_id}不存在",
                                         f"no client #{clean.client_id}"))
        else:
            clean.client_name = found.name
            clean.client_kind = found.kind
            clean.region = found.region
    return clean, problems


def client_ref(s: Session, client_id: int, cache: dict[int, str] | None = None) -> str:
    """The client's token: the one its earlier visits carry, or a new random one."""
    if cache is not None and client_id in cache:
        return cache[client_id]
    ref = s.execute(select(Visit.client_ref).where(Visit.client_id == client_id,
                                                   Visit.client_ref.is_not(None)).limit(1)
                    ).scalar() or uuid.uuid4().hex
    if cache is not None:
        cache[client_id] = ref
    return ref


def apply_fields(s: Session, row: Visit, data: VisitData,
                 refs: dict[int, str] | None = None, actor: str = "") -> None:
    """Copy a checked record onto a row (snapshots taken from ``data``); add a new row to
    the session afterwards (the token look-up must not flush it half-filled).  A new row
    records ``actor`` (who is signed in) as the one who recorded it."""
    if row.id is None:
        row.recorded_by = actor
    if data.client_id is not None:
        if data.client_id != row.client_id or row.client_ref is None:
            row.client_ref = client_ref(s, data.client_id, refs)
        row.client_kind, row.region = data.client_kind, data.region
    elif row.id is None or row.client_id is not None:  # new walk-in, or the link removed
        row.client_ref = None
        row.client_kind, row.region = data.client_kind, data.region
    # else: an erased client's visit keeps its token and snapshots
    row.client_id = data.client_id
    assert data.started_at is not None
    row.started_at = data.started_at
    for key in ("officer", "channel", "outcome", "referred_to", "follow_up", "effort",
                "satisfaction", "duration_min", "question", "answer", "notes",
                "model_answer", "answer_item"):
        setattr(row, key, getattr(data, key))
    row.follow_up_done = bool(data.follow_up_done)
    row.tags_json = json.dumps(data.tags, ensure_ascii=False)
    if row.anonymised_at is None:
        row.searches_json = json.dumps(data.searches, ensure_ascii=False)
        row.documents_json = json.dumps(data.document_ids)
        row.search_count = len(data.searches)
        row.document_count = len(data.document_ids)
    if [t.topic for t in row.topics] != data.topics:
        row.topics = [VisitTopic(topic=t, position=i) for i, t in enumerate(data.topics)]
    if [i.item_code for i in row.items] != data.items:
        row.items = [VisitItem(item_code=c, position=i) for i, c in enumerate(data.items)]


def save_visit(ctx: AppContext, data: VisitData) -> VisitData:
    clean, problems = check_visit(ctx, data)
    if problems:
        raise ValidationFailed(problems)
    with ctx.db.session() as s:
        visit_id = write_visit(s, clean, ctx.actor)
    return get_visit(ctx, visit_id)


def new_idem_key() -> str:
    return uuid.uuid4().hex


def visit_with_key(s: Session, key: str) -> int | None:
    return s.execute(select(Visit.id).where(Visit.idem_key == key)).scalar()


def write_visit(s: Session, clean: VisitData, actor: str = "") -> int:
    """Insert or update a checked record in session ``s``; returns its id.

    A new visit gets an idempotency key (``clean.idem_key``, made here when None); a visit
    whose key is already stored is not inserted again (a replayed outbox, a retried save):
    its id is returned."""
    if clean.id is None:
        clean.idem_key = clean.idem_key or new_idem_key()
        existing = visit_with_key(s, clean.idem_key)
        if existing is not None:
            return existing
        row = Visit(idem_key=clean.idem_key)
        apply_fields(s, row, clean, actor=actor)
        if s.get_bind().dialect.name == "sqlite":  # one writer at a time: no race
            s.add(row)
            s.flush()
            return row.id
        try:
            with s.begin_nested():  # another desk sending the same key at the same moment
                s.add(row)
                s.flush()
        except IntegrityError:
            existing = visit_with_key(s, clean.idem_key)
            if existing is None:
                raise
            return existing
        return row.id
    found = s.get(Visit, clean.id)
    if found is None:
        raise not_found(clean.id)
    row = found
    apply_fields(s, row, clean, actor=actor)
    s.add(row)
    s.flush()
    return row.id


def to_data(row: Visit, names: dict[int, str]) -> VisitData:
    return VisitData(
        id=row.id, started_at=row.started_at, officer=row.officer, client_id=row.client_id,
        client_name=names.get(row.client_id, "") if row.client_id else "",
        client_kind=row.client_kind, region=row.region, channel=row.channel,
        topics=[t.topic for t in row.topics], items=[i.item_code for i in row.items],
        outcome=row.outcome, referred_to=row.referred_to, follow_up=row.follow_up,
        follow_up_done=row.follow_up_done, effort=row.effort, satisfaction=row.satisfaction,
        duration_min=row.duration_min, question=row.question, answer=row.answer,
        notes=row.notes, tags=json.loads(row.tags_json or "[]"),
        searches=json.loads(row.searches_json or "[]"),
        document_ids=json.loads(row.documents_json or "[]"),
        search_count=row.search_count, document_count=row.document_count,
        model_answer=row.model_answer, answer_item=row.answer_item,
        anonymised=row.anonymised_at is not None, idem_key=row.idem_key,
        created_at=row.created_at,
        updated_at=row.updated_at)


def client_names(ctx: AppContext, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    return {k: c.name for k, c in clients.get_clients(ctx, wanted).items()} if wanted else {}


def rows_to_data(ctx: AppContext, rows: Sequence[Visit]) -> list[VisitData]:
    names = client_names(ctx, (r.client_id for r in rows))
    return [to_data(r, names) for r in rows]


def get_visit(ctx: AppContext, visit_id: int) -> VisitData:
    with ctx.db.session() as s:
        row = s.get(Visit, visit_id)
        if row is None:
            raise not_found(visit_id)
        return rows_to_data(ctx, [row])[0]


def delete_visit(ctx: AppContext, visit_id: int) -> None:
    with ctx.db.session() as s:
        row = s.get(Visit, visit_id)
        if row is None:
            raise not_found(visit_id)
        s.delete(row)


def day_range(date_from: _dt.date | None, date_to: _dt.date | None
              ) -> tuple[_dt.datetime | None, _dt.datetime | None]:
    """``[start, end)`` datetimes of an inclusive date range (None: open)."""
    start = _dt.datetime.combine(date_from, _dt.time()) if date_from else None
    end = _dt.datetime.combine(date_to + _dt.timedelta(days=1), _dt.time()) if date_to \
        else None
    return start, end


def filtered(ctx: AppContext, f: VisitFilter, stmt: Select[Any]) -> Select[Any]:
    start, end = day_range(f.date_from, f.date_to)
    if start is not None:
        stmt = stmt.where(Visit.started_at >= start)
    if end is not None:
        stmt = stmt.where(Visit.started_at < end)
    if f.officer:
        stmt = stmt.where(Visit.officer == f.officer)
    if f.channel:
        stmt = stmt.where(Visit.channel == f.channel)
    if f.outcome:
        stmt = stmt.where(Visit.outcome == f.outcome)
    if f.client_id is not None:
        stmt = stmt.where(Visit.client_id == f.client_id)
    if f.topic:
        stmt = stmt.where(Visit.id.in_(select(VisitTopic.visit_id)
                                       .where(VisitTopic.topic == f.topic)))
    if f.follow_up_open:
        stmt = stmt.where(Visit.follow_up.is_not(None), Visit.follow_up_done.is_(False))
    for word in f.text.split():
        like = f"%{word}%"
        named = [c.id for c in clients.list_clients(ctx, word, limit=500) if c.id is not None]
        stmt = stmt.where(or_(
            Visit.question.ilike(like), Visit.answer.ilike(like), Visit.notes.ilike(like),
            Visit.tags_json.ilike(like), Visit.referred_to.ilike(like),
            Visit.officer.ilike(like), Visit.client_id.in_(named)))
    return stmt


def list_visits(ctx: AppContext, f: VisitFilter | None = None) -> list[VisitData]:
    f = f or VisitFilter()
    stmt = filtered(ctx, f, select(Visit)).order_by(Visit.started_at.desc(), Visit.id.desc())
    if f.limit:
        stmt = stmt.limit(f.limit)
    with ctx.db.session() as s:
        return rows_to_data(ctx, s.execute(stmt).scalars().all())


def visits_on(ctx: AppContext, day: _dt.date) -> list[VisitData]:
    return list_visits(ctx, VisitFilter(date_from=day, date_to=day))


def follow_ups(ctx: AppContext, as_of: _dt.date) -> FollowUps:
    stmt = (select(Visit).where(Visit.follow_up.is_not(None), Visit.follow_up <= as_of,
                                Visit.follow_up_done.is_(False))
            .order_by(Visit.follow_up, Visit.id))
    with ctx.db.session() as s:
        found = rows_to_data(ctx, s.execute(stmt).scalars().all())
    return FollowUps([v for v in found if v.follow_up == as_of],
                     [v for v in found if v.follow_up != as_of])


def follow_ups_for_desk(ctx: AppContext, as_of: _dt.date, overdue_limit: int
                        ) -> tuple[list[VisitData], list[VisitData], int]:
    """Due on ``as_of``; the ``overdue_limit`` most recently overdue; how many overdue."""
    open_ = (Visit.follow_up.is_not(None), Visit.follow_up_done.is_(False))
    with ctx.db.session() as s:
        due = s.execute(select(Visit).where(*open_, Visit.follow_up == as_of)
                        .order_by(Visit.id)).scalars().all()
        late = s.execute(select(Visit).where(*open_, Visit.follow_up < as_of)
                         .order_by(Visit.follow_up.desc(), Visit.id.desc())
                         .limit(overdue_limit)).scalars().all()
        total = s.execute(select(func.count(Visit.id)).where(
            *open_, Visit.follow_up < as_of)).scalar_one()
        found = rows_to_data(ctx, [*due, *late])
    return found[:len(due)], found[len(due):], int(total)


def close_follow_up(ctx: AppContext, visit_id: int) -> VisitData:
    with ctx.db.session() as s:
        row = s.get(Visit, visit_id)
        if row is None:
            raise not_found(visit_id)
        row.follow_up_done = True
    return get_visit(ctx, visit_id)


def month_counts(ctx: AppContext, day: _dt.date) -> dict[str, int]:
    """This month's visits, distinct clients, documents; follow-ups open as of ``day``."""
    first = day.replace(day=1)
    after = (first + _dt.timedelta(days=32)).replace(day=1)
    start, end = day_range(first, after - _dt.timedelta(days=1))
    with ctx.db.session() as s:
        visits, distinct, documents = s.execute(
            select(func.count(Visit.id), func.count(func.distinct(Visit.client_ref)),
                   func.coalesce(func.sum(Visit.document_count), 0))
            .where(Visit.started_at >= start, Visit.started_at < end)).one()
        open_ = s.execute(select(func.count(Visit.id)).where(
            Visit.follow_up.is_not(None), Visit.follow_up_done.is_(False))).scalar_one()
    return {"visits": int(visits), "clients": int(distinct), "documents": int(documents),
            "follow_ups_open": int(open_)}


def officers(ctx: AppContext) -> list[str]:
    """The outlet's officers, then every other name seen in the log (most visits first)."""
    from desktop.settings import api as settings

    names = settings.get_outlet(ctx).officer_names()
    stmt = (select(Visit.officer).where(Visit.officer != "").group_by(Visit.officer)
            .order_by(func.count(Visit.id).desc(), Visit.officer))
    with ctx.db.session() as s:
        seen = list(s.execute(stmt).scalars())
    return list(dict.fromkeys(names + seen))


def recent_items(ctx: AppContext, limit: int = 10) -> list[str]:
    """Catalogue codes consulted most recently (newest first)."""
    stmt = (select(VisitItem.item_code).join(Visit, Visit.id == VisitItem.visit_id)
            .group_by(VisitItem.item_code).order_by(func.max(Visit.started_at).desc())
            .limit(limit))
    with ctx.db.session() as s:
        return list(s.execute(stmt).scalars())


def unlink_client(ctx: AppContext, client_id: int) -> int:
    """Drop the link to an erased client (the database's ON DELETE SET NULL, done in code
    as well for a SQLite file whose foreign keys are off); snapshots and token stay."""
    with ctx.db.session() as s:
        result = s.execute(update(Visit).where(Visit.client_id == client_id)
                           .values(client_id=None))
        return int(getattr(result, "rowcount", 0) or 0)


def count_for_item(ctx: AppContext, code: str) -> int:
    with ctx.db.session() as s:
        return int(s.execute(select(func.count()).select_from(VisitItem).where(
            VisitItem.item_code == code.upper())).scalar_one()
            + s.execute(select(func.count(Visit.id)).where(
                Visit.answer_item == code.upper())).scalar_one())
