"""The clients capability's front door: client profiles (客户档案) of the enterprises,
institutions and individuals a desk serves.  The only module the GUI and CLI import."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from db.models import Client
from desktop import audit
from desktop.changes import Changes, Op
from desktop.clients import quick, service, spreadsheet
from desktop.clients.model import CLIENT_FIELDS, CLIENT_KINDS, ClientData, field_label, kind_label
from desktop.clients.spreadsheet import ImportReport
from desktop.clients.validation import normalise_client
from desktop.context import AppContext
from desktop.errors import FieldProblem
from desktop.jobs import CancelledFn, ProgressFn, never_cancelled, no_progress

CLIENTS_CHANGED = Changes(clients=True)


def list_clients(ctx: AppContext, query: str = "", *, limit: int | None = None
                 ) -> list[ClientData]:
    """Clients matching every word of ``query`` (name, number, contact, phone, zone)."""
    return service.list_clients(ctx.db, query, limit=limit)


def get_client(ctx: AppContext, client_id: int) -> ClientData:
    return service.get_client(ctx.db, client_id)


def count_clients(ctx: AppContext) -> int:
    return service.count_clients(ctx.db)


def check_client(ctx: AppContext, data: ClientData) -> tuple[ClientData, list[FieldProblem]]:
    """``data`` cleaned, and its problems (a duplicate credit code / ID number included)."""
    return service.check_client(ctx.db, data)


def normalise(data: ClientData) -> tuple[ClientData, list[FieldProblem]]:
    """Field-by-field checks without the database (for live validation while typing)."""
    return normalise_client(data)


def save_client(ctx: AppContext, data: ClientData) -> Op[ClientData]:
    """Insert (``data.id`` None) or update; raises ``ValidationFailed`` with every problem.

    ``data.lock_version`` (set on every client read) makes the update conditional: when
    another desk saved the client since, :class:`desktop.errors.EditConflict` carries both
    versions and nothing is written.  Set it to the conflict's ``their_version`` to save on
    top of theirs on purpose, or to None to save without the check."""
    return Op(service.save_client(ctx.db, data, ctx.actor), CLIENTS_CHANGED)


def get_clients(ctx: AppContext, client_ids: Iterable[int]) -> dict[int, ClientData]:
    """The clients with these ids (id → client); unknown ids are left out."""
    return service.get_clients(ctx.db, client_ids)


def delete_client(ctx: AppContext, client_id: int) -> Op[None]:
    """Erase a client; records elsewhere that linked to it (visits) keep no identity."""
    def entry(s: Session, row: Client) -> None:  # no personal data in the log: id and type
        audit.record(s, ctx, "client_erase", str(client_id), {"kind": row.kind})

    service.delete_client(ctx.db, client_id, audit=entry)
    ctx.wiring.erase_client(ctx, client_id)
    return Op(None, CLIENTS_CHANGED | Changes(visits=bool(ctx.wiring.client_erased)))


def import_clients(ctx: AppContext, path: str | Path, progress: ProgressFn = no_progress,
                   cancelled: CancelledFn = never_cancelled) -> Op[ImportReport]:
    """Import an XLSX of clients in one transaction, with a report of rejected rows."""
    report = spreadsheet.import_clients(ctx.db, path, progress, cancelled, ctx.actor)
    return Op(report, CLIENTS_CHANGED if report.added or report.updated else Changes())


def export_clients(ctx: AppContext, path: str | Path, query: str = "", lang: str = "zh") -> int:
    """Write the clients matching ``query`` to an XLSX; returns how many."""
    return spreadsheet.export_clients(ctx.db, path, query, lang)


__all__ = ["CLIENTS_CHANGED", "CLIENT_FIELDS", "CLIENT_KINDS", "ClientData", "ImportReport",
           "check_client", "count_clients", "delete_client", "export_clients", "field_label",
           "get_client", "get_clients", "import_clients", "kind_label", "list_clients", "normalise",
           "save_client"]


# -- quick profiles (visit log) ---------------------------------------------------------

def guess_kind(name: str) -> str:
    """The client type a bare name suggests (公司 → enterprise, 大学 → university, …)."""
    return quick.guess_kind(name)


def check_quick_profile(name: str, kind: str | None = None, region: str | None = None
                        ) -> tuple[ClientData, list[FieldProblem]]:
    """The quick profile that :func:`add_quick_profile` would create, and its problems."""
    return quick.quick_profile(name, kind, region)


def find_client_by_name(ctx: AppContext, name: str, session: Session | None = None
                        ) -> ClientData | None:
    """The client registered under exactly ``name`` (None if there is none)."""
    if session is not None:
        return quick.find_by_name(session, name)
    with ctx.db.session() as s:
        return quick.find_by_name(s, name)


def add_quick_profile(ctx: AppContext, session: Session, name: str, kind: str | None = None,
                      region: str | None = None) -> Op[ClientData]:
    """Create a quick profile inside the caller's transaction ``session`` (another
    capability saving a record that names the client in the same transaction), so nothing
    stays behind when that record fails."""
    return Op(quick.add_quick(session, name, kind, region, ctx.actor), CLIENTS_CHANGED)


__all__ += ["add_quick_profile", "check_quick_profile", "find_client_by_name", "guess_kind"]
