"""Create, update, find and delete client profiles."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.models import Client
from db.session import Database
from desktop.clients.model import EDITABLE_KEYS, ClientData
from desktop.clients.validation import normalise_client
from desktop.errors import EditConflict, FieldProblem, UserError, ValidationFailed


def to_data(row: Client) -> ClientData:
    return ClientData(
        id=row.id, name=row.name, kind=row.kind, id_number=row.id_number,
        id_check_confirmed=row.id_check_confirmed, address=row.address, postcode=row.postcode,
        contact_person=row.contact_person, phone=row.phone, email=row.email,
        industry=row.industry, region=row.region, notes=row.notes,
        created_at=row.created_at, updated_at=row.updated_at,
        lock_version=row.lock_version, updated_by=row.updated_by,
    )


def check_client(db: Database, data: ClientData) -> tuple[ClientData, list[FieldProblem]]:
    """Normalise ``data`` and list its problems, including a duplicate identifier."""
    clean, problems = normalise_client(data)
    if clean.id_number and not any(p.field == "id_number" and not p.warn_only
                                   for p in problems):
        with db.session() as s:
            other = _find_by_id_number(s, clean.id_number)
            if other is not None and other.id != clean.id:
                problems.append(FieldProblem(
                    "id_number", f"该证件号已登记为客户“{other.name}”（编号{other.id}）",
                    f"this number is already registered for client '{other.name}' "
                    f"(#{other.id})"))
    return clean, problems


def _find_by_id_number(s: Session, id_number: str) -> Client | None:
    return s.execute(select(Client).where(Client.id_number == id_number)).scalars().first()


def _existing_row(s: Session, client_id: int) -> Client:
    row = s.get(Client, client_id)
    if row is None:
        raise UserError(f"客户编号{client_id}不存在", f"no client #{client_id}")
    return row


def save_client(db: Database, data: ClientData, actor: str = "") -> ClientData:
    """Insert (``data.id`` is None) or update a client; raises :class:`ValidationFailed`.

    With ``data.lock_version`` set, the update is made only if the stored client is still at
    that version (optimistic locking): otherwise :class:`EditConflict` with both versions,
    and nothing is written.  ``actor`` (who is signed in) is recorded as its creator / last
    editor."""
    clean, problems = check_client(db, data)
    if problems:
        raise ValidationFailed(problems)
    try:
        with db.session() as s:
            if clean.id is None:
                row = Client()
                s.add(row)
            else:
                row = _existing_row(s, clean.id)
                if clean.lock_version is not None and row.lock_version != clean.lock_version:
                    raise _conflict(clean, to_data(row))
            apply_fields(row, clean)
            stamp(row, actor)
            s.flush()  # UPDATE … WHERE lock_version = the version read: a race is caught
            return to_data(row)
    except StaleDataError:  # saved by another desk between the read and the write above
        assert clean.id is not None
        raise _conflict(clean, get_client(db, clean.id)) from None


def _conflict(mine: ClientData, theirs: ClientData) -> EditConflict:
    return EditConflict("该客户档案", "client profile", mine=mine.editable(),
                        theirs=theirs.editable(), my_version=mine.lock_version or 0,
                        their_version=theirs.lock_version or 0,
                        changed_by=theirs.updated_by, changed_at=theirs.updated_at)


def apply_fields(row: Client, data: ClientData) -> None:
    for key in EDITABLE_KEYS:
        setattr(row, key, getattr(data, key))
    row.id_check_confirmed = bool(data.id_check_confirmed)


def stamp(row: Client, actor: str) -> None:
    """Who made the change: the creator of a new row, the last editor of any."""
    if row.id is None:
        row.created_by = actor
    row.updated_by = actor


def get_client(db: Database, client_id: int) -> ClientData:
    with db.session() as s:
        row = _existing_row(s, client_id)
        return to_data(row)


def get_clients(db: Database, client_ids: Iterable[int]) -> dict[int, ClientData]:
    wanted = sorted(set(client_ids))
    out: dict[int, ClientData] = {}
    with db.session() as s:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            for row in s.execute(select(Client).where(Client.id.in_(chunk))).scalars():
                out[row.id] = to_data(row)
    return out


def delete_client(db: Database, client_id: int,
                  audit: Callable[[Session, Client], None] | None = None) -> None:
    """Erase a client; ``audit(session, row)`` adds its audit entry in the same transaction."""
    with db.session() as s:
        row = _existing_row(s, client_id)
        if audit is not None:
            audit(s, row)
        s.delete(row)


def list_clients(db: Database, query: str = "", *, limit: int | None = None) -> list[ClientData]:
    """Clients whose name, number, contact, phone, region or industry contain every word."""
    stmt = select(Client).order_by(Client.updated_at.desc(), Client.id.desc())
    for word in query.split():
        like = f"%{word}%"
        stmt = stmt.where(or_(
            Client.name.ilike(like), Client.id_number.ilike(like),
            Client.contact_person.ilike(like), Client.phone.ilike(like),
            Client.region.ilike(like), Client.industry.ilike(like), Client.address.ilike(like),
        ))
    if limit:
        stmt = stmt.limit(limit)
    with db.session() as s:
        return [to_data(r) for r in s.execute(stmt).scalars()]


def count_clients(db: Database) -> int:
    with db.session() as s:
        return int(s.execute(select(func.count(Client.id))).scalar_one())
