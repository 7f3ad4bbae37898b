"""The visits capability's front door: the visit log (接待登记) — who came, what they asked,
what was done — with its follow-ups, month counts and the privacy rules for the personal data
it holds.  (Statistics, the report, the knowledge base and the command line and pages are the
next steps of issue 9.)  The only module the GUI and CLI import.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from desktop.changes import Changes, Op
from desktop.common.dates import parse_date
from desktop.connection import is_offline
from desktop.context import AppContext
from desktop.errors import FieldProblem
from desktop.jobs import CancelledFn, ProgressFn, never_cancelled, no_progress
from desktop.visits import intake, outbox, service, spreadsheet
from desktop.visits.model import (
    PERSONAL_FIELDS,
    VISIT_FIELDS,
    VisitData,
    VisitField,
    VisitFilter,
    field_label,
)
from desktop.visits.service import FollowUps
from desktop.visits.spreadsheet import ImportReport, VisitRowProblem
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
    in the catalogue, unknown client) and nothing is written.

    Offline (the server cannot be reached, ``desktop.connection``) a new visit is kept in
    the outbox instead (returned with ``id`` None and its ``idem_key``) and sent when the
    server is back."""
    if is_offline(ctx):
        return Op(outbox.queue_visit(ctx, data), VISITS_CHANGED)
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


# -- statistics and the report ---------------------------------------------------------


from desktop.visits import report, stats  # noqa: E402
from desktop.visits.report import ReportResult  # noqa: E402
from desktop.visits.stats import (  # noqa: E402
    DIMENSIONS,
    SUMMARY_FIGURES,
    Bucket,
    CrossTab,
    Dimension,
    VisitSummary,
    check_dimension,
)


def visit_summary(ctx: AppContext, date_from: _dt.date | None,
                  date_to: _dt.date | None) -> VisitSummary:
    """The figures an outlet reports upward for an inclusive date range (what each counts:
    ``desktop.visits.stats``); a start after the end raises ``UserError`` (field
    ``date_from``)."""
    return stats.visit_summary(ctx, date_from, date_to)


def breakdown(ctx: AppContext, dim: str, date_from: _dt.date | None,
              date_to: _dt.date | None) -> list[Bucket]:
    """Visits by one of ``DIMENSIONS`` (month, topic, channel, client_kind, region, officer,
    item, outcome, effort, satisfaction, weekday, hour): ``Bucket(key, zh, en, count)``."""
    return stats.breakdown(ctx, dim, date_from, date_to)


def crosstab(ctx: AppContext, row_dim: str, col_dim: str, date_from: _dt.date | None,
             date_to: _dt.date | None) -> CrossTab:
    """Visits by two dimensions, with each row's and column's total."""
    return stats.crosstab(ctx, row_dim, col_dim, date_from, date_to)


def write_report(ctx: AppContext, path: str | Path, date_from: _dt.date | None,
                 date_to: _dt.date | None, *, include_personal: bool = False,
                 officer: str = "", lang: str = "zh", progress: ProgressFn = no_progress,
                 cancelled: CancelledFn = never_cancelled) -> ReportResult:
    """Write the monthly report workbook (summary, per-topic and per-month sheets with
    charts, breakdowns, cross-tabs, detail) atomically.  Personal data is masked unless
    ``include_personal``; then the export is recorded (``PersonalDataExport``)."""
    return report.write_report(ctx, path, date_from, date_to,
                               include_personal=include_personal, officer=officer,
                               lang=lang, progress=progress, cancelled=cancelled)


__all__ += [
    "DIMENSIONS", "SUMMARY_FIGURES", "Bucket", "CrossTab", "Dimension", "ReportResult",
    "VisitSummary", "breakdown", "check_dimension", "crosstab", "visit_summary",
    "write_report",
]

# -- spreadsheet import/export and saving by client name ----------------------------------

def export_visits(ctx: AppContext, path: str | Path, f: VisitFilter | None = None, *,
                  include_personal: bool = False, lang: str = "zh", officer: str = "",
                  progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled) -> int:
    """Write the visits matching ``f`` to an XLSX (atomically); returns the row count.
    With ``include_personal`` the client's credit code/ID number, phone and e-mail are
    added and the export is recorded (``PersonalDataExport``, kind ``visits_export``)."""
    return spreadsheet.export_visits(ctx, path, f, include_personal=include_personal,
                                     lang=lang, officer=officer, progress=progress,
                                     cancelled=cancelled)


