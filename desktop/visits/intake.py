"""Saving a visit that names its client by name: an existing profile is linked, an unknown
name gets a quick profile — in the same transaction as the visit, and only when the visit
itself is valid (a rejected visit leaves no stray profile behind)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desktop.clients import api as clients
from desktop.context import AppContext
from desktop.errors import FieldProblem, ValidationFailed
from desktop.visits.model import VisitData
from desktop.visits.service import check_visit, get_visit, write_visit


def resolve_client(ctx: AppContext, s: Session, data: VisitData, name: str,
                   kind: str | None = None, region: str | None = None
                   ) -> tuple[bool, list[FieldProblem]]:
    """Link ``data`` to the client called ``name`` in session ``s``, creating a quick
    profile when there is none; returns (created, problems)."""
    found = clients.find_client_by_name(ctx, name, session=s)
    created = False
    if found is None:
        try:
            found = clients.add_quick_profile(ctx, s, name, kind, region).value
        except ValidationFailed as exc:
            return False, [FieldProblem("client_name", p.zh, p.en) for p in exc.problems]
        created = True
    data.client_id = found.id
    data.client_name, data.client_kind, data.region = found.name, found.kind, found.region
    return created, []


def check_client_name(name: str) -> list[FieldProblem]:
    """Problems a quick profile for ``name`` would have (checked before anything is written)."""
    _, problems = clients.check_quick_profile(name)
    return [FieldProblem("client_name", p.zh, p.en) for p in problems if not p.warn_only]


def save_with_client(ctx: AppContext, data: VisitData, client_name: str | None
                     ) -> tuple[VisitData, bool]:
    """Save ``data`` linked to ``client_name`` (None or blank: keep ``data.client_id``);
    returns the saved visit and whether a quick profile was created."""
    name = " ".join((client_name or "").split())
    if name:
        data = data.copy()
        data.client_id = None
    clean, problems = check_visit(ctx, data)
    if name:
        problems += check_client_name(name)
    if problems:
        raise ValidationFailed(problems)
    created = False
    with ctx.db.session() as s:
        if name:
            created, problems = resolve_client(ctx, s, clean, name)
            if problems:
                raise ValidationFailed(problems)
        visit_id = write_visit(s, clean, ctx.actor)
    return get_visit(ctx, visit_id), created
