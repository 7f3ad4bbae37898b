"""Following the shared database's change log (``db.changelog``) with a desk's own index.

The index folder remembers, in ``library.json``, which database it was built from (its
identity) and the last change-log ``seq`` it applied.  A sync reads the rows after that
``seq`` and re-indexes the records they name (deleting those that are gone), without a full
rebuild.

Out-of-order commits: ``seq`` numbers are handed out when a row is written, not when its
transaction commits, so on PostgreSQL ``seq`` 41 can become visible after 42 was read.
Every number skipped below the newest one read is kept as a *gap* (with the time it was
first seen) and asked for again on each sync until it turns up or ``GAP_TTL_SECONDS`` pass
(a transaction that was rolled back leaves its numbers unused for ever).  Re-indexing is
idempotent (by record id, from the record's current state), so reading a row twice is
harmless.  On SQLite writers take turns and numbers are never skipped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from db import changelog

log = logging.getLogger(__name__)
GAP_TTL_SECONDS = 600.0  # much longer than the commit of any one transaction
MAX_GAPS = 200  # ranges kept; beyond that the oldest are dropped (logged)
START_WINDOW = 5000  # seqs below the newest checked for gaps when an index is built
MAX_ROWS = 200_000  # a desk further behind than this rebuilds instead (Pending.too_many)


@dataclass(frozen=True)
class Gap:
    lo: int
    hi: int
    since: float  # wall-clock seconds when first seen missing


@dataclass
class FollowState:
    db: str
    seq: int
    gaps: list[Gap] = field(default_factory=list)

    def to_meta(self) -> dict[str, Any]:
        return {"db": self.db, "seq": self.seq,
                "gaps": [[g.lo, g.hi, round(g.since, 1)] for g in self.gaps]}

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> FollowState | None:
        try:
            gaps = [Gap(int(lo), int(hi), float(t)) for lo, hi, t in meta.get("gaps", [])]
            return cls(str(meta["db"]), int(meta["seq"]), gaps)
        except (KeyError, TypeError, ValueError):
            return None


@dataclass
class Pending:
    """What a sync has to do: library records to re-index (or drop), whether catalogue items
    changed, how many log rows were read, and the state once applied."""

    record_ids: set[int]
    catalogue: bool
    rows: int
    state: FollowState
    too_many: bool = False  # more than MAX_ROWS changes: a rebuild is cheaper


def _missing(lo: int, hi: int, present: set[int], since: float) -> list[Gap]:
    """The numbers in ``[lo, hi]`` not in ``present``, as ranges."""
    out: list[Gap] = []
    start = lo
    for n in sorted(x for x in present if lo <= x <= hi):
        if n > start:
            out.append(Gap(start, n - 1, since))
        start = n + 1
    if start <= hi:
        out.append(Gap(start, hi, since))
    return out


def start_state(session: Session, now: float) -> FollowState:
    """The state of an index built from the database as it is now: the newest ``seq``, and
    the numbers missing just below it (transactions not committed yet, or rolled back)."""
    top = changelog.max_seq(session)
    lo = max(1, top - START_WINDOW)
    present = set(changelog.seqs_between(session, lo, top)) if top else set()
    gaps = _missing(lo, top, present, now) if top else []
    return FollowState(changelog.identity(session), top, gaps[-MAX_GAPS:])


def pending(session: Session, state: FollowState, now: float) -> Pending:
    """The changes after ``state`` (and inside its gaps), and the state after them."""
    rows = changelog.read(session, state.seq, [(g.lo, g.hi) for g in state.gaps],
                          limit=MAX_ROWS + 1)
    if len(rows) > MAX_ROWS:
        return Pending(set(), False, len(rows), state, too_many=True)
    seen = {r.seq for r in rows}
    gaps: list[Gap] = []
    for g in state.gaps:
        if now - g.since > GAP_TTL_SECONDS:
            log.debug("change-log numbers %d-%d never committed; no longer watched", g.lo, g.hi)
            continue
        gaps += _missing(g.lo, g.hi, seen, g.since)
    top = max([state.seq, *seen])
    gaps += _missing(state.seq + 1, top, seen, now)
    if len(gaps) > MAX_GAPS:
        log.warning("%d gaps in the change log; watching the newest %d", len(gaps), MAX_GAPS)
        gaps = gaps[-MAX_GAPS:]
    ids = {int(r.key) for r in rows if r.kind == changelog.LIBRARY and r.key.isdigit()}
    catalogue = any(r.kind == changelog.CATALOGUE for r in rows)
    return Pending(ids, catalogue, len(rows), FollowState(state.db, top, gaps))


__all__ = ["GAP_TTL_SECONDS", "FollowState", "Gap", "Pending", "pending", "start_state"]