def import_visits(ctx: AppContext, path: str | Path, *, officer: str = "",
                  progress: ProgressFn = no_progress,
                  cancelled: CancelledFn = never_cancelled) -> Op[ImportReport]:
    """Import a visit log XLSX (this app's export or an older paper/Excel log) in one
    transaction; bad rows are reported by row and field, unknown clients get quick
    profiles.  ``officer`` fills rows that name none."""
    report = spreadsheet.import_visits(ctx, path, officer=officer, progress=progress,
                                       cancelled=cancelled)
    changes = Changes(visits=bool(report.added or report.updated),
                      clients=bool(report.clients_created))
    return Op(report, changes)


def save_visit_for_client(ctx: AppContext, data: VisitData, client_name: str | None
                          ) -> Op[VisitData]:
    """Save ``data`` linked to the client called ``client_name``: an existing profile, or a
    quick profile created in the same transaction — only when the visit is valid
    (``ValidationFailed`` otherwise, and nothing is written, not even the client).
    Offline the visit is queued with the name (the profile is found or made on sending)."""
    if is_offline(ctx):
        return Op(outbox.queue_visit(ctx, data, client_name or ""), VISITS_CHANGED)
    saved, created = intake.save_with_client(ctx, data, client_name)
    return Op(saved, VISITS_CHANGED | Changes(clients=created))


__all__ += ["ImportReport", "VisitRowProblem", "export_visits", "import_visits",
            "save_visit_for_client"]


def parse_day(text: object) -> _dt.date | None:
    """A date typed or read in any common form (2025-03-05, 2025/3/5, 2025年3月5日); None
    for an impossible or unreadable one (2026-02-30)."""
    return parse_date(text)


__all__ += ["parse_day"]


def check_visit(ctx: AppContext, data: VisitData) -> list[FieldProblem]:
    """The problems ``save_visit`` would name for ``data`` (nothing is written)."""
    return service.check_visit(ctx, data)[1]


__all__ += ["check_visit"]


# -- the desk: start page and one-stop visit ---------------------------------------------

from desktop.visits import desk, packet  # noqa: E402
from desktop.visits.desk import DeskOverview  # noqa: E402


def desk_overview(ctx: AppContext, today: _dt.date) -> DeskOverview:
    """What the start page shows in one read: today's visits, follow-ups due and overdue,
    the month's counts, recently consulted items."""
    return desk.desk_overview(ctx, today)


def topics_for_items(ctx: AppContext, codes: list[str]) -> list[str]:
    """Visit topics that the service items ``codes`` belong to (by catalogue category)."""
    return desk.topics_for_items(ctx, codes)


def packet_html(ctx: AppContext, codes: list[str], ticks: dict[str, set[int]],
                document_ids: list[int], *, client_name: str = "",
                today: _dt.date | None = None) -> str:
    """The visit's printed packet: missing materials per item, the guides with their
    checklists, the generated forms; outlet block and date."""
    return packet.packet_html(ctx, codes, ticks, document_ids, client_name=client_name,
                              today=today)


def missing_materials(ctx: AppContext, codes: list[str],
                      ticks: dict[str, set[int]]) -> dict[str, list[str]]:
    return packet.missing_materials(ctx, codes, ticks)


__all__ += ["DeskOverview", "desk_overview", "missing_materials", "packet_html",
            "topics_for_items"]

# -- knowledge base and privacy ---------------------------------------------------------


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


# -- the outbox (visits recorded offline) ------------------------------------------------

from desktop.visits.outbox import QueuedVisit, SendReport  # noqa: E402


def queued_visits(ctx: AppContext) -> list[QueuedVisit]:
    """Visits recorded offline, waiting to be sent (oldest first)."""
    return outbox.queued(ctx)


def queued_count(ctx: AppContext) -> int:
    return outbox.queued_count(ctx)


def send_queued(ctx: AppContext) -> Op[SendReport]:
    """Send the queued visits to the server now; each is stored once (its ``idem_key``),
    however often this runs."""
    report = outbox.send(ctx)
    return Op(report, VISITS_CHANGED if report.sent else Changes())


__all__ += ["QueuedVisit", "SendReport", "queued_count", "queued_visits", "send_queued"]
