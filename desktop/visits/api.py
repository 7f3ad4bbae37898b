"""The visits capability's front door: the visit log (接待登记) — who came, what they asked,
what was done — with its follow-ups, month counts and the privacy rules for the personal data
it holds.  (Statistics, the report, the knowledge base and the command line and pages are the
next steps of issue 9.)  The only module the GUI and CLI import.
"""

from __future__ import annotations

import datetime as _dt

from desktop.changes import Changes, Op
from desktop.context import AppContext
from desktop.visits import service
from desktop.visits.model import (
    PERSONAL_FIELDS,
    VISIT_FIELDS,
    VisitData,
    VisitField,
    VisitFilter,
    field_label,
)
from desktop.visits.service import FollowUps
from desktop.visits.vocab import (
    CHANNELS,
    EFFORT,
    OUTCOMES,
    SATISFACTION,
    SATISFIED_LEVELS,
    TOPICS,
    label,
    parse_channel,
    parse_level,
    parse_outcome,
    parse_topic,
    split_list,
)
from desktop.wiring import ItemKey

VISITS_CHANGED = Changes(visits=True)


# -- the log ---------------------------------------------------------------------------

def save_visit(ctx: AppContext, data: VisitData) -> Op[VisitData]:
    """Insert (``data.id`` None) or update a visit; ``ValidationFailed`` names every bad
    field (impossible date, unknown topic/channel/outcome, rating out of range, item not
    in the catalogue, unknown client) and nothing is written."""
    return Op(service.save_visit(ctx, data), VISITS_CHANGED)


def get_visit(ctx: AppContext, visit_id: int) -> VisitData:
    return service.get_visit(ctx, visit_id)


def delete_visit(ctx: AppContext, visit_id: int) -> Op[None]:
    service.delete_visit(ctx, visit_id)
    return Op(None, VISITS_CHANGED)


def list_visits(ctx: AppContext, f: VisitFilter | None = None) -> list[VisitData]:
    """Visits matching every condition of ``f``, newest first."""
    return service.list_visits(ctx, f)


def visits_on(ctx: AppContext, day: _dt.date) -> list[VisitData]:
    """One day's visits (the start page's "today"), newest first."""
    return service.visits_on(ctx, day)


def follow_ups(ctx: AppContext, as_of: _dt.date) -> FollowUps:
    """Open follow-ups due on ``as_of`` and overdue ones: ``(due_today, overdue)``."""
    return service.follow_ups(ctx, as_of)


def close_follow_up(ctx: AppContext, visit_id: int) -> Op[VisitData]:
    return Op(service.close_follow_up(ctx, visit_id), VISITS_CHANGED)


def month_counts(ctx: AppContext, day: _dt.date) -> dict[str, int]:
    """The month of ``day`` at a glance: ``visits``, ``clients`` (distinct), ``documents``
    (forms generated), and ``follow_ups_open`` (all open follow-ups)."""
    return service.month_counts(ctx, day)


def officers(ctx: AppContext) -> list[str]:
    """Officer names: the outlet's list first, then the others seen in the log."""
    return service.officers(ctx)


def recent_items(ctx: AppContext, limit: int = 10) -> list[str]:
    """Catalogue item codes consulted most recently."""
    return service.recent_items(ctx, limit)


def visits_for_item(ctx: AppContext, item: ItemKey) -> int:
    """How many visits refer to a service item (wired as a catalogue reference counter)."""
    return service.count_for_item(ctx, item.code)


def client_erased(ctx: AppContext, client_id: int) -> None:
    """Wired to the clients capability: an erased client's visits drop the link."""
    service.unlink_client(ctx, client_id)


__all__ = [
    "CHANNELS", "EFFORT", "OUTCOMES", "PERSONAL_FIELDS", "SATISFACTION", "SATISFIED_LEVELS",
    "TOPICS", "VISITS_CHANGED", "VISIT_FIELDS", "FollowUps", "VisitData", "VisitField",
    "VisitFilter", "client_erased", "close_follow_up", "delete_visit", "field_label",
    "follow_ups", "get_visit", "label", "list_visits", "month_counts", "officers",
    "parse_channel", "parse_level", "parse_outcome", "parse_topic", "recent_items",
    "save_visit", "split_list", "visits_for_item", "visits_on",
]


# -- knowledge base and privacy ---------------------------------------------------------

from pathlib import Path  # noqa: E402

from desktop.visits import knowledge as _knowledge  # noqa: E402
from desktop.visits import privacy as _privacy  # noqa: E402
from desktop.visits.knowledge import KnownAnswer  # noqa: E402
from desktop.visits.privacy import PersonalExport, mask_personal  # noqa: E402


def ask(ctx: AppContext, text: str, limit: int = 5) -> list[KnownAnswer]:
    """Past answers to a question written in everyday words (the knowledge base): answered
    visits only, best first, model answers first among close scores, the same Q&A once."""
    return _knowledge.ask(ctx, text, limit)


def star_answer(ctx: AppContext, visit_id: int, item_code: str | None,
                starred: bool = True) -> Op[VisitData]:
    """Mark a visit's answer as a model answer (范例答复) linked to a service item (or
    unmark it); ``ValidationFailed`` for a visit without an answer or an unknown item."""
    return Op(_knowledge.star_answer(ctx, visit_id, item_code, starred), VISITS_CHANGED)


def model_answers(ctx: AppContext, item_code: str) -> list[KnownAnswer]:
    """The model answers linked to a service item, newest first (shown under its FAQ)."""
    return _knowledge.model_answers(ctx, item_code)


def anonymise_old_visits(ctx: AppContext, as_of: _dt.date | None = None) -> Op[int]:
    """Anonymise the visits older than the retention period (settings) as of ``as_of``
    (today): identity and personal text gone, every count unchanged.  How many."""
    n = _privacy.anonymise_old_visits(ctx, as_of)
    return Op(n, VISITS_CHANGED if n else Changes())


def export_client_data(ctx: AppContext, client_id: int, path: str | Path, *,
                       officer: str = "") -> Op[PersonalExport]:
    """A client's data on request (profile, every visit, generated documents) as JSON or
    XLSX (by the suffix), recorded as a personal-data export (kind ``client_data``)."""
    return Op(_privacy.export_client_data(ctx, client_id, path, officer=officer),
              VISITS_CHANGED)


def record_personal_export(ctx: AppContext, kind: str, path: str | Path, rows: int, *,
                           officer: str = "", detail: str = "") -> Op[PersonalExport]:
    """Record an export that wrote personal data (a visits export or report with personal
    columns: call after the file is written)."""
    return Op(_privacy.record_export(ctx, kind, path, rows, officer=officer, detail=detail),
              VISITS_CHANGED)


def personal_data_exports(ctx: AppContext, limit: int = 500) -> list[PersonalExport]:
    """The record of exports that wrote personal data, newest first."""
    return _privacy.personal_data_exports(ctx, limit)


__all__ += ["KnownAnswer", "PersonalExport", "anonymise_old_visits", "ask",
            "export_client_data", "mask_personal", "model_answers", "personal_data_exports",
            "record_personal_export", "star_answer"]
