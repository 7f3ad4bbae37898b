"""Two desks importing overlapping patent lists into one database at the same moment: every
patent is stored exactly once and the reports add up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from patents import write_patents
from sqlalchemy import func, select, text

from db.models.library import LibraryRecord
from desktop.app import open_folder
from desktop.library import store
from desktop.library.service import open_library

ROOT = Path(__file__).resolve().parents[2]


def _url(kind: str, tmp_path: Path, request) -> str:  # type: ignore[no-untyped-def]
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_two_processes_import_overlapping_lists_at_once(kind: str, tmp_path: Path,
                                                        request) -> None:  # type: ignore[no-untyped-def]
    url = _url(kind, tmp_path, request)
    open_folder(tmp_path / "setup", url).close()  # the schema, before both desks start
    a = write_patents(tmp_path / "a.csv", range(0, 1200))
    b = write_patents(tmp_path / "b.csv", range(600, 1800))
    procs = [subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path / desk), "--db", url,
         "import", str(f), "--json", "--no-index"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for desk, f in (("desk_a", a), ("desk_b", b))]
    reports = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        reports.append(json.loads(out))
    for r in reports:
        assert r["added"] + r["updated"] + r["unchanged"] == 1200 and r["rejected"] == 0
    assert sum(r["added"] for r in reports) == 1800
    assert sum(r["updated"] + r["unchanged"] for r in reports) == 600
    ctx = open_folder(tmp_path / "check", url)
    try:
        with ctx.db.session() as s:
            assert store.record_count(s) == 1800
            dupes = s.execute(select(LibraryRecord.appno_key).group_by(LibraryRecord.appno_key)
                              .having(func.count() > 1)).all()
            assert dupes == []
    finally:
        ctx.close()


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_a_record_added_after_the_lookup_is_merged_not_duplicated(
        kind: str, tmp_path: Path, request, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The insert itself is an upsert: a patent another writer stored after this import
    looked it up conflicts on the unique number and is merged as an update."""
    url = _url(kind, tmp_path, request)
    ctx_a = open_folder(tmp_path / "desk_a", url)
    ctx_b = open_folder(tmp_path / "desk_b", url)
    try:
        first = open_library(ctx_a).import_files([write_patents(tmp_path / "a.csv", range(50))],
                                                 update_index=False)
        assert first.added == 50
        real = store.BatchWriter._load_keys
        calls: list[int] = []

        def stale_lookup(self, rows):  # type: ignore[no-untyped-def]
            calls.append(len(rows))
            if len(calls) == 1:  # as if desk A's rows were committed just after this lookup
                self._looked_up.update((c, r[c]) for r in rows
                                       for c in ("appno_key", "pubno_key", "ident_hash") if r.get(c))
                return
            real(self, rows)

        monkeypatch.setattr(store.BatchWriter, "_load_keys", stale_lookup)
        second = open_library(ctx_b).import_files(
            [write_patents(tmp_path / "b.csv", range(30, 80), word="测试")], update_index=False)
        assert len(calls) == 2  # looked up again after the conflict
        assert second.added == 30 and second.updated + second.unchanged == 20
        with ctx_b.db.session() as s:
            assert store.record_count(s) == 80
    finally:
        ctx_a.close()
        ctx_b.close()


