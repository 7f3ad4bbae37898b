"""Identity, updates and all-or-nothing batches."""

from __future__ import annotations

import pytest
from library_samples import CNIPA_HEADERS, PATENTS, write_xlsx
from sqlalchemy import func, select

from db.models.library import LibraryBatch, LibraryRecord
from desktop.errors import Cancelled
from desktop.library.importing import import_paths


def count(ctx) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(LibraryRecord))


def test_reimport_updates_instead_of_duplicating(ctx, patent_xlsx, tmp_path):
    first = import_paths(ctx, [patent_xlsx])
    again = import_paths(ctx, [patent_xlsx])
    assert (first.added, again.added, again.unchanged, again.updated) == (3, 0, 3, 0)
    # same patents written differently: number without check digit / with prefix, new status
    changed = [list(r) for r in PATENTS]
    changed[0][1] = "ZL201710601862"  # no check digit
    changed[0][9] = "失效"
    changed[1][1] = None  # only the publication number, as a B document
    changed[1][3] = "CN102822194B"
    rep = import_paths(ctx, [write_xlsx(tmp_path / "v2.xlsx", [CNIPA_HEADERS, *changed])])
    assert (rep.added, rep.updated, rep.unchanged) == (0, 2, 1)
    assert count(ctx) == 3
    with ctx.db.session() as s:
        rec = s.scalars(select(LibraryRecord).where(LibraryRecord.appno_key == "201710601862")).one()
        assert rec.legal_status == "失效" and rec.application_number == "201710601862.3"
        second = s.scalars(select(LibraryRecord).where(LibraryRecord.pubno_key == "102822194")).one()
        assert second.application_number == "201080063196.9"  # kept: empty values do not erase
        assert second.publication_number == "CN102822194B"


def test_records_without_numbers_use_a_content_hash(ctx, tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text('{"title": "甲装置", "assignee": "A"}\n{"title": "甲装置", "assignee": "A"}\n'
                    '{"title": "甲装置", "assignee": "A", "abstract": "不同"}\n', encoding="utf-8")
    rep = import_paths(ctx, [path])
    assert (rep.added, rep.unchanged) == (2, 1)
    assert import_paths(ctx, [path]).unchanged == 3


def test_a_cancelled_import_leaves_nothing(ctx, tmp_path):
    rows = [CNIPA_HEADERS] + [[f"一种装置{i}", None, None, f"CN2090{i:05d}U"] for i in range(1200)]
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    with pytest.raises(Cancelled):
        import_paths(ctx, [path], cancelled=cancelled)
    assert count(ctx) == 0
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(LibraryBatch)) == 0


def test_batch_report_is_stored(ctx, patent_xlsx):
    rep = import_paths(ctx, [patent_xlsx])
    with ctx.db.session() as s:
        batch = s.get(LibraryBatch, rep.batch_id)
        assert (batch.added, batch.rejected) == (3, 0) and str(patent_xlsx) in batch.sources
