"""The portable archive: SQLite → archive → PostgreSQL → archive → SQLite gives identical
rows; damaged, altered, foreign or newer archives are refused; a restore is all or nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from transfer_sample import dump, fill

from db.migrate import app_heads
from desktop.app import open_folder
from desktop.cli import main as cli_main
from desktop.errors import Cancelled, UserError
from desktop.transfer import api as transfer

HEAD = app_heads()[0]

ROOT = Path(__file__).resolve().parents[2]


def test_round_trip_sqlite_postgres_sqlite(tmp_path: Path, pg_url: str) -> None:
    a = open_folder(tmp_path / "a")
    fill(a.db)
    first = transfer.backup_to_file(a, tmp_path / "a.zip")
    assert first.path == tmp_path / "a.zip" and first.info.counts["library_records"] == 30
    pg = open_folder(tmp_path / "pg", pg_url)
    done = transfer.restore_from_file(pg, first.path, reindex=False)
    assert done.value.counts["visits"] == 2 and done.changes.library and done.changes.visits
    second = transfer.backup_to_file(pg, tmp_path / "pg.zip")
    assert second.info.source_dialect == "postgresql"
    c = open_folder(tmp_path / "c")
    transfer.restore_from_file(c, second.path, reindex=False)
    want = dump(a.db)
    assert want["library_records"] and want["visit_topics"] and want["desk_profiles"]
    got_pg, got_c = dump(pg.db), dump(c.db)
    for table, rows in want.items():
        if table == "audit_log":  # each restore adds its own entry after the archive's rows
            assert got_pg[table][:len(rows)] == rows
            assert [r[5] for r in got_c[table]] == ["client_erase", "restore", "restore"]
            continue
        assert got_pg[table] == rows, table
        assert got_c[table] == rows, table
    # sequences were moved past the explicit ids: a new client gets a fresh id on PostgreSQL
    from desktop.clients import api as clients

    new = clients.save_client(pg, clients.ClientData(name="新客户有限公司")).value
    assert new.id == 3
    for ctx in (a, pg, c):
        ctx.close()


def test_archive_layout_and_manifest(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(ctx.db, records=5)
    out = tmp_path / "out"
    out.mkdir()
    done = transfer.backup_to_file(ctx, out)  # a folder: a dated name inside it
    assert done.path.parent == out and done.path.name.startswith("ipdesk-backup-")
    assert [p.name for p in out.iterdir()] == [done.path.name]  # no temporary left
    with zipfile.ZipFile(done.path) as zf:
        m = json.loads(zf.read("manifest.json"))
        assert m["format"] == "ipdesk-archive" and m["source_dialect"] == "sqlite"
        assert m["schema_revision"] == list(app_heads())
        names = [t["name"] for t in m["tables"]]
        assert names.index("clients") < names.index("visits") < names.index("visit_topics")
        rec = next(t for t in m["tables"] if t["name"] == "library_records")
        assert rec["rows"] == 5 and len(rec["sha256"]) == 64
        line = json.loads(zf.read(rec["file"]).decode().splitlines()[0])
        assert line["application_date"] == "2017-01-01" and line["title"].startswith("一种")
        cat = next(t for t in m["tables"] if t["name"] == "catalogue_items")
        item = json.loads(zf.read(cat["file"]).decode().splitlines()[0])
        assert item["data"]["ok"] is True and item["active"] is False


def _rewrite(src: Path, dst: Path, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))


def test_foreign_damaged_altered_and_newer_archives_are_refused(ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                capsys) -> None:
    fill(ctx.db)
    good = transfer.backup_to_file(ctx, tmp_path / "good.zip").path
    before = dump(ctx.db)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    import openpyxl

    xlsx = tmp_path / "renamed.zip"
    wb = openpyxl.Workbook()
    wb.save(xlsx)
    text_file = tmp_path / "notes.zip"
    text_file.write_text("hello", encoding="utf-8")
    altered = tmp_path / "altered.zip"
    _rewrite(good, altered, lambda n, b: b.replace("锂电池".encode(), "钠电池".encode())
             if "library_records" in n else b)
    newer = tmp_path / "newer.zip"

    def bump(name: str, data: bytes) -> bytes:
        if name != "manifest.json":
            return data
        m = json.loads(data)
        m["schema_revision"] = ["0099_future"]
        return json.dumps(m).encode()

    _rewrite(good, newer, bump)
    older = tmp_path / "older.zip"
    _rewrite(good, older, lambda n, b: b.replace(f'"{HEAD}"'.encode(), b'"0006_visits"')
             if n == "manifest.json" else b)
    cases = {truncated: "truncated", xlsx: "no manifest.json", text_file: "not a complete zip",
             altered: "fails its checksum", newer: "newer IP Desk",
             older: f"revision (0006_visits) differs from this database's ({HEAD})",
             tmp_path / "missing.zip": "not found"}
    for path, words in cases.items():
        with pytest.raises(UserError) as exc:
            transfer.restore_from_file(ctx, path)
        assert words in exc.value.message("en"), (path, exc.value.message("en"))
        rc = cli_main(["--data-dir", str(ctx.paths.root), "--lang", "en", "restore", str(path),
                       "--yes"])
        assert rc == 2
        err = capsys.readouterr().err
        assert words in err and "Traceback" not in err
    assert dump(ctx.db) == before
    assert not list(ctx.paths.backups_dir.glob("*pre-restore*"))  # refused before backing up


def test_a_cancelled_restore_or_backup_leaves_everything_as_it_was(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fill(ctx.db, tag="A", records=4500)  # more than two chunks of library records
    archive = transfer.backup_to_file(ctx, tmp_path / "a.zip").path
    other = open_folder(tmp_path / "b")
    fill(other.db, tag="B")
    before = dump(other.db)
    state = {"writing": False}

    def progress(done: int, total: int, text: str) -> None:
        # the second half of the progress is the rows being written
        state["writing"] = text == "library_records" and done > total // 2

    with pytest.raises(Cancelled):
        transfer.restore_from_file(other, archive, progress, lambda: state["writing"])
    assert dump(other.db) == before
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        transfer.backup_to_file(ctx, out / "x.zip", cancelled=lambda: True)
    assert list(out.iterdir()) == []  # no half archive, no temporary file
    other.close()


KILLER = r"""
import os, signal, sys
sys.path.insert(0, {root!r})
from desktop.app import open_folder
from desktop.transfer import api as transfer
ctx = open_folder(sys.argv[1], sys.argv[3] if len(sys.argv) > 3 else None)
phase = []
def progress(done, total, text):
    if done > total // 2 + 2000:  # half-way through writing the rows
        os.kill(os.getpid(), signal.SIGKILL)