def _older_database(url: str) -> None:
    from alembic import command

    from db.migrate import alembic_config
    from db.session import Database

    db = Database(url)
    with db.engine.begin() as conn:
        cfg = alembic_config(db)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007_network")
    db.dispose()


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_migration_merges_stored_duplicates_into_the_lowest_id(kind: str, tmp_path: Path,
                                                               request) -> None:  # type: ignore[no-untyped-def]
    url = _url(kind, tmp_path, request)
    _older_database(url)
    from db.session import Database

    db = Database(url)
    cols = ("kind, title, appno_key, pubno_key, abstract, extra, flags, ident_hash, "
            "content_hash, created_at, updated_at")
    rows = [  # two copies of one application, two of one publication without application
        ("patent", "甲", "202110000001X", None, None, "h1", "2026-01-01"),
        ("patent", "甲（新）", "202110000001X", None, "摘要来自副本", "h2", "2026-02-01"),
        ("patent", "乙", None, "CN113000001A", "乙摘要", "h3", "2026-01-01"),
        ("patent", "乙", None, "CN113000001A", None, "h4", "2026-01-01"),
        ("patent", "丙", "202110000002X", "CN113000001A", None, "h5", "2026-01-01"),
    ]
    with db.engine.begin() as conn:
        for k, title, ak, pk, abstract, h, at in rows:
            conn.execute(text(f"INSERT INTO library_records ({cols}) VALUES (:k, :t, :ak, :pk, "
                              ":ab, '{{}}', '[]', :h, :h, :at, :at)"),
                         {"k": k, "t": title, "ak": ak, "pk": pk, "ab": abstract, "h": h,
                          "at": at})
    db.dispose()
    ctx = open_folder(tmp_path / "desk", url)  # migrates to 0008
    try:
        with ctx.db.session() as s:
            got = s.execute(text("SELECT id, title, appno_key, pubno_key, abstract FROM "
                                 "library_records ORDER BY id")).all()
            log = s.execute(text("SELECT key, op FROM change_log ORDER BY seq")).all()
        assert [tuple(r) for r in got] == [
            (1, "甲", "202110000001X", None, "摘要来自副本"),  # its own title kept, gap filled
            (3, "乙", None, "CN113000001A", "乙摘要"),
            (5, "丙", "202110000002X", "CN113000001A", None),  # has an appno: not a duplicate
        ]
        assert set(log) >= {("2", "delete"), ("4", "delete"), ("1", "upsert"), ("3", "upsert")}
        with pytest.raises(Exception, match="(?i)unique|duplicate"), ctx.db.session() as s:
            s.execute(text(f"INSERT INTO library_records ({cols}) VALUES ('patent', 'x', "
                           "'202110000001X', NULL, NULL, '{}', '[]', 'h9', 'h9', "
                           "'2026-01-01', '2026-01-01')"))
    finally:
        ctx.close()


def test_truly_concurrent_writers_on_postgres_wait_and_merge(pg_url: str, tmp_path: Path) -> None:
    """Without the import lock (another writer, e.g. a copy into the shared database): the
    second insert of a patent waits for the first transaction, then conflicts and is
    merged as an update — no duplicate, no error."""
    import threading
    import time

    from sqlalchemy.orm import Session

    from desktop.library.importing import open_patent_table
    from desktop.library.normalise import normalise_patent

    ctx = open_folder(tmp_path / "desk", pg_url)
    try:
        def writer_for(path: Path, name: str) -> tuple[Session, store.BatchWriter]:
            s = Session(ctx.db.engine)
            w = store.BatchWriter(s, kind="patents", collection=name, sources=[str(path)])
            table = open_patent_table(path)
            for item in table.rows:
                rec = normalise_patent(item, source_file=str(path))  # type: ignore[arg-type]
                w.add(rec, name)  # type: ignore[arg-type]
            table.close()
            return s, w

        s1, w1 = writer_for(write_patents(tmp_path / "a.csv", range(0, 40)), "a")
        s2, w2 = writer_for(write_patents(tmp_path / "b.csv", range(20, 60)), "b")
        w1.finish()  # A's rows inserted, not committed
        done = threading.Event()

        def second() -> None:
            w2.finish()  # blocks on A's uncommitted rows 20-39
            s2.commit()
            done.set()

        t = threading.Thread(target=second)
        t.start()
        time.sleep(1.0)
        assert not done.is_set(), "the second writer should wait for the first"
        s1.commit()
        t.join(60)
        assert done.is_set()
        s1.close()
        s2.close()
        assert (w1.counts.added, w2.counts.added) == (40, 20)
        assert w2.counts.updated + w2.counts.unchanged == 20
        with ctx.db.session() as s:
            assert store.record_count(s) == 60
    finally:
        ctx.close()
