"""What the index reports: its status against the database, and what an update did."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

NEW_IMPORTS = "new imports not indexed yet"
CHANGES_PENDING = "changes from other desks not indexed yet"
OTHER_DATABASE = "index built from another database"
PREDATES_LOG = "index made before the change log (rebuilt once)"


@dataclass
class IndexStatus:
    path: str
    exists: bool
    documents: int
    records_in_db: int
    indexed_batch: int
    last_batch: int
    service_items: int
    consistent: bool
    size_bytes: int
    reason: str = ""
    indexed_seq: int = 0  # the change-log position applied, and the newest in the database
    last_seq: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IndexChange:
    action: str  # none | update | rebuild
    indexed: int
    seconds: float
    reason: str = ""
    repaired: bool = False  # an existing index was found inconsistent and rebuilt