transfer.restore_from_file(ctx, sys.argv[2], progress, reindex=False)
"""


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_a_restore_killed_half_way_changes_nothing(tmp_path: Path, dialect: str,
                                                   request) -> None:  # type: ignore[no-untyped-def]
    url = request.getfixturevalue("pg_url") if dialect == "postgresql" else None
    src = open_folder(tmp_path / "src")
    fill(src.db, tag="S", records=6000)
    archive = transfer.backup_to_file(src, tmp_path / "s.zip").path
    src.close()
    target = open_folder(tmp_path / "t", url)
    fill(target.db, tag="T", records=10, base_id=100)
    before = dump(target.db)
    target.close()
    args = [sys.executable, "-c", KILLER.format(root=str(ROOT)), str(tmp_path / "t"),
            str(archive)] + ([url] if url else [])
    proc = subprocess.run(args, capture_output=True, text=True, timeout=300,
                          env=os.environ | {"QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    again = open_folder(tmp_path / "t", url)
    assert dump(again.db) == before
    again.close()


def test_cli_backup_and_restore(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a = open_folder(tmp_path / "a")
    fill(a.db)
    a.close()
    out = tmp_path / "out"
    assert cli_main(["--data-dir", str(tmp_path / "a"), "--lang", "en", "backup", "-o",
                     str(tmp_path / "nowhere" / "x.zip")]) == 2
    assert "does not exist" in capsys.readouterr().err
    out.mkdir()
    assert cli_main(["--data-dir", str(tmp_path / "a"), "backup", "-o", str(out / "x.zip"),
                     "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["file"] == str(out / "x.zip") and res["rows"]["clients"] == 2
    b = tmp_path / "b"
    # without --yes and without a terminal: refused, nothing changed
    assert cli_main(["--data-dir", str(b), "--lang", "en", "restore", str(out / "x.zip")]) == 2
    assert "--yes" in capsys.readouterr().err
    assert cli_main(["--data-dir", str(b), "restore", str(out / "x.zip"), "--yes",
                     "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    assert res["rows"]["library_records"] == 30 and res["reindexed"] is True
    assert Path(res["sqlite_backup"]).parent == b / "backups"
    ctx = open_folder(b)
    from desktop.library import api as library

    assert library.search(ctx, "锂电池负极材料A7").total >= 1
    rows = dump(ctx.db)
    assert rows["clients"] == dump(open_folder(tmp_path / "a").db)["clients"]
    ctx.close()


def test_a_full_disk_leaves_no_half_archive(ctx, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import errno

    import db.archive as archive_mod

    fill(ctx.db)
    out = tmp_path / "out"
    out.mkdir()
    old = out / "x.zip"
    old.write_bytes(b"the previous archive")
    real = archive_mod.write_archive

    def full(conn, fh, manifest, progress, cancelled):  # type: ignore[no-untyped-def]
        fh.write(b"PK\x03\x04 partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    import desktop.transfer.portable as portable

    monkeypatch.setattr(portable, "write_archive", full)
    with pytest.raises(UserError) as exc:
        transfer.backup_to_file(ctx, old)
    assert "disk is full" in exc.value.message("en") and exc.value.file == str(old)
    assert [p.name for p in out.iterdir()] == ["x.zip"] and old.read_bytes() == \
        b"the previous archive"
    assert real is archive_mod.write_archive


def test_a_value_the_target_cannot_hold_is_named_and_nothing_changes(ctx, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                     pg_url: str) -> None:
    from desktop.clients import api as clients

    clients.save_client(ctx, clients.ClientData(name="有NUL\x00的名称"))  # SQLite keeps it
    archive = transfer.backup_to_file(ctx, tmp_path / "nul.zip").path
    pg = open_folder(tmp_path / "pg", pg_url)
    fill(pg.db, tag="P")
    before = dump(pg.db)
    with pytest.raises(UserError) as exc:
        transfer.restore_from_file(pg, archive)
    assert "cannot write table clients" in exc.value.message("en")
    assert dump(pg.db) == before
    pg.close()
