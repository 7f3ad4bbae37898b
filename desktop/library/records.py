"""Plain records crossing the library's layers (importer → store → index → views)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from desktop.validators.api import pubno_key

KINDS = ("patent", "document", "service_item")


@dataclass
class RawRow:
    """One row as read from a file: recognised fields, unrecognised columns, where it came from."""

    row: int
    values: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Record:
    """A normalised record, ready to store.  Multi-valued fields are lists."""

    kind: str
    title: str
    application_number: str | None = None
    appno_key: str | None = None
    publication_number: str | None = None
    pubno_key: str | None = None
    grant_number: str | None = None
    application_date: _dt.date | None = None
    publication_date: _dt.date | None = None
    grant_date: _dt.date | None = None
    ipc: list[str] = field(default_factory=list)
    applicants: list[str] = field(default_factory=list)
    inventors: list[str] = field(default_factory=list)
    abstract: str | None = None
    claims: str | None = None
    body: str | None = None
    legal_status: str | None = None
    patent_type: str | None = None
    region: str | None = None
    address: str | None = None
    agency: str | None = None
    priority: list[str] = field(default_factory=list)
    section: str | None = None
    doc_title: str | None = None
    source_file: str | None = None
    source_row: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RecordView:
    """Everything the detail pane shows about one stored record."""

    id: int
    kind: str
    title: str
    fields: dict[str, Any]
    text: str | None
    collection: str | None
    flags: list[str]
    extra: dict[str, Any] = field(default_factory=dict)  # unknown import columns, as headed


def number_keys(publication_number: str | None, grant_number: str | None) -> list[str]:
    """The publication-number keys of a record, its publication number's first: the first
    is stored as ``pubno_key`` (duplicate detection), all are indexed (a search by either
    number finds the record)."""
    keys = [pubno_key(n) for n in (publication_number, grant_number) if n]
    return list(dict.fromkeys(k for k in keys if k))
