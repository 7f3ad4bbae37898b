"""The composition root: the one place that opens the app and wires capabilities together.

Both faces call :func:`open_app` — the command line when a command first needs data, the GUI
before its window — and so do the tests and benchmarks.  It resolves the data folder, sets up
logging there, opens and migrates the database and registers the cross-capability links
(:mod:`desktop.wiring`).  Capabilities never import each other to reach these links.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop import connection
from desktop.access import api as access
from desktop.catalogue import api as catalogue
from desktop.context import AppContext, open_context
from desktop.errors import UserError
from desktop.logging_setup import setup_logging
from desktop.options import AppOptions
from desktop.paths import resolve_data_paths
from desktop.visits import api as visits
from desktop.wiring import ItemKey

log = logging.getLogger(__name__)


def open_app(options: AppOptions | None = None, *, logs: bool = True,
             migrate: bool = True, ask: access.AskFn | None = None,
             offline_ok: bool = False) -> AppContext:
    """Open the data folder, logging, database and wiring for ``options``.

    Signs in (``ask`` prompts for a PostgreSQL password the environment and keyring do not
    have), reads the login's role into ``ctx.actor``/``ctx.role`` and migrates when that role
    may.  Raises :class:`desktop.errors.UserError` for an unusable folder or database.
    ``logs`` False leaves logging alone (tests, which capture it themselves).  ``offline_ok``:
    a database server that cannot be reached opens the desk offline (``desktop.connection``)
    instead, and a successful start refreshes the offline copy.
    """
    options = options or AppOptions()
    paths = resolve_data_paths(options.data_dir)
    paths.ensure()
    if logs:
        setup_logging(paths.logs_dir, verbose=options.verbose)

    def open_signed_in(url: str | None) -> AppContext:
        opened = open_context(paths, url, run_migrations=False)
        try:
            access.sign_in(opened)
            if migrate:
                opened.migration = access.migrate_for_role(opened)
        except BaseException:
            opened.close()
            raise
        return opened

    url = options.resolved_db_url
    try:
        ctx = access.connect(url, open_signed_in, ask)
    except UserError as exc:
        if not (offline_ok and url and connection.is_transient(exc)):
            raise
        ctx = connection.open_offline(paths, url, prepare=catalogue.list_items)
        wire(ctx)
        return ctx
    wire(ctx)
    connection.remember_server(ctx)
    if offline_ok and not ctx.db.is_sqlite:
        _keep_offline_copy(ctx)
    log.info("opened %s (%s) as %r, role %r", paths.root, ctx.db.display_url(), ctx.actor,
             ctx.role)
    if migrate and access.permissions(ctx).can_record_visits:  # read-only: cannot anonymise
        anonymise_on_start(ctx)
    return ctx


def _keep_offline_copy(ctx: AppContext) -> None:
    """Write the offline copy (the catalogue, loaded on the server first) for a desk that
    may lose its server later; never fatal."""
    try:
        catalogue.list_items(ctx)
    except Exception as exc:
        log.warning("catalogue not loaded for the offline copy: %s", exc)
        return
    connection.refresh_offline_copy(ctx)


def anonymise_on_start(ctx: AppContext) -> int:
    """Anonymise the visits past the retention period (one indexed query when there are
    none; logged).  A failure (a read-only database, say) is logged, never fatal."""
    try:
        n = visits.anonymise_old_visits(ctx).value
    except Exception as exc:  # housekeeping must not keep the app from opening
        log.warning("anonymising old visits failed: %s", exc)
        return 0
    if n:
        log.info("anonymised %d visits past the retention period", n)
    return n


def wire(ctx: AppContext) -> None:
    """Register the links between capabilities on ``ctx``."""
    # a service item that generated documents refer to is retired, never deleted
    ctx.wiring.reference_counters["documents"] = _documents_for_item
    # the catalogue's service items are found in the library's search box
    ctx.wiring.document_sources["catalogue"] = catalogue.search_documents
    # visits that consulted an item keep it (retired, not deleted)
    ctx.wiring.reference_counters["visits"] = visits.visits_for_item
    # an erased client's visits keep their counts without the identity
    ctx.wiring.client_erased["visits"] = visits.client_erased


def _documents_for_item(ctx: AppContext, item: ItemKey) -> int:
    from desktop.forms import api as forms  # python-docx and the form specs: on first use

    return forms.documents_for_service_item(ctx, item)


def open_folder(data_dir: str | Path, db_url: str | None = None, *,
                logs: bool = False, offline_ok: bool = False) -> AppContext:
    """:func:`open_app` on the data folder ``data_dir`` (tests, benchmarks, tools)."""
    return open_app(AppOptions(data_dir=str(data_dir), db_url=db_url), logs=logs,
                    offline_ok=offline_ok)
