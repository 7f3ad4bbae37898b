"""Load and fault tests of a network of desks (small versions of bench/network_load.py):
desks × mixed operations on one PostgreSQL, with and without a server restart."""

from __future__ import annotations

import dataclasses
from typing import Any

import network_load
import pytest

from db.models import LibraryRecord
from desktop.clients.model import ClientData


def _patent_numbers_unique() -> bool:
    """Whether the schema makes a canonical application number unique (the upserts of
    the concurrency work); without it, overlapping imports at once can duplicate."""
    table = LibraryRecord.__table__
    for idx in getattr(table, "indexes", ()):
        if idx.unique and [c.name for c in idx.columns] == ["appno_key"]:
            return True
    for cons in getattr(table, "constraints", ()):
        cols = [c.name for c in getattr(cons, "columns", ())]
        if cols == ["appno_key"] and type(cons).__name__ == "UniqueConstraint":
            return True
    return False


def _edits_carry_their_version() -> bool:
    """Whether a client edit is checked against the version it was read at (else a save
    from a stale copy overwrites silently: a lost update the bench counts)."""
    return "lock_version" in {f.name for f in dataclasses.fields(ClientData)}


def _check(s: dict[str, Any]) -> None:
    assert s["desks_finished"] == s["desks"]
    assert s["errors"] == [] and s["failed_ops"] == 0
    assert s["visits_committed"] > 0 and s["visits_lost"] == 0
    assert s["visits_duplicated"] == 0 and s["visits_stored_after_error"] == 0
    assert s["visits_stored"] == s["visits_committed"]
    assert s["patents_expected"] > 0 and s["patents_lost"] == 0
    # every refused edit was told to its desk; every committed one bumped the version once
    assert s["edits_committed"] + s["conflicts_reported"] == s["edit_attempts"]
    assert s["lock_version_increments"] == s["edits_committed"]
    if s["patents_duplicated"] and not _patent_numbers_unique():
        pytest.xfail(f"{s['patents_duplicated']} patents duplicated by overlapping imports "
                     "at once: unique canonical numbers come with the concurrency work")
    assert s["patents_duplicated"] == 0
    if s["unreported_conflicts"] and not _edits_carry_their_version():
        pytest.xfail(f"{s['unreported_conflicts']} edits overwritten silently: optimistic "
                     "locking of client edits comes with the concurrency work")
    assert s["unreported_conflicts"] == 0
    for kind in network_load.KINDS:
        assert s["kinds"][kind]["count"] > 0, kind


def test_three_desks_thirty_operations(pg_url, tmp_path) -> None:
    s = network_load.run(pg_url, desks=3, ops=30, rows=300, workdir=tmp_path, seed=3,
                         mix={"visit": 0.45, "edit": 0.3, "import": 0.05, "search": 0.2})
    _check(s)


def test_desks_recover_from_a_server_restart(pg_url, pg_server, tmp_path) -> None:
    """PostgreSQL restarted while three desks work: they recover, nothing committed is lost,
    no visit is stored twice (a save whose answer was lost is retried under its key)."""
    s = network_load.run(pg_url, desks=3, ops=40, rows=300, workdir=tmp_path, seed=5,
                         restart=True, restart_after_s=1.0, recover_s=60,
                         mix={"visit": 0.6, "edit": 0.2, "import": 0.05, "search": 0.15})
    assert s["restart"] and s["restart"]["down_s"] > 0
    assert s["restart"]["ops_done_before"] < 3 * 40  # it happened while the desks worked
    assert s["connection_errors"] > 0 and s["recovered"] > 0  # they saw it, and got over it
    _check(s)
